// The section plane in the viewer, driven through its commands headless:
// turning it on cuts the model and caps the cut in the structure's colour,
// the commands move and tilt the plane (one undo step each), the tint and
// the slice panel toggle, and the caps follow what is drawn.
#include "app/viewer_section.hpp"
#include "core/commands/command_catalogue.hpp"
#include "core/document/document.hpp"
#include "core/document/draw_builder.hpp"
#include "core/io/image.hpp"
#include "core/document/scene.hpp"
#include "core/publish/section_page.hpp"
#include "core/geometry/section_view.hpp"
#include "gfx/framebuffer.hpp"
#include "gfx/scene_renderer.hpp"
#include "panel_harness.hpp"
#include "platform/headless_context.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"
#include "ui/section_panel.hpp"
#include "ui/viewer_commands.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

using namespace crus;

namespace {

std::uint8_t srgb(float linear) {
  float c = linear <= 0.0031308f ? linear * 12.92f : 1.055f * std::pow(linear, 1.0f / 2.4f) - 0.055f;
  return static_cast<std::uint8_t>(std::lround(std::clamp(c, 0.0f, 1.0f) * 255.0f));
}

class ViewerSectionPlane : public ::testing::Test {
protected:
  static void SetUpTestSuite() { context_ = std::make_unique<platform::HeadlessContext>(); }
  static void TearDownTestSuite() { context_.reset(); }

  void SetUp() override {
    auto dir = test::scratch_dir("section_view");
    // A red "bone" from y = 0 to 0.4 and a blue "muscle" from 0.32 to 0.42
    // that covers it seen from above. No manifest: the section's height is a
    // fraction of the way down the scene's box (y 0 to 0.42).
    scene_ = load_scene(test::write_box_gltf((dir / "leg.gltf").string(),
                                             {{"tibia", {0, 0.2f, 0.07f}, {0.04f, 0.2f, 0.04f}, {0.8f, 0.1f, 0.05f, 1}},
                                              {"soleus", {0, 0.37f, 0.07f}, {0.06f, 0.05f, 0.06f}, {0.05f, 0.1f, 0.8f, 1}}}));
    document_ = Document(scene_.structures.size());
    ctx_.scene = &scene_;
    ctx_.document = &document_;
    ctx_.camera = &camera_;
    add_viewer_commands(registry_);
    ui::bind_viewer_commands(registry_, ctx_);
    renderer_ = std::make_unique<gfx::SceneRenderer>();
    renderer_->upload(scene_);
  }

  // The view from above (superior), as the viewer draws it.
  Image render(int w = 160, int h = 160) {
    gfx::Framebuffer fb(w, h, 4);
    camera_.set_pose(camera_.pose_for(AnatomicalView::superior, scene_.box));
    fb.bind();
    gfx::FrameParams frame;
    frame.view = camera_.view();
    frame.projection = camera_.projection(static_cast<float>(w) / static_cast<float>(h));
    frame.viewport_size = {w, h};
    renderer_->draw(scene_, make_draw_list(scene_, document_.state(), -1), frame);
    Image img;
    img.width = w;
    img.height = h;
    img.rgba = fb.read_rgba();
    return img;
  }

  static inline std::unique_ptr<platform::HeadlessContext> context_;
  Scene scene_;
  Document document_;
  OrbitCamera camera_;
  ui::ViewerContext ctx_;
  CommandRegistry registry_;
  std::unique_ptr<gfx::SceneRenderer> renderer_;
  app::ViewerSection section_;
};

TEST_F(ViewerSectionPlane, TurningTheSectionOnAt40PercentCapsTheCutInTheBonesColour) {
  // Before: from above, the blue muscle covers the bone.
  Image before = render();
  const std::uint8_t* c = before.at(80, 80);
  EXPECT_GT(c[2], c[0]) << "the muscle on top is seen first";
  EXPECT_FALSE(section_.update(ctx_, *renderer_, false)) << "nothing to do while the section is off";

  ASSERT_TRUE(registry_.run("section.toggle"));
  EXPECT_TRUE(document_.state().section.on);
  EXPECT_DOUBLE_EQ(document_.state().section.fraction, 0.40);
  EXPECT_EQ(document_.undo_name(), "Section on");
  ASSERT_TRUE(section_.update(ctx_, *renderer_, false));
  ASSERT_NE(ctx_.section_cut, nullptr);
  // 40% of the way down the box (y 0 .. 0.42): y = 0.252, under the muscle.
  EXPECT_NEAR(ctx_.section_cut->plane.point.y, 0.252, 1e-6);
  ASSERT_EQ(ctx_.section_cut->structures.size(), 1u);
  EXPECT_EQ(ctx_.section_cut->structures[0].id, scene_.structures[0].id);
  EXPECT_NEAR(ctx_.section_cut->structures[0].measure.area_m2, 0.08 * 0.08, 1e-6);
  ASSERT_EQ(ctx_.section_labels.size(), 1u);
  EXPECT_EQ(ctx_.section_labels[0].text, scene_.structures[0].name);

  // After: the muscle is cut away and the bone's cut is a flat cap in the
  // bone's own colour (unlit, as on an atlas page), not a hollow shell.
  Image after = render();
  const std::uint8_t* p = after.at(80, 80);
  const glm::vec4 bone = scene_.structures[0].colour;
  EXPECT_NEAR(p[0], srgb(bone.r), 3);
  EXPECT_NEAR(p[1], srgb(bone.g), 3);
  EXPECT_NEAR(p[2], srgb(bone.b), 3);
  EXPECT_FALSE(section_.update(ctx_, *renderer_, false)) << "an unchanged section is not recomputed";

  ASSERT_TRUE(registry_.run("section.toggle"));
  EXPECT_TRUE(section_.update(ctx_, *renderer_, false));
  EXPECT_EQ(ctx_.section_cut, nullptr);
  Image off = render();
  EXPECT_GT(off.at(80, 80)[2], off.at(80, 80)[0]) << "turned off, the whole model is back";
}

TEST_F(ViewerSectionPlane, ThePlaneMovesAndTiltsWithTheCommandsAndUndoes) {
  EXPECT_FALSE(registry_.is_enabled("section.down")) << "nothing to move while the section is off";
  registry_.run("section.toggle");
  section_.update(ctx_, *renderer_, false);
  const double y0 = ctx_.section_cut->plane.point.y;
  ASSERT_TRUE(registry_.run("section.down"));
  ASSERT_TRUE(registry_.run("section.down"));
  EXPECT_NEAR(document_.state().section.fraction, 0.42, 1e-9);
  ASSERT_TRUE(section_.update(ctx_, *renderer_, false));
  EXPECT_NEAR(ctx_.section_cut->plane.point.y, y0 - 2 * 0.01 * 0.42, 1e-6);
  // Keys: Alt+Up in the view moves it up again.
  auto chord = parse_key_chord("Alt+Up");
  ASSERT_TRUE(chord);
  ASSERT_TRUE(registry_.dispatch(*chord, viewer_contexts()));
  EXPECT_NEAR(document_.state().section.fraction, 0.41, 1e-9);
  ASSERT_TRUE(registry_.run("section.tilt_up"));
  EXPECT_DOUBLE_EQ(document_.state().section.tilt_deg, kSectionTiltStep);
  ASSERT_TRUE(section_.update(ctx_, *renderer_, false));
  EXPECT_LT(ctx_.section_cut->plane.normal.x, -0.05) << "the anterior side raised, the plane's normal leans back";
  ASSERT_TRUE(registry_.is_enabled("section.level"));
  // Each step is one undo step.
  ASSERT_TRUE(document_.undo());
  EXPECT_DOUBLE_EQ(document_.state().section.tilt_deg, 0.0);
  ASSERT_TRUE(document_.undo());
  EXPECT_NEAR(document_.state().section.fraction, 0.42, 1e-9);
  // The plane stays inside the leg, however often it is moved.
  for (int i = 0; i < 200; ++i) registry_.run("section.down");
  EXPECT_DOUBLE_EQ(document_.state().section.fraction, 1.0);
}

TEST_F(ViewerSectionPlane, TintFillsEachCutWithItsCompartmentsColour) {
  ASSERT_TRUE(registry_.run("section.tint_compartments"));
  EXPECT_TRUE(document_.state().section.tint_compartments);
  EXPECT_TRUE(document_.state().section.on) << "asking for the tint shows the section";
  EXPECT_TRUE(registry_.is_checked("section.tint_compartments"));
  std::vector<bool> drawn(scene_.structures.size(), true);
  SectionView view = document_.state().section;
  const std::map<std::string, std::string> compartments{{scene_.structures[0].id, "anterior"}};
  SectionGeometry tinted = build_section_geometry(scene_, view, drawn, compartments);
  view.tint_compartments = false;
  SectionGeometry plain = build_section_geometry(scene_, view, drawn, compartments);
  ASSERT_FALSE(tinted.caps.colours.empty());
  const auto tint = compartment_tint("anterior");
  ASSERT_TRUE(tint);
  // The cap's first vertex (the fill, before the outline).
  EXPECT_NEAR(srgb(tinted.caps.colours[0].r), (*tint)[0], 2);
  EXPECT_NEAR(srgb(tinted.caps.colours[0].g), (*tint)[1], 2);
  EXPECT_NEAR(plain.caps.colours[0].r, scene_.structures[0].colour.r, 1e-5);
  ASSERT_TRUE(registry_.run("section.tint_compartments"));
  EXPECT_FALSE(document_.state().section.tint_compartments);
}

TEST_F(ViewerSectionPlane, HiddenStructuresAreNotCapped) {
  registry_.run("section.toggle");
  document_.set_visibility({0}, Visibility::hidden);
  ASSERT_TRUE(section_.update(ctx_, *renderer_, false));
  EXPECT_TRUE(ctx_.section_cut->structures.empty());
  EXPECT_TRUE(ctx_.section_labels.empty());
}

TEST_F(ViewerSectionPlane, WithTheSlicePageShownTheCutIsNotLabelledTwice) {
  registry_.run("section.toggle");
  ASSERT_TRUE(section_.update(ctx_, *renderer_, false));
  EXPECT_EQ(ctx_.section_labels.size(), 1u);
  ASSERT_TRUE(registry_.run("section.show_slice")); // the page names it
  ASSERT_TRUE(section_.update(ctx_, *renderer_, false));
  EXPECT_NE(ctx_.section_cut, nullptr); // still cut and capped
  EXPECT_TRUE(ctx_.section_labels.empty());
  ASSERT_TRUE(registry_.run("section.show_slice")); // the page closed: labels again
  ASSERT_TRUE(section_.update(ctx_, *renderer_, false));
  EXPECT_EQ(ctx_.section_labels.size(), 1u);
}

TEST_F(ViewerSectionPlane, TheSlicePanelDrawsThePage) {
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  ui::SectionPanel panel;
  std::string text = test::draw_panel_frame(host, panel, ctx_);
  EXPECT_NE(text.find("No section"), std::string::npos) << text;
  ASSERT_TRUE(registry_.run("section.show_slice"));
  EXPECT_TRUE(document_.state().section.slice);
  EXPECT_TRUE(document_.state().section.on);
  section_.update(ctx_, *renderer_, false);
  text = test::draw_panel_frame(host, panel, ctx_);
  EXPECT_TRUE(panel.last_error.empty()) << panel.last_error;
  EXPECT_NE(text.find("40% of the way"), std::string::npos) << text;
  EXPECT_GT(panel.page_width(), 100);
  EXPECT_GT(panel.page_height(), 100);
}

} // namespace
