// crus lesson export: every step of every bundled lesson renders headless,
// one PNG per step with its caption band.
#include "core/image.hpp"
#include "core/lesson.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

using crus::test::run_command;
namespace fs = std::filesystem;

namespace {
std::string crus_bin() { return crus::test::crus_binary(); }
// Near-white pixels in rows y0..y1: caption text (the model is framed above
// the band, and the background is dark).
int bright_pixels(const crus::Image& img, int y0, int y1) {
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = 0; x < img.width; ++x) {
      const auto* p = img.at(x, y);
      n += p[0] > 200 && p[1] > 200 && p[2] > 200;
    }
  return n;
}
} // namespace

TEST(LessonCli, EveryStepOfEveryBundledLessonRenders) {
  for (const std::string& file : crus::bundled_lesson_files()) {
    const std::string id = fs::path(file).stem().string();
    SCOPED_TRACE(id);
    const fs::path out = crus::test::scratch_dir("lesson_" + id);
    auto r = run_command(crus_bin() + " lesson export " + id + " --size 480x270 --out " + out.string());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, ""); // no unknown ids, no missing trigger points
    const crus::Lesson lesson = crus::load_lesson(file);
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "step-%02zu.png", i + 1);
      const crus::Image img = crus::read_png((out / name).string());
      ASSERT_EQ(img.width, 480);
      ASSERT_EQ(img.height, 270);
      // The caption is light text on a dark band at the bottom; the model is above it.
      EXPECT_GT(bright_pixels(img, 228, 264), 60) << name;
      EXPECT_LT(bright_pixels(img, 228, 264), 480 * 36 / 4) << name; // text, not a white slab
    }
    EXPECT_FALSE(fs::exists(out / ("step-" + std::to_string(lesson.steps.size() + 1) + ".png")));
    EXPECT_TRUE(fs::exists(out / "notes.md"));
  }
}

TEST(LessonCli, TransparentSlidesAndBadNames) {
  const fs::path out = crus::test::scratch_dir("lesson_transparent");
  auto r = run_command(crus_bin() + " lesson export calf_trigger_points --transparent --size 320x180 --out " + out.string());
  ASSERT_EQ(r.status, 0) << r.err;
  const crus::Image img = crus::read_png((out / "step-01.png").string());
  EXPECT_EQ(img.at(2, 2)[3], 0);          // the background
  EXPECT_GT(img.at(2, 178)[3], 150);      // the caption band stays
  r = run_command(crus_bin() + " lesson export no_such_lesson --out " + out.string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("the bundled lessons are: "), std::string::npos) << r.err;
}
