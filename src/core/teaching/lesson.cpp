#include "core/teaching/lesson.hpp"

#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/io/json_input.hpp"
#include "core/io/json_schema.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace crus {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
namespace fs = std::filesystem;

Lesson parse_lesson(const std::string& text, const std::string& source) {
  const json doc = parse_json_input(text, source);
  const JsonLineMap lines = JsonLineMap::build(text);
  auto locate = [&](const std::string& path) { return source + ":" + std::to_string(std::max(1, lines.line_of(path))); };
  check_teaching_document(doc, lines, source, "crus-lesson", "lesson", kLessonFormatVersion, "#/$defs/lesson_file");
  Lesson lesson;
  lesson.version = doc["version"].get<int>();
  lesson.id = doc["id"].get<std::string>();
  lesson.title = doc["title"].get<std::string>();
  lesson.summary = doc["summary"].get<std::string>();
  lesson.audience = doc.value("audience", std::string());
  if (doc.contains("atlas")) {
    const json& a = doc["atlas"];
    lesson.atlas = SceneAtlas{a["name"].get<std::string>(), a.value("map", std::string()), a["fingerprint"].get<std::string>(),
                              a.value("structures", 0)};
  }
  std::set<std::string> keys, cited;
  const json no_sources = json::array();
  const json& sources = doc.contains("sources") ? doc["sources"] : no_sources;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const json& s = sources[i];
    LessonSource src{s["key"].get<std::string>(), s["kind"].get<std::string>(), s["citation"].get<std::string>(),
                     s.value("url", std::string()), s.value("note", std::string())};
    const std::string path = json_path_member(json_path_index("sources", i), "key");
    if (!keys.insert(src.key).second) throw InputError(locate(path), path + ": the key \"" + src.key + "\" is used twice");
    lesson.sources.push_back(std::move(src));
  }
  for (std::size_t i = 0; i < doc["steps"].size(); ++i) {
    const json& s = doc["steps"][i];
    const std::string path = json_path_index("steps", i);
    LessonStep step;
    step.title = s.value("title", std::string());
    step.caption = s["caption"].get<std::string>();
    step.notes = s["notes"].get<std::string>();
    step.scene = scene_spec_from_json(s["scene"], json_path_member(path, "scene"), locate);
    if (s.contains("action")) step.action = step_action_from_json(s["action"], json_path_member(path, "action"), locate);
    const json& cites = s.contains("sources") ? s["sources"] : no_sources;
    for (std::size_t k = 0; k < cites.size(); ++k) {
      std::string key = cites[k].get<std::string>();
      const std::string kp = json_path_index(json_path_member(path, "sources"), k);
      if (!keys.count(key)) throw InputError(locate(kp), kp + ": \"" + key + "\" is not among the lesson's sources");
      cited.insert(key);
      step.sources.push_back(std::move(key));
    }
    lesson.steps.push_back(std::move(step));
  }
  for (std::size_t i = 0; i < lesson.sources.size(); ++i)
    if (!cited.count(lesson.sources[i].key)) {
      const std::string path = json_path_member(json_path_index("sources", i), "key");
      throw InputError(locate(path), path + ": \"" + lesson.sources[i].key + "\" is cited by no step");
    }
  return lesson;
}

Lesson load_lesson(const std::string& path) { return parse_lesson(read_text_file(path), path); }

std::string lesson_to_json(const Lesson& l) {
  ojson j;
  j["format"] = "crus-lesson";
  j["version"] = kLessonFormatVersion;
  j["id"] = l.id;
  j["title"] = l.title;
  j["summary"] = l.summary;
  if (!l.audience.empty()) j["audience"] = l.audience;
  if (l.atlas) {
    ojson a{{"name", l.atlas->name}};
    if (!l.atlas->map.empty()) a["map"] = l.atlas->map;
    a["fingerprint"] = l.atlas->fingerprint;
    if (l.atlas->structures) a["structures"] = l.atlas->structures;
    j["atlas"] = a;
  }
  ojson sources = ojson::array();
  for (const auto& s : l.sources) {
    ojson o{{"key", s.key}, {"kind", s.kind}, {"citation", s.citation}};
    if (!s.url.empty()) o["url"] = s.url;
    if (!s.note.empty()) o["note"] = s.note;
    sources.push_back(o);
  }
  if (!sources.empty()) j["sources"] = sources;
  ojson steps = ojson::array();
  for (const auto& s : l.steps) {
    ojson o;
    if (!s.title.empty()) o["title"] = s.title;
    o["scene"] = scene_spec_to_json(s.scene);
    o["caption"] = s.caption;
    o["notes"] = s.notes;
    if (!s.sources.empty()) o["sources"] = s.sources;
    if (s.action) o["action"] = step_action_to_json(*s.action);
    steps.push_back(o);
  }
  j["steps"] = steps;
  return j.dump(2) + "\n";
}

void save_lesson(const std::string& path, const Lesson& lesson) { write_file_atomic(path, lesson_to_json(lesson)); }

std::vector<std::string> lesson_structure_ids(const Lesson& lesson) {
  std::vector<std::string> ids;
  auto add = [&](const std::string& id) {
    if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const auto& step : lesson.steps) {
    const SceneSpec& s = step.scene;
    if (s.isolated)
      for (const auto& id : *s.isolated) add(id);
    for (const auto* list : {&s.hidden, &s.ghosted, &s.pinned})
      for (const auto& id : *list) add(id);
    add(s.selected);
    for (const auto& id : annotation_structure_ids(s.annotations)) add(id);
    if (step.action)
      for (const auto& id : step.action->highlight) add(id);
  }
  return ids;
}

std::vector<std::string> bundled_lesson_files() {
  std::vector<std::string> files;
  std::error_code ec;
  const fs::path dir = fs::path(assets_dir()) / "lessons";
  for (const auto& item : fs::directory_iterator(dir, ec))
    if (item.is_regular_file() && item.path().extension() == ".json") files.push_back(item.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::string resolve_lesson(const std::string& name, const std::string& option) {
  std::error_code ec;
  if (fs::is_regular_file(name, ec)) return name;
  std::string known;
  for (const auto& f : bundled_lesson_files()) {
    const std::string id = fs::path(f).stem().string();
    if (id == name) return f;
    known += (known.empty() ? "" : ", ") + id;
  }
  throw InputError(option,
                   "\"" + name + "\" is neither a lesson file nor a bundled lesson" +
                       (known.empty() ? std::string(" (no lessons are bundled)") : "; the bundled lessons are: " + known));
}

} // namespace crus
