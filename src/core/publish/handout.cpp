// The handout's layout on a PrintDocument: Pango wraps the text (any script
// DejaVu Sans covers; a missing glyph shows as a boxed code) and breaks the
// pages; the same recording becomes the PDF or the PNG pages. The words are
// in handout_content.cpp.
#include "core/publish/handout.hpp"

#include "core/io/file_io.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

namespace crus {

namespace {

constexpr PrintColour kInk{0.10, 0.10, 0.12};
constexpr PrintColour kHeading{0.08, 0.27, 0.43};
constexpr PrintColour kRed{0.67, 0.08, 0.08};
constexpr PrintColour kBoxFill{0.99, 0.94, 0.93};
constexpr double kViewsHeightPt = 215.0;

TextStyle body_style() {
  TextStyle s;
  s.size_pt = kHandoutBodyPoints;
  s.colour = kInk;
  s.space_after_pt = 3.0;
  return s;
}

TextStyle small_style(bool bold = false) {
  TextStyle s;
  s.size_pt = kHandoutSmallPoints;
  s.bold = bold;
  s.grey = 0.37;
  s.space_after_pt = 1.0;
  return s;
}

void bullet(PrintDocument& doc, const std::string& text, TextStyle style) {
  style.hanging_pt = 13.0;
  doc.item("\u2022", text, style);
}

void section(PrintDocument& doc, const std::string& heading, const std::vector<std::string>& items) {
  doc.heading(heading, 2, kHeading);
  for (const auto& item : items) {
    if (items.size() > 1) bullet(doc, item, body_style());
    else doc.paragraph(item, body_style());
  }
}

void red_flag_box(PrintDocument& doc, const HandoutContent& content) {
  if (content.red_flag_lines.empty()) return;
  TextStyle head = body_style();
  head.size_pt = 12.5;
  head.bold = true;
  head.colour = kRed;
  doc.space(8.0);
  // The heading and the first lines stay together.
  doc.keep_together(doc.text_height(content.red_flag_heading, head) + 60.0);
  doc.begin_box(kRed, kBoxFill, 9.0, content.red_flag_heading, head);
  doc.paragraph(content.red_flag_heading, head);
  for (const auto& line : content.red_flag_lines) {
    if (line.rfind("# ", 0) == 0) {
      TextStyle sub = body_style();
      sub.bold = true;
      doc.space(3.0);
      doc.keep_together(doc.text_height(line.substr(2), sub) + 30.0);
      doc.paragraph(line.substr(2), sub);
    } else {
      bullet(doc, line, body_style());
    }
  }
  doc.end_box();
  doc.space(4.0);
}

// The clinician's notes, one paragraph or bullet per non-blank line.
std::vector<std::string> note_lines(const std::string& notes) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= notes.size()) {
    std::size_t end = std::min(notes.find('\n', start), notes.size());
    std::string line = notes.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

} // namespace

HandoutFonts find_handout_fonts() {
  PrintFonts f = find_print_fonts();
  return {f.regular, f.bold};
}

void typeset_handout(PrintDocument& doc, const HandoutContent& content, const std::vector<Image>& views) {
  doc.set_title(content.title);
  doc.set_footer(content.subtitle);
  TextStyle title;
  title.size_pt = kHandoutTitlePoints;
  title.bold = true;
  title.colour = kInk;
  title.space_after_pt = 3.0;
  doc.paragraph(content.title, title);
  if (!content.technical_name.empty()) doc.paragraph(content.technical_name, small_style());
  if (!content.subtitle.empty()) doc.paragraph(content.subtitle, small_style());
  const HandoutPatient& patient = content.patient;
  if (!patient.name.empty() || !patient.date.empty()) {
    std::string line = patient.name.empty() ? "" : "For: " + patient.name;
    if (!patient.date.empty()) line += (line.empty() ? "" : "  \u00b7  ") + std::string("Date: ") + patient.date;
    TextStyle who = body_style();
    who.size_pt = 12.0;
    who.bold = true;
    doc.space(3.0);
    doc.paragraph(line, who);
  }
  doc.space(4.0);
  doc.rule(1.0);
  doc.space(10.0);
  if (!views.empty()) doc.image_row(views, content.view_captions, kViewsHeightPt);

  // The clinician's notes come first: they are what this patient was told;
  // then an urgent red-flag box, before any trigger point or self-care.
  if (auto lines = note_lines(patient.notes); !lines.empty()) section(doc, "Notes from your clinician", lines);
  if (content.red_flags_first) red_flag_box(doc, content);
  for (const auto& [heading, items] : content.sections) section(doc, heading, items);
  if (!content.red_flags_first) red_flag_box(doc, content);

  if (!content.sources.empty()) {
    TextStyle fine = small_style();
    fine.size_pt = 7.5;
    doc.space(10.0);
    doc.keep_together(40.0);
    doc.rule(0.5);
    doc.space(4.0);
    TextStyle fine_bold = fine;
    fine_bold.bold = true;
    doc.paragraph("Sources", fine_bold);
    for (const auto& s : content.sources) doc.paragraph(s, fine);
  }
}

std::vector<Image> compose_handout_pages(const HandoutContent& content, const std::vector<Image>& views, Paper paper,
                                         const PrintFonts& fonts) {
  PrintDocument doc(paper, fonts, kHandoutMarginPt);
  typeset_handout(doc, content, views);
  return doc.render_pages(kHandoutDpi);
}

Image compose_handout(const HandoutContent& content, const std::vector<Image>& views, Paper paper) {
  return compose_handout_pages(content, views, paper).front();
}

bool is_pdf_path(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".pdf";
}

std::vector<std::string> write_handout(const HandoutContent& content, const std::vector<Image>& views, const std::string& path,
                                       Paper paper, std::size_t* page_count) {
  PrintDocument doc(paper, find_print_fonts(), kHandoutMarginPt);
  typeset_handout(doc, content, views);
  if (page_count) *page_count = doc.page_count();
  if (is_pdf_path(path)) {
    doc.write_pdf(path);
    return {path};
  }
  std::vector<std::string> written;
  const std::vector<Image> pages = doc.render_pages(kHandoutDpi);
  for (std::size_t k = 0; k < pages.size(); ++k) {
    std::string p = path;
    if (k > 0) {
      std::filesystem::path f(path);
      p = (f.parent_path() / (f.stem().string() + "-" + std::to_string(k + 1) + f.extension().string())).string();
    }
    write_png(pages[k], p);
    written.push_back(p);
  }
  return written;
}

Image resize_box(const Image& source, int width, int height) {
  Image out;
  out.width = std::max(width, 0);
  out.height = std::max(height, 0);
  out.rgba.assign(static_cast<std::size_t>(out.width) * out.height * 4, 0);
  if (source.width <= 0 || source.height <= 0 || out.rgba.empty()) return out;
  double sx = static_cast<double>(source.width) / out.width;
  double sy = static_cast<double>(source.height) / out.height;
  for (int y = 0; y < out.height; ++y) {
    int y0 = std::min(static_cast<int>(y * sy), source.height - 1);
    int y1 = std::clamp(static_cast<int>(std::ceil((y + 1) * sy)), y0 + 1, source.height);
    for (int x = 0; x < out.width; ++x) {
      int x0 = std::min(static_cast<int>(x * sx), source.width - 1);
      int x1 = std::clamp(static_cast<int>(std::ceil((x + 1) * sx)), x0 + 1, source.width);
      unsigned sum[4] = {0, 0, 0, 0};
      for (int yy = y0; yy < y1; ++yy)
        for (int xx = x0; xx < x1; ++xx) {
          const std::uint8_t* s = source.at(xx, yy);
          for (int c = 0; c < 4; ++c) sum[c] += s[c];
        }
      unsigned n = static_cast<unsigned>((x1 - x0) * (y1 - y0));
      std::uint8_t* d = out.at(x, y);
      for (int c = 0; c < 4; ++c) d[c] = static_cast<std::uint8_t>((sum[c] + n / 2) / n);
    }
  }
  return out;
}

} // namespace crus
