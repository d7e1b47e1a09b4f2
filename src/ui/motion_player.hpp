#pragma once
// Moving the leg smoothly, frame by frame, whichever panel or command asked:
// a preset's transition (committed to the document as one named step when it
// arrives), Play (a movement from the current pose to the end of its range
// and back) and Play action (an action from neutral to the end of its range
// and back, with its muscle highlighted). In between only the preview moves;
// the viewer advances the animation once per frame and keeps drawing while
// one runs, then goes idle again.
#include "ui/viewer_context.hpp"

#include <string>

namespace crus::ui {

// A transition from the pose shown to `target`, recorded as `step_name`.
void motion_go_to(ViewerContext& ctx, const motion::Pose& target, const std::string& step_name);
// `movement` from the pose shown to the end of its range and back; no step.
void motion_play(ViewerContext& ctx, const motion::Movement& movement);
// `movement` from neutral to the end of its range and back (eased in from
// and back out to the pose shown), with `structure` highlighted; no step.
void motion_play_action(ViewerContext& ctx, const motion::Movement& movement, int structure);
// Advances whatever runs by `dt` seconds (not while ctx.motion.preparing).
void motion_advance(ViewerContext& ctx, double dt);
// Stops it where it is (the preview goes back to the document's pose).
void motion_stop(ViewerContext& ctx);
bool motion_busy(const ViewerContext& ctx);
// Whether an animation needs the next frame soon: one runs and is not held
// waiting for the bind (the bind's worker wakes the viewer when it is done).
inline bool motion_needs_frames(const ViewerContext& ctx) { return ctx.motion.animating && !ctx.motion.preparing; }

// The producers of the document's movement at the pose shown (null when no
// movement is chosen, the leg cannot be posed or a quiz question hides them),
// recomputed when the pose moved.
const motion::ProducerRanking* current_ranking(ViewerContext& ctx);

} // namespace crus::ui
