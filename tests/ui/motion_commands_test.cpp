// The motion commands, driven headless through the registry as the menus and
// the palette run them: a preset and reset arrive by a transition and land
// as one named undoable step; choosing a movement (one undo step too) ranks
// its producers (and the slack gastrocnemius in a deep squat drops below the
// soleus); Play and
// Play action move only the preview, the latter from neutral to the end of
// the range and back with the selected muscle highlighted, then stop.
#include "core/commands/command_catalogue.hpp"
#include "core/motion/presets.hpp"
#include "ui/motion_player.hpp"
#include "ui/viewer_commands.hpp"

#include "support/test_support.hpp"
#include <gtest/gtest.h>

#include <algorithm>

using namespace crus;

namespace {
struct Harness {
  Scene scene;
  Document document{0};
  OrbitCamera camera;
  motion::MotionModel model = motion::load_motion_model(test::source_dir() + "/assets/motion/joints.json");
  motion::MuscleSet muscles = motion::load_muscles(test::source_dir() + "/assets/motion/muscles.json", model);
  ui::ViewerContext ctx;
  CommandRegistry registry;
  Harness() {
    for (const auto& m : muscles.muscles) {
      SceneStructure s;
      s.id = s.node = s.name = m.id;
      s.kind = StructureKind::muscle;
      scene.structures.push_back(s);
    }
    document.reset(scene.structures.size());
    ctx.scene = &scene;
    ctx.document = &document;
    ctx.camera = &camera;
    ctx.motion.model = &model;
    ctx.motion.muscles = &muscles;
    ctx.motion.states = motion::muscle_states(model, muscles, motion::Pose{});
    add_viewer_commands(registry);
    ui::bind_viewer_commands(registry, ctx);
  }
  // Frames of 1/60 s until the movement stops; the preview seen at each.
  std::vector<motion::Pose> play_out() {
    std::vector<motion::Pose> seen;
    for (int i = 0; i < 60 * 20 && ui::motion_busy(ctx); ++i) {
      ui::motion_advance(ctx, 1.0 / 60.0);
      if (ctx.motion.preview) seen.push_back(*ctx.motion.preview);
    }
    return seen;
  }
};
} // namespace

TEST(MotionCommands, EveryMotionCommandIsListedAndBound) {
  Harness h;
  std::size_t motion_commands = 0;
  for (const Command& c : h.registry.all())
    if (c.info.id.rfind("motion.", 0) == 0) {
      ++motion_commands;
      EXPECT_TRUE(c.run) << c.info.id << " is not bound";
    }
  // Reset, play, none, one per preset, and a movement and a Play action for each of the 8 movements.
  EXPECT_EQ(motion_commands, 3 + motion::pose_presets().size() + 16);
}

TEST(MotionCommands, PresetArrivesAsOneUndoableStepAndResetGoesBack) {
  Harness h;
  EXPECT_FALSE(h.registry.is_enabled("motion.reset")); // already neutral
  ASSERT_TRUE(h.registry.run("motion.preset.deep_squat"));
  EXPECT_TRUE(h.ctx.motion.animating);
  EXPECT_EQ(h.document.state().pose, motion::Pose{}); // not before it arrives
  const auto seen = h.play_out();
  ASSERT_FALSE(seen.empty());
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i].knee_deg, seen[i - 1].knee_deg - 1e-9); // smooth, one way
  EXPECT_FALSE(h.ctx.motion.animating);
  EXPECT_FALSE(h.ctx.motion.preview);
  EXPECT_EQ(h.document.state().pose, motion::find_preset("deep_squat")->pose);
  EXPECT_EQ(h.document.undo_name(), "Pose: Deep squat");

  EXPECT_TRUE(h.registry.is_enabled("motion.reset"));
  ASSERT_TRUE(h.registry.run("motion.reset"));
  h.play_out();
  EXPECT_EQ(h.document.state().pose, motion::Pose{});
  EXPECT_EQ(h.document.undo_name(), "Reset pose");
  ASSERT_TRUE(h.registry.run("edit.undo"));
  EXPECT_EQ(h.document.state().pose, motion::find_preset("deep_squat")->pose);
  ASSERT_TRUE(h.registry.run("edit.undo"));
  EXPECT_EQ(h.document.state().pose, motion::Pose{});
}

TEST(MotionCommands, ChoosingAMovementRanksItsProducersAndFollowsThePose) {
  Harness h;
  EXPECT_FALSE(h.registry.is_enabled("motion.play")); // no movement chosen
  EXPECT_EQ(ui::current_ranking(h.ctx), nullptr);
  ASSERT_TRUE(h.registry.run("motion.movement.ankle_plantarflexion"));
  EXPECT_TRUE(h.registry.is_checked("motion.movement.ankle_plantarflexion"));
  EXPECT_FALSE(h.registry.is_checked("motion.movement.none"));
  auto rank_of = [&](const std::string& id) {
    const motion::ProducerRanking* r = ui::current_ranking(h.ctx);
    EXPECT_NE(r, nullptr);
    for (std::size_t i = 0; r && i < r->ranked.size(); ++i)
      if (r->ranked[i].muscle == id) return static_cast<int>(i);
    return -1;
  };
  // Standing: the gastrocnemius heads outrank the soleus (Rajagopal's forces at neutral).
  ASSERT_GE(rank_of("soleus"), 0);
  ASSERT_GE(rank_of("gastrocnemius_medial_head"), 0);
  // In a deep squat the knee-flexed gastrocnemius is slack and drops below the soleus.
  h.document.set_pose(motion::find_preset("deep_squat")->pose, "Pose: Deep squat");
  EXPECT_EQ(rank_of("soleus"), 0);
  EXPECT_GT(rank_of("gastrocnemius_medial_head"), rank_of("soleus"));
  EXPECT_GT(rank_of("gastrocnemius_lateral_head"), rank_of("soleus"));
  // The movement is part of the document (saved with scenes): one undo step, like the pose.
  ASSERT_TRUE(h.registry.run("motion.movement.none"));
  EXPECT_EQ(ui::current_ranking(h.ctx), nullptr);
  EXPECT_FALSE(h.document.state().movement);
  EXPECT_EQ(h.document.undo_name(), "No movement's producers");
  ASSERT_TRUE(h.registry.run("edit.undo"));
  EXPECT_EQ(h.document.state().movement, (motion::Movement{motion::Coordinate::ankle, -1}));
  EXPECT_TRUE(h.registry.is_checked("motion.movement.ankle_plantarflexion"));
  EXPECT_EQ(rank_of("soleus"), 0); // the deep squat's ranking again
  ASSERT_TRUE(h.registry.run("edit.undo"));
  EXPECT_EQ(h.document.state().pose, motion::Pose{});
  EXPECT_TRUE(h.document.state().movement);
  ASSERT_TRUE(h.registry.run("edit.undo"));
  EXPECT_FALSE(h.document.state().movement);
  EXPECT_TRUE(h.registry.is_checked("motion.movement.none"));
}

TEST(MotionCommands, PlayGoesToTheEndOfTheChosenRangeAndBackWithoutAStep) {
  Harness h;
  ASSERT_TRUE(h.registry.run("motion.movement.ankle_dorsiflexion"));
  ASSERT_TRUE(h.registry.run("motion.play"));
  const auto seen = h.play_out();
  double highest = 0.0;
  for (const auto& p : seen) highest = std::max(highest, p.ankle_deg);
  EXPECT_NEAR(highest, 30.0, 0.5);
  EXPECT_FALSE(ui::motion_busy(h.ctx));
  EXPECT_FALSE(h.ctx.motion.animating); // the viewer stops drawing
  // Choosing the movement was the only step; Play added none.
  EXPECT_EQ(h.document.undo_name(), "Producers of ankle dorsiflexion");
  ASSERT_TRUE(h.document.undo());
  EXPECT_FALSE(h.document.can_undo());
}

TEST(MotionCommands, PlayActionGoesFromNeutralToTheEndAndBackWithTheMuscleHighlighted) {
  Harness h;
  const int tibialis = h.scene.index_of("tibialis_anterior");
  ASSERT_GE(tibialis, 0);
  h.document.select(tibialis);
  const motion::Pose squat = motion::find_preset("deep_squat")->pose;
  h.document.set_pose(squat, "Pose: Deep squat");
  ASSERT_TRUE(h.registry.run("motion.play_action.ankle_dorsiflexion"));
  ASSERT_TRUE(h.ctx.motion.animation);
  EXPECT_EQ(h.ctx.motion.animation->highlight, tibialis);
  const auto seen = h.play_out();
  ASSERT_GT(seen.size(), 60u); // frame by frame, not a jump
  // Through neutral (knee straight), out to full dorsiflexion with the knee
  // still straight, and back to the squat it started from.
  const auto neutral = std::find_if(seen.begin(), seen.end(), [](const motion::Pose& p) { return p == motion::Pose{}; });
  ASSERT_NE(neutral, seen.end());
  const auto top =
      std::max_element(seen.begin(), seen.end(), [](const auto& a, const auto& b) { return a.ankle_deg < b.ankle_deg; });
  EXPECT_NEAR(top->ankle_deg, 30.0, 0.5);
  EXPECT_NEAR(top->knee_deg, 0.0, 1e-9);
  EXPECT_GT(top - seen.begin(), neutral - seen.begin());
  EXPECT_EQ(seen.back(), squat);
  // Each frame moves a little: the largest step between frames is small.
  double step = 0.0;
  for (std::size_t i = 1; i < seen.size(); ++i) step = std::max(step, std::abs(seen[i].ankle_deg - seen[i - 1].ankle_deg));
  EXPECT_LT(step, 2.0);
  EXPECT_FALSE(h.ctx.motion.animation);
  EXPECT_FALSE(h.ctx.motion.preview);
  EXPECT_EQ(h.document.state().pose, squat);
  EXPECT_EQ(h.document.undo_name(), "Pose: Deep squat"); // no step of its own
}

TEST(MotionCommands, NothingRunsWithoutAModel) {
  Harness h;
  h.ctx.motion.model = nullptr;
  for (const char* id : {"motion.reset", "motion.preset.deep_squat", "motion.play", "motion.play_action.ankle_plantarflexion"})
    EXPECT_FALSE(h.registry.is_enabled(id)) << id;
}
