// The viewer's commands through its keys: every command of the catalogue is
// bound once the viewer is wired, every key name has a key code, a remapped
// chord moves the action, letters typed into the palette are text and not
// commands, and the palette finds and runs a command.
#include "app/viewer_panels.hpp"
#include "core/commands/command_catalogue.hpp"
#include "core/commands/input_events.hpp"
#include "core/document/scene.hpp"
#include "platform/headless_context.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"
#include "ui/command_keys.hpp"
#include "ui/imgui_host.hpp"
#include "ui/annotation_panel.hpp"
#include "ui/lesson_changes.hpp"
#include "ui/lesson_panel.hpp"
#include "ui/shell.hpp"
#include "ui/viewport_input.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

using namespace crus;

namespace {

constexpr int kShift = 340, kCtrl = 341, kEnter = 257;

class CommandKeys : public ::testing::Test {
protected:
  void SetUp() override {
    auto dir = test::scratch_dir("command_keys");
    scene_ = load_scene(
        test::write_box_gltf((dir / "a.gltf").string(), {{"tibia", {0, 0.2f, 0.07f}, {0.05f, 0.2f, 0.05f}, {1, 1, 1, 1}}}));
    document_ = Document(scene_.structures.size());
    camera_.set_pose(camera_.pose_for(AnatomicalView::anterior, scene_.box, false, 1.6f));
    picks_.build({&scene_.structures[0].mesh});
    ctx_.scene = &scene_;
    ctx_.document = &document_;
    ctx_.camera = &camera_;
    ctx_.picks = &picks_;
    panels_.install(shell_, ctx_);
    // The viewer installs the Lesson panel and binds its and the annotation
    // commands itself (app/viewer.cpp), as here.
    shell_.add_panel(std::make_unique<ui::LessonPanel>(lesson_, lesson_actions_));
    ui::bind_lesson_commands(shell_.commands(), lesson_, lesson_actions_, ctx_);
    ui::bind_annotation_commands(shell_.commands(), ctx_, &lesson_);
    ui::attach_lesson_changes(shell_, lesson_changes_);
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
  // A key as typed: press, the character, release.
  static void type(std::deque<InputEvent>& events, const std::string& text) {
    for (char c : text) {
      const int code = std::toupper(static_cast<unsigned char>(c));
      events.push_back(key(code, true));
      InputEvent ch;
      ch.kind = InputEvent::Kind::character;
      ch.codepoint = static_cast<unsigned char>(c);
      events.push_back(ch);
      events.push_back(key(code, false));
    }
  }
  bool palette_open() const { return shell_.palette().is_open(); }

  platform::HeadlessContext context_;
  ui::ImGuiHost host_{nullptr, 1.0f, ""};
  ui::Shell shell_{host_};
  app::ViewerPanels panels_;
  Scene scene_;
  Document document_{0};
  OrbitCamera camera_;
  PickIndex picks_;
  ui::ViewerContext ctx_;
  InputReplay replay_;
  std::deque<InputEvent> queue_;
  double now_ = 0.0;
  LessonSession lesson_;
  ui::LessonActions lesson_actions_;
  ui::LessonChanges lesson_changes_{lesson_};
};

TEST(CommandKeyCodes, EveryKeyNameHasTheCodeImGuiSees) {
  for (const std::string& name : key_names()) EXPECT_GE(ui::key_code(name), 0) << name;
  EXPECT_EQ(ui::key_code("M"), 'M');
  EXPECT_EQ(ui::key_code("F1"), 290);
  EXPECT_EQ(ui::key_code("KeypadAdd"), 334);
  EXPECT_EQ(ui::key_code("Escape"), 256);
}

TEST_F(CommandKeys, EveryCommandIsBoundOnceTheViewerIsWired) {
  std::string unbound;
  for (const Command& c : shell_.commands().all())
    if (!c.bound()) unbound += " " + c.info.id;
  EXPECT_TRUE(unbound.empty()) << "commands without behaviour:" << unbound;
  EXPECT_EQ(ctx_.commands, &shell_.commands());
  // One toggle per panel, Help included.
  for (const auto& p : shell_.panels()) EXPECT_TRUE(shell_.commands().find(panel_command_id(p->title()))) << p->title();
}

TEST_F(CommandKeys, ARemappedChordMovesTheAction) {
  shell_.commands().set_keys("view.mirror", {*parse_key_chord("Ctrl+M")});
  frame({key('M', true), key('M', false)});
  EXPECT_FALSE(document_.state().mirror) << "M still mirrors after it was remapped";
  frame({key(kCtrl, true), key('M', true), key('M', false), key(kCtrl, false)});
  EXPECT_TRUE(document_.state().mirror);
  EXPECT_TRUE(shell_.take_commands_ran());
  EXPECT_FALSE(shell_.take_commands_ran());
}

TEST_F(CommandKeys, ThePaletteRunsWhatIsTypedAndTheLettersAreText) {
  document_.select(0);
  frame({key(kCtrl, true), key(kShift, true), key('P', true), key('P', false), key(kShift, false), key(kCtrl, false)});
  frame({});
  ASSERT_TRUE(palette_open());
  std::deque<InputEvent> typing;
  type(typing, "mirror");
  frame(typing);
  frame({});
  // Typed into the palette, M and I did not mirror or isolate.
  EXPECT_FALSE(document_.state().mirror);
  EXPECT_EQ(document_.state().visibility[0], Visibility::shown);
  frame({key(kEnter, true), key(kEnter, false)});
  frame({});
  EXPECT_TRUE(document_.state().mirror) << "Enter did not run the command found";
  EXPECT_FALSE(palette_open());
  EXPECT_EQ(document_.state().visibility[0], Visibility::shown);
}

TEST_F(CommandKeys, CtrlKOpensThePaletteAndEscapeClosesIt) {
  frame({key(kCtrl, true), key('K', true), key('K', false), key(kCtrl, false)});
  frame({});
  ASSERT_TRUE(palette_open());
  document_.select(0);
  frame({key(256, true), key(256, false)});
  frame({});
  EXPECT_FALSE(palette_open());
}

} // namespace

TEST_F(CommandKeys, APinIsPlacedAndLabelledWithTheKeyboardAlone) {
  // Shift+P opens the Annotations panel, Enter pins the surface at the
  // centre of the view, and the pin's text field has the keyboard: typing
  // and Enter give the pin its text (one undo step).
  constexpr int kShift = 340, kEnter = 257;
  frame({key(kShift, true), key('P', true), key('P', false), key(kShift, false)});
  ASSERT_EQ(ctx_.annotate.tool, ui::AnnotationTool::pin);
  ASSERT_TRUE(shell_.commands().is_checked("panel.annotations"));
  frame({key(kEnter, true), key(kEnter, false)});
  ASSERT_EQ(document_.state().annotations.pins.size(), 1u);
  frame({});
  frame({});
  std::deque<InputEvent> typing;
  for (int i = 0; i < 12; ++i) { // clear the structure's name put there as a start
    typing.push_back(key(259, true));
    typing.push_back(key(259, false));
  }
  type(typing, "shin");
  typing.push_back(key(kEnter, true));
  typing.push_back(key(kEnter, false));
  frame(typing);
  frame({});
  EXPECT_EQ(document_.state().annotations.pins[0].text, "shin");
  EXPECT_EQ(document_.undo_name(), "Edit pin text");
}

// View > Ambient occlusion: the named command turns the baked occlusion off
// and on again in what the viewer draws.
TEST_F(CommandKeys, TheAmbientOcclusionCommandTogglesTheShading) {
  ASSERT_TRUE(ctx_.ambient_occlusion) << "on by default";
  EXPECT_TRUE(panels_.draw_list(ctx_).ambient_occlusion);
  ASSERT_TRUE(shell_.commands().run("view.ambient_occlusion"));
  EXPECT_FALSE(ctx_.ambient_occlusion);
  EXPECT_FALSE(panels_.draw_list(ctx_).ambient_occlusion);
  ASSERT_TRUE(shell_.commands().run("view.ambient_occlusion"));
  EXPECT_TRUE(panels_.draw_list(ctx_).ambient_occlusion);
}
