// The Quiz panel on the bundled knowledge base and manifest (a scene with
// the manifest's structures, no meshes needed): a session asks due then new
// cards, a click on the right structure scores and a click elsewhere does
// not, name-it ghosts the rest and puts the view back, every answer lands in
// the progress database, and the dashboard shows what is due.
#include "core/teaching/progress_store.hpp"
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/quiz_panel.hpp"

#include "panel_harness.hpp"
#include "support/test_support.hpp"
#include <gtest/gtest.h>

using namespace crus;

namespace {

struct Harness {
  platform::HeadlessContext context;
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  KnowledgeBase kb;
  TriggerPointSet tps;
  Scene scene;
  Document document;
  ui::ViewerContext ctx;
  std::int64_t now = 1'800'000'000;
  std::string db = (test::scratch_dir("quiz_panel") / "progress.db").string();
  ui::QuizPanel panel{db, [this] { return now; }};

  Harness() {
    const std::string assets = test::source_dir() + "/assets";
    kb = load_knowledge(assets + "/knowledge");
    scene.manifest = load_manifest(assets + "/atlas/atlas.json");
    for (const auto& s : scene.manifest->structures) {
      SceneStructure st;
      st.id = st.node = s.id;
      st.name = s.name;
      st.kind = s.kind;
      scene.structures.push_back(st);
    }
    tps = load_trigger_points(assets + "/knowledge/trigger_points.json", scene.manifest->landmarks);
    document.reset(scene.structures.size());
    ctx.trigger_points = &tps;
    ctx.scene = &scene;
    ctx.document = &document;
    ctx.knowledge = &kb;
    panel.open = true;
  }
  std::string frame() {
    test::PanelFrame f;
    std::string text = test::draw_panel_frame(host, panel, ctx, f);
    EXPECT_TRUE(panel.last_error.empty()) << panel.last_error;
    return text;
  }
  // Starts sessions until the first question is of this type.
  const Question* ask_type(QuestionType type) {
    for (int tries = 0; tries < 40; ++tries) {
      panel.start_session(ctx, 200);
      while (panel.current() && panel.current()->type != type) panel.next(ctx);
      if (panel.current()) return panel.current();
      now += 1;
    }
    return nullptr;
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(QuizPanel, NothingIsCutOffInANarrowPanel) {
  // With text 30 px high in a panel 280 px wide, the check boxes two to a
  // row ran past the edge ("Trigger p", "Sec"), and so did "Start a session
  // of 10" and the mastery rows' names ("trigger-p").
  Harness h;
  for (const float width : {test::narrowest_panel_width(), 150.0f, 560.0f}) {
    ASSERT_GT(width, 100.0f);
    EXPECT_LE(test::overflow_at_width(h.host, h.panel, h.ctx, width, 1500.0f), 0.0f) << "a panel " << width << " px wide";
    EXPECT_LE(test::clipped_sideways(h.panel.title()), 1.0f) << "cut off in a panel " << width << " px wide";
  }
}

TEST(QuizPanel, AClickOnTheRightStructureScoresAndElsewhereDoesNot) {
  Harness h;
  h.frame();
  const Question* q = h.ask_type(QuestionType::point_to);
  ASSERT_TRUE(q);
  const std::string target = q->card.structure;
  EXPECT_EQ(h.document.state().selected, -1);
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Click")) << text;
  h.document.select(h.scene.index_of(target)); // what a click in the view does
  text = h.frame();
  EXPECT_TRUE(h.panel.answered());
  EXPECT_TRUE(h.panel.last_correct());
  EXPECT_TRUE(has(text, "Right.")) << text;
  EXPECT_TRUE(has(text, "Source:")) << text;
  EXPECT_TRUE(has(text, "Lit on the model: " + h.kb.find(target)->name)) << text;
  // A wrong click: the panel says what was clicked.
  h.panel.next(h.ctx);
  while (h.panel.current() && h.panel.current()->type != QuestionType::point_to) h.panel.next(h.ctx);
  ASSERT_TRUE(h.panel.current());
  std::string other = h.panel.current()->card.structure == "tibia" ? "fibula" : "tibia";
  h.document.select(h.scene.index_of(other));
  text = h.frame();
  EXPECT_TRUE(h.panel.answered());
  EXPECT_FALSE(h.panel.last_correct());
  EXPECT_TRUE(has(text, "You clicked " + h.kb.find(other)->name)) << text;
  // The right structure is lit (selected) after the answer.
  EXPECT_EQ(h.document.state().selected, h.scene.index_of(h.panel.current()->card.structure));
  auto reviews = h.panel.store()->reviews();
  ASSERT_EQ(reviews.size(), 2u);
  EXPECT_EQ(reviews[0].card.structure, target);
  EXPECT_EQ(reviews[1].answer, other);
  EXPECT_EQ(reviews[1].grade, Grade::again);
}

TEST(QuizPanel, NameItGhostsTheRestAndPutsTheViewBack) {
  Harness h;
  h.frame();
  const Question* q = h.ask_type(QuestionType::name_it);
  ASSERT_TRUE(q);
  int target = h.scene.index_of(q->card.structure);
  const auto& vis = h.document.state().visibility;
  for (int i = 0; i < static_cast<int>(vis.size()); ++i)
    EXPECT_EQ(vis[static_cast<std::size_t>(i)], i == target ? Visibility::shown : Visibility::ghosted) << i;
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Name the highlighted")) << text;
  std::string wrong;
  for (const auto& c : q->choices)
    if (c.id != q->card.structure) wrong = c.id;
  h.panel.answer(h.ctx, wrong);
  EXPECT_FALSE(h.panel.last_correct());
  for (auto v : h.document.state().visibility) EXPECT_EQ(v, Visibility::shown);
  text = h.frame();
  EXPECT_TRUE(has(text, "Not quite.")) << text;
}

TEST(QuizPanel, AnswersAreKeptAndTheDashboardCountsThem) {
  Harness h;
  h.frame();
  const Question* q = h.ask_type(QuestionType::fact);
  ASSERT_TRUE(q);
  h.panel.answer(h.ctx, q->correct.front());
  EXPECT_TRUE(h.panel.last_correct());
  h.now += kSecondsPerDay; // due again after one day; studied yesterday
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Due today: 1")) << text;
  EXPECT_TRUE(has(text, "Streak: 1 day") && !has(text, "Streak: 1 days")) << text;
  EXPECT_TRUE(has(text, "muscles")) << text;
  // A new panel on the same database starts with the due card.
  ui::QuizPanel again{h.db, [&] { return h.now; }};
  again.start_session(h.ctx, 5);
  ASSERT_TRUE(again.current());
  EXPECT_EQ(again.current()->card, q->card);
}

} // namespace

namespace {

TEST(QuizPanel, NameItTakesATypedNameWithASmallTypoButNotAnotherStructure) {
  Harness h;
  h.frame();
  const Question* q = h.ask_type(QuestionType::name_it);
  ASSERT_TRUE(q);
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Type its name")) << text;
  std::string name = h.kb.find(q->card.structure)->name;
  std::string typo = name;
  std::swap(typo[1], typo[2]); // one adjacent swap: allowed
  h.panel.answer_typed(h.ctx, typo);
  EXPECT_TRUE(h.panel.answered());
  EXPECT_TRUE(h.panel.last_correct()) << typo;
  // The next name-it question answered with another structure's name.
  h.panel.next(h.ctx);
  while (h.panel.current() && h.panel.current()->type != QuestionType::name_it) h.panel.next(h.ctx);
  ASSERT_TRUE(h.panel.current());
  std::string other;
  for (const auto& c : h.panel.current()->choices)
    if (c.id != h.panel.current()->card.structure) other = c.text;
  h.panel.answer_typed(h.ctx, other);
  EXPECT_FALSE(h.panel.last_correct()) << other;
  text = h.frame();
  EXPECT_TRUE(has(text, "You typed")) << text;
  EXPECT_EQ(h.panel.store()->reviews().back().answer, other);
}

TEST(QuizPanel, TriggerPointQuestionsPaintTheZoneWithoutTheMarkerAndAcceptAnyRightMuscle) {
  Harness h;
  h.frame();
  const Question* q = nullptr;
  // A zone more than one muscle refers to, when the data has one.
  for (int tries = 0; tries < 40 && (!q || q->correct.size() < 2); ++tries) {
    h.panel.start_session(h.ctx, 400);
    while (h.panel.current() && (h.panel.current()->type != QuestionType::trigger_point || h.panel.current()->correct.size() < 2))
      h.panel.next(h.ctx);
    q = h.panel.current();
    h.now += 1;
  }
  ASSERT_TRUE(q) << "no trigger-point question with two right muscles";
  const Overlay& shown = h.document.state().overlay;
  EXPECT_EQ(shown.mode, OverlayMode::trigger_point);
  EXPECT_EQ(shown.target, q->zone_trigger_point);
  EXPECT_TRUE(shown.zone_only);
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "shaded area")) << text;
  // A right muscle that is not the zone's own scores too.
  std::string second = q->correct[1];
  h.panel.answer(h.ctx, second);
  EXPECT_TRUE(h.panel.last_correct());
  EXPECT_FALSE(h.document.state().overlay.zone_only); // the marker shows now
  text = h.frame();
  EXPECT_TRUE(has(text, "Right answers (any one):")) << text;
  for (const auto& id : q->correct) EXPECT_TRUE(has(text, h.kb.find(id)->name)) << id << "\n" << text;
  // The next question puts the viewer's own overlay back (none).
  h.panel.next(h.ctx);
  if (!h.panel.current() || h.panel.current()->type != QuestionType::trigger_point) {
    EXPECT_EQ(h.document.state().overlay.mode, OverlayMode::none);
  }
}

TEST(QuizPanel, APointToTargetTheStudentHidIsShownForTheQuestion) {
  Harness h;
  h.frame();
  const Question* q = h.ask_type(QuestionType::point_to);
  ASSERT_TRUE(q);
  const int target = h.scene.index_of(q->card.structure);
  // Hide it, then ask the same card again in a new session of one.
  h.panel.answer(h.ctx, q->card.structure);
  h.document.set_visibility({target}, Visibility::hidden);
  h.document.set_visibility({h.scene.index_of("skin")}, Visibility::ghosted);
  ui::QuizPanel again{h.db, [&] { return h.now + 30 * kSecondsPerDay; }};
  again.start_session(h.ctx, 400);
  while (again.current() && !(again.current()->card == CardKey{q->card.structure, "point_to"})) again.next(h.ctx);
  ASSERT_TRUE(again.current());
  EXPECT_EQ(h.document.state().visibility[static_cast<std::size_t>(target)], Visibility::shown);
  again.answer(h.ctx, q->card.structure);
  EXPECT_TRUE(again.last_correct());
  EXPECT_EQ(h.document.state().visibility[static_cast<std::size_t>(target)], Visibility::hidden); // put back
}

} // namespace
