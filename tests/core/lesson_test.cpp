// Lessons: the bundled ones open, stay within 6 to 12 steps, name only
// structures the atlas has and trigger points the map has; faults are located.
#include "core/io/atlas_manifest.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/teaching/lesson.hpp"
#include "core/anatomy/trigger_points.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

using namespace crus;

TEST(Lesson, BundledLessonsOpenAndNameOnlyWhatTheAtlasHas) {
  const std::vector<std::string> files = bundled_lesson_files();
  ASSERT_GE(files.size(), 5u);
  const AtlasManifest manifest = load_manifest(assets_dir() + "/atlas/atlas.json");
  const TriggerPointSet tps = load_trigger_points(assets_dir() + "/knowledge/trigger_points.json", manifest.landmarks);
  std::set<std::string> ids;
  for (const std::string& file : files) {
    SCOPED_TRACE(file);
    Lesson lesson;
    ASSERT_NO_THROW(lesson = load_lesson(file));
    EXPECT_EQ(lesson.id, std::filesystem::path(file).stem().string());
    EXPECT_GE(lesson.steps.size(), 6u);
    EXPECT_LE(lesson.steps.size(), 12u);
    EXPECT_TRUE(ids.insert(lesson.id).second);
    for (const std::string& id : lesson_structure_ids(lesson)) EXPECT_NE(manifest.find_structure(id), nullptr) << id;
    for (const LessonStep& step : lesson.steps) {
      EXPECT_FALSE(step.sources.empty());
      if (step.scene.overlay.mode == OverlayMode::trigger_point || step.scene.overlay.mode == OverlayMode::muscle) {
        EXPECT_FALSE(select_trigger_points(tps, step.scene.overlay.target).empty()) << step.scene.overlay.target;
      }
    }
    // Saving gives the same lesson back.
    EXPECT_EQ(parse_lesson(lesson_to_json(lesson), "again.json"), lesson);
  }
}

TEST(Lesson, FaultsAreLocated) {
  const std::string good = read_text_file(bundled_lesson_files().front());
  auto fault = [](const std::string& text) -> std::string {
    try {
      parse_lesson(text, "l.json");
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  ASSERT_EQ(fault(good), "");
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string t = good;
    const auto at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return t.replace(at, from.size(), to);
  };
  // A step that cites a source the lesson does not list.
  std::string m = fault(replaced("\"sources\": [\n        \"", "\"sources\": [\n        \"nosuchsource\", \""));
  EXPECT_NE(m.find(": steps[0].sources[0]: \"nosuchsource\" is not among the lesson's sources"), std::string::npos) << m;
  EXPECT_EQ(m.rfind("l.json:", 0), 0u) << m;
  // A step without a caption.
  m = fault(replaced("\"caption\":", "\"kaption\":"));
  EXPECT_NE(m.find("steps[0]"), std::string::npos) << m;
  // A scene is not a lesson.
  m = fault(R"({"format": "crus-scene", "version": 1})");
  EXPECT_NE(m.find("l.json:1: format: not a Crus lesson"), std::string::npos) << m;
}

TEST(Lesson, ResolveByIdOrPath) {
  const std::string first = bundled_lesson_files().front();
  EXPECT_EQ(resolve_lesson(std::filesystem::path(first).stem().string(), "LESSON"), first);
  EXPECT_EQ(resolve_lesson(first, "LESSON"), first);
  try {
    resolve_lesson("no_such_lesson", "LESSON");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("triceps_surae"), std::string::npos) << e.what();
  }
}
