// Bone shapes and mesh integrity of the generated atlas, measured the way
// issue 11 states its targets: every structure one connected piece, a
// triangular tibial shaft, the talus's length, the calcaneal pitch, the second
// metatarsal the longest and narrow joint spaces between articulating bones.
#include "atlas_fixture.hpp"
#include "support/test_support.hpp"
#include "core/geometry/cross_section.hpp"

#include <glm/geometric.hpp>
#include <glm/vector_relational.hpp>
#include <gtest/gtest.h>

#include <string>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <optional>
#include <vector>

namespace crus::test {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Connected pieces of a mesh: triangles joined through shared vertices.
std::size_t pieces(const Mesh& m) {
  std::vector<std::uint32_t> parent(m.positions.size());
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](std::uint32_t a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  };
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    const std::uint32_t a = find(m.indices[t]);
    parent[find(m.indices[t + 1])] = a;
    parent[find(m.indices[t + 2])] = a;
  }
  std::vector<char> used(m.positions.size(), 0);
  for (std::uint32_t i : m.indices) used[i] = 1;
  std::size_t n = 0;
  for (std::size_t v = 0; v < m.positions.size(); ++v) n += (used[v] && find(std::uint32_t(v)) == v) ? 1 : 0;
  return n;
}

// Largest distance between two vertices, optionally only in the horizontal (X-Z) plane.
float diameter(const Mesh& m, bool horizontal) {
  float best = 0.0f;
  for (std::size_t i = 0; i < m.positions.size(); ++i)
    for (std::size_t j = i + 1; j < m.positions.size(); ++j) {
      glm::vec3 d = m.positions[i] - m.positions[j];
      if (horizontal) d.y = 0.0f;
      best = std::max(best, glm::dot(d, d));
    }
  return std::sqrt(best);
}

// Smallest distance from any vertex of a to the surface of b, and back.
// (Vertices farther than 5 mm from the other mesh's box cannot be the closest.)
float gap_between(const Mesh& a, const Mesh& b) {
  auto box = [](const Mesh& m) {
    Aabb r{glm::vec3(1e9f), glm::vec3(-1e9f)};
    for (const auto& p : m.positions) r = {glm::min(r.min, p), glm::max(r.max, p)};
    return Aabb{r.min - glm::vec3(0.005f), r.max + glm::vec3(0.005f)};
  };
  auto near = [](const Aabb& r, const glm::vec3& p) {
    return glm::all(glm::greaterThanEqual(p, r.min)) && glm::all(glm::lessThanEqual(p, r.max));
  };
  const Aabb box_a = box(a), box_b = box(b);
  float best = 1e9f;
  for (const auto& p : a.positions)
    if (near(box_b, p)) best = std::min(best, distance_to_mesh(b, p));
  for (const auto& p : b.positions)
    if (near(box_a, p)) best = std::min(best, distance_to_mesh(a, p));
  return best;
}

TEST(AtlasBoneShape, EveryStructureIsOneConnectedPiece) {
  // Both levels of detail: the light one is simplified on its own and can
  // part a thin tendon the full one keeps whole.
  for (const auto* level : {&shared_atlas().meshes, &shared_atlas().lod1})
    for (const auto& [id, mesh] : *level) {
      // The phalanges of one toe are separate bones in one node.
      if (id.rfind("phalanges_", 0) == 0) continue;
      const std::size_t n = pieces(mesh);
      const char* lod = level == &shared_atlas().lod1 ? "lod1" : "main";
      if (n > 1) std::printf("%-28s %s %zu pieces\n", id.c_str(), lod, n);
      // Every structure is one piece, at both levels (before the second
      // edition the fibula was in 2, extensor digitorum longus in 9; after
      // the first merge extensor digitorum longus was in 3 and fibularis
      // longus, flexor digitorum longus and the skin in 2: each tendon now
      // runs up inside its belly, and the skin keeps no inner cavities).
      EXPECT_EQ(n, 1u) << id << " (" << lod << ") is in " << n << " pieces";
    }
}

TEST(AtlasBoneShape, FibularisLongusTendonRunsBehindAndLateralToTheBrevis) {
  // Continuous from its belly to the sole (it had no tendon from 11 to 18 cm
  // above the sole), and at the ankle behind and lateral to the brevis tendon.
  const Mesh& longus = atlas_mesh("fibularis_longus");
  for (float y = 0.11f; y <= 0.18f; y += 0.01f)
    EXPECT_FALSE(slice_mesh(longus, make_section_plane(glm::dvec3(0.0, y, 0.0), 0.0)).empty())
        << "no fibularis longus at y " << y;
  const SectionPlane ankle = leg_level(1.0);
  const SectionMeasure l = measure_section(slice_mesh(longus, ankle));
  const SectionMeasure b = measure_section(slice_mesh(atlas_mesh("fibularis_brevis"), ankle));
  ASSERT_GT(l.area_m2, 0.0);
  ASSERT_GT(b.area_m2, 0.0);
  // Plane frame: u lateral, v anterior.
  std::printf("at the ankle: longus %.1f mm behind and %.1f mm lateral to the brevis\n", (b.centroid.y - l.centroid.y) * 1000.0,
              (l.centroid.x - b.centroid.x) * 1000.0);
  EXPECT_LT(l.centroid.y, b.centroid.y) << "longus tendon in front of the brevis";
  EXPECT_GT(l.centroid.x, b.centroid.x) << "longus tendon medial to the brevis";
}

TEST(AtlasBoneShape, TibialShaftIsTriangularWithAnAnteriorBorder) {
  const Mesh& tibia = atlas_mesh("tibia");
  for (double f : {0.25, 0.35, 0.45, 0.55, 0.65, 0.75}) {
    const MeshSection cut = slice_mesh(tibia, leg_level(f));
    const SectionMeasure m = measure_section(cut);
    ASSERT_EQ(m.pieces, 1u) << f;
    const double roundness = 4.0 * kPi * m.area_m2 / (m.perimeter_m * m.perimeter_m);
    // The anterior border: the contour's angle at its most anterior point,
    // between the chords to the contour points 6 mm away on either side.
    const auto& loop = cut.loops.front().points;
    std::size_t front = 0;
    for (std::size_t i = 0; i < loop.size(); ++i)
      if (loop[i].y > loop[front].y) front = i;
    auto along = [&](int dir) {
      std::size_t i = front;
      for (std::size_t step = 0; step < loop.size(); ++step) {
        i = (i + loop.size() + std::size_t(dir)) % loop.size();
        if (glm::distance(loop[i], loop[front]) > 0.006) break;
      }
      return glm::normalize(loop[i] - loop[front]);
    };
    const double angle = std::acos(std::clamp(glm::dot(along(1), along(-1)), -1.0, 1.0)) * 180.0 / kPi;
    std::printf("tibia at %2.0f%%: 4piA/P^2 %.3f, angle at the anterior border %.0f deg\n", f * 100, roundness, angle);
    EXPECT_LE(roundness, 0.88) << "tibial shaft at " << f * 100 << "% of the leg is too round";
    EXPECT_LE(angle, 125.0) << "no anterior border (crest) at " << f * 100 << "%";
  }
}

TEST(AtlasBoneShape, ProximalTibiaFlaresIntoTheShaftWithoutAShelf) {
  // Below the condyles the tibia widens smoothly from the shaft (Gray's
  // Anatomy 41st ed.: the shaft's surfaces run up into the condyles and
  // the tuberosity). The metaphysis's flare used to start with a flat end
  // 30 mm across at 21% of the way down, over a shaft narrower than it: a
  // shelf either side of the crest, 5 to 9 mm deep within 4 mm of height,
  // which the skin over it showed as a dark pit below the knee. Along lines
  // 6 to 15 mm medial and 6 to 12 mm lateral of the crest (at 29%; 15 mm
  // lateral runs along the bone's rounded lateral edge), from 13 to 29% of the way
  // down in 1% steps (4 mm), every three consecutive heights where the line
  // meets the bone have a second difference of the anterior surface under
  // 3 mm (it was 4.8 mm at worst; now 2.2).
  // Plane frames are centred on their points (u = z - point.z, v = x -
  // point.x): the lines are kept at fixed model z and fronts compared in x.
  const Mesh& tibia = atlas_mesh("tibia");
  const SectionPlane shaft_plane = leg_level(0.29);
  const MeshSection shaft = slice_mesh(tibia, shaft_plane);
  ASSERT_FALSE(shaft.empty());
  glm::dvec2 crest(0.0, -1e9);
  for (const auto& p : shaft.loops.front().points)
    if (p.y > crest.y) crest = p;
  const double crest_z = crest.x + shaft_plane.point.z;
  std::vector<SectionPlane> planes;
  std::vector<MeshSection> cuts;
  for (int k = 0; k <= 16; ++k) {
    planes.push_back(leg_level(0.13 + 0.01 * k));
    cuts.push_back(slice_mesh(tibia, planes.back()));
  }
  double worst = 0.0;
  int checked = 0;
  for (double offset : {-0.015, -0.012, -0.009, -0.006, 0.006, 0.009, 0.012}) {
    std::vector<std::optional<double>> front;
    for (std::size_t k = 0; k < cuts.size(); ++k) {
      const std::optional<double> v = front_at(cuts[k], crest_z + offset - planes[k].point.z);
      front.push_back(v ? std::optional<double>(*v + planes[k].point.x) : std::nullopt);
    }
    for (std::size_t i = 1; i + 1 < front.size(); ++i) {
      if (!front[i - 1] || !front[i] || !front[i + 1]) continue; // the line has left the bone there
      worst = std::max(worst, std::abs(*front[i - 1] - 2.0 * *front[i] + *front[i + 1]));
      ++checked;
    }
  }
  std::printf("proximal tibia: %d triples, largest second difference of the anterior surface %.1f mm\n", checked, worst * 1000.0);
  EXPECT_GE(checked, 80) << "the lines missed the bone";
  EXPECT_LT(worst, 0.0030);
}

TEST(AtlasBoneShape, TalusIsOfAdultLength) {
  // Talus length, posterior process to head: 54-64 mm in adults.
  const float length = diameter(atlas_mesh("talus"), true);
  std::printf("talus length %.1f mm\n", length * 1000.0f);
  EXPECT_GE(length, 0.054f);
  EXPECT_LE(length, 0.064f);
}

TEST(AtlasBoneShape, CalcanealPitchIsNormal) {
  // The plantar tangent of the calcaneus, from the tuberosity to the anterior
  // plantar surface, against the sole: the longest edge of the lower convex
  // hull of its side view.
  const Mesh& m = atlas_mesh("calcaneus");
  std::vector<glm::dvec2> pts;
  for (const auto& p : m.positions) pts.emplace_back(p.x, p.y);
  std::sort(pts.begin(), pts.end(),
            [](const glm::dvec2& a, const glm::dvec2& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  std::vector<glm::dvec2> lower;
  for (const auto& p : pts) {
    while (lower.size() >= 2) {
      const glm::dvec2 a = lower[lower.size() - 2], b = lower.back();
      if ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) <= 0.0) lower.pop_back();
      else break;
    }
    lower.push_back(p);
  }
  double longest = 0.0, pitch = 0.0;
  for (std::size_t i = 0; i + 1 < lower.size(); ++i) {
    const glm::dvec2 d = lower[i + 1] - lower[i];
    if (glm::length(d) > longest) {
      longest = glm::length(d);
      pitch = std::atan2(d.y, d.x) * 180.0 / kPi;
    }
  }
  std::printf("calcaneal pitch %.1f deg over %.1f mm\n", pitch, longest * 1000.0);
  EXPECT_GE(pitch, 20.0);
  EXPECT_LE(pitch, 30.0);
}

TEST(AtlasBoneShape, SecondMetatarsalIsTheLongest) {
  float lengths[5];
  for (int i = 0; i < 5; ++i) {
    lengths[i] = diameter(atlas_mesh("metatarsal_" + std::to_string(i + 1)), false);
    std::printf("metatarsal %d: %.1f mm\n", i + 1, lengths[i] * 1000.0f);
  }
  for (int i : {0, 2, 3, 4}) EXPECT_GT(lengths[1], lengths[i]) << "metatarsal " << i + 1 << " is as long as the second";
}

TEST(AtlasBoneShape, ArticulatingBonesAreCloseButApart) {
  // Joint spaces (articular cartilage of both sides) of the ankle, tarsus and
  // tarsometatarsal joints: 0.5 to 2.5 mm between the bone surfaces.
  const std::pair<const char*, const char*> joints[] = {{"tibia", "talus"},
                                                        {"fibula", "talus"},
                                                        {"talus", "calcaneus"},
                                                        {"talus", "navicular"},
                                                        {"calcaneus", "cuboid"},
                                                        {"navicular", "medial_cuneiform"},
                                                        {"navicular", "intermediate_cuneiform"},
                                                        {"navicular", "lateral_cuneiform"},
                                                        {"medial_cuneiform", "intermediate_cuneiform"},
                                                        {"intermediate_cuneiform", "lateral_cuneiform"},
                                                        {"lateral_cuneiform", "cuboid"},
                                                        {"medial_cuneiform", "metatarsal_1"},
                                                        {"intermediate_cuneiform", "metatarsal_2"},
                                                        {"lateral_cuneiform", "metatarsal_3"},
                                                        {"cuboid", "metatarsal_4"},
                                                        {"cuboid", "metatarsal_5"},
                                                        {"patella", "femur"}};
  for (const auto& [a, b] : joints) {
    const float gap = gap_between(atlas_mesh(a), atlas_mesh(b));
    std::printf("%-24s %-24s %.2f mm\n", a, b, gap * 1000.0f);
    EXPECT_GE(gap, 0.0005f) << a << " touches " << b;
    EXPECT_LE(gap, 0.0025f) << a << " and " << b << " are too far apart";
  }
}

// Issue 11, judged against the reference tibia (Rajagopal 2016, for
// comparison only): the distal metaphysis widens low, into the plafond and
// the medial malleolus at about 89% of the way down. Ours flared from 82%:
// its section was 1.9 and 2.1 times the reference's at 84 and 86% (a thick
// lower shin that the 85% section showed), because the shaft ended flat at
// 87% over a narrower metaphysis and the blend between them filled out.
TEST(AtlasBoneShape, DistalTibiaFlaresNoHigherThanTheReference) {
  CRUS_REQUIRE_REFERENCE();
  const Mesh reference = load_obj(reference_dir() / "bones" / "r_tibia.obj");
  ASSERT_FALSE(reference.empty());
  for (double f : {0.80, 0.82, 0.84, 0.86, 0.88}) {
    const SectionPlane plane = leg_level(f);
    const double ours = measure_section(slice_mesh(atlas_mesh("tibia"), plane)).area_m2;
    const double theirs = measure_section(slice_mesh(reference, plane)).area_m2;
    ASSERT_GT(theirs, 0.0) << "the reference tibia is not cut at " << f * 100 << "%";
    std::printf("tibia at %.0f%%: %.2f cm2, reference %.2f cm2 (%.2f times)\n", f * 100, ours * 1e4, theirs * 1e4, ours / theirs);
    EXPECT_LE(ours / theirs, 1.65) << "the lower tibia is too thick at " << f * 100 << "% of the way down";
  }
}

// The fibula's lower end lies against the lateral face of the tibia, in
// the rough hollow that the inferior interosseous ligament binds it to
// (Gray's Anatomy 1918, "The Tibia"). On an anteroposterior radiograph of
// a normal ankle the tibiofibular clear space, the gap seen between the two
// bones 1 cm above the plafond, is under about 6 mm (Harper and Keller 1989,
// 12 cadaver legs); 4.6 mm on average and at most 8 mm (Shah et al. 2012,
// 392 patients). Ours was 8.8 mm: the lower tibia ended in a rounded knob.
// Measured as that film sees it: in the horizontal cut 1 cm above the vault
// of the plafond (the tibia's lowest point over the ankle joint centre),
// the fibula's most medial point less the tibia's most lateral one. The
// lower bound only keeps the bones apart: no source gives one.
TEST(AtlasBoneShape, FibulaLiesBesideTheTibiaAboveTheAnkle) {
  const Mesh& tibia = atlas_mesh("tibia");
  const Mesh& fibula = atlas_mesh("fibula");
  const glm::vec3 ankle = atlas_joint("ankle");
  float vault = 1e9f;
  for (const glm::vec3& p : tibia.positions)
    if (std::abs(p.x - ankle.x) < 0.003f && std::abs(p.z - ankle.z) < 0.005f && p.y < ankle.y + 0.04f)
      vault = std::min(vault, p.y);
  ASSERT_LT(vault, ankle.y + 0.04f) << "no tibia over the ankle joint centre";
  const SectionPlane plane = make_section_plane({0.0, double(vault) + 0.010, 0.0}, 0.0);
  const MeshSection t = slice_mesh(tibia, plane), f = slice_mesh(fibula, plane);
  ASSERT_FALSE(t.empty() || f.empty());
  double tibia_lateral = -1e9, fibula_medial = 1e9; // the plane's u axis is lateral
  for (const auto& loop : t.loops)
    for (const glm::dvec2& q : loop.points) tibia_lateral = std::max(tibia_lateral, q.x);
  for (const auto& loop : f.loops)
    for (const glm::dvec2& q : loop.points) fibula_medial = std::min(fibula_medial, q.x);
  const double clear = fibula_medial - tibia_lateral;
  std::printf("vault of the plafond at y %.1f mm; 1 cm above it the clear space is %.1f mm\n", vault * 1000.0, clear * 1000.0);
  EXPECT_LE(clear, 0.006) << "the fibula stands off the tibia above the ankle";
  EXPECT_GE(clear, 0.001) << "the fibula is pressed against the tibia above the ankle";
}

} // namespace
} // namespace crus::test
