#pragma once
// Pins, arrows and ink over the 3D view (ImGui draw lists, in the same
// framebuffer as the model, so they are in screenshots, exported figures
// and screen recordings), the presenter's laser pointer or spotlight, and
// the mouse side of the annotation tools.
#include "ui/viewer_context.hpp"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <optional>

namespace crus::ui {

// Where a stored point is shown: its anchor on the rest mesh (found once)
// evaluated on the mesh as drawn (posed when the leg is), in the model
// frame. nullopt when the atlas lacks the structure.
std::optional<glm::vec3> shown_point(ViewerContext& ctx, const AnatomyPoint& point);
// The same point in the view's logical pixels (nullopt: unknown or behind the camera).
std::optional<glm::vec2> screen_point(ViewerContext& ctx, const AnatomyPoint& point);

void draw_annotations(ViewerContext& ctx);
void draw_pointer(const ViewerContext& ctx);

// The pin or arrow tool: puts a pin (or an arrow's start, then its tip) at
// the drawn surface under `pixel`, stored in the rest frame; false when no
// structure is there.
bool place_annotation_at(ViewerContext& ctx, glm::vec2 pixel);
// The ink tool: the left button draws a stroke, added to the document when
// released (one undo step). True when anything changed.
bool handle_ink_input(ViewerContext& ctx);

} // namespace crus::ui
