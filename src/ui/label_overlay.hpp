#pragma once
// Labels with leader lines (and a colour legend) over the viewer's 3D view:
// the figures' label renderer (core/publish/figure_overlays.hpp) with ImGui's fonts,
// replayed into ImGui's draw lists.
#include "core/document/highlights.hpp"
#include "core/document/panel_layout.hpp"
#include "core/document/view_labels.hpp"
#include <glm/mat4x4.hpp>
#include <string>
#include <utility>
#include <vector>

namespace crus::ui {

// The label view and placement live below ui (core/document/view_labels.hpp), where
// headless figures take them too; these names keep the ui spelling.
using crus::LabelView;
using crus::PlacedLabel;
using crus::screen_rect;

// crus::place_labels with ImGui's font measuring the text.
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

} // namespace crus::ui

namespace crus::ui {
struct ViewerContext;
// The labels of the 3D view (crus::view_labels over the context's scene,
// document, highlights and section).
std::vector<LabelAnchor> view_labels(const ViewerContext& ctx);
// `window_bars`: leave room for the viewer's menu and status bars.
void draw_view_annotations(const ViewerContext& ctx, bool window_bars);
} // namespace crus::ui
