// The CPU slicer on meshes whose sections are known exactly: cubes, a hollow
// box, an octahedron cut through its vertices, a prism, tilted planes.
#include "core/geometry/cross_section.hpp"
#include "core/error.hpp"
#include "core/document/scene.hpp"

#include <cmath>
#include <gtest/gtest.h>

using namespace crus;

namespace {
constexpr double kPi = 3.14159265358979323846;

// Axis-aligned box, counter-clockwise seen from outside (or inward when `flip`).
void add_box(Mesh& m, glm::vec3 lo, glm::vec3 hi, bool flip = false) {
  auto base = static_cast<std::uint32_t>(m.positions.size());
  for (int i = 0; i < 8; ++i) m.positions.push_back({(i & 1) ? hi.x : lo.x, (i & 2) ? hi.y : lo.y, (i & 4) ? hi.z : lo.z});
  const std::uint32_t quads[6][4] = {{0, 4, 6, 2}, {1, 3, 7, 5}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 2, 3, 1}, {4, 5, 7, 6}};
  for (const auto& q : quads) {
    std::uint32_t t[6] = {q[0], q[1], q[2], q[0], q[2], q[3]};
    if (flip) std::swap(t[1], t[2]), std::swap(t[4], t[5]);
    for (auto i : t) m.indices.push_back(base + i);
  }
}

// A prism around the Y axis with `sides` faces and radius `r` (an inscribed
// polygon), with vertex rings at every height in `rings`.
Mesh prism(int sides, float r, const std::vector<float>& rings) {
  Mesh m;
  for (float y : rings)
    for (int i = 0; i < sides; ++i) {
      double a = 2.0 * kPi * i / sides;
      m.positions.push_back({static_cast<float>(r * std::sin(a)), y, static_cast<float>(r * std::cos(a))});
    }
  auto idx = [&](std::size_t ring, int i) { return static_cast<std::uint32_t>(ring * sides + (i % sides)); };
  for (std::size_t k = 0; k + 1 < rings.size(); ++k)
    for (int i = 0; i < sides; ++i) {
      // Seen from outside, increasing angle (from +Z towards +X) runs to the right.
      std::uint32_t a = idx(k, i), b = idx(k, i + 1), c = idx(k + 1, i + 1), d = idx(k + 1, i);
      for (auto v : {a, b, c, a, c, d}) m.indices.push_back(v);
    }
  // Caps as fans around centre vertices.
  auto bottom = static_cast<std::uint32_t>(m.positions.size());
  m.positions.push_back({0.0f, rings.front(), 0.0f});
  auto top = bottom + 1;
  m.positions.push_back({0.0f, rings.back(), 0.0f});
  for (int i = 0; i < sides; ++i) {
    for (auto v : {bottom, idx(0, i + 1), idx(0, i)}) m.indices.push_back(v);
    for (auto v : {top, idx(rings.size() - 1, i), idx(rings.size() - 1, i + 1)}) m.indices.push_back(v);
  }
  return m;
}

SectionPlane horizontal(double y) { return make_section_plane({0.0, y, 0.0}, 0.0); }

} // namespace

TEST(CrossSection, PrismFixtureIsAValidSolid) {
  Mesh m = prism(64, 0.1f, {-1.0f, 1.0f});
  EXPECT_TRUE(check_mesh(m).watertight());
  Mesh box;
  add_box(box, glm::vec3(-1.0f), glm::vec3(1.0f));
  EXPECT_TRUE(check_mesh(box).watertight());
}

TEST(CrossSection, CubeGivesOneCounterClockwiseSquare) {
  Mesh m;
  add_box(m, {-1.0f, -1.0f, -1.0f}, {1.0f, 1.0f, 1.0f});
  MeshSection s = slice_mesh(m, horizontal(0.25));
  ASSERT_EQ(s.loops.size(), 1u);
  EXPECT_TRUE(s.loops[0].closed);
  EXPECT_GT(signed_area(s.loops[0].points), 0.0) << "material must lie left of the contour";
  SectionMeasure me = measure_section(s);
  EXPECT_NEAR(me.area_m2, 4.0, 1e-9);
  EXPECT_NEAR(me.perimeter_m, 8.0, 1e-9);
  EXPECT_NEAR(me.hull_perimeter_m, 8.0, 1e-9);
  EXPECT_NEAR(me.centroid.x, 0.0, 1e-9);
  EXPECT_NEAR(me.centroid.y, 0.0, 1e-9);
  EXPECT_EQ(me.pieces, 1u);
}

TEST(CrossSection, OffCentreBoxCentroidMapsBackToTheModel) {
  Mesh m;
  add_box(m, {0.1f, 0.0f, 0.3f}, {0.3f, 0.5f, 0.4f}); // 20 x 10 cm in X by Z
  SectionPlane plane = horizontal(0.2);
  SectionMeasure me = measure_section(slice_mesh(m, plane));
  EXPECT_NEAR(me.area_m2 * 1e4, 200.0, 1e-3);
  glm::dvec3 c = plane.to_model(me.centroid);
  EXPECT_NEAR(c.x, 0.2, 1e-6);
  EXPECT_NEAR(c.y, 0.2, 1e-9);
  EXPECT_NEAR(c.z, 0.35, 1e-6);
}

TEST(CrossSection, CylinderAreaAndPerimeterMatchTheInscribedPolygon) {
  const int n = 96;
  const double r = 0.05;
  Mesh m = prism(n, static_cast<float>(r), {-0.2f, 0.0f, 0.3f});
  // Cut between rings and exactly through the middle ring of vertices.
  for (double y : {0.137, 0.0, -0.05}) {
    MeshSection s = slice_mesh(m, horizontal(y));
    ASSERT_EQ(s.loops.size(), 1u) << y;
    // Between rings each side's diagonal is crossed too (a point on the same
    // side of the polygon); through the ring, the vertices themselves.
    EXPECT_EQ(s.loops[0].points.size(), static_cast<std::size_t>(y == 0.0 ? n : 2 * n)) << y;
    SectionMeasure me = measure_section(s);
    EXPECT_NEAR(me.area_m2, 0.5 * n * r * r * std::sin(2.0 * kPi / n), 1e-9) << y;
    EXPECT_NEAR(me.perimeter_m, 2.0 * n * r * std::sin(kPi / n), 1e-9) << y;
    EXPECT_NEAR(me.hull_perimeter_m, me.perimeter_m, 1e-9) << y;
    // And the polygon is close to the circle it stands for.
    EXPECT_NEAR(me.area_m2, kPi * r * r, 0.002 * kPi * r * r);
  }
}

TEST(CrossSection, OctahedronCutThroughItsVertices) {
  // Every vertex of the equator lies on the plane.
  Mesh m;
  m.positions = {{1, 0, 0}, {0, 0, 1}, {-1, 0, 0}, {0, 0, -1}, {0, 1, 0}, {0, -1, 0}};
  const std::uint32_t tris[] = {0, 4, 1, 1, 4, 2, 2, 4, 3, 3, 4, 0, 0, 1, 5, 1, 2, 5, 2, 3, 5, 3, 0, 5};
  m.indices.assign(std::begin(tris), std::end(tris));
  ASSERT_TRUE(check_mesh(m).watertight());
  MeshSection s = slice_mesh(m, horizontal(0.0));
  ASSERT_EQ(s.loops.size(), 1u);
  EXPECT_TRUE(s.loops[0].closed);
  EXPECT_EQ(s.loops[0].points.size(), 4u);
  EXPECT_NEAR(measure_section(s).area_m2, 2.0, 1e-12);
  EXPECT_NEAR(measure_section(s).perimeter_m, 4.0 * std::sqrt(2.0), 1e-12);
}

TEST(CrossSection, HollowBoxHasAHoleThatSubtracts) {
  Mesh m;
  add_box(m, glm::vec3(-1.0f), glm::vec3(1.0f));
  add_box(m, glm::vec3(-0.5f), glm::vec3(0.5f), /*flip=*/true);
  MeshSection s = slice_mesh(m, horizontal(0.1));
  ASSERT_EQ(s.loops.size(), 2u);
  int ccw = 0, cw = 0;
  for (const auto& l : s.loops) (signed_area(l.points) > 0 ? ccw : cw)++;
  EXPECT_EQ(ccw, 1);
  EXPECT_EQ(cw, 1);
  SectionMeasure me = measure_section(s);
  EXPECT_NEAR(me.area_m2, 4.0 - 1.0, 1e-9);
  EXPECT_NEAR(me.perimeter_m, 8.0 + 4.0, 1e-9);
  EXPECT_NEAR(me.hull_perimeter_m, 8.0, 1e-9);
  EXPECT_EQ(me.pieces, 1u);
}

TEST(CrossSection, TiltedPlaneCutsALongerRectangle) {
  Mesh m;
  add_box(m, glm::vec3(-1.0f), glm::vec3(1.0f));
  SectionPlane plane = make_section_plane({0.0, 0.0, 0.0}, 30.0);
  EXPECT_NEAR(glm::dot(plane.normal, glm::dvec3(1, 0, 0)), -0.5, 1e-12) << "the anterior side rises";
  SectionMeasure me = measure_section(slice_mesh(m, plane));
  double c = std::cos(30.0 * kPi / 180.0);
  EXPECT_NEAR(me.area_m2, 4.0 / c, 1e-6);
  EXPECT_NEAR(me.hull_perimeter_m, 2.0 * (2.0 + 2.0 / c), 1e-6);
}

TEST(CrossSection, TwoSeparateBoxesAreTwoPieces) {
  Mesh m;
  add_box(m, {0, 0, 0}, {1, 1, 1});
  add_box(m, {2, 0, 0}, {3, 1, 1});
  SectionMeasure me = measure_section(slice_mesh(m, horizontal(0.5)));
  EXPECT_EQ(me.pieces, 2u);
  EXPECT_NEAR(me.area_m2, 2.0, 1e-9);
  EXPECT_NEAR(me.hull_perimeter_m, 2.0 * (3.0 + 1.0), 1e-9); // the tape goes round both
}

TEST(CrossSection, SplitVerticesAreWeldedAndAGapLeavesAnOpenChain) {
  Mesh m;
  add_box(m, glm::vec3(-1.0f), glm::vec3(1.0f));
  // Unshare every vertex (as flat-shaded files do).
  Mesh split;
  for (auto i : m.indices) {
    split.indices.push_back(static_cast<std::uint32_t>(split.positions.size()));
    split.positions.push_back(m.positions[i]);
  }
  MeshSection s = slice_mesh(split, horizontal(0.0));
  ASSERT_EQ(s.loops.size(), 1u);
  EXPECT_TRUE(s.loops[0].closed);
  EXPECT_NEAR(measure_section(s).area_m2, 4.0, 1e-9);
  // Remove one side face: the contour can no longer close.
  split.indices.erase(split.indices.begin(), split.indices.begin() + 6);
  s = slice_mesh(split, horizontal(0.0));
  EXPECT_EQ(s.open_chains, 1u);
  ASSERT_EQ(s.loops.size(), 1u);
  EXPECT_NEAR(measure_section(s).area_m2, 4.0, 1e-9) << "closed implicitly";
}

TEST(CrossSection, MissesAndTouchesGiveNothing) {
  Mesh m;
  add_box(m, glm::vec3(-1.0f), glm::vec3(1.0f));
  EXPECT_TRUE(slice_mesh(m, horizontal(2.0)).empty());
  EXPECT_TRUE(slice_mesh(m, horizontal(-1.0)).empty()); // only the bottom face touches
  EXPECT_TRUE(slice_mesh(Mesh{}, horizontal(0.0)).empty());
}

TEST(CrossSection, VertexColoursAverageAlongTheLoop) {
  Mesh m;
  add_box(m, glm::vec3(-1.0f), glm::vec3(1.0f));
  for (const auto& p : m.positions) m.colours.push_back(p.y > 0 ? glm::vec3(1, 0, 0) : glm::vec3(0, 0, 1));
  MeshSection s = slice_mesh(m, horizontal(0.5)); // three quarters of the way up
  ASSERT_TRUE(s.loops[0].colour.has_value());
  EXPECT_NEAR(s.loops[0].colour->r, 0.75f, 1e-5f);
  EXPECT_NEAR(s.loops[0].colour->b, 0.25f, 1e-5f);
}

TEST(CrossSection, ConvexHullOfASquareWithInnerPoints) {
  auto h = convex_hull({{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0.5, 0.5}, {0.2, 0.8}, {1, 0.5}});
  EXPECT_EQ(h.size(), 4u);
  EXPECT_NEAR(signed_area(h), 1.0, 1e-12);
}

TEST(CrossSection, ClosestApproachBetweenNestedSquares) {
  Mesh outer, inner;
  add_box(outer, glm::vec3(-1.0f), glm::vec3(1.0f));
  add_box(inner, {-0.5f, -0.5f, -0.5f}, {0.5f, 0.5f, 0.8f});
  EXPECT_NEAR(closest_approach(slice_mesh(inner, horizontal(0)), slice_mesh(outer, horizontal(0))), 0.2, 1e-6);
}

namespace {
Scene box_scene(bool with_joints) {
  Scene scene;
  SceneStructure s;
  s.id = "tibia";
  s.kind = StructureKind::bone;
  add_box(s.mesh, {-0.1f, 0.0f, 0.0f}, {0.1f, 0.5f, 0.1f});
  s.box = bounds(s.mesh);
  scene.structures.push_back(s);
  scene.box = s.box;
  scene.source = "leg.glb";
  if (with_joints) {
    AtlasManifest m;
    m.joints = {{"knee", {0.0f, 0.45f, 0.05f}}, {"ankle", {0.0f, 0.05f, 0.05f}}};
    scene.manifest = m;
  }
  return scene;
}
} // namespace

TEST(CrossSection, HeightsInMetresAndPercentOfKneeToAnkle) {
  Scene scene = box_scene(true);
  SectionPlane p = section_plane_for("40%", 0.0, scene);
  ASSERT_TRUE(p.fraction.has_value());
  EXPECT_NEAR(*p.fraction, 0.4, 1e-12);
  EXPECT_NEAR(p.point.y, 0.45 - 0.4 * 0.40, 1e-6);
  p = section_plane_for("0.30", 0.0, scene);
  EXPECT_FALSE(p.fraction.has_value());
  EXPECT_NEAR(p.point.y, 0.30, 1e-12);
  EXPECT_NEAR(p.point.z, 0.05, 1e-6) << "on the knee-ankle axis";
  SceneSection cut = section_scene(scene, p);
  ASSERT_EQ(cut.structures.size(), 1u);
  EXPECT_NEAR(cut.structures[0].measure.area_m2, 0.02, 1e-8);
}

TEST(CrossSection, BadHeightsAreInputErrors) {
  Scene scene = box_scene(true);
  for (const char* bad : {"", "abc", "40%%", "0.3m", "nan", "%", "1e999"})
    EXPECT_THROW(section_plane_for(bad, 0.0, scene), InputError) << bad;
  EXPECT_THROW(section_plane_for("2.0", 0.0, scene), InputError) << "cuts nothing";
  EXPECT_THROW(section_plane_for("0.3", 85.0, scene), InputError) << "tilt out of range";
  Scene bare = box_scene(false);
  EXPECT_THROW(section_plane_for("40%", 0.0, bare), InputError) << "percent needs joint centres";
  EXPECT_NO_THROW(section_plane_for("0.25", 10.0, bare));
}
