#pragma once
// Draws labels with leader lines (and a colour legend) over the 3D view with
// ImGui's draw lists: in the viewer and in headless figures alike.
#include "core/highlights.hpp"
#include <glm/mat4x4.hpp>
#include <string>
#include <vector>

namespace crus::ui {

struct LabelView {
  glm::mat4 view_projection{1.0f}; // model frame -> clip (mirror included)
  glm::vec2 screen{1.0f};           // logical pixels
  float top = 0.0f;                 // reserved at the top (menu bar)
  float bottom = 0.0f;              // reserved at the bottom (status bar)
};

// Lays out and draws `labels`; returns how many were drawn. `keep_out` is
// the model's bounding box in the model frame (labels go beside it).
int draw_labels(const std::vector<LabelAnchor>& labels, const LabelView& view, const Aabb& keep_out);
void draw_legend(const std::vector<std::pair<glm::vec3, std::string>>& legend, const LabelView& view);
// The same legend as a small movable window (the viewer).
void draw_legend_window(const std::vector<std::pair<glm::vec3, std::string>>& legend);

} // namespace crus::ui

namespace crus::ui {
struct ViewerContext;
// The labels of the 3D view: the selection's name, pinned structures, the
// highlight labels (origin, insertion, nerve) and the legend.
std::vector<LabelAnchor> view_labels(const ViewerContext& ctx);
// `window_bars`: leave room for the viewer's menu and status bars.
void draw_view_annotations(const ViewerContext& ctx, bool window_bars);
} // namespace crus::ui
