#include "ui/viewer_context.hpp"

#include "core/draw_builder.hpp"

#include <algorithm>

namespace crus::ui {

Aabb visible_bounds(const ViewerContext& ctx) {
  Aabb box{glm::vec3(1e30f), glm::vec3(-1e30f)};
  if (!ctx.scene) return Aabb{};
  for (std::size_t i = 0; i < ctx.scene->structures.size(); ++i) {
    if (!is_drawn(ctx.document->state(), ctx.layers, i)) continue;
    box.min = glm::min(box.min, ctx.scene->structures[i].box.min);
    box.max = glm::max(box.max, ctx.scene->structures[i].box.max);
  }
  if (!box.valid()) box = ctx.scene->structures.empty() ? Aabb{glm::vec3(-0.1f), glm::vec3(0.1f)} : ctx.scene->box;
  return ctx.document->state().mirror ? mirrored(box) : box;
}

void go_to_view(ViewerContext& ctx, AnatomicalView view) {
  float aspect = ctx.viewport_size.x / std::max(ctx.viewport_size.y, 1.0f);
  ctx.camera->animate_to(ctx.camera->pose_for(view, visible_bounds(ctx), ctx.document->state().mirror, aspect));
}

void frame_structure(ViewerContext& ctx, int structure) {
  if (!ctx.scene || structure < 0 || static_cast<std::size_t>(structure) >= ctx.scene->structures.size()) return;
  Aabb box = ctx.scene->structures[static_cast<std::size_t>(structure)].box;
  if (ctx.document->state().mirror) box = mirrored(box);
  ctx.camera->frame(box, ctx.viewport_size.x / std::max(ctx.viewport_size.y, 1.0f));
}

} // namespace crus::ui
