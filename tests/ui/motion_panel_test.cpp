// The Motion panel: it draws the joints by their anatomical names and each
// muscle's change; a preset arrives by a transition and lands as one named
// undoable step; Play moves the preview to the end of the range and back
// and leaves the document alone; without a model it says why.
#include "core/motion/presets.hpp"
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/motion_commands.hpp"
#include "ui/motion_panel.hpp"

#include "panel_harness.hpp"
#include "support/test_support.hpp"
#include <gtest/gtest.h>

using namespace crus;

namespace {
struct Harness {
  platform::HeadlessContext context;
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  Scene scene;
  Document document{0};
  motion::MotionModel model = motion::load_motion_model(test::source_dir() + "/assets/motion/joints.json");
  motion::MuscleSet muscles = motion::load_muscles(test::source_dir() + "/assets/motion/muscles.json", model);
  ui::ViewerContext ctx;
  ui::MotionPanel panel;
  Harness() {
    ctx.scene = &scene;
    ctx.document = &document;
    ctx.motion.model = &model;
    ctx.motion.muscles = &muscles;
    ctx.motion.states = motion::muscle_states(model, muscles, motion::Pose{});
    panel.open = true;
  }
  std::string frame() {
    std::string text = test::draw_panel_frame(host, panel, ctx);
    EXPECT_TRUE(panel.last_error.empty()) << panel.last_error;
    return text;
  }
};
} // namespace

TEST(MotionPanel, DrawsJointsByNameAndEveryMuscle) {
  Harness h;
  const std::string text = h.frame();
  for (const char* s :
       {"Knee: flexion + / extension -", "Ankle: dorsiflexion + / plantarflexion -", "Subtalar: inversion + / eversion -",
        "Toes (MTP): extension + / flexion -", "Deep squat", "Play", "soleus", "Colour muscles by length change"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
}

TEST(MotionPanel, NothingIsCutOffInANarrowPanel) {
  // With text 30 px high in a panel 280 px wide, "Joint angles (degrees)"
  // and the pose's name beside "Reset to neutral" ran past the edge. The
  // muscles' lengths were a table, which clipped the names in its cells
  // (and told ImGui its natural width, which the measure counts): now a
  // name that does not fit beside its numbers wraps above them.
  Harness h;
  ASSERT_FALSE(h.ctx.motion.states.empty());
  for (const float width : {test::narrowest_panel_width(), 150.0f, 560.0f}) {
    ASSERT_GT(width, 100.0f);
    // Tall enough for no scrollbar: beside one, at the narrowest width, a
    // word as long as "gastrocnemius" (6.4 times the text's height; ImGui
    // breaks lines between words only) would not fit.
    EXPECT_LE(test::overflow_at_width(h.host, h.panel, h.ctx, width, 3000.0f), 0.0f) << "a panel " << width << " px wide";
    EXPECT_LE(test::clipped_sideways(h.panel.title()), 1.0f) << "a panel " << width << " px wide";
  }
}

TEST(MotionPanel, ListsTheProducersOfTheChosenMovementStrongestFirst) {
  Harness h;
  EXPECT_EQ(h.frame().find("Produced at this pose by"), std::string::npos); // nothing chosen yet
  ui::motion_choose_movement(h.ctx, motion::Movement{motion::Coordinate::knee, +1});
  const std::string text = h.frame();
  const auto gastrocnemius = text.find(". gastrocnemius_medial_head  ");
  ASSERT_NE(gastrocnemius, std::string::npos) << text;
  EXPECT_NE(text.find("plantaris  (no published parameters"), std::string::npos) << text;
  EXPECT_EQ(text.find("tibialis_anterior  "), std::string::npos) << text; // no knee flexor
}

TEST(MotionPanel, PresetArrivesSmoothlyAsOneNamedUndoableStep) {
  Harness h;
  const motion::PosePreset* squat = motion::find_preset("deep_squat");
  ASSERT_NE(squat, nullptr);
  h.panel.go_to(h.ctx, squat->pose, "Pose: " + squat->name);
  h.panel.advance(h.ctx, 0.3); // halfway: shown, not yet in the document
  ASSERT_TRUE(h.ctx.motion.preview);
  EXPECT_GT(h.ctx.motion.preview->knee_deg, 10.0);
  EXPECT_LT(h.ctx.motion.preview->knee_deg, 110.0);
  EXPECT_EQ(h.document.state().pose, motion::Pose{});
  h.panel.advance(h.ctx, 1.0);
  EXPECT_FALSE(h.ctx.motion.preview);
  EXPECT_FALSE(h.panel.busy(h.ctx));
  EXPECT_EQ(h.document.state().pose, squat->pose);
  EXPECT_EQ(h.document.undo_name(), "Pose: Deep squat");
  ASSERT_TRUE(h.document.undo());
  EXPECT_EQ(h.document.state().pose, motion::Pose{});
}

TEST(MotionPanel, PlayGoesToTheEndOfTheRangeAndBackWithoutAStep) {
  Harness h;
  h.panel.play(h.ctx, motion::Coordinate::ankle, -1);
  double lowest = 0.0;
  for (int i = 0; i < 200 && h.panel.busy(h.ctx); ++i) {
    h.panel.advance(h.ctx, 0.02);
    if (h.ctx.motion.preview) lowest = std::min(lowest, h.ctx.motion.preview->ankle_deg);
  }
  EXPECT_FALSE(h.panel.busy(h.ctx));
  EXPECT_NEAR(lowest, -40.0, 0.5); // full plantarflexion reached
  EXPECT_FALSE(h.ctx.motion.preview);
  EXPECT_FALSE(h.document.can_undo());
}

TEST(MotionPanel, WithoutAModelItSaysWhy) {
  Harness h;
  h.ctx.motion.model = nullptr;
  h.ctx.motion.problem = "other.glb: not a Crus atlas with the leg's bones; the leg cannot be posed";
  EXPECT_NE(h.frame().find("cannot be posed"), std::string::npos);
}
