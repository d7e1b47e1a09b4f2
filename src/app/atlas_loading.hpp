#pragma once
// Loads an atlas on a worker thread while the window keeps drawing a
// loading note (ui/loading_screen.hpp), so that a large atlas does not
// freeze the window. Keys and text typed meanwhile stay queued for the main
// loop (core/input_events.hpp: keep_for_after_load), clicks and scrolls are
// dropped; a close request is kept for the main loop. Used by the viewer for every load.
#include "app/commands.hpp"
#include "core/scene.hpp"

namespace crus::platform {
class Window;
}
namespace crus::gfx {
class SceneRenderer;
}
namespace crus::ui {
class ImGuiHost;
}

namespace crus::app {

// What load_atlas(options, false) returns, or throws what it throws. Loads
// on the calling thread when an ImGui frame is open (an atlas opened from a
// menu action): frames cannot nest.
Scene load_atlas_drawing_progress(const AtlasOptions& options, platform::Window& window, ui::ImGuiHost& host,
                                  gfx::SceneRenderer& renderer);

} // namespace crus::app
