#pragma once
// 2D drawing over a view (labels and leader lines, legends, pins, arrows,
// captions) recorded as a list of primitives below the ui layer. The label
// renderer (core/publish/figure_overlays.hpp) records them once; headless figures
// paint them into the picture with cairo and pango (core/publish/canvas_paint.hpp),
// the viewer replays the same list into ImGui's draw lists
// (ui/canvas_imgui.hpp). Logical pixels, origin top-left, y down.
#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include <string>
#include <utility>
#include <vector>

namespace crus {

// Straight (not premultiplied) RGBA, 0..1.
using CanvasColour = glm::vec4;
constexpr CanvasColour rgba8(int r, int g, int b, int a = 255) {
  return CanvasColour(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f,
                      static_cast<float>(a) / 255.0f);
}

struct CanvasItem {
  enum class Kind { line, polyline, fill_circle, stroke_circle, fill_rect, stroke_rect, fill_triangle, text };
  Kind kind = Kind::line;
  // line: from, to; polyline: its points; circles: the centre; rects: min,
  // max; triangle: its corners; text: the top-left corner of its box.
  std::vector<glm::vec2> points;
  CanvasColour colour{1.0f};
  float width = 1.0f;  // strokes
  float radius = 0.0f; // circles; the corner rounding of rects
  float size = 0.0f;   // text: the font's line height in pixels
  float wrap = 0.0f;   // text: wrap at this width (0: one line)
  std::string text;
};

// The size of a text as the painter will draw it.
class TextMetrics {
public:
  virtual ~TextMetrics() = default;
  // Logical pixels; `size` is the line height, `wrap` > 0 wraps at that width.
  virtual glm::vec2 measure(const std::string& text, float size, float wrap = 0.0f) const = 0;
};

class Canvas {
public:
  void line(glm::vec2 from, glm::vec2 to, CanvasColour c, float width) { add({CanvasItem::Kind::line, {from, to}, c, width}); }
  void polyline(std::vector<glm::vec2> points, CanvasColour c, float width) {
    add({CanvasItem::Kind::polyline, std::move(points), c, width});
  }
  void fill_circle(glm::vec2 centre, float r, CanvasColour c) { add({CanvasItem::Kind::fill_circle, {centre}, c, 1.0f, r}); }
  void stroke_circle(glm::vec2 centre, float r, CanvasColour c, float width) {
    add({CanvasItem::Kind::stroke_circle, {centre}, c, width, r});
  }
  void fill_rect(glm::vec2 min, glm::vec2 max, CanvasColour c, float rounding = 0.0f) {
    add({CanvasItem::Kind::fill_rect, {min, max}, c, 1.0f, rounding});
  }
  void stroke_rect(glm::vec2 min, glm::vec2 max, CanvasColour c, float rounding, float width) {
    add({CanvasItem::Kind::stroke_rect, {min, max}, c, width, rounding});
  }
  void fill_triangle(glm::vec2 a, glm::vec2 b, glm::vec2 c, CanvasColour colour) {
    add({CanvasItem::Kind::fill_triangle, {a, b, c}, colour});
  }
  void text(glm::vec2 top_left, CanvasColour c, std::string text, float size, float wrap = 0.0f) {
    CanvasItem item{CanvasItem::Kind::text, {top_left}, c, 1.0f, 0.0f, size, wrap};
    item.text = std::move(text);
    add(std::move(item));
  }
  const std::vector<CanvasItem>& items() const { return items_; }
  bool empty() const { return items_.empty(); }
  void clear() { items_.clear(); }

private:
  void add(CanvasItem item) { items_.push_back(std::move(item)); }
  std::vector<CanvasItem> items_;
};

} // namespace crus
