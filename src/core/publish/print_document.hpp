#pragma once
// Printable documents typeset with Pango and drawn with cairo: pages of
// headings, wrapped paragraphs, numbered items and images, on A4 or US
// Letter, written as a PDF (text stays text: selectable and searchable) or
// rendered as PNG pages. Worksheets use it now; handouts and lesson pages
// can move to it. No GL.
//
// Fonts: only DejaVu Sans and DejaVu Sans Bold from fonts-dejavu-core,
// registered in a private fontconfig set, so that every machine typesets the
// same text with the same font and a character DejaVu lacks shows as Pango's
// boxed hexadecimal code instead of silently borrowing another font.
#include "core/io/image.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace crus {

enum class Paper { a4, letter };
// "a4" or "letter" (case-insensitive).
std::optional<Paper> parse_paper(const std::string& text);
struct PaperSize {
  double width_pt = 0.0, height_pt = 0.0; // 1 pt = 1/72 inch
};
PaperSize paper_size(Paper paper); // A4 595.28 x 841.89, Letter 612 x 792

struct PrintFonts {
  std::string regular, bold; // TrueType files
};
// DejaVu Sans and DejaVu Sans Bold where Debian and others install them;
// throws RuntimeError naming the package when absent.
PrintFonts find_print_fonts();

struct PrintColour {
  double r = 0.0, g = 0.0, b = 0.0; // 0..1
};

struct TextStyle {
  double size_pt = 10.5;
  bool bold = false;
  double indent_pt = 0.0;  // from the left margin
  double hanging_pt = 0.0; // label column of an item (numbers, letters)
  double grey = 0.0;       // 0 black .. 1 white
  double space_after_pt = 4.0;
  std::optional<PrintColour> colour; // instead of grey
};

class PrintDocument {
public:
  // Throws RuntimeError when the fonts cannot be registered.
  explicit PrintDocument(Paper paper, const PrintFonts& fonts = find_print_fonts(), double margin_pt = 54.0);
  ~PrintDocument();
  PrintDocument(const PrintDocument&) = delete;
  PrintDocument& operator=(const PrintDocument&) = delete;

  void set_title(std::string title); // PDF metadata
  // Drawn at the foot of every page with "page N of M".
  void set_footer(std::string text);

  void heading(const std::string& text, int level = 1, std::optional<PrintColour> colour = std::nullopt);
  // Plain text (no markup), wrapped to the column, split across pages
  // between lines when it does not fit.
  void paragraph(const std::string& text, const TextStyle& style = {});
  // `label` ("12.", "a)") in a column of style.hanging_pt, then the wrapped text.
  void item(const std::string& label, const std::string& text, const TextStyle& style = {});
  // An image scaled to `width_pt` (keeping its aspect), at `indent_pt`, with a thin frame.
  void image(const Image& image, double width_pt, double indent_pt = 0.0);
  // Images side by side in equal cells across the column, each scaled to fit
  // `height_pt` and its cell, framed, with its caption (if any) centred under it.
  void image_row(const std::vector<Image>& images, const std::vector<std::string>& captions, double height_pt);
  // A horizontal line across the column.
  void rule(double thickness_pt = 0.75, double grey = 0.75);
  // What is added between begin_box and end_box sits inset in a filled,
  // bordered box across the column; a page break inside it closes the box
  // on that page and opens it again on the next.
  // `repeat` (may be empty) heads each part of the box after a page break,
  // in `repeat_style`, followed by " (continued)".
  void begin_box(PrintColour border, PrintColour fill, double padding_pt = 9.0, const std::string& repeat = "",
                 const TextStyle& repeat_style = {});
  void end_box();
  void space(double pt);
  // Starts a new page unless `height_pt` still fits on this one.
  void keep_together(double height_pt);
  void new_page();

  // Heights for planning keep_together(): a paragraph or item as typeset now.
  double text_height(const std::string& text, const TextStyle& style) const;
  double image_height(const Image& image, double width_pt) const;

  double content_width() const;
  double remaining() const; // on the current page
  std::size_t page_count() const;

  // Atomic; throws InputError naming the file when it cannot be written.
  void write_pdf(const std::string& path) const;
  // Every page as an image at `dpi`, white paper.
  std::vector<Image> render_pages(double dpi) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace crus
