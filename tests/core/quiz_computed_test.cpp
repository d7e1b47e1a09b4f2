// Movement and section questions: their answers are recomputed here from
// the motion model and the atlas's sections, independently of the bank, and
// must agree; distractors are never right; the same seed gives the same quiz.
#include "core/motion/musculotendon.hpp"
#include "core/motion/producers.hpp"
#include "core/teaching/quiz.hpp"
#include "core/document/scene.hpp"

#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>

namespace crus {
namespace {

struct Fixture {
  KnowledgeBase kb;
  AtlasManifest atlas;
  TriggerPointSet tps;
  motion::MotionModel model;
  motion::MuscleSet muscles;
  std::unique_ptr<Scene> scene;
  std::unique_ptr<QuizBank> bank;
  Fixture() {
    const std::string assets = test::source_dir() + "/assets";
    kb = load_knowledge(assets + "/knowledge");
    atlas = load_manifest(assets + "/atlas/atlas.json");
    tps = load_trigger_points(assets + "/knowledge/trigger_points.json", atlas.landmarks);
    model = motion::load_motion_model(assets + "/motion/joints.json");
    muscles = motion::load_muscles(assets + "/motion/muscles.json", model);
    bank = std::make_unique<QuizBank>(kb, atlas, &tps);
    bank->use_motion(model, muscles);
    if (std::filesystem::exists(assets + "/atlas/lower_leg_right.glb")) {
      scene = std::make_unique<Scene>(load_scene(assets + "/atlas/lower_leg_right.glb"));
      bank->use_sections(section_quiz_levels(*scene));
    }
  }
};
const Fixture& fixture() {
  static Fixture f;
  return f;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::vector<Question> questions_of(QuestionType type, std::uint64_t seed = 7) {
  const auto& f = fixture();
  std::vector<Question> out;
  SplitMix64 rng(seed);
  for (const auto& card : f.bank->cards({{type}, {}})) {
    auto q = f.bank->make(card, rng);
    EXPECT_TRUE(q) << card.structure << "/" << card.kind;
    if (q) out.push_back(*q);
  }
  return out;
}

// Length change (mm) of each muscle at the question's pose, from scratch.
std::map<std::string, double> changes_at(const std::string& pose_text) {
  const auto& f = fixture();
  auto pose = motion::parse_pose(f.model, pose_text, "test");
  auto states = motion::muscle_states(f.model, f.muscles, pose);
  std::map<std::string, double> out;
  for (std::size_t i = 0; i < states.size(); ++i) out[f.muscles.muscles[i].id] = states[i].change_mm;
  return out;
}

TEST(QuizMovement, ShortensMostAgreesWithTheMuscleLengths) {
  int asked = 0;
  for (const auto& q : questions_of(QuestionType::movement)) {
    if (q.card.kind != "movement.shortens") continue;
    ++asked;
    auto change = changes_at(q.pose);
    double most = 0.0;
    for (const auto& [id, c] : change)
      if (fixture().atlas.find_structure(id)) most = std::min(most, c);
    ASSERT_FALSE(q.correct.empty());
    bool argmin_right = false;
    for (const auto& id : q.correct) {
      EXPECT_LE(change.at(id), most + 1.0) << q.card.structure << ": " << id;
      argmin_right |= change.at(id) == most;
    }
    EXPECT_TRUE(argmin_right) << q.card.structure;
    int right_choices = 0;
    for (const auto& c : q.choices) {
      if (has(q.correct, c.id)) {
        ++right_choices;
        continue;
      }
      EXPECT_GE(change.at(c.id), most + std::max(3.0, -0.5 * most))
          << q.card.structure << ": distractor " << c.id << " shortens nearly as much";
    }
    EXPECT_EQ(right_choices, 1) << q.card.structure;
    EXPECT_GE(q.choices.size(), 2u);
  }
  EXPECT_EQ(asked, 7); // every movement but knee extension (neutral is its end)
}

TEST(QuizMovement, PlantarflexionPlantarflexionShortensASuperficialPosteriorMuscleDorsiflexionAnAnteriorOne) {
  // Anatomy the computation must reproduce (the knowledge base's
  // compartments: the superficial posterior group plantarflexes, the
  // anterior group dorsiflexes).
  const auto& f = fixture();
  auto compartment_of = [&](const std::string& id) {
    const auto* e = f.kb.find(id);
    return e && e->compartment ? *e->compartment : std::string();
  };
  int checked = 0;
  for (const auto& q : questions_of(QuestionType::movement)) {
    if (q.card.kind != "movement.shortens") continue;
    const char* want = q.card.structure == "ankle plantarflexion" ? "posterior superficial"
                       : q.card.structure == "ankle dorsiflexion" ? "anterior"
                                                                  : nullptr;
    if (!want) continue;
    ++checked;
    for (const auto& id : q.correct) EXPECT_EQ(compartment_of(id), want) << q.explanation;
  }
  EXPECT_EQ(checked, 2);
}

TEST(QuizMovement, ProducersHaveTheMomentArmAndDistractorsTheOppositeOne) {
  const auto& f = fixture();
  auto states = motion::muscle_states(f.model, f.muscles, motion::Pose{});
  std::map<std::string, std::array<double, motion::kCoordinateCount>> arm;
  for (std::size_t i = 0; i < states.size(); ++i) arm[f.muscles.muscles[i].id] = states[i].moment_arm_m;
  int asked = 0;
  for (const auto& q : questions_of(QuestionType::movement)) {
    if (q.card.kind != "movement.produces") continue;
    ++asked;
    auto m = motion::parse_movement(f.model, q.card.structure);
    ASSERT_TRUE(m);
    auto c = static_cast<std::size_t>(m->coordinate);
    for (const auto& id : q.correct) EXPECT_GE(arm.at(id)[c] * m->direction, 0.001) << q.card.structure << ": " << id;
    for (const auto& ch : q.choices) {
      if (!has(q.correct, ch.id)) {
        EXPECT_LE(arm.at(ch.id)[c] * m->direction, -0.001) << q.card.structure << ": distractor " << ch.id;
      }
    }
    if (q.card.structure == "ankle dorsiflexion") {
      EXPECT_TRUE(has(q.correct, "tibialis_anterior"));
      EXPECT_FALSE(has(q.correct, "soleus"));
    }
  }
  EXPECT_GE(asked, 6);
}

// Even-odd rule over every loop: inside material, outside holes.
bool inside(const MeshSection& s, const glm::dvec2& p) {
  bool in = false;
  for (const auto& loop : s.loops)
    for (std::size_t i = 0, j = loop.points.size() - 1; i < loop.points.size(); j = i++) {
      const auto& a = loop.points[i];
      const auto& b = loop.points[j];
      if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
    }
  return in;
}

TEST(QuizSection, TheMarkLiesInTheAnswerAndInNoDistractor) {
  const auto& f = fixture();
  ASSERT_TRUE(f.scene) << "the bundled atlas is missing; it is part of the repository";
  auto qs = questions_of(QuestionType::section);
  EXPECT_GE(qs.size(), 15u);
  std::set<double> levels;
  for (const auto& q : qs) {
    ASSERT_TRUE(q.section_fraction);
    levels.insert(*q.section_fraction);
    const SceneSection* level = f.bank->section_at(*q.section_fraction);
    ASSERT_NE(level, nullptr);
    const StructureSection* cut = level->find(q.card.structure);
    ASSERT_NE(cut, nullptr);
    EXPECT_TRUE(inside(cut->section, q.section_mark)) << q.card.structure;
    EXPECT_EQ(q.correct, std::vector<std::string>{q.card.structure});
    EXPECT_FALSE(q.accepted.empty());
    for (const auto& c : q.choices) {
      if (c.id == q.card.structure) continue;
      const StructureSection* other = level->find(c.id);
      ASSERT_NE(other, nullptr) << c.id << " is offered but not cut at this level";
      EXPECT_FALSE(inside(other->section, q.section_mark)) << q.card.structure << " vs " << c.id;
      EXPECT_FALSE(grade_typed_name(*f.bank, q, c.text)) << c.text << " would be accepted for " << q.card.structure;
    }
    EXPECT_TRUE(grade_typed_name(*f.bank, q, f.bank->display_name(q.card.structure)));
  }
  EXPECT_GE(levels.size(), 3u); // not every structure at one level
}

TEST(QuizComputed, SameSeedSameQuizWithTheNewTypes) {
  const auto& f = fixture();
  QuizFilter filter{{QuestionType::movement, QuestionType::section}, {}};
  auto a = generate_quiz(*f.bank, 99, 12, filter);
  auto b = generate_quiz(*f.bank, 99, 12, filter);
  auto c = generate_quiz(*f.bank, 100, 12, filter);
  ASSERT_EQ(a.questions.size(), 12u);
  bool differs = false;
  for (std::size_t i = 0; i < a.questions.size(); ++i) {
    EXPECT_EQ(a.questions[i].card, b.questions[i].card);
    EXPECT_EQ(a.questions[i].prompt, b.questions[i].prompt);
    ASSERT_EQ(a.questions[i].choices.size(), b.questions[i].choices.size());
    for (std::size_t k = 0; k < a.questions[i].choices.size(); ++k)
      EXPECT_EQ(a.questions[i].choices[k].id, b.questions[i].choices[k].id);
    differs |= !(a.questions[i].card == c.questions[i].card);
  }
  EXPECT_TRUE(differs);
}

TEST(QuizComputed, WithoutMotionOrSectionsThoseCardsAreNotOffered) {
  const auto& f = fixture();
  QuizBank plain(f.kb, f.atlas, &f.tps);
  EXPECT_TRUE(plain.cards({{QuestionType::movement}, {}}).empty());
  EXPECT_TRUE(plain.cards({{QuestionType::section}, {}}).empty());
  EXPECT_FALSE(plain.knows("ankle plantarflexion"));
  EXPECT_TRUE(f.bank->knows("ankle plantarflexion"));
}

} // namespace
} // namespace crus

namespace crus {
namespace {

TEST(QuizTriggerPoint, ThePromptNeverNamesAMuscle) {
  // gastrocnemius_trp2's zone is written "outer half of the back of the
  // calf, over the lateral head": the clause naming the head is left out.
  const auto& f = fixture();
  int asked = 0;
  for (const auto& q : questions_of(QuestionType::trigger_point)) {
    ++asked;
    const std::string p = " " + normalise_answer(q.prompt) + " ";
    for (const auto& e : f.kb.entries) {
      if (e.kind != "muscle") continue;
      std::string name = normalise_answer(e.name);
      name = name.substr(0, name.find(" of "));
      EXPECT_EQ(p.find(" " + name + " "), std::string::npos) << q.prompt << " names " << e.name;
    }
    EXPECT_NE(q.prompt.find("shaded area ("), std::string::npos) << q.prompt; // still says where
  }
  EXPECT_GE(asked, 10);
}

} // namespace
} // namespace crus
