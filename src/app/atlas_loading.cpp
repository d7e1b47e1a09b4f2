#include "app/atlas_loading.hpp"

#include "app/scene_setup.hpp"
#include "core/input_events.hpp"
#include "gfx/scene_renderer.hpp"
#include "platform/window.hpp"
#include "ui/imgui_host.hpp"
#include "ui/loading_screen.hpp"

#include <chrono>
#include <filesystem>
#include <future>

namespace crus::app {

Scene load_atlas_drawing_progress(const AtlasOptions& options, platform::Window& window, ui::ImGuiHost& host,
                                  gfx::SceneRenderer& renderer) {
  if (ui::imgui_frame_open()) return load_atlas(options, false);
  // The import reads files and builds meshes only: nothing on the worker
  // touches the window, the GL context or ImGui.
  std::future<Scene> loading = std::async(std::launch::async, [options] { return load_atlas(options, false); });
  const std::string file = std::filesystem::path(options.resolved_atlas()).filename().string();
  const auto start = std::chrono::steady_clock::now();
  const Scene nothing;
  while (loading.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
    window.wait_events(0.05);      // about twenty frames a second, the rest of the core for the import
    keep_for_after_load(window.input_events()); // keys wait for the leg; clicks on the note are dropped
    const glm::ivec2 fb = window.framebuffer_size();
    if (fb.x <= 0 || fb.y <= 0) continue; // minimised
    host.begin_frame();
    ui::draw_loading_screen(file, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    gfx::FrameParams frame;
    frame.viewport_size = fb;
    renderer.draw(nothing, DrawList{}, frame); // clears to the view's background
    host.end_frame();
    window.swap_buffers();
  }
  return loading.get(); // rethrows the loader's InputError, which the viewer lists under Problems
}

} // namespace crus::app
