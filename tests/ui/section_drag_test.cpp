// Dragging the section plane with the mouse, headless: a drag that starts on
// the cut moves the plane (one undo step when the button is released, the
// camera left alone); a drag elsewhere, or with the section off, orbits.
#include "core/commands/input_events.hpp"
#include "core/document/scene.hpp"
#include "platform/headless_context.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"
#include "ui/imgui_host.hpp"
#include "ui/viewport_input.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

using namespace crus;

namespace {

class SectionDrag : public ::testing::Test {
protected:
  void SetUp() override {
    auto dir = test::scratch_dir("section_drag");
    scene_ = load_scene(
        test::write_box_gltf((dir / "a.gltf").string(), {{"tibia", {0, 0.2f, 0.07f}, {0.08f, 0.2f, 0.08f}, {1, 1, 1, 1}}}));
    document_ = Document(scene_.structures.size());
    // From the front and above, as a teacher looks at a cut.
    CameraPose pose = camera_.pose_for(AnatomicalView::anterior, scene_.box, false, 1.6f);
    pose.pitch = 0.8f;
    camera_.set_pose(pose);
    ctx_.scene = &scene_;
    ctx_.document = &document_;
    ctx_.camera = &camera_;
    frame({});
  }

  void frame(std::deque<InputEvent> events) {
    double t = now_ + 0.01;
    for (auto& e : events) e.time = t += 0.04;
    queue_.insert(queue_.end(), events.begin(), events.end());
    do {
      now_ += 0.25;
      FrameInput input = replay_.take_frame(queue_, now_);
      ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
      host_.begin_frame(&input);
      ctx_.viewport_size = {1280, 800};
      ctx_.view = camera_.view();
      ctx_.projection = camera_.projection(1.6f);
      ui::handle_viewport_input(ctx_);
      host_.end_frame();
    } while (!queue_.empty());
  }
  static InputEvent button(bool down) {
    InputEvent e;
    e.kind = InputEvent::Kind::mouse_button;
    e.code = 0;
    e.down = down;
    return e;
  }
  static InputEvent cursor(float x, float y) {
    InputEvent e;
    e.kind = InputEvent::Kind::cursor;
    e.value = {x, y};
    return e;
  }
  // Press, three moves and the release, a frame each (a fast drag that ends
  // within one slow frame is covered too: the moves come before the release).
  void drag_from(float x, float y, float dy) {
    frame({cursor(x, y), button(true)});
    for (float f : {0.25f, 0.5f, 1.0f}) frame({cursor(x, y + dy * f)});
    frame({button(false)});
    frame({});
  }

  platform::HeadlessContext context_;
  ui::ImGuiHost host_{nullptr, 1.0f, ""};
  Scene scene_;
  Document document_{0};
  OrbitCamera camera_;
  ui::ViewerContext ctx_;
  InputReplay replay_;
  std::deque<InputEvent> queue_;
  double now_ = 0.0;
};

TEST_F(SectionDrag, ADragOnTheCutMovesThePlaneAsOneUndoStep) {
  SectionView on;
  on.on = true;
  document_.set_section(on, "Section on");
  const CameraPose before = camera_.pose();
  drag_from(640, 400, 60); // down the screen: the plane goes down the leg
  EXPECT_GT(document_.state().section.fraction, 0.42) << "the plane did not follow the mouse";
  EXPECT_FALSE(ctx_.section_preview) << "the drag ended with the button";
  EXPECT_EQ(document_.undo_name(), "Section moved");
  EXPECT_FLOAT_EQ(camera_.pose().yaw, before.yaw) << "the camera orbited while the plane was dragged";
  EXPECT_FLOAT_EQ(camera_.pose().pitch, before.pitch);
  ASSERT_TRUE(document_.undo());
  EXPECT_DOUBLE_EQ(document_.state().section.fraction, 0.40) << "the whole drag is one step";
}

TEST_F(SectionDrag, AFastDragWithinOneSlowFrameStillMovesThePlane) {
  SectionView on;
  on.on = true;
  document_.set_section(on, "Section on");
  frame({cursor(640, 400), button(true), cursor(640, 430), cursor(640, 460), button(false)});
  frame({});
  EXPECT_GT(document_.state().section.fraction, 0.42);
  EXPECT_EQ(document_.undo_name(), "Section moved");
}

TEST_F(SectionDrag, ADragOffTheCutOrWithTheSectionOffOrbits) {
  const CameraPose start = camera_.pose();
  drag_from(640, 400, 60);
  EXPECT_NE(camera_.pose().pitch, start.pitch) << "with the section off a drag orbits";
  EXPECT_DOUBLE_EQ(document_.state().section.fraction, 0.40);
  SectionView on;
  on.on = true;
  document_.set_section(on, "Section on");
  camera_.set_pose(start);
  drag_from(20, 20, 60); // the corner of the view: beside the leg
  EXPECT_DOUBLE_EQ(document_.state().section.fraction, 0.40);
  EXPECT_NE(camera_.pose().pitch, start.pitch);
}

} // namespace
