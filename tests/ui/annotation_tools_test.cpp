// Annotations and presenter tools headless, driven by the keys of the
// command registry: Shift+P then Enter pins the surface at the centre of the
// view (stored at rest, on its structure), Shift+A, Enter, Enter makes an
// arrow, Shift+Delete deletes; in presenter mode D inks with a mouse drag,
// C clears, K keeps the ink in the step, L and S toggle the laser and the
// spotlight. A pin's screen point stays on its structure as the view turns.
// A step action lights each structure in turn.
#include "core/document/draw_builder.hpp"
#include "core/commands/input_events.hpp"
#include "core/teaching/lesson_session.hpp"
#include "core/document/scene.hpp"
#include "panel_harness.hpp"
#include "platform/headless_context.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"
#include "ui/annotation_overlay.hpp"
#include "ui/annotation_panel.hpp"
#include "ui/imgui_host.hpp"
#include "ui/lesson_panel.hpp"
#include "ui/shell.hpp"
#include "ui/step_action_player.hpp"
#include "ui/viewport_input.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <imgui.h>

using namespace crus;

namespace {

constexpr int kRight = 262, kEscape = 256, kF5 = 294, kShift = 340, kEnter = 257, kDelete = 261, kPageDown = 267, kPageUp = 266;

class AnnotationTools : public ::testing::Test {
protected:
  void SetUp() override {
    auto dir = test::scratch_dir("annotation_tools");
    scene_ = load_scene(
        test::write_box_gltf((dir / "a.gltf").string(), {{"tibia", {0, 0.2f, 0.07f}, {0.05f, 0.2f, 0.05f}, {1, 1, 1, 1}},
                                                         {"soleus", {-0.1f, 0.25f, 0.07f}, {0.03f, 0.1f, 0.03f}, {1, 0, 0, 1}}}));
    document_ = Document(scene_.structures.size());
    camera_.set_pose(camera_.pose_for(AnatomicalView::anterior, scene_.box, false, 1.6f));
    std::vector<const Mesh*> meshes;
    for (const auto& s : scene_.structures) meshes.push_back(&s.mesh);
    picks_.build(meshes);
    ctx_.scene = &scene_;
    ctx_.document = &document_;
    ctx_.camera = &camera_;
    ctx_.picks = &picks_;
    Lesson lesson;
    lesson.id = "t";
    lesson.title = lesson.summary = "Test";
    for (int k : {0, 1}) {
      LessonStep step;
      step.scene.selected = scene_.structures[static_cast<std::size_t>(k)].id;
      step.caption = "Caption " + step.scene.selected;
      lesson.steps.push_back(step);
    }
    session_.open(lesson, "");
    actions_.show = [this](const SceneSpec& spec) { document_.load_state(apply_scene_spec(spec, scene_).state, "Lesson step"); };
    actions_.capture = [this] { return capture_scene_spec(document_.state(), scene_, camera_.pose()); };
    actions_.set_presenting = [this](bool on) { ctx_.presenting = on; };
    ui::bind_lesson_commands(shell_.commands(), session_, actions_, ctx_);
    ui::bind_annotation_commands(shell_.commands(), ctx_, &session_);
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
      ctx_.projection = camera_.projection(1280.0f / 800.0f);
      ui::handle_viewport_input(ctx_);
      ui::draw_annotations(ctx_);
      if (ctx_.presenting) ui::draw_presenter(session_, ctx_);
      if (ctx_.presenting) ui::draw_pointer(ctx_);
      shell_.draw(ctx_);
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
  static std::deque<InputEvent> tap(int code) { return {key(code, true), key(code, false)}; }
  static std::deque<InputEvent> shifted(int code) {
    return {key(kShift, true), key(code, true), key(code, false), key(kShift, false)};
  }
  static InputEvent mouse(glm::vec2 at) {
    InputEvent e;
    e.kind = InputEvent::Kind::cursor;
    e.value = at;
    return e;
  }
  static InputEvent button(bool down) {
    InputEvent e;
    e.kind = InputEvent::Kind::mouse_button;
    e.code = 0;
    e.down = down;
    return e;
  }
  const Annotations& notes() const { return document_.state().annotations; }

  platform::HeadlessContext context_;
  ui::ImGuiHost host_{nullptr, 1.0f, ""};
  ui::Shell shell_{host_};
  Scene scene_;
  Document document_{0};
  OrbitCamera camera_;
  PickIndex picks_;
  ui::ViewerContext ctx_;
  LessonSession session_;
  ui::LessonActions actions_;
  InputReplay replay_;
  std::deque<InputEvent> queue_;
  double now_ = 0.0;
};

} // namespace

TEST_F(AnnotationTools, KeyboardPinsTheSurfaceAndItStaysOnItsStructureAsTheViewTurns) {
  frame(shifted('P'));
  ASSERT_EQ(ctx_.annotate.tool, ui::AnnotationTool::pin);
  frame(tap(kEnter));
  ASSERT_EQ(notes().pins.size(), 1u);
  const PinNote pin = notes().pins[0];
  EXPECT_EQ(pin.at.structure, scene_.structures[0].id);
  EXPECT_NEAR(pin.at.rest.x, 0.05f, 1e-4f) << "on the tibia's front face, where the centre ray meets it";
  EXPECT_EQ(pin.text, scene_.structures[0].name);
  EXPECT_EQ(ctx_.annotate.tool, ui::AnnotationTool::none) << "one pin per use of the tool";
  // Turn the view with the arrow keys: the pin's pixel still shows the tibia, at the pin.
  for (int turn = 0; turn < 3; ++turn) {
    frame(tap(kRight));
    frame({});
    auto px = ui::screen_point(ctx_, pin.at);
    ASSERT_TRUE(px);
    auto hit = picks_.pick(ray_from_screen(*px, ctx_.viewport_size, ctx_.view, ctx_.projection), {pick_opaque, pick_opaque});
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->mesh, 0) << "the tibia";
    EXPECT_LT(glm::length(hit->point - pin.at.rest), 0.001f);
  }
  EXPECT_EQ(document_.undo_name(), "Add pin");
  frame(shifted(kDelete));
  EXPECT_TRUE(notes().pins.empty());
  document_.undo();
  EXPECT_EQ(notes().pins.size(), 1u);
}

TEST_F(AnnotationTools, KeyboardArrowAndEscapeStopsTheTool) {
  frame(shifted('A'));
  frame(tap(kEnter));
  ASSERT_TRUE(ctx_.annotate.arrow_start);
  frame(tap(kRight)); // aim elsewhere: the arrows still turn the view while a tool is in use
  frame(tap(kEnter));
  ASSERT_EQ(notes().arrows.size(), 1u);
  EXPECT_TRUE(notes().arrows[0].from);
  EXPECT_EQ(notes().arrows[0].to.structure, scene_.structures[0].id);
  EXPECT_GT(glm::length(notes().arrows[0].from->rest - notes().arrows[0].to.rest), 0.001f);
  frame(shifted('P'));
  frame(tap(kEscape));
  EXPECT_EQ(ctx_.annotate.tool, ui::AnnotationTool::none);
  EXPECT_EQ(notes().pins.size(), 0u) << "Escape stops the tool without placing";
}

TEST_F(AnnotationTools, PresenterInkLaserSpotlightAndKeepingInk) {
  frame(tap(kF5));
  ASSERT_TRUE(ctx_.presenting);
  frame(tap('D'));
  ASSERT_EQ(ctx_.annotate.tool, ui::AnnotationTool::ink);
  const float yaw = camera_.pose().yaw;
  frame({mouse({200, 200})});
  frame({button(true)});
  for (glm::vec2 at : {glm::vec2(260, 230), glm::vec2(320, 300), glm::vec2(400, 320)}) frame({mouse(at)});
  frame({button(false)});
  frame({});
  ASSERT_EQ(notes().ink.size(), 1u);
  const InkStroke& s = notes().ink[0];
  ASSERT_GE(s.points.size(), 3u);
  EXPECT_NEAR(s.points.front().x, 200.0f / 1280.0f, 1e-4f) << "stored normalised to the view";
  EXPECT_NEAR(s.points.back().y, 320.0f / 800.0f, 1e-4f);
  EXPECT_EQ(camera_.pose().yaw, yaw) << "dragging in ink mode draws, it does not turn the view";
  frame(tap('K'));
  EXPECT_EQ(session_.lesson().steps[0].scene.annotations.ink, notes().ink);
  EXPECT_TRUE(session_.dirty());
  frame(tap('C'));
  EXPECT_TRUE(notes().ink.empty());
  frame(tap(kPageDown));
  frame(tap(kPageUp)); // back to the step that kept its ink
  EXPECT_EQ(notes().ink.size(), 1u);
  frame(tap('L'));
  EXPECT_EQ(ctx_.annotate.pointer, ui::Pointer::laser);
  frame(tap('S'));
  EXPECT_EQ(ctx_.annotate.pointer, ui::Pointer::spotlight);
  frame(tap('S'));
  EXPECT_EQ(ctx_.annotate.pointer, ui::Pointer::none);
}

TEST_F(AnnotationTools, StepActionLightsEachStructureInTurn) {
  StepAction a;
  a.highlight = {scene_.structures[0].id, scene_.structures[1].id}; // the tibia, the soleus
  a.seconds_each = 1.0;
  ui::start_step_action(ctx_, a);
  EXPECT_TRUE(ui::advance_step_action(ctx_, 10.0));
  EXPECT_EQ(ctx_.step_action.lit, scene_.structures[0].id);
  DrawList list = make_draw_list(scene_, document_.state(), -1, {}, {});
  ui::light_step_action(ctx_, list);
  auto item = [&](int structure) {
    for (const DrawItem& i : list.items)
      if (i.structure == structure) return i;
    ADD_FAILURE() << structure << " is not drawn";
    return DrawItem{};
  };
  EXPECT_GT(item(0).emphasis.r, 0.3f);
  EXPECT_EQ(item(1).emphasis.r, 0.0f);
  ui::advance_step_action(ctx_, 11.5);
  EXPECT_EQ(ctx_.step_action.lit, scene_.structures[1].id);
  EXPECT_FALSE(ui::advance_step_action(ctx_, 12.1));
  EXPECT_EQ(ctx_.step_action.lit, "");
}

TEST_F(AnnotationTools, NothingIsCutOffInTheAnnotationsPanelWhenNarrow) {
  // With text 30 px high in a panel 224 px wide, "Arrow (Shift+A)" stood
  // cut off beside "Pin (Shift+P)", and "Clear ink" beside the ink count.
  Annotations a;
  a.pins.push_back({{scene_.structures[0].id, {0.0f, 0.2f, 0.1f}}, "A pin's words"});
  document_.set_annotations(a, "Pin");
  ui::AnnotationPanel panel;
  panel.open = true;
  for (const float width : {test::narrowest_panel_width(), 560.0f}) {
    ASSERT_GT(width, 100.0f);
    EXPECT_LE(test::overflow_at_width(host_, panel, ctx_, width, 1200.0f), 0.0f) << "a panel " << width << " px wide";
    EXPECT_LE(test::clipped_sideways(panel.title()), 1.0f) << "cut off in a panel " << width << " px wide";
    EXPECT_TRUE(panel.last_error.empty()) << panel.last_error;
  }
}
