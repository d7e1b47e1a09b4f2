// The layers under the skin of the generated atlas (issue 11): cutaneous
// nerves lie in the subcutaneous layer below where they pierce the deep
// fascia, without lifting the skin, and nothing grooves the back of the
// soleus (the sural nerve and the plantaris tendon lie on it, not in it).
#include "atlas/structures.hpp"
#include "atlas_fixture.hpp"
#include "core/geometry/cross_section.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace crus::test {
namespace {

std::vector<glm::dvec2> contour_points(const MeshSection& s) {
  std::vector<glm::dvec2> all;
  for (const auto& l : s.loops) all.insert(all.end(), l.points.begin(), l.points.end());
  return all;
}

double distance_to_segment(glm::dvec2 p, glm::dvec2 a, glm::dvec2 b) {
  const glm::dvec2 ab = b - a;
  const double t = glm::clamp(glm::dot(p - a, ab) / std::max(1e-18, glm::dot(ab, ab)), 0.0, 1.0);
  return glm::length(a + t * ab - p);
}

double distance_to_loops(const MeshSection& s, glm::dvec2 p) {
  double best = 1e9;
  for (const auto& l : s.loops)
    for (std::size_t i = 0; i < l.points.size(); ++i)
      best = std::min(best, distance_to_segment(p, l.points[i], l.points[(i + 1) % l.points.size()]));
  return best;
}

TEST(AtlasSubcutaneous, SuralNerveLiesInTheSubcutaneousLayerInTheLowerLeg) {
  // Below its piercing of the deep fascia (halfway down the back of the
  // leg) the sural nerve runs between the fascia and the skin: its centre
  // outside the fascia the muscles are held in, but within the layer's
  // thickness (it had lain up to 7 mm out, lifting the skin).
  const atlas::Field fascia = atlas::deep_fascia();
  int levels = 0;
  for (double f : {0.60, 0.65, 0.70, 0.75, 0.80}) {
    const MeshSection cut = slice_mesh(atlas_mesh("sural_nerve"), leg_level(f));
    if (cut.empty()) continue;
    ++levels;
    const SectionMeasure m = measure_section(cut);
    const glm::vec3 centre(leg_level(f).to_model(m.centroid));
    const float out = fascia(centre);
    std::printf("sural at %2.0f %%: centre %.2f mm outside the fascia\n", f * 100.0, 1e3 * double(out));
    EXPECT_GT(out, 0.0f) << "at " << f << ": the sural nerve lies under the deep fascia";
    EXPECT_LT(out, atlas::skin_thickness()) << "at " << f << ": the sural nerve lies out beyond the subcutaneous layer";
  }
  EXPECT_GE(levels, 4);
}

TEST(AtlasSubcutaneous, SuperficialFibularNerveDoesNotLiftTheSkin) {
  // At 80 to 88 % of the way down the nerve lies under the skin of the
  // anterolateral leg. The skin over it stands no higher above the fascia
  // than the skin 8 to 20 mm to either side (it had stood 9 to 10 mm
  // higher: a lump), and still covers it.
  const atlas::Field fascia = atlas::deep_fascia();
  for (double f : {0.80, 0.85, 0.88}) {
    const SectionPlane plane = leg_level(f);
    const MeshSection nerve = slice_mesh(atlas_mesh("superficial_fibular_nerve"), plane);
    const MeshSection skin = slice_mesh(atlas_mesh("skin"), plane);
    ASSERT_FALSE(nerve.empty()) << f;
    ASSERT_FALSE(skin.empty()) << f;
    const glm::dvec2 c = measure_section(nerve).centroid;
    double over = -1.0, around = 0.0;
    int n = 0;
    for (const glm::dvec2& q : contour_points(skin)) {
      const double height = fascia(glm::vec3(plane.to_model(q)));
      const double d = glm::length(q - c);
      if (d < 0.008) over = std::max(over, height);
      else if (d < 0.020) {
        around += height;
        ++n;
      }
    }
    ASSERT_GT(n, 0);
    around /= n;
    double radius = 0.0;
    for (const glm::dvec2& q : contour_points(nerve)) radius = std::max(radius, glm::length(q - c));
    const double cover = distance_to_loops(skin, c) - radius;
    std::printf("superficial fibular nerve at %2.0f %%: skin %.1f mm above the fascia over it, %.1f mm beside; cover %.1f mm\n",
                f * 100.0, over * 1e3, around * 1e3, cover * 1e3);
    EXPECT_LT(over - around, 0.0015) << "at " << f << ": the nerve lifts the skin";
    EXPECT_GT(cover, 0.0003) << "at " << f << ": the nerve is not under the skin";
  }
}

TEST(AtlasSubcutaneous, BackOfTheSoleusIsNotGrooved) {
  // The back of the soleus, seen in section from 30 to 45 % of the way down,
  // is convex: no contour point behind the section's centroid lies more than
  // 1.5 mm inside the section's convex hull. (The plantaris tendon, embedded
  // in it, had cut a groove 2 to 6 mm deep that showed from behind.)
  for (double f : {0.30, 0.35, 0.40, 0.45}) {
    const MeshSection cut = slice_mesh(atlas_mesh("soleus"), leg_level(f));
    ASSERT_FALSE(cut.empty()) << f;
    const glm::dvec2 centroid = measure_section(cut).centroid;
    const std::vector<glm::dvec2> points = contour_points(cut);
    const std::vector<glm::dvec2> hull = convex_hull(points);
    double deepest = 0.0;
    for (const glm::dvec2& q : points) {
      if (q.y > centroid.y) continue; // plane frame: v anterior
      double d = 1e9;
      for (std::size_t i = 0; i < hull.size(); ++i) d = std::min(d, distance_to_segment(q, hull[i], hull[(i + 1) % hull.size()]));
      deepest = std::max(deepest, d);
    }
    std::printf("soleus at %2.0f %%: its back lies at most %.1f mm inside its convex hull\n", f * 100.0, deepest * 1e3);
    EXPECT_LT(deepest, 0.0015) << "at " << f << ": the back of the soleus is grooved";
  }
}

} // namespace
} // namespace crus::test
