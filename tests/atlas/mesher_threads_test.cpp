// polygonise works a grid in layers on several threads and joins them; the
// mesh must be the one a single thread makes, vertex for vertex and triangle
// for triangle, or the atlas's bytes would depend on the machine's cores.
#include "atlas/mesher.hpp"
#include "atlas/sdf.hpp"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include <algorithm>
#include <atomic>
#include <memory>

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

// A field that overstates its distance near one point of the surface makes
// the first pass skip blocks there and leave a hole. Only the layers round
// the hole are looked at again with a wider margin: the whole grid is not
// walked again (each pass over every layer had taken three passes over
// extensor digitorum longus, a seventh of the atlas's generation).
TEST(AtlasMesher, AHoleIsMendedInTheLayersRoundItAlone) {
  const atlas::Field sphere = atlas::ellipsoid({0.0f, 0.0f, 0.0f}, {0.03f, 0.03f, 0.03f});
  auto counted = [](atlas::Field f, float overstate, std::shared_ptr<std::atomic<long>> calls) {
    atlas::Field g;
    g.box = f.box;
    g.eval = [f, overstate, calls](const glm::vec3& p) {
      ++*calls;
      // Up to `overstate` times the distance within 6 mm of a point on the
      // equator: the same surface.
      const float near = std::clamp(1.0f - glm::length(p - glm::vec3(0.03f, 0.0f, 0.0f)) / 0.006f, 0.0f, 1.0f);
      return f.eval(p) * (1.0f + (overstate - 1.0f) * near);
    };
    return g;
  };
  auto exact_calls = std::make_shared<std::atomic<long>>(0), over_calls = std::make_shared<std::atomic<long>>(0);
  const Mesh exact = atlas::polygonise(counted(sphere, 1.0f, exact_calls), 0.001f, 1);
  const Mesh over = atlas::polygonise(counted(sphere, 20.0f, over_calls), 0.001f, 1);
  ASSERT_EQ(check_mesh(exact).boundary_edges, 0u);
  EXPECT_EQ(check_mesh(over).boundary_edges, 0u);
  EXPECT_NEAR(double(over.triangle_count()), double(exact.triangle_count()), 0.01 * double(exact.triangle_count()));
  // The first pass alone evaluates fewer points than for the exact field
  // (it skips more blocks), so more means the hole was looked at again:
  // in a few of the grid's seventeen layers (1.15 times the exact field's
  // evaluations; a second pass over every layer made it 1.67 times).
  EXPECT_GT(*over_calls, *exact_calls);
  EXPECT_LT(double(*over_calls), 1.3 * double(*exact_calls)) << *over_calls << " against " << *exact_calls;
  const Mesh two = atlas::polygonise(counted(sphere, 20.0f, std::make_shared<std::atomic<long>>(0)), 0.001f, 2);
  EXPECT_TRUE(two.positions == over.positions);
  EXPECT_TRUE(two.indices == over.indices);
}

} // namespace
} // namespace crus::test
