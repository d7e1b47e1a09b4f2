// The swept tubes that muscles and tendons are made of: a bent tube keeps its
// full width round the outside of every bend (no groove where two straight
// pieces of its path meet), and does not swell past its radius; a flared
// sweep is measured across its slope and closed at its ends.
#include "atlas/sdf.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
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

TEST(AtlasSdf, ExactSectionsMeasureAFlatTubeFromAfar) {
  // A straight flat tube along y, 14 mm wide and 2 mm deep (half widths),
  // like the calcaneal tendon above its insertion. Its surface is the same
  // either way; measured from beside it, the exact sections give the true
  // distance to the ellipse (found here by sampling it finely), and the
  // first-order ones fall far short of it off the section's axes.
  const glm::vec2 r(0.014f, 0.002f);
  const std::vector<atlas::SweepKey> keys{{{0, 0, 0}, r.x, r.y}, {{0, 0.05f, 0}, r.x, r.y}, {{0, 0.10f, 0}, r.x, r.y}};
  const atlas::Field first = atlas::sweep(keys, {1, 0, 0});
  const atlas::Field exact = atlas::sweep(keys, {1, 0, 0}, 8, true);
  auto true_distance = [&](float side, float normal) {
    double best = 1e9;
    for (int i = 0; i <= 200000; ++i) {
      const double a = 6.283185307 * i / 200000.0;
      best = std::min(best, std::hypot(side - r.x * std::cos(a), normal - r.y * std::sin(a)));
    }
    const bool inside = (side * side) / (r.x * r.x) + (normal * normal) / (r.y * r.y) < 1.0f;
    return inside ? -best : best;
  };
  float worst_first = 0.0f;
  // The section's side axis is z here (normal: x, towards `up`).
  for (float side : {0.0f, 0.005f, 0.012f, 0.016f, 0.023f, 0.030f})
    for (float normal : {0.0f, 0.001f, 0.002f, 0.004f, 0.008f}) {
      const glm::vec3 p(normal, 0.05f, side);
      const float want = float(true_distance(side, normal));
      // Inside as well: what a neighbour's carve or a smooth union reads
      // there is the depth (at the centre it read -14 mm instead of -2).
      EXPECT_NEAR(exact(p), want, 2e-5f) << "side " << side << ", normal " << normal;
      if (want > 0.0f) worst_first = std::max(worst_first, want - first(p));
    }
  // 9.6 mm from the tube, 23 mm to its side and 2 mm off its plane: the
  // first-order distance says about 3.8 mm.
  EXPECT_GT(worst_first, 0.004f);
  EXPECT_LT(exact({0.0f, 0.05f, 0.030f}) - 0.016f, 2e-5f);
  EXPECT_LT(exact({0.0f, 0.05f, 0.0f}), 0.0f);
  EXPECT_LT(exact({0.0015f, 0.05f, 0.005f}), 0.0f);
}

TEST(AtlasSdf, FlaredSweepMeasuresAcrossItsSlopeAndClosesItsEnds) {
  // A round tube narrowing from 20 to 8 mm in radius over 30 mm of a
  // straight path, like a bone's end flaring into its shaft: its side slopes
  // by about 0.4. Measured across the slope, the field's gradient is a unit
  // vector beside the side; measured in each section's plane (the plain
  // sweep) it is longer, towards sqrt(1 + 0.4^2) = 1.08.
  const std::vector<atlas::SweepKey> keys{
      {{0, 0, 0}, 0.020f, 0.020f}, {{0, 0.015f, 0}, 0.014f, 0.014f}, {{0, 0.030f, 0}, 0.008f, 0.008f}};
  const atlas::Field plain = atlas::sweep(keys, {1, 0, 0}, 16, true);
  const atlas::Field flared = atlas::flared_sweep(keys, {1, 0, 0});
  auto gradient_length = [](const atlas::Field& f, const glm::vec3& p) {
    return glm::length(atlas::central_difference(f, p)) / (2.0f * 2e-4f);
  };
  float plain_longest = 0.0f;
  for (float y : {0.008f, 0.012f, 0.015f, 0.018f, 0.022f})
    for (float a : {0.0f, 1.0f, 2.0f, 3.0f, 4.0f, 5.0f}) {
      // Find the side along the ray from the axis, then step 1 mm out.
      const glm::vec3 dir(std::cos(a), 0.0f, std::sin(a));
      float lo = 0.0f, hi = 0.03f;
      for (int i = 0; i < 40; ++i) {
        const float mid = 0.5f * (lo + hi);
        (flared(glm::vec3(0, y, 0) + mid * dir) < 0.0f ? lo : hi) = mid;
      }
      const glm::vec3 p = glm::vec3(0, y, 0) + (lo + 0.001f) * dir;
      EXPECT_NEAR(gradient_length(flared, p), 1.0f, 0.01f) << "y " << y << ", angle " << a;
      plain_longest = std::max(plain_longest, gradient_length(plain, p));
    }
  EXPECT_GT(plain_longest, 1.03f);
  // Through the ends, inside and out, the field changes by no more than the
  // step: measured by its sections alone, the plain sweep jumps at its ends
  // by the section's depth (20 mm at the wide end's axis, here).
  auto worst_step = [](const atlas::Field& f) {
    constexpr float h = 0.0002f;
    float worst = 0.0f;
    for (float y : {-0.004f, 0.030f})
      for (float r : {0.0f, 0.004f, 0.010f, 0.019f, 0.021f, 0.025f})
        for (float s = y; s < y + 0.008f; s += h) worst = std::max(worst, std::abs(f({r, s + h, 0.0f}) - f({r, s, 0.0f})) / h);
    return worst;
  };
  EXPECT_LT(worst_step(flared), 1.01f);
  EXPECT_GT(worst_step(plain), 10.0f);
  // The ends are where the path ends, their rims rounded by 2 mm at most.
  EXPECT_LT(flared({0.0f, 0.001f, 0.0f}), 0.0f);
  EXPECT_GT(flared({0.0f, -0.001f, 0.0f}), 0.0f);
  EXPECT_LT(flared({0.0f, 0.029f, 0.0f}), 0.0f);
  EXPECT_GT(flared({0.0f, 0.031f, 0.0f}), 0.0f);
}

} // namespace
} // namespace crus::test
