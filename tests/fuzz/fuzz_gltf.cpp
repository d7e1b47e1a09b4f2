// libFuzzer target: mesh files through load_scene, the project's own loading
// function, which checks a glTF's structure before Assimp sees it. Inputs
// starting with "glTF" are written as .glb, others as .gltf. Lenient (the
// viewer's way) so that files with bad indices still reach Assimp.
#include "core/document/scene.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bool glb = size >= 4 && std::string(reinterpret_cast<const char*>(data), 4) == "glTF";
  std::string path = crus::fuzz::write_input(glb ? "in.glb" : "in.gltf", data, size);
  crus::SceneLoadOptions o;
  o.strict = false;
  o.manifest_path = (crus::fuzz::scratch() / "no-manifest.json").string(); // none: the file alone is fuzzed
  crus::fuzz::expect_input_error_only([&] { crus::load_scene(path, o); });
  return 0;
}
