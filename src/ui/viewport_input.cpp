#include "ui/viewport_input.hpp"

#include "core/document/annotation_marks.hpp"
#include "core/document/draw_builder.hpp"
#include "ui/annotation_overlay.hpp"
#include "ui/section_drag.hpp"
#include "ui/wrapped_button.hpp"

#include <imgui.h>

namespace crus::ui {

int pick_at(const ViewerContext& ctx, glm::vec2 pixel) {
  if (!ctx.picks || !ctx.scene || ctx.scene->structures.empty()) return -1;
  const DocumentState& state = ctx.document->state();
  const std::vector<std::uint8_t> flags = drawn_pick_flags(*ctx.scene, state, ctx.layers);
  // Picking happens in the model frame: undo the mirror on the ray.
  glm::mat4 view = ctx.view * (state.mirror ? mirror_matrix() : glm::mat4(1.0f));
  Ray ray = ray_from_screen(pixel, ctx.viewport_size, view, ctx.projection);
  auto hit = ctx.picks->pick(ray, flags);
  return hit ? hit->mesh : -1;
}

std::optional<glm::vec3> skin_point_at(const ViewerContext& ctx, glm::vec2 pixel) {
  if (!ctx.picks || ctx.skin < 0) return std::nullopt;
  std::vector<std::uint8_t> flags(ctx.scene->structures.size(), pick_hidden);
  flags[static_cast<std::size_t>(ctx.skin)] = pick_opaque;
  const DocumentState& state = ctx.document->state();
  glm::mat4 view = ctx.view * (state.mirror ? mirror_matrix() : glm::mat4(1.0f));
  auto hit = ctx.picks->pick(ray_from_screen(pixel, ctx.viewport_size, view, ctx.projection), flags);
  if (!hit) return std::nullopt;
  return hit->point;
}

bool handle_viewport_input(ViewerContext& ctx) {
  ImGuiIO& io = ImGui::GetIO();
  // While a button is down, or was just released, keep frames coming: a
  // click's release may already have been read with its press.
  bool changed = ImGui::IsAnyMouseDown();
  for (int b = 0; b < 3; ++b) changed = changed || ImGui::IsMouseReleased(b);
  glm::vec2 viewport = ctx.viewport_size;
  OrbitCamera& cam = *ctx.camera;

  if (ctx.annotate.tool == AnnotationTool::ink) {
    // Ink: the left button draws over the view; the wheel still zooms.
    changed = handle_ink_input(ctx) || changed;
    if (!io.WantCaptureMouse && io.MouseWheel != 0.0f) {
      cam.zoom_at(io.MouseWheel, {io.MousePos.x, io.MousePos.y}, viewport);
      changed = true;
    }
  } else if (!io.WantCaptureMouse && ctx.paint_mode) {
    // "Where does it hurt?": the left button paints on the skin; the right
    // button rotates and the middle one pans.
    glm::vec2 mouse{io.MousePos.x, io.MousePos.y};
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      if (auto p = skin_point_at(ctx, mouse)) {
        if (ctx.painted.empty() || glm::length(ctx.painted.back() - *p) > ctx.brush_radius * 0.6f) {
          ctx.painted.push_back(*p);
          changed = true;
        }
      }
    }
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 2.0f)) {
      cam.orbit({io.MouseDelta.x, io.MouseDelta.y});
      changed = true;
    }
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 2.0f)) {
      cam.pan({io.MouseDelta.x, io.MouseDelta.y}, viewport);
      changed = true;
    }
    if (io.MouseWheel != 0.0f) {
      cam.zoom_at(io.MouseWheel, mouse, viewport);
      changed = true;
    }
    if (!ImGui::IsAnyMouseDown()) wrapped_tooltip("Paint where it hurts (left button); right-drag to turn the leg");
  } else if (!io.WantCaptureMouse) {
    glm::vec2 mouse{io.MousePos.x, io.MousePos.y};
    // A drag that starts on the section's cut moves the plane instead.
    const bool moving_section = drag_section(ctx);
    changed = changed || moving_section;
    if (!moving_section && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
      cam.orbit({io.MouseDelta.x, io.MouseDelta.y});
      changed = true;
    }
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 2.0f) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 2.0f)) {
      cam.pan({io.MouseDelta.x, io.MouseDelta.y}, viewport);
      changed = true;
    }
    if (io.MouseWheel != 0.0f) {
      cam.zoom_at(io.MouseWheel, mouse, viewport);
      changed = true;
    }
    // Touchpads scroll sideways with two fingers: orbit.
    if (io.MouseWheelH != 0.0f) {
      cam.orbit({-io.MouseWheelH * 20.0f, 0.0f});
      changed = true;
    }
    bool mouse_moved = io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f;
    if (mouse_moved && !ImGui::IsAnyMouseDown() && io.MousePos.x >= 0.0f) {
      int under = pick_at(ctx, mouse);
      if (under != ctx.document->hovered()) {
        ctx.document->set_hovered(under);
        changed = true;
      }
    }
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !ctx.annotate.placing()) {
      int under = pick_at(ctx, mouse);
      if (under >= 0) {
        ctx.document->select(under);
        frame_structure(ctx, under);
        changed = true;
      }
    } else if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 9.0f) {
      // With the pin or arrow tool a click places it; otherwise it selects.
      if (ctx.annotate.placing()) {
        place_annotation_at(ctx, mouse);
      } else {
        int under = pick_at(ctx, mouse);
        if (under >= 0) ctx.document->select(under);
      }
      changed = true;
    }
    int hovered = ctx.document->hovered();
    if (hovered >= 0 && ctx.scene && static_cast<std::size_t>(hovered) < ctx.scene->structures.size() && !ImGui::IsAnyMouseDown())
      wrapped_tooltip(ctx.scene->structures[static_cast<std::size_t>(hovered)].name);
  } else if (ctx.document->hovered() >= 0) {
    ctx.document->set_hovered(-1);
    changed = true;
  }

  // Keys are commands (core/commands/command_catalogue.cpp), dispatched by the shell.
  return changed;
}

} // namespace crus::ui
