#pragma once
// The Info panel's motion parts (ui/info_panel.cpp stays near its size): the
// selected muscle's musculotendon length at the pose shown, its change from
// neutral and its moment arm about each joint, live while the leg moves; and
// a Play button beside each action the leg model can make.
#include "core/anatomy/knowledge.hpp"
#include "ui/viewer_context.hpp"

#include <optional>
#include <string>

namespace crus::ui {

// Draws "At this pose" for muscle `id`; nothing when the model does not
// measure it or the leg cannot be posed. Returns whether it drew.
bool draw_muscle_at_pose(ViewerContext& ctx, const std::string& id);
// A small Play button for `action` when the model can make it (then the
// caller's text follows on the same line); the movement's id ("ankle_
// plantarflexion") when drawn. A click runs motion.play_action.<id>.
std::optional<std::string> draw_play_action_button(ViewerContext& ctx, const MuscleAction& action);

} // namespace crus::ui
