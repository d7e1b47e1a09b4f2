// The knee of the generated atlas, measured: femoral condyles parted by the
// intercondylar notch and joined in front by the grooved patellar surface;
// a tibial plateau of two condyles (the medial a concave dish) with the
// intercondylar eminence between; one clean cut of the thigh. (The patellar
// ligament is measured on the bundled atlas: tests/app/knee_atlas_test.cpp.)
// Model frame: X anterior, Y up, Z lateral (right leg); in a horizontal
// section through the origin's axis, u = Z and v = X.
#include "atlas_fixture.hpp"
#include "core/geometry/cross_section.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <tuple>
#include <vector>

namespace crus::test {
namespace {

MeshSection horizontal(const Mesh& m, double y) { return slice_mesh(m, make_section_plane(glm::dvec3(0.0, y, 0.0), 0.0)); }

// Most anterior point (largest v) of the section between u0 and u1; -1 when none.
double front_between(const MeshSection& s, double u0, double u1) {
  double best = -1.0;
  for (const auto& l : s.loops)
    for (std::size_t i = 0; i < l.points.size(); ++i) {
      const glm::dvec2 a = l.points[i], b = l.points[(i + 1) % l.points.size()];
      for (int k = 0; k <= 8; ++k) {
        const glm::dvec2 p = glm::mix(a, b, k / 8.0);
        if (p.x >= u0 && p.x <= u1) best = std::max(best, p.y + 1.0);
      }
    }
  return best < 0.0 ? -1.0 : best - 1.0;
}

// Height of the mesh's upper surface above (x, z): the highest crossing of a vertical ray.
double top_at(const Mesh& m, double x, double z) {
  double best = -1.0;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    const glm::dvec3 a(m.positions[m.indices[t]]), b(m.positions[m.indices[t + 1]]), c(m.positions[m.indices[t + 2]]);
    const double d = (b.x - a.x) * (c.z - a.z) - (c.x - a.x) * (b.z - a.z);
    if (std::abs(d) < 1e-14) continue;
    const double l1 = ((x - a.x) * (c.z - a.z) - (c.x - a.x) * (z - a.z)) / d;
    const double l2 = ((b.x - a.x) * (z - a.z) - (x - a.x) * (b.z - a.z)) / d;
    if (l1 < 0 || l2 < 0 || l1 + l2 > 1) continue;
    best = std::max(best, a.y + l1 * (b.y - a.y) + l2 * (c.y - a.y));
  }
  return best;
}

TEST(AtlasKnee, FemoralCondylesArePartedByTheIntercondylarNotch) {
  const Mesh& femur = atlas_mesh("femur");
  // Low through the condyles the section is two islands, one per condyle.
  const SectionMeasure low = measure_section(horizontal(femur, 0.440));
  std::printf("femur at y 0.440: %zu piece(s)\n", low.pieces);
  EXPECT_EQ(low.pieces, 2u) << "the condyles are not separate low down";
  // Behind, the notch parts them over about 2 cm of height: walking across
  // at the back of the condyles finds bone, a gap of 14 to 28 mm, bone.
  for (double y : {0.440, 0.447, 0.452}) {
    std::vector<std::pair<double, bool>> run;
    for (double z = 0.030; z <= 0.125; z += 0.0005) run.emplace_back(z, inside_mesh(femur, {-0.072f, float(y), float(z)}));
    double gap_start = -1.0, gap = 0.0;
    bool seen_bone = false;
    for (std::size_t i = 1; i < run.size(); ++i) {
      if (run[i].second) seen_bone = true;
      if (seen_bone && run[i - 1].second && !run[i].second) gap_start = run[i].first;
      if (gap_start > 0.0 && !run[i - 1].second && run[i].second) {
        gap = std::max(gap, run[i].first - gap_start);
        gap_start = -1.0;
      }
    }
    std::printf("notch at y %.3f, 8 mm in front of the back of the condyles: %.1f mm wide\n", y, gap * 1000.0);
    EXPECT_GE(gap, 0.014) << y;
    EXPECT_LE(gap, 0.028) << y;
  }
}

TEST(AtlasKnee, PatellarSurfaceHasATrochlearGrooveAndAProminentLateralFacet) {
  const Mesh& femur = atlas_mesh("femur");
  for (double y : {0.456, 0.462, 0.468}) {
    const MeshSection s = horizontal(femur, y);
    const double medial = front_between(s, 0.055, 0.068), lateral = front_between(s, 0.086, 0.100);
    // The floor of the groove: the most posterior of the front points across it.
    double groove = 1.0;
    for (double z = 0.070; z <= 0.084; z += 0.0005)
      if (const double f = front_between(s, z - 0.00075, z + 0.00075); f > -1.0) groove = std::min(groove, f);
    std::printf("y %.3f: medial facet %.1f, groove %.1f, lateral facet %.1f mm (x)\n", y, medial * 1000, groove * 1000,
                lateral * 1000);
    ASSERT_LT(groove, 1.0) << y;
    // Concave from side to side: the groove lies at least 3 mm behind both facets.
    EXPECT_GE(std::min(medial, lateral) - groove, 0.003) << "no trochlear groove at y " << y;
    EXPECT_GT(lateral, medial) << "the lateral facet stands further forward at y " << y;
  }
}

TEST(AtlasKnee, TibialPlateauHasTwoCondylesAndAnEminence) {
  const Mesh& tibia = atlas_mesh("tibia");
  // Highest point of the bone: on the eminence, between the condyles.
  glm::vec3 top(0.0f, -1.0f, 0.0f);
  for (const auto& p : tibia.positions)
    if (p.y > top.y) top = p;
  const double medial = top_at(tibia, -0.060, 0.0620), lateral = top_at(tibia, -0.060, 0.0990);
  std::printf("tibia: top %.1f mm at z %.1f; medial plateau %.1f, lateral %.1f mm\n", top.y * 1000, top.z * 1000, medial * 1000,
              lateral * 1000);
  EXPECT_GT(top.z, 0.068f);
  EXPECT_LT(top.z, 0.086f);
  EXPECT_GE(top.y - std::max(medial, lateral), 0.005) << "the eminence stands at least 5 mm above the condyles";
  // Two tubercles: across the eminence the height rises twice with a dip between.
  double best_m = 0.0, best_l = 0.0, dip = 1.0;
  for (double z = 0.068; z <= 0.0845; z += 0.0005) {
    double h = 0.0;
    for (double x = -0.068; x <= -0.050; x += 0.001) h = std::max(h, top_at(tibia, x, z));
    if (z < 0.0755) best_m = std::max(best_m, h);
    else if (z > 0.0775) best_l = std::max(best_l, h);
    else dip = std::min(dip, h);
  }
  std::printf("tubercles: medial %.1f, lateral %.1f, between %.1f mm\n", best_m * 1000, best_l * 1000, dip * 1000);
  EXPECT_GE(std::min(best_m, best_l) - dip, 0.001) << "no separate medial and lateral intercondylar tubercles";
  // Medial condyle concave (lower in its middle than at its front and back),
  // lateral flat: within 1 mm of its front and back.
  const double m_front = top_at(tibia, -0.046, 0.0620), m_back = top_at(tibia, -0.074, 0.0620);
  const double l_front = top_at(tibia, -0.048, 0.0990), l_back = top_at(tibia, -0.072, 0.0990);
  std::printf("medial: front %.1f middle %.1f back %.1f; lateral: front %.1f middle %.1f back %.1f mm\n", m_front * 1000,
              medial * 1000, m_back * 1000, l_front * 1000, lateral * 1000, l_back * 1000);
  EXPECT_GE(0.5 * (m_front + m_back) - medial, 0.0012) << "the medial condyle is not concave";
  EXPECT_LE(std::abs(0.5 * (l_front + l_back) - lateral), 0.0010) << "the lateral condyle is not flat";
}

TEST(AtlasKnee, EachFemoralCondyleStandsOverItsTibialCondyle) {
  // Seen from the front, the bottom of each femoral condyle lies over
  // the middle of its tibial condyle's articular surface: the medial over
  // the deepest point of the medial dish, the lateral over the middle of the
  // flat lateral surface (where it lies within 0.5 mm of its height); within
  // 4 mm side to side.
  const Mesh &femur = atlas_mesh("femur"), &tibia = atlas_mesh("tibia");
  for (const bool medial : {true, false}) {
    // Each side of the intercondylar notch and eminence (z 0.0757).
    auto on_side = [&](const glm::vec3& p) { return medial ? p.z < 0.0700f : p.z > 0.0815f; };
    // The condyle's bottom is nearly flat across: the middle of the part
    // within 1 mm of its lowest point.
    glm::vec3 low(0.0f, 1.0f, 0.0f);
    for (const auto& p : femur.positions)
      if (on_side(p) && p.y < low.y) low = p;
    double bottom_z = 0.0;
    int bottom_n = 0;
    for (const auto& p : femur.positions)
      if (on_side(p) && p.y < low.y + 0.001f) bottom_z += p.z, ++bottom_n;
    low.z = float(bottom_z / bottom_n);
    std::vector<std::pair<double, double>> strip; // z, height of the plateau's highest point in that sagittal strip
    for (double z = medial ? 0.050 : 0.086; z <= (medial ? 0.068 : 0.112); z += 0.001) {
      double h = 0.0;
      for (double x = -0.072; x <= -0.048; x += 0.002) h = std::max(h, top_at(tibia, x, z));
      if (h > 0.0) strip.emplace_back(z, h);
    }
    ASSERT_FALSE(strip.empty());
    double middle = 0.0;
    if (medial) {
      middle = std::min_element(strip.begin(), strip.end(), [](auto a, auto b) { return a.second < b.second; })->first;
    } else {
      double top = 0.0, sum = 0.0;
      int n = 0;
      for (const auto& [z, h] : strip) top = std::max(top, h);
      for (const auto& [z, h] : strip)
        if (h >= top - 0.0005) sum += z, ++n;
      middle = sum / n;
    }
    std::printf("%s: femoral condyle bottom at z %.1f mm, middle of the tibial condyle at z %.1f mm\n",
                medial ? "medial" : "lateral", low.z * 1000.0, middle * 1000.0);
    EXPECT_LE(std::abs(low.z - middle), 0.004) << (medial ? "medial" : "lateral") << " condyles are not aligned";
  }
}

TEST(AtlasKnee, SkinBelowTheKneecapHasNoCreaseOrPit) {
  // Seen from the front, the skin from the kneecap down over the patellar
  // ligament and the tibial tuberosity is one smooth slope. The outline's
  // sweep turns there (down and back from the knee, then straight down) and
  // its sections met in a crease across the shin at 13% of the way down,
  // and the skin over the tibia's metaphysis followed a shelf in the bone
  // into a pit at 21%. Along vertical lines at z 0.066 to 0.102 (the front
  // of the shin either side of the crest), from 4 to 24% of the way down in
  // steps of 1% (4 mm), the skin's most anterior point has a second
  // difference under 1.3 mm (it was 1.9 at the crease and 2.2 at the pit;
  // now 0.9 at most).
  const Mesh& skin = atlas_mesh("skin");
  std::vector<MeshSection> cuts;
  std::vector<SectionPlane> planes;
  for (int k = 0; k <= 20; ++k) {
    planes.push_back(leg_level(0.04 + 0.01 * k));
    cuts.push_back(slice_mesh(skin, planes.back()));
  }
  double worst = 0.0, worst_z = 0.0, worst_f = 0.0;
  for (int iz = 0; iz <= 9; ++iz) {
    const double z = 0.066 + 0.004 * iz;
    std::vector<double> front;
    for (std::size_t k = 0; k < cuts.size(); ++k) {
      // The plane's frame is centred on its point: u = z - point.z.
      const std::optional<double> v = front_at(cuts[k], z - planes[k].point.z);
      ASSERT_TRUE(v.has_value()) << "no skin in front at z " << z << ", " << 4 + k << "% down";
      front.push_back(*v + planes[k].point.x);
    }
    for (std::size_t i = 1; i + 1 < front.size(); ++i) {
      const double d2 = std::abs(front[i - 1] - 2.0 * front[i] + front[i + 1]);
      if (d2 > worst) std::tie(worst, worst_z, worst_f) = std::tuple(d2, z, 0.04 + 0.01 * double(i));
    }
  }
  std::printf("skin below the kneecap: largest second difference of its front %.2f mm (z %.3f, %.0f%% down)\n", worst * 1000.0,
              worst_z, worst_f * 100.0);
  EXPECT_LT(worst, 0.0013);
}

TEST(AtlasKnee, ThighEndsInOneCleanCut) {
  // Nothing reaches above the cut; the skin's top is the highest point.
  float skin_top = 0.0f;
  for (const auto& p : atlas_mesh("skin").positions) skin_top = std::max(skin_top, p.y);
  for (const auto& [id, mesh] : shared_atlas().meshes)
    for (const auto& p : mesh.positions) EXPECT_LE(p.y, skin_top + 1e-4f) << id;
  EXPECT_LE(skin_top, 0.4536f + 0.10f) << "the thigh reaches more than 10 cm above the knee";
  // Every level from the top of the patella to the cut is one closed outline of skin.
  for (double y = 0.496; y < skin_top - 0.001; y += 0.004) {
    const MeshSection s = horizontal(atlas_mesh("skin"), y);
    EXPECT_EQ(measure_section(s).pieces, 1u) << y;
    EXPECT_EQ(s.open_chains, 0u) << y;
  }
}

} // namespace
} // namespace crus::test
