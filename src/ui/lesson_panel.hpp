#pragma once
// The Lesson panel: open a bundled or saved lesson, step through it, and
// edit it (add the current view as a step, caption, notes, reorder,
// duplicate, delete, save). Presenter mode shows the same lesson full
// screen with large captions. The app supplies LessonActions.
#include "core/commands/command_registry.hpp"
#include "core/teaching/lesson_session.hpp"
#include "ui/panel.hpp"

#include <functional>
#include <string>

namespace crus::ui {

struct LessonActions {
  std::function<void(const SceneSpec&)> show; // put a step's scene on screen (smooth camera)
  std::function<SceneSpec()> capture;         // the current view as a scene
  std::function<void(bool)> set_presenting;   // enter or leave presenter mode
  // Runs the function now, or after asking about unsaved edits (ui/lesson_changes.hpp);
  // empty: runs it now.
  std::function<void(const std::string& what, std::function<void()>)> guard;
};

class LessonPanel : public Panel {
public:
  // Both are the app's and outlive the panel; the actions may be filled in later.
  LessonPanel(LessonSession& session, const LessonActions& actions);
  const char* title() const override { return "Lesson"; }
  void draw(ViewerContext& ctx) override;
  PanelSlot slot() const override { return PanelSlot::inner; }

private:
  void open_file(ViewerContext& ctx, const std::string& path);
  void show_current();
  void guarded(const std::string& what, std::function<void()> then);
  LessonSession& session_;
  const LessonActions& actions_;
  int bundled_choice_ = 0;
  std::string chooser_synced_to_; // the session path the chooser last followed
  char path_[1024] = {};
  char caption_[2048] = {};
  char notes_[8192] = {};
  char title_[256] = {};
  int synced_step_ = -2; // the step whose text is in the edit buffers
  std::string status_;
};

// Binds the lesson's commands (core/commands/command_catalogue.cpp has their keys):
// lesson.next / lesson.previous (Page Down or Space, Page Up), lesson.present
// (F5), and, in the "presenter" context that the shell puts first while
// presenting, presenter.next / .previous (also the arrows, which orbit the
// view outside it), presenter.black_screen (B) and presenter.leave (Escape).
// All references must outlive `commands`.
void bind_lesson_commands(CommandRegistry& commands, LessonSession& session, const LessonActions& actions, ViewerContext& ctx);

// Presenter mode's overlay: the step's caption in large type, the progress,
// or a black screen.
void draw_presenter(const LessonSession& session, const ViewerContext& ctx);

} // namespace crus::ui
