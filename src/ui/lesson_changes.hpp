#pragma once
// The prompt before unsaved edits to a lesson are lost: opening another
// lesson, starting a new one, closing the lesson, or quitting. Like the
// scene's prompt (ui/scene_files.hpp): Save, Discard changes or Cancel.
// The decision logic is plain (tests drive it through commands); draw()
// is the modal that asks.
#include "core/teaching/lesson_session.hpp"

#include <functional>
#include <string>

namespace crus::ui {

class Shell;

class LessonChanges {
public:
  explicit LessonChanges(LessonSession& session) : session_(session) {}
  // Runs `then` now when the lesson has no unsaved edits; otherwise asks,
  // and runs it after Save (once saved) or Discard, not after Cancel.
  // `what` says what would lose them ("Quit", "Open another lesson").
  void guard(const std::string& what, std::function<void()> then);
  bool asking() const { return asking_; }
  const std::string& what() const { return what_; }
  // The answers. save() writes to `path` (the lesson's own file by
  // default); when it cannot, it keeps asking and says why in message().
  void save(const std::string& path = "");
  void discard();
  void cancel();
  const std::string& message() const { return message_; }
  // Where Save writes: the lesson's file, unless it is a bundled lesson
  // (never overwritten) or has none yet (then "" and a path must be typed).
  std::string save_target() const;
  LessonSession& session() { return session_; }
  // The modal; call every frame after the other windows.
  void draw();

private:
  LessonSession& session_;
  bool asking_ = false;
  bool open_popup_ = false;
  std::string what_;
  std::function<void()> then_;
  std::string message_;
  char path_[1024] = {};
};

// Wires the prompt into the shell: quitting asks first (before the scene's
// own prompt), the modal is drawn each frame, and the command lesson.close
// (close the lesson, asking first) is bound. `changes` must outlive `shell`'s use of it.
void attach_lesson_changes(Shell& shell, LessonChanges& changes);

} // namespace crus::ui
