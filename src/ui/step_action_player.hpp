#pragma once
// Plays a lesson step's action (core/teaching/lesson_action.hpp) in the viewer: the
// structure lit now glows and is named at the top of the view; the
// movement is shown as the Motion preview and lands in the document (one
// undo step) when it ends. Without a motion model the movement is skipped.
#include "core/document/draw_list.hpp"
#include "ui/viewer_context.hpp"

#include <optional>

namespace crus::ui {

// A step was entered: plays its action from the start (or stops any).
void start_step_action(ViewerContext& ctx, const std::optional<StepAction>& action);
// Moves the action on to `now` (seconds, any clock); true while it runs.
bool advance_step_action(ViewerContext& ctx, double now);
// Makes the lit structure glow in `list`.
void light_step_action(const ViewerContext& ctx, DrawList& list);
// Names the lit structure at the top of the view.
void draw_step_action(const ViewerContext& ctx);

} // namespace crus::ui
