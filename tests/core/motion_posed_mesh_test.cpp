// Moving meshes with the bones: a rigid move keeps shape, and the posed
// centroid is reported exact for bones and approximate for soft tissue.
#include "core/motion/posed_mesh.hpp"
#include "support/test_support.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

using namespace crus;
using namespace crus::motion;

namespace {
const MotionModel& model() {
  static const MotionModel m = load_motion_model(crus::test::source_dir() + "/assets/motion/joints.json");
  return m;
}
// A closed tetrahedron near the ankle.
Mesh tetrahedron() {
  Mesh m;
  m.positions = {{-0.07f, 0.05f, 0.07f}, {-0.05f, 0.05f, 0.08f}, {-0.06f, 0.07f, 0.075f}, {-0.06f, 0.055f, 0.09f}};
  m.indices = {0, 2, 1, 0, 1, 3, 1, 2, 3, 0, 3, 2};
  compute_smooth_normals(m);
  return m;
}
} // namespace

TEST(MotionPosedMesh, RigidMoveKeepsVolumeAndTurnsNormals) {
  const Mesh rest = tetrahedron();
  Pose p;
  p.ankle_deg = -30.0;
  const auto bodies = pose_bodies(model(), p);
  const Rigid& talus = bodies[static_cast<std::size_t>(model().body_index("talus"))];
  const Mesh posed = posed_mesh(rest, talus);
  EXPECT_NEAR(signed_volume(posed), signed_volume(rest), 1e-12);
  for (std::size_t i = 0; i < rest.positions.size(); ++i) {
    EXPECT_LT(glm::length(glm::dvec3(posed.positions[i]) - talus(glm::dvec3(rest.positions[i]))), 1e-6);
    EXPECT_LT(glm::length(glm::dvec3(posed.normals[i]) - talus.r * glm::dvec3(rest.normals[i])), 1e-6);
  }
}

TEST(MotionPosedMesh, CentroidFollowsTheBodyAndFlagsSoftTissue) {
  const Mesh rest = tetrahedron();
  Pose p;
  p.knee_deg = 60.0;
  const auto bodies = pose_bodies(model(), p);
  const PosedCentroid talus = posed_centroid(model(), "talus", rest, bodies);
  EXPECT_FALSE(talus.approximate);
  EXPECT_LT(glm::length(talus.posed - bodies[static_cast<std::size_t>(talus.body)](talus.rest)), 1e-6);
  const PosedCentroid soleus = posed_centroid(model(), "soleus", rest, bodies);
  EXPECT_TRUE(soleus.approximate);
  EXPECT_EQ(model().bodies[static_cast<std::size_t>(soleus.body)].id, "tibia");
  const PosedCentroid unknown = posed_centroid(model(), "unlabelled:thing", rest, bodies);
  EXPECT_EQ(unknown.body, -1);
  EXPECT_EQ(unknown.posed, unknown.rest);
}
