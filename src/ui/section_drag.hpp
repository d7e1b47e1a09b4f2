#pragma once
// Dragging the section plane in the 3D view: a left-button drag that starts
// on the cut (the plane, inside the model's box, seen from above it) moves
// the plane along its normal; the drag is a preview (ctx.section_preview)
// until the button is released, then one undo step.
#include "ui/viewer_context.hpp"

namespace crus::ui {

// Call each frame the view has the mouse. True while the plane is dragged
// (the camera must not orbit then).
bool drag_section(ViewerContext& ctx);

} // namespace crus::ui
