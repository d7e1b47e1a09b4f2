// The talus and calcaneus as an anatomy teacher reads them (issue 11): the
// talar trochlea wider in front than behind (Gray's Anatomy 41st ed.), a
// neck narrower than the head, and a calcaneus whose lateral surface is
// nearly flat, not hollowed where the lateral malleolus passes.
#include "atlas_fixture.hpp"

#include <glm/geometric.hpp>
#include <glm/vec2.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace crus::test {
namespace {

glm::vec3 ankle_centre() {
  for (const auto& j : shared_atlas().manifest.joints)
    if (j.id == "ankle") return j.position;
  ADD_FAILURE() << "no ankle joint";
  return glm::vec3(0.0f);
}

// Mediolateral (Z) extent of the talus's upper part within an X band.
float trochlea_width(float x0, float x1, float above) {
  float lo = 1e9f, hi = -1e9f;
  for (const auto& p : atlas_mesh("talus").positions)
    if (p.x >= x0 && p.x <= x1 && p.y >= above) lo = std::min(lo, p.z), hi = std::max(hi, p.z);
  return hi - lo;
}

TEST(AtlasTarsus, TrochleaIsWiderInFrontThanBehind) {
  // Real trochleae are 3 to 6 mm narrower at the back; a cylinder (a wheel) is not.
  const glm::vec3 c = ankle_centre();
  const float above = c.y + 0.008f;
  const float front = trochlea_width(c.x + 0.004f, c.x + 0.009f, above);
  const float back = trochlea_width(c.x - 0.009f, c.x - 0.004f, above);
  std::printf("trochlea width front %.1f mm back %.1f mm\n", front * 1000.0f, back * 1000.0f);
  EXPECT_GE(front - back, 0.002f);
}

// Area (mm^2 as m^2) of the talus's section by the plane x = const, from the
// triangle mesh: the area of the polygon where it crosses, by the divergence
// of the surface's triangles clipped to x <= plane (Y-Z projection of the cut).
double section_area(const Mesh& m, float x) {
  // Sum over triangles crossing the plane of the cut segment's contribution
  // to the shoelace area of the section.
  double area = 0.0;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    glm::vec3 v[3] = {m.positions[m.indices[t]], m.positions[m.indices[t + 1]], m.positions[m.indices[t + 2]]};
    glm::vec2 pts[2];
    int n = 0;
    for (int k = 0; k < 3 && n < 2; ++k) {
      const glm::vec3 a = v[k], b = v[(k + 1) % 3];
      if ((a.x < x) != (b.x < x)) {
        const float s = (x - a.x) / (b.x - a.x);
        const glm::vec3 q = a + s * (b - a);
        pts[n++] = {q.z, q.y};
      }
    }
    if (n == 2) {
      // Orient the segment by the triangle's normal so the loop's signed area adds up.
      const glm::vec3 nrm = glm::cross(v[1] - v[0], v[2] - v[0]);
      glm::vec2 a = pts[0], b = pts[1];
      const glm::vec2 dir = b - a;
      // In the (z, y) plane, outward normal of the section edge should match (nrm.z, nrm.y).
      if (dir.x * nrm.y - dir.y * nrm.z < 0.0f) std::swap(a, b);
      area += 0.5 * (double(a.x) * b.y - double(b.x) * a.y);
    }
  }
  return std::abs(area);
}

TEST(AtlasTarsus, TalarNeckIsNarrowerThanHeadAndBody) {
  const Mesh& m = atlas_mesh("talus");
  const glm::vec3 c = ankle_centre();
  float front = -1e9f;
  for (const auto& p : m.positions) front = std::max(front, p.x);
  const double body = section_area(m, c.x);
  double neck = 1e9, head = 0.0;
  for (float x = c.x + 0.012f; x <= front - 0.010f; x += 0.0005f) neck = std::min(neck, section_area(m, x));
  for (float x = front - 0.010f; x <= front - 0.003f; x += 0.0005f) head = std::max(head, section_area(m, x));
  std::printf("talus sections: body %.0f mm2, neck %.0f mm2, head %.0f mm2\n", body * 1e6, neck * 1e6, head * 1e6);
  EXPECT_LT(neck, 0.85 * head) << "no neck before the head";
  EXPECT_LT(neck, 0.5 * body) << "no neck after the body";
}

TEST(AtlasTarsus, CalcaneusLateralSurfaceHasNoHollow) {
  // At each level below the talar facets, the lateral outline (the most
  // lateral point every millimetre from back to front) may dip under the
  // straight line between two of its points by at most 4 mm (the fibular
  // trochlea and the tuber stand out a little; a hollow cut by the lateral
  // malleolus was 9 mm deep).
  const Mesh& m = atlas_mesh("calcaneus");
  float worst = 0.0f;
  glm::vec3 where(0.0f);
  for (float y = 0.0150f; y <= 0.0351f; y += 0.0025f) {
    std::map<int, glm::vec3> outline;
    for (const auto& p : m.positions) {
      if (std::abs(p.y - y) >= 0.001f) continue;
      const int bin = int(std::floor(p.x / 0.001f));
      auto it = outline.find(bin);
      if (it == outline.end() || p.z > it->second.z) outline[bin] = p;
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
  EXPECT_LE(worst, 0.004f);
}

} // namespace
} // namespace crus::test
