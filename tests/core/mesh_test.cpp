// Mesh maths on shapes with known answers.
#include "core/geometry/mesh.hpp"

#include <glm/geometric.hpp>

#include <gtest/gtest.h>

namespace crus {
namespace {

Mesh unit_cube() {
  Mesh m;
  m.positions = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 1}, {1, 1, 1}, {0, 1, 1}};
  // Counter-clockwise seen from outside.
  m.indices = {0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 3, 7, 6, 3, 6, 2, 0, 4, 7, 0, 7, 3, 1, 2, 6, 1, 6, 5};
  return m;
}

TEST(Mesh, CubeVolumeCentroidAndBounds) {
  Mesh m = unit_cube();
  EXPECT_NEAR(signed_volume(m), 1.0, 1e-9);
  const glm::vec3 c = area_weighted_centroid(m);
  EXPECT_NEAR(c.x, 0.5f, 1e-6f);
  EXPECT_NEAR(c.y, 0.5f, 1e-6f);
  EXPECT_NEAR(c.z, 0.5f, 1e-6f);
  const Aabb b = bounds(m);
  EXPECT_TRUE(b.valid());
  EXPECT_EQ(b.size(), glm::vec3(1.0f));
  EXPECT_FALSE(bounds(Mesh{}).valid());
}

TEST(Mesh, CubeIsWatertight) {
  const MeshCheck c = check_mesh(unit_cube());
  EXPECT_TRUE(c.watertight());
  EXPECT_EQ(c.degenerate_triangles, 0u);
}

TEST(Mesh, InsideOutCubeIsNotOriented) {
  Mesh m = unit_cube();
  for (std::size_t t = 0; t < m.indices.size(); t += 3) std::swap(m.indices[t + 1], m.indices[t + 2]);
  const MeshCheck c = check_mesh(m);
  EXPECT_TRUE(c.closed);
  EXPECT_TRUE(c.manifold);
  EXPECT_FALSE(c.oriented);
  EXPECT_LT(signed_volume(m), 0.0);
}

TEST(Mesh, OpenAndBrokenMeshesAreReported) {
  Mesh open = unit_cube();
  open.indices.resize(open.indices.size() - 3);
  MeshCheck c = check_mesh(open);
  EXPECT_FALSE(c.closed);
  EXPECT_GT(c.boundary_edges, 0u);

  Mesh flipped = unit_cube();
  std::swap(flipped.indices[1], flipped.indices[2]); // one face wound the wrong way
  c = check_mesh(flipped);
  EXPECT_FALSE(c.watertight());

  Mesh degenerate = unit_cube();
  degenerate.indices.insert(degenerate.indices.end(), {0, 0, 1});
  EXPECT_EQ(check_mesh(degenerate).degenerate_triangles, 1u);

  Mesh bad_index = unit_cube();
  bad_index.indices[0] = 99;
  EXPECT_FALSE(check_mesh(bad_index).closed);
}

TEST(Mesh, EdgeCountsAreExact) {
  // One triangle fewer: its three edges are open on the other side.
  Mesh open = unit_cube();
  open.indices.resize(open.indices.size() - 3);
  MeshCheck c = check_mesh(open);
  EXPECT_EQ(c.boundary_edges, 3u);
  EXPECT_EQ(c.non_manifold_edges, 0u);

  // A fin on the edge 0-1: that edge has three triangles (one non-manifold
  // edge, reported once), and the fin's two other edges are open.
  Mesh fin = unit_cube();
  fin.positions.push_back({0.5f, -1.0f, 0.0f});
  fin.indices.insert(fin.indices.end(), {0, 1, 8});
  c = check_mesh(fin);
  EXPECT_EQ(c.boundary_edges, 2u);
  EXPECT_EQ(c.non_manifold_edges, 1u);
  EXPECT_FALSE(c.manifold);

  // The same triangle twice: every edge of it is used twice one way.
  Mesh twice = unit_cube();
  twice.indices.insert(twice.indices.end(), {0, 2, 1});
  c = check_mesh(twice);
  EXPECT_EQ(c.boundary_edges, 0u);
  EXPECT_EQ(c.non_manifold_edges, 3u);
}

TEST(Mesh, SmoothNormalsPointOutward) {
  Mesh m = unit_cube();
  compute_smooth_normals(m);
  ASSERT_EQ(m.normals.size(), m.positions.size());
  for (std::size_t i = 0; i < m.positions.size(); ++i) {
    const glm::vec3 out = m.positions[i] - glm::vec3(0.5f);
    EXPECT_GT(glm::dot(m.normals[i], out), 0.0f);
    EXPECT_NEAR(glm::length(m.normals[i]), 1.0f, 1e-5f);
  }
}

} // namespace
} // namespace crus
