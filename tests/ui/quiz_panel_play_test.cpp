// The Quiz panel's movement and section questions on the bundled atlas and
// motion model, driven through the named quiz commands as the palette and
// menus run them: a movement question plays the action on the leg and takes
// a click on a muscle, its feedback lights every right muscle; a section
// question shows the slice with its mark and takes a typed name; a wrong
// point-to click says what was clicked and where the target lies.
#include "core/commands/command_catalogue.hpp"
#include "core/motion/kinematics.hpp"
#include "core/motion/musculotendon.hpp"
#include "core/document/scene.hpp"
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/quiz_panel.hpp"

#include "panel_harness.hpp"
#include "support/test_support.hpp"
#include <gtest/gtest.h>

#include <algorithm>

using namespace crus;

namespace {

struct Atlas {
  Scene scene;
  KnowledgeBase kb;
  TriggerPointSet tps;
  motion::MotionModel model;
  motion::MuscleSet muscles;
  Atlas() {
    const std::string assets = test::source_dir() + "/assets";
    scene = load_scene(assets + "/atlas/lower_leg_right_lod1.glb"); // the manifest beside it names the nodes
    kb = load_knowledge(assets + "/knowledge");
    tps = load_trigger_points(assets + "/knowledge/trigger_points.json", scene.manifest->landmarks);
    model = motion::load_motion_model(assets + "/motion/joints.json");
    muscles = motion::load_muscles(assets + "/motion/muscles.json", model);
  }
};
Atlas& atlas() {
  static Atlas a;
  return a;
}

struct Harness {
  platform::HeadlessContext context;
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  Document document;
  ui::ViewerContext ctx;
  CommandRegistry commands;
  std::int64_t now = 1'800'000'000;
  std::string db;
  ui::QuizPanel panel;

  explicit Harness(const std::string& name)
      : db((test::scratch_dir(name) / "progress.db").string()), panel(db, [this] { return now; }) {
    Atlas& a = atlas();
    document.reset(a.scene.structures.size());
    ctx.scene = &a.scene;
    ctx.document = &document;
    ctx.knowledge = &a.kb;
    ctx.trigger_points = &a.tps;
    ctx.motion.model = &a.model;
    ctx.motion.muscles = &a.muscles;
    add_viewer_commands(commands);
    ui::bind_quiz_commands(commands, panel, ctx);
  }
  std::string frame() {
    test::PanelFrame f;
    std::string text = test::draw_panel_frame(host, panel, ctx, f);
    EXPECT_TRUE(panel.last_error.empty()) << panel.last_error;
    return text;
  }
  int scene_index(const std::string& id) const { return atlas().scene.index_of(id); }
  // The knowledge base's name, as the panel writes it.
  static std::string name(const std::string& id) { return atlas().kb.find(id)->name; }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(QuizPanelPlay, AMovementQuestionPlaysTheActionAndTakesAClickOnAMuscle) {
  Harness h("quiz_play_movement");
  h.frame();
  EXPECT_FALSE(h.commands.is_enabled("quiz.next"));
  ASSERT_TRUE(h.commands.run("quiz.start_movement"));
  const Question* q = h.panel.current();
  ASSERT_TRUE(q);
  ASSERT_EQ(q->type, QuestionType::movement);
  EXPECT_TRUE(h.panel.open);
  // The action starts at neutral and is held by the quiz, not the Motion panel.
  ASSERT_TRUE(h.ctx.motion.preview);
  EXPECT_EQ(*h.ctx.motion.preview, motion::Pose{});
  EXPECT_TRUE(h.ctx.motion.preview_held);
  EXPECT_TRUE(h.panel.playing());
  const motion::Pose end = motion::parse_pose(atlas().model, q->pose, "test");
  h.panel.advance(h.ctx, 0.8);
  EXPECT_FALSE(*h.ctx.motion.preview == end); // on its way
  h.panel.advance(h.ctx, 5.0);
  EXPECT_FALSE(h.panel.playing());
  EXPECT_EQ(*h.ctx.motion.preview, end); // held at the question's pose
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Click the muscle")) << text;
  // A click on a right muscle (the view's click selects it) scores.
  const std::string right = q->correct.back();
  h.document.select(h.scene_index(right));
  text = h.frame();
  ASSERT_TRUE(h.panel.answered());
  EXPECT_TRUE(h.panel.last_correct());
  EXPECT_TRUE(has(text, "Right.")) << text;
  EXPECT_TRUE(has(text, "Source:")) << text;
  EXPECT_TRUE(has(text, "Lit on the model:")) << text;
  for (const auto& id : q->correct) EXPECT_TRUE(has(text, Harness::name(id))) << id << "\n" << text;
  // Every right muscle is shown, every other muscle ghosted, the pose kept.
  const auto& vis = h.document.state().visibility;
  for (std::size_t i = 0; i < vis.size(); ++i) {
    const SceneStructure& s = atlas().scene.structures[i];
    const bool is_right = std::count(q->correct.begin(), q->correct.end(), s.id) > 0;
    if (is_right) {
      EXPECT_EQ(vis[i], Visibility::shown) << s.id;
    } else if (s.kind == StructureKind::muscle) {
      EXPECT_EQ(vis[i], Visibility::ghosted) << s.id;
    }
  }
  EXPECT_EQ(h.document.state().selected, h.scene_index(right));
  EXPECT_EQ(*h.ctx.motion.preview, end);
  EXPECT_EQ(h.panel.store()->reviews().back().answer, right);
  // The next question puts the view and the pose back.
  ASSERT_TRUE(h.commands.is_enabled("quiz.next"));
  h.commands.run("quiz.stop");
  EXPECT_FALSE(h.ctx.motion.preview);
  EXPECT_FALSE(h.ctx.motion.preview_held);
  for (auto v : h.document.state().visibility) EXPECT_EQ(v, Visibility::shown);
}

TEST(QuizPanelPlay, AClickOnABoneOrAWrongOptionDoesNotScoreAMovementQuestion) {
  Harness h("quiz_play_movement_wrong");
  h.frame();
  ASSERT_TRUE(h.commands.run("quiz.start_movement"));
  ASSERT_TRUE(h.panel.current());
  h.document.select(h.scene_index("tibia"));
  h.frame();
  ASSERT_TRUE(h.panel.answered());
  EXPECT_FALSE(h.panel.last_correct());
  // Options by number, as the commands choose them: a wrong one does not score.
  h.commands.run("quiz.next");
  ASSERT_TRUE(h.panel.current());
  const Question& q = *h.panel.current();
  std::size_t wrong = 0;
  while (wrong < q.choices.size() && std::count(q.correct.begin(), q.correct.end(), q.choices[wrong].id)) ++wrong;
  ASSERT_LT(wrong, q.choices.size());
  EXPECT_FALSE(h.commands.is_enabled("quiz.choose_" + std::to_string(q.choices.size() + 1)));
  ASSERT_TRUE(h.commands.run("quiz.choose_" + std::to_string(wrong + 1)));
  EXPECT_TRUE(h.panel.answered());
  EXPECT_FALSE(h.panel.last_correct());
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "You chose")) << text;
  EXPECT_EQ(h.panel.store()->reviews().size(), 2u);
}

TEST(QuizPanelPlay, ASectionQuestionShowsTheSliceWithItsMarkAndTakesATypedName) {
  Harness h("quiz_play_section");
  h.frame();
  ASSERT_TRUE(h.commands.run("quiz.start_section"));
  const Question* q = h.panel.current();
  ASSERT_TRUE(q);
  ASSERT_EQ(q->type, QuestionType::section);
  const SceneSection* shown = h.panel.shown_section();
  ASSERT_TRUE(shown);
  ASSERT_TRUE(shown->plane.fraction);
  EXPECT_DOUBLE_EQ(*shown->plane.fraction, *q->section_fraction);
  ASSERT_TRUE(shown->find(q->card.structure)); // the marked structure is in the slice shown
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Name the structure marked")) << text;
  EXPECT_TRUE(has(text, "Type its name")) << text;
  h.panel.answer_typed(h.ctx, Harness::name(q->card.structure));
  EXPECT_TRUE(h.panel.last_correct());
  text = h.frame();
  EXPECT_TRUE(has(text, "Right.")) << text;
  EXPECT_TRUE(has(text, "Source:")) << text;
  EXPECT_EQ(h.document.state().selected, h.scene_index(q->card.structure)); // lit on the 3D model too
  // The next section question answered with a wrong option.
  h.commands.run("quiz.next");
  ASSERT_TRUE(h.panel.current());
  const Question& next = *h.panel.current();
  for (std::size_t i = 0; i < next.choices.size(); ++i)
    if (next.choices[i].id != next.card.structure) {
      h.commands.run("quiz.choose_" + std::to_string(i + 1));
      break;
    }
  EXPECT_FALSE(h.panel.last_correct());
}

TEST(QuizPanelPlay, AWrongPointToClickSaysWhatWasClickedAndWhereTheTargetLies) {
  Harness h("quiz_play_near_miss");
  h.frame();
  for (const auto& st : atlas().scene.structures)
    h.ctx.layers.push_back(atlas().kb.find(st.id) ? atlas().kb.find(st.id)->layer : 0);
  h.panel.set_types({QuestionType::point_to});
  h.panel.start_session(h.ctx, 400);
  while (h.panel.current() && h.panel.current()->card.structure != "gastrocnemius_lateral_head") h.panel.next(h.ctx);
  ASSERT_TRUE(h.panel.current()) << "no point-to question on the lateral head of gastrocnemius";
  h.document.select(h.scene_index("soleus"));
  std::string text = h.frame();
  ASSERT_TRUE(h.panel.answered());
  EXPECT_FALSE(h.panel.last_correct());
  EXPECT_TRUE(has(text, "You clicked Soleus.")) << text;
  EXPECT_TRUE(has(text, "Lateral head of gastrocnemius lies just superficial to it.")) << text;
  EXPECT_EQ(h.document.state().selected, h.scene_index("gastrocnemius_lateral_head"));
}

TEST(QuizNearMiss, SaysWhereTheTargetLiesFromTheBoxes) {
  const Scene& s = atlas().scene;
  EXPECT_EQ(near_miss_relation(s, "tibialis_anterior", "fibularis_longus", ""), "Fibularis longus lies just lateral to it.");
  // Without layers, a direction from the boxes.
  EXPECT_EQ(near_miss_relation(s, "soleus", "gastrocnemius_lateral_head", "lateral head of gastrocnemius"),
            "Lateral head of gastrocnemius lies just lateral to it.");
  const std::string far = near_miss_relation(s, "calcaneus", "patella", "patella");
  EXPECT_TRUE(has(far, "Patella lies above it, about")) << far;
  // With the layers the viewer keeps: one muscle under another is deep to it.
  std::vector<int> layers;
  for (const auto& st : s.structures) layers.push_back(atlas().kb.find(st.id) ? atlas().kb.find(st.id)->layer : 0);
  EXPECT_EQ(near_miss_relation(s, "fibularis_longus", "fibularis_brevis", "fibularis brevis", &layers),
            "Fibularis brevis lies just deep to it.");
  EXPECT_EQ(near_miss_relation(s, "fibularis_brevis", "fibularis_longus", "fibularis longus", &layers),
            "Fibularis longus lies just superficial to it.");
  EXPECT_EQ(near_miss_relation(s, "soleus", "gastrocnemius_lateral_head", "lateral head of gastrocnemius", &layers),
            "Lateral head of gastrocnemius lies just superficial to it.");
  EXPECT_EQ(near_miss_relation(s, "soleus", "soleus", "soleus"), "");
  EXPECT_EQ(near_miss_relation(s, "soleus", "no_such_thing", "x"), "");
}

TEST(QuizCommands, EveryQuizCommandIsBoundAndOnlyEnabledWhenItCanAct) {
  Harness h("quiz_commands");
  int quiz_commands = 0;
  for (const Command& c : h.commands.all()) {
    if (c.info.id.rfind("quiz.", 0) != 0) continue;
    EXPECT_TRUE(c.bound()) << c.info.id;
    ++quiz_commands;
  }
  EXPECT_EQ(quiz_commands, 15);
  EXPECT_TRUE(h.commands.is_enabled("quiz.start"));
  EXPECT_FALSE(h.commands.is_enabled("quiz.dont_know"));
  EXPECT_FALSE(h.commands.is_enabled("quiz.replay"));
  h.commands.run("quiz.start_facts");
  ASSERT_TRUE(h.panel.current());
  EXPECT_TRUE(h.commands.is_enabled("quiz.dont_know"));
  EXPECT_FALSE(h.commands.is_enabled("quiz.replay"));
  h.commands.run("quiz.dont_know");
  EXPECT_TRUE(h.panel.answered());
  EXPECT_FALSE(h.panel.last_correct());
  EXPECT_FALSE(h.commands.is_enabled("quiz.dont_know"));
  h.commands.run("quiz.stop");
  EXPECT_FALSE(h.panel.current());
}

} // namespace

namespace {

TEST(QuizPanelPlay, TheTopicChosenLimitsWhatASessionAsks) {
  Harness h("quiz_play_topic");
  h.frame();
  const auto& topics = h.panel.topics(h.ctx);
  auto find = [&](const std::string& label) -> const QuizTopic* {
    for (const auto& [text, t] : topics)
      if (text == label) return &t;
    return nullptr;
  };
  ASSERT_TRUE(find("Everything"));
  ASSERT_TRUE(find("Region: foot"));
  ASSERT_TRUE(find("System: nerves"));
  const QuizTopic* anterior = find("Compartment: anterior");
  ASSERT_TRUE(anterior);
  const QuizTopic* lesson = nullptr;
  for (const auto& [text, t] : topics)
    if (t.kind == QuizTopic::Kind::lesson && t.value == "anterior_compartment") lesson = &t;
  ASSERT_TRUE(lesson) << "the bundled anterior compartment lesson is offered";
  h.panel.set_topic(*anterior);
  h.panel.set_types({QuestionType::fact});
  h.panel.start_session(h.ctx, 30);
  int asked = 0;
  for (; h.panel.current(); h.panel.next(h.ctx), ++asked) {
    const auto* e = atlas().kb.find(h.panel.current()->card.structure);
    ASSERT_TRUE(e && e->compartment) << h.panel.current()->card.structure;
    EXPECT_EQ(*e->compartment, "anterior") << e->id;
  }
  EXPECT_GT(asked, 3);
  h.panel.set_topic(*lesson);
  h.panel.set_types({QuestionType::point_to});
  h.panel.start_session(h.ctx, 100);
  asked = 0;
  for (; h.panel.current(); h.panel.next(h.ctx), ++asked) {
    const std::string& id = h.panel.current()->card.structure;
    EXPECT_TRUE(std::count(lesson->structures.begin(), lesson->structures.end(), id)) << id;
  }
  EXPECT_GT(asked, 3);
}

} // namespace

namespace {

// Issue 14: each type renders and can be answered headless through the
// named commands, and every answer is logged.
TEST(QuizCommands, EveryQuestionTypeRendersAndIsAnsweredThroughCommands) {
  Harness h("quiz_commands_every_type");
  h.frame();
  std::size_t logged = 0;
  for (QuestionType type : kQuestionTypes) {
    std::string id = std::string("quiz.start_") + to_string(type);
    std::replace(id.begin(), id.end(), '-', '_');
    ASSERT_TRUE(h.commands.is_enabled(id)) << id;
    ASSERT_TRUE(h.commands.run(id)) << id;
    ASSERT_TRUE(h.panel.current()) << id;
    EXPECT_EQ(h.panel.current()->type, type) << id;
    std::string text = h.frame();
    EXPECT_TRUE(has(text, h.panel.current()->prompt)) << id << "\n" << text;
    // Point-to has no options: "I don't know"; the others take option 1.
    const std::string answer = type == QuestionType::point_to ? "quiz.dont_know" : "quiz.choose_1";
    ASSERT_TRUE(h.commands.is_enabled(answer)) << id;
    h.commands.run(answer);
    EXPECT_TRUE(h.panel.answered()) << id;
    text = h.frame();
    EXPECT_TRUE(has(text, h.panel.last_correct() ? "Right." : "Not quite.")) << id << "\n" << text;
    EXPECT_TRUE(has(text, "Source:")) << id << "\n" << text;
    EXPECT_EQ(h.panel.store()->reviews().size(), ++logged) << id;
    EXPECT_EQ(h.panel.store()->reviews().back().card, h.panel.current()->card) << id;
    h.commands.run("quiz.stop");
  }
}

} // namespace

namespace {

// Section answers come from the meshes as posed, at levels measured at
// neutral: with the leg bent, no section is cut and the panel says why.
TEST(QuizPanelPlay, SectionsWaitForTheLegInNeutral) {
  Harness h("quiz_play_section_pose");
  motion::Pose bent;
  bent.knee_deg = 60.0;
  h.document.set_pose(bent, "Pose: knee");
  h.panel.set_types({QuestionType::section});
  h.panel.start_session(h.ctx, 5);
  EXPECT_FALSE(h.panel.current());
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "cut with the leg in neutral")) << text;
  h.document.set_pose(motion::Pose{}, "Reset pose");
  h.panel.start_session(h.ctx, 5);
  ASSERT_TRUE(h.panel.current());
  EXPECT_EQ(h.panel.current()->type, QuestionType::section);
}

} // namespace
