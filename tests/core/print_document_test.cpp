// Printable documents: page sizes, page breaks, text that pdftotext can
// read back (selectable and searchable), a missing glyph that shows, and
// PNG pages that agree with the PDF's page count.
#include "core/publish/print_document.hpp"

#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace crus {
namespace {

bool have_pdftotext() { return std::system("command -v pdftotext >/dev/null 2>&1") == 0; }

std::string pdf_text(const std::string& pdf) {
  auto r = test::run_command("pdftotext -layout '" + pdf + "' -");
  EXPECT_EQ(r.status, 0) << r.err;
  return r.out;
}

int pdf_pages(const std::string& pdf) {
  auto r = test::run_command("pdfinfo '" + pdf + "'");
  auto at = r.out.find("Pages:");
  return at == std::string::npos ? -1 : std::atoi(r.out.c_str() + at + 6);
}

std::string pdf_page_size(const std::string& pdf) {
  auto r = test::run_command("pdfinfo '" + pdf + "'");
  auto at = r.out.find("Page size:");
  if (at == std::string::npos) return "";
  return r.out.substr(at, r.out.find('\n', at) - at);
}

// Ink: pixels clearly darker than the paper.
std::size_t ink(const Image& image, int x0, int y0, int x1, int y1) {
  std::size_t n = 0;
  for (int y = std::max(0, y0); y < std::min(image.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(image.width, x1); ++x) n += image.at(x, y)[0] < 160 ? 1 : 0;
  return n;
}

TEST(PrintDocument, PaperSizes) {
  EXPECT_NEAR(paper_size(Paper::a4).width_pt, 595.28, 0.01);
  EXPECT_NEAR(paper_size(Paper::a4).height_pt, 841.89, 0.01);
  EXPECT_EQ(paper_size(Paper::letter).width_pt, 612.0);
  EXPECT_EQ(parse_paper("Letter"), Paper::letter);
  EXPECT_EQ(parse_paper("a4"), Paper::a4);
  EXPECT_FALSE(parse_paper("a5"));
}

TEST(PrintDocument, LongTextBreaksIntoPagesAndStaysSearchable) {
  ASSERT_TRUE(have_pdftotext()) << "pdftotext (poppler-utils, in scripts/debian-packages.txt) is not installed";
  PrintDocument doc(Paper::a4);
  doc.set_title("Typesetting test");
  doc.set_footer("Crus test");
  doc.heading("Gastrocnemius and soleus");
  for (int i = 1; i <= 60; ++i)
    doc.item(std::to_string(i) + ".",
             "Paragraph " + std::to_string(i) +
                 " says that the soleus lies deep to the gastrocnemius and that both insert "
                 "through the calcaneal tendon into the calcaneus.",
             TextStyle{10.5, false, 0.0, 22.0});
  EXPECT_GE(doc.page_count(), 3u);
  const auto dir = test::scratch_dir("print_document");
  const std::string pdf = (dir / "long.pdf").string();
  doc.write_pdf(pdf);
  EXPECT_EQ(pdf_pages(pdf), static_cast<int>(doc.page_count()));
  EXPECT_NE(pdf_page_size(pdf).find("(A4)"), std::string::npos) << pdf_page_size(pdf);
  std::string text = pdf_text(pdf);
  EXPECT_NE(text.find("Gastrocnemius and soleus"), std::string::npos);
  EXPECT_NE(text.find("Paragraph 60 says"), std::string::npos);
  EXPECT_NE(text.find("60."), std::string::npos);
  EXPECT_NE(text.find("page 3 of"), std::string::npos);
  EXPECT_EQ(doc.render_pages(36).size(), doc.page_count());
}

TEST(PrintDocument, LetterPaperAndImages) {
  ASSERT_TRUE(have_pdftotext()) << "pdftotext (poppler-utils, in scripts/debian-packages.txt) is not installed";
  PrintDocument doc(Paper::letter);
  Image red;
  red.width = 40;
  red.height = 20;
  red.rgba.assign(40 * 20 * 4, 0);
  for (std::size_t i = 0; i < red.rgba.size(); i += 4) {
    red.rgba[i] = 200;
    red.rgba[i + 3] = 255;
  }
  doc.paragraph("Above the figure.");
  doc.image(red, 200.0);
  doc.paragraph("Below the figure.");
  EXPECT_EQ(doc.page_count(), 1u);
  const std::string pdf = (test::scratch_dir("print_document") / "letter.pdf").string();
  doc.write_pdf(pdf);
  EXPECT_NE(pdf_page_size(pdf).find("612 x 792"), std::string::npos) << pdf_page_size(pdf);
  auto pages = doc.render_pages(72);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].width, 612);
  // The red image sits under the first line, 54 pt from the left, 200 pt wide.
  const std::uint8_t* p = pages[0].at(54 + 100, 54 + 14 + 20 + 10);
  EXPECT_GT(p[0], 150);
  EXPECT_LT(p[1], 60);
  auto text = pdf_text(pdf);
  EXPECT_LT(text.find("Above the figure."), text.find("Below the figure."));
}

TEST(PrintDocument, AMissingGlyphIsVisible) {
  // U+E000 (private use) is in no font; DejaVu has no glyph for it. Pango
  // draws its code in a box instead of leaving the place blank.
  PrintDocument doc(Paper::a4);
  doc.paragraph("\xee\x80\x80", TextStyle{24.0});
  PrintDocument blank(Paper::a4);
  blank.paragraph(" ", TextStyle{24.0});
  auto page = doc.render_pages(72).at(0);
  auto none = blank.render_pages(72).at(0);
  EXPECT_GT(ink(page, 50, 50, 120, 90), 20u);
  EXPECT_EQ(ink(none, 50, 50, 120, 90), 0u);
}

TEST(PrintDocument, AnUnwritablePathIsAnInputError) {
  PrintDocument doc(Paper::a4);
  doc.paragraph("x");
  // The parent is a file: no folder can be made there.
  const auto dir = test::scratch_dir("print_document");
  std::ofstream(dir / "file") << "x";
  EXPECT_ANY_THROW(doc.write_pdf((dir / "file" / "x.pdf").string()));
}

} // namespace
} // namespace crus
