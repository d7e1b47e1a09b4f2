// The patient handout as a document: A4 or Letter, PNG pages at 150 dpi and
// a PDF whose text pdftotext reads back (Greek and accented Latin too), text
// drawn inside the margins, a missing glyph that shows, views in their row,
// long words wrapped, nothing cut when the text runs over pages, the box
// filter, and a missing font.
#include "core/io/atlas_manifest.hpp"
#include "core/error.hpp"
#include "core/publish/handout.hpp"
#include "core/anatomy/red_flags.hpp"
#include "core/anatomy/referral.hpp"
#include "core/anatomy/trigger_points.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace crus {
namespace {

Image solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.resize(static_cast<std::size_t>(w) * h * 4);
  for (std::size_t i = 0; i < img.rgba.size(); i += 4) {
    img.rgba[i] = r;
    img.rgba[i + 1] = g;
    img.rgba[i + 2] = b;
    img.rgba[i + 3] = 255;
  }
  return img;
}

bool dark(const std::uint8_t* p) { return p[0] < 160 && p[1] < 160 && p[2] < 160; }

int count_dark(const Image& img, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) n += dark(img.at(x, y));
  return n;
}

// Anything not white.
int count_ink(const Image& img, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const std::uint8_t* p = img.at(x, y);
      n += (p[0] < 250 || p[1] < 250 || p[2] < 250);
    }
  return n;
}

HandoutContent sample() {
  HandoutContent c;
  c.title = "Soleus TrP1 (low in the calf)";
  c.sections = {
      {"What it is", {"A small, tender spot in a tight band of muscle. Caf\xC3\xA9 na\xC3\xAFve \xC2\xB0 (Latin-1 letters)."}},
      {"What you may notice", {"Heel pain on the first steps in the morning", "Pain walking uphill"}}};
  c.red_flag_lines = {"# Emergency. Call the emergency services now.", "Sudden shortness of breath or chest pain."};
  c.sources = {"Travell JG, Simons DG. Myofascial Pain and Dysfunction, vol. 2. 1992."};
  return c;
}

void save(const Image& img, const std::string& name) { write_png(img, (test::scratch_dir("handout") / name).string()); }

// The margin in pixels on a 150 dpi page.
const int kMargin = static_cast<int>(kHandoutMarginPt / 72.0 * kHandoutDpi); // 89

bool have_poppler() { return std::system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1") == 0; }

std::string pdf_text(const std::string& pdf, int page = 0) {
  std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  auto r = test::run_command("pdftotext" + range + " '" + pdf + "' -");
  EXPECT_EQ(r.status, 0) << r.err;
  return r.out;
}

std::string pdf_info(const std::string& pdf, const std::string& field) {
  auto r = test::run_command("pdfinfo '" + pdf + "'");
  auto at = r.out.find(field + ":");
  if (at == std::string::npos) return "";
  auto value = r.out.find_first_not_of(' ', at + field.size() + 1);
  return r.out.substr(value, r.out.find('\n', at) - value);
}

// pdftotext breaks lines where the page does: compare with white space squeezed.
std::string squeeze(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

TEST(Handout, PagesAreA4OrLetterAt150DpiOnWhite) {
  Image page = compose_handout(sample(), {});
  EXPECT_EQ(page.width, 1240);
  EXPECT_EQ(page.height, 1754);
  ASSERT_EQ(page.rgba.size(), 1240u * 1754u * 4u);
  const std::uint8_t* corner = page.at(5, 5);
  EXPECT_EQ(corner[0], 255);
  EXPECT_EQ(corner[1], 255);
  EXPECT_EQ(corner[2], 255);
  EXPECT_EQ(corner[3], 255);
  Image letter = compose_handout(sample(), {}, Paper::letter);
  EXPECT_EQ(letter.width, 1275);
  EXPECT_EQ(letter.height, 1650);
}

TEST(Handout, TextIsDrawnInsideTheMarginsOnly) {
  Image page = compose_handout(sample(), {});
  save(page, "text_only.png");
  const int w = page.width, h = page.height;
  // The title sits at the top inside the margin.
  EXPECT_GT(count_dark(page, kMargin, kMargin, w - kMargin, kMargin + 40), 500);
  // Nothing in the top and side margins; the bottom one holds only the
  // footer ("page 1 of 1"), under the body.
  EXPECT_EQ(count_ink(page, 0, 0, w, kMargin - 2), 0);
  EXPECT_EQ(count_ink(page, 0, 0, kMargin - 2, h), 0);
  EXPECT_EQ(count_ink(page, w - kMargin + 2, 0, w, h), 0);
  EXPECT_GT(count_ink(page, kMargin, h - kMargin, w - kMargin, h - kMargin / 2), 50);
  // The red-flag box has a red border somewhere below the title.
  int red = 0;
  for (int y = 150; y < h; ++y)
    for (int x = kMargin; x < w - kMargin; ++x) {
      const std::uint8_t* p = page.at(x, y);
      red += p[0] > 150 && p[1] < 40 && p[2] < 40;
    }
  EXPECT_GT(red, 1000);
}

TEST(Handout, PdfTextIsSearchableInLatinGreekAndAccentedScripts) {
  ASSERT_TRUE(have_poppler()) << "pdftotext and pdfinfo (poppler-utils, in scripts/debian-packages.txt) are not installed";
  HandoutContent c = sample();
  // Greek (the calcaneal tendon, "Achilles tendon") and accented Latin.
  c.sections.push_back({"\xCE\x91\xCF\x87\xCE\xAF\xCE\xBB\xCE\xBB\xCE\xB5\xCE\xB9\xCE\xBF\xCF\x82 "
                        "\xCF\x84\xCE\xAD\xCE\xBD\xCE\xBF\xCE\xBD\xCF\x84\xCE\xB1\xCF\x82",
                        {"\xC3\x85ngstr\xC3\xB6m, \xC5\x81\xC3\xB3"
                         "d\xC5\xBA, \xC4\x8C"
                         "esk\xC3\xA9 Bud\xC4\x9Bjovice, Gar\xC3\xA7on."}});
  c.patient = {"Zo\xC3\xAB M\xC3\xBCller", "2026-03-14", "Stretch the calf twice a day."};
  const auto dir = test::scratch_dir("handout");
  for (Paper paper : {Paper::a4, Paper::letter}) {
    const std::string pdf = (dir / (paper == Paper::a4 ? "greek-a4.pdf" : "greek-letter.pdf")).string();
    std::size_t pages = 0;
    auto written = write_handout(c, {}, pdf, paper, &pages);
    ASSERT_EQ(written.size(), 1u);
    EXPECT_EQ(std::to_string(pages), pdf_info(pdf, "Pages"));
    EXPECT_NE(pdf_info(pdf, "Page size").find(paper == Paper::a4 ? "(A4)" : "612 x 792"), std::string::npos)
        << pdf_info(pdf, "Page size");
    EXPECT_EQ(pdf_info(pdf, "Title"), c.title);
    const std::string text = squeeze(pdf_text(pdf));
    for (const std::string& want : {std::string("Soleus TrP1 (low in the calf)"), std::string("Caf\xC3\xA9 na\xC3\xAFve"),
                                    std::string("\xCE\x91\xCF\x87\xCE\xAF\xCE\xBB\xCE\xBB\xCE\xB5\xCE\xB9\xCE\xBF\xCF\x82 "
                                                "\xCF\x84\xCE\xAD\xCE\xBD\xCE\xBF\xCE\xBD\xCF\x84\xCE\xB1\xCF\x82"),
                                    std::string("\xC3\x85ngstr\xC3\xB6m, \xC5\x81\xC3\xB3"
                                                "d\xC5\xBA, \xC4\x8C"
                                                "esk\xC3\xA9 Bud\xC4\x9Bjovice"),
                                    std::string("For: Zo\xC3\xAB M\xC3\xBCller"), std::string("Date: 2026-03-14"),
                                    std::string("Sudden shortness of breath"), std::string("Travell JG, Simons DG")})
      EXPECT_NE(text.find(want), std::string::npos) << want << "\n--- in ---\n" << text;
    // The clinician's notes come before the sections, the urgent box before them too.
    EXPECT_LT(text.find("Notes from your clinician"), text.find("What it is"));
  }
}

TEST(Handout, InvalidUtf8IsReplacedAndNothingAfterItIsLost) {
  ASSERT_TRUE(have_poppler()) << "pdftotext and pdfinfo (poppler-utils, in scripts/debian-packages.txt) are not installed";
  // Notes typed on a command line in another encoding: Latin-1 bytes.
  HandoutContent c = sample();
  c.patient.notes = "Caf\xE9 twice a day.";
  const std::string pdf = (test::scratch_dir("handout_utf8") / "latin1.pdf").string();
  write_handout(c, {}, pdf, Paper::a4);
  const std::string text = squeeze(pdf_text(pdf));
  EXPECT_NE(text.find("Caf\xEF\xBF\xBD twice a day."), std::string::npos) << text; // U+FFFD in its place
  EXPECT_NE(text.find("Sudden shortness of breath"), std::string::npos) << text;
  // A NUL byte (valid UTF-8, but the end of a C string to Pango) does not cut off what follows it.
  c.patient.notes = std::string("Ice\0 then rest.", 15);
  write_handout(c, {}, pdf, Paper::a4);
  const std::string after_nul = squeeze(pdf_text(pdf));
  EXPECT_NE(after_nul.find("then rest."), std::string::npos) << after_nul;
  EXPECT_NE(text.find("Travell JG"), std::string::npos) << text;
}

TEST(Handout, ARedFlagBoxOverAPageBreakIsHeadedAgain) {
  ASSERT_TRUE(have_poppler()) << "pdftotext and pdfinfo (poppler-utils, in scripts/debian-packages.txt) are not installed";
  HandoutContent c = sample();
  c.red_flags_first = true;
  for (int i = 1; i <= 60; ++i) c.red_flag_lines.push_back("Warning sign number " + std::to_string(i) + ": see a doctor today.");
  const std::string pdf = (test::scratch_dir("handout_box") / "long_box.pdf").string();
  write_handout(c, {}, pdf, Paper::a4);
  ASSERT_GE(std::atoi(pdf_info(pdf, "Pages").c_str()), 2);
  const std::string page1 = squeeze(pdf_text(pdf, 1)), page2 = squeeze(pdf_text(pdf, 2));
  EXPECT_EQ(page1.find("(continued)"), std::string::npos) << page1;
  EXPECT_NE(page2.find(c.red_flag_heading + " (continued)"), std::string::npos) << page2;
  EXPECT_NE(squeeze(pdf_text(pdf)).find("Warning sign number 60:"), std::string::npos);
}

TEST(Handout, AMissingGlyphShowsAsABoxNotAGap) {
  // U+E000 is in no font; Pango draws its code in a box.
  HandoutContent c;
  c.title = "\xEE\x80\x80";
  HandoutContent blank;
  blank.title = " ";
  Image page = compose_handout(c, {});
  Image none = compose_handout(blank, {});
  save(page, "missing_glyph.png");
  EXPECT_GT(count_dark(page, kMargin, kMargin, kMargin + 120, kMargin + 45), 60);
  EXPECT_EQ(count_dark(none, kMargin, kMargin, kMargin + 120, kMargin + 45), 0);
}

TEST(Handout, ViewsArePastedInOneRowUnderTheTitle) {
  std::vector<Image> views = {solid(300, 500, 200, 0, 0), solid(300, 500, 0, 160, 0), solid(300, 500, 0, 0, 200),
                              solid(300, 500, 200, 200, 0)};
  HandoutContent c = sample();
  c.view_captions = {"From behind", "From the front", "Inner side", "Outer side"};
  Image page = compose_handout(c, views);
  save(page, "views.png");
  // Find each colour's bounding box (within a little of the colour: the
  // pages are resampled).
  const int colours[4][3] = {{200, 0, 0}, {0, 160, 0}, {0, 0, 200}, {200, 200, 0}};
  int previous_right = 0;
  int top = -1;
  for (const auto& colour : colours) {
    int x0 = page.width, y0 = page.height, x1 = -1, y1 = -1;
    for (int y = 0; y < page.height; ++y)
      for (int x = 0; x < page.width; ++x) {
        const std::uint8_t* p = page.at(x, y);
        if (std::abs(p[0] - colour[0]) < 4 && std::abs(p[1] - colour[1]) < 4 && std::abs(p[2] - colour[2]) < 4) {
          x0 = std::min(x0, x);
          y0 = std::min(y0, y);
          x1 = std::max(x1, x);
          y1 = std::max(y1, y);
        }
      }
    ASSERT_GE(x1, 0) << "a view is missing";
    EXPECT_GT(x0, previous_right) << "views should be side by side, left to right";
    EXPECT_GE(x0, kMargin);
    EXPECT_LE(x1, page.width - kMargin);
    EXPECT_GT(y0, 150) << "views sit below the title";
    EXPECT_LT(y1, page.height / 2);
    // The aspect ratio is kept (3:5).
    EXPECT_NEAR(static_cast<double>(x1 - x0 + 1) / (y1 - y0 + 1), 0.6, 0.03);
    if (top >= 0) {
      EXPECT_NEAR(y0, top, 1) << "one row";
    }
    top = y0;
    previous_right = x1;
  }
}

TEST(Handout, ALongWordWrapsWithoutCrossingTheMargin) {
  HandoutContent c;
  c.title = std::string(120, 'W');
  c.sections = {{"Long", {"Before " + std::string(300, 'M') + " after"}}};
  Image page = compose_handout(c, {});
  save(page, "long_word.png");
  EXPECT_EQ(count_ink(page, page.width - kMargin + 2, 0, page.width, page.height), 0);
  EXPECT_EQ(count_ink(page, 0, 0, kMargin - 2, page.height), 0);
  // The title took several lines: ink well below the first line.
  EXPECT_GT(count_dark(page, kMargin, kMargin + 50, page.width - kMargin, kMargin + 100), 500);
}

int red_pixels(const Image& page) {
  int red = 0;
  for (int y = 0; y < page.height; ++y)
    for (int x = kMargin; x < page.width - kMargin; ++x) {
      const std::uint8_t* p = page.at(x, y);
      red += p[0] > 150 && p[1] < 40 && p[2] < 40;
    }
  return red;
}

TEST(Handout, TooMuchTextGoesOnMorePagesAndNothingIsCut) {
  ASSERT_TRUE(have_poppler()) << "pdftotext and pdfinfo (poppler-utils, in scripts/debian-packages.txt) are not installed";
  HandoutContent c = sample();
  std::vector<std::string> many(200, "A line of advice that is long enough to need most of the width of the page to print.");
  many.back() = "The very last line.";
  c.sections.push_back({"Very long", many});
  std::vector<Image> pages = compose_handout_pages(c, {});
  ASSERT_GT(pages.size(), 3u);
  const auto dir = test::scratch_dir("handout_overflow"); // once: it empties the folder
  int red = 0;
  for (std::size_t k = 0; k < pages.size(); ++k) {
    EXPECT_EQ(count_ink(pages[k], 0, 0, pages[k].width, kMargin - 2), 0) << "page " << k + 1;
    EXPECT_GT(count_dark(pages[k], kMargin, kMargin + 100, pages[k].width - kMargin, pages[k].height / 2), 1000);
    red += red_pixels(pages[k]);
  }
  EXPECT_GT(red, 1000);                                       // the red-flag box is on a page
  EXPECT_EQ(compose_handout(c, {}).rgba, pages.front().rgba); // compose_handout is the first page
  // The PDF has the same pages; the last line and the sources are on the last.
  const std::string pdf = (dir / "overflow.pdf").string();
  write_handout(c, {}, pdf, Paper::a4);
  ASSERT_EQ(pdf_info(pdf, "Pages"), std::to_string(pages.size()));
  const std::string last = squeeze(pdf_text(pdf, static_cast<int>(pages.size())));
  EXPECT_NE(last.find("Travell JG"), std::string::npos) << last;
  EXPECT_NE(last.find("page " + std::to_string(pages.size()) + " of " + std::to_string(pages.size())), std::string::npos) << last;
  EXPECT_NE(squeeze(pdf_text(pdf)).find("The very last line."), std::string::npos);
  // PNG pages: the first at the path, the rest beside it.
  const std::string png = (dir / "overflow.png").string();
  auto written = write_handout(c, {}, png, Paper::a4);
  ASSERT_EQ(written.size(), pages.size());
  EXPECT_EQ(written[1], (dir / "overflow-2.png").string());
  EXPECT_EQ(read_png(written.back()).rgba, pages.back().rgba);
}

// Rows [top, bottom) of the last run of rows with dark pixels above `below`.
std::pair<int, int> last_dark_run(const Image& page, int below) {
  int bottom = -1, top = -1;
  for (int y = below - 1; y >= 0; --y) {
    bool any = count_dark(page, kMargin, y, page.width - kMargin, y + 1) > 0;
    if (any && bottom < 0) bottom = y + 1;
    if (!any && bottom >= 0) {
      top = y + 1;
      break;
    }
  }
  return {top, bottom};
}

TEST(Handout, BodyTextIsAtLeastElevenPoints) {
  HandoutContent c;
  c.title = "T";
  c.subtitle = "";
  c.sections = {{"Heading", {"IIIIIIII"}}};
  Image page = compose_handout(c, {});
  save(page, "eleven_points.png");
  // The last line above the footer is the body's "IIII": at 11 pt on a 150
  // dpi page the em is 22.9 px and DejaVu Sans's capitals are 0.729 em tall,
  // so at least 16 px.
  auto [top, bottom] = last_dark_run(page, page.height - kMargin - 4);
  ASSERT_GT(top, 0);
  EXPECT_GE(bottom - top, 16) << "the body's capitals are " << bottom - top << " px tall";
  EXPECT_LE(bottom - top, 22);
}

TEST(Handout, PatientNameDateAndNotesArePrintedUnderTheTitle) {
  HandoutContent c = sample();
  const Image plain = compose_handout(c, {});
  c.patient = {"Ana Lopes", "2026-03-14", "Stretch the calf twice a day.\nCome back in two weeks."};
  c.technical_name = "Trigger point: Soleus TrP1";
  const Image page = compose_handout(c, {});
  save(page, "patient.png");
  // The name and date take a line of the head (the rule under it moves
  // down) and the notes make the body longer.
  auto rule_row = [](const Image& img) {
    for (int y = 0; y < img.height / 3; ++y)
      if (count_ink(img, kMargin, y, img.width - kMargin, y + 1) > (img.width - 2 * kMargin) * 9 / 10) return y;
    return -1;
  };
  ASSERT_GT(rule_row(plain), 0);
  EXPECT_GT(rule_row(page), rule_row(plain) + 40);
  EXPECT_GT(last_dark_run(page, page.height - kMargin - 4).first, last_dark_run(plain, page.height - kMargin - 4).first);
}

TEST(Handout, PatientFieldsAreChecked) {
  EXPECT_EQ(check_handout_patient({"Ana Lopes", "2024-02-29", "Two\nlines"}), "");
  EXPECT_EQ(check_handout_patient({}), "");
  for (const char* bad : {"2026-02-29", "2026-13-01", "14/03/2026", "2026-3-14", "yesterday"})
    EXPECT_NE(check_handout_patient({"", bad, ""}).find("--date"), std::string::npos) << bad;
  EXPECT_NE(check_handout_patient({std::string(200, 'a'), "", ""}).find("--patient"), std::string::npos);
  EXPECT_NE(check_handout_patient({"A\x1b[2J", "", ""}).find("--patient"), std::string::npos);
  EXPECT_NE(check_handout_patient({"", "", std::string(2000, 'n')}).find("--notes"), std::string::npos);
}

TEST(Handout, MissingFontIsARuntimeErrorNamingIt) {
  PrintFonts fonts{"/nonexistent/DejaVuSans.ttf", "/nonexistent/DejaVuSans-Bold.ttf"};
  try {
    compose_handout_pages(sample(), {}, Paper::a4, fonts);
    FAIL() << "expected RuntimeError";
  } catch (const RuntimeError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/DejaVuSans.ttf"), std::string::npos) << e.what();
  }
}

TEST(Handout, BoxFilterAveragesAndKeepsSize) {
  Image src = solid(4, 2, 0, 0, 0);
  for (int y = 0; y < 2; ++y) {
    src.at(1, y)[0] = 255; // columns 1 and 3 red
    src.at(3, y)[0] = 255;
  }
  Image half = resize_box(src, 2, 1);
  ASSERT_EQ(half.width, 2);
  ASSERT_EQ(half.height, 1);
  EXPECT_NEAR(half.at(0, 0)[0], 128, 1);
  EXPECT_NEAR(half.at(1, 0)[0], 128, 1);
  Image big = resize_box(src, 8, 4);
  EXPECT_EQ(big.at(2, 0)[0], 255);
  EXPECT_EQ(big.at(0, 3)[0], 0);
}

// Content from the bundled data, with the bundled atlas's landmarks.
struct Bundled {
  TriggerPointSet set;
  RedFlagSet flags;
};
std::optional<Bundled> bundled() {
  std::string manifest = test::source_dir() + "/assets/atlas/atlas.json";
  if (!std::filesystem::exists(manifest)) return std::nullopt;
  Bundled b;
  b.set = load_trigger_points(test::source_dir() + "/assets/knowledge/trigger_points.json", load_manifest(manifest).landmarks);
  b.flags = load_red_flags(test::source_dir() + "/assets/knowledge/red_flags.json");
  return b;
}

TEST(Handout, TriggerPointContentSaysWhereAndWhatToDo) {
  auto b = bundled();
  ASSERT_TRUE(b) << "assets/atlas/atlas.json is missing; bundled assets are part of the repository";
  const TriggerPoint* tp = b->set.find("soleus_trp3");
  ASSERT_NE(tp, nullptr);
  HandoutContent c = handout_for_trigger_point(*tp, b->set, &b->flags);
  // A plain-language title; the clinical name in small type under it.
  EXPECT_EQ(c.title, "Pain from a tight spot in the soleus muscle");
  EXPECT_NE(c.technical_name.find(tp->label), std::string::npos) << c.technical_name;
  EXPECT_EQ(plain_trigger_point_title(*b->set.find("gastrocnemius_trp3")), "Pain from a tight spot in the gastrocnemius muscle");
  EXPECT_EQ(plain_trigger_point_title(*b->set.find("tibialis_anterior_trp1")),
            "Pain from a tight spot in the tibialis anterior muscle");
  auto section = [&](const std::string& starts) -> const std::vector<std::string>* {
    for (const auto& [h, items] : c.sections)
      if (h.rfind(starts, 0) == 0) return &items;
    return nullptr;
  };
  ASSERT_NE(section("Where it can send pain"), nullptr);
  bool outside = false;
  for (const auto& line : *section("Where it can send pain")) outside |= line.find("Beyond the part") != std::string::npos;
  EXPECT_TRUE(outside) << "soleus TrP3 refers pain outside the leg model";
  ASSERT_NE(section("What you can do yourself"), nullptr);
  EXPECT_GE(section("What you can do yourself")->size(), tp->self_care.size());
  ASSERT_FALSE(c.red_flag_lines.empty());
  EXPECT_EQ(c.red_flag_lines.front().rfind("# Emergency", 0), 0u) << c.red_flag_lines.front();
  EXPECT_EQ(c.sources.size(), tp->sources.size());
  Image page = compose_handout(c, {});
  save(page, "soleus_trp3.png");
  EXPECT_EQ(count_ink(page, 0, 0, page.width, kMargin - 2), 0);
}

TEST(Handout, PainMapContentListsTheCandidatesBestFirst) {
  auto b = bundled();
  ASSERT_TRUE(b) << "assets/atlas/atlas.json is missing; bundled assets are part of the repository";
  std::vector<ReferralCandidate> candidates = {
      {"soleus", "soleus_trp1", ZoneKind::essential, 0.9f, 0.95f},
      {"gastrocnemius_medial_head", "gastrocnemius_trp1", ZoneKind::spillover, 0.4f, 0.2f},
      {"nothing", "no_such_trp", ZoneKind::spillover, 0.1f, 0.05f}};
  HandoutContent c = handout_for_pain_map(candidates, b->set, &b->flags);
  const std::vector<std::string>* list = nullptr;
  for (const auto& [h, items] : c.sections)
    if (h.rfind("Trigger points that can cause", 0) == 0) list = &items;
  ASSERT_NE(list, nullptr);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].rfind(b->set.find("soleus_trp1")->label, 0), 0u) << (*list)[0];
  EXPECT_NE((*list)[1].find("sometimes spreads"), std::string::npos) << (*list)[1];

  HandoutContent none = handout_for_pain_map({}, b->set, &b->flags);
  ASSERT_FALSE(none.sections.empty());
  EXPECT_NE(none.sections[0].second[0].find("None of the trigger points"), std::string::npos);
  EXPECT_FALSE(none.red_flag_lines.empty());
}

// The first row (from the top) with the red of the red-flag box, -1 if none.
int first_red_row(const Image& page) {
  for (int y = 0; y < page.height; ++y)
    for (int x = 0; x < page.width; ++x) {
      const std::uint8_t* p = page.at(x, y);
      if (p[0] > 150 && p[1] < 40 && p[2] < 40) return y;
    }
  return -1;
}

TEST(Handout, RedFlagsFitThePaintedAreaAndUrgentOnesComeFirst) {
  auto b = bundled();
  ASSERT_TRUE(b) << "assets/atlas/atlas.json is missing; bundled assets are part of the repository";
  std::vector<ReferralCandidate> candidates = {{"soleus", "soleus_trp1", ZoneKind::essential, 0.9f, 0.95f}};
  auto joined = [](const HandoutContent& c) {
    std::string all;
    for (const auto& line : c.red_flag_lines) all += line + "\n";
    return all;
  };
  const HandoutContent calf = handout_for_pain_map(candidates, b->set, &b->flags, {BodyArea::calf});
  EXPECT_TRUE(calf.red_flags_first);
  EXPECT_NE(joined(calf).find("Deep vein thrombosis"), std::string::npos) << joined(calf);
  const HandoutContent heel = handout_for_pain_map(candidates, b->set, &b->flags, {BodyArea::heel});
  EXPECT_EQ(joined(heel).find("Deep vein thrombosis"), std::string::npos) << joined(heel);
  EXPECT_NE(joined(heel).find("Achilles tendon rupture"), std::string::npos) << joined(heel);
  EXPECT_NE(joined(heel).find("Broken bone"), std::string::npos) << joined(heel);
  // The calf's self-care starts with the best match's safety net, which warns
  // about a swollen calf.
  const std::vector<std::string>* care = nullptr;
  for (const auto& [h, items] : calf.sections)
    if (h.rfind("What you can do yourself", 0) == 0) care = &items;
  ASSERT_NE(care, nullptr);
  EXPECT_EQ(care->front(), b->set.find("soleus_trp1")->safety_net.text);
  EXPECT_NE(care->front().find("swollen, warm, tender or red"), std::string::npos) << care->front();

  // On the page: the box above the sections when first, below them otherwise.
  HandoutContent later = calf;
  later.red_flags_first = false;
  const Image first_page = compose_handout(calf, {});
  const std::vector<Image> later_pages = compose_handout_pages(later, {});
  save(first_page, "red_flags_first.png");
  const int first = first_red_row(first_page);
  ASSERT_GT(first, 0);
  EXPECT_LT(first, 300) << "right under the title";
  // After the sections: further down page 1, or on a later page.
  const int last = first_red_row(later_pages.front());
  EXPECT_TRUE(last > first + 300 || (last < 0 && later_pages.size() > 1)) << last;
}

} // namespace
} // namespace crus
