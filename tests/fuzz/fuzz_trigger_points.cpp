// libFuzzer target: trigger_points.json, with the bundled atlas's landmarks.
#include "core/io/atlas_manifest.hpp"
#include "core/io/file_io.hpp"
#include "core/anatomy/trigger_points.hpp"
#include "fuzz_support.hpp"

namespace {
const std::vector<crus::Landmark>& landmarks() {
  static const std::vector<crus::Landmark> l = crus::load_manifest(crus::assets_dir() + "/atlas/atlas.json").landmarks;
  return l;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  crus::fuzz::expect_input_error_only(
      [&] { crus::parse_trigger_points(crus::fuzz::text(data, size), "trigger_points.json", landmarks()); });
  return 0;
}
