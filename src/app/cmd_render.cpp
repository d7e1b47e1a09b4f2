#include "app/commands.hpp"
#include "app/offscreen.hpp"
#include "app/presentation.hpp"
#include "app/scene_setup.hpp"
#include "core/error.hpp"

#include <cctype>
#include <filesystem>
#include <iostream>

namespace crus::app {

int run_render(const RenderOptions& options) {
  auto view = parse_view(options.view);
  if (!view) throw InputError("--view", "expected anterior, posterior, medial, lateral, superior or inferior, got \"" + options.view + "\"");
  auto [width, height] = parse_size(options.size, "--size");
  {
    // Fail on an unwritable --out before any rendering work.
    std::filesystem::path out(options.out);
    std::error_code ec;
    auto dir = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(dir, ec)) throw InputError("--out", options.out + ": the folder " + dir.string() + " does not exist");
    if (std::filesystem::is_directory(out, ec)) throw InputError("--out", options.out + " is a folder; give a file name ending in .png");
    std::string ext = out.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".png") throw InputError("--out", options.out + ": crus render writes PNG images; give a file name ending in .png");
  }

  Scene scene = load_atlas(options.atlas, true);
  Presentation presentation(scene, /*with_knowledge=*/true);
  presentation.apply_render_options(options);

  OffscreenRenderer renderer(width, height);
  renderer.upload(scene);
  OrbitCamera camera = presentation.camera_for(*view, static_cast<float>(width) / static_cast<float>(height));
  Image image = presentation.render(renderer, camera, options.labels);
  write_png(image, options.out);
  std::cout << options.out << ": " << width << "x" << height << ", " << to_string(*view) << " view, "
            << scene.structures.size() << " structures\n";
  return 0;
}

} // namespace crus::app
