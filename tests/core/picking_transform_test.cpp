// A mesh in the pick index moved by its rest-to-current matrix: the
// hierarchy is built once on the rest mesh and every query sees the mesh
// where the matrix puts it (a posed bone picked without a rebuild).
#include "core/geometry/picking.hpp"
#include "core/geometry/rest_frame.hpp"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace crus {
namespace {

// A closed axis-aligned box of 12 triangles, outward winding, with normals.
Mesh cube(glm::vec3 centre, float half) {
  Mesh m;
  const glm::vec3 n[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  for (const glm::vec3& f : n) {
    const glm::vec3 u = glm::abs(f.x) > 0.5f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    const glm::vec3 v = glm::cross(f, u);
    const auto base = static_cast<std::uint32_t>(m.positions.size());
    for (const glm::vec2 c : {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)}) {
      m.positions.push_back(centre + half * (f + c.x * u + c.y * v));
      m.normals.push_back(f);
    }
    m.indices.insert(m.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
  }
  return m;
}

const std::vector<std::uint8_t> kBoth{pick_opaque, pick_opaque};

// Lifted 0.5 m along +X and turned a quarter about Y: the way a bone is posed.
glm::mat4 pose() {
  return glm::translate(glm::mat4(1.0f), {0.5f, 0.0f, 0.0f}) *
         glm::rotate(glm::mat4(1.0f), glm::radians(90.0f), glm::vec3(0.0f, 1.0f, 0.0f));
}

} // namespace

TEST(PickingTransform, ARayThroughTheMovedMeshPicksItAndOneThroughItsRestPlaceDoesNot) {
  const Mesh bone = cube(glm::vec3(0.0f), 0.1f);
  const Mesh other = cube(glm::vec3(0.0f, 1.0f, 0.0f), 0.1f); // out of the way
  PickIndex index;
  index.build({&bone, &other});
  const Ray through_rest{{0.0f, 0.0f, 2.0f}, {0.0f, 0.0f, -1.0f}};
  const Ray through_pose{{0.5f, 0.0f, 2.0f}, {0.0f, 0.0f, -1.0f}};
  ASSERT_TRUE(index.pick(through_rest, kBoth));
  EXPECT_FALSE(index.pick(through_pose, kBoth));

  index.set_transform(0, pose());
  EXPECT_EQ(index.transform(0), pose());
  EXPECT_FALSE(index.pick(through_rest, kBoth)) << "picked where the mesh lay at rest";
  const auto hit = index.pick(through_pose, kBoth);
  ASSERT_TRUE(hit) << "the moved mesh is not picked where it stands";
  EXPECT_EQ(hit->mesh, 0);
  // The face nearest the eye is 0.1 m in front of the centre: the point, the
  // distance and the normal are where the mesh stands now.
  EXPECT_NEAR(hit->point.x, 0.5f, 1e-5f);
  EXPECT_NEAR(hit->point.z, 0.1f, 1e-5f);
  EXPECT_NEAR(hit->distance, 1.9f, 1e-5f);
  EXPECT_NEAR(hit->normal.z, 1.0f, 1e-5f);
  // That face is the rest face facing -X, turned: the normal is turned too.
  const Ray from_side{{2.0f, 0.0f, 0.05f}, {-1.0f, 0.0f, 0.0f}};
  const auto side = index.pick(from_side, kBoth);
  ASSERT_TRUE(side);
  EXPECT_NEAR(side->point.x, 0.6f, 1e-5f);
  EXPECT_NEAR(side->normal.x, 1.0f, 1e-5f);

  // hits_along and the bounds see it there too.
  EXPECT_EQ(index.hits_along(through_pose, kBoth).size(), 1u);
  EXPECT_TRUE(index.hits_along(through_rest, kBoth).empty());
  const Aabb box = index.mesh_bounds(0);
  EXPECT_NEAR(box.min.x, 0.4f, 1e-5f);
  EXPECT_NEAR(box.max.x, 0.6f, 1e-5f);

  // Back to identity: back at rest.
  index.set_transform(0, glm::mat4(1.0f));
  EXPECT_TRUE(index.pick(through_rest, kBoth));
}

TEST(PickingTransform, NearestPointIsWhereTheMeshStandsNow) {
  const Mesh bone = cube(glm::vec3(0.0f), 0.1f);
  PickIndex index;
  index.build({&bone});
  index.set_transform(0, pose());
  const auto near = index.nearest_point({0.5f, 0.3f, 0.0f}, 0);
  ASSERT_TRUE(near);
  EXPECT_NEAR(near->distance, 0.2f, 1e-5f);
  EXPECT_LT(glm::distance(near->point, glm::vec3(0.5f, 0.1f, 0.0f)), 1e-5f);
  EXPECT_NEAR(near->normal.y, 1.0f, 1e-5f);
  // The moved cube's surface is 0.4 m from its rest centre.
  EXPECT_FALSE(index.nearest_point({0.0f, 0.0f, 0.0f}, 0, 0.25f));
}

TEST(PickingTransform, ANearerMovedMeshHidesAFartherOne) {
  // Two cubes along the ray; the one at rest is nearer until the other is
  // moved in front of it: candidates are ordered by where they stand now.
  const Mesh a = cube(glm::vec3(0.0f, 0.0f, 0.0f), 0.1f);
  const Mesh b = cube(glm::vec3(0.0f, 0.0f, -1.0f), 0.1f);
  PickIndex index;
  index.build({&a, &b});
  const Ray ray{{0.0f, 0.0f, 2.0f}, {0.0f, 0.0f, -1.0f}};
  EXPECT_EQ(index.pick(ray, kBoth)->mesh, 0);
  index.set_transform(1, glm::translate(glm::mat4(1.0f), {0.0f, 0.0f, 2.0f})); // b now at z = 1
  EXPECT_EQ(index.pick(ray, kBoth)->mesh, 1);
  EXPECT_NEAR(index.pick(ray, kBoth)->distance, 0.9f, 1e-5f);
}

TEST(PickingTransform, RebuildingOneMeshKeepsItsTransformAndTheOthers) {
  const Mesh a = cube(glm::vec3(0.0f), 0.1f);
  const Mesh b = cube(glm::vec3(0.0f, 1.0f, 0.0f), 0.1f);
  PickIndex index;
  index.build({&a, &b});
  index.set_transform(0, pose());
  index.rebuild(0, cube(glm::vec3(0.0f), 0.2f)); // grown, still moved
  const auto hit = index.pick({{0.5f, 0.0f, 2.0f}, {0.0f, 0.0f, -1.0f}}, kBoth);
  ASSERT_TRUE(hit);
  EXPECT_NEAR(hit->point.z, 0.2f, 1e-5f);
  EXPECT_TRUE(index.pick({{0.0f, 1.0f, 2.0f}, {0.0f, 0.0f, -1.0f}}, kBoth));
  // An unknown mesh is ignored, not a crash.
  index.set_transform(7, pose());
  index.rebuild(-1, a);
  EXPECT_EQ(index.transform(7), glm::mat4(1.0f));
}

TEST(PickingTransform, APlaneCarriedBackSlicesTheRestMeshAsTheMovedOne) {
  Mesh rest = cube(glm::vec3(0.0f), 0.1f);
  Mesh moved = rest;
  bake_transform(moved, pose());
  SectionPlane plane = make_section_plane({0.5, 0.03, 0.0}, 0.0);
  const MeshSection direct = slice_mesh(moved, plane);
  const MeshSection back = slice_mesh(rest, plane_to_rest(plane, pose()));
  ASSERT_EQ(direct.loops.size(), 1u);
  ASSERT_EQ(back.loops.size(), 1u);
  EXPECT_NEAR(signed_area(back.loops[0].points), signed_area(direct.loops[0].points), 1e-7); // float vertices
  EXPECT_NEAR(std::abs(signed_area(back.loops[0].points)), 0.04, 1e-6);
  // Same (u, v) coordinates: the same loop, point for point in some order.
  for (const glm::dvec2& p : back.loops[0].points) {
    double best = 1e9;
    for (const glm::dvec2& q : direct.loops[0].points) best = std::min(best, glm::distance(p, q));
    EXPECT_LT(best, 1e-6);
  }
}

} // namespace crus
