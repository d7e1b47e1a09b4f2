// A posed bone is its rest mesh and a matrix: posing writes none of its
// vertices and builds none of its pick hierarchy, and picking, labels and
// the framed bounds find it where the matrix puts it.
#include "core/document/session.hpp"
#include "core/document/view_labels.hpp"
#include "core/geometry/rest_frame.hpp"
#include "core/motion/posed_leg.hpp"
#include "support/motion_fixture.hpp"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

using namespace crus;

namespace {

struct PosedLeg {
  Scene scene;
  Session session;
  motion::LegPoser poser;
  int tibia = -1;
  explicit PosedLeg(const Scene& atlas)
      : scene(atlas), session(scene), poser(test::motion_model(), test::motion_muscles(), atlas) {
    tibia = scene.index_of("tibia");
  }
  void pose(double knee, double ankle) {
    motion::Pose p;
    p.knee_deg = knee;
    p.ankle_deg = ankle;
    poser.apply(p, scene);
    session.scene_changed();
  }
  std::vector<std::uint8_t> only(int structure) const {
    std::vector<std::uint8_t> flags(scene.structures.size(), pick_hidden);
    flags[static_cast<std::size_t>(structure)] = pick_opaque;
    return flags;
  }
};

} // namespace

TEST(PosedBone, PosingChangesTheMatrixAndNoVertexNorPickHierarchy) {
  const Scene* atlas = test::light_atlas();
  ASSERT_NE(atlas, nullptr) << "the bundled light atlas is missing";
  PosedLeg leg(*atlas);
  ASSERT_GE(leg.tibia, 0);
  const auto t = static_cast<std::size_t>(leg.tibia);
  const Aabb rest_box = atlas->structures[t].box;
  (void)leg.session.picks(); // built at rest
  const int built = leg.session.counts().pick_meshes;
  ASSERT_EQ(built, static_cast<int>(atlas->structures.size()));

  leg.pose(90.0, -30.0);
  leg.session.pose_picks(false); // what the viewer does at every frame of a moving leg
  const SceneStructure& tibia = leg.scene.structures[t];
  EXPECT_NE(tibia.transform, glm::mat4(1.0f)) << "posing did not change the tibia's matrix";
  EXPECT_EQ(tibia.mesh.positions, atlas->structures[t].mesh.positions) << "posing wrote the tibia's vertices";
  EXPECT_EQ(tibia.mesh.normals, atlas->structures[t].mesh.normals);
  EXPECT_EQ(leg.session.counts().pick_meshes, built) << "a pick hierarchy was built for a pose";

  // A ray through the posed tibia picks it; one through where it lay at rest
  // does not. The ray comes down the outward normal of the surface vertex
  // nearest the middle of the bone's box.
  const glm::vec3 rest_centre = rest_box.centre();
  const Mesh& mesh = tibia.mesh;
  ASSERT_EQ(mesh.normals.size(), mesh.positions.size());
  std::size_t mid = 0;
  for (std::size_t v = 0; v < mesh.positions.size(); ++v)
    if (glm::distance(mesh.positions[v], rest_centre) < glm::distance(mesh.positions[mid], rest_centre)) mid = v;
  const glm::vec3 rest_p = mesh.positions[mid], rest_n = mesh.normals[mid];
  const glm::vec3 now_p = current_point(tibia, rest_p), now_n = glm::mat3(tibia.transform) * rest_n;
  ASSERT_GT(glm::distance(now_p, rest_p), 0.05f) << "the pose does not move the tibia; choose another";
  const auto hit = leg.session.picks().pick(Ray{now_p + 0.3f * now_n, -now_n}, leg.only(leg.tibia));
  ASSERT_TRUE(hit) << "a ray through the posed tibia missed it";
  EXPECT_EQ(hit->mesh, leg.tibia);
  EXPECT_NEAR(hit->distance, 0.3f, 0.002f);
  EXPECT_LT(glm::distance(hit->point, now_p), 0.002f);
  const auto at_rest = leg.session.picks().pick(Ray{rest_p + 0.3f * rest_n, -rest_n}, leg.only(leg.tibia));
  EXPECT_TRUE(!at_rest || at_rest->distance > 0.35f) << "the tibia was picked where it lay at rest";
  const glm::vec3 now_centre = current_point(tibia, rest_centre);

  // Its box (what framing reads) is where it stands now, and holds it.
  EXPECT_GT(glm::distance(tibia.box.centre(), rest_box.centre()), 0.05f);
  for (std::size_t v = 0; v < tibia.mesh.positions.size(); v += 37) {
    const glm::vec3 p = current_point(tibia, tibia.mesh.positions[v]);
    ASSERT_TRUE(glm::all(glm::greaterThanEqual(p, tibia.box.min - 1e-5f)) &&
                glm::all(glm::lessThanEqual(p, tibia.box.max + 1e-5f)));
  }
  // Framing the tibia alone frames it where it stands.
  leg.session.document().isolate({leg.tibia});
  const Aabb framed = leg.session.drawn_box();
  EXPECT_LT(glm::distance(framed.centre(), tibia.box.centre()), 1e-5f);

  // Its label ends on its surface where it stands now.
  leg.session.document().select(leg.tibia);
  const std::vector<LabelAnchor> labels = view_labels(leg.scene, leg.session.document().state(), leg.session.layers(), {}, {},
                                                      now_centre + glm::vec3(1.0f, 0.0f, 0.0f));
  ASSERT_FALSE(labels.empty());
  const auto on = leg.session.picks().nearest_point(labels.front().position, leg.tibia);
  ASSERT_TRUE(on);
  EXPECT_LT(on->distance, 1e-4f) << "the label's leader line does not end on the posed tibia";
  EXPECT_GT(glm::distance(labels.front().position, rest_centre), 0.05f);
}

TEST(PosedBone, WhenTheLegStopsOnlyTheSoftTissueIsBuiltAgain) {
  const Scene* atlas = test::light_atlas();
  ASSERT_NE(atlas, nullptr) << "the bundled light atlas is missing";
  PosedLeg leg(*atlas);
  (void)leg.session.picks();
  const int built = leg.session.counts().pick_meshes;
  leg.pose(60.0, 20.0);
  leg.session.pose_picks(true);
  int deformed = 0, bones = 0;
  for (const SceneStructure& s : leg.scene.structures) {
    if (!s.mesh.rest_positions.empty()) ++deformed;
    if (s.transform != glm::mat4(1.0f)) ++bones;
  }
  ASSERT_GT(bones, 0);
  EXPECT_EQ(leg.session.counts().pick_meshes - built, deformed) << "a bone's hierarchy was built again";
  // The posed soleus is picked on its new surface: a point of its posed mesh
  // is on the index's surface.
  const int soleus = leg.scene.index_of("soleus");
  ASSERT_GE(soleus, 0);
  const glm::vec3 p = leg.scene.structures[static_cast<std::size_t>(soleus)].mesh.positions.front();
  const auto near = leg.session.picks().nearest_point(p, soleus);
  ASSERT_TRUE(near);
  EXPECT_LT(near->distance, 1e-5f);
}
