// crus quiz --worksheet: a PDF whose text pdftotext reads back, with every
// question of the JSON quiz for the same seed in order, figures where a
// question needs one, and an answer key on the last page that gives the
// JSON's correct choices; PNG pages and US Letter too.
#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

namespace {

using crus::test::run_command;
std::string crus() { return crus::test::crus_binary(); }
bool have_poppler() { return std::system("command -v pdftotext >/dev/null 2>&1") == 0; }

// pdftotext's text of one page (1-based), or of all pages (0); words
// joined by single spaces so wrapped lines compare as one.
std::string text_of(const std::string& pdf, int page = 0) {
  std::string range = page ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  auto r = run_command("pdftotext" + range + " '" + pdf + "' -");
  std::string out;
  bool space = false;
  for (char c : r.out) {
    if (std::isspace(static_cast<unsigned char>(c))) space = !out.empty();
    else {
      if (space) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

int pages_of(const std::string& pdf) {
  auto r = run_command("pdfinfo '" + pdf + "'");
  auto at = r.out.find("Pages:");
  return at == std::string::npos ? -1 : std::atoi(r.out.c_str() + at + 6);
}

TEST(QuizWorksheet, PdfHoldsTheJsonQuizAndItsKeyOnTheLastPage) {
  ASSERT_TRUE(have_poppler()) << "pdftotext (poppler-utils, in scripts/debian-packages.txt) is not installed";
  const auto dir = crus::test::scratch_dir("quiz_worksheet");
  const std::string pdf = (dir / "quiz.pdf").string();
  auto w = run_command(
      crus() + " quiz --seed 22 --count 14 --types point-to,name-it,facts,trigger-point,movement,section --worksheet --out " +
      pdf);
  ASSERT_EQ(w.status, 0) << w.err;
  auto j =
      run_command(crus() + " quiz --seed 22 --count 14 --types point-to,name-it,facts,trigger-point,movement,section --json");
  ASSERT_EQ(j.status, 0) << j.err;
  auto quiz = nlohmann::json::parse(j.out);
  const int pages = pages_of(pdf);
  ASSERT_GE(pages, 2);
  // The key starts on a page of its own after the questions and runs to
  // the end (one page for a short quiz, more for a long one).
  int key_page = pages;
  while (key_page > 1 && text_of(pdf, key_page).find("Answer key") == std::string::npos) --key_page;
  std::string questions, key;
  for (int p = 1; p <= pages; ++p) (p < key_page ? questions : key) += text_of(pdf, p) + " ";
  ASSERT_EQ(key.rfind("Answer key", 0), 0u) << key.substr(0, 200);
  EXPECT_GE(pages - key_page, 0);
  EXPECT_LE(pages - key_page, 1);
  const std::string& all = questions;
  std::size_t last = 0, last_key = 0;
  std::set<std::string> types;
  for (const auto& q : quiz["questions"]) {
    types.insert(q["type"].get<std::string>());
    std::string prompt = q["prompt"];
    if (q["type"] == "point-to") prompt = prompt.substr(6, prompt.find(" on the model") - 6); // "Mark X on the figure."
    auto at = all.find(prompt, last);
    EXPECT_NE(at, std::string::npos) << "question " << q["number"] << " missing or out of order: " << prompt;
    if (at != std::string::npos) last = at;
    // The key: each right option, by its letter and text, in order.
    std::string n = std::to_string(q["number"].get<int>()) + ". ";
    auto entry = key.find(n, last_key);
    ASSERT_NE(entry, std::string::npos) << n;
    last_key = entry;
    const auto& choices = q["choices"];
    for (std::size_t c = 0; c < choices.size(); ++c)
      for (const auto& right : q["correct"])
        if (choices[c]["id"] == right) {
          std::string expect = std::string(1, static_cast<char>('a' + c)) + ") " + choices[c]["text"].get<std::string>();
          EXPECT_NE(key.find(expect, entry), std::string::npos) << "key of question " << n << " lacks " << expect;
        }
  }
  EXPECT_GE(types.size(), 4u);
}

TEST(QuizWorksheet, PngPagesOnLetterPaperAndFiguresDrawn) {
  const auto dir = crus::test::scratch_dir("quiz_worksheet_png");
  const std::string out = (dir / "sheet.png").string();
  auto w = run_command(crus() + " quiz --seed 3 --count 6 --types name-it,section --paper letter --worksheet --out " + out);
  ASSERT_EQ(w.status, 0) << w.err;
  ASSERT_TRUE(std::filesystem::exists(dir / "sheet-1.png")) << w.out;
  // Letter at 150 dpi: 1275 x 1650 pixels (PNG header: width, height at bytes 16..23).
  std::ifstream in(dir / "sheet-1.png", std::ios::binary);
  unsigned char h[24] = {};
  in.read(reinterpret_cast<char*>(h), 24);
  EXPECT_EQ((h[16] << 24) | (h[17] << 16) | (h[18] << 8) | h[19], 1275);
  EXPECT_EQ((h[20] << 24) | (h[21] << 16) | (h[22] << 8) | h[23], 1650);
  // Six questions with figures do not fit one page; the key is a page of its own.
  int pages = 0;
  while (std::filesystem::exists(dir / ("sheet-" + std::to_string(pages + 1) + ".png"))) ++pages;
  EXPECT_GE(pages, 3);
  EXPECT_NE(w.out.find(std::to_string(pages) + " pages"), std::string::npos) << w.out;
}

TEST(QuizWorksheet, BadOptionsSayOneLineAndExit2) {
  for (const char* args : {"--worksheet", "--out x.pdf", "--worksheet --out x.txt", "--worksheet --out x.pdf --paper a5",
                           "--worksheet --out x.pdf --json"}) {
    auto r = run_command(crus() + " quiz --count 3 " + args);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << ": " << r.err;
  }
}

} // namespace
