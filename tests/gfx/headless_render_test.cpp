// Renders small fixture scenes headless (EGL) and checks pixels: the object
// where it must be, the background elsewhere, and what preset views do.
#include "core/geometry/camera.hpp"
#include "core/document/draw_builder.hpp"
#include "core/error.hpp"
#include "core/io/image.hpp"
#include "core/document/scene.hpp"
#include "gfx/framebuffer.hpp"
#include "gfx/scene_renderer.hpp"
#include "platform/headless_context.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <memory>

using namespace crus;

namespace {

class HeadlessRender : public ::testing::Test {
protected:
  static void SetUpTestSuite() { context_ = std::make_unique<platform::HeadlessContext>(); }
  static void TearDownTestSuite() { context_.reset(); }

  Image render(const Scene& scene, const DrawList& list, AnatomicalView view, int w = 160, int h = 120) {
    gfx::Framebuffer fb(w, h, 4);
    gfx::SceneRenderer renderer;
    renderer.upload(scene);
    OrbitCamera camera;
    camera.set_pose(camera.pose_for(view, scene.box));
    fb.bind();
    gfx::FrameParams frame;
    frame.view = camera.view();
    frame.projection = camera.projection(static_cast<float>(w) / static_cast<float>(h));
    frame.viewport_size = {w, h};
    renderer.draw(scene, list, frame);
    Image img;
    img.width = w;
    img.height = h;
    img.rgba = fb.read_rgba();
    return img;
  }

  static Scene two_boxes() {
    auto dir = test::scratch_dir("headless_render");
    // Red on the lateral side (+Z), blue on the medial side (-Z).
    std::string path = test::write_box_gltf((dir / "two.gltf").string(),
                                            {{"lateral_box", {0, 0, 0.08f}, glm::vec3(0.05f), {0.9f, 0.05f, 0.05f, 1}},
                                             {"medial_box", {0, 0, -0.08f}, glm::vec3(0.05f), {0.05f, 0.05f, 0.9f, 1}}});
    SceneLoadOptions o;
    o.strict = true;
    return load_scene(path, o);
  }

  static bool is_red(const std::uint8_t* p) { return p[0] > 120 && p[0] > p[2] * 2 && p[0] > p[1] * 2; }
  static bool is_blue(const std::uint8_t* p) { return p[2] > 120 && p[2] > p[0] * 2 && p[2] > p[1] * 2; }

  // Fraction of red and blue pixels in the left half of the image.
  static void colour_sides(const Image& img, double& red_left, double& blue_left) {
    double red_l = 0, red_all = 0, blue_l = 0, blue_all = 0;
    for (int y = 0; y < img.height; ++y)
      for (int x = 0; x < img.width; ++x) {
        const auto* p = img.at(x, y);
        bool left = x < img.width / 2;
        if (is_red(p)) {
          red_all++;
          red_l += left;
        }
        if (is_blue(p)) {
          blue_all++;
          blue_l += left;
        }
      }
    red_left = red_all > 0 ? red_l / red_all : -1;
    blue_left = blue_all > 0 ? blue_l / blue_all : -1;
  }

  static void save_on_failure(const Image& img, const std::string& name) {
    if (::testing::Test::HasFailure()) write_png(img, (test::scratch_dir("failures_" + name) / (name + ".png")).string());
  }

  static std::unique_ptr<platform::HeadlessContext> context_;
};
std::unique_ptr<platform::HeadlessContext> HeadlessRender::context_;

TEST_F(HeadlessRender, ObjectInTheMiddleBackgroundAtTheCorners) {
  Scene scene = two_boxes();
  Document doc(scene.structures.size());
  DrawList list = make_draw_list(scene, doc.state(), -1);
  Image img = render(scene, list, AnatomicalView::anterior);
  const auto* corner = img.at(2, 2);
  // The background colour, sRGB, as given in the draw list.
  EXPECT_NEAR(corner[0], list.background.r * 255, 2);
  EXPECT_NEAR(corner[1], list.background.g * 255, 2);
  EXPECT_NEAR(corner[2], list.background.b * 255, 2);
  const auto* bottom_right = img.at(img.width - 3, img.height - 3);
  EXPECT_NEAR(bottom_right[2], list.background.b * 255, 2);
  // The middle row holds both boxes.
  int coloured = 0;
  for (int x = 0; x < img.width; ++x) coloured += is_red(img.at(x, img.height / 2)) || is_blue(img.at(x, img.height / 2));
  EXPECT_GT(coloured, img.width / 4);
  save_on_failure(img, "object_in_middle");
}

TEST_F(HeadlessRender, AnteriorViewShowsLateralOnTheViewersLeft) {
  // Facing the patient, their right (lateral for a right leg) is on our left.
  Scene scene = two_boxes();
  Document doc(scene.structures.size());
  Image img = render(scene, make_draw_list(scene, doc.state(), -1), AnatomicalView::anterior);
  double red_left = 0, blue_left = 0;
  colour_sides(img, red_left, blue_left);
  EXPECT_GT(red_left, 0.95);
  EXPECT_LT(blue_left, 0.05);
  save_on_failure(img, "anterior");
}

TEST_F(HeadlessRender, PosteriorViewSwapsTheSides) {
  Scene scene = two_boxes();
  Document doc(scene.structures.size());
  Image img = render(scene, make_draw_list(scene, doc.state(), -1), AnatomicalView::posterior);
  double red_left = 0, blue_left = 0;
  colour_sides(img, red_left, blue_left);
  EXPECT_LT(red_left, 0.05);
  EXPECT_GT(blue_left, 0.95);
  save_on_failure(img, "posterior");
}

TEST_F(HeadlessRender, LateralViewHidesTheMedialBox) {
  Scene scene = two_boxes();
  Document doc(scene.structures.size());
  Image img = render(scene, make_draw_list(scene, doc.state(), -1), AnatomicalView::lateral);
  int red = 0, blue = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      red += is_red(img.at(x, y));
      blue += is_blue(img.at(x, y));
    }
  EXPECT_GT(red, 500);
  EXPECT_EQ(blue, 0); // directly behind the red box
  save_on_failure(img, "lateral");
}

TEST_F(HeadlessRender, HiddenStructuresAreNotDrawnAndGhostedOnesBlend) {
  Scene scene = two_boxes();
  Document doc(scene.structures.size());
  doc.set_visibility({0}, Visibility::hidden);
  Image hidden = render(scene, make_draw_list(scene, doc.state(), -1), AnatomicalView::anterior);
  int red = 0;
  for (std::size_t i = 0; i < hidden.rgba.size(); i += 4) red += is_red(&hidden.rgba[i]);
  EXPECT_EQ(red, 0);
  doc.set_visibility({0}, Visibility::ghosted);
  Image ghost = render(scene, make_draw_list(scene, doc.state(), -1), AnatomicalView::anterior);
  // Translucent: the box's middle is a mix of red and the background.
  const auto* p = ghost.at(ghost.width / 4, ghost.height / 2);
  DrawList list = make_draw_list(scene, doc.state(), -1);
  EXPECT_GT(p[0], list.background.r * 255 + 5);
  EXPECT_LT(p[0], 200);
  save_on_failure(ghost, "ghost");
}

TEST_F(HeadlessRender, SelectionBrightensTheSelectedStructure) {
  Scene scene = two_boxes();
  Document doc(scene.structures.size());
  Image before = render(scene, make_draw_list(scene, doc.state(), -1), AnatomicalView::anterior);
  doc.select(1); // the blue box
  Image after = render(scene, make_draw_list(scene, doc.state(), -1), AnatomicalView::anterior);
  long blue_before = 0, blue_after = 0, red_before = 0, red_after = 0;
  for (int y = 0; y < before.height; ++y)
    for (int x = 0; x < before.width; ++x) {
      bool left = x < before.width / 2;
      (left ? red_before : blue_before) += before.at(x, y)[0] + before.at(x, y)[1] + before.at(x, y)[2];
      (left ? red_after : blue_after) += after.at(x, y)[0] + after.at(x, y)[1] + after.at(x, y)[2];
    }
  EXPECT_GT(blue_after, blue_before * 1.05);
  EXPECT_EQ(red_after, red_before);
}

TEST_F(HeadlessRender, VertexColoursPaintTheirPartOfAStructure) {
  // A red box whose top half is pale (a muscle and its tendon): seen from the
  // front, the top rows are pale and the bottom rows red.
  auto dir = test::scratch_dir("headless_vertex_colours");
  test::FixtureBox box{"muscle", {0, 0, 0}, {0.05f, 0.1f, 0.05f}, {0.8f, 0.04f, 0.03f, 1}};
  box.top_colour = {0.8f, 0.78f, 0.7f};
  SceneLoadOptions o;
  o.strict = true;
  Scene scene = load_scene(test::write_box_gltf((dir / "muscle.gltf").string(), {box}), o);
  Document doc(scene.structures.size());
  Image img = render(scene, make_draw_list(scene, doc.state(), -1), AnatomicalView::anterior, 120, 160);
  // The box's rows in the middle column (rows run top down).
  int first = -1, last = -1;
  for (int y = 0; y < img.height; ++y)
    if (img.at(img.width / 2, y)[0] > 60) {
      if (first < 0) first = y;
      last = y;
    }
  ASSERT_GT(last - first, img.height / 3);
  const int tenth = (last - first) / 10;
  const auto* top = img.at(img.width / 2, first + tenth);
  const auto* bottom = img.at(img.width / 2, last - tenth);
  EXPECT_TRUE(top[1] > 120 && top[2] > 100) << int(top[0]) << " " << int(top[1]) << " " << int(top[2]);
  EXPECT_TRUE(is_red(bottom)) << int(bottom[0]) << " " << int(bottom[1]) << " " << int(bottom[2]);
  save_on_failure(img, "vertex_colours");
}

TEST_F(HeadlessRender, OutputIsSrgbEncoded) {
  // A mid-grey lit surface must not come out as dark as linear output would.
  auto dir = test::scratch_dir("srgb");
  std::string path =
      test::write_box_gltf((dir / "grey.gltf").string(), {{"grey", {0, 0, 0}, glm::vec3(0.05f), {0.2f, 0.2f, 0.2f, 1}}});
  Scene scene = load_scene(path);
  Document doc(scene.structures.size());
  Image img = render(scene, make_draw_list(scene, doc.state(), -1), AnatomicalView::anterior);
  const auto* p = img.at(img.width / 2, img.height / 2);
  // Linear 0.2 lit by about 1.0 is sRGB ~124; without encoding it would be ~51.
  EXPECT_GT(p[0], 90);
}

TEST_F(HeadlessRender, FramebufferRejectsAbsurdSizes) {
  // A size is the user's input (--size): exit status 2, not 1.
  EXPECT_THROW(gfx::Framebuffer(0, 10), InputError);
  EXPECT_THROW(gfx::Framebuffer(10, 1 << 20), InputError);
}

} // namespace

namespace {
bool is_green(const std::uint8_t* p) { return p[1] > 120 && p[1] > p[0] * 2 && p[1] > p[2] * 2; }
long green_pixels(const Image& img, bool left_half) {
  long n = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      if ((x < img.width / 2) == left_half && is_green(img.at(x, y))) ++n;
  return n;
}
} // namespace

// Issue 9: overlays have no silent cap (there used to be 24 patches and 48
// zones, the rest dropped without a word) and each belongs to its structure.
TEST_F(HeadlessRender, EveryPatchIsPaintedAndOwnedPatchesStayOnTheirStructure) {
  Scene scene = two_boxes();
  Document doc(scene.structures.size());
  DrawList list = make_draw_list(scene, doc.state(), -1);
  for (auto& item : list.items) item.patches = true;
  // 200 small patches far from both boxes, then one green patch that covers
  // the red (lateral) box: it is the 201st and must still be painted.
  for (int k = 0; k < 200; ++k) list.patches.push_back({-1, {5.0f, 5.0f + k, 5.0f}, {5.0f, 5.0f + k, 5.0f}, 0.001f, {1, 1, 1}});
  list.patches.push_back({-1, {0, -0.2f, 0.08f}, {0, 0.2f, 0.08f}, 0.2f, {0.05f, 0.9f, 0.05f}});
  Image all = render(scene, list, AnatomicalView::anterior);
  EXPECT_GT(green_pixels(all, true), 200) << "the 201st patch is not painted on the lateral box";
  save_on_failure(all, "patch_201");

  // The same patch owned by the medial box (index 1) paints only that box,
  // though the capsule reaches both.
  int medial = -1;
  for (std::size_t i = 0; i < scene.structures.size(); ++i)
    if (scene.structures[i].name.find("medial") != std::string::npos) medial = static_cast<int>(i);
  ASSERT_GE(medial, 0);
  list.patches.back().structure = medial;
  list.patches.back().b = {0, 0.2f, -0.08f};
  list.patches.back().a = {0, -0.2f, 0.08f};
  list.patches.back().radius = 0.3f;
  Image owned = render(scene, list, AnatomicalView::anterior);
  EXPECT_EQ(green_pixels(owned, true), 0) << "a patch owned by the medial box painted the lateral box";
  EXPECT_GT(green_pixels(owned, false), 200) << "the owned patch is missing from its own structure";
  save_on_failure(owned, "patch_owned");
}

TEST_F(HeadlessRender, MoreReferralZonesThanTheOldLimitAreAllPainted) {
  Scene scene = two_boxes();
  Document doc(scene.structures.size());
  DrawList list = make_draw_list(scene, doc.state(), -1);
  for (auto& item : list.items) item.zones = true;
  for (int k = 0; k < 100; ++k) {
    ZoneShape far;
    far.a = {5.0f, 5.0f + k, 5.0f};
    far.b = glm::vec3(0.001f);
    list.zones.push_back(far);
  }
  ZoneShape green;
  green.a = {0, 0, 0.08f};
  green.b = glm::vec3(0.2f);
  green.colour = {0.05f, 0.9f, 0.05f};
  list.zones.push_back(green); // the 101st: past the old 48
  Image img = render(scene, list, AnatomicalView::anterior);
  EXPECT_GT(green_pixels(img, true), 200);
  save_on_failure(img, "zone_101");
}
