#include "ui/motion_commands.hpp"

#include "ui/motion_player.hpp"

namespace crus::ui {

void motion_reset(ViewerContext& ctx) { motion_go_to(ctx, motion::Pose{}, "Reset pose"); }

void motion_preset(ViewerContext& ctx, const motion::PosePreset& preset) {
  motion_go_to(ctx, preset.pose, "Pose: " + preset.name);
}

void motion_choose_movement(ViewerContext& ctx, const std::optional<motion::Movement>& movement) {
  if (!ctx.document) return;
  ctx.document->set_movement(movement); // one undo step, and saved with the scene
  ctx.motion.ranking.reset();
}

std::optional<motion::Movement> chosen_movement(const ViewerContext& ctx) {
  return ctx.document ? ctx.document->state().movement : std::nullopt;
}

void motion_play_chosen(ViewerContext& ctx) {
  if (const auto m = chosen_movement(ctx)) motion_play(ctx, *m);
}

void motion_play_selected_action(ViewerContext& ctx, const motion::Movement& movement) {
  motion_play_action(ctx, movement, ctx.document ? ctx.document->state().selected : -1);
}

void bind_motion_commands(CommandRegistry& r, ViewerContext& ctx) {
  // Read through ctx when run: the model is absent for an atlas Crus cannot pose.
  auto posable = [&ctx] { return ctx.motion.model != nullptr && ctx.document != nullptr; };
  r.bind(
      "motion.reset", [&ctx] { motion_reset(ctx); },
      [&ctx, posable] { return posable() && !(shown_pose(ctx) == motion::Pose{}); });
  for (const motion::PosePreset& p : motion::pose_presets())
    r.bind(
        "motion.preset." + p.id, [&ctx, &p] { motion_preset(ctx, p); }, posable);
  r.bind(
      "motion.play", [&ctx] { motion_play_chosen(ctx); },
      [&ctx, posable] { return posable() && chosen_movement(ctx).has_value(); });
  r.bind(
      "motion.movement.none", [&ctx] { motion_choose_movement(ctx, std::nullopt); }, [&ctx] { return ctx.document != nullptr; },
      [&ctx] { return !chosen_movement(ctx).has_value(); });
  for (const motion::Movement& m : motion::all_movements()) {
    const std::string id = motion::movement_id(m);
    auto chosen = [&ctx, m] { return chosen_movement(ctx) == m; };
    r.bind(
        "motion.movement." + id, [&ctx, m] { motion_choose_movement(ctx, m); }, posable, chosen);
    r.bind(
        "motion.play_action." + id, [&ctx, m] { motion_play_selected_action(ctx, m); }, posable);
  }
}

} // namespace crus::ui
