#include "ui/annotation_overlay.hpp"
#include "core/geometry/rest_frame.hpp"

#include "core/document/draw_builder.hpp"
#include "ui/canvas_imgui.hpp"

#include <glm/geometric.hpp>
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace crus::ui {

namespace {

glm::mat4 model_to_view(const ViewerContext& ctx) {
  return ctx.view * (ctx.document->state().mirror ? mirror_matrix() : glm::mat4(1.0f));
}

const Scene& rest_scene(const ViewerContext& ctx) { return ctx.annotate.rest ? *ctx.annotate.rest : *ctx.scene; }

std::vector<std::uint8_t> drawn_flags(const ViewerContext& ctx) {
  return drawn_pick_flags(*ctx.scene, ctx.document->state(), ctx.layers);
}

} // namespace

std::optional<glm::vec3> shown_point(ViewerContext& ctx, const AnatomyPoint& point) {
  if (!ctx.scene) return std::nullopt;
  return crus::shown_point(rest_scene(ctx), *ctx.scene, point, ctx.annotate.anchors);
}

std::optional<glm::vec2> screen_point(ViewerContext& ctx, const AnatomyPoint& point) {
  if (!ctx.scene) return std::nullopt;
  const std::vector<std::uint8_t> none;
  auto mark = mark_projector(rest_scene(ctx), *ctx.scene, ctx.annotate.anchors, model_to_view(ctx), ctx.projection,
                             ctx.viewport_size, nullptr, none)(point);
  if (!mark) return std::nullopt;
  return mark->at;
}

void draw_annotations(ViewerContext& ctx) {
  if (!ctx.document || !ctx.scene) return;
  // The figures' marks (core/document/annotation_marks), replayed over everything.
  // While a movement plays the pick index lags the meshes: nothing counts as hidden.
  const std::vector<std::uint8_t> flags = drawn_flags(ctx);
  const PickIndex* picks = ctx.motion.preview ? nullptr : ctx.picks;
  Canvas canvas;
  draw_annotation_marks(imgui_pen(canvas), ctx.document->state().annotations,
                        mark_projector(rest_scene(ctx), *ctx.scene, ctx.annotate.anchors, model_to_view(ctx), ctx.projection,
                                       ctx.viewport_size, picks, flags),
                        ctx.viewport_size, &ctx.annotate.stroke);
  if (ctx.annotate.arrow_start)
    if (auto from = screen_point(ctx, *ctx.annotate.arrow_start)) {
      const ImVec2 m = ImGui::GetIO().MousePos;
      draw_arrow(canvas, *from, glm::vec2(m.x, m.y), rgba8(90, 205, 255, 160),
                 2.0f * std::max(1.0f, ImGui::GetFontSize() / 14.0f));
    }
  draw_canvas(ImGui::GetForegroundDrawList(), canvas);
}

void draw_pointer(const ViewerContext& ctx) {
  if (ctx.annotate.pointer == Pointer::none) return;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MousePos.x < 0.0f || io.MousePos.x > io.DisplaySize.x || io.MousePos.y < 0.0f || io.MousePos.y > io.DisplaySize.y)
    return;
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
  glm::vec3 p = hit->point;
  if (shown.transform != glm::mat4(1.0f)) p = moved_point(rigid_inverse(shown.transform), p); // a posed bone: exact
  else if (rest && rest != &shown) p = rest_point_of_hit(rest->mesh, shown.mesh, hit->triangle, hit->point);
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
    if ((stroke.points.empty() || glm::length((q - stroke.points.back()) * size) > 2.0f) &&
        stroke.points.size() < kInkStrokePoints) {
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
