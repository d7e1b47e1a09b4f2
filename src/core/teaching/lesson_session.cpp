#include "core/teaching/lesson_session.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <utility>

namespace crus {

void LessonSession::open(Lesson lesson, std::string path) {
  lesson_ = std::move(lesson);
  path_ = std::move(path);
  current_ = 0;
  loaded_ = true;
  dirty_ = false;
}

void LessonSession::start_new(const std::string& title) {
  Lesson l;
  l.id = "my_lesson";
  l.title = title;
  l.summary = title;
  open(std::move(l), "");
  dirty_ = true;
}

void LessonSession::close() {
  lesson_ = Lesson{};
  path_.clear();
  current_ = 0;
  loaded_ = false;
  dirty_ = false;
}

bool LessonSession::go_to(int index) {
  if (index < 0 || index >= count() || index == current_) return false;
  current_ = index;
  return true;
}
bool LessonSession::next() { return go_to(current_ + 1); }
bool LessonSession::previous() { return go_to(current_ - 1); }

void LessonSession::add_step(const SceneSpec& scene, const std::string& caption) {
  LessonStep s;
  s.scene = scene;
  s.caption = caption;
  const int at = lesson_.steps.empty() ? 0 : current_ + 1;
  lesson_.steps.insert(lesson_.steps.begin() + at, std::move(s));
  current_ = at;
  dirty_ = true;
}

void LessonSession::replace_scene(const SceneSpec& scene) {
  if (current() < 0) return;
  lesson_.steps[static_cast<std::size_t>(current_)].scene = scene;
  dirty_ = true;
}

bool LessonSession::keep_ink(const std::vector<InkStroke>& ink) {
  if (current() < 0) return false;
  std::vector<InkStroke>& kept = lesson_.steps[static_cast<std::size_t>(current_)].scene.annotations.ink;
  if (kept == ink) return true;
  kept = ink;
  dirty_ = true;
  return true;
}

void LessonSession::set_caption(const std::string& caption) {
  if (current() < 0 || lesson_.steps[static_cast<std::size_t>(current_)].caption == caption) return;
  lesson_.steps[static_cast<std::size_t>(current_)].caption = caption;
  dirty_ = true;
}

void LessonSession::set_notes(const std::string& notes) {
  if (current() < 0 || lesson_.steps[static_cast<std::size_t>(current_)].notes == notes) return;
  lesson_.steps[static_cast<std::size_t>(current_)].notes = notes;
  dirty_ = true;
}

void LessonSession::set_title(const std::string& title) {
  if (lesson_.title == title) return;
  lesson_.title = title;
  dirty_ = true;
}

bool LessonSession::duplicate() {
  if (current() < 0) return false;
  LessonStep copy = lesson_.steps[static_cast<std::size_t>(current_)];
  lesson_.steps.insert(lesson_.steps.begin() + current_ + 1, std::move(copy));
  ++current_;
  dirty_ = true;
  return true;
}

bool LessonSession::remove() {
  if (current() < 0) return false;
  lesson_.steps.erase(lesson_.steps.begin() + current_);
  current_ = std::clamp(current_, 0, std::max(0, count() - 1));
  dirty_ = true;
  return true;
}

bool LessonSession::move_up() {
  if (current_ <= 0 || current() < 0) return false;
  std::swap(lesson_.steps[static_cast<std::size_t>(current_)], lesson_.steps[static_cast<std::size_t>(current_ - 1)]);
  --current_;
  dirty_ = true;
  return true;
}

bool LessonSession::move_down() {
  if (current() < 0 || current_ + 1 >= count()) return false;
  std::swap(lesson_.steps[static_cast<std::size_t>(current_)], lesson_.steps[static_cast<std::size_t>(current_ + 1)]);
  ++current_;
  dirty_ = true;
  return true;
}

void LessonSession::save(const std::string& path) {
  if (lesson_.steps.empty()) throw InputError(path, "the lesson has no steps yet; add the current view as a step first");
  for (std::size_t i = 0; i < lesson_.steps.size(); ++i) {
    const LessonStep& s = lesson_.steps[i];
    if (s.caption.empty()) throw InputError(path, "step " + std::to_string(i + 1) + " has no caption");
  }
  save_lesson(path, lesson_);
  path_ = path;
  dirty_ = false;
}

} // namespace crus
