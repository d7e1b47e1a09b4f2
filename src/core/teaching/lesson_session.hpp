#pragma once
// A lesson being presented or edited (no GL, no UI): the current step, the
// moves between steps, and the editor's changes, each marking the lesson
// unsaved. The viewer's Lesson panel and presenter mode drive it; tests step
// it headless.
#include "core/teaching/lesson.hpp"

#include <string>

namespace crus {

class LessonSession {
public:
  void open(Lesson lesson, std::string path); // path "" for a new, unsaved lesson
  void start_new(const std::string& title);
  // No lesson any more (its unsaved edits are dropped: ask first).
  void close();
  bool loaded() const { return loaded_; }
  const Lesson& lesson() const { return lesson_; }
  const std::string& path() const { return path_; }
  bool dirty() const { return dirty_; }
  // -1 when the lesson has no steps.
  int current() const { return lesson_.steps.empty() ? -1 : current_; }
  int count() const { return static_cast<int>(lesson_.steps.size()); }
  const LessonStep* step() const { return current() < 0 ? nullptr : &lesson_.steps[static_cast<std::size_t>(current_)]; }

  // Moves; each returns whether the current step changed (the caller then
  // shows it). Past either end nothing happens.
  bool next();
  bool previous();
  bool go_to(int index);

  // Editing. The new or moved step becomes the current one.
  void add_step(const SceneSpec& scene, const std::string& caption); // after the current step
  void replace_scene(const SceneSpec& scene);                        // the current step's
  void set_caption(const std::string& caption);
  // The ink drawn over the current step, kept as part of it (replacing the
  // ink it had; empty removes it). False when there is no step.
  bool keep_ink(const std::vector<InkStroke>& ink);
  void set_notes(const std::string& notes);
  bool duplicate();
  bool remove();
  bool move_up();
  bool move_down();
  void set_title(const std::string& title);

  // Atomic (save_lesson); clears dirty and remembers the path. What the
  // format would refuse (no steps, an empty caption) is refused here with an
  // InputError naming the step, so a saved lesson always opens again.
  void save(const std::string& path);

private:
  Lesson lesson_;
  std::string path_;
  int current_ = 0;
  bool loaded_ = false;
  bool dirty_ = false;
};

} // namespace crus
