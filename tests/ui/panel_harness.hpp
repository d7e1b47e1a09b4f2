#pragma once
// Drawing one panel headless for a frame, shared by the panel tests.
#include "ui/imgui_host.hpp"
#include "ui/panel.hpp"
#include "ui/viewer_context.hpp"

#include <imgui.h>

#include <functional>
#include <string>

namespace crus::test {

struct PanelFrame {
  ImVec2 display{1280, 1600}; // the screen
  ImVec2 pos{700, 40};        // the panel's window
  ImVec2 size{560, 1500};
  ImGuiCond cond = ImGuiCond_Always;
  std::function<void(ImGuiIO&)> input; // mouse and keys for this frame
};

// Draws one frame with `panel` in its window and returns the text the panel
// drew. Like ui::draw_panel_window, but the text log starts inside the
// window (End() of a top-level window ends the log and empties it). A
// problem the panel threw is left in panel.last_error.
std::string draw_panel_frame(ui::ImGuiHost& host, ui::Panel& panel, ui::ViewerContext& ctx, const PanelFrame& frame = {});
// The narrowest the viewer lays a panel out, for the harness's font: 224 px
// with 30 px text, 7.4 times the text's height.
float narrowest_panel_width();
// How far, in pixels, the widest thing the last frame drew in the window
// `title` reached past the window's content edge (0 when all of it fitted):
// a button or check box cut off at a narrow panel's edge.
float content_overflow(const char* title);
// Draws `frames` frames of `panel` in a window `width` by `height` px at the
// top left of the screen and returns the text the last one drew.
std::string draw_at_width(ui::ImGuiHost& host, ui::Panel& panel, ui::ViewerContext& ctx, float width, float height,
                          int frames = 2);
// Draws `panel` in a window `width` px wide (two frames, so that it settles)
// and returns content_overflow for it.
float overflow_at_width(ui::ImGuiHost& host, ui::Panel& panel, ui::ViewerContext& ctx, float width, float height = 1500.0f);
// How far, in pixels, anything the last frame drew in the window `title`
// reached sideways past the clip rectangle it was drawn with (0 when none
// did): text cut off by a table's cell or by the panel's edge, which
// content_overflow does not see. Below the window's edge is left out (a
// scrolled list is cut there by design).
float clipped_sideways(const char* title);
// One frame through the viewer's own window guard.
void draw_guarded_frame(ui::ImGuiHost& host, ui::Panel& panel, ui::ViewerContext& ctx);

} // namespace crus::test
