#include "core/document/annotation_marks.hpp"
#include "core/geometry/rest_frame.hpp"

#include "core/document/draw_builder.hpp"

#include <glm/geometric.hpp>

#include <algorithm>

namespace crus {

namespace {

const CanvasColour kPinColour = rgba8(255, 196, 40);
const CanvasColour kArrowColour = rgba8(90, 205, 255);
const CanvasColour kInkColour = rgba8(255, 64, 110);

CanvasColour faded(CanvasColour c, bool hidden) { return hidden ? CanvasColour(glm::vec3(c), 90.0f / 255.0f) : c; }

void note_label(const CanvasPen& pen, glm::vec2 at, const std::string& text, CanvasColour edge, bool hidden) {
  if (text.empty()) return;
  const glm::vec2 size = pen.measure(text);
  const float pad = pen.font_px * 0.3f;
  pen.canvas.fill_rect(at - glm::vec2(pad), at + size + glm::vec2(pad), faded(rgba8(18, 20, 26, 225), hidden), pad);
  pen.canvas.stroke_rect(at - glm::vec2(pad), at + size + glm::vec2(pad), faded(edge, hidden), pad, 1.5f);
  pen.canvas.text(at, faded(rgba8(255, 255, 255), hidden), text, pen.font_px);
}

void ink_stroke(Canvas& canvas, const InkStroke& s, glm::vec2 size, float width) {
  std::vector<glm::vec2> points;
  for (const auto& q : s.points) points.push_back(q * size);
  if (points.size() == 1) canvas.fill_circle(points[0], width * 0.5f, kInkColour);
  else if (points.size() > 1) canvas.polyline(std::move(points), kInkColour, width);
}

} // namespace

std::optional<glm::vec3> shown_point(const Scene& rest_scene, const Scene& shown_scene, const AnatomyPoint& point,
                                     AnchorCache& anchors) {
  const SceneStructure* rest = rest_scene.find(point.structure);
  const SceneStructure* shown = shown_scene.find(point.structure);
  if (!rest || !shown) return std::nullopt;
  auto key = std::make_tuple(point.structure, point.rest.x, point.rest.y, point.rest.z);
  auto it = anchors.find(key);
  if (it == anchors.end()) it = anchors.emplace(key, anchor_on_mesh(rest->mesh, point.rest)).first;
  if (!it->second) return std::nullopt;
  return current_point(*shown, anchor_position(shown->mesh, *it->second)); // a posed bone: its rest mesh moved
}

std::vector<std::uint8_t> drawn_pick_flags(const Scene& scene, const DocumentState& state, const std::vector<int>& layers) {
  std::vector<std::uint8_t> flags(scene.structures.size(), pick_hidden);
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (!is_drawn(state, layers, i)) continue;
    const bool translucent = state.visibility[i] == Visibility::ghosted || scene.structures[i].colour.a < 0.999f;
    flags[i] = translucent ? pick_ghosted : pick_opaque;
  }
  return flags;
}

ProjectMark mark_projector(const Scene& rest, const Scene& shown, AnchorCache& anchors, const glm::mat4& model_to_view,
                           const glm::mat4& projection, glm::vec2 viewport, const PickIndex* picks,
                           const std::vector<std::uint8_t>& flags) {
  return [&rest, &shown, &anchors, model_to_view, projection, viewport, picks,
          &flags](const AnatomyPoint& point) -> std::optional<ShownMark> {
    const auto p = shown_point(rest, shown, point, anchors);
    if (!p) return std::nullopt;
    const glm::vec4 clip = projection * model_to_view * glm::vec4(*p, 1.0f);
    if (clip.w <= 1e-6f) return std::nullopt;
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    ShownMark mark{{(ndc.x * 0.5f + 0.5f) * viewport.x, (0.5f - ndc.y * 0.5f) * viewport.y}, false};
    if (picks) {
      // Hidden behind something drawn: the nearest hit under the pixel is in front of the point.
      const Ray ray = ray_from_screen(mark.at, viewport, model_to_view, projection);
      const auto hit = picks->pick(ray, flags);
      mark.hidden = hit && hit->distance < glm::length(*p - ray.origin) - 0.003f;
    }
    return mark;
  };
}

void draw_arrow(Canvas& canvas, glm::vec2 from, glm::vec2 to, CanvasColour colour, float width) {
  const glm::vec2 d = to - from;
  const float len = glm::length(d);
  if (len < 1.0f) return;
  const glm::vec2 u = d / len, n(-u.y, u.x);
  const float head = std::min(len * 0.4f, width * 5.0f);
  const glm::vec2 base = to - u * head;
  canvas.line(from, base, colour, width);
  canvas.fill_triangle(to, base + n * head * 0.5f, base - n * head * 0.5f, colour);
}

void draw_annotation_marks(const CanvasPen& pen, const Annotations& a, const ProjectMark& project, glm::vec2 viewport,
                           const InkStroke* stroke) {
  const float unit = std::max(1.0f, pen.font_px / 14.0f);
  Canvas& canvas = pen.canvas;
  for (const ArrowNote& arrow : a.arrows) {
    const auto tip = project(arrow.to);
    if (!tip) continue;
    const bool hidden = tip->hidden;
    glm::vec2 tail = tip->at + glm::vec2(-70.0f, -55.0f) * unit;
    if (arrow.from) {
      const auto from = project(*arrow.from);
      if (!from) continue;
      tail = from->at;
      canvas.fill_circle(tail, 3.5f * unit, faded(kArrowColour, hidden));
    }
    draw_arrow(canvas, tail, tip->at, faded(kArrowColour, hidden), 3.0f * unit);
    if (!arrow.text.empty()) {
      const glm::vec2 size = pen.measure(arrow.text);
      note_label(pen, {tail.x - size.x * 0.5f, tail.y - size.y - 8.0f * unit}, arrow.text, kArrowColour, hidden);
    }
  }
  for (const PinNote& pin : a.pins) {
    const auto at = project(pin.at);
    if (!at) continue;
    const glm::vec2 p = at->at, tag = p + glm::vec2(16.0f, -26.0f) * unit;
    canvas.line(p, {tag.x, tag.y + pen.font_px * 0.5f}, faded(kPinColour, at->hidden), 2.0f * unit);
    canvas.fill_circle(p, 6.0f * unit, faded(kPinColour, at->hidden));
    canvas.stroke_circle(p, 6.0f * unit, faded(rgba8(20, 20, 20), at->hidden), 1.5f * unit);
    note_label(pen, tag, pin.text, kPinColour, at->hidden);
  }
  for (const InkStroke& s : a.ink) ink_stroke(canvas, s, viewport, 4.0f * unit);
  if (stroke) ink_stroke(canvas, *stroke, viewport, 4.0f * unit);
}

} // namespace crus
