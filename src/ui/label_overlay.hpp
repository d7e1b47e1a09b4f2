#pragma once
// Draws labels with leader lines (and a colour legend) over the 3D view with
// ImGui's draw lists: in the viewer and in headless figures alike.
#include "core/highlights.hpp"
#include "core/panel_layout.hpp"
#include <glm/mat4x4.hpp>
#include <string>
#include <utility>
#include <vector>

namespace crus::ui {

struct LabelView {
  glm::mat4 view_projection{1.0f}; // model frame -> clip (mirror included)
  glm::vec2 screen{1.0f};           // logical pixels
  float top = 0.0f;                 // reserved at the top (menu bar)
  float bottom = 0.0f;              // reserved at the bottom (status bar)
  // The free band between the panels docked at the sides (logical pixels);
  // right <= left means the whole width.
  float left = 0.0f, right = 0.0f;
};

// Where each label goes: its index in the list, its anchor on screen and its
// box (logical pixels). Labels with no room or behind the eye are left out.
struct PlacedLabel {
  std::size_t index = 0;
  glm::vec2 anchor{0.0f}, top_left{0.0f}, bottom_right{0.0f};
};
// `keep_out` is the model's bounding box in the model frame (labels go
// beside it); labels stay inside the band between view.left and view.right.
std::vector<PlacedLabel> place_labels(const std::vector<LabelAnchor>& labels, const LabelView& view, const Aabb& keep_out);
// Lays out and draws `labels`; returns how many were drawn.
int draw_labels(const std::vector<LabelAnchor>& labels, const LabelView& view, const Aabb& keep_out);
void draw_legend(const std::vector<std::pair<glm::vec3, std::string>>& legend, const LabelView& view);
// Narrows `view` to the band between the panels (screen rectangles, min and
// max) on its left and right; the whole width when that band is too narrow.
void fit_between_panels(LabelView& view, const std::vector<std::pair<glm::vec2, glm::vec2>>& panels);
// The same legend as a small window (the viewer), placed inside `free` (the
// view between bars and panels) where it covers none of `model` (the model's
// rectangle on screen) when there is such a place; returns its rectangle.
ScreenRect draw_legend_window(const std::vector<std::pair<glm::vec3, std::string>>& legend, const ScreenRect& free,
                              const ScreenRect& model);
// The screen rectangle of `box` (model frame) under `view`.
ScreenRect screen_rect(const Aabb& box, const LabelView& view);

} // namespace crus::ui

namespace crus::ui {
struct ViewerContext;
// The labels of the 3D view: the selection's name, pinned structures, the
// highlight labels (origin, insertion, nerve) and the legend.
std::vector<LabelAnchor> view_labels(const ViewerContext& ctx);
// `window_bars`: leave room for the viewer's menu and status bars.
void draw_view_annotations(const ViewerContext& ctx, bool window_bars);
} // namespace crus::ui
