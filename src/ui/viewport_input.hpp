#pragma once
#include "ui/viewer_context.hpp"
#include <optional>

namespace crus::ui {
// Mouse, touchpad and keyboard control of the 3D view: orbit (left drag,
// arrows, horizontal scroll), pan (right or middle drag, Shift+arrows), zoom
// to the cursor (wheel, +/-), click to select, double-click to frame, hover
// for the name, and the view shortcuts. Returns true when anything changed.
bool handle_viewport_input(ViewerContext& ctx);

// The structure under a point of the view (logical pixels), or -1.
int pick_at(const ViewerContext& ctx, glm::vec2 pixel);
// The point of the skin under a pixel (model frame), if the skin is there.
std::optional<glm::vec3> skin_point_at(const ViewerContext& ctx, glm::vec2 pixel);
} // namespace crus::ui
