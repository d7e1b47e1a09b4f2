// "Which muscles produce this movement?": the ranking by moment arm x maximum
// force x active force-length factor, and its agreement with the knowledge
// base's actions.
#include "core/anatomy/knowledge.hpp"
#include "core/motion/producers.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

using namespace crus::motion;

namespace {
const MotionModel& model() {
  static const MotionModel m = load_motion_model(crus::test::source_dir() + "/assets/motion/joints.json");
  return m;
}
const MuscleSet& muscles() {
  static const MuscleSet s = load_muscles(crus::test::source_dir() + "/assets/motion/muscles.json", model());
  return s;
}
const Movement kPlantarflexion{Coordinate::ankle, -1};

int rank_of(const ProducerRanking& r, const std::string& id) {
  for (std::size_t i = 0; i < r.ranked.size(); ++i)
    if (r.ranked[i].muscle == id) return static_cast<int>(i);
  return -1;
}
const Producer* find(const ProducerRanking& r, const std::string& id) {
  int i = rank_of(r, id);
  return i < 0 ? nullptr : &r.ranked[static_cast<std::size_t>(i)];
}
void print(const ProducerRanking& r, const char* title) {
  if (!std::getenv("CRUS_MOTION_VERBOSE")) return;
  std::printf("%s\n", title);
  for (const auto& p : r.ranked)
    std::printf("  %-28s arm %.4f  l~ %.3f  fL %.3f  %.1f N m\n", p.muscle.c_str(), p.moment_arm_m, p.normalised_fibre_length,
                p.force_length, p.capacity_nm);
  for (const auto& p : r.without_parameters) std::printf("  (no parameters) %-28s arm %.4f\n", p.muscle.c_str(), p.moment_arm_m);
}
} // namespace

TEST(MotionProducers, ForceLengthCurve) {
  EXPECT_DOUBLE_EQ(active_force_length(1.0), 1.0);
  EXPECT_NEAR(active_force_length(1.5), std::exp(-0.25 / 0.45), 1e-12);
  EXPECT_NEAR(active_force_length(0.5), active_force_length(1.5), 1e-12);
  HillParameters h{1000.0, 0.05, 0.30, 0.3};
  // At L_mt = L_ts + l_opt cos(alpha_opt) the fibre is at its optimal length.
  EXPECT_NEAR(fibre_length(h, 0.30 + 0.05 * std::cos(0.3)), 0.05, 1e-12);
  // A slack musculotendon leaves the fibre at its thickness, not negative.
  EXPECT_NEAR(fibre_length(h, 0.2), 0.05 * std::sin(0.3), 1e-12);
}

TEST(MotionProducers, ParsesMovements) {
  auto m = parse_movement(model(), "ankle plantarflexion");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->coordinate, Coordinate::ankle);
  EXPECT_EQ(m->direction, -1);
  ASSERT_TRUE(parse_movement(model(), "plantarflexion"));
  auto toe = parse_movement(model(), "toe extension");
  ASSERT_TRUE(toe);
  EXPECT_EQ(toe->coordinate, Coordinate::mtp);
  EXPECT_EQ(toe->direction, +1);
  EXPECT_TRUE(parse_movement(model(), "mtp flexion"));
  EXPECT_FALSE(parse_movement(model(), "flexion")); // which joint?
  EXPECT_FALSE(parse_movement(model(), "elbow flexion"));
  for (const auto& mv : all_movements()) EXPECT_TRUE(parse_movement(model(), to_string(model(), mv))) << to_string(model(), mv);
}

TEST(MotionProducers, PlantarflexionAtNeutralLedBySoleusAndGastrocnemius) {
  const auto r = rank_producers(model(), muscles(), Pose{}, kPlantarflexion);
  print(r, "plantarflexion, neutral");
  ASSERT_GE(r.ranked.size(), 4u);
  const std::set<std::string> top2{r.ranked[0].muscle, r.ranked[1].muscle};
  EXPECT_EQ(top2, (std::set<std::string>{"soleus", "gastrocnemius_medial_head"}));
  EXPECT_EQ(r.ranked[2].muscle, "gastrocnemius_lateral_head");
  // Dorsiflexors are not in it; plantaris is, apart, for want of parameters.
  EXPECT_EQ(rank_of(r, "tibialis_anterior"), -1);
  ASSERT_EQ(r.without_parameters.size(), 1u);
  EXPECT_EQ(r.without_parameters[0].muscle, "plantaris");
}

TEST(MotionProducers, DeepSquatLeavesTheGastrocnemiusBelowTheSoleus) {
  Pose squat;
  squat.knee_deg = 120.0;
  squat.ankle_deg = 25.0;
  const auto neutral = rank_producers(model(), muscles(), Pose{}, kPlantarflexion);
  const auto r = rank_producers(model(), muscles(), squat, kPlantarflexion);
  print(r, "plantarflexion, deep squat (knee 120, ankle +25)");
  ASSERT_FALSE(r.ranked.empty());
  EXPECT_EQ(r.ranked[0].muscle, "soleus");
  for (const char* head : {"gastrocnemius_medial_head", "gastrocnemius_lateral_head"}) {
    const Producer* in_squat = find(r, head);
    const Producer* standing = find(neutral, head);
    ASSERT_NE(in_squat, nullptr) << head;
    ASSERT_NE(standing, nullptr) << head;
    EXPECT_GT(rank_of(r, head), rank_of(r, "soleus")) << head;
    // Slack: fibres below their optimal length (the ascending limb), where
    // standing they were at or past it, and a quarter or more of the capacity lost.
    EXPECT_GT(standing->normalised_fibre_length, 1.0) << head;
    EXPECT_LT(in_squat->normalised_fibre_length, 0.9) << head;
    EXPECT_LT(in_squat->force_length, standing->force_length) << head;
    EXPECT_LT(in_squat->capacity_nm, 0.75 * standing->capacity_nm) << head;
  }
}

TEST(MotionProducers, RankingIsDeterministic) {
  Pose p;
  p.knee_deg = 37.0;
  p.ankle_deg = -12.5;
  p.subtalar_deg = 4.0;
  p.mtp_deg = 10.0;
  for (const auto& mv : all_movements()) {
    const auto a = rank_producers(model(), muscles(), p, mv), b = rank_producers(model(), muscles(), p, mv);
    ASSERT_EQ(a.ranked.size(), b.ranked.size());
    for (std::size_t i = 0; i < a.ranked.size(); ++i) {
      EXPECT_EQ(a.ranked[i].muscle, b.ranked[i].muscle);
      EXPECT_EQ(a.ranked[i].capacity_nm, b.ranked[i].capacity_nm);
    }
  }
}

namespace {
// The knowledge base's joint and movement words for Crus's movements.
std::optional<Movement> kb_movement(const std::string& joint, const std::string& movement) {
  const std::map<std::pair<std::string, std::string>, Movement> table{
      {{"knee", "flexion"}, {Coordinate::knee, +1}},
      {{"knee", "extension"}, {Coordinate::knee, -1}},
      {{"ankle (talocrural)", "dorsiflexion"}, {Coordinate::ankle, +1}},
      {{"ankle (talocrural)", "plantarflexion"}, {Coordinate::ankle, -1}},
      {{"subtalar", "inversion"}, {Coordinate::subtalar, +1}},
      {{"subtalar", "eversion"}, {Coordinate::subtalar, -1}},
      {{"metatarsophalangeal", "extension"}, {Coordinate::mtp, +1}},
      {{"metatarsophalangeal", "flexion"}, {Coordinate::mtp, -1}},
  };
  auto it = table.find({joint, movement});
  if (it == table.end()) return std::nullopt; // rotation, arches, interphalangeal: no coordinate for them
  return it->second;
}
} // namespace

// Each action the knowledge base gives a muscle about the knee, ankle,
// subtalar or MTP joint has a moment arm of at least 1 mm that way at the
// neutral pose, and each moment arm of 5 mm or more is an action the
// knowledge base lists. Disagreements are listed; the known ones are below
// with the reason, and any other fails the test.
TEST(MotionProducers, AgreesWithTheKnowledgeBasesActions) {
  const crus::KnowledgeBase kb = crus::load_knowledge(crus::test::source_dir() + "/assets/knowledge");
  const auto states = muscle_states(model(), muscles(), Pose{});
  std::set<std::string> disagreements;
  for (std::size_t i = 0; i < muscles().muscles.size(); ++i) {
    const std::string& id = muscles().muscles[i].id;
    const crus::KnowledgeEntry* entry = nullptr;
    for (const auto& e : kb.entries)
      if (e.id == id) entry = &e;
    ASSERT_NE(entry, nullptr) << id;
    std::set<std::pair<int, int>> listed;
    for (const auto& a : entry->actions) {
      auto mv = kb_movement(a.joint, a.movement);
      if (!mv) continue;
      listed.insert({static_cast<int>(mv->coordinate), mv->direction});
      const double arm = mv->direction * states[i].moment_arm_m[static_cast<std::size_t>(mv->coordinate)];
      if (arm < 0.001)
        disagreements.insert(id + ": knowledge base lists " + to_string(model(), *mv) + ", model arm " +
                             std::to_string(std::lround(arm * 1000.0)) + " mm");
    }
    for (const auto& mv : all_movements()) {
      const double arm = mv.direction * states[i].moment_arm_m[static_cast<std::size_t>(mv.coordinate)];
      if (arm >= 0.005 && !listed.count({static_cast<int>(mv.coordinate), mv.direction}))
        disagreements.insert(id + ": model arm " + std::to_string(std::lround(arm * 1000.0)) + " mm for " +
                             to_string(model(), mv) + ", not in the knowledge base");
    }
  }
  for (const auto& d : disagreements) std::printf("disagreement: %s\n", d.c_str());
  const std::set<std::string> known{
      // Both on Crus's estimated paths (the model has neither muscle), so no
      // published moment arm settles them; reported, not resolved:
      // - the plantaris tendon runs obliquely from the lateral condyle to the
      //   calcaneus medial to the calcaneal tendon, which gives it an inverting
      //   arm larger than the gastrocnemius's; the knowledge base lists none.
      "plantaris: model arm 14 mm for subtalar inversion, not in the knowledge base",
      // - the popliteus is mainly a rotator (no coordinate for that here): its
      //   straight path passes 0.8 mm behind the flexion axis, the right sign for
      //   the knowledge base's "weak" flexion but under this test's 1 mm.
      "popliteus: knowledge base lists knee flexion, model arm 1 mm",
  };
  EXPECT_EQ(disagreements, known);
}
