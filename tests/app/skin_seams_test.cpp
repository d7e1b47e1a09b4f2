// The skin over the calf, seen with the skin alone (`crus render --isolate
// skin`), shows no seams where the muscles meet under the fascia.
//
// The muscles' bellies are clipped to the deep fascia, and the skin used to
// wrap each of them as well as lying outside the fascia: where a belly filled
// its compartment its wrap met the fascia's offset, over the groove between
// two bellies it fell short, and the capped blend of the two printed each
// groove into the skin as a seam half a millimetre deep with a sharp bend
// either side. The atlas of 4 December 2026 showed them as bright lines down
// the front of the calf between tibialis anterior and extensor digitorum
// longus, round the outline of the gastrocnemius heads from behind, and as
// flecks on the upper lateral calf (build_skin, nerves.cpp).
// Model frame: X anterior, Y up, Z lateral (right leg), metres.
#include "bundled_scene_fixture.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace crus::test {
namespace {

using SkinSeams = BundledSceneTest;

TEST_F(SkinSeams, NoMuscleSeamsUnderTheFascia) {
  // From 10 to 45% of the way from the knee joint centre to the ankle's, all
  // round the leg except the tibia's subcutaneous face (within 45 degrees of
  // straight ahead of the leg's middle, where the skin turns over the crest
  // by design): how sharply the skin bends along each edge, from the normals
  // at its two ends (the generator takes them from the fields, so a seam's
  // bend shows in them). Before: 0.77% of the edges bent tighter than a
  // 10 mm radius and 3.1% tighter than 15 mm; 0.16% and 1.6% once the
  // bellies no longer reached the skin; none and 1.0% once the outline's
  // anterolateral rounding faded out behind over 25 mm instead of stepping
  // in over 10 (outline.cpp), a line down the lateral side of the calf.
  constexpr float kKnee = 0.4536f, kLeg = 0.4536f - 0.0571f; // joint centres (joints.csv)
  const float top = kKnee - 0.10f * kLeg, bottom = kKnee - 0.45f * kLeg;
  const SceneStructure* skin = scene_->find("skin");
  ASSERT_NE(skin, nullptr);
  const Mesh& m = skin->mesh;
  ASSERT_EQ(m.normals.size(), m.positions.size());
  std::size_t edges = 0, under10 = 0, under15 = 0;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const std::uint32_t a = m.indices[t + e], b = m.indices[t + (e + 1) % 3];
      if (a > b) continue; // each shared edge once
      const glm::vec3 mid = 0.5f * (m.positions[a] + m.positions[b]);
      if (mid.y > top || mid.y < bottom) continue;
      // Degrees round the leg from straight ahead of (x, z) = (-0.075, 0.078).
      const double round = std::atan2(double(mid.z) - 0.078, double(mid.x) + 0.075) * 180.0 / 3.14159265358979;
      if (std::abs(round) < 45.0) continue;
      const double length = glm::distance(m.positions[a], m.positions[b]);
      if (length < 1e-4) continue;
      const double angle = std::acos(std::clamp(double(glm::dot(m.normals[a], m.normals[b])), -1.0, 1.0));
      const double radius = angle > 1e-9 ? length / angle : 1e9;
      ++edges;
      under10 += radius < 0.010 ? 1 : 0;
      under15 += radius < 0.015 ? 1 : 0;
    }
  ASSERT_GT(edges, 3000u) << "the calf has too few edges to measure";
  const double f10 = 100.0 * double(under10) / double(edges), f15 = 100.0 * double(under15) / double(edges);
  std::printf("%zu edges; bent tighter than 10 mm: %.2f%%, than 15 mm: %.2f%%\n", edges, f10, f15);
  EXPECT_LE(f10, 0.08) << "seams in the skin over the calf";
  EXPECT_LE(f15, 1.35) << "seams in the skin over the calf";
}

} // namespace
} // namespace crus::test
