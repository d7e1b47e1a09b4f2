// The skin's surface on the bundled atlas, seen as a teacher sees it: the
// skin alone from the medial side (`crus render --view medial --isolate
// skin`), and every structure inside it.
//
// Between the knee and the ankle the skin runs over the tibia's
// subcutaneous face and round the calf muscles behind its medial border; it
// may dip in behind the border, but in smooth curves. The atlas of
// 2 December 2026 showed a panel there: a crease along the medial border
// where the skin over the bone met the skin over the fascia, and a shelf
// across the leg below the knee where the shin's cut faded out over too
// short a height and where the rows of its tables met
// (docs/ATLAS-MEASUREMENTS.md, "The medial side of the calf").
// Model frame: X anterior, Y up, Z lateral (right leg), metres.
#include "bundled_scene_fixture.hpp"
#include "skin_bends.hpp"
#include "core/geometry/cross_section.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace crus::test {
namespace {

// The medial calf behind the crest, from 16 to 74% of the way down: behind
// x = -0.036 (the crest lies at about -0.03) and medial to z = 0.075 (the
// crest at about 0.08), in front of x = -0.10 (the back of the calf).
bool in_medial_calf(const glm::vec3& p) { return p.y > 0.160f && p.y < 0.390f && p.z < 0.075f && p.x < -0.036f && p.x > -0.100f; }

using MedialCalf = BundledSceneTest;

TEST_F(MedialCalf, SkinHasNoCreaseBehindTheShin) {
  // How sharply the skin bends along each edge (skin_bends.hpp).
  const SceneStructure* skin = scene_->find("skin");
  ASSERT_NE(skin, nullptr);
  const Mesh& m = skin->mesh;
  ASSERT_EQ(m.normals.size(), m.positions.size());
  std::vector<std::pair<double, glm::vec3>> radii;
  for (const EdgeBend& b : edge_bends(m))
    if (in_medial_calf(b.mid)) radii.emplace_back(b.radius, b.mid);
  ASSERT_GT(radii.size(), 1000u) << "the medial calf has too few edges to measure";
  std::sort(radii.begin(), radii.end(), [](const auto& l, const auto& r) { return l.first < r.first; });
  const auto& tightest = radii.front();
  const double p1 = radii[radii.size() / 100].first;
  // Before: the tightest 4.1 mm, along the medial border at 44-57% of the
  // way down, and 1% of the edges under 6.8 mm. Now 6.9 and 11.5 mm.
  EXPECT_GE(tightest.first * 1000.0, 5.0) << "a crease at (" << tightest.second.x << ", " << tightest.second.y << ", "
                                          << tightest.second.z << ")";
  EXPECT_GE(p1 * 1000.0, 9.0) << "1% of the medial calf bends more sharply than this";
}

// Where a ray in a horizontal cut (u lateral, v anterior: make_section_plane)
// from `centre` (x, z) at angle `degrees` from the anterior direction
// (negative: medially) leaves the cut, in metres from the centre (every loop
// closed, as an open one is closed implicitly).
std::optional<double> ray_out(const MeshSection& cut, glm::vec2 centre, double degrees) {
  const double a = degrees * 3.14159265358979 / 180.0;
  const glm::dvec2 d(std::cos(a), std::sin(a));
  std::optional<double> best;
  for (const auto& loop : cut.loops)
    for (std::size_t i = 0; i < loop.points.size(); ++i) {
      const glm::dvec2 &p = loop.points[i], &q = loop.points[(i + 1) % loop.points.size()];
      const glm::dvec2 from(p.y, p.x), edge = glm::dvec2(q.y, q.x) - from, w = from - glm::dvec2(centre);
      const double den = d.x * edge.y - d.y * edge.x;
      if (std::abs(den) < 1e-15) continue;
      const double along = (w.x * edge.y - w.y * edge.x) / den, s = (w.x * d.y - w.y * d.x) / den;
      if (along > 0.0 && s >= 0.0 && s <= 1.0 && (!best || along > *best)) best = along;
    }
  return best;
}

TEST_F(MedialCalf, SkinHasNoShelfAcrossTheLegBelowTheKnee) {
  // Down the leg from y = 0.40 (14% of the way down) to 0.15 (77%), every
  // 2.5 mm, along rays from the middle of the leg through the shin's face,
  // its medial border and the calf behind it: how fast the skin comes in or
  // goes out over 5 mm of height, and how much that slope changes from one
  // step to the next. Before: 0.38 at the top of the panel behind the
  // border; now 0.25. (The steepest slope, 0.90 before and 0.85 now, is the
  // leg's own narrowing below the knee and is not held here.)
  const SceneStructure* skin = scene_->find("skin");
  ASSERT_NE(skin, nullptr);
  const glm::vec2 centre(-0.075f, 0.078f);
  constexpr float kStep = 0.0025f;
  double sharpest = 0.0;
  float sharpest_y = 0.0f;
  double sharpest_angle = 0.0;
  std::vector<MeshSection> cuts; // each level cut once, for every ray
  for (int i = 0; i <= 100; ++i)
    cuts.push_back(slice_mesh(skin->mesh, make_section_plane(glm::dvec3(0.0, 0.400 - kStep * i, 0.0), 0.0)));
  for (double angle = -20.0; angle >= -105.0; angle -= 5.0) {
    std::vector<std::optional<double>> r;
    for (const MeshSection& cut : cuts) r.push_back(ray_out(cut, centre, angle));
    double previous = 0.0;
    bool have_previous = false;
    for (std::size_t i = 0; i + 2 < r.size(); ++i) {
      if (!r[i] || !r[i + 2]) {
        have_previous = false;
        continue;
      }
      const double slope = (*r[i] - *r[i + 2]) / (2.0 * kStep);
      if (have_previous && std::abs(slope - previous) > sharpest) {
        sharpest = std::abs(slope - previous);
        sharpest_y = 0.400f - kStep * float(i + 1); // the middle of the 5 mm window
        sharpest_angle = angle;
      }
      previous = slope;
      have_previous = true;
    }
  }
  std::printf("sharpest change of slope %.2f at y = %.4f, %.0f degrees\n", sharpest, sharpest_y, sharpest_angle);
  EXPECT_LE(sharpest, 0.32) << "a shelf at y = " << sharpest_y << ", " << sharpest_angle << " degrees from the front";
}

// Whether p lies inside the section's loops (even-odd rule: a loop inside
// another is a hole).
bool inside(const MeshSection& section, const glm::dvec2& p) {
  bool in = false;
  for (const auto& loop : section.loops) {
    const auto& q = loop.points;
    for (std::size_t i = 0, j = q.size() - 1; i < q.size(); j = i++)
      if ((q[i].y > p.y) != (q[j].y > p.y) && p.x < q[j].x + (p.y - q[j].y) * (q[i].x - q[j].x) / (q[i].y - q[j].y)) in = !in;
  }
  return in;
}

using Skin = BundledSceneTest;

TEST_F(Skin, EveryStructureLiesInsideItWithRoomToSpare) {
  // Every 1% of the way from above the knee to the ankle, each structure's
  // cut lies inside the skin's and at least 0.3 mm from it (issue 11:
  // surfaces that are not attached keep 0.3 mm apart, so nothing flickers or
  // ties in picking). A structure that the skin does not wrap can come up to
  // it unseen: the plantaris tendon and the sural nerve, left out of the
  // skin's wraps in a trial, touched it at 49-60% (0.01-0.08 mm) while every
  // other test passed.
  const SceneStructure* skin = scene_->find("skin");
  ASSERT_NE(skin, nullptr);
  for (int pc = -15; pc <= 100; ++pc) {
    const SectionPlane plane = section_plane_for(std::to_string(pc) + "%", 0.0, *scene_);
    const MeshSection outline = slice_mesh(skin->mesh, plane);
    ASSERT_FALSE(outline.empty()) << pc << "%";
    for (const SceneStructure& s : scene_->structures) {
      if (&s == skin) continue;
      const MeshSection cut = slice_mesh(s.mesh, plane);
      if (cut.empty()) continue;
      EXPECT_GE(closest_approach(cut, outline) * 1000.0, 0.3) << s.id << " at " << pc << "%";
      std::size_t outside = 0;
      for (const auto& loop : cut.loops)
        for (const auto& p : loop.points) outside += inside(outline, p) ? 0 : 1;
      EXPECT_EQ(outside, 0u) << s.id << " at " << pc << "%: points of its cut outside the skin's";
    }
  }
}

// The largest loop of a cut (the leg's, where the foot is not cut too).
const ContourLoop& largest_loop(const MeshSection& cut) {
  return *std::max_element(cut.loops.begin(), cut.loops.end(), [](const auto& a, const auto& b) {
    return std::abs(signed_area(a.points)) < std::abs(signed_area(b.points));
  });
}

// How far a point lies inside a convex loop (counter-clockwise), in metres.
double depth_in_hull(const std::vector<glm::dvec2>& hull, const glm::dvec2& p) {
  double best = 1e9;
  for (std::size_t i = 0; i < hull.size(); ++i) {
    const glm::dvec2 a = hull[i], e = hull[(i + 1) % hull.size()] - a;
    best = std::min(best, std::abs((p.x - a.x) * e.y - (p.y - a.y) * e.x) / glm::length(e));
  }
  return best;
}

TEST_F(Skin, BackOfTheCalfHasNoGrooves) {
  // Seen from behind with the skin alone, the atlas of 3 December 2026
  // showed two beaded seams down the lower calf and a dark gash between
  // them: the skin wrapped the plantaris tendon and the calcaneal tendon on
  // the back of the soleus each on its own, with a groove 1 to 2 mm deep
  // between them (2.1 mm at 50%) that the 4 mm grid drew as a row of pits.
  // Subcutaneous fat fills between them in a real calf. From 46 to 64% of
  // the way down, the back 12 mm of the skin's cut stays within 1.4 mm of
  // its convex hull (the medial and lateral sides may curve in).
  const SceneStructure* skin = scene_->find("skin");
  ASSERT_NE(skin, nullptr);
  double deepest = 0.0;
  int deepest_at = 0;
  for (int pc = 46; pc <= 64; ++pc) {
    const MeshSection cut = slice_mesh(skin->mesh, section_plane_for(std::to_string(pc) + "%", 0.0, *scene_));
    ASSERT_FALSE(cut.empty()) << pc << "%";
    const auto& loop = largest_loop(cut);
    const std::vector<glm::dvec2> hull = convex_hull(loop.points);
    ASSERT_GE(hull.size(), 3u);
    double back = 1e9; // v is anterior: the back is the least v
    for (const auto& p : loop.points) back = std::min(back, p.y);
    for (const auto& p : loop.points)
      if (p.y < back + 0.012 && depth_in_hull(hull, p) > deepest) {
        deepest = depth_in_hull(hull, p);
        deepest_at = pc;
      }
  }
  std::printf("deepest groove at the back of the calf %.2f mm at %d%%\n", deepest * 1000.0, deepest_at);
  EXPECT_LE(deepest * 1000.0, 1.4) << "a groove at " << deepest_at << "%";
}

TEST_F(Skin, HeelIsOneRoundedPad) {
  // Seen from behind or from the side with the skin alone, the atlas of
  // 3 December 2026 showed the heel as a narrow pad (45 to 49 mm across its
  // back 3 cm) hanging below the calcaneal tendon, with a notch on each side
  // between it and the rest of the foot: below the ankle the skin wrapped
  // the calcaneus and the tendons on their own. Fat fills the heel's sides
  // in a real foot (the heel pad: Campanelli et al., J Anat 2011), so its
  // back reads as one rounded pad. From 10 to 42 mm above the sole's level
  // (model y), the back 45 mm of the foot's cut stays within 1 mm of the
  // convex hull of the whole cut (before: 1.3 to 28 mm).
  const SceneStructure* skin = scene_->find("skin");
  ASSERT_NE(skin, nullptr);
  double deepest = 0.0;
  int deepest_at = 0;
  for (int mm = 10; mm <= 42; mm += 4) {
    const MeshSection cut = slice_mesh(skin->mesh, section_plane_for(std::to_string(mm / 1000.0), 0.0, *scene_));
    ASSERT_FALSE(cut.empty()) << mm << " mm";
    std::vector<glm::dvec2> all;
    for (const auto& loop : cut.loops) all.insert(all.end(), loop.points.begin(), loop.points.end());
    const std::vector<glm::dvec2> hull = convex_hull(all);
    ASSERT_GE(hull.size(), 3u);
    double back = 1e9; // v is anterior: the back is the least v
    for (const auto& p : all) back = std::min(back, p.y);
    for (const auto& p : all)
      if (p.y < back + 0.045 && depth_in_hull(hull, p) > deepest) {
        deepest = depth_in_hull(hull, p);
        deepest_at = mm;
      }
  }
  std::printf("deepest notch beside the heel %.2f mm at y = %d mm\n", deepest * 1000.0, deepest_at);
  EXPECT_LE(deepest * 1000.0, 1.0) << "a notch at y = " << deepest_at << " mm";
}

TEST_F(Skin, ThighCutHasARoundedRim) {
  // The skin ends at the thigh's cut. With a hard edge there, which the
  // 4 mm grid cannot place, the atlas of 3 December 2026 showed the rim as
  // a saw-tooth in every view (docs/ATLAS-MEASUREMENTS.md, "The rim at the
  // thigh's cut"). Rounded, its cut just under the top follows a smooth
  // line: 2 mm below the skin's highest point the outline is at most 2.5%
  // longer than a tape measure round it (the teeth made it 4.9% longer).
  const SceneStructure* skin = scene_->find("skin");
  ASSERT_NE(skin, nullptr);
  float top = -1e9f;
  for (const glm::vec3& p : skin->mesh.positions) top = std::max(top, p.y);
  char height[32];
  std::snprintf(height, sizeof height, "%.5f", double(top) - 0.002);
  const SectionMeasure m = measure_section(slice_mesh(skin->mesh, section_plane_for(height, 0.0, *scene_)));
  ASSERT_GT(m.hull_perimeter_m, 0.0);
  std::printf("rim: outline %.2f cm, tape %.2f cm, ratio %.3f\n", m.perimeter_m * 100.0, m.hull_perimeter_m * 100.0,
              m.perimeter_m / m.hull_perimeter_m);
  EXPECT_EQ(m.pieces, 1u);
  EXPECT_LE(m.perimeter_m / m.hull_perimeter_m, 1.025);
}

// The back-most point of the skin's cut at the lateral offset u (model z):
// where its loops cross u, the least v (model x; v is anterior).
std::optional<double> back_at(const MeshSection& cut, double u) {
  std::optional<double> back;
  for (const auto& loop : cut.loops)
    for (std::size_t i = 0, j = loop.points.size() - 1; i < loop.points.size(); j = i++) {
      const glm::dvec2 a = loop.points[j], b = loop.points[i];
      if ((a.x < u) == (b.x < u)) continue;
      const double v = a.y + (u - a.x) / (b.x - a.x) * (b.y - a.y);
      back = back ? std::min(*back, v) : v;
    }
  return back;
}

// The largest departure of a profile (rows: heights half a millimetre
// apart; columns: lines down the skin) from its own average over a
// centimetre of height (kDepartureRows rows): a knob, a pit or a band.
constexpr std::size_t kDepartureRows = 21;
struct Departure {
  double size = 0.0;
  std::size_t row = 0, line = 0;
};
Departure largest_departure(const std::vector<std::vector<double>>& profile) {
  constexpr std::size_t kHalf = kDepartureRows / 2;
  Departure worst;
  for (std::size_t line = 0; !profile.empty() && line < profile.front().size(); ++line)
    for (std::size_t i = kHalf; i + kHalf < profile.size(); ++i) {
      double mean = 0.0;
      for (std::size_t k = i - kHalf; k <= i + kHalf; ++k) mean += profile[k][line];
      mean /= double(2 * kHalf + 1);
      if (std::abs(profile[i][line] - mean) > worst.size) worst = {std::abs(profile[i][line] - mean), i, line};
    }
  return worst;
}

TEST_F(Skin, NoSeamBesideTheCalcanealTendon) {
  // Seen from behind with the skin alone, the atlas of 3 December 2026
  // showed a beaded seam down the back of the leg lateral to the calcaneal
  // tendon, from about 50 to 75% of the way down. The tendon's distance,
  // measured to first order round its flat section, came out at a third of
  // the true one 1 cm beside it, and changed from one segment of its sweep
  // to the next: the skin's wrap of the tendon stood out in a row of knobs
  // (docs/ATLAS-MEASUREMENTS.md, "The seam beside the calcaneal tendon").
  // Down lines 9 to 11 cm lateral of the midline of the model (the tendon
  // lies at about 7.7 cm, 1.2 to 1.4 cm either side), the back of the
  // skin's cut, every half millimetre of height, stays within 0.35 mm of
  // its own average over a centimetre of height (the seam's knobs: 0.48).
  const SceneStructure* skin = scene_->find("skin");
  ASSERT_NE(skin, nullptr);
  const double top = section_plane_for("46%", 0.0, *scene_).point.y;
  const double bottom = section_plane_for("80%", 0.0, *scene_).point.y;
  std::vector<std::vector<double>> profile; // [height][line]
  std::vector<double> heights;
  for (double y = bottom; y <= top; y += 0.0005) {
    char h[32];
    std::snprintf(h, sizeof h, "%.5f", y);
    const SectionPlane plane = section_plane_for(h, 0.0, *scene_);
    const MeshSection cut = slice_mesh(skin->mesh, plane);
    std::vector<double> row;
    for (double z = 0.090; z <= 0.1121; z += 0.002) {
      const std::optional<double> v = back_at(cut, plane.to_plane({0.0, y, z}).x);
      ASSERT_TRUE(v.has_value()) << "y " << y << ", z " << z;
      row.push_back(*v);
    }
    profile.push_back(std::move(row));
    heights.push_back(y);
  }
  ASSERT_GT(profile.size(), kDepartureRows);
  const Departure d = largest_departure(profile);
  const double worst = d.size, worst_y = heights[d.row];
  std::printf("largest knob or pit beside the calcaneal tendon %.2f mm at y = %.3f\n", worst * 1000.0, worst_y);
  EXPECT_LE(worst * 1000.0, 0.35) << "at y = " << worst_y;
}

TEST_F(Skin, NoRodOrBandDownTheLateralSide) {
  // Seen from the side with the skin alone, the atlas of 3 December 2026
  // showed a rod down the lateral face of the leg from about 54% of the way
  // down, under a horizontal band. The tendon of fibularis longus leaves its
  // belly there and runs on outside the designed outline, which the belly is
  // clipped to: the skin wrapped the tendon on its own, and the outline was
  // made convex only from 56% down, blended in over 4 cm
  // (docs/ATLAS-MEASUREMENTS.md, "The lateral side of the leg"). Subcutaneous
  // fat fills beside the tendon in a real leg.
  // From 46 to 70%, on the lateral side, round a point between the tibia and
  // the fibula: from 70 to 140 degrees from the front the skin's cut stays
  // within 0.5 mm of its convex hull (the rod's flanks: 3.4 mm; in front of
  // 70 degrees lies the shallow groove between tibialis anterior and
  // extensor digitorum longus, 0.8 mm); down rays 60 to 140 degrees from the
  // front, every 4 degrees and every half millimetre of height, the skin
  // stays within 0.35 mm of its own average over a centimetre of height (the
  // band: 0.53 mm).
  const SceneStructure* skin = scene_->find("skin");
  ASSERT_NE(skin, nullptr);
  const double top = section_plane_for("46%", 0.0, *scene_).point.y;
  const double bottom = section_plane_for("70%", 0.0, *scene_).point.y;
  const glm::vec2 centre(-0.045f, 0.085f);
  std::vector<std::vector<double>> rays; // [height][angle]
  std::vector<double> heights;
  double deepest = 0.0, deepest_y = 0.0;
  glm::dvec2 deepest_at(0.0);
  for (double y = bottom; y <= top; y += 0.0005) {
    const MeshSection cut = slice_mesh(skin->mesh, make_section_plane(glm::dvec3(0.0, y, 0.0), 0.0));
    ASSERT_FALSE(cut.empty()) << "y " << y;
    const auto& loop = largest_loop(cut);
    const std::vector<glm::dvec2> hull = convex_hull(loop.points);
    ASSERT_GE(hull.size(), 3u);
    for (const auto& p : loop.points) { // u lateral (model z), v anterior (model x)
      const double angle = std::atan2(p.x - centre.y, p.y - centre.x) * 180.0 / 3.14159265358979;
      if (angle >= 70.0 && angle <= 140.0 && depth_in_hull(hull, p) > deepest) {
        deepest = depth_in_hull(hull, p);
        deepest_y = y;
        deepest_at = p;
      }
    }
    std::vector<double> row;
    for (double angle = 60.0; angle <= 140.0; angle += 4.0) {
      const std::optional<double> r = ray_out(cut, centre, angle);
      ASSERT_TRUE(r.has_value()) << "y " << y << ", " << angle << " degrees";
      row.push_back(*r);
    }
    rays.push_back(std::move(row));
    heights.push_back(y);
  }
  ASSERT_GT(rays.size(), kDepartureRows);
  const Departure d = largest_departure(rays);
  const double worst = d.size, worst_y = heights[d.row], worst_angle = 60.0 + 4.0 * double(d.line);
  std::printf("lateral side: deepest hollow beside a ridge %.2f mm at (%.4f, %.4f, %.4f); largest ripple %.2f mm at y = "
              "%.4f, %.0f degrees\n",
              deepest * 1000.0, deepest_at.y, deepest_y, deepest_at.x, worst * 1000.0, worst_y, worst_angle);
  EXPECT_LE(deepest * 1000.0, 0.5) << "a ridge at y = " << deepest_y << ", z = " << deepest_at.x;
  EXPECT_LE(worst * 1000.0, 0.35) << "a band at y = " << worst_y << ", " << worst_angle << " degrees from the front";
}

TEST_F(Skin, NoLineRoundTheCalfWhereTheBelliesComeBackUnderTheSkin) {
  // Seen from the medial side with the skin alone, the atlas of 5 December
  // 2026 showed a thin horizontal line across the calf at about 57% of the
  // way down. Above 57% the skin wraps each muscle's tendons alone, below it
  // the whole muscle (build_skin); the belly came back within a few
  // millimetres of height, the skin's blend over it swelling by half a
  // millimetre, so the skin bent there along a line
  // (docs/ATLAS-MEASUREMENTS.md, "The line round the calf at 57%").
  // From 48 to 64%, down rays from the middle of the calf 34 to 130 degrees
  // medial of the front, every 4 degrees and every half millimetre of
  // height, the skin bends by at most 0.36 mm over 3 mm either side (its
  // second difference; the line: 0.47 mm at 110 degrees).
  const SceneStructure* skin = scene_->find("skin");
  ASSERT_NE(skin, nullptr);
  const double top = section_plane_for("48%", 0.0, *scene_).point.y;
  const double bottom = section_plane_for("64%", 0.0, *scene_).point.y;
  const glm::vec2 centre(-0.0756f, 0.0881f); // (x, z), the middle of the skin's cut at 56%
  constexpr std::size_t kReach = 6;          // rows: 3 mm
  std::vector<std::vector<double>> rays;     // [height][angle]
  std::vector<double> heights;
  for (double y = bottom; y <= top; y += 0.0005) {
    const MeshSection cut = slice_mesh(skin->mesh, make_section_plane(glm::dvec3(0.0, y, 0.0), 0.0));
    std::vector<double> row;
    for (double angle = -130.0; angle <= -33.0; angle += 4.0) {
      const std::optional<double> r = ray_out(cut, centre, angle);
      ASSERT_TRUE(r.has_value()) << "y " << y << ", " << angle << " degrees";
      row.push_back(*r);
    }
    rays.push_back(std::move(row));
    heights.push_back(y);
  }
  ASSERT_GT(rays.size(), 2 * kReach);
  double worst = 0.0, worst_y = 0.0, worst_angle = 0.0;
  for (std::size_t i = kReach; i + kReach < rays.size(); ++i)
    for (std::size_t j = 0; j < rays[i].size(); ++j) {
      const double bend = std::abs(rays[i + kReach][j] - 2.0 * rays[i][j] + rays[i - kReach][j]);
      if (bend > worst) {
        worst = bend;
        worst_y = heights[i];
        worst_angle = -130.0 + 4.0 * double(j);
      }
    }
  std::printf("medial calf: sharpest bend down the skin %.2f mm at y = %.4f, %.0f degrees\n", worst * 1000.0, worst_y,
              worst_angle);
  EXPECT_LE(worst * 1000.0, 0.36) << "a line at y = " << worst_y << ", " << worst_angle << " degrees from the front";
}

// Every 1% from `from` to `to` of the way down, the structure `id` is cut
// and lies at least `min_mm` under the skin (in the plane of the cut).
void expect_under_the_skin(const Scene& scene, const std::string& id, int from, int to, double min_mm) {
  const SceneStructure* skin = scene.find("skin");
  const SceneStructure* s = scene.find(id);
  ASSERT_NE(skin, nullptr);
  ASSERT_NE(s, nullptr) << id;
  for (int pc = from; pc <= to; ++pc) {
    const SectionPlane plane = section_plane_for(std::to_string(pc) + "%", 0.0, scene);
    const MeshSection cut = slice_mesh(s->mesh, plane);
    ASSERT_FALSE(cut.empty()) << id << " at " << pc << "%";
    EXPECT_GE(closest_approach(cut, slice_mesh(skin->mesh, plane)) * 1000.0, min_mm) << id << " at " << pc << "%";
  }
}

TEST_F(Skin, NoRidgeOverTheSuperficialFibularNerve) {
  // The superficial fibular nerve runs deep in the lateral compartment,
  // between the fibulares and extensor digitorum longus, and pierces the
  // deep fascia two thirds of the way down (Gray's Anatomy 42nd ed.;
  // Moore ch. 5). The atlas of 3 December 2026 drew it on the lateral face of
  // fibularis longus from 38 to 65%, outside the fascia, 3.0 to 3.8 mm
  // under the skin. The skin wrapped it in a ridge down the side of the
  // leg. Its keys then moved in between the muscles, but from 56% the
  // routing, finding no room between them, took it out through the fascia
  // 10 cm early (3.5 to 4.7 mm under the skin at 56-66%). Held under the
  // fascia down to where it pierces it, it lies at least 5 mm under the skin
  // (the skin lies 3 mm outside the fascia) from 38 to 66%.
  expect_under_the_skin(*scene_, "superficial_fibular_nerve", 38, 66, 5.0);
}

TEST_F(Skin, FibularisLongusTendonLiesUnderTheFascia) {
  // The fibularis longus tendon runs down the lateral compartment, which the
  // crural fascia and the intermuscular septa close (Moore ch. 5). The atlas
  // of 5 December 2026 ran it just outside the fascia from 60 to 88%, 1.8 to
  // 3.3 mm under the skin; the skin, made convex over it, turned round it in
  // a corner of about 6 mm radius, a line down the side of the leg seen from
  // the side. Held inside, it lies under the fascia and the 3 mm over it.
  expect_under_the_skin(*scene_, "fibularis_longus", 70, 88, 4.5);
  // And the line itself: how sharply the skin bends over the back of the
  // lateral side from 72 to 88% (skin_bends.hpp). Before: 8.2 mm at the
  // tightest, 1% of the edges under 9.8 mm; now 20.7 and 26.3 mm.
  std::vector<double> radii;
  for (const EdgeBend& b : edge_bends(scene_->find("skin")->mesh))
    if (b.mid.y > 0.100f && b.mid.y < 0.195f && b.mid.z > 0.110f && b.mid.x > -0.095f && b.mid.x < -0.062f)
      radii.push_back(b.radius);
  ASSERT_GT(radii.size(), 200u);
  std::sort(radii.begin(), radii.end());
  EXPECT_GE(radii.front() * 1000.0, 15.0) << "a line down the lateral side";
  EXPECT_GE(radii[radii.size() / 100] * 1000.0, 18.0) << "1% of the lateral side bends more sharply than this";
}

TEST_F(Skin, NoKnotOverTheFibularNeck) {
  // The common fibular nerve winds round the neck of the fibula deep to
  // fibularis longus, against the bone (Gray's Anatomy 42nd ed.; Moore
  // ch. 5). In the atlas of 3 December 2026 the muscle filled the nerve's
  // course, the router took the nerve out onto the muscle's lateral face,
  // outside the fascia, 3.7 mm under the skin at 20-22%, and the skin
  // wrapped it in a knot on the side of the leg below the knee. With its
  // channel kept clear of fibularis longus (muscle_recipes.hpp), it lies at
  // least 6 mm under the skin from 17 to 24% of the way down.
  expect_under_the_skin(*scene_, "common_fibular_nerve", 17, 24, 6.0);
}

TEST_F(Skin, NoRodsDownTheBackOfTheLowerLeg) {
  // Seen from the medial side or from behind with the skin alone, the atlas
  // of 3 December 2026 showed two rods down the back of the lower leg,
  // medial to the calcaneal tendon: the skin wrapped the plantaris tendon
  // from 52% of the way down (1.3 to 3.5 mm under it) and the tibial nerve
  // from 66% (2.1 to 4.3 mm). The tendon was lifted clear of the soleus,
  // which fills its compartment up to the deep fascia, and the router took
  // the nerve to the nearest room, at the fascia's edge. Both run under the
  // deep fascia (Gray's Anatomy 42nd ed., ch. 84: the plantaris tendon
  // between the gastrocnemius and the soleus, then along the medial border
  // of the calcaneal tendon; the tibial nerve between the soleus and the
  // deep flexors, covered in the lower third by the fascia and the skin).
  // Held inside the fascia, the tendon lies at least 4 mm under the skin
  // from 52 to 84%, and the nerve at least 5 mm from 60 to 84%. Where the
  // hold used to end (faded out from 83 to 89%), the skin wrapped the tendon
  // again (1.5 to 1.8 mm under it from 88% down to the heel): a cord medial
  // to the calcaneal tendon and a knob where it came out. Held on towards its
  // insertion, beside the calcaneal tendon in the same compartment (fully to
  // 95%, fading out 13 mm above the insertion), it keeps 4 mm to 98%.
  expect_under_the_skin(*scene_, "plantaris", 52, 98, 4.0);
  expect_under_the_skin(*scene_, "tibial_nerve", 60, 84, 5.0);
}

} // namespace
} // namespace crus::test
