// The viewer's keys and clicks as a user makes them: view keys after a click
// on a panel, one owner per chord, and taps and double-clicks that start and
// end within one slow frame, replayed through InputReplay.
#include "core/commands/input_events.hpp"
#include "core/document/scene.hpp"
#include "platform/headless_context.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"
#include "ui/imgui_host.hpp"
#include "ui/shell.hpp"
#include "ui/viewport_input.hpp"

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>
#include <imgui.h>

using namespace crus;

namespace {

class ViewportKeys : public ::testing::Test {
protected:
  void SetUp() override {
    auto dir = test::scratch_dir("viewport_keys");
    scene_ = load_scene(
        test::write_box_gltf((dir / "a.gltf").string(), {{"tibia", {0, 0.2f, 0.07f}, {0.05f, 0.2f, 0.05f}, {1, 1, 1, 1}}}));
    document_ = Document(scene_.structures.size());
    camera_.set_pose(camera_.pose_for(AnatomicalView::anterior, scene_.box, false, 1.6f));
    picks_.build({&scene_.structures[0].mesh});
    ctx_.scene = &scene_;
    ctx_.document = &document_;
    ctx_.camera = &camera_;
    ctx_.picks = &picks_;
    frame({});
  }

  // One frame of the viewer, fed with what the replay hands out.
  void frame(std::deque<InputEvent> events, bool with_panel = false) {
    queue_.insert(queue_.end(), events.begin(), events.end());
    do {
      now_ += 0.25; // a software-rendered frame
      FrameInput input = replay_.take_frame(queue_, now_);
      ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
      host_.begin_frame(&input);
      ctx_.viewport_size = {1280, 800};
      ctx_.view = camera_.view();
      ctx_.projection = camera_.projection(1.6f);
      ui::handle_viewport_input(ctx_);
      shell_.draw(ctx_);
      if (with_panel) {
        ImGui::SetNextWindowPos(ImVec2(panel_x_, 100));
        ImGui::SetNextWindowSize(ImVec2(300, 300));
        ImGui::Begin("A panel");
        ImGui::Text("Some text to click on");
        ImGui::End();
        ctx_.panel_rects.emplace_back(glm::vec2(panel_x_, 100), glm::vec2(panel_x_ + 300, 400)); // as the shell records its own
      }
      host_.end_frame();
    } while (!queue_.empty());
  }

  static InputEvent key(int code, bool down) {
    InputEvent e;
    e.kind = InputEvent::Kind::key;
    e.code = code;
    e.down = down;
    return e;
  }
  static InputEvent button(bool down) {
    InputEvent e = key(0, down);
    e.kind = InputEvent::Kind::mouse_button;
    return e;
  }
  static InputEvent cursor(float x, float y) {
    InputEvent e;
    e.kind = InputEvent::Kind::cursor;
    e.value = {x, y};
    return e;
  }
  // Events timed as a user makes them: 40 ms apart.
  std::deque<InputEvent> timed(std::deque<InputEvent> events) {
    double t = now_ + 0.01;
    for (auto& e : events) e.time = t += 0.04;
    return events;
  }

  platform::HeadlessContext context_;
  ui::ImGuiHost host_{nullptr, 1.0f, ""};
  ui::Shell shell_{host_};
  Scene scene_;
  Document document_{0};
  OrbitCamera camera_;
  PickIndex picks_;
  ui::ViewerContext ctx_;
  InputReplay replay_;
  std::deque<InputEvent> queue_;
  double now_ = 0.0;
  float panel_x_ = 900.0f; // where "A panel" goes
};

TEST_F(ViewportKeys, ATapWithinOneFrameIsNotLost) {
  ASSERT_FALSE(document_.state().mirror);
  frame(timed({key('M', true), key('M', false)}));
  EXPECT_TRUE(document_.state().mirror);
}

TEST_F(ViewportKeys, ViewKeysWorkAfterAClickOnAPanel) {
  frame(timed({cursor(1000, 200), button(true), button(false)}), true);
  frame({}, true);
  ASSERT_TRUE(ImGui::GetIO().WantCaptureKeyboard); // the panel has the keyboard focus
  ASSERT_FALSE(ImGui::GetIO().WantTextInput);
  frame(timed({key('2', true), key('2', false)}), true);
  camera_.update(10.0f);
  EXPECT_NEAR(std::abs(camera_.pose().yaw), glm::pi<float>(), 1e-3f) << "2 did not turn to the posterior view";
}

TEST_F(ViewportKeys, CtrlEqualsChangesTheTextSizeAndNotTheZoom) {
  const float distance = camera_.pose().distance;
  const float points = host_.font_size();
  frame(timed({key(341, true), key('=', true), key('=', false), key(341, false)}));
  EXPECT_GT(host_.font_size(), points);
  EXPECT_FLOAT_EQ(camera_.pose().distance, distance);
  frame(timed({key('=', true), key('=', false)})); // without Ctrl it zooms
  EXPECT_LT(camera_.pose().distance, distance);
}

TEST_F(ViewportKeys, ADoubleClickWithinOneSlowFrameSelectsAndFrames) {
  const float distance = camera_.pose().distance;
  frame(timed({cursor(640, 400), button(true), button(false), button(true), button(false)}));
  EXPECT_EQ(document_.state().selected, 0);
  EXPECT_TRUE(camera_.animating()) << "the double-click was not seen";
  camera_.update(10.0f);
  EXPECT_NE(camera_.pose().distance, distance);
}

} // namespace

namespace {

TEST_F(ViewportKeys, MirrorKeepsTheLegInTheMiddleOfTheView) {
  auto centre_on_screen = [&]() {
    glm::mat4 model = document_.state().mirror ? glm::scale(glm::mat4(1.0f), glm::vec3(1, 1, -1)) : glm::mat4(1.0f);
    glm::vec4 c = camera_.projection(1.6f) * camera_.view() * model * glm::vec4(scene_.box.centre(), 1.0f);
    return glm::vec2(c) / c.w;
  };
  ASSERT_LT(glm::length(centre_on_screen()), 0.05f);
  frame(timed({key('M', true), key('M', false)}));
  ctx_.frame_request = -1;
  ui::follow_mirror(ctx_); // what the viewer does before each render
  ASSERT_TRUE(document_.state().mirror);
  EXPECT_LT(glm::length(centre_on_screen()), 0.05f) << "the mirrored leg left the middle of the view";
}

TEST_F(ViewportKeys, AnEmptyViewSaysWhy) {
  EXPECT_EQ(ui::nothing_drawn_reason(ctx_), nullptr);
  ctx_.layers = {5};
  document_.set_peel_layer(5);
  const char* why = ui::nothing_drawn_reason(ctx_);
  ASSERT_NE(why, nullptr);
  EXPECT_NE(std::string(why).find("peeled"), std::string::npos);
  document_.show_all();
  document_.set_visibility({0}, Visibility::hidden);
  ASSERT_NE(ui::nothing_drawn_reason(ctx_), nullptr);
  EXPECT_NE(std::string(ui::nothing_drawn_reason(ctx_)).find("hidden"), std::string::npos);
}

} // namespace

namespace {
// The leg's box on screen (pixels, y down) for the camera's pose.
std::pair<glm::vec2, glm::vec2> on_screen(const OrbitCamera& camera, const Aabb& box, glm::vec2 size) {
  glm::mat4 m = camera.projection(size.x / size.y) * camera.view();
  glm::vec2 lo(1e9f), hi(-1e9f);
  for (int i = 0; i < 8; ++i) {
    glm::vec4 p =
        m * glm::vec4(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z, 1.0f);
    glm::vec2 ndc = glm::vec2(p) / p.w;
    glm::vec2 px((ndc.x + 1.0f) * 0.5f * size.x, (1.0f - ndc.y) * 0.5f * size.y);
    lo = glm::min(lo, px);
    hi = glm::max(hi, px);
  }
  return {lo, hi};
}
} // namespace

TEST_F(ViewportKeys, ResetViewFitsTheLegBesideThePanelsNotUnderThem) {
  // "A panel" covers x 600..900, over the middle of the window: R must
  // leave the leg left of it, whole.
  panel_x_ = 600.0f;
  frame({}, true);
  frame(timed({cursor(400, 400), key('R', true), key('R', false)}), true);
  camera_.update(10.0f);
  auto [lo, hi] = on_screen(camera_, scene_.box, {1280, 800});
  EXPECT_GE(lo.x, 0.0f);
  EXPECT_LE(hi.x, 600.0f) << "the leg reaches under the panel";
  EXPECT_GE(lo.y, ImGui::GetFrameHeight() - 1.0f);
  EXPECT_LE(hi.y, 800.0f - ImGui::GetFrameHeight());
  // It is not shrunk to a speck either: most of the free height.
  EXPECT_GT(hi.y - lo.y, 0.7f * (800.0f - 2.0f * ImGui::GetFrameHeight()));
  // Without the panel the same key centres it in the whole window.
  frame({});
  frame(timed({key('R', true), key('R', false)}));
  camera_.update(10.0f);
  auto [lo2, hi2] = on_screen(camera_, scene_.box, {1280, 800});
  EXPECT_NEAR(0.5f * (lo2.x + hi2.x), 640.0f, 20.0f);
}
