#include "app/viewer_atlas_loading.hpp"

#include "app/scene_setup.hpp"
#include "core/document/scene_picks.hpp"
#include "core/commands/input_events.hpp"
#include "gfx/scene_renderer.hpp"
#include "platform/window.hpp"
#include "ui/imgui_host.hpp"
#include "ui/loading_screen.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>

namespace crus::app {

namespace {
LoadedAtlas load_with_picks(const AtlasOptions& options) {
  LoadedAtlas loaded{load_atlas(options, false), {}};
  loaded.picks = pick_index_of(loaded.scene); // as Session::rebuild_picks does
  return loaded;
}
} // namespace

std::future<LoadedAtlas> start_atlas_load(const AtlasOptions& options) {
  // The import reads files and builds meshes and the pick index only:
  // nothing on the worker touches the window, the GL context or ImGui.
  return std::async(std::launch::async, [options] { return load_with_picks(options); });
}

std::optional<int> lod_known_before_gl(const std::string& detail, int asked) {
  if (detail == "light") return 1;
  if (detail == "full") return asked;
  if (detail != "auto") return std::nullopt;
  std::error_code ec;
  const char* forced = std::getenv("LIBGL_ALWAYS_SOFTWARE");
  const bool software = !std::filesystem::exists("/dev/dri", ec) || (forced && *forced && *forced != '0');
  return software ? std::optional<int>(1) : std::nullopt;
}

LoadedAtlas load_atlas_drawing_progress(const AtlasOptions& options, platform::Window& window, ui::ImGuiHost& host,
                                        gfx::SceneRenderer& renderer, std::future<LoadedAtlas> started) {
  if (ui::imgui_frame_open()) return started.valid() ? started.get() : load_with_picks(options);
  std::future<LoadedAtlas> loading = started.valid() ? std::move(started) : start_atlas_load(options);
  const std::string file = std::filesystem::path(options.resolved_atlas()).filename().string();
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  // The note is redrawn four times a second, not at every event: on a
  // software rasteriser each redraw of the window costs the import CPU time
  // on the same cores. Between redraws the wait is on the load itself, so
  // the leg follows as soon as it is ready.
  constexpr auto kRedraw = std::chrono::milliseconds(250);
  auto next_redraw = start;
  const Scene nothing;
  while (loading.wait_for(std::chrono::milliseconds(10)) != std::future_status::ready) {
    window.wait_events(0.0);                    // a close request, keys to keep
    keep_for_after_load(window.input_events()); // keys wait for the leg; clicks on the note are dropped
    const auto now = Clock::now();
    if (now < next_redraw) continue;
    next_redraw = now + kRedraw;
    const glm::ivec2 fb = window.framebuffer_size();
    if (fb.x <= 0 || fb.y <= 0) continue; // minimised
    host.begin_frame();
    ui::draw_loading_screen(file, std::chrono::duration<double>(now - start).count());
    gfx::FrameParams frame;
    frame.viewport_size = fb;
    renderer.draw(nothing, DrawList{}, frame); // clears to the view's background
    host.end_frame();
    window.swap_buffers();
  }
  return loading.get(); // rethrows the loader's InputError, which the viewer lists under Problems
}

} // namespace crus::app
