#include "ui/annotation_overlay.hpp"

#include "core/draw_builder.hpp"

#include <glm/geometric.hpp>
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace crus::ui {

namespace {

const ImU32 kPinColour = IM_COL32(255, 196, 40, 255);
const ImU32 kArrowColour = IM_COL32(90, 205, 255, 255);
const ImU32 kInkColour = IM_COL32(255, 64, 110, 255);

glm::mat4 model_to_view(const ViewerContext& ctx) {
  return ctx.view * (ctx.document->state().mirror ? mirror_matrix() : glm::mat4(1.0f));
}

const Scene& rest_scene(const ViewerContext& ctx) { return ctx.annotate.rest ? *ctx.annotate.rest : *ctx.scene; }

std::vector<std::uint8_t> drawn_flags(const ViewerContext& ctx) {
  const DocumentState& state = ctx.document->state();
  std::vector<std::uint8_t> flags(ctx.scene->structures.size(), pick_hidden);
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (!is_drawn(state, ctx.layers, i)) continue;
    const bool translucent = state.visibility[i] == Visibility::ghosted || ctx.scene->structures[i].colour.a < 0.999f;
    flags[i] = translucent ? pick_ghosted : pick_opaque;
  }
  return flags;
}

// Hidden behind something drawn (the pick index is of the meshes as drawn;
// while a movement plays it lags, and nothing counts as hidden).
bool occluded(const ViewerContext& ctx, glm::vec3 p, glm::vec2 px) {
  if (!ctx.picks || ctx.motion.preview) return false;
  const Ray ray = ray_from_screen(px, ctx.viewport_size, model_to_view(ctx), ctx.projection);
  auto hit = ctx.picks->pick(ray, drawn_flags(ctx));
  return hit && hit->distance < glm::length(p - ray.origin) - 0.003f;
}

ImU32 faded(ImU32 c, bool hidden) { return hidden ? (c & 0x00FFFFFFu) | (90u << IM_COL32_A_SHIFT) : c; }

void label(ImDrawList* draw, ImVec2 at, const std::string& text, ImU32 edge, bool hidden) {
  if (text.empty()) return;
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const float pad = ImGui::GetFontSize() * 0.3f;
  draw->AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + size.x + pad, at.y + size.y + pad), faded(IM_COL32(18, 20, 26, 225), hidden), pad);
  draw->AddRect(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + size.x + pad, at.y + size.y + pad), faded(edge, hidden), pad, 0, 1.5f);
  draw->AddText(at, faded(IM_COL32(255, 255, 255, 255), hidden), text.c_str());
}

void arrow_line(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 colour, float width) {
  const glm::vec2 d = glm::vec2(to.x - from.x, to.y - from.y);
  const float len = glm::length(d);
  if (len < 1.0f) return;
  const glm::vec2 u = d / len, n(-u.y, u.x);
  const float head = std::min(len * 0.4f, width * 5.0f);
  const glm::vec2 base = glm::vec2(to.x, to.y) - u * head;
  draw->AddLine(from, ImVec2(base.x, base.y), colour, width);
  draw->AddTriangleFilled(to, ImVec2(base.x + n.x * head * 0.5f, base.y + n.y * head * 0.5f),
                          ImVec2(base.x - n.x * head * 0.5f, base.y - n.y * head * 0.5f), colour);
}

void ink_stroke(ImDrawList* draw, const InkStroke& s, glm::vec2 size, float width) {
  std::vector<ImVec2> points;
  for (const auto& q : s.points) points.push_back(ImVec2(q.x * size.x, q.y * size.y));
  if (points.size() == 1) draw->AddCircleFilled(points[0], width * 0.5f, kInkColour);
  else if (points.size() > 1) draw->AddPolyline(points.data(), static_cast<int>(points.size()), kInkColour, 0, width);
}

} // namespace

std::optional<glm::vec3> shown_point(ViewerContext& ctx, const AnatomyPoint& point) {
  if (!ctx.scene) return std::nullopt;
  const SceneStructure* rest = rest_scene(ctx).find(point.structure);
  const SceneStructure* shown = ctx.scene->find(point.structure);
  if (!rest || !shown) return std::nullopt;
  auto key = std::make_tuple(point.structure, point.rest.x, point.rest.y, point.rest.z);
  auto it = ctx.annotate.anchors.find(key);
  if (it == ctx.annotate.anchors.end()) it = ctx.annotate.anchors.emplace(key, anchor_on_mesh(rest->mesh, point.rest)).first;
  if (!it->second) return std::nullopt;
  return anchor_position(shown->mesh, *it->second);
}

std::optional<glm::vec2> screen_point(ViewerContext& ctx, const AnatomyPoint& point) {
  auto p = shown_point(ctx, point);
  if (!p) return std::nullopt;
  const glm::vec4 clip = ctx.projection * model_to_view(ctx) * glm::vec4(*p, 1.0f);
  if (clip.w <= 1e-6f) return std::nullopt;
  const glm::vec2 ndc = glm::vec2(clip) / clip.w;
  return glm::vec2((ndc.x * 0.5f + 0.5f) * ctx.viewport_size.x, (0.5f - ndc.y * 0.5f) * ctx.viewport_size.y);
}

void draw_annotations(ViewerContext& ctx) {
  if (!ctx.document || !ctx.scene) return;
  const Annotations& a = ctx.document->state().annotations;
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  const float unit = std::max(1.0f, ImGui::GetFontSize() / 14.0f);
  for (const ArrowNote& arrow : a.arrows) {
    auto tip = screen_point(ctx, arrow.to);
    if (!tip) continue;
    const bool hidden = occluded(ctx, *shown_point(ctx, arrow.to), *tip);
    glm::vec2 tail = *tip + glm::vec2(-70.0f, -55.0f) * unit;
    if (arrow.from) {
      auto from = screen_point(ctx, *arrow.from);
      if (!from) continue;
      tail = *from;
      draw->AddCircleFilled(ImVec2(tail.x, tail.y), 3.5f * unit, faded(kArrowColour, hidden));
    }
    arrow_line(draw, ImVec2(tail.x, tail.y), ImVec2(tip->x, tip->y), faded(kArrowColour, hidden), 3.0f * unit);
    if (!arrow.text.empty()) {
      const ImVec2 size = ImGui::CalcTextSize(arrow.text.c_str());
      label(draw, ImVec2(tail.x - size.x * 0.5f, tail.y - size.y - 8.0f * unit), arrow.text, kArrowColour, hidden);
    }
  }
  for (const PinNote& pin : a.pins) {
    auto at = screen_point(ctx, pin.at);
    if (!at) continue;
    const bool hidden = occluded(ctx, *shown_point(ctx, pin.at), *at);
    const ImVec2 p(at->x, at->y), tag(at->x + 16.0f * unit, at->y - 26.0f * unit);
    draw->AddLine(p, ImVec2(tag.x, tag.y + ImGui::GetFontSize() * 0.5f), faded(kPinColour, hidden), 2.0f * unit);
    draw->AddCircleFilled(p, 6.0f * unit, faded(kPinColour, hidden));
    draw->AddCircle(p, 6.0f * unit, faded(IM_COL32(20, 20, 20, 255), hidden), 0, 1.5f * unit);
    label(draw, tag, pin.text, kPinColour, hidden);
  }
  for (const InkStroke& s : a.ink) ink_stroke(draw, s, ctx.viewport_size, 4.0f * unit);
  ink_stroke(draw, ctx.annotate.stroke, ctx.viewport_size, 4.0f * unit);
  if (ctx.annotate.arrow_start)
    if (auto from = screen_point(ctx, *ctx.annotate.arrow_start)) {
      const ImVec2 m = ImGui::GetIO().MousePos;
      arrow_line(draw, ImVec2(from->x, from->y), m, IM_COL32(90, 205, 255, 160), 2.0f * unit);
    }
}

void draw_pointer(const ViewerContext& ctx) {
  if (ctx.annotate.pointer == Pointer::none) return;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MousePos.x < 0.0f || io.MousePos.x > io.DisplaySize.x || io.MousePos.y < 0.0f || io.MousePos.y > io.DisplaySize.y) return;
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  const ImVec2 m = io.MousePos;
  const float unit = std::max(io.DisplaySize.y / 1080.0f, 0.5f);
  if (ctx.annotate.pointer == Pointer::laser) {
    // A red dot with a soft glow, as a laser on a screen looks.
    for (int k = 4; k >= 1; --k) draw->AddCircleFilled(m, 7.0f * unit * static_cast<float>(k), IM_COL32(255, 30, 30, 28));
    draw->AddCircleFilled(m, 7.0f * unit, IM_COL32(255, 40, 40, 255));
    draw->AddCircleFilled(m, 3.0f * unit, IM_COL32(255, 220, 220, 255));
  } else {
    // Spotlight: the view darkened except a disc around the mouse. A ring as
    // wide as the screen's diagonal covers the rest.
    const float r = 110.0f * unit;
    const float diag = std::hypot(io.DisplaySize.x, io.DisplaySize.y);
    draw->AddCircle(m, r + diag, IM_COL32(0, 0, 0, 170), 96, diag * 2.0f);
    draw->AddCircle(m, r, IM_COL32(255, 255, 255, 90), 96, 2.0f * unit);
  }
  ImGui::SetMouseCursor(ImGuiMouseCursor_None);
}

bool place_annotation_at(ViewerContext& ctx, glm::vec2 pixel) {
  if (!ctx.picks || !ctx.scene || ctx.scene->structures.empty()) return false;
  const Ray ray = ray_from_screen(pixel, ctx.viewport_size, model_to_view(ctx), ctx.projection);
  auto hit = ctx.picks->pick(ray, drawn_flags(ctx));
  if (!hit) return false;
  const SceneStructure& shown = ctx.scene->structures[static_cast<std::size_t>(hit->mesh)];
  const SceneStructure* rest = rest_scene(ctx).find(shown.id);
  const glm::vec3 p = rest && rest != &shown ? rest_point_of_hit(rest->mesh, shown.mesh, hit->triangle, hit->point) : hit->point;
  const AnatomyPoint point{shown.id, p};
  Annotations a = ctx.document->state().annotations;
  if (ctx.annotate.tool == AnnotationTool::pin) {
    a.pins.push_back(PinNote{point, shown.name});
    ctx.document->set_annotations(a, "Add pin");
    ctx.annotate.focus_pin = static_cast<int>(a.pins.size()) - 1;
    ctx.annotate.tool = AnnotationTool::none;
  } else if (ctx.annotate.tool == AnnotationTool::arrow) {
    if (!ctx.annotate.arrow_start) {
      ctx.annotate.arrow_start = point;
      return true;
    }
    a.arrows.push_back(ArrowNote{*ctx.annotate.arrow_start, point, ""});
    ctx.document->set_annotations(a, "Add arrow");
    ctx.annotate.arrow_start.reset();
    ctx.annotate.tool = AnnotationTool::none;
  } else {
    return false;
  }
  return true;
}

bool handle_ink_input(ViewerContext& ctx) {
  const ImGuiIO& io = ImGui::GetIO();
  const glm::vec2 size = glm::max(ctx.viewport_size, glm::vec2(1.0f));
  InkStroke& stroke = ctx.annotate.stroke;
  if (!io.WantCaptureMouse && ImGui::IsMouseDown(ImGuiMouseButton_Left) && io.MousePos.x >= 0.0f) {
    const glm::vec2 q(io.MousePos.x / size.x, io.MousePos.y / size.y);
    // A point every 2 pixels or so: smooth enough, and bounded.
    if ((stroke.points.empty() || glm::length((q - stroke.points.back()) * size) > 2.0f) && stroke.points.size() < kInkStrokePoints) {
      stroke.points.push_back(q);
      return true;
    }
    return false;
  }
  if (stroke.points.empty()) return false;
  Annotations a = ctx.document->state().annotations;
  if (a.ink.size() < kInkStrokes) {
    a.ink.push_back(stroke);
    ctx.document->set_annotations(a, "Ink stroke");
  }
  stroke.points.clear();
  return true;
}

} // namespace crus::ui
