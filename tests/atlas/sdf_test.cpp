// The swept tubes that muscles and tendons are made of: a bent tube keeps its
// full width round the outside of every bend (no groove where two straight
// pieces of its path meet), and does not swell past its radius.
#include "atlas/sdf.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace crus::test {
namespace {

TEST(AtlasSdf, BentSweepHasNoGrooveOnTheOutsideOfItsBends) {
  // A round tube of radius 1 cm along a quarter circle of radius 10 cm.
  constexpr float kRadius = 0.01f;
  std::vector<atlas::SweepKey> keys;
  for (int i = 0; i <= 6; ++i) {
    const float a = 0.5f * 3.14159265f * float(i) / 6.0f;
    keys.push_back({{0.1f * std::cos(a), 0.1f * std::sin(a), 0.0f}, kRadius, kRadius});
  }
  const atlas::Sweep sweep = atlas::make_sweep(keys, {0, 0, 1});
  const atlas::Field field = atlas::sweep(keys, {0, 0, 1});
  ASSERT_GT(sweep.points.size(), 20u);
  for (std::size_t j = 2; j + 2 < sweep.points.size(); ++j) {
    const glm::vec3 in = glm::normalize(sweep.points[j] - sweep.points[j - 1]);
    const glm::vec3 out = glm::normalize(sweep.points[j + 1] - sweep.points[j]);
    // The path bends towards the centre of the circle: outside is away from it.
    const glm::vec3 outside = glm::normalize(in - out);
    const glm::vec3 p = sweep.points[j];
    EXPECT_LT(field(p + 0.97f * kRadius * outside), 0.0f) << "joint " << j << ": a groove on the outside of the bend";
    EXPECT_GT(field(p + 1.03f * kRadius * outside), 0.0f) << "joint " << j << ": the tube swells at the bend";
    const glm::vec3 z(0, 0, 1);
    EXPECT_LT(field(p + 0.97f * kRadius * z), 0.0f) << "joint " << j;
    EXPECT_GT(field(p + 1.03f * kRadius * z), 0.0f) << "joint " << j;
  }
}

} // namespace
} // namespace crus::test
