// The talus and calcaneus as an anatomy teacher reads them (issue 11): the
// talar trochlea wider in front than behind (Gray's Anatomy 41st ed.) and a
// calcaneus whose lateral surface is
// nearly flat, not hollowed where the lateral malleolus passes.
#include "atlas/joint_range.hpp"
#include "atlas_fixture.hpp"
#include "core/geometry/cross_section.hpp"

#include <glm/geometric.hpp>
#include <glm/vec2.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace crus::test {
namespace {

// Width of the trochlea (its extent along the ankle axis) over the points
// of its upper surface whose distance in front of the axis lies in [a0, a1].
float trochlea_width(float a0, float a1) {
  const atlas::PinAxis ax = atlas::ankle_axis();
  const glm::vec3 forward = glm::normalize(glm::vec3(1, 0, 0) - ax.axis * ax.axis.x);
  float lo = 1e9f, hi = -1e9f;
  for (const auto& p : atlas_mesh("talus").positions) {
    const glm::vec3 v = p - ax.centre;
    const float s = glm::dot(v, ax.axis);
    const glm::vec3 radial = v - s * ax.axis;
    const float ahead = glm::dot(v, forward);
    if (glm::length(radial) < 0.0125f || radial.y < 0.0f || ahead < a0 || ahead > a1) continue;
    lo = std::min(lo, s), hi = std::max(hi, s);
  }
  return hi - lo;
}

TEST(AtlasTarsus, TrochleaIsWiderInFrontThanBehind) {
  // Real trochleae are 3 to 9 mm narrower behind than in front (SOURCES.md
  // "Trochlear width"); a cylinder, a wheel, is as wide behind as in front.
  const float front = trochlea_width(0.003f, 0.007f), back = trochlea_width(-0.007f, -0.003f);
  std::printf("trochlea width front %.1f mm back %.1f mm\n", front * 1000.0f, back * 1000.0f);
  EXPECT_GE(front - back, 0.002f);
}

TEST(AtlasTarsus, CalcaneusLateralSurfaceHasNoHollow) {
  // At each level below the talar facets, the lateral outline (the most
  // lateral point every millimetre from back to front) may dip under the
  // straight line between two of its points by at most 5 mm (the fibular
  // trochlea and the tuber stand out a little; a hollow cut by the lateral
  // malleolus was 9 mm deep). From 27.5 mm up, above the tuber's processes.
  const Mesh& m = atlas_mesh("calcaneus");
  float worst = 0.0f;
  glm::vec3 where(0.0f);
  for (float y = 0.0275f; y <= 0.0351f; y += 0.0025f) {
    // The section's outline, sampled every quarter millimetre.
    std::map<int, glm::vec3> outline;
    const SectionPlane plane = make_section_plane(glm::dvec3(0.0, y, 0.0), 0.0);
    for (const auto& loop : slice_mesh(m, plane).loops)
      for (std::size_t i = 0; i < loop.points.size(); ++i) {
        const glm::dvec3 a = plane.to_model(loop.points[i]), b = plane.to_model(loop.points[(i + 1) % loop.points.size()]);
        for (int k = 0; k < 8; ++k) {
          const glm::vec3 p(glm::mix(a, b, k / 8.0));
          const int bin = int(std::floor(p.x / 0.001f));
          auto it = outline.find(bin);
          if (it == outline.end() || p.z > it->second.z) outline[bin] = p;
        }
      }
    std::vector<glm::vec3> v;
    for (const auto& [bin, p] : outline) v.push_back(p);
    for (std::size_t i = 0; i < v.size(); ++i)
      for (std::size_t j = i + 2; j < v.size(); ++j)
        for (std::size_t k = i + 1; k < j; ++k) {
          const float s = (v[k].x - v[i].x) / (v[j].x - v[i].x);
          const float depth = v[i].z + s * (v[j].z - v[i].z) - v[k].z;
          if (depth > worst) worst = depth, where = v[k];
        }
  }
  std::printf("calcaneus lateral hollow %.1f mm at (%.3f, %.3f, %.3f)\n", worst * 1000.0f, where.x, where.y, where.z);
  EXPECT_LE(worst, 0.005f);
}

} // namespace
} // namespace crus::test
