#pragma once
// The Motion panel's and the Info panel's motion buttons as named commands
// (core/commands/command_catalogue.cpp lists them): presets and reset (each one
// undoable step, recorded when the transition arrives), the movement whose
// producers are shown, Play, and Play action. Buttons and commands call the
// same functions below.
#include "core/commands/command_registry.hpp"
#include "core/motion/presets.hpp"
#include "ui/viewer_context.hpp"

#include <optional>

namespace crus::ui {

void motion_reset(ViewerContext& ctx);
void motion_preset(ViewerContext& ctx, const motion::PosePreset& preset);
// The document's movement (one undo step); none: no producers shown.
void motion_choose_movement(ViewerContext& ctx, const std::optional<motion::Movement>& movement);
std::optional<motion::Movement> chosen_movement(const ViewerContext& ctx);
// Plays the chosen movement from the pose shown (nothing when none is chosen).
void motion_play_chosen(ViewerContext& ctx);
// Plays `movement` from neutral with the selected structure highlighted.
void motion_play_selected_action(ViewerContext& ctx, const motion::Movement& movement);

// Binds the motion.* commands to `ctx`, which must outlive the registry's use.
void bind_motion_commands(CommandRegistry& registry, ViewerContext& ctx);

} // namespace crus::ui
