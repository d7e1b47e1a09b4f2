#pragma once
// The label renderer: labels with leader lines, the colour legend, the
// caption band of a slide, the length-change legend and a one-line caption,
// recorded onto a canvas (core/publish/overlay_canvas.hpp). Headless figures paint
// the canvas with cairo (core/publish/canvas_paint.hpp); the viewer replays it into
// ImGui (ui/canvas_imgui.hpp). Positions are laid out here, once, with the
// painter's own text measure.
#include "core/document/highlights.hpp"
#include "core/publish/overlay_canvas.hpp"
#include "core/document/view_labels.hpp"

#include <glm/vec3.hpp>
#include <string>
#include <utility>
#include <vector>

namespace crus {

// The text a canvas is drawn with: its measure and the body size (pixels).
struct CanvasPen {
  Canvas& canvas;
  const TextMetrics& metrics;
  float font_px = 14.0f;
  float line_px() const { return font_px + 4.0f; } // a row of text with its spacing
  glm::vec2 measure(const std::string& text) const { return metrics.measure(text, font_px); }
};

using Legend = std::vector<std::pair<glm::vec3, std::string>>;

// place_labels with the pen's measure.
std::vector<PlacedLabel> place_labels(const CanvasPen& pen, const std::vector<LabelAnchor>& labels, const LabelView& view,
                                      const Aabb& keep_out);
// Lays out and draws `labels`: a box per label, a leader line to a dot on
// the structure; returns how many were drawn.
int draw_labels(const CanvasPen& pen, const std::vector<LabelAnchor>& labels, const LabelView& view, const Aabb& keep_out);
// The legend as a box in the top-right corner of the view; returns its height (0 when empty).
float draw_legend(const CanvasPen& pen, const Legend& legend, const LabelView& view);
// A figure's labels: the legend in its corner and the labels below it, so the two never overlap.
int draw_figure_labels(const CanvasPen& pen, const std::vector<LabelAnchor>& labels, const Legend& legend, const LabelView& view,
                       const Aabb& keep_out);

// The caption band of a lesson slide and of presenter mode: `large_px` type
// at the bottom of a `width` x `height` view on a dark band, and a progress
// bar with "3 / 8" in the pen's size. `step` is 0-based; `count` 0 draws no progress.
void draw_slide_caption(const CanvasPen& pen, float large_px, const std::string& caption, int step, int count, float width,
                        float height);

// The legend of muscles coloured by length change: a bar from purple
// (shortening) through white to orange (lengthening), ticked at -full, 0
// and +full per cent, with its box's top-left corner at `corner`, or its
// bottom-left corner when `from_bottom`; returns its size.
glm::vec2 draw_length_legend(const CanvasPen& pen, glm::vec2 corner, double full_scale_pct, bool from_bottom = false);
// One line of text on a dark band at `corner`.
void draw_caption_line(const CanvasPen& pen, glm::vec2 corner, const std::string& text);

} // namespace crus
