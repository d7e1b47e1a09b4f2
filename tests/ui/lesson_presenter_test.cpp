// Lesson stepping and presenter mode headless, through the keys a clicker
// sends (dispatched by the shell's command registry): outside presenter mode only Page Down/Up and Space step (the arrows
// orbit); in it the arrows step too, B blanks, Escape leaves, and the shell
// draws no menu, panels or status bar.
#include "core/commands/input_events.hpp"
#include "core/teaching/lesson_session.hpp"
#include "core/document/scene.hpp"
#include "platform/headless_context.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"
#include "ui/imgui_host.hpp"
#include "ui/lesson_changes.hpp"
#include "ui/lesson_panel.hpp"
#include "ui/shell.hpp"
#include "ui/speaker_notes.hpp"
#include "ui/viewport_input.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

using namespace crus;

namespace {

constexpr int kRight = 262, kLeft = 263, kPageUp = 266, kPageDown = 267, kEscape = 256, kF5 = 294, kF6 = 295;

class LessonPresenter : public ::testing::Test {
protected:
  void SetUp() override {
    auto dir = test::scratch_dir("lesson_presenter");
    scene_ = load_scene(test::write_box_gltf((dir / "a.gltf").string(),
                                             {{"tibia", {0, 0.2f, 0.07f}, {0.05f, 0.2f, 0.05f}, {1, 1, 1, 1}},
                                              {"soleus", {-0.05f, 0.25f, 0.07f}, {0.03f, 0.1f, 0.03f}, {1, 0, 0, 1}}}));
    document_ = Document(scene_.structures.size());
    camera_.set_pose(camera_.pose_for(AnatomicalView::anterior, scene_.box, false, 1.6f));
    ctx_.scene = &scene_;
    ctx_.document = &document_;
    ctx_.camera = &camera_;
    Lesson lesson;
    lesson.id = "t";
    lesson.title = lesson.summary = "Test";
    for (int k : {0, 1, 0}) {
      LessonStep step;
      step.scene.selected = scene_.structures[static_cast<std::size_t>(k)].id;
      step.caption = "Caption " + step.scene.selected;
      lesson.steps.push_back(step);
    }
    session_.open(lesson, "");
    actions_.show = [this](const SceneSpec& spec) {
      ++shown_;
      document_.load_state(apply_scene_spec(spec, scene_).state, "Lesson step");
    };
    actions_.capture = [this] { return capture_scene_spec(document_.state(), scene_, camera_.pose()); };
    actions_.set_presenting = [this](bool on) { ctx_.presenting = on; };
    ui::bind_lesson_commands(shell_.commands(), session_, actions_, ctx_);
    ui::attach_lesson_changes(shell_, changes_);
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
      ui::handle_viewport_input(ctx_);
      if (ctx_.presenting) ui::draw_presenter(session_, ctx_);
      shell_.draw(ctx_);
      host_.end_frame();
    } while (!queue_.empty());
  }
  static std::deque<InputEvent> tap(int code) {
    InputEvent down;
    down.kind = InputEvent::Kind::key;
    down.code = code;
    down.down = true;
    InputEvent up = down;
    up.down = false;
    return {down, up};
  }
  bool drawn_last_frame(const char* window) {
    const ImGuiWindow* w = ImGui::FindWindowByName(window);
    return w && w->LastFrameActive == ImGui::GetFrameCount();
  }
  bool menu_drawn_last_frame() { return drawn_last_frame("##MainMenuBar"); }
  int selected() const { return document_.state().selected; }

  platform::HeadlessContext context_;
  ui::ImGuiHost host_{nullptr, 1.0f, ""};
  ui::Shell shell_{host_};
  Scene scene_;
  Document document_{0};
  OrbitCamera camera_;
  ui::ViewerContext ctx_;
  LessonSession session_;
  ui::LessonChanges changes_{session_};
  ui::LessonActions actions_;
  InputReplay replay_;
  std::deque<InputEvent> queue_;
  double now_ = 0.0;
  int shown_ = 0;
};

} // namespace

TEST_F(LessonPresenter, ClickerKeysStepAndArrowsOrbitOutsidePresenterMode) {
  frame(tap(kPageDown));
  EXPECT_EQ(session_.current(), 1);
  EXPECT_EQ(selected(), 1); // step 2 selects the second structure
  frame(tap(' '));
  EXPECT_EQ(session_.current(), 2);
  frame(tap(kPageDown)); // past the end: nothing
  EXPECT_EQ(session_.current(), 2);
  frame(tap(kPageUp));
  EXPECT_EQ(session_.current(), 1);
  const float yaw = camera_.pose().yaw;
  frame(tap(kRight));
  EXPECT_EQ(session_.current(), 1) << "outside presenter mode the arrows belong to the view";
  EXPECT_NE(camera_.pose().yaw, yaw);
  EXPECT_EQ(shown_, 3);
}

TEST_F(LessonPresenter, PresenterModeMountsStepsBlanksAndLeaves) {
  ASSERT_TRUE(menu_drawn_last_frame());
  frame(tap(kF5));
  ASSERT_TRUE(ctx_.presenting);
  frame({});
  EXPECT_FALSE(menu_drawn_last_frame()) << "presenter mode hides the menu and panels";
  const float yaw = camera_.pose().yaw;
  frame(tap(kRight));
  EXPECT_EQ(session_.current(), 1);
  EXPECT_EQ(camera_.pose().yaw, yaw) << "in presenter mode the arrows step instead of orbiting";
  frame(tap(kLeft));
  EXPECT_EQ(session_.current(), 0);
  frame(tap('B'));
  EXPECT_TRUE(ctx_.black_screen);
  frame(tap(kPageDown)); // stepping shows the picture again
  EXPECT_FALSE(ctx_.black_screen);
  EXPECT_EQ(session_.current(), 1);
  ASSERT_EQ(selected(), 1);
  frame(tap(kEscape));
  EXPECT_FALSE(ctx_.presenting);
  EXPECT_EQ(selected(), 1) << "Escape leaves presenter mode without clearing the selection";
  frame({});
  EXPECT_TRUE(menu_drawn_last_frame());
}

TEST_F(LessonPresenter, UnsavedLessonEditsAskBeforeTheyAreLost) {
  ASSERT_FALSE(session_.dirty());
  session_.set_caption("An edited caption");
  ASSERT_TRUE(session_.dirty());
  // Closing the lesson asks first; Cancel (Escape) keeps everything.
  ASSERT_TRUE(shell_.commands().run("lesson.close"));
  frame({});
  EXPECT_TRUE(changes_.asking());
  EXPECT_EQ(changes_.what(), "Closing the lesson");
  EXPECT_TRUE(session_.loaded());
  EXPECT_TRUE(drawn_last_frame("Unsaved lesson")) << "the prompt is on screen";
  frame(tap(kEscape));
  EXPECT_FALSE(changes_.asking());
  frame({});
  EXPECT_FALSE(drawn_last_frame("Unsaved lesson"));
  EXPECT_TRUE(session_.loaded());
  EXPECT_TRUE(session_.dirty());
  EXPECT_EQ(session_.step()->caption, "An edited caption");

  // Quitting asks too. Save with no file yet says so and keeps asking; with a
  // path it writes the lesson, then quits.
  ASSERT_TRUE(shell_.commands().run("file.quit"));
  frame({});
  EXPECT_FALSE(ctx_.quit);
  ASSERT_TRUE(changes_.asking());
  EXPECT_EQ(changes_.what(), "Quitting");
  EXPECT_TRUE(drawn_last_frame("Unsaved lesson"));
  changes_.save();
  EXPECT_TRUE(changes_.asking());
  EXPECT_NE(changes_.message().find("type a file name"), std::string::npos) << changes_.message();
  EXPECT_FALSE(ctx_.quit);
  const std::string path = (test::scratch_dir("lesson_unsaved") / "mine.json").string();
  changes_.save(path);
  EXPECT_FALSE(changes_.asking());
  EXPECT_TRUE(ctx_.quit);
  EXPECT_FALSE(session_.dirty());
  EXPECT_EQ(load_lesson(path).steps.front().caption, "An edited caption");
  ctx_.quit = false;

  // Saved: closing needs no question. A new edit, then Discard, closes it
  // without writing.
  session_.set_notes("Notes that will be thrown away");
  ASSERT_TRUE(shell_.commands().run("lesson.close"));
  ASSERT_TRUE(changes_.asking());
  EXPECT_EQ(changes_.save_target(), path) << "Save goes to the lesson's own file";
  changes_.discard();
  EXPECT_FALSE(session_.loaded());
  EXPECT_EQ(load_lesson(path).steps.front().notes, "");
  EXPECT_FALSE(shell_.commands().is_enabled("lesson.close")) << "nothing to close";
  // With nothing unsaved, quitting goes straight on.
  ASSERT_TRUE(shell_.commands().run("file.quit"));
  EXPECT_FALSE(changes_.asking());
  EXPECT_TRUE(ctx_.quit);
}

TEST_F(LessonPresenter, SpeakerNotesShowTheNotesAndTheNextStep) {
  session_.set_notes("Point at the soleus under the gastrocnemius.");
  auto notes_text = [this] {
    host_.begin_frame();
    ImGui::SetNextWindowSize(ImVec2(900, 700));
    ImGui::Begin("notes test");
    ImGui::LogToBuffer(0);
    ui::speaker_notes_contents(session_, ctx_);
    std::string text = GImGui->LogBuffer.c_str();
    ImGui::LogFinish();
    ImGui::End();
    host_.end_frame();
    return text;
  };
  std::string text = notes_text();
  EXPECT_NE(text.find("Step 1 of 3"), std::string::npos) << text;
  EXPECT_NE(text.find("Caption unlabelled:tibia"), std::string::npos) << text;
  EXPECT_NE(text.find("Point at the soleus under the gastrocnemius."), std::string::npos) << text;
  EXPECT_NE(text.find("Next, step 2: Caption unlabelled:soleus"), std::string::npos) << text;
  session_.go_to(2);
  text = notes_text();
  EXPECT_NE(text.find("(none for this step)"), std::string::npos) << text;
  EXPECT_NE(text.find("This is the last step."), std::string::npos) << text;
  session_.go_to(0);

  // With one screen: N in presenter mode puts the notes over the view, and
  // takes them away again; outside presenter mode N does nothing.
  frame(tap('N'));
  EXPECT_FALSE(ctx_.speaker_notes);
  frame(tap(kF5));
  ASSERT_TRUE(ctx_.presenting);
  frame(tap('N'));
  EXPECT_TRUE(ctx_.speaker_notes);
  frame({});
  EXPECT_TRUE(drawn_last_frame("##speaker_notes_overlay"));
  frame(tap('N'));
  frame({});
  EXPECT_FALSE(drawn_last_frame("##speaker_notes_overlay"));
  // F6 asks the app for the speaker-notes window (app/viewer_notes_window.hpp opens it).
  frame(tap(kF6));
  EXPECT_TRUE(ctx_.notes_window);
  EXPECT_TRUE(shell_.commands().is_checked("lesson.notes_window"));
  frame(tap(kF6));
  EXPECT_FALSE(ctx_.notes_window);
}
