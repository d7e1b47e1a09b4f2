// crus lesson export: every step of every bundled lesson renders headless,
// one PNG per step with its caption band.
#include "core/io/image.hpp"
#include "core/io/file_io.hpp"
#include "core/teaching/lesson.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

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
// Lines of text (pdfimages -list prints two of heading, then one per image).
int count_lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

bool have_poppler() { return std::system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1") == 0; }

int pdf_pages(const std::string& pdf) {
  auto r = run_command("pdfinfo '" + pdf + "'");
  auto at = r.out.find("Pages:");
  return at == std::string::npos ? -1 : std::atoi(r.out.c_str() + at + 6);
}

// pdftotext breaks lines where the page does: compare with white space squeezed.
std::string squeeze(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
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
    // The PDF: one page per step.
    EXPECT_EQ(pdf_pages((out / "lesson.pdf").string()), static_cast<int>(lesson.steps.size()));
  }
}

TEST(LessonCli, ThePdfHasEachStepOnItsPageWithCaptionAndNotes) {
  ASSERT_TRUE(have_poppler()) << "pdftotext and pdfinfo (poppler-utils, in scripts/debian-packages.txt) are not installed";
  const fs::path out = crus::test::scratch_dir("lesson_pdf");
  auto r = run_command(crus_bin() + " lesson export triceps_surae --size 640x360 --paper letter --out " + out.string());
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string pdf = (out / "lesson.pdf").string();
  const crus::Lesson lesson = crus::load_lesson(crus::resolve_lesson("triceps_surae", "LESSON"));
  ASSERT_EQ(pdf_pages(pdf), static_cast<int>(lesson.steps.size()));
  EXPECT_NE(r.out.find(pdf + ": " + std::to_string(lesson.steps.size()) + " pages (US Letter)"), std::string::npos) << r.out;
  EXPECT_NE(run_command("pdfinfo '" + pdf + "'").out.find("612 x 792"), std::string::npos);
  for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
    const crus::LessonStep& step = lesson.steps[i];
    const std::string page =
        squeeze(run_command("pdftotext -f " + std::to_string(i + 1) + " -l " + std::to_string(i + 1) + " '" + pdf + "' -").out);
    SCOPED_TRACE("page " + std::to_string(i + 1));
    EXPECT_NE(page.find("step " + std::to_string(i + 1) + " of " + std::to_string(lesson.steps.size())), std::string::npos)
        << page;
    EXPECT_NE(page.find(squeeze(step.caption)), std::string::npos) << step.caption << "\n" << page;
    EXPECT_NE(page.find("Speaker notes"), std::string::npos) << page;
    EXPECT_NE(page.find(squeeze(step.notes)), std::string::npos) << step.notes << "\n" << page;
  }
  // The slides are in it as pictures, one per page.
  EXPECT_EQ(count_lines(run_command("pdfimages -list '" + pdf + "'").out) - 2, static_cast<int>(lesson.steps.size()));
  r = run_command(crus_bin() + " lesson export triceps_surae --paper a5 --out " + out.string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--paper"), std::string::npos) << r.err;
}

TEST(LessonCli, TransparentSlidesAndBadNames) {
  const fs::path out = crus::test::scratch_dir("lesson_transparent");
  auto r = run_command(crus_bin() + " lesson export calf_trigger_points --transparent --size 320x180 --out " + out.string());
  ASSERT_EQ(r.status, 0) << r.err;
  const crus::Image img = crus::read_png((out / "step-01.png").string());
  EXPECT_EQ(img.at(2, 2)[3], 0);     // the background
  EXPECT_GT(img.at(2, 178)[3], 150); // the caption band stays
  r = run_command(crus_bin() + " lesson export no_such_lesson --out " + out.string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("the bundled lessons are: "), std::string::npos) << r.err;
}

// A step whose scene poses the leg (scene version 2) is exported posed, as the
// viewer shows it: the same step at rest and at knee 90 give different slides.
TEST(LessonCli, AStepWithAPoseIsExportedPosed) {
  const fs::path dir = crus::test::scratch_dir("lesson_posed");
  std::ifstream in(fs::path(crus::assets_dir()) / "lessons" / "triceps_surae.json");
  nlohmann::json lesson = nlohmann::json::parse(in);
  nlohmann::json step = lesson["steps"][0];
  step.erase("action");
  step["scene"]["view"] = "lateral";
  nlohmann::json posed = step;
  posed["scene"]["pose"] = {{"knee", 90}, {"ankle", -20}};
  lesson["steps"] = nlohmann::json::array({step, posed});
  nlohmann::json cited = nlohmann::json::array(); // a lesson lists only the sources its steps cite
  for (const auto& source : lesson["sources"])
    for (const auto& key : step["sources"])
      if (source["key"] == key) cited.push_back(source);
  lesson["sources"] = cited;
  lesson["id"] = "posed_test";
  const fs::path file = dir / "posed.json";
  std::ofstream(file) << lesson.dump(2);
  auto r = run_command(crus_bin() + " lesson export " + file.string() + " --size 320x180 --out " + (dir / "out").string());
  ASSERT_EQ(r.status, 0) << r.err;
  const crus::Image rest = crus::read_png((dir / "out" / "step-01.png").string());
  const crus::Image bent = crus::read_png((dir / "out" / "step-02.png").string());
  ASSERT_EQ(rest.rgba.size(), bent.rgba.size());
  std::size_t differ = 0;
  for (std::size_t i = 0; i < rest.rgba.size(); i += 4)
    differ += std::abs(int(rest.rgba[i]) - int(bent.rgba[i])) + std::abs(int(rest.rgba[i + 1]) - int(bent.rgba[i + 1])) > 40;
  EXPECT_GT(differ, rest.rgba.size() / 4 / 20) << "the posed step looks like the rest step";
}
