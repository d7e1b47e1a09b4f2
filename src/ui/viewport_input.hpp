#pragma once
#include "ui/viewer_context.hpp"
#include <optional>

namespace crus::ui {
// Mouse and touchpad control of the 3D view: orbit (left drag, horizontal
// scroll), pan (right or middle drag), zoom to the cursor (wheel), click to
// select, double-click to frame, hover for the name. Returns true when
// anything changed. Keys are commands (ui/viewer_commands.cpp), dispatched
// by the shell.
bool handle_viewport_input(ViewerContext& ctx);

// The structure under a point of the view (logical pixels), or -1.
int pick_at(const ViewerContext& ctx, glm::vec2 pixel);
// The point of the skin under a pixel (model frame), if the skin is there.
std::optional<glm::vec3> skin_point_at(const ViewerContext& ctx, glm::vec2 pixel);
} // namespace crus::ui
