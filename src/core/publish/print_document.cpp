// Pages are cairo recording surfaces: everything is typeset once, then the
// same recording is replayed into a PDF surface or into image surfaces, so
// the PDF and the PNG pages cannot disagree about line or page breaks.
#include "core/publish/print_document.hpp"
#include "core/io/utf8.hpp"

#include "core/error.hpp"
#include "core/io/file_io.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

namespace crus {

std::optional<Paper> parse_paper(const std::string& text) {
  std::string t;
  for (char c : text) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "a4") return Paper::a4;
  if (t == "letter") return Paper::letter;
  return std::nullopt;
}

PaperSize paper_size(Paper paper) {
  // ISO 216 A4 is 210 x 297 mm; ANSI Letter 8.5 x 11 in.
  if (paper == Paper::letter) return {612.0, 792.0};
  return {210.0 / 25.4 * 72.0, 297.0 / 25.4 * 72.0};
}

PrintFonts find_print_fonts() {
  const char* folders[] = {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu",
                           "/usr/local/share/fonts", "/Library/Fonts"};
  std::error_code ec;
  for (const char* folder : folders) {
    auto regular = std::filesystem::path(folder) / "DejaVuSans.ttf";
    auto bold = std::filesystem::path(folder) / "DejaVuSans-Bold.ttf";
    if (std::filesystem::exists(regular, ec) && std::filesystem::exists(bold, ec)) return {regular.string(), bold.string()};
  }
  throw RuntimeError("printing needs DejaVuSans.ttf and DejaVuSans-Bold.ttf (Debian package fonts-dejavu-core)");
}

namespace {

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

cairo_surface_t* to_cairo(const Image& image) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height);
  cairo_surface_flush(s);
  unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const std::uint8_t* p = image.at(x, y);
      const unsigned a = p[3];
      auto* q = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride) + x;
      // Premultiplied native-endian ARGB.
      *q = (a << 24) | ((p[0] * a / 255u) << 16) | ((p[1] * a / 255u) << 8) | (p[2] * a / 255u);
    }
  cairo_surface_mark_dirty(s);
  return s;
}

Image from_cairo(cairo_surface_t* s) {
  cairo_surface_flush(s);
  Image out;
  out.width = cairo_image_surface_get_width(s);
  out.height = cairo_image_surface_get_height(s);
  out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      const std::uint32_t v = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride)[x];
      std::uint8_t* p = out.at(x, y);
      p[0] = static_cast<std::uint8_t>(v >> 16); // opaque: white paper under everything
      p[1] = static_cast<std::uint8_t>(v >> 8);
      p[2] = static_cast<std::uint8_t>(v);
      p[3] = 255;
    }
  return out;
}

// Pango and cairo refuse invalid UTF-8 (text typed in another encoding, a
// cut multi-byte character): each bad byte shows as U+FFFD instead, and the
// rest of the text stays, decided by the project's one decoder (core/io/utf8).
// A NUL byte, valid UTF-8 but the end of a C string to Pango, does the same.
std::string valid_utf8(const std::string& text) {
  std::string out;
  for (char c : sanitize_utf8(text)) {
    if (c == '\0') out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

} // namespace

struct PrintDocument::Impl {
  PaperSize size;
  double margin = 54.0;
  FcConfig* fc = nullptr;
  PangoFontMap* map = nullptr;
  PangoContext* context = nullptr;
  std::vector<cairo_surface_t*> pages;
  cairo_t* cr = nullptr;
  double y = 0.0;
  std::string title, footer;

  // The open box, if any (begin_box .. end_box).
  struct Box {
    bool open = false;
    PrintColour border, fill;
    double pad = 9.0, top = 0.0;
    std::string repeat;
    TextStyle repeat_style;
  } box;
  static constexpr double kBoxBorder = 2.0;

  double top() const { return margin; }
  // Room for the footer, and for the bottom of an open box.
  double bottom() const { return size.height_pt - margin - 18.0 - (box.open ? box.pad + kBoxBorder : 0.0); }
  double inset() const { return box.open ? box.pad + kBoxBorder : 0.0; }
  double left() const { return margin + inset(); }
  double width() const { return size.width_pt - 2.0 * (margin + inset()); }

  // The box's content is drawn into a group so that its fill can go under
  // it once the height is known; on a recording surface the group is a
  // recording too, so text stays text in the PDF.
  void open_box_segment(bool continued) {
    box.top = y;
    cairo_push_group(cr);
    y += box.pad + kBoxBorder;
    if (continued && !box.repeat.empty()) {
      // The reader who turns the page still knows what the box is.
      const TextStyle& s = box.repeat_style;
      LayoutPtr l = layout(box.repeat + " (continued)", s.size_pt, s.bold, width());
      const PrintColour c = s.colour.value_or(PrintColour{s.grey, s.grey, s.grey});
      cairo_set_source_rgb(cr, c.r, c.g, c.b);
      cairo_move_to(cr, left(), y);
      pango_cairo_show_layout(cr, l.get());
      int w = 0, h = 0;
      pango_layout_get_size(l.get(), &w, &h);
      y += h / static_cast<double>(PANGO_SCALE) + s.space_after_pt;
    }
  }
  void close_box_segment() {
    cairo_pattern_t* content = cairo_pop_group(cr);
    const double h = y + box.pad + kBoxBorder - box.top;
    const double w = size.width_pt - 2.0 * margin;
    cairo_set_source_rgb(cr, box.fill.r, box.fill.g, box.fill.b);
    cairo_rectangle(cr, margin, box.top, w, h);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, box.border.r, box.border.g, box.border.b);
    cairo_set_line_width(cr, kBoxBorder);
    cairo_rectangle(cr, margin + kBoxBorder / 2, box.top + kBoxBorder / 2, w - kBoxBorder, h - kBoxBorder);
    cairo_stroke(cr);
    cairo_set_source(cr, content);
    cairo_paint(cr);
    cairo_pattern_destroy(content);
    y = box.top + h;
  }

  LayoutPtr layout(const std::string& text, double size_pt, bool bold, double width_pt) const {
    LayoutPtr l(pango_layout_new(context));
    PangoFontDescription* fd = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(fd, size_pt * PANGO_SCALE);
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l.get(), fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l.get(), static_cast<int>(std::max(10.0, width_pt) * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    const std::string valid = valid_utf8(text);
    pango_layout_set_text(l.get(), valid.c_str(), static_cast<int>(valid.size()));
    return l;
  }

  void start_page() {
    const bool in_box = box.open && cr;
    if (in_box) close_box_segment();
    if (cr) cairo_destroy(cr);
    cairo_rectangle_t extents{0.0, 0.0, size.width_pt, size.height_pt};
    pages.push_back(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
    cr = cairo_create(pages.back());
    y = top();
    if (in_box) open_box_segment(true);
  }
  // The first line of content on this page (below an open box's padding).
  double content_top() const { return top() + (box.open ? box.pad + kBoxBorder : 0.0); }

  // Draws the layout's lines from the cursor, breaking the page between
  // lines; `label` (may be null) sits at `label_x` on the first line.
  void flow(PangoLayout* l, double x, PangoLayout* label, double label_x, PrintColour colour) {
    PangoLayoutIter* it = pango_layout_get_iter(l);
    bool first = true;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      const double h = logical.height / static_cast<double>(PANGO_SCALE);
      const double ascent = (pango_layout_iter_get_baseline(it) - logical.y) / static_cast<double>(PANGO_SCALE);
      if (y + h > bottom() && y > content_top()) start_page();
      cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
      cairo_move_to(cr, x + logical.x / static_cast<double>(PANGO_SCALE), y + ascent);
      pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
      if (first && label) {
        cairo_move_to(cr, label_x, y + ascent);
        pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(label, 0));
      }
      first = false;
      y += h;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }

  void draw_footer(cairo_t* c, std::size_t page) const {
    std::string text = footer.empty() ? "" : footer + "   \u00b7   ";
    text += "page " + std::to_string(page + 1) + " of " + std::to_string(pages.size());
    LayoutPtr l = layout(text, 8.0, false, size.width_pt - 2 * margin);
    pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
    cairo_set_source_rgb(c, 0.4, 0.4, 0.4);
    cairo_move_to(c, margin, size.height_pt - margin);
    pango_cairo_show_layout(c, l.get());
  }
};

PrintDocument::PrintDocument(Paper paper, const PrintFonts& fonts, double margin_pt) : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  d.size = paper_size(paper);
  d.margin = margin_pt;
  d.fc = FcConfigCreate();
  for (const auto& file : {fonts.regular, fonts.bold})
    if (!d.fc || !FcConfigAppFontAddFile(d.fc, reinterpret_cast<const FcChar8*>(file.c_str()))) {
      if (d.fc) FcConfigDestroy(d.fc);
      d.fc = nullptr;
      throw RuntimeError(file + ": cannot load the font for printing (DejaVu Sans, package fonts-dejavu-core)");
    }
  d.map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(d.map), d.fc);
  d.context = pango_font_map_create_context(d.map);
  // Unhinted metrics: the same line breaks whatever the output's resolution.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(d.context, options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(d.context, 72.0); // sizes in points are user units
  d.start_page();
}

PrintDocument::~PrintDocument() {
  Impl& d = *impl_;
  if (d.cr) cairo_destroy(d.cr);
  for (auto* p : d.pages) cairo_surface_destroy(p);
  if (d.context) g_object_unref(d.context);
  if (d.map) g_object_unref(d.map);
  if (d.fc) FcConfigDestroy(d.fc);
}

void PrintDocument::set_title(std::string title) { impl_->title = valid_utf8(title); }
void PrintDocument::set_footer(std::string text) { impl_->footer = valid_utf8(text); }

void PrintDocument::heading(const std::string& text, int level, std::optional<PrintColour> colour) {
  TextStyle s;
  s.colour = colour;
  s.size_pt = level <= 1 ? 17.0 : 13.0;
  s.bold = true;
  s.space_after_pt = level <= 1 ? 8.0 : 5.0;
  if (impl_->y > impl_->content_top()) space(level <= 1 ? 10.0 : 6.0);
  // A heading never ends a page: keep it with two lines of what follows.
  keep_together(text_height(text, s) + 30.0);
  paragraph(text, s);
}

void PrintDocument::paragraph(const std::string& text, const TextStyle& style) { item("", text, style); }

void PrintDocument::item(const std::string& label, const std::string& text, const TextStyle& style) {
  Impl& d = *impl_;
  const double x = d.left() + style.indent_pt + style.hanging_pt;
  LayoutPtr body = d.layout(text, style.size_pt, style.bold, content_width() - style.indent_pt - style.hanging_pt);
  LayoutPtr tag = label.empty() ? nullptr : d.layout(label, style.size_pt, style.bold, std::max(style.hanging_pt, 10.0));
  const PrintColour colour = style.colour.value_or(PrintColour{style.grey, style.grey, style.grey});
  d.flow(body.get(), x, tag.get(), d.left() + style.indent_pt, colour);
  d.y += style.space_after_pt;
}

void PrintDocument::image(const Image& img, double width_pt, double indent_pt) {
  Impl& d = *impl_;
  if (img.width <= 0 || img.height <= 0) return;
  width_pt = std::min(width_pt, content_width() - indent_pt);
  const double h = image_height(img, width_pt);
  keep_together(h + 4.0);
  cairo_surface_t* s = to_cairo(img);
  const double scale = width_pt / img.width;
  cairo_save(d.cr);
  cairo_translate(d.cr, d.left() + indent_pt, d.y);
  cairo_scale(d.cr, scale, scale);
  cairo_set_source_surface(d.cr, s, 0.0, 0.0);
  cairo_pattern_set_filter(cairo_get_source(d.cr), CAIRO_FILTER_GOOD);
  cairo_paint(d.cr);
  cairo_restore(d.cr);
  cairo_surface_destroy(s);
  cairo_set_source_rgb(d.cr, 0.75, 0.75, 0.75);
  cairo_set_line_width(d.cr, 0.5);
  cairo_rectangle(d.cr, d.left() + indent_pt, d.y, width_pt, h);
  cairo_stroke(d.cr);
  d.y += h + 4.0;
}

void PrintDocument::image_row(const std::vector<Image>& images, const std::vector<std::string>& captions, double height_pt) {
  Impl& d = *impl_;
  if (images.empty()) return;
  const double gap = 10.0;
  const double n = static_cast<double>(images.size());
  const double cell = (content_width() - gap * (n - 1.0)) / n;
  const TextStyle caption{8.0, false, 0.0, 0.0, 0.35, 0.0};
  double caption_h = 0.0;
  for (const auto& c : captions) caption_h = std::max(caption_h, text_height(c, caption));
  keep_together(height_pt + caption_h + 8.0);
  for (std::size_t i = 0; i < images.size(); ++i) {
    const Image& img = images[i];
    const double cell_x = d.left() + static_cast<double>(i) * (cell + gap);
    if (img.width > 0 && img.height > 0) {
      const double s = std::min(cell / img.width, height_pt / img.height);
      const double w = img.width * s, h = img.height * s;
      const double x = cell_x + (cell - w) / 2.0, y = d.y + (height_pt - h) / 2.0;
      cairo_surface_t* surface = to_cairo(img);
      cairo_save(d.cr);
      cairo_translate(d.cr, x, y);
      cairo_scale(d.cr, s, s);
      cairo_set_source_surface(d.cr, surface, 0.0, 0.0);
      cairo_pattern_set_filter(cairo_get_source(d.cr), CAIRO_FILTER_GOOD);
      cairo_paint(d.cr);
      cairo_restore(d.cr);
      cairo_surface_destroy(surface);
      cairo_set_source_rgb(d.cr, 0.75, 0.75, 0.75);
      cairo_set_line_width(d.cr, 0.5);
      cairo_rectangle(d.cr, x, y, w, h);
      cairo_stroke(d.cr);
    }
    if (i < captions.size() && !captions[i].empty()) {
      LayoutPtr l = d.layout(captions[i], caption.size_pt, false, cell);
      pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
      cairo_set_source_rgb(d.cr, caption.grey, caption.grey, caption.grey);
      cairo_move_to(d.cr, cell_x, d.y + height_pt + 3.0);
      pango_cairo_show_layout(d.cr, l.get());
    }
  }
  d.y += height_pt + caption_h + 8.0;
}

void PrintDocument::rule(double thickness_pt, double grey) {
  Impl& d = *impl_;
  cairo_set_source_rgb(d.cr, grey, grey, grey);
  cairo_rectangle(d.cr, d.left(), d.y, content_width(), thickness_pt);
  cairo_fill(d.cr);
  d.y += thickness_pt;
}

void PrintDocument::begin_box(PrintColour border, PrintColour fill, double padding_pt, const std::string& repeat,
                              const TextStyle& repeat_style) {
  Impl& d = *impl_;
  if (d.box.open) end_box(); // boxes do not nest
  d.box.border = border;
  d.box.fill = fill;
  d.box.pad = padding_pt;
  d.box.repeat = repeat;
  d.box.repeat_style = repeat_style;
  d.box.open = true;
  d.open_box_segment(false);
}

void PrintDocument::end_box() {
  Impl& d = *impl_;
  if (!d.box.open) return;
  d.close_box_segment();
  d.box.open = false;
}

void PrintDocument::space(double pt) { impl_->y = std::min(impl_->y + pt, impl_->bottom()); }

void PrintDocument::keep_together(double height_pt) {
  if (height_pt > remaining() && impl_->y > impl_->content_top()) new_page();
}

void PrintDocument::new_page() { impl_->start_page(); }

double PrintDocument::text_height(const std::string& text, const TextStyle& style) const {
  LayoutPtr l = impl_->layout(text, style.size_pt, style.bold, content_width() - style.indent_pt - style.hanging_pt);
  int w = 0, h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return h / static_cast<double>(PANGO_SCALE) + style.space_after_pt;
}

double PrintDocument::image_height(const Image& image, double width_pt) const {
  if (image.width <= 0) return 0.0;
  return width_pt * image.height / image.width;
}

double PrintDocument::content_width() const { return impl_->width(); }
double PrintDocument::remaining() const { return impl_->bottom() - impl_->y; }
std::size_t PrintDocument::page_count() const { return impl_->pages.size(); }

void PrintDocument::write_pdf(const std::string& path) const {
  const Impl& d = *impl_;
  std::string bytes;
  cairo_surface_t* pdf = cairo_pdf_surface_create_for_stream(append_to_string, &bytes, d.size.width_pt, d.size.height_pt);
  if (!d.title.empty()) cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, d.title.c_str());
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "Crus");
  cairo_t* c = cairo_create(pdf);
  for (std::size_t i = 0; i < d.pages.size(); ++i) {
    cairo_surface_flush(d.pages[i]);
    cairo_set_source_surface(c, d.pages[i], 0.0, 0.0);
    cairo_paint(c);
    d.draw_footer(c, i);
    cairo_show_page(c);
  }
  cairo_destroy(c);
  cairo_surface_finish(pdf);
  const cairo_status_t status = cairo_surface_status(pdf);
  cairo_surface_destroy(pdf);
  if (status != CAIRO_STATUS_SUCCESS) throw RuntimeError(path + ": cannot make the PDF: " + cairo_status_to_string(status));
  write_file_atomic(path, bytes);
}

std::vector<Image> PrintDocument::render_pages(double dpi) const {
  const Impl& d = *impl_;
  const double scale = dpi / 72.0;
  std::vector<Image> out;
  for (std::size_t i = 0; i < d.pages.size(); ++i) {
    const int w = static_cast<int>(std::lround(d.size.width_pt * scale));
    const int h = static_cast<int>(std::lround(d.size.height_pt * scale));
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* c = cairo_create(s);
    cairo_set_source_rgb(c, 1.0, 1.0, 1.0);
    cairo_paint(c);
    cairo_scale(c, scale, scale);
    cairo_surface_flush(d.pages[i]);
    cairo_set_source_surface(c, d.pages[i], 0.0, 0.0);
    cairo_paint(c);
    d.draw_footer(c, i);
    cairo_destroy(c);
    out.push_back(from_cairo(s));
    cairo_surface_destroy(s);
  }
  return out;
}

} // namespace crus
