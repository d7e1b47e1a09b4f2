// Where the model ends above the knee (issue 11: "the thigh part ends
// cleanly"). The atlas is cut a few centimetres above the patella, at the
// division of the sciatic nerve, with the skin capped flat there; the thigh's
// own muscles are not modelled. Measured level by level from the knee joint
// centre up to the cut: one closed skin outline with no waist or lobe (the
// skin once wrapped the sciatic nerve in a tube of its own), every nerve well
// inside it, the skin a few millimetres over the patella it covers, and a flat
// cap rather than a rounded end.
// Model frame: X anterior, Y up, Z lateral; in a horizontal section u = Z, v = X.
#include "atlas_fixture.hpp"
#include "core/geometry/cross_section.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

namespace crus::test {
namespace {

constexpr double kKneeCentre = 0.4536; // y of the knee joint centre (joints.csv)

MeshSection horizontal(const Mesh& m, double y) { return slice_mesh(m, make_section_plane(glm::dvec3(0.0, y, 0.0), 0.0)); }

double skin_top() {
  float top = 0.0f;
  for (const auto& p : atlas_mesh("skin").positions) top = std::max(top, p.y);
  return top;
}

double segment_distance(const glm::dvec2& p, const glm::dvec2& a, const glm::dvec2& b) {
  const glm::dvec2 ab = b - a;
  const double len2 = glm::dot(ab, ab);
  const double t = len2 > 0.0 ? std::clamp(glm::dot(p - a, ab) / len2, 0.0, 1.0) : 0.0;
  return glm::length(p - (a + t * ab));
}

// Shortest distance from any point of `inner` to the outline of `outer`.
double clearance(const MeshSection& inner, const MeshSection& outer) {
  double best = 1e9;
  for (const auto& li : inner.loops)
    for (const glm::dvec2& p : li.points)
      for (const auto& lo : outer.loops)
        for (std::size_t i = 0; i < lo.points.size(); ++i)
          best = std::min(best, segment_distance(p, lo.points[i], lo.points[(i + 1) % lo.points.size()]));
  return best;
}

double most_anterior(const MeshSection& s) {
  double best = -1e9;
  for (const auto& l : s.loops)
    for (const glm::dvec2& p : l.points) best = std::max(best, p.y);
  return best;
}

TEST(AtlasThigh, OneConvexSkinOutlineAtEveryLevelUpToTheCut) {
  const Mesh& skin = atlas_mesh("skin");
  const double top = skin_top();
  int levels = 0;
  for (double y = kKneeCentre; y < top - 0.001; y += 0.004, ++levels) {
    const MeshSection s = horizontal(skin, y);
    const SectionMeasure m = measure_section(s);
    EXPECT_EQ(m.pieces, 1u) << "skin at y " << y;
    EXPECT_EQ(s.open_chains, 0u) << "skin at y " << y;
    // A tube round a lone nerve, or a waist between the femur and the nerves,
    // makes the outline longer than a tape measure round it.
    EXPECT_LE(m.perimeter_m, 1.03 * m.hull_perimeter_m) << "skin at y " << y << ": a lobe or waist";
  }
  EXPECT_GE(levels, 15) << "the model should reach a few centimetres above the patella";
}

TEST(AtlasThigh, NervesAboveTheKneeLieWellInsideTheSkin) {
  const Mesh& skin = atlas_mesh("skin");
  const double top = skin_top();
  int measured = 0;
  for (const char* id : {"sciatic_nerve", "tibial_nerve", "common_fibular_nerve"}) {
    const Mesh& nerve = atlas_mesh(id);
    for (double y = kKneeCentre + 0.02; y < top - 0.003; y += 0.006) {
      const MeshSection n = horizontal(nerve, y);
      if (n.empty()) continue;
      const double gap = clearance(n, horizontal(skin, y));
      // A skin wrapped round the nerve would lie about its 3 mm layer away.
      EXPECT_GE(gap, 0.010) << id << " at y " << y << ": the skin follows the nerve";
      ++measured;
    }
  }
  EXPECT_GE(measured, 10);
}

TEST(AtlasThigh, SkinCoversThePatellaByAFewMillimetres) {
  const Mesh& skin = atlas_mesh("skin");
  const Mesh& patella = atlas_mesh("patella");
  int measured = 0;
  for (double y = 0.460; y <= 0.488; y += 0.004) {
    const MeshSection p = horizontal(patella, y);
    if (p.empty()) continue;
    const double gap = most_anterior(horizontal(skin, y)) - most_anterior(p);
    std::printf("y %.3f: skin %.1f mm in front of the patella\n", y, gap * 1000.0);
    EXPECT_GE(gap, 0.0015) << y;
    EXPECT_LE(gap, 0.006) << y << ": the prepatellar skin is thin";
    ++measured;
  }
  EXPECT_GE(measured, 5);
}

TEST(AtlasThigh, TheCutIsAFlatCap) {
  // Capped flat at the cut, only its rim rounded (over about a centimetre:
  // Skin.ThighCutHasARoundedRim): the section 4 mm under the top is nearly
  // as large as one 15 mm lower. A rounded end, a dome, would shrink
  // towards the top.
  const Mesh& skin = atlas_mesh("skin");
  const double top = skin_top();
  const double just_under = measure_section(horizontal(skin, top - 0.0040)).area_m2;
  const double lower = measure_section(horizontal(skin, top - 0.0150)).area_m2;
  std::printf("skin top %.4f m; section area %.1f cm2 4 mm under it, %.1f cm2 15 mm under it\n", top, just_under * 1e4,
              lower * 1e4);
  EXPECT_GE(just_under, 0.95 * lower);
  // The cut lies a few centimetres above the patella's base (about 0.495).
  EXPECT_GE(top, 0.515);
  EXPECT_LE(top, 0.560);
}

} // namespace
} // namespace crus::test
