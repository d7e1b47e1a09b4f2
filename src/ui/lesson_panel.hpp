#pragma once
// The Lesson panel: open a bundled or saved lesson, step through it, and
// edit it (add the current view as a step, caption, notes, reorder,
// duplicate, delete, save). Presenter mode shows the same lesson full
// screen with large captions. The app supplies LessonActions.
#include "core/lesson_session.hpp"
#include "ui/panel.hpp"

#include <functional>
#include <string>

namespace crus::ui {

struct LessonActions {
  std::function<void(const SceneSpec&)> show;   // put a step's scene on screen (smooth camera)
  std::function<SceneSpec()> capture;           // the current view as a scene
  std::function<void(bool)> set_presenting;     // enter or leave presenter mode
};

class LessonPanel : public Panel {
public:
  // Both are the app's and outlive the panel; the actions may be filled in later.
  LessonPanel(LessonSession& session, const LessonActions& actions);
  const char* title() const override { return "Lesson"; }
  const char* shortcut() const override { return "F5 presents"; }
  void draw(ViewerContext& ctx) override;
  PanelSlot slot() const override { return PanelSlot::inner; }

private:
  void open_file(ViewerContext& ctx, const std::string& path);
  void show_current();
  LessonSession& session_;
  const LessonActions& actions_;
  int bundled_choice_ = 0;
  char path_[1024] = {};
  char caption_[2048] = {};
  char notes_[8192] = {};
  char title_[256] = {};
  int synced_step_ = -2;  // the step whose text is in the edit buffers
  std::string status_;
};

// The clicker keys, called once a frame. Page Down and Space step forward,
// Page Up back; in presenter mode the arrows step too (outside it they orbit
// the view), B blanks the screen and Escape leaves. F5 starts presenting.
// Returns whether anything changed.
bool handle_lesson_keys(LessonSession& session, const LessonActions& actions, ViewerContext& ctx);

// Presenter mode's overlay: the step's caption in large type, the progress,
// or a black screen.
void draw_presenter(const LessonSession& session, const ViewerContext& ctx);

} // namespace crus::ui
