#include "ui/viewer_context.hpp"

#include "core/document/draw_builder.hpp"
#include "core/document/session.hpp"
#include "core/document/view_labels.hpp"

#include <algorithm>
#include <cmath>
#include <imgui.h>

namespace crus::ui {

Aabb visible_bounds(const ViewerContext& ctx) {
  if (!ctx.scene) return Aabb{};
  const Aabb box = drawn_bounds(*ctx.scene, ctx.document->state(), ctx.layers);
  return ctx.document->state().mirror ? mirrored(box) : box;
}

bool follow_free_view(ViewerContext& ctx, const std::pair<glm::vec2, glm::vec2>& before, bool before_whole_width) {
  if (!ctx.camera || ctx.keep_camera_frames > 0) return false;
  bool whole_width = false;
  const auto now = free_view_ndc(ctx, &whole_width);
  if (whole_width || before_whole_width) return false;
  auto same = [](glm::vec2 a, glm::vec2 b) { return std::abs(a.x - b.x) < 1e-4f && std::abs(a.y - b.y) < 1e-4f; };
  if (same(now.first, before.first) && same(now.second, before.second)) return false;
  // A transition still running (a view key just pressed) ends in the new part too.
  OrbitCamera probe = *ctx.camera;
  probe.set_pose(ctx.camera->destination());
  const float aspect = ctx.viewport_size.x / std::max(ctx.viewport_size.y, 1.0f);
  // The drawn model's size on screen, so that a tall leg keeps fitting in
  // height when the part grows in width (none if it reaches behind the eye).
  glm::vec2 content(0.0f);
  if (const Aabb box = visible_bounds(ctx); box.valid()) {
    LabelView lv;
    lv.view_projection = probe.projection(aspect) * probe.view();
    lv.screen = glm::max(ctx.viewport_size, glm::vec2(1.0f));
    const ScreenRect r = screen_rect(box, lv); // the whole screen when it reaches behind the eye
    if (!(r.min == glm::vec2(0.0f) && r.max == lv.screen)) content = 2.0f * r.size() / lv.screen;
  }
  ctx.camera->animate_to(probe.refit_pose(aspect, before.first, before.second, now.first, now.second, content), 0.3f);
  return true;
}

void follow_mirror(ViewerContext& ctx) {
  if (!ctx.document || !ctx.camera) return;
  const bool mirror = ctx.document->state().mirror;
  if (mirror == ctx.mirror_seen) return;
  ctx.mirror_seen = mirror;
  // Mirroring turns the picture about the middle of the window; the leg is
  // then moved back to the middle of the free part, which panels may have
  // put off centre (a refit from the free part mirrored to the free part).
  ctx.camera->set_pose(mirrored_pose(ctx.camera->destination()));
  const auto [lo, hi] = free_view_ndc(ctx);
  const float aspect = ctx.viewport_size.x / std::max(ctx.viewport_size.y, 1.0f);
  ctx.camera->set_pose(ctx.camera->refit_pose(aspect, glm::vec2(-hi.x, lo.y), glm::vec2(-lo.x, hi.y), lo, hi));
}

void go_to_view(ViewerContext& ctx, AnatomicalView view, bool animate) {
  // The view's direction, then the leg fitted into the part of the window
  // the panels leave free, so that no panel covers it.
  const float aspect = ctx.viewport_size.x / std::max(ctx.viewport_size.y, 1.0f);
  const Aabb box = visible_bounds(ctx);
  OrbitCamera probe = *ctx.camera;
  probe.set_pose(ctx.camera->pose_for(view, box, ctx.document->state().mirror, aspect));
  const auto [free_min, free_max] = free_view_ndc(ctx);
  const CameraPose pose = probe.framing_pose(box, aspect, free_min, free_max, 0.04f);
  if (animate) ctx.camera->animate_to(pose);
  else ctx.camera->set_pose(pose);
}

std::pair<glm::vec2, glm::vec2> free_view_ndc(const ViewerContext& ctx, bool* whole_width) {
  const glm::vec2 screen = glm::max(ctx.viewport_size, glm::vec2(1.0f));
  float left = 0.0f, right = screen.x;
  float top = ImGui::GetFrameHeight();
  float bottom = screen.y - ImGui::GetFrameHeight() - ImGui::GetStyle().WindowPadding.y;
  for (const auto& [min, max] : ctx.panel_rects) {
    if (max.x <= min.x || max.y <= min.y) continue;
    if (0.5f * (min.x + max.x) < 0.5f * screen.x) left = std::max(left, max.x);
    else right = std::min(right, min.x);
  }
  const bool covered = right - left < 0.25f * screen.x;
  if (covered) {
    left = 0.0f; // panels over the middle: the whole width
    right = screen.x;
  }
  if (whole_width) *whole_width = covered;
  return {glm::vec2(left / screen.x * 2.0f - 1.0f, 1.0f - bottom / screen.y * 2.0f),
          glm::vec2(right / screen.x * 2.0f - 1.0f, 1.0f - top / screen.y * 2.0f)};
}

void frame_structure(ViewerContext& ctx, int structure) {
  if (!ctx.scene || structure < 0 || static_cast<std::size_t>(structure) >= ctx.scene->structures.size()) return;
  Aabb box = ctx.scene->structures[static_cast<std::size_t>(structure)].box;
  if (ctx.document->state().mirror) box = mirrored(box);
  frame_box(ctx, box);
}

void frame_box(ViewerContext& ctx, const Aabb& box) {
  if (!ctx.camera) return;
  // Fit it into the part of the view that the menu bar, the status bar and
  // the side panels (last frame's rectangles) leave free.
  const glm::vec2 screen = glm::max(ctx.viewport_size, glm::vec2(1.0f));
  const auto [free_min, free_max] = free_view_ndc(ctx);
  ctx.camera->animate_to(ctx.camera->framing_pose(box, screen.x / screen.y, free_min, free_max));
}

motion::Pose shown_pose(const ViewerContext& ctx) {
  if (ctx.motion.preview) return *ctx.motion.preview;
  return ctx.document ? ctx.document->state().pose : motion::Pose{};
}

} // namespace crus::ui

namespace crus::ui {
SectionView shown_section(const ViewerContext& ctx) {
  if (ctx.section_preview) return *ctx.section_preview;
  return ctx.document ? ctx.document->state().section : SectionView{};
}
} // namespace crus::ui
