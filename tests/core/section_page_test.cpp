// The section page on a fixture of boxes: fills in each structure's colour,
// holes left open, labels in the margins, anchors inside crescents.
#include "core/geometry/cross_section.hpp"
#include "core/error.hpp"
#include "core/publish/handout.hpp"
#include "core/publish/section_page.hpp"

#include <glm/geometric.hpp>

#include <cmath>
#include <gtest/gtest.h>

using namespace crus;

namespace {
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

StructureSection cut(const std::string& id, StructureKind kind, const Mesh& mesh, glm::vec4 colour, const SectionPlane& plane) {
  StructureSection s;
  s.id = id;
  s.name = id;
  s.kind = kind;
  s.colour = colour;
  s.section = slice_mesh(mesh, plane);
  s.measure = measure_section(s.section);
  return s;
}

bool fonts_available() {
  try {
    (void)find_handout_fonts();
    return true;
  } catch (const RuntimeError&) {
    return false;
  }
}

int dark_pixels(const Image& img, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(img.width, x1); ++x) n += img.at(x, y)[0] < 100;
  return n;
}
} // namespace

TEST(SectionPage, FillsHolesLabelsAndScale) {
  // fonts-dejavu-core is a dependency of the package (CPack), not optional.
  ASSERT_TRUE(fonts_available()) << "DejaVu Sans (fonts-dejavu-core, a dependency of crus) is not installed";
  SceneSection section;
  section.plane = make_section_plane({0, 0, 0}, 0.0);
  Mesh skin, bone, muscle;
  add_box(skin, {-0.06f, -0.1f, -0.05f}, {0.06f, 0.1f, 0.05f});
  // A hollow bone (a medullary cavity, as it were) in front, a muscle behind.
  add_box(bone, {0.01f, -0.1f, -0.03f}, {0.05f, 0.1f, 0.01f});
  add_box(bone, {0.02f, -0.1f, -0.02f}, {0.04f, 0.1f, 0.0f}, true);
  add_box(muscle, {-0.05f, -0.1f, -0.04f}, {-0.01f, 0.1f, 0.04f});
  section.structures.push_back(cut("skin", StructureKind::skin, skin, {0.87f, 0.6f, 0.48f, 0.35f}, section.plane));
  section.structures.push_back(cut("tibia", StructureKind::bone, bone, {1.0f, 1.0f, 1.0f, 1.0f}, section.plane));
  section.structures.push_back(cut("soleus", StructureKind::muscle, muscle, {0.0f, 0.0f, 1.0f, 1.0f}, section.plane));
  SectionPageOptions o;
  o.width = 800;
  o.height = 600;
  o.title = "Test section";
  o.labels = false; // pixels first, with no leader lines or dots over them
  Image img = render_section_page(section, o);
  ASSERT_EQ(img.width, 800);
  ASSERT_EQ(img.height, 600);
  SectionPageFrame f = section_page_frame(section, o);
  auto px = [&](double u, double v) {
    glm::dvec2 p = f.to_page({u, v});
    return img.at(static_cast<int>(p.x), static_cast<int>(p.y));
  };
  // The plane frame: u lateral (model z), v anterior (model x).
  const std::uint8_t* muscle_px = px(0.0, -0.03);
  EXPECT_LT(muscle_px[0], 30);
  EXPECT_GT(muscle_px[2], 230) << "muscle in its own colour";
  const std::uint8_t* bone_px = px(-0.025, 0.015);
  EXPECT_GT(bone_px[0], 240);
  EXPECT_GT(bone_px[2], 240) << "bone wall in its colour";
  const std::uint8_t* cavity = px(-0.01, 0.03);
  const std::uint8_t* subcut = px(0.04, 0.05);
  EXPECT_EQ(cavity[0], subcut[0]) << "the hole is not filled with bone: what lies under it shows";
  EXPECT_EQ(cavity[2], subcut[2]);
  EXPECT_LT(subcut[2], 230) << "inside the skin is tinted";
  const std::uint8_t* outside = img.at(5, img.height / 2);
  EXPECT_EQ(outside[0], 255);
  EXPECT_EQ(dark_pixels(img, 0, 100, 190, 500) + dark_pixels(img, 610, 100, 800, 500), 0) << "no labels asked, none drawn";
  // The title at the top.
  EXPECT_GT(dark_pixels(img, 200, 0, 600, 60), 50);
  // Compartment tints replace the muscle's colour.
  o.compartments = {{"soleus", "posterior deep"}, {"tibia", "no such compartment"}};
  Image tinted = render_section_page(section, o);
  glm::dvec2 q = f.to_page({0.0, -0.03});
  const std::uint8_t* t = tinted.at(static_cast<int>(q.x), static_cast<int>(q.y));
  auto tint = compartment_tint("posterior deep");
  ASSERT_TRUE(tint.has_value());
  EXPECT_EQ(t[0], (*tint)[0]);
  EXPECT_EQ(t[2], (*tint)[2]);
  EXPECT_FALSE(compartment_tint("no such compartment").has_value());
  o.compartments.clear();
  o.labels = true;
  Image labelled = render_section_page(section, o);
  EXPECT_GT(dark_pixels(labelled, 0, 100, 200, 500) + dark_pixels(labelled, 600, 100, 800, 500), 10) << "labels in the margins";
}

TEST(SectionPage, AnchorLiesInsideACrescent) {
  // An L-shaped piece: its centroid lies outside it, the anchor must not.
  MeshSection s;
  ContourLoop l;
  l.points = {{0, 0}, {1, 0}, {1, 0.2}, {0.2, 0.2}, {0.2, 1}, {0, 1}}; // counter-clockwise
  s.loops.push_back(l);
  glm::dvec2 c = measure_section(s).centroid;
  EXPECT_GT(c.x, 0.2);
  EXPECT_GT(c.y, 0.2) << "the centroid is outside the L";
  glm::dvec2 a = label_anchor(s);
  bool inside = (a.x >= 0 && a.x <= 1 && a.y >= 0 && a.y <= 0.2) || (a.x >= 0 && a.x <= 0.2 && a.y >= 0 && a.y <= 1);
  EXPECT_TRUE(inside) << a.x << ", " << a.y;
}

// At 85% the section is small and drawn large, so the 5 cm bar reached past
// where the orientation words began and the two overlapped (docs/sections).
TEST(SectionPage, OrientationWordsClearTheScaleBar) {
  const double width = 1600.0, text = 250.0, gap = 24.0;
  // A large section: the bar ends early and the words stay where they were.
  EXPECT_DOUBLE_EQ(section_footer_sides_x(width, 600.0, text, gap), width * 0.70 - text);
  // A small one: its bar ends at 1180 px, past 70% less the words' width.
  const double x = section_footer_sides_x(width, 1180.0, text, gap);
  EXPECT_GE(x, 1180.0 + gap);
  EXPECT_LE(x + text, width);
}

namespace {
ContourLoop square(glm::dvec2 lo, double side) {
  ContourLoop l;
  l.points = {lo, lo + glm::dvec2(side, 0), lo + glm::dvec2(side), lo + glm::dvec2(0, side)}; // counter-clockwise
  return l;
}
} // namespace

// A nerve cut in pieces: its trunk and the branches it has given off at that
// level. Before, only the largest piece had a label and the branches were
// yellow dots nobody named (the superficial fibular nerve at 40%).
TEST(SectionPage, EveryPieceOfANerveIsNamed) {
  StructureSection nerve;
  nerve.id = "superficial_fibular_nerve";
  nerve.name = "Superficial fibular nerve";
  nerve.kind = StructureKind::nerve;
  nerve.section.loops = {square({0.0, 0.0}, 0.004),     // trunk, 16 mm²
                         square({0.02, 0.0}, 0.0015),   // 2.25 mm², where a muscular branch crosses
                         square({0.0, 0.02}, 0.0012),   // 1.44 mm², no branch near: cutaneous
                         square({0.02, 0.02}, 0.0008)}; // 0.64 mm²: too small to label
  // Brevis's crossing lies 5 mm from the cutaneous piece's centre: beyond
  // the 4 mm that names a piece, so that piece stays "Branch of the ...".
  nerve.branches = {{"Fibularis longus", {0.0208, 0.0007}}, {"Fibularis brevis", {0.0056, 0.0206}}};
  const std::vector<SectionPieceLabel> labels = section_piece_labels(nerve);
  ASSERT_EQ(labels.size(), 3u);
  EXPECT_EQ(labels[0].text, "Superficial fibular nerve");
  EXPECT_LT(glm::distance(labels[0].anchor, glm::dvec2(0.002)), 0.0015);
  EXPECT_EQ(labels[1].text, "Branch to fibularis longus");
  EXPECT_LT(glm::distance(labels[1].anchor, glm::dvec2(0.02075, 0.00075)), 0.0006);
  EXPECT_EQ(labels[2].text, "Branch of the superficial fibular nerve");
  EXPECT_LT(glm::distance(labels[2].anchor, glm::dvec2(0.0006, 0.0206)), 0.0005);

  // A muscle in two pieces keeps one label.
  StructureSection muscle = nerve;
  muscle.kind = StructureKind::muscle;
  muscle.name = "Extensor hallucis longus";
  ASSERT_EQ(section_piece_labels(muscle).size(), 1u);
}
