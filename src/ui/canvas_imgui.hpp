#pragma once
// The viewer's side of the label renderer (core/publish/figure_overlays.hpp): text
// measured with ImGui's fonts, and a recorded canvas replayed into an ImGui
// draw list, so the viewer shows the same labels and marks as the figures.
#include "core/publish/figure_overlays.hpp"

struct ImDrawList;

namespace crus::ui {

// ImGui's current font (and the large font, when a text asks for its size).
const TextMetrics& imgui_text_metrics();
// A pen over `canvas` at ImGui's current font size.
CanvasPen imgui_pen(Canvas& canvas);
void draw_canvas(ImDrawList* draw, const Canvas& canvas);

} // namespace crus::ui
