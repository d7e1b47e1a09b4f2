#include "core/publish/canvas_paint.hpp"

#include "core/publish/print_document.hpp"
#include "core/io/utf8.hpp"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace crus {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Pango's size is the em; the canvas's is the line height (as ImGui sizes
// its fonts), which for DejaVu Sans is (ascent + descent) / em = 2384 / 2048.
// Measured once from the font rather than assumed.
class PangoText final : public TextMetrics {
public:
  PangoText() {
    try {
      const PrintFonts fonts = find_print_fonts();
      fc_ = FcConfigCreate();
      if (fc_ && FcConfigAppFontAddFile(fc_, reinterpret_cast<const FcChar8*>(fonts.regular.c_str()))) {
        map_ = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map_), fc_);
      }
    } catch (const std::exception&) {
      // No DejaVu Sans where it is looked for: the system's default sans.
    }
    if (!map_) map_ = pango_cairo_font_map_new();
    context_ = pango_font_map_create_context(map_);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(context_, 72.0);
    PangoLayout* probe = layout("Ag", 100.0f, 0.0f, 1.0f);
    int w = 0, h = 0;
    pango_layout_get_size(probe, &w, &h);
    g_object_unref(probe);
    em_per_line_ = h > 0 ? 100.0f / (static_cast<float>(h) / PANGO_SCALE) : 1.0f / 1.164f;
  }
  ~PangoText() override {
    g_object_unref(context_);
    g_object_unref(map_);
    if (fc_) FcConfigDestroy(fc_);
  }
  PangoText(const PangoText&) = delete;
  PangoText& operator=(const PangoText&) = delete;

  // A new layout (the caller unrefs it) of `text` whose lines are `size` pixels apart.
  PangoLayout* layout(const std::string& text, float size, float wrap, float em_per_line) const {
    PangoLayout* l = pango_layout_new(context_);
    PangoFontDescription* fd = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(fd, std::max(1.0, static_cast<double>(size * em_per_line)) * PANGO_SCALE);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (wrap > 0.0f) {
      pango_layout_set_width(l, static_cast<int>(wrap * PANGO_SCALE));
      pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    // Pango refuses invalid UTF-8 (a bad byte shows as U+FFFD instead) and
    // ends a text at a NUL byte (shown the same way).
    std::string valid;
    for (char c : sanitize_utf8(text)) {
      if (c == '\0') valid += "\xEF\xBF\xBD";
      else valid += c;
    }
    pango_layout_set_text(l, valid.c_str(), static_cast<int>(valid.size()));
    return l;
  }
  PangoLayout* layout(const std::string& text, float size, float wrap) const { return layout(text, size, wrap, em_per_line_); }

  glm::vec2 measure(const std::string& text, float size, float wrap) const override {
    PangoLayout* l = layout(text, size, wrap);
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return {static_cast<float>(w) / PANGO_SCALE, static_cast<float>(h) / PANGO_SCALE};
  }

private:
  FcConfig* fc_ = nullptr;
  PangoFontMap* map_ = nullptr;
  PangoContext* context_ = nullptr;
  float em_per_line_ = 1.0f;
};

const PangoText& pango_text() {
  // Pango contexts are not shared between threads.
  thread_local PangoText text;
  return text;
}

void set_colour(cairo_t* cr, const CanvasColour& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

void rounded_rect(cairo_t* cr, glm::vec2 min, glm::vec2 max, float r) {
  r = std::min({r, 0.5f * (max.x - min.x), 0.5f * (max.y - min.y)});
  if (r <= 0.0f) {
    cairo_rectangle(cr, min.x, min.y, max.x - min.x, max.y - min.y);
    return;
  }
  cairo_new_sub_path(cr);
  cairo_arc(cr, max.x - r, min.y + r, r, -kPi / 2, 0);
  cairo_arc(cr, max.x - r, max.y - r, r, 0, kPi / 2);
  cairo_arc(cr, min.x + r, max.y - r, r, kPi / 2, kPi);
  cairo_arc(cr, min.x + r, min.y + r, r, kPi, 3 * kPi / 2);
  cairo_close_path(cr);
}

void paint_item(cairo_t* cr, const CanvasItem& item) {
  using Kind = CanvasItem::Kind;
  const auto& p = item.points;
  set_colour(cr, item.colour);
  cairo_set_line_width(cr, item.width);
  switch (item.kind) {
    case Kind::line:
    case Kind::polyline:
      if (p.size() < 2) return;
      cairo_move_to(cr, p[0].x, p[0].y);
      for (std::size_t i = 1; i < p.size(); ++i) cairo_line_to(cr, p[i].x, p[i].y);
      cairo_stroke(cr);
      return;
    case Kind::fill_circle:
    case Kind::stroke_circle:
      cairo_new_sub_path(cr);
      cairo_arc(cr, p[0].x, p[0].y, item.radius, 0, 2 * kPi);
      if (item.kind == Kind::fill_circle) cairo_fill(cr);
      else cairo_stroke(cr);
      return;
    case Kind::fill_rect:
    case Kind::stroke_rect:
      rounded_rect(cr, p[0], p[1], item.radius);
      if (item.kind == Kind::fill_rect) cairo_fill(cr);
      else cairo_stroke(cr);
      return;
    case Kind::fill_triangle:
      cairo_move_to(cr, p[0].x, p[0].y);
      cairo_line_to(cr, p[1].x, p[1].y);
      cairo_line_to(cr, p[2].x, p[2].y);
      cairo_close_path(cr);
      cairo_fill(cr);
      return;
    case Kind::text: {
      PangoLayout* l = pango_text().layout(item.text, item.size, item.wrap);
      pango_cairo_update_layout(cr, l);
      cairo_move_to(cr, p[0].x, p[0].y);
      pango_cairo_show_layout(cr, l);
      g_object_unref(l);
      return;
    }
  }
}

} // namespace

const TextMetrics& figure_text_metrics() { return pango_text(); }

void paint_canvas(Image& image, const Canvas& canvas) {
  if (canvas.empty() || image.width <= 0 || image.height <= 0) return;
  // Cairo draws on premultiplied native-endian ARGB: convert, draw, convert back.
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height);
  unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < image.height; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < image.width; ++x) {
      const std::uint8_t* q = image.at(x, y);
      const unsigned a = q[3];
      // Opaque pixels (every figure but a transparent one) need no division.
      if (a == 255u) row[x] = 0xFF000000u | (unsigned{q[0]} << 16) | (unsigned{q[1]} << 8) | q[2];
      else row[x] = (a << 24) | ((q[0] * a / 255u) << 16) | ((q[1] * a / 255u) << 8) | (q[2] * a / 255u);
    }
  }
  cairo_surface_mark_dirty(s);
  cairo_t* cr = cairo_create(s);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (const CanvasItem& item : canvas.items()) paint_item(cr, item);
  cairo_destroy(cr);
  cairo_surface_flush(s);
  for (int y = 0; y < image.height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < image.width; ++x) {
      const std::uint32_t v = row[x];
      const unsigned a = v >> 24;
      std::uint8_t* q = image.at(x, y);
      q[3] = static_cast<std::uint8_t>(a);
      if (a == 255u) {
        q[0] = static_cast<std::uint8_t>(v >> 16);
        q[1] = static_cast<std::uint8_t>(v >> 8);
        q[2] = static_cast<std::uint8_t>(v);
        continue;
      }
      if (a == 0) {
        q[0] = q[1] = q[2] = 0;
        continue;
      }
      for (int c = 0; c < 3; ++c)
        q[c] = static_cast<std::uint8_t>(std::min(255u, (((v >> (16 - 8 * c)) & 0xFFu) * 255u + a / 2) / a));
    }
  }
  cairo_surface_destroy(s);
}

} // namespace crus
