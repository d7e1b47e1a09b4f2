// polygonise works a grid in layers on several threads and joins them; the
// mesh must be the one a single thread makes, vertex for vertex and triangle
// for triangle, or the atlas's bytes would depend on the machine's cores.
#include "atlas/mesher.hpp"
#include "atlas/sdf.hpp"

#include <gtest/gtest.h>

#include <set>
#include <tuple>
#include <vector>

namespace crus::test {
namespace {

TEST(AtlasMesher, LayeredPolygoniseGivesTheSameMeshOnAnyThreadCount) {
  // Two blended lumps and a hole bored through them: several separate
  // surfaces crossing many layer boundaries, at odd angles to the grid.
  atlas::Field body = atlas::smooth_union({atlas::ellipsoid({0.0f, 0.0f, 0.0f}, {0.020f, 0.035f, 0.015f}),
                                           atlas::capsule({0.01f, -0.02f, 0.0f}, {-0.015f, 0.03f, 0.012f}, 0.009f)},
                                          0.006f);
  body = atlas::subtract(body, atlas::capsule({-0.03f, 0.005f, 0.001f}, {0.03f, 0.008f, -0.002f}, 0.004f), 0.002f);
  const Mesh one = atlas::polygonise(body, 0.0011f, 1);
  ASSERT_GT(one.triangle_count(), 1000u);
  // Joined layers share their boundary vertices: a vertex made twice would
  // leave the surface open along a layer's plane.
  EXPECT_EQ(check_mesh(one).boundary_edges, 0u);
  std::set<std::tuple<float, float, float>> distinct;
  for (const auto& p : one.positions) distinct.insert({p.x, p.y, p.z});
  EXPECT_EQ(distinct.size(), one.positions.size());
  for (unsigned threads : {2u, 3u, 8u}) {
    const Mesh many = atlas::polygonise(body, 0.0011f, threads);
    ASSERT_EQ(many.positions.size(), one.positions.size()) << threads;
    EXPECT_TRUE(many.positions == one.positions) << threads;
    EXPECT_TRUE(many.indices == one.indices) << threads;
  }
}

} // namespace
} // namespace crus::test
