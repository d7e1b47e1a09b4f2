// Musculotendon lengths and moment arms behave as the issue expects (issue
// 12, "What is computed"), with the published paths of Rajagopal 2016.
#include "core/error.hpp"
#include "core/motion/musculotendon.hpp"
#include "core/motion/wrap.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>

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
MuscleState state(const std::string& id, const Pose& pose) {
  const auto states = muscle_states(model(), muscles(), pose);
  for (std::size_t i = 0; i < muscles().muscles.size(); ++i)
    if (muscles().muscles[i].id == id) return states[i];
  ADD_FAILURE() << "no muscle " << id;
  return {};
}
double length_change_mm(const std::string& id, const Pose& from, const Pose& to) {
  return 1000.0 * (state(id, to).length_m - state(id, from).length_m);
}
Pose at(Coordinate c, double deg) {
  Pose p;
  p[c] = deg;
  return p;
}
double arm(const MuscleState& s, Coordinate c) { return s.moment_arm_m[static_cast<std::size_t>(c)]; }
} // namespace

TEST(MotionMuscles, EveryAtlasMuscleHasAPath) {
  for (const char* id :
       {"gastrocnemius_medial_head", "gastrocnemius_lateral_head", "soleus", "plantaris", "tibialis_anterior", "fibularis_longus",
        "fibularis_brevis", "fibularis_tertius", "tibialis_posterior", "flexor_digitorum_longus", "flexor_hallucis_longus",
        "extensor_digitorum_longus", "extensor_hallucis_longus", "popliteus"})
    EXPECT_NE(muscles().find(id), nullptr) << id;
  // The three the model lacks carry no invented parameters.
  for (const char* id : {"plantaris", "fibularis_tertius", "popliteus"}) {
    ASSERT_NE(muscles().find(id), nullptr);
    EXPECT_FALSE(muscles().find(id)->hill.has_value()) << id;
    EXPECT_NE(muscles().find(id)->hill_note.find("no published parameters"), std::string::npos);
  }
}

TEST(MotionMuscles, NeutralPoseHasNoChange) {
  for (const auto& s : muscle_states(model(), muscles(), Pose{})) {
    EXPECT_NEAR(s.change_mm, 0.0, 1e-9);
    EXPECT_GT(s.length_m, 0.03);
  }
}

TEST(MotionMuscles, GastrocnemiusSlackensWithKneeFlexionAndSoleusDoesNot) {
  const Pose straight, bent = at(Coordinate::knee, 90.0);
  for (const char* head : {"gastrocnemius_medial_head", "gastrocnemius_lateral_head"}) {
    const double d = length_change_mm(head, straight, bent);
    EXPECT_LT(d, -15.0) << head;
    EXPECT_GT(d, -35.0) << head;
    EXPECT_GT(arm(state(head, straight), Coordinate::knee), 0.0) << head << " flexes the knee";
  }
  EXPECT_NEAR(length_change_mm("soleus", straight, bent), 0.0, 1e-9); // both ends below the knee
}

TEST(MotionMuscles, TricepsSuraeShortensInPlantarflexion) {
  for (const char* m : {"gastrocnemius_medial_head", "gastrocnemius_lateral_head", "soleus", "plantaris"}) {
    EXPECT_LT(length_change_mm(m, Pose{}, at(Coordinate::ankle, -30.0)), -10.0) << m;
    EXPECT_LT(arm(state(m, Pose{}), Coordinate::ankle), -0.02) << m << ": a plantarflexor's arm is negative";
  }
}

TEST(MotionMuscles, TibialisAnteriorLengthensInPlantarflexionAndShortensInDorsiflexion) {
  EXPECT_GT(length_change_mm("tibialis_anterior", Pose{}, at(Coordinate::ankle, -30.0)), 10.0);
  EXPECT_LT(length_change_mm("tibialis_anterior", Pose{}, at(Coordinate::ankle, 20.0)), -5.0);
}

TEST(MotionMuscles, FibularesShortenInEversionAndTibialisPosteriorInInversion) {
  for (const char* m : {"fibularis_longus", "fibularis_brevis", "fibularis_tertius"}) {
    EXPECT_LT(length_change_mm(m, Pose{}, at(Coordinate::subtalar, -20.0)), -2.0) << m;
    EXPECT_LT(arm(state(m, Pose{}), Coordinate::subtalar), 0.0) << m << " everts";
  }
  EXPECT_LT(length_change_mm("tibialis_posterior", Pose{}, at(Coordinate::subtalar, 20.0)), -2.0);
  EXPECT_GT(arm(state("tibialis_posterior", Pose{}), Coordinate::subtalar), 0.0);
  // The fibulares pass behind the lateral malleolus: they plantarflex.
  for (const char* m : {"fibularis_longus", "fibularis_brevis"}) EXPECT_LT(arm(state(m, Pose{}), Coordinate::ankle), 0.0) << m;
}

TEST(MotionMuscles, ToeFlexorsLengthenInToeExtension) {
  for (const char* m : {"flexor_digitorum_longus", "flexor_hallucis_longus"}) {
    EXPECT_GT(length_change_mm(m, Pose{}, at(Coordinate::mtp, 30.0)), 3.0) << m;
    EXPECT_LT(arm(state(m, Pose{}), Coordinate::mtp), 0.0) << m;
  }
  for (const char* m : {"extensor_digitorum_longus", "extensor_hallucis_longus"})
    EXPECT_LT(length_change_mm(m, Pose{}, at(Coordinate::mtp, 30.0)), -3.0) << m;
}

TEST(MotionMuscles, MomentArmIsMinusTheSlopeOfLength) {
  // Independent check of the central differences: a wide secant of the length curve.
  const Pose p = at(Coordinate::ankle, 10.0);
  const double h = 2.0; // degrees
  for (const char* m : {"soleus", "tibialis_anterior", "fibularis_longus"}) {
    const double slope =
        (state(m, at(Coordinate::ankle, 10.0 + h)).length_m - state(m, at(Coordinate::ankle, 10.0 - h)).length_m) /
        (2.0 * h * 3.14159265358979 / 180.0);
    EXPECT_NEAR(arm(state(m, p), Coordinate::ankle), -slope, 2e-4) << m;
  }
}

TEST(MotionWrap, CylinderGivesTangentsAndArc) {
  const double pi = 3.14159265358979;
  const Rigid unit; // axis = model z through the origin
  // Straight through the centre: two tangents of sqrt(3) and a 60 degree arc.
  EXPECT_NEAR(wrapped_length({0, -2, 0}, {0, 2, 0}, unit, 1.0), 2.0 * std::sqrt(3.0) + pi / 3.0, 1e-12);
  // Rising along the axis: the helix unrolls into a straight line.
  const double planar = 2.0 * std::sqrt(3.0) + pi / 3.0;
  EXPECT_NEAR(wrapped_length({0, -2, 0}, {0, 2, 1.5}, unit, 1.0), std::sqrt(planar * planar + 2.25), 1e-12);
  // Missing the cylinder, or an end inside it: straight.
  EXPECT_NEAR(wrapped_length({1.5, -2, 0}, {1.5, 2, 0}, unit, 1.0), 4.0, 1e-12);
  EXPECT_NEAR(wrapped_length({0, -0.5, 0}, {0, 2, 0}, unit, 1.0), 2.5, 1e-12);
  // Moved and turned with its body: the same length.
  const Rigid moved = rotation_about({1, 0, 0}, {0.3, 0.1, 0.2}, 0.7) * Rigid{glm::dmat3(1.0), {0.5, -0.2, 0.1}};
  EXPECT_NEAR(wrapped_length(moved({0, -2, 0}), moved({0, 2, 0}), moved, 1.0), planar, 1e-12);
}

TEST(MotionMuscles, BadMusclesFileNamesFileAndField) {
  try {
    load_muscles_text(
        R"({"source": "s", "muscles": [{"id": "x", "path": [{"body": "elbow", "local": [0,0,0]}, {"body": "tibia", "local": [0,0,0]}], "hill": null, "hill_note": "n"}]})",
        "m.json", model());
    FAIL();
  } catch (const crus::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("m.json:1: muscles[0].path[0].body"), std::string::npos) << e.what();
  }
  EXPECT_THROW(
      load_muscles_text(
          R"({"source": "s", "muscles": [{"id": "x", "path": [{"body": "tibia", "local": [0,0]}, {"body": "tibia", "local": [0,0,0]}], "hill": null, "hill_note": "n"}]})",
          "m.json", model()),
      crus::InputError);
}
