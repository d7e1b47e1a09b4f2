// merge_close_vertices (simplify.cpp) makes each cluster of vertices joined
// by edges shorter than a given length one vertex, and leaves alone what
// would open, pinch or turn the surface, unless taking the nearest single
// vertices with it keeps the surface whole.
#include "atlas/mesher.hpp"
#include "atlas_fixture.hpp"
#include "atlas/sdf.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace crus::test {
namespace {

// A tetrahedron, counter-clockwise seen from outside.
Mesh tetrahedron(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c, const glm::vec3& d) {
  Mesh m;
  m.positions = {a, b, c, d};
  m.indices = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
  if (signed_volume(m) < 0.0)
    for (std::size_t i = 0; i < m.indices.size(); i += 3) std::swap(m.indices[i + 1], m.indices[i + 2]);
  return m;
}

TEST(AtlasMesher, MergeCloseVerticesTakesAFoldedClusterAndKeepsTheSurfaceWhole) {
  // A closed surface whose face gets a fan round a point 0.013 mm from one
  // of its corners, the point just outside the face's edge and lifted off
  // it, so that one of the fan's triangles folds over: a small cluster like
  // the one marching left behind the knee.
  Mesh m = tetrahedron({0.0f, 0.0f, 0.0f}, {0.01f, 0.0f, 0.0f}, {0.0f, 0.01f, 0.0f}, {0.0f, 0.0f, 0.01f});
  ASSERT_TRUE(check_mesh(m).watertight());
  const std::uint32_t a = m.indices[0], b = m.indices[1], c = m.indices[2];
  const glm::vec3 near = m.positions[a] + glm::vec3(0.00001f, -0.000004f, 0.000006f);
  m.positions.push_back(near);
  const std::uint32_t p = 4;
  m.indices.erase(m.indices.begin(), m.indices.begin() + 3);
  for (std::uint32_t i : {a, b, p, b, c, p, c, a, p}) m.indices.push_back(i);
  ASSERT_TRUE(check_mesh(m).watertight());
  ASSERT_EQ(short_edges(m, 0.00005f), 1u);
  const Mesh merged = atlas::merge_close_vertices(m, 0.00005f);
  EXPECT_EQ(merged.positions.size(), 4u);
  EXPECT_EQ(merged.triangle_count(), 4u);
  EXPECT_TRUE(check_mesh(merged).watertight());
  EXPECT_EQ(short_edges(merged, 0.00005f), 0u);
  // The corner moves to the cluster's mean.
  const glm::vec3 mean = 0.5f * (m.positions[a] + near);
  float off = 1.0f;
  for (const glm::vec3& q : merged.positions) off = std::min(off, glm::distance(q, mean));
  EXPECT_LT(off, 1e-9f);
  // Nothing shorter than the length: the mesh comes back as it was.
  const Mesh same = atlas::merge_close_vertices(m, 0.000001f);
  EXPECT_TRUE(same.positions == m.positions);
  EXPECT_TRUE(same.indices == m.indices);
}

TEST(AtlasMesher, MergeCloseVerticesLeavesAMergeThatWouldFlattenTheSurface) {
  // A tetrahedron with one edge of 0.01 mm: merged, it would be two
  // triangles back to back with no volume (alone, its orientation check
  // fails too); it is left as it was. Beside a surface with a cluster that
  // may go, the volume stays positive and only the doubled triangles show
  // it: that cluster is merged on its own.
  Mesh thin = tetrahedron({0.0f, 0.0f, 0.0f}, {0.00001f, 0.0f, 0.0f}, {0.0f, 0.01f, 0.0f}, {0.0f, 0.0f, 0.01f});
  ASSERT_TRUE(check_mesh(thin).watertight());
  const Mesh kept = atlas::merge_close_vertices(thin, 0.00005f);
  EXPECT_TRUE(kept.positions == thin.positions);
  EXPECT_TRUE(kept.indices == thin.indices);

  Mesh both = thin;
  // Marching leaves hundreds of short edges (602 under 0.05 mm here); as
  // in the generator, the simplification takes most and the merge the rest,
  // and the surface stays whole.
  const Mesh marched = atlas::polygonise(atlas::ellipsoid({0.05f, 0.0f, 0.0f}, {0.01f, 0.008f, 0.006f}), 0.001f);
  ASSERT_GT(short_edges(marched, 0.00005f), 100u);
  const Mesh lump = atlas::merge_close_vertices(atlas::simplify(marched, 2000, 0.0005f), 0.00005f);
  ASSERT_TRUE(check_mesh(lump).watertight());
  ASSERT_EQ(short_edges(lump, 0.00005f), 0u);
  EXPECT_NEAR(signed_volume(lump), signed_volume(marched), 0.02 * signed_volume(marched));
  // Split one of the lump's triangles round a point just off its corner.
  const std::uint32_t base = std::uint32_t(both.positions.size());
  both.positions.insert(both.positions.end(), lump.positions.begin(), lump.positions.end());
  for (std::uint32_t i : lump.indices) both.indices.push_back(base + i);
  const std::size_t t = both.indices.size() - 3;
  const std::uint32_t a = both.indices[t], b = both.indices[t + 1], c = both.indices[t + 2];
  const std::uint32_t p = std::uint32_t(both.positions.size());
  both.positions.push_back(glm::mix(both.positions[a], (both.positions[b] + both.positions[c]) * 0.5f, 0.001f));
  both.indices.resize(t);
  for (std::uint32_t i : {a, b, p, b, c, p, c, a, p}) both.indices.push_back(i);
  ASSERT_GE(short_edges(both, 0.00005f), 2u);
  const Mesh merged = atlas::merge_close_vertices(both, 0.00005f);
  EXPECT_EQ(short_edges(merged, 0.00005f), 1u) << "only the thin tetrahedron's edge is left";
  EXPECT_EQ(merged.triangle_count(), both.triangle_count() - 2);
  const MeshCheck check = check_mesh(merged);
  EXPECT_EQ(check.boundary_edges, 0u);
  EXPECT_EQ(check.non_manifold_edges, 0u);
}

TEST(AtlasMesher, MergeCloseVerticesDoesNotPinchATube) {
  // A thin closed tube whose middle ring is a chain of short edges: merged,
  // the ring would become one vertex where two cones meet, every edge still
  // shared by two triangles. The ring's vertices lie within the merge length
  // of its mean, so only the Euler characteristic, which a pinch changes,
  // shows it: left alone.
  constexpr int kSides = 8;
  constexpr float kRadius = 0.00002f; // ring edges of 15 microns
  Mesh tube;
  for (float z : {-0.01f, 0.0f, 0.01f})
    for (int i = 0; i < kSides; ++i) {
      const float a = 2.0f * 3.14159265f * float(i) / float(kSides);
      const float r = z == 0.0f ? kRadius : 0.002f;
      tube.positions.push_back({r * std::cos(a), r * std::sin(a), z});
    }
  tube.positions.push_back({0.0f, 0.0f, -0.012f});
  tube.positions.push_back({0.0f, 0.0f, 0.012f});
  const std::uint32_t bottom = 3 * kSides, top = bottom + 1;
  for (std::uint32_t ring = 0; ring < 2; ++ring)
    for (std::uint32_t i = 0; i < kSides; ++i) {
      const std::uint32_t j = (i + 1) % kSides, a = ring * kSides + i, b = ring * kSides + j, c = a + kSides, d = b + kSides;
      for (std::uint32_t v : {a, b, d, a, d, c}) tube.indices.push_back(v);
    }
  for (std::uint32_t i = 0; i < kSides; ++i) {
    const std::uint32_t j = (i + 1) % kSides;
    for (std::uint32_t v : {bottom, j, i}) tube.indices.push_back(v);
    for (std::uint32_t v : {top, 2 * kSides + i, 2 * kSides + j}) tube.indices.push_back(v);
  }
  ASSERT_TRUE(check_mesh(tube).watertight());
  ASSERT_EQ(short_edges(tube, 0.00005f), std::size_t(kSides));
  const Mesh kept = atlas::merge_close_vertices(tube, 0.00005f);
  EXPECT_TRUE(kept.positions == tube.positions);
  EXPECT_TRUE(kept.indices == tube.indices);
}

TEST(AtlasMesher, MergeCloseVerticesTakesACrumpleWithItsNearestNeighbour) {
  // A patch of the generated skin over the medial malleolus (one build of
  // this round, millimetres from its cluster): three vertices within
  // 0.022 mm (3, 4 and 6) and a fourth 0.11 mm away (7), fanned by slivers
  // among the face's large triangles. Merged alone, the three turn one of
  // the slivers over; merged with the fourth, every sliver goes and the
  // face is a fan again. Before the retry both short edges were left.
  Mesh m;
  for (const glm::vec3& mm :
       {glm::vec3{-3.55444f, -3.98600f, -0.02745f}, glm::vec3{-3.98600f, 0.01399f, 0.00898f},
        glm::vec3{0.01399f, 4.01400f, -0.84783f}, glm::vec3{0.0f, 0.0f, 0.0f}, glm::vec3{0.01799f, 0.01799f, 0.00799f},
        glm::vec3{3.02277f, 3.02278f, -0.99123f}, glm::vec3{0.02199f, 0.02199f, 0.0f}, glm::vec3{0.11274f, 0.01399f, 0.0f},
        glm::vec3{4.01400f, 0.01399f, -0.00861f}, glm::vec3{0.01399f, -3.98600f, 0.19955f}})
    m.positions.push_back(0.001f * mm);
  m.indices = {0, 1, 3, 1, 4, 3, 0, 3, 4, 2, 5, 6, 2, 6, 1, 1, 6, 4, 7, 4, 6, 8, 7, 6, 8, 4, 7, 8, 6, 5, 8, 9, 4, 0, 4, 9};
  ASSERT_EQ(short_edges(m, 0.00005f), 2u);
  const MeshCheck before = check_mesh(m);
  const Mesh merged = atlas::merge_close_vertices(m, 0.00005f);
  EXPECT_EQ(short_edges(merged, 0.00005f), 0u);
  EXPECT_EQ(merged.positions.size(), 7u) << "the four made one";
  const MeshCheck after = check_mesh(merged);
  EXPECT_EQ(after.boundary_edges, before.boundary_edges) << "the patch's rim is the same";
  EXPECT_EQ(after.non_manifold_edges, 0u);
  // The face looks one way (down the z axis, nearly): no triangle is left turned over.
  for (std::size_t t = 0; t < merged.indices.size(); t += 3) {
    const glm::vec3 a = merged.positions[merged.indices[t]], b = merged.positions[merged.indices[t + 1]],
                    c = merged.positions[merged.indices[t + 2]];
    EXPECT_LT(glm::normalize(glm::cross(b - a, c - a)).z, -0.5f) << "triangle " << t / 3;
  }
}

} // namespace
} // namespace crus::test
