#include "ui/section_drag.hpp"

#include "core/document/draw_builder.hpp"
#include "core/geometry/picking.hpp"
#include "core/geometry/section_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <glm/glm.hpp>
#include <optional>

namespace crus::ui {

namespace {

// Where the mouse ray meets the plane, in the model frame, when it does so
// from the side that is drawn (above the cut, where the caps face).
std::optional<glm::vec3> plane_hit(const ViewerContext& ctx, const SectionPlane& plane, glm::vec2 mouse) {
  glm::mat4 view = ctx.view * (ctx.document->state().mirror ? mirror_matrix() : glm::mat4(1.0f));
  Ray ray = ray_from_screen(mouse, ctx.viewport_size, view, ctx.projection);
  const glm::vec3 n(plane.normal), p(plane.point);
  float facing = glm::dot(ray.direction, n);
  if (facing >= -1e-4f) return std::nullopt;
  float t = glm::dot(p - ray.origin, n) / facing;
  if (t <= 0.0f) return std::nullopt;
  return ray.origin + t * ray.direction;
}

} // namespace

bool drag_section(ViewerContext& ctx) {
  if (!ctx.document || !ctx.scene || ctx.scene->structures.empty()) return false;
  const SectionView doc = ctx.document->state().section;
  if (!doc.on) {
    ctx.section_preview.reset();
    return false;
  }
  ImGuiIO& io = ImGui::GetIO();
  glm::vec2 mouse{io.MousePos.x, io.MousePos.y};
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    // Only a press on the cut starts a drag; elsewhere the camera orbits.
    const SectionPlane plane = section_view_plane(*ctx.scene, doc);
    auto hit = plane_hit(ctx, plane, mouse);
    const Aabb& box = ctx.scene->box;
    if (hit && hit->x >= box.min.x && hit->x <= box.max.x && hit->z >= box.min.z && hit->z <= box.max.z)
      ctx.section_preview = doc;
    return ctx.section_preview.has_value();
  }
  if (!ctx.section_preview) return false;
  // A slow frame may hold the last moves and the release together: the
  // moves first, then the release.
  if (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f) {
    // The plane follows the mouse along the screen image of its normal: one
    // centimetre of normal projected to pixels gives the scale.
    const SectionPlane plane = section_view_plane(*ctx.scene, *ctx.section_preview);
    glm::mat4 vp = ctx.projection * ctx.view * (ctx.document->state().mirror ? mirror_matrix() : glm::mat4(1.0f));
    auto to_screen = [&](glm::vec3 q) {
      glm::vec4 c = vp * glm::vec4(q, 1.0f);
      if (std::abs(c.w) < 1e-9f) c.w = 1e-9f;
      return glm::vec2((c.x / c.w * 0.5f + 0.5f) * ctx.viewport_size.x, (0.5f - c.y / c.w * 0.5f) * ctx.viewport_size.y);
    };
    const glm::vec3 p(plane.point), n(plane.normal);
    glm::vec2 along = to_screen(p + 0.01f * n) - to_screen(p);
    float len2 = glm::dot(along, along);
    glm::vec2 delta{io.MouseDelta.x, io.MouseDelta.y};
    // Seen straight down the normal, the mouse's vertical motion moves it (0.5 mm a pixel).
    float metres = len2 > 4.0f ? 0.01f * glm::dot(delta, along) / len2 : -0.0005f * delta.y;
    ctx.section_preview->fraction =
        std::clamp(ctx.section_preview->fraction - metres * section_fraction_per_metre(*ctx.scene), 0.0, 1.0);
  }
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    // Released: the whole drag is one step in the history.
    SectionView end = *ctx.section_preview;
    ctx.section_preview.reset();
    ctx.document->set_section(end, "Section moved");
  }
  return true;
}

} // namespace crus::ui
