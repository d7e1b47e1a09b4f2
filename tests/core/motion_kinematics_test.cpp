// The kinematic chain against the published model: every body's rest-to-posed
// transform matches poses.csv (sampled from OpenSim Rajagopal 2016) within
// 1 mm and 1 degree, over each coordinate's whole range. The chain itself is
// composed from assets/motion/joints.json; poses.csv only checks it.
#include "core/io/atlas_manifest.hpp"
#include "core/error.hpp"
#include "core/motion/kinematics.hpp"
#include "support/test_support.hpp"

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace crus::motion;

namespace {
const MotionModel& model() {
  static const MotionModel m = load_motion_model(crus::test::source_dir() + "/assets/motion/joints.json");
  return m;
}

// Angle of the rotation between a and b, from the Frobenius distance (well
// conditioned near zero, unlike acos of the trace with six-decimal inputs).
double rotation_angle_deg(const glm::dmat3& a, const glm::dmat3& b) {
  double f = 0.0;
  for (int c = 0; c < 3; ++c)
    for (int r = 0; r < 3; ++r) f += (a[c][r] - b[c][r]) * (a[c][r] - b[c][r]);
  return 2.0 * std::asin(std::min(1.0, std::sqrt(f) / (2.0 * std::sqrt(2.0)))) * 180.0 / 3.14159265358979;
}

struct ReferenceSample {
  std::string coordinate, body;
  double value_deg = 0.0;
  Rigid transform;
};

std::vector<ReferenceSample> read_poses_csv() {
  std::ifstream in(crus::test::reference_dir() / "poses.csv");
  std::string line;
  std::getline(in, line); // header
  std::vector<ReferenceSample> out;
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    std::string cell;
    std::vector<std::string> cells;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    if (cells.size() != 15) continue;
    ReferenceSample s;
    s.coordinate = cells[0];
    s.value_deg = std::stod(cells[1]);
    s.body = cells[2];
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 3; ++c) s.transform.r[c][r] = std::stod(cells[static_cast<std::size_t>(3 + r * 3 + c)]);
    s.transform.t = {std::stod(cells[12]), std::stod(cells[13]), std::stod(cells[14])};
    out.push_back(s);
  }
  return out;
}
} // namespace

TEST(MotionKinematics, RestPoseLeavesEveryBodyInPlace) {
  for (const Rigid& t : pose_bodies(model(), Pose{})) {
    EXPECT_LT(rotation_angle_deg(t.r, glm::dmat3(1.0)), 1e-4); // bodies.csv is rounded to 6 decimals
    EXPECT_LT(glm::length(t.t), 1e-5);
  }
}

TEST(MotionKinematics, MatchesThePublishedModelWithin1mmAnd1Degree) {
  CRUS_REQUIRE_REFERENCE();
  const auto samples = read_poses_csv();
  ASSERT_GT(samples.size(), 300u);
  // Points where the error matters: each joint centre and body origin.
  std::vector<glm::dvec3> probes;
  for (const auto& b : model().bodies) probes.push_back(b.rest_frame.t);
  for (const auto& j : model().joints)
    if (j.pin) probes.push_back(j.centre);
  double worst_mm = 0.0, worst_deg = 0.0;
  std::string worst_where;
  for (const auto& s : samples) {
    Pose pose;
    bool known = false;
    for (Coordinate c : kCoordinates)
      if (model().info(c).model_coordinate == s.coordinate) {
        pose[c] = s.value_deg * model().info(c).model_sign; // Crus sign (mtp: extension positive)
        known = true;
      }
    ASSERT_TRUE(known) << s.coordinate;
    const auto bodies = pose_bodies(model(), pose);
    int index = -1;
    for (std::size_t i = 0; i < model().bodies.size(); ++i)
      if (model().bodies[i].model_body == s.body) index = static_cast<int>(i);
    ASSERT_GE(index, 0) << s.body;
    const Rigid& ours = bodies[static_cast<std::size_t>(index)];
    const double deg = rotation_angle_deg(ours.r, s.transform.r);
    double mm = 0.0;
    for (const auto& p : probes) mm = std::max(mm, 1000.0 * glm::length(ours(p) - s.transform(p)));
    EXPECT_LT(deg, 1.0) << s.coordinate << "=" << s.value_deg << " " << s.body;
    EXPECT_LT(mm, 1.0) << s.coordinate << "=" << s.value_deg << " " << s.body;
    if (mm > worst_mm) worst_where = s.coordinate + "=" + std::to_string(s.value_deg) + " " + s.body;
    worst_mm = std::max(worst_mm, mm);
    worst_deg = std::max(worst_deg, deg);
    if (std::getenv("CRUS_MOTION_VERBOSE"))
      std::printf("%s=%g %s: %.3f mm %.3f deg\n", s.coordinate.c_str(), s.value_deg, s.body.c_str(), mm, deg);
  }
  std::printf("worst: %.4f mm (%s), %.4f deg\n", worst_mm, worst_where.c_str(), worst_deg);
}

TEST(MotionKinematics, CrusToeExtensionIsTheModelsNegativeMtpAngle) {
  // +30 in Crus lifts the toes: the tip of the toes body moves up.
  const auto& m = model();
  Pose pose;
  pose.mtp_deg = 30.0;
  const auto bodies = pose_bodies(m, pose);
  const int toes = m.body_index("toes");
  ASSERT_GE(toes, 0);
  const glm::dvec3 tip = m.bodies[static_cast<std::size_t>(toes)].rest_frame.t + glm::dvec3(0.05, 0.0, 0.0);
  EXPECT_GT(bodies[static_cast<std::size_t>(toes)](tip).y, tip.y + 0.015);
}

TEST(MotionKinematics, SignsMoveTheFootAnatomically) {
  const auto& m = model();
  const auto foot = static_cast<std::size_t>(m.body_index("foot"));
  const glm::dvec3 toe_end(0.10, 0.01, 0.08), heel(-0.12, 0.03, 0.08), lateral(-0.02, 0.02, 0.12);
  Pose dorsi;
  dorsi.ankle_deg = 20.0;
  EXPECT_GT(pose_bodies(m, dorsi)[foot](toe_end).y, toe_end.y + 0.03); // forefoot rises
  Pose inversion;
  inversion.subtalar_deg = 20.0;
  // The sole turns to face medially: the medial border rises above the lateral one.
  const glm::dvec3 medial(-0.02, 0.03, 0.05);
  const auto inv = pose_bodies(m, inversion)[foot];
  EXPECT_GT(inv(medial).y - inv(lateral).y, (medial.y - lateral.y) + 0.01);
  Pose flexion;
  flexion.knee_deg = 90.0;
  EXPECT_LT(pose_bodies(m, flexion)[foot](heel).x, heel.x - 0.2); // the heel swings back
}

TEST(MotionPose, ParsesTheCliForm) {
  Pose p = parse_pose(model(), "knee=90,ankle=-20,subtalar=0,mtp=+15", "--set");
  EXPECT_EQ(p.knee_deg, 90.0);
  EXPECT_EQ(p.ankle_deg, -20.0);
  EXPECT_EQ(p.mtp_deg, 15.0);
  Pose q = parse_pose(model(), "ankle=5", "--set", p);
  EXPECT_EQ(q.knee_deg, 90.0);
  EXPECT_EQ(q.ankle_deg, 5.0);
}

TEST(MotionPose, RejectsBadInputNamingTheOption) {
  for (const char* bad : {"", "elbow=10", "knee=130", "ankle=-41", "knee", "knee=", "knee=ten", "knee=1,,ankle=2", "knee=1,",
                          "knee=1,knee=2", "knee=nan", "mtp=31", "subtalar=1e400"}) {
    try {
      (void)parse_pose(model(), bad, "--set");
      ADD_FAILURE() << "accepted \"" << bad << "\"";
    } catch (const crus::InputError& e) {
      EXPECT_EQ(e.where(), "--set") << bad;
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
    }
  }
}

TEST(MotionData, BadJointsFileNamesFileAndField) {
  EXPECT_THROW(load_motion_model_text("{", "j.json"), crus::InputError);
  try {
    load_motion_model_text(R"({"source": "x", "coordinates": 3})", "j.json");
    FAIL();
  } catch (const crus::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("j.json:1"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("coordinates"), std::string::npos) << e.what();
  }
}

TEST(MotionData, EveryAtlasBoneHasABody) {
  for (const char* id :
       {"femur", "patella", "tibia", "fibula", "talus", "calcaneus", "navicular", "cuboid", "medial_cuneiform",
        "intermediate_cuneiform", "lateral_cuneiform", "metatarsal_1", "metatarsal_5", "phalanges_1", "phalanges_5"}) {
    EXPECT_GE(model().body_of_structure(id), 0) << id;
    EXPECT_TRUE(model().is_rigid_bone(id)) << id;
  }
  EXPECT_EQ(model().bodies[static_cast<std::size_t>(model().body_of_structure("fibula"))].id, "tibia");
  EXPECT_EQ(model().bodies[static_cast<std::size_t>(model().body_of_structure("metatarsal_3"))].id, "foot");
  EXPECT_FALSE(model().is_rigid_bone("soleus"));
  EXPECT_GE(model().body_of_structure("soleus"), 0);
}

TEST(MotionData, EveryStructureOfTheBundledAtlasMovesWithABody) {
  const std::string path = crus::test::source_dir() + "/assets/atlas/atlas.json";
  CRUS_REQUIRE_BUNDLED(path);
  const crus::AtlasManifest manifest = crus::load_manifest(path);
  ASSERT_FALSE(manifest.structures.empty());
  for (const auto& s : manifest.structures) {
    EXPECT_GE(model().body_of_structure(s.id), 0) << s.id;
    EXPECT_EQ(model().is_rigid_bone(s.id), s.kind == crus::StructureKind::bone) << s.id;
  }
}

TEST(MotionData, FollowerOfAnUnknownBodyIsAnError) {
  std::ifstream in(crus::test::source_dir() + "/assets/motion/joints.json");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  const std::string from = "\"femur\": [\n   \"sciatic_nerve\"";
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "\"thigh\": [\n   \"sciatic_nerve\"");
  try {
    load_motion_model_text(text, "joints.json");
    FAIL();
  } catch (const crus::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("followers.thigh: unknown body"), std::string::npos) << e.what();
  }
}
