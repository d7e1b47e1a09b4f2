#pragma once
// Type and drawing for the handout pages (handout.cpp): stb_truetype glyphs,
// a typesetter that wraps UTF-8 text, and a flow that lays text out top to
// bottom into drawing operations so that a block can be measured before it
// is placed. Internal to the handout; plain C++, no GL.
#include "core/error.hpp"
#include "core/handout.hpp"
#include "core/utf8.hpp"

#include <stb_truetype.h> // the implementation is in libstb

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace crus::handout_type {

using Rgb = std::array<std::uint8_t, 3>;
constexpr Rgb kInk{25, 25, 30};
constexpr Rgb kGrey{95, 95, 105};
constexpr Rgb kHeading{20, 70, 110};
constexpr Rgb kRed{170, 20, 20};
constexpr Rgb kRule{190, 190, 195};
constexpr Rgb kBoxFill{253, 240, 238};

// UTF-8 decoding: core/utf8.hpp.

// ---------------------------------------------------------------- type

struct TextStyle {
  float px = 20.0f; // the font's pixel height (ascent - descent)
  bool bold = false;
};

struct Face {
  std::vector<unsigned char> data;
  stbtt_fontinfo info{};
};

inline void load_face(Face& face, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RuntimeError(path + ": cannot read the handout font (DejaVu Sans is needed; install fonts-dejavu-core)");
  face.data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  int offset = face.data.empty() ? -1 : stbtt_GetFontOffsetForIndex(face.data.data(), 0);
  if (offset < 0 || !stbtt_InitFont(&face.info, face.data.data(), offset))
    throw RuntimeError(path + ": not a TrueType font the handout can use");
}

struct Glyph {
  int index = 0;
  int x0 = 0, y0 = 0, w = 0, h = 0; // bitmap box relative to the pen on the baseline
  float advance = 0.0f;
  std::vector<unsigned char> alpha;
};

class Typesetter {
public:
  explicit Typesetter(const HandoutFonts& fonts) {
    load_face(faces_[0], fonts.regular);
    load_face(faces_[1], fonts.bold);
  }

  float ascent(const TextStyle& s) const { return metric(s, 0); }
  // The pixel height (ascent - descent, as TextStyle::px) of type set at
  // `points` on the 150 dpi page: a point size is the size of the em.
  float px_for_points(float points) const {
    const stbtt_fontinfo& info = faces_[0].info;
    float em_px = points / 72.0f * 150.0f;
    return em_px * stbtt_ScaleForMappingEmToPixels(&info, 1.0f) / stbtt_ScaleForPixelHeight(&info, 1.0f);
  }
  float line_height(const TextStyle& s) const { return std::round(s.px * 1.28f); }

  float width(std::string_view text, const TextStyle& s) {
    float x = 0.0f;
    int previous = 0;
    for (char32_t cp : decode_utf8(text)) {
      const Glyph& g = glyph(s, cp);
      if (previous) x += kern(s, previous, g.index);
      x += g.advance;
      previous = g.index;
    }
    return x;
  }

  void draw(Image& page, float x, float baseline, std::string_view text, const TextStyle& s, Rgb colour) {
    int previous = 0;
    int base = static_cast<int>(std::lround(baseline));
    for (char32_t cp : decode_utf8(text)) {
      const Glyph& g = glyph(s, cp);
      if (previous) x += kern(s, previous, g.index);
      int left = static_cast<int>(std::lround(x)) + g.x0;
      int top = base + g.y0;
      for (int row = 0; row < g.h; ++row) {
        int py = top + row;
        if (py < 0 || py >= page.height) continue;
        for (int col = 0; col < g.w; ++col) {
          int px = left + col;
          if (px < 0 || px >= page.width) continue;
          unsigned a = g.alpha[static_cast<std::size_t>(row) * g.w + col];
          if (!a) continue;
          std::uint8_t* d = page.at(px, py);
          for (int c = 0; c < 3; ++c) d[c] = static_cast<std::uint8_t>((d[c] * (255 - a) + colour[c] * a + 127) / 255);
        }
      }
      x += g.advance;
      previous = g.index;
    }
  }

  // Greedy word wrap; a word wider than the line is broken between letters.
  std::vector<std::string> wrap(const std::string& text, const TextStyle& s, float max_width) {
    std::vector<std::string> lines;
    std::string line;
    std::istringstream words(text);
    std::string word;
    float space = width(" ", s);
    float line_w = 0.0f;
    while (words >> word) {
      float w = width(word, s);
      if (!line.empty() && line_w + space + w <= max_width) {
        line += ' ';
        line += word;
        line_w += space + w;
        continue;
      }
      if (!line.empty()) lines.push_back(line);
      line.clear();
      line_w = 0.0f;
      while (w > max_width) {
        // Take as many whole UTF-8 characters as fit (at least one).
        std::size_t cut = 0, next = 0;
        while (next < word.size()) {
          std::size_t step = 1;
          while (next + step < word.size() && (static_cast<unsigned char>(word[next + step]) & 0xC0) == 0x80) ++step;
          if (cut > 0 && width(std::string_view(word).substr(0, next + step), s) > max_width) break;
          next += step;
          cut = next;
        }
        lines.push_back(word.substr(0, cut));
        word.erase(0, cut);
        w = width(word, s);
      }
      line = word;
      line_w = w;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
  }

private:
  float scale(const TextStyle& s) const { return stbtt_ScaleForPixelHeight(&faces_[s.bold].info, s.px); }
  float metric(const TextStyle& s, int which) const {
    int asc = 0, desc = 0, gap = 0;
    stbtt_GetFontVMetrics(&faces_[s.bold].info, &asc, &desc, &gap);
    return (which == 0 ? asc : desc) * scale(s);
  }
  float kern(const TextStyle& s, int a, int b) const { return stbtt_GetGlyphKernAdvance(&faces_[s.bold].info, a, b) * scale(s); }

  const Glyph& glyph(const TextStyle& s, char32_t cp) {
    auto key = std::make_tuple(s.bold, static_cast<int>(std::lround(s.px * 8.0f)), cp);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    const stbtt_fontinfo& info = faces_[s.bold].info;
    Glyph g;
    g.index = stbtt_FindGlyphIndex(&info, static_cast<int>(cp));
    if (g.index == 0 && cp != U'?') g.index = stbtt_FindGlyphIndex(&info, '?');
    float sc = scale(s);
    int advance = 0, bearing = 0;
    stbtt_GetGlyphHMetrics(&info, g.index, &advance, &bearing);
    g.advance = advance * sc;
    int x1 = 0, y1 = 0;
    stbtt_GetGlyphBitmapBox(&info, g.index, sc, sc, &g.x0, &g.y0, &x1, &y1);
    g.w = std::max(0, x1 - g.x0);
    g.h = std::max(0, y1 - g.y0);
    g.alpha.assign(static_cast<std::size_t>(g.w) * g.h, 0);
    if (g.w > 0 && g.h > 0) stbtt_MakeGlyphBitmap(&info, g.alpha.data(), g.w, g.h, g.w, sc, sc, g.index);
    return cache_.emplace(key, std::move(g)).first->second;
  }

  Face faces_[2];
  std::map<std::tuple<bool, int, char32_t>, Glyph> cache_;
};

// ---------------------------------------------------------------- layout

struct Op {
  enum class Kind { text, fill } kind = Kind::text;
  float x = 0.0f, y = 0.0f; // text: pen on the baseline; fill: top left
  float w = 0.0f, h = 0.0f;
  std::string text;
  TextStyle style;
  Rgb colour{};
};

// Lays text out top to bottom into drawing operations, so that a block can
// be measured before it is placed.
class Flow {
public:
  Flow(Typesetter& type, float left, float right, float top) : type_(type), left_(left), right_(right), y_(top) {}
  float y() const { return y_; }
  void skip(float dy) { y_ += dy; }
  std::vector<Op>& ops() { return ops_; }

  void paragraph(const std::string& text, const TextStyle& s, Rgb colour, float indent = 0.0f) {
    for (const auto& line : type_.wrap(text, s, right_ - left_ - indent)) {
      ops_.push_back(text_op(left_ + indent, y_ + type_.ascent(s), line, s, colour));
      y_ += type_.line_height(s);
    }
  }
  void centred(const std::string& text, const TextStyle& s, Rgb colour) {
    for (const auto& line : type_.wrap(text, s, right_ - left_)) {
      float x = left_ + (right_ - left_ - type_.width(line, s)) * 0.5f;
      ops_.push_back(text_op(x, y_ + type_.ascent(s), line, s, colour));
      y_ += type_.line_height(s);
    }
  }
  // A bullet with a hanging indent.
  void bullet(const std::string& text, const TextStyle& s, Rgb colour) {
    float indent = std::round(s.px * 1.1f);
    float top = y_;
    paragraph(text, s, colour, indent);
    ops_.push_back(text_op(left_ + std::round(s.px * 0.25f), top + type_.ascent(s), "\u2022", s, colour));
  }
  void fill(float x, float y, float w, float h, Rgb colour) {
    Op op;
    op.kind = Op::Kind::fill;
    op.x = x;
    op.y = y;
    op.w = w;
    op.h = h;
    op.colour = colour;
    ops_.push_back(op);
  }
  void append(const std::vector<Op>& ops, float dy) {
    for (Op op : ops) {
      op.y += dy;
      ops_.push_back(op);
    }
  }

private:
  static Op text_op(float x, float baseline, const std::string& text, const TextStyle& s, Rgb colour) {
    Op op;
    op.x = x;
    op.y = baseline;
    op.text = text;
    op.style = s;
    op.colour = colour;
    return op;
  }
  Typesetter& type_;
  float left_, right_, y_;
  std::vector<Op> ops_;
};

inline void fill_rect(Image& page, float x, float y, float w, float h, Rgb colour) {
  int x0 = std::max(0, static_cast<int>(std::lround(x))), y0 = std::max(0, static_cast<int>(std::lround(y)));
  int x1 = std::min(page.width, static_cast<int>(std::lround(x + w))), y1 = std::min(page.height, static_cast<int>(std::lround(y + h)));
  for (int py = y0; py < y1; ++py)
    for (int px = x0; px < x1; ++px) {
      std::uint8_t* d = page.at(px, py);
      d[0] = colour[0];
      d[1] = colour[1];
      d[2] = colour[2];
      d[3] = 255;
    }
}

inline void paste(Image& page, const Image& view, int x, int y) {
  for (int row = 0; row < view.height; ++row) {
    int py = y + row;
    if (py < 0 || py >= page.height) continue;
    for (int col = 0; col < view.width; ++col) {
      int px = x + col;
      if (px < 0 || px >= page.width) continue;
      const std::uint8_t* s = view.at(col, row);
      std::uint8_t* d = page.at(px, py);
      unsigned a = s[3];
      for (int c = 0; c < 3; ++c) d[c] = static_cast<std::uint8_t>((d[c] * (255 - a) + s[c] * a + 127) / 255);
    }
  }
}

} // namespace crus::handout_type
