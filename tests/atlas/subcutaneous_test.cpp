// The layers under the skin of the generated atlas (issue 11): cutaneous
// nerves lie in the subcutaneous layer below where they pierce the deep
// fascia, without lifting the skin, and nothing grooves the back of the
// soleus (the sural nerve and the plantaris tendon lie on it, not in it).
#include "atlas/structures.hpp"
#include "atlas_fixture.hpp"
#include "core/geometry/cross_section.hpp"

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

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

// A cutaneous nerve and the skin cut at a level of the leg: the nerve's
// centre and radius in the plane, and how far the skin lies outside it.
struct NerveUnderSkin {
  MeshSection skin;
  glm::dvec2 centre{0.0};
  double radius = 0.0, cover = 0.0;
};
std::optional<NerveUnderSkin> nerve_under_skin(const char* nerve_id, const SectionPlane& plane) {
  const MeshSection nerve = slice_mesh(atlas_mesh(nerve_id), plane);
  NerveUnderSkin c{slice_mesh(atlas_mesh("skin"), plane)};
  if (nerve.empty() || c.skin.empty()) return std::nullopt;
  c.centre = measure_section(nerve).centroid;
  for (const glm::dvec2& q : contour_points(nerve)) c.radius = std::max(c.radius, glm::length(q - c.centre));
  c.cover = distance_to_loops(c.skin, c.centre) - c.radius;
  return c;
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
    const std::optional<NerveUnderSkin> cut = nerve_under_skin("superficial_fibular_nerve", plane);
    ASSERT_TRUE(cut) << f;
    const glm::dvec2 c = cut->centre;
    double over = -1.0, around = 0.0;
    int n = 0;
    for (const glm::dvec2& q : contour_points(cut->skin)) {
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
    std::printf("superficial fibular nerve at %2.0f %%: skin %.1f mm above the fascia over it, %.1f mm beside; cover %.1f mm\n",
                f * 100.0, over * 1e3, around * 1e3, cut->cover * 1e3);
    EXPECT_LT(over - around, 0.0015) << "at " << f << ": the nerve lifts the skin";
    EXPECT_GT(cut->cover, 0.0003) << "at " << f << ": the nerve is not under the skin";
  }
}

// How far the skin over a point c (in a section) stands out of the curve
// the skin makes to either side of it (metres): from the skin's point
// nearest c, the loop is followed 25 mm each way; a parabola is fitted to
// the stretches 8 to 25 mm along it, in the frame of the chord between the
// points 8 mm along on either side, and the largest height of the middle
// 16 mm above that parabola is returned. NaN if either side is too short.
double bump_over(const MeshSection& skin, const glm::dvec2& c) {
  const ContourLoop* loop = nullptr;
  std::size_t at = 0;
  double best = 1e9;
  for (const ContourLoop& l : skin.loops)
    for (std::size_t i = 0; i < l.points.size(); ++i)
      if (const double d = glm::length(l.points[i] - c); d < best) std::tie(best, loop, at) = std::tuple(d, &l, i);
  const std::size_t n = loop ? loop->points.size() : 0;
  if (n < 8) return std::nan("");
  // Points along the loop with their arc length from the nearest point
  // (negative one way), out to 25 mm or half the loop.
  std::vector<std::pair<double, glm::dvec2>> along{{0.0, loop->points[at]}};
  for (const int step : {1, -1}) {
    double s = 0.0;
    std::size_t i = at;
    for (std::size_t k = 0; k < n / 2 && s < 0.025; ++k) {
      const std::size_t j = std::size_t(long(i) + long(n) + step) % n;
      s += glm::length(loop->points[j] - loop->points[i]);
      along.emplace_back(step * s, loop->points[j]);
      i = j;
    }
  }
  auto point_at = [&](double s) {
    const auto it = std::min_element(along.begin(), along.end(),
                                     [s](const auto& a, const auto& b) { return std::abs(a.first - s) < std::abs(b.first - s); });
    return it->second;
  };
  const glm::dvec2 a = point_at(-0.008), b = point_at(0.008);
  const glm::dvec2 t = glm::normalize(b - a);
  glm::dvec2 up(-t.y, t.x);
  if (glm::dot(up, loop->points[at] - c) < 0.0) up = -up; // away from c, out of the leg
  glm::dmat3 normal(0.0);
  glm::dvec3 rhs(0.0);
  int before = 0, after = 0;
  std::vector<glm::dvec2> middle;
  for (const auto& [s, q] : along) {
    const double u = glm::dot(q - loop->points[at], t), v = glm::dot(q - loop->points[at], up);
    if (std::abs(s) < 0.008) {
      middle.emplace_back(u, v);
      continue;
    }
    if (std::abs(s) > 0.025) continue;
    ++(s < 0.0 ? before : after);
    const glm::dvec3 row(1.0, u, u * u);
    normal += glm::outerProduct(row, row);
    rhs += row * v;
  }
  if (before < 3 || after < 3 || middle.empty()) return std::nan("");
  const glm::dvec3 fit = glm::inverse(normal) * rhs;
  double bump = -1e9;
  for (const glm::dvec2& q : middle) bump = std::max(bump, q.y - (fit.x + fit.y * q.x + fit.z * q.x * q.x));
  return bump;
}

TEST(AtlasSubcutaneous, SuralNerveDoesNotLiftTheSkinBehindTheCalf) {
  // From about where it pierces the fascia (50%) down the lower leg the sural
  // nerve lies under the skin beside the calcaneal tendon. In each cut the skin
  // over it stands less than 0.6 mm out of the curve the skin makes to
  // either side (bump_over), and still covers it by half a millimetre.
  // Wrapped like a deep structure, it stood 0.7 to 2.0 mm out at 49 to 65%:
  // a lump seen from behind at the top of the tendon, and a line below.
  for (double f : {0.49, 0.51, 0.53, 0.55, 0.58, 0.60, 0.65, 0.70}) {
    const std::optional<NerveUnderSkin> cut = nerve_under_skin("sural_nerve", leg_level(f));
    ASSERT_TRUE(cut) << f;
    const double bump = bump_over(cut->skin, cut->centre), cover = cut->cover;
    std::printf("sural nerve at %2.0f %%: the skin over it stands %.2f mm out of its curve; cover %.2f mm\n", f * 100.0,
                bump * 1e3, cover * 1e3);
    ASSERT_TRUE(std::isfinite(bump)) << "at " << f << ": too little skin either side to measure";
    EXPECT_LT(bump, 0.0006) << "at " << f << ": the nerve lifts the skin";
    EXPECT_GT(cover, 0.0005) << "at " << f << ": the nerve is not under the skin";
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
