#pragma once
// Lessons: an ordered list of steps, each a scene (core/document/scene_file.hpp) with
// a caption for the screen, speaker notes and the sources of its facts. The
// format ("crus-lesson", docs/SCENES.md) is checked against
// assets/formats/teaching.schema.json; bundled lessons live in assets/lessons.
#include "core/teaching/lesson_action.hpp"
#include "core/document/scene_file.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crus {

// 2: step actions, and scenes with annotations. Version 1 lessons open unchanged.
constexpr int kLessonFormatVersion = 2;

struct LessonSource {
  std::string key, kind, citation, url, note;
  bool operator==(const LessonSource&) const = default;
};

struct LessonStep {
  std::string title; // optional, for the editor's list
  SceneSpec scene;
  std::string caption;              // on screen
  std::string notes;                // for the speaker
  std::vector<std::string> sources; // keys of the lesson's sources
  std::optional<StepAction> action; // played when the step is entered
  bool operator==(const LessonStep&) const = default;
};

struct Lesson {
  int version = kLessonFormatVersion;
  std::string id, title, summary, audience;
  std::optional<SceneAtlas> atlas;
  std::vector<LessonSource> sources;
  std::vector<LessonStep> steps;
  bool operator==(const Lesson&) const = default;
};

// Any fault is an InputError at "source:line" whose message starts with the
// field's path (as for scenes). Beyond the schema: a step cites only keys of
// the lesson's sources, every source is cited, source keys are unique.
Lesson parse_lesson(const std::string& text, const std::string& source);
Lesson load_lesson(const std::string& path);
std::string lesson_to_json(const Lesson& lesson);
// Atomic (temporary file, then rename).
void save_lesson(const std::string& path, const Lesson& lesson);

// Every structure id a step names (isolated, hidden, ghosted, pinned,
// selected, annotated, lit by its action), each once, in the order met.
std::vector<std::string> lesson_structure_ids(const Lesson& lesson);

// assets/lessons/*.json, sorted by file name.
std::vector<std::string> bundled_lesson_files();
// A path to a lesson file, or the id of a bundled lesson; InputError naming
// `option` with the bundled ids when it is neither.
std::string resolve_lesson(const std::string& name, const std::string& option);

} // namespace crus
