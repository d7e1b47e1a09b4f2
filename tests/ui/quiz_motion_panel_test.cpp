// The Motion panel does not give a quiz answer away: while the Quiz asks a
// movement question ("which muscle produces this?"), the panel's ranking of
// the chosen movement's producers and their colours and labels on the model
// (both made from current_ranking) are hidden, and the panel says so; after
// the answer they come back. Driven headless through the named commands.
#include "core/commands/command_catalogue.hpp"
#include "core/motion/kinematics.hpp"
#include "core/motion/musculotendon.hpp"
#include "core/document/scene.hpp"
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/motion_commands.hpp"
#include "ui/motion_panel.hpp"
#include "ui/motion_player.hpp"
#include "ui/quiz_panel.hpp"

#include "panel_harness.hpp"
#include "support/test_support.hpp"
#include <gtest/gtest.h>

using namespace crus;

namespace {

struct Harness {
  Scene scene;
  KnowledgeBase kb;
  motion::MotionModel model;
  motion::MuscleSet muscles;
  platform::HeadlessContext context;
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  Document document;
  ui::ViewerContext ctx;
  CommandRegistry commands;
  std::int64_t now = 1'800'000'000;
  std::string db;
  ui::QuizPanel quiz;
  ui::MotionPanel motion_panel;

  Harness() : db((test::scratch_dir("quiz_motion_panel") / "progress.db").string()), quiz(db, [this] { return now; }) {
    const std::string assets = test::source_dir() + "/assets";
    scene = load_scene(assets + "/atlas/lower_leg_right_lod1.glb");
    kb = load_knowledge(assets + "/knowledge");
    model = motion::load_motion_model(assets + "/motion/joints.json");
    muscles = motion::load_muscles(assets + "/motion/muscles.json", model);
    document.reset(scene.structures.size());
    ctx.scene = &scene;
    ctx.document = &document;
    ctx.knowledge = &kb;
    ctx.motion.model = &model;
    ctx.motion.muscles = &muscles;
    ctx.motion.states = motion::muscle_states(model, muscles, motion::Pose{});
    add_viewer_commands(commands);
    ui::bind_quiz_commands(commands, quiz, ctx);
    ui::bind_motion_commands(commands, ctx);
  }
  std::string motion_frame() {
    test::PanelFrame f;
    std::string text = test::draw_panel_frame(host, motion_panel, ctx, f);
    EXPECT_TRUE(motion_panel.last_error.empty()) << motion_panel.last_error;
    return text;
  }
  std::string quiz_frame() {
    test::PanelFrame f;
    return test::draw_panel_frame(host, quiz, ctx, f);
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST(QuizMotionPanel, ProducersAreHiddenWhileAMovementQuestionIsOpen) {
  Harness h;
  ASSERT_TRUE(h.commands.run("motion.movement.ankle_plantarflexion"));
  std::string text = h.motion_frame();
  EXPECT_TRUE(has(text, "Produced at this pose by")) << text;
  EXPECT_TRUE(has(text, "1. ")) << text; // the first of the ranked producers
  ASSERT_NE(ui::current_ranking(h.ctx), nullptr);

  ASSERT_TRUE(h.commands.run("quiz.start_movement"));
  ASSERT_TRUE(h.quiz.current());
  ASSERT_EQ(h.quiz.current()->type, QuestionType::movement);
  EXPECT_TRUE(h.ctx.motion.producers_hidden);
  // Neither the list nor the model's colours and labels (current_ranking feeds both).
  EXPECT_EQ(ui::current_ranking(h.ctx), nullptr);
  EXPECT_FALSE(h.ctx.motion.ranking);
  text = h.motion_frame();
  EXPECT_FALSE(has(text, "Produced at this pose by")) << text;
  EXPECT_FALSE(has(text, "1. ")) << text;
  EXPECT_TRUE(has(text, "hidden while the quiz asks a movement question")) << text;
  // Another movement chosen during the question is hidden just the same.
  ASSERT_TRUE(h.commands.run("motion.movement.subtalar_eversion"));
  EXPECT_EQ(ui::current_ranking(h.ctx), nullptr);
  EXPECT_FALSE(has(h.motion_frame(), "Produced at this pose by"));

  // Answered (the first option): the ranking comes back at the quiz's pose.
  ASSERT_TRUE(h.commands.run("quiz.choose_1"));
  ASSERT_TRUE(h.quiz.answered());
  EXPECT_FALSE(h.ctx.motion.producers_hidden);
  EXPECT_NE(ui::current_ranking(h.ctx), nullptr);
  text = h.motion_frame();
  EXPECT_TRUE(has(text, "Produced at this pose by")) << text;
  EXPECT_FALSE(has(text, "hidden while the quiz")) << text;
  h.commands.run("quiz.stop");
  EXPECT_FALSE(h.ctx.motion.producers_hidden);
  EXPECT_NE(ui::current_ranking(h.ctx), nullptr);
}

TEST(QuizMotionPanel, OtherQuestionsLeaveTheProducersShown) {
  Harness h;
  ASSERT_TRUE(h.commands.run("motion.movement.ankle_plantarflexion"));
  ASSERT_TRUE(h.commands.run("quiz.start_facts"));
  ASSERT_TRUE(h.quiz.current());
  EXPECT_NE(h.quiz.current()->type, QuestionType::movement);
  EXPECT_FALSE(h.ctx.motion.producers_hidden);
  EXPECT_NE(ui::current_ranking(h.ctx), nullptr);
  EXPECT_TRUE(has(h.motion_frame(), "Produced at this pose by"));
}
