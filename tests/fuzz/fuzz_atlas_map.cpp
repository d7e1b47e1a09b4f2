// libFuzzer target: --atlas-map files (load_atlas_map reads a path).
#include "core/document/scene.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string path = crus::fuzz::write_input("map.json", data, size);
  crus::fuzz::expect_input_error_only([&] { crus::load_atlas_map(path, {"tibia", "fibula", "soleus", "gastrocnemius_medial"}); });
  return 0;
}
