#pragma once
// Loads an atlas on a worker thread while the window keeps drawing a
// loading note (ui/loading_screen.hpp), so that a large atlas does not
// freeze the window. Keys and text typed meanwhile stay queued for the main
// loop (core/commands/input_events.hpp: keep_for_after_load), clicks and scrolls are
// dropped; a close request is kept for the main loop. Used by the viewer for every load.
#include "app/commands.hpp"
#include "core/geometry/picking.hpp"
#include "core/document/scene.hpp"

#include <future>
#include <optional>
#include <string>

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

// An atlas as load_atlas(options, false) returns it, with the pick index over
// its meshes, built on the same worker thread.
struct LoadedAtlas {
  Scene scene;
  PickIndex picks;
};

// What load_atlas(options, false) returns, or throws what it throws. Loads
// on the calling thread when an ImGui frame is open (an atlas opened from a
// menu action): frames cannot nest. `started`: the same load already begun
// (start_atlas_load, before the window opened), waited for instead.
LoadedAtlas load_atlas_drawing_progress(const AtlasOptions& options, platform::Window& window, ui::ImGuiHost& host,
                                        gfx::SceneRenderer& renderer, std::future<LoadedAtlas> started = {});

// load_atlas(options, false) on a worker thread, begun now: the viewer starts
// the first atlas before its window and GL context, which take most of a
// second on a software rasteriser, so both cores work from the start.
std::future<LoadedAtlas> start_atlas_load(const AtlasOptions& options);

// The level of detail the viewer will pick (`detail`: auto, light or full;
// `asked`: the options' own), when it is known before a GL context can be
// asked for its renderer: asked for outright, or a machine with no GPU device
// node (or LIBGL_ALWAYS_SOFTWARE), where OpenGL can only be a software
// rasteriser and auto means the light atlas. Otherwise none.
std::optional<int> lod_known_before_gl(const std::string& detail, int asked);

} // namespace crus::app
