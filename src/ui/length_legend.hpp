#pragma once
// The legend of muscles coloured by length change, and a one-line caption,
// drawn over the viewer's 3D view (the Motion panel): the figures' renderer
// (core/publish/figure_overlays.hpp) replayed into ImGui.
#include <glm/vec2.hpp>
#include <string>

namespace crus::ui {

// A bar from purple (shortening) through white to orange (lengthening),
// ticked at -full, 0 and +full per cent of the neutral length, with its
// box's top-left corner at `corner` (logical pixels), or its bottom-left
// corner when `from_bottom`; returns its size.
glm::vec2 draw_length_legend(const glm::vec2& corner, double full_scale_pct, bool from_bottom = false);
// One line of text on a dark band at `corner`.
void draw_caption(const glm::vec2& corner, const std::string& text);

} // namespace crus::ui
