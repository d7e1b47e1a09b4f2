// The patient handout end to end on the bundled atlas: run_handout renders
// the four views with the referral map and writes an A4 page; bad input
// (an unknown trigger point, a point off the leg, both or neither of
// --trigger-point and --at) is an InputError before any rendering; and
// `crus handout` maps that to exit status 2 with one line.
#include "app/viewer_handout.hpp"
#include "core/error.hpp"
#include "core/io/atlas_manifest.hpp"
#include "core/io/image.hpp"
#include "core/anatomy/red_flags.hpp"
#include "core/anatomy/trigger_points.hpp"
#include "ui/viewer_context.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

using crus::test::run_command;
namespace fs = std::filesystem;

namespace {

#define REQUIRE_ATLAS() CRUS_REQUIRE_BUNDLED(fs::path(crus::test::source_dir()) / "assets/atlas/lower_leg_right.glb")

int count_lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

std::string input_error(const std::string& trigger_point, const std::string& at, const std::string& out) {
  try {
    crus::app::run_handout({}, trigger_point, at, out);
  } catch (const crus::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(HandoutCli, BadInputIsAnInputError) {
  REQUIRE_ATLAS();
  auto out = (crus::test::scratch_dir("handout_bad") / "h.png").string();
  std::string e = input_error("no_such_trp", "", out);
  EXPECT_NE(e.find("no_such_trp"), std::string::npos) << e;
  EXPECT_NE(e.find("soleus_trp1"), std::string::npos) << "lists the known ids: " << e;
  e = input_error("soleus", "", out);
  EXPECT_NE(e.find("soleus_trp3"), std::string::npos) << "a muscle id names its trigger points: " << e;
  EXPECT_NE(input_error("", "", out).find("either"), std::string::npos);
  EXPECT_NE(input_error("soleus_trp1", "0,0,0", out).find("either"), std::string::npos);
  EXPECT_NE(input_error("", "1,2", out).find("X,Y,Z"), std::string::npos);
  EXPECT_NE(input_error("", "5,5,5", out).find("not on the leg"), std::string::npos);
  EXPECT_NE(input_error("soleus_trp1", "", "/no/such/folder/h.png").find("does not exist"), std::string::npos);
  EXPECT_FALSE(fs::exists(out));
}

TEST(HandoutCli, WritesAnA4PageWithTheViews) {
  REQUIRE_ATLAS();
  auto out = (crus::test::scratch_dir("handout_page") / "soleus_trp1.png").string();
  ASSERT_EQ(crus::app::run_handout({}, "soleus_trp1", "", out), 0);
  crus::Image page = crus::read_png(out);
  EXPECT_EQ(page.width, 1240);
  EXPECT_EQ(page.height, 1754);
  // The views sit in a row below the title: plenty of non-white pixels in
  // the band where they go, and some of them red (the referral map).
  int ink = 0, red = 0;
  for (int y = 220; y < 650; ++y)
    for (int x = 90; x < 1150; ++x) {
      const std::uint8_t* p = page.at(x, y);
      ink += p[0] < 240 || p[1] < 240 || p[2] < 240;
      red += p[0] > 150 && p[0] > p[1] + 60 && p[0] > p[2] + 60;
    }
  EXPECT_GT(ink, 40000);
  EXPECT_GT(red, 200);
}

TEST(HandoutCli, PatientFieldsGoOnThePagesAndBadOnesExitTwo) {
  REQUIRE_ATLAS();
  auto dir = crus::test::scratch_dir("handout_patient");
  auto out = (dir / "h.png").string();
  auto r =
      run_command(crus::test::crus_binary() + " handout --trigger-point soleus_trp1 --patient 'Ana Lopes' --date 2026-03-14" +
                  " --notes 'Stretch twice a day.' --out " + out);
  ASSERT_EQ(r.status, 0) << r.err;
  // Nothing is cut: the rest of the handout is on further pages beside it,
  // each named in the report.
  EXPECT_TRUE(fs::exists(out));
  EXPECT_NE(r.out.find("A4 (PNG, 1240x1754 at 150 dpi)"), std::string::npos) << r.out;
  for (int k = 2; k < 10; ++k) {
    const std::string name = "h-" + std::to_string(k) + ".png";
    EXPECT_EQ(fs::exists(dir / name), r.out.find(name) != std::string::npos) << name << ": " << r.out;
  }
  auto bad = (dir / "bad.png").string();
  r = run_command(crus::test::crus_binary() + " handout --trigger-point soleus_trp1 --date 14/03/2026 --out " + bad);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("--date"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(bad));
}

bool have_poppler() { return std::system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1") == 0; }

TEST(HandoutCli, WritesASearchablePdfOnA4OrLetter) {
  REQUIRE_ATLAS();
  ASSERT_TRUE(have_poppler()) << "pdftotext and pdfinfo (poppler-utils, in scripts/debian-packages.txt) are not installed";
  auto dir = crus::test::scratch_dir("handout_pdf");
  auto out = (dir / "soleus.pdf").string();
  auto r = run_command(crus::test::crus_binary() +
                       " handout --trigger-point soleus_trp1 --paper letter --patient 'Zo\xC3\xAB M\xC3\xBCller'" +
                       " --notes 'Stretch the calf twice a day.' --out " + out);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("US Letter (PDF)"), std::string::npos) << r.out;
  auto info = run_command("pdfinfo '" + out + "'").out;
  EXPECT_NE(info.find("612 x 792"), std::string::npos) << info;
  // The page count in the report is the PDF's.
  auto pages_at = info.find("Pages:");
  ASSERT_NE(pages_at, std::string::npos) << info;
  const int pages = std::atoi(info.c_str() + pages_at + 6);
  EXPECT_GE(pages, 1);
  EXPECT_NE(r.out.find(std::to_string(pages) + (pages == 1 ? " page " : " pages ")), std::string::npos) << r.out;
  std::string text = run_command("pdftotext '" + out + "' -").out;
  for (char& c : text)
    if (c == '\n') c = ' ';
  for (const char* want : {"Pain from a tight spot in the soleus muscle", "For: Zo\xC3\xAB M\xC3\xBCller",
                           "Notes from your clinician", "Stretch the calf twice a day.", "From behind", "Where it can send pain"})
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  // Pictures too: the views are embedded images.
  EXPECT_GE(count_lines(run_command("pdfimages -list '" + out + "'").out) - 2, 4);

  // A file that is neither, and a paper that is not one, exit 2 with one line.
  for (const std::string& bad :
       {std::string(" --out ") + (dir / "h.jpg").string(), std::string(" --paper a5 --out ") + (dir / "h.pdf").string()}) {
    r = run_command(crus::test::crus_binary() + " handout --trigger-point soleus_trp1" + bad);
    EXPECT_EQ(r.status, 2) << bad << ": " << r.err;
    EXPECT_EQ(count_lines(r.err), 1) << r.err;
  }
  EXPECT_FALSE(fs::exists(dir / "h.pdf"));
  EXPECT_FALSE(fs::exists(dir / "h.jpg"));
}

TEST(HandoutCli, TheViewersExporterWritesAPdfOnThePaperChosen) {
  REQUIRE_ATLAS();
  ASSERT_TRUE(have_poppler()) << "pdftotext and pdfinfo (poppler-utils, in scripts/debian-packages.txt) are not installed";
  const std::string root = crus::test::source_dir();
  const crus::TriggerPointSet set = crus::load_trigger_points(root + "/assets/knowledge/trigger_points.json",
                                                              crus::load_manifest(root + "/assets/atlas/atlas.json").landmarks);
  const crus::RedFlagSet flags = crus::load_red_flags(root + "/assets/knowledge/red_flags.json");
  crus::ui::ViewerContext ctx;
  ctx.trigger_points = &set;
  ctx.red_flags = &flags;
  ctx.handout_paper = crus::Paper::letter;                        // as the dialog's radio button leaves it
  auto exporter = crus::app::make_handout_exporter(ctx, nullptr); // text only: no GL here
  const auto dir = crus::test::scratch_dir("handout_viewer_pdf");
  const std::string pdf = (dir / "from-viewer.pdf").string();
  exporter(pdf, "soleus_trp1", {"Ana Lopes", "2026-03-14", ""});
  EXPECT_NE(run_command("pdfinfo '" + pdf + "'").out.find("612 x 792"), std::string::npos);
  std::string text = run_command("pdftotext '" + pdf + "' -").out;
  for (char& c : text)
    if (c == '\n') c = ' ';
  EXPECT_NE(text.find("Pain from a tight spot in the soleus muscle"), std::string::npos) << text;
  EXPECT_NE(text.find("For: Ana Lopes"), std::string::npos) << text;
  // Neither PDF nor PNG: refused, nothing written.
  EXPECT_THROW(exporter((dir / "h.txt").string(), "soleus_trp1", {}), crus::InputError);
  EXPECT_FALSE(fs::exists(dir / "h.txt"));
}

TEST(HandoutCli, PainMapAtAPointOnTheHeel) {
  REQUIRE_ATLAS();
  auto out = (crus::test::scratch_dir("handout_at") / "heel.png").string();
  // The plantar heel, under the calcaneal tuberosity (model frame, metres).
  ASSERT_EQ(crus::app::run_handout({}, "", "-0.115,0.0,0.08", out), 0);
  EXPECT_EQ(crus::read_png(out).width, 1240);
}

TEST(HandoutCli, PainMapMarksThePaintedPointInViolet) {
  REQUIRE_ATLAS();
  // A point on the back of the calf shows as a violet disc in the views; a
  // trigger point's own handout has none.
  auto violet_pixels = [](const crus::Image& img) {
    int n = 0;
    for (int y = 180; y < 720; ++y)
      for (int x = 0; x < img.width; ++x) {
        const std::uint8_t* p = img.at(x, y);
        n += p[2] > 150 && p[2] > p[1] + 50 && p[0] > p[1] + 20;
      }
    return n;
  };
  auto dir = crus::test::scratch_dir("handout_violet");
  ASSERT_EQ(crus::app::run_handout({}, "", "-0.14,0.30,0.08", (dir / "calf.png").string()), 0);
  EXPECT_GT(violet_pixels(crus::read_png((dir / "calf.png").string())), 40);
  ASSERT_EQ(crus::app::run_handout({}, "gastrocnemius_trp2", "", (dir / "trp.png").string()), 0);
  EXPECT_EQ(violet_pixels(crus::read_png((dir / "trp.png").string())), 0);
}

TEST(HandoutCli, BadIdExitsWithStatusTwoAndOneLine) {
  REQUIRE_ATLAS();
  auto out = (crus::test::scratch_dir("handout_cli") / "h.png").string();
  auto r = run_command(crus::test::crus_binary() + " handout --trigger-point no_such_trp --out " + out);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("no_such_trp"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

} // namespace
