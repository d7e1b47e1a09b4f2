// A panel that opens over the middle of the view (the section's 2D slice,
// Shift+X) lays the panels out again; the picture then moves into the space
// they leave instead of staying hidden behind them, and comes back when the
// panel closes. Not for a window being resized, nor for a view a scene or a
// lesson step has just placed, nor when panels cover the middle.
#include "core/document/scene.hpp"
#include "platform/headless_context.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"
#include "ui/imgui_host.hpp"
#include "ui/shell.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <imgui.h>

using namespace crus;

namespace {

// How much of `box` as drawn (the rectangle round its projected corners, cut
// to the screen) lies inside free_min..free_max (normalised device
// coordinates): 1 when all of it, 0 when none; a box reaching behind the eye
// counts as wholly in view.
float share_in_view(const Aabb& box, const glm::mat4& view_projection, glm::vec2 free_min, glm::vec2 free_max) {
  if (!box.valid()) return 1.0f;
  glm::vec2 lo(1e30f), hi(-1e30f);
  for (int i = 0; i < 8; ++i) {
    const glm::vec4 corner{i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z, 1.0f};
    const glm::vec4 clip = view_projection * corner;
    if (clip.w <= 1e-6f) return 1.0f;
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    lo = glm::min(lo, ndc);
    hi = glm::max(hi, ndc);
  }
  lo = glm::max(lo, glm::vec2(-1.0f));
  hi = glm::min(hi, glm::vec2(1.0f));
  const glm::vec2 shown = hi - lo;
  if (shown.x <= 0.0f || shown.y <= 0.0f) return 0.0f;
  const glm::vec2 in = glm::min(hi, free_max) - glm::max(lo, free_min);
  if (in.x <= 0.0f || in.y <= 0.0f) return 0.0f;
  return (in.x * in.y) / (shown.x * shown.y);
}

class SlotPanel : public ui::Panel {
public:
  SlotPanel(const char* title, PanelSlot slot, bool is_open) : title_(title), slot_(slot) { open = is_open; }
  const char* title() const override { return title_; }
  PanelSlot slot() const override { return slot_; }
  void draw(ui::ViewerContext&) override { ImGui::TextUnformatted("Some text"); }

private:
  const char* title_;
  PanelSlot slot_;
};

class PanelReflow : public ::testing::Test {
protected:
  void SetUp() override {
    auto dir = test::scratch_dir("panel_reflow");
    // A leg-shaped box: tall and narrow, as the atlas is.
    scene_ = load_scene(
        test::write_box_gltf((dir / "a.gltf").string(), {{"tibia", {0, 0.25f, 0.07f}, {0.06f, 0.25f, 0.06f}, {1, 1, 1, 1}}}));
    document_ = Document(scene_.structures.size());
    ctx_.scene = &scene_;
    ctx_.document = &document_;
    ctx_.camera = &camera_;
    auto left = std::make_unique<SlotPanel>("Structures", PanelSlot::left_top, true);
    auto info = std::make_unique<SlotPanel>("Info", PanelSlot::right, true);
    auto section = std::make_unique<SlotPanel>("Section", PanelSlot::right_wide, false);
    section_ = section.get();
    shell_.add_panel(std::move(left));
    shell_.add_panel(std::move(info));
    shell_.add_panel(std::move(section));
    frame();
    frame();
    // The start-up view: the leg fitted beside the panels.
    ui::go_to_view(ctx_, AnatomicalView::anterior, /*animate=*/false);
    frame();
  }

  // One frame of the viewer, as its loop runs it, at the window size of the
  // viewer_idle test's window (1216 x 736).
  void frame(bool finish_transitions = true) {
    ImGui::GetIO().DisplaySize = ImVec2(size_.x, size_.y);
    host_.begin_frame(nullptr);
    ctx_.viewport_size = size_;
    ctx_.view = camera_.view();
    ctx_.projection = camera_.projection(size_.x / size_.y);
    bool before_whole = false;
    const auto before = ui::free_view_ndc(ctx_, &before_whole);
    shell_.draw(ctx_);
    if (shell_.take_layout_moved()) moved_ = ui::follow_free_view(ctx_, before, before_whole) || moved_;
    if (ctx_.keep_camera_frames > 0) --ctx_.keep_camera_frames;
    host_.end_frame();
    if (finish_transitions) camera_.update(10.0f); // the transition runs to its end
  }

  float share_shown() {
    ctx_.view = camera_.view();
    ctx_.projection = camera_.projection(size_.x / size_.y);
    const auto [lo, hi] = ui::free_view_ndc(ctx_);
    return share_in_view(scene_.box, ctx_.projection * ctx_.view, lo, hi);
  }

  platform::HeadlessContext context_;
  ui::ImGuiHost host_{nullptr, 1.0f, ""};
  ui::Shell shell_{host_};
  Scene scene_;
  Document document_{0};
  OrbitCamera camera_;
  ui::ViewerContext ctx_;
  SlotPanel* section_ = nullptr;
  bool moved_ = false;
  glm::vec2 size_{1216.0f, 736.0f};
};

TEST_F(PanelReflow, TheLegMovesBesideAPanelThatOpensOverIt) {
  ASSERT_GT(share_shown(), 0.95f); // the start: the leg whole in the free part
  const CameraPose before = camera_.pose();
  moved_ = false;
  section_->open = true;
  frame(); // laid out again with the section's slice: Info moves left, over the leg
  // Where the leg was, most of it is now behind the panels...
  OrbitCamera stayed;
  stayed.set_pose(before);
  const auto [lo, hi] = ui::free_view_ndc(ctx_);
  EXPECT_LT(share_in_view(scene_.box, stayed.projection(1216.0f / 736.0f) * stayed.view(), lo, hi), 0.6f);
  // ...so it moved into the space left, whole.
  EXPECT_TRUE(moved_);
  EXPECT_GT(share_shown(), 0.95f);
}

TEST_F(PanelReflow, ClosingThePanelBringsTheViewBack) {
  const CameraPose start = camera_.pose();
  section_->open = true;
  frame();
  frame();
  EXPECT_GT(share_shown(), 0.95f);
  moved_ = false;
  section_->open = false;
  frame();
  EXPECT_TRUE(moved_);
  EXPECT_GT(share_shown(), 0.95f);
  EXPECT_NEAR(camera_.pose().distance, start.distance, 1e-3f * start.distance);
  EXPECT_NEAR(glm::distance(camera_.pose().target, start.target), 0.0f, 1e-3f * start.distance);
}

TEST_F(PanelReflow, HidingThePanelsGivesTheLegTheWholeWindowAndShowingThemBringsItBack) {
  const CameraPose start = camera_.pose();
  moved_ = false;
  shell_.set_panels_hidden(true); // Tab
  frame();
  EXPECT_TRUE(moved_);
  // The leg is tall: its height limits it, so it moves to the middle of the
  // window at the same size (and does not grow out of the top and bottom).
  EXPECT_NEAR(camera_.pose().distance, start.distance, 1e-3f * start.distance);
  EXPECT_GT(share_shown(), 0.95f);
  moved_ = false;
  shell_.set_panels_hidden(false);
  frame();
  EXPECT_TRUE(moved_);
  EXPECT_NEAR(camera_.pose().distance, start.distance, 1e-3f * start.distance);
  EXPECT_NEAR(glm::distance(camera_.pose().target, start.target), 0.0f, 1e-3f * start.distance);
}

TEST_F(PanelReflow, ATransitionInFlightEndsInTheNewSpace) {
  ui::go_to_view(ctx_, AnatomicalView::posterior, /*animate=*/true); // R, 2: on its way
  section_->open = true;
  frame(/*finish_transitions=*/false);
  EXPECT_TRUE(moved_);
  camera_.update(10.0f);
  EXPECT_GT(share_shown(), 0.95f);
}

TEST_F(PanelReflow, AViewAScenePlacedIsNotMoved) {
  // A scene saved with the slice open: its camera was saved for that layout.
  ctx_.keep_camera_frames = 2; // as ViewerScenes::show sets it
  const CameraPose placed = camera_.pose();
  section_->open = true;
  frame();
  EXPECT_FALSE(moved_);
  EXPECT_EQ(camera_.pose(), placed);
}

TEST_F(PanelReflow, AWindowBeingResizedIsLeftToTheProjection) {
  const CameraPose start = camera_.pose();
  size_ = {1000.0f, 700.0f};
  frame();
  EXPECT_FALSE(moved_);
  EXPECT_EQ(camera_.pose(), start);
}

TEST_F(PanelReflow, NothingMovesWhenPanelsCoverTheMiddle) {
  // So small a window that the slice's page and the columns leave under a
  // quarter of its width: the free part is the whole width, nowhere better.
  size_ = {560.0f, 700.0f};
  frame();
  frame();
  moved_ = false;
  const CameraPose start = camera_.pose();
  section_->open = true;
  frame();
  EXPECT_FALSE(moved_);
  EXPECT_EQ(camera_.pose(), start);
}

TEST_F(PanelReflow, MirroringKeepsTheLegInTheFreePart) {
  section_->open = true; // the leg now in the narrow part left of Info
  frame();
  frame();
  ASSERT_GT(share_shown(), 0.95f);
  ctx_.mirror_seen = false;
  document_.set_mirror(true);
  ui::follow_mirror(ctx_);
  // The mirrored leg (as drawn, reflected in z = 0) is still beside the panels.
  ctx_.view = camera_.view();
  ctx_.projection = camera_.projection(size_.x / size_.y);
  const auto [lo, hi] = ui::free_view_ndc(ctx_);
  EXPECT_GT(share_in_view(mirrored(scene_.box), ctx_.projection * ctx_.view, lo, hi), 0.95f);
}

TEST_F(PanelReflow, NothingMovesWhenThePanelsStayPut) {
  const CameraPose start = camera_.pose();
  moved_ = false;
  frame();
  frame();
  EXPECT_FALSE(moved_);
  EXPECT_EQ(camera_.pose(), start);
}

} // namespace

namespace {

TEST(PanelReflowShare, CountsThePartOfTheBoxOnScreenInsideTheFreePart) {
  OrbitCamera cam;
  const Aabb box{{-0.1f, 0.0f, -0.1f}, {0.1f, 0.5f, 0.1f}};
  cam.set_pose(cam.pose_for(AnatomicalView::anterior, box, false, 1.0f));
  const glm::mat4 vp = cam.projection(1.0f) * cam.view();
  EXPECT_NEAR(share_in_view(box, vp, glm::vec2(-1.0f), glm::vec2(1.0f)), 1.0f, 1e-4f);
  // The right half of the screen covered: about half the (centred) box is left.
  EXPECT_NEAR(share_in_view(box, vp, glm::vec2(-1.0f), glm::vec2(0.0f, 1.0f)), 0.5f, 0.02f);
  // All of it covered, or none of it on screen.
  EXPECT_EQ(share_in_view(box, vp, glm::vec2(0.95f, -1.0f), glm::vec2(1.0f)), 0.0f);
  cam.set_pose({glm::vec3(0.0f, 5.0f, 0.0f), 1.0f, 0.0f, 0.0f}); // far above it, looking level
  EXPECT_EQ(share_in_view(box, cam.projection(1.0f) * cam.view(), glm::vec2(-1.0f), glm::vec2(1.0f)), 0.0f);
  // The eye inside the box (zoomed right in): counted as in view.
  cam.set_pose({glm::vec3(0.0f, 0.25f, 0.0f), 0.01f, 0.0f, 0.0f});
  EXPECT_EQ(share_in_view(box, cam.projection(1.0f) * cam.view(), glm::vec2(-1.0f), glm::vec2(0.0f, 1.0f)), 1.0f);
}

} // namespace
