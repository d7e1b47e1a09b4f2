// libFuzzer target: the atlas manifest (atlas.json).
#include "core/io/atlas_manifest.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  crus::fuzz::expect_input_error_only([&] { crus::parse_manifest(crus::fuzz::text(data, size), "atlas.json"); });
  return 0;
}
