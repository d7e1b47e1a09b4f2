#include "core/publish/figure_overlays.hpp"

#include "core/motion/length_colours.hpp"

#include <algorithm>
#include <cstdio>

namespace crus {

namespace {
const CanvasColour kPanel = rgba8(20, 22, 26, 225);
const CanvasColour kText = rgba8(245, 245, 245);
CanvasColour opaque(const glm::vec3& c, float a = 1.0f) { return CanvasColour(c, a); }
} // namespace

std::vector<PlacedLabel> place_labels(const CanvasPen& pen, const std::vector<LabelAnchor>& labels, const LabelView& view,
                                      const Aabb& keep_out) {
  const auto measure = [&pen](const std::string& text) { return pen.measure(text); };
  return crus::place_labels(labels, view, keep_out, measure, pen.font_px);
}

int draw_labels(const CanvasPen& pen, const std::vector<LabelAnchor>& labels, const LabelView& view, const Aabb& keep_out) {
  const auto placed = place_labels(pen, labels, view, keep_out);
  for (const PlacedLabel& p : placed) {
    const LabelAnchor& label = labels[p.index];
    const glm::vec2 tl = p.top_left, br = p.bottom_right;
    const glm::vec2 attach{p.anchor.x < tl.x ? tl.x : br.x, (tl.y + br.y) * 0.5f};
    pen.canvas.line(attach, p.anchor, rgba8(255, 255, 255, 220), 1.5f);
    pen.canvas.fill_circle(p.anchor, 3.5f, opaque(label.colour));
    pen.canvas.fill_rect(tl, br, kPanel, 4.0f);
    pen.canvas.stroke_rect(tl, br, opaque(label.colour, 0.9f), 4.0f, 1.5f);
    pen.canvas.text(tl + glm::vec2(kLabelPad), kText, label.text, pen.font_px);
  }
  return static_cast<int>(placed.size());
}

float draw_legend(const CanvasPen& pen, const Legend& legend, const LabelView& view) {
  if (legend.empty()) return 0.0f;
  const float line = pen.line_px();
  float width = 0.0f;
  for (const auto& entry : legend) width = std::max(width, pen.measure(entry.second).x);
  const glm::vec2 size(width + line * 2.0f, line * static_cast<float>(legend.size()) + 12.0f);
  const glm::vec2 tl(view.screen.x - size.x - 12.0f, view.top + 12.0f);
  pen.canvas.fill_rect(tl, tl + size, kPanel, 5.0f);
  float y = tl.y + 6.0f;
  for (const auto& [c, text] : legend) {
    pen.canvas.fill_rect({tl.x + 8.0f, y + 3.0f}, {tl.x + 8.0f + line * 0.8f, y + line - 3.0f}, opaque(c), 3.0f);
    pen.canvas.text({tl.x + 8.0f + line * 1.2f, y}, kText, text, pen.font_px);
    y += line;
  }
  return size.y;
}

int draw_figure_labels(const CanvasPen& pen, const std::vector<LabelAnchor>& labels, const Legend& legend, const LabelView& view,
                       const Aabb& keep_out) {
  draw_legend(pen, legend, view);
  LabelView below = view;
  if (!legend.empty()) below.top = view.top + 24.0f + pen.line_px() * static_cast<float>(legend.size());
  return draw_labels(pen, labels, below, keep_out);
}

void draw_slide_caption(const CanvasPen& pen, float large_px, const std::string& caption, int step, int count, float width,
                        float height) {
  const float size = large_px;
  const float margin = std::max(12.0f, width * 0.03f);
  const float wrap = width - 2.0f * margin;
  const glm::vec2 text = pen.metrics.measure(caption, size, wrap);
  const float bar = count > 0 ? std::max(4.0f, height * 0.006f) : 0.0f;
  const float band = text.y + 2.0f * size * 0.6f + bar;
  const float top = height - band;
  // Dark and mostly opaque, so the text reads on a light or a dark view.
  pen.canvas.fill_rect({0.0f, top}, {width, height}, rgba8(12, 14, 18, 215));
  pen.canvas.text({margin, top + size * 0.6f}, rgba8(255, 255, 255), caption, size, wrap);
  if (count <= 0) return;
  const float done = width * static_cast<float>(step + 1) / static_cast<float>(count);
  pen.canvas.fill_rect({0.0f, height - bar}, {width, height}, rgba8(70, 74, 82));
  pen.canvas.fill_rect({0.0f, height - bar}, {done, height}, rgba8(90, 170, 255));
  const std::string label = std::to_string(step + 1) + " / " + std::to_string(count);
  const glm::vec2 l = pen.measure(label);
  const glm::vec2 at(width - margin - l.x, top - l.y - pen.font_px * 0.5f);
  pen.canvas.fill_rect(at - glm::vec2(8.0f, 4.0f), at + l + glm::vec2(8.0f, 4.0f), rgba8(12, 14, 18, 190), 4.0f);
  pen.canvas.text(at, rgba8(235, 235, 235), label, pen.font_px);
}

glm::vec2 draw_length_legend(const CanvasPen& pen, glm::vec2 corner, double full_scale_pct, bool from_bottom) {
  const float fs = pen.font_px;
  const float pad = fs * 0.5f, bar_w = fs * 14.0f, bar_h = fs * 0.9f;
  const std::string title = "Length change from neutral";
  const std::string note = "grey: no change";
  const float w = std::max({bar_w, pen.measure(title).x, pen.measure(note).x}) + 2.0f * pad;
  const float h = pad + fs * 1.3f + bar_h + fs * 1.2f + fs * 1.2f + fs * 1.2f + pad;
  const glm::vec2 tl(corner.x, from_bottom ? corner.y - h : corner.y);
  Canvas& c = pen.canvas;
  c.fill_rect(tl, tl + glm::vec2(w, h), rgba8(20, 22, 26, 215), fs * 0.3f);
  c.text(tl + glm::vec2(pad), kText, title, fs);
  const float x0 = tl.x + pad, y0 = tl.y + pad + fs * 1.3f;
  constexpr int steps = 48;
  for (int i = 0; i < steps; ++i) {
    const double a = -full_scale_pct + 2.0 * full_scale_pct * (i + 0.5) / steps;
    const float xa = x0 + bar_w * static_cast<float>(i) / steps, xb = x0 + bar_w * static_cast<float>(i + 1) / steps;
    c.fill_rect({xa, y0}, {xb + 0.5f, y0 + bar_h}, opaque(motion::length_change_srgb(a, full_scale_pct)));
  }
  char lo[32], hi[32];
  std::snprintf(lo, sizeof lo, "-%g %%", full_scale_pct);
  std::snprintf(hi, sizeof hi, "+%g %%", full_scale_pct);
  const float ty = y0 + bar_h + fs * 0.15f;
  const CanvasColour text = rgba8(235, 235, 235);
  c.text({x0, ty}, text, lo, fs);
  c.text({x0 + bar_w * 0.5f - pen.measure("0").x * 0.5f, ty}, text, "0", fs);
  c.text({x0 + bar_w - pen.measure(hi).x, ty}, text, hi, fs);
  c.text({x0, ty + fs * 1.2f}, opaque(motion::kLengthPalette[0] * 0.5f + glm::vec3(0.45f)), "shortening", fs);
  c.text({x0 + bar_w - pen.measure("lengthening").x, ty + fs * 1.2f}, opaque(motion::kLengthPalette[4]), "lengthening", fs);
  c.text({x0, ty + fs * 2.4f}, rgba8(190, 190, 190), note, fs);
  return {w, h};
}

void draw_caption_line(const CanvasPen& pen, glm::vec2 corner, const std::string& text) {
  const float fs = pen.font_px;
  const glm::vec2 size = pen.measure(text);
  pen.canvas.fill_rect(corner, corner + glm::vec2(size.x + fs, size.y + fs * 0.6f), rgba8(20, 22, 26, 215), fs * 0.3f);
  pen.canvas.text(corner + glm::vec2(fs * 0.5f, fs * 0.3f), kText, text, fs);
}

} // namespace crus
