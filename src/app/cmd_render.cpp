#include "app/commands.hpp"
#include "app/offscreen.hpp"
#include "app/presentation.hpp"
#include "app/scene_setup.hpp"
#include "core/error.hpp"
#include "core/file_io.hpp"

#include <filesystem>
#include <iostream>

namespace crus::app {

int run_render(const RenderOptions& options) {
  auto view = parse_view(options.view);
  if (!view) throw InputError("--view", "expected anterior, posterior, medial, lateral, superior or inferior, got \"" + options.view + "\"");
  auto [width, height] = parse_size(options.size, "--size");
  check_writable_file(options.out, "--out"); // before any rendering work

  Scene scene = load_atlas(options.atlas, true);
  Presentation presentation(scene, /*with_knowledge=*/true);
  presentation.apply_render_options(options); // overlays that need the trigger points fail here (exit 2)
  if (options.overlays.empty()) report_unloadable_clinical_data(scene, "the picture is drawn; overlays would need them");

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
