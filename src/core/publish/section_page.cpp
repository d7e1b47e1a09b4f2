#include "core/publish/section_page.hpp"
#include "core/io/utf8.hpp"

#include "core/error.hpp"
#include "core/publish/handout.hpp" // find_handout_fonts, resize_box

#include <stb_truetype.h> // the implementation is in libstb

#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>

namespace crus {

namespace {

// Fills and lines are drawn up to 3x larger, then averaged down; less for
// very large pages, so that the canvas stays under about 36 million pixels.
int supersample_for(int width, int height) {
  double pixels = static_cast<double>(width) * height;
  return std::clamp(static_cast<int>(std::sqrt(36e6 / std::max(pixels, 1.0))), 1, 3);
}
using Rgb = std::array<std::uint8_t, 3>;
constexpr Rgb kInk{25, 25, 30};
constexpr Rgb kGrey{105, 105, 115};
constexpr Rgb kLeader{70, 70, 80};
constexpr double kLabelColumn = 0.25; // the label columns' inner edges, as fractions of the width from each side
// Everything inside the skin that the atlas does not model (subcutaneous fat,
// fascia, vessels): drawn in the pale yellow atlases use for fat.
constexpr Rgb kSubcutaneous{248, 236, 204};

using Loop = std::vector<glm::dvec2>;

std::uint8_t to_srgb8(float linear) {
  float c = std::clamp(linear, 0.0f, 1.0f);
  float s = c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
  return static_cast<std::uint8_t>(std::lround(s * 255.0f));
}
Rgb srgb(const glm::vec3& linear) { return {to_srgb8(linear.r), to_srgb8(linear.g), to_srgb8(linear.b)}; }
Rgb darker(Rgb c, float f) {
  return {static_cast<std::uint8_t>(c[0] * f), static_cast<std::uint8_t>(c[1] * f), static_cast<std::uint8_t>(c[2] * f)};
}

void blend(Image& img, int x, int y, Rgb c, float alpha) {
  std::uint8_t* d = img.at(x, y);
  for (int k = 0; k < 3; ++k) d[k] = static_cast<std::uint8_t>(std::lround(d[k] + (c[k] - d[k]) * alpha));
  d[3] = 255;
}

// Scanline fill with the nonzero winding rule: holes (clockwise loops inside
// counter-clockwise ones) stay empty. Points are pixel coordinates.
void fill_loops(Image& img, const std::vector<Loop>& loops, Rgb colour, float alpha = 1.0f) {
  double ymin = std::numeric_limits<double>::max(), ymax = -ymin;
  for (const auto& l : loops)
    for (const auto& p : l) ymin = std::min(ymin, p.y), ymax = std::max(ymax, p.y);
  int r0 = std::max(0, static_cast<int>(std::ceil(ymin - 0.5)));
  int r1 = std::min(img.height, static_cast<int>(std::ceil(ymax - 0.5)));
  if (r1 <= r0) return;
  std::vector<std::vector<std::pair<double, int>>> rows(static_cast<std::size_t>(r1 - r0));
  for (const auto& l : loops)
    for (std::size_t i = 0, n = l.size(); i < n; ++i) {
      glm::dvec2 a = l[i], b = l[(i + 1) % n];
      if (a.y == b.y) continue;
      int dir = b.y > a.y ? 1 : -1;
      if (dir < 0) std::swap(a, b);
      int ra = std::max(r0, static_cast<int>(std::ceil(a.y - 0.5)));
      int rb = std::min(r1, static_cast<int>(std::ceil(b.y - 0.5)));
      for (int r = ra; r < rb; ++r) {
        double yc = r + 0.5;
        double x = a.x + (yc - a.y) * (b.x - a.x) / (b.y - a.y);
        rows[static_cast<std::size_t>(r - r0)].emplace_back(x, dir);
      }
    }
  for (int r = r0; r < r1; ++r) {
    auto& xs = rows[static_cast<std::size_t>(r - r0)];
    std::sort(xs.begin(), xs.end());
    int winding = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      winding += xs[i].second;
      if (winding == 0 || i + 1 >= xs.size()) continue;
      int c0 = std::max(0, static_cast<int>(std::ceil(xs[i].first - 0.5)));
      int c1 = std::min(img.width, static_cast<int>(std::ceil(xs[i + 1].first - 0.5)));
      for (int c = c0; c < c1; ++c) blend(img, c, r, colour, alpha);
    }
  }
}

Loop ccw(Loop l) {
  if (signed_area(l) < 0.0) std::reverse(l.begin(), l.end());
  return l;
}
Loop disc(glm::dvec2 c, double r) {
  Loop l;
  for (int i = 0; i < 12; ++i) {
    double a = 2.0 * 3.14159265358979 * i / 12.0;
    l.push_back(c + r * glm::dvec2(std::cos(a), std::sin(a)));
  }
  return l;
}
// A polyline stroked `width` pixels wide with round joins, as one fill (every
// piece wound the same way, so overlaps never cancel).
void stroke(Image& img, const Loop& points, bool closed, double width, Rgb colour) {
  std::vector<Loop> pieces;
  double h = width * 0.5;
  std::size_t n = points.size();
  for (std::size_t i = 0; i + (closed ? 0 : 1) < n; ++i) {
    glm::dvec2 a = points[i], b = points[(i + 1) % n];
    glm::dvec2 d = b - a;
    double len = glm::length(d);
    if (len < 1e-9) continue;
    glm::dvec2 nrm = glm::dvec2(-d.y, d.x) / len * h;
    pieces.push_back(ccw({a + nrm, b + nrm, b - nrm, a - nrm}));
    if (h > 1.0) pieces.push_back(disc(b, h));
  }
  if (!closed && n && h > 1.0) pieces.push_back(disc(points.front(), h));
  fill_loops(img, pieces, colour);
}

// ------------------------------------------------------------------ text

struct Face {
  std::vector<unsigned char> data;
  stbtt_fontinfo info{};
};

class Text {
public:
  Text(const std::string& regular, const std::string& bold) {
    load(faces_[0], regular);
    load(faces_[1], bold);
  }
  float width(const std::string& s, float px, bool bold) const {
    const auto& f = faces_[bold].info;
    float sc = stbtt_ScaleForPixelHeight(&f, px), w = 0.0f;
    int prev = 0;
    for (int cp : decode(s)) {
      int adv = 0, lsb = 0;
      stbtt_GetCodepointHMetrics(&f, cp, &adv, &lsb);
      if (prev) w += stbtt_GetCodepointKernAdvance(&f, prev, cp) * sc;
      w += adv * sc;
      prev = cp;
    }
    return w;
  }
  // Draws with the pen on the baseline at (x, y).
  void draw(Image& img, float x, float y, const std::string& s, float px, bool bold, Rgb colour) const {
    const auto& f = faces_[bold].info;
    float sc = stbtt_ScaleForPixelHeight(&f, px);
    int prev = 0;
    for (int cp : decode(s)) {
      if (prev) x += stbtt_GetCodepointKernAdvance(&f, prev, cp) * sc;
      int w = 0, h = 0, ox = 0, oy = 0;
      unsigned char* bmp = stbtt_GetCodepointBitmap(&f, sc, sc, cp, &w, &h, &ox, &oy);
      int bx = static_cast<int>(std::lround(x)) + ox, by = static_cast<int>(std::lround(y)) + oy;
      for (int j = 0; j < h; ++j)
        for (int i = 0; i < w; ++i) {
          int px_ = bx + i, py_ = by + j;
          if (px_ < 0 || py_ < 0 || px_ >= img.width || py_ >= img.height) continue;
          if (unsigned a = bmp[j * w + i]) blend(img, px_, py_, colour, static_cast<float>(a) / 255.0f);
        }
      stbtt_FreeBitmap(bmp, nullptr);
      int adv = 0, lsb = 0;
      stbtt_GetCodepointHMetrics(&f, cp, &adv, &lsb);
      x += adv * sc;
      prev = cp;
    }
  }

private:
  static void load(Face& face, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RuntimeError(path + ": cannot read the font for the section page");
    face.data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    int offset = face.data.empty() ? -1 : stbtt_GetFontOffsetForIndex(face.data.data(), 0);
    if (offset < 0 || !stbtt_InitFont(&face.info, face.data.data(), offset)) throw RuntimeError(path + ": not a TrueType font");
  }
  // Code points through the project's one UTF-8 decoder; a malformed byte
  // becomes U+FFFD, as everywhere else.
  static std::vector<int> decode(const std::string& s) {
    std::vector<int> out;
    for (char32_t c : decode_utf8(s)) out.push_back(static_cast<int>(c));
    return out;
  }
  Face faces_[2];
};

int draw_rank(StructureKind k) {
  switch (k) {
    case StructureKind::skin: return 0;
    case StructureKind::muscle: return 1;
    case StructureKind::tendon: return 2;
    case StructureKind::ligament: return 2;
    case StructureKind::bone: return 3;
    case StructureKind::nerve: return 4;
    default: return 5;
  }
}

// The structure's fill: its colour, or where the mesh has vertex colours
// (a muscle's pale tendon) the area-weighted colour of its loops.
Rgb fill_colour(const StructureSection& s) {
  glm::dvec3 sum(0.0);
  double weight = 0.0;
  for (const auto& l : s.section.loops)
    if (l.colour) {
      double a = std::abs(signed_area(l.points));
      sum += a * glm::dvec3(*l.colour);
      weight += a;
    }
  glm::vec3 c = weight > 0.0 ? glm::vec3(sum / weight) : glm::vec3(s.colour);
  return srgb(c);
}

// Spreads labels along one column: each at least `gap` below the previous,
// as close to its anchor's height as that allows, inside [top, bottom].
void spread(std::vector<SectionLabel*>& column, double gap, double top, double bottom) {
  std::sort(column.begin(), column.end(), [](const SectionLabel* a, const SectionLabel* b) { return a->anchor.y < b->anchor.y; });
  double prev = top - gap;
  for (SectionLabel* l : column) l->start.y = prev = std::max(std::clamp(l->anchor.y, top, bottom), prev + gap);
  double next = bottom + gap;
  for (auto it = column.rbegin(); it != column.rend(); ++it) (*it)->start.y = next = std::min((*it)->start.y, next - gap);
}

double cross2(glm::dvec2 a, glm::dvec2 b) { return a.x * b.y - a.y * b.x; }

// Ordering the column by the anchors' heights is not enough: a far anchor
// a little higher than a near one takes the upper slot and its leader runs
// across the near one's, or through the near one's dot. Two such leaders
// from the same column swap slots; that shortens their total length (the
// triangle inequality), so the swaps end, and when they do no two leaders
// of the column cross and none runs through another's dot (`clear`: the
// dot's radius and half a line's width).
void uncross(std::vector<SectionLabel*>& column, double clear) {
  const std::size_t n = column.size();
  for (std::size_t round = 0; round < n * n + 1; ++round) {
    bool swapped = false;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        SectionLabel& a = *column[i];
        SectionLabel& b = *column[j];
        if (!segments_intersect(a.start, a.anchor, b.start, b.anchor) &&
            point_segment_distance(b.anchor, a.start, a.anchor) >= clear &&
            point_segment_distance(a.anchor, b.start, b.anchor) >= clear)
          continue;
        // Only a swap that shortens the pair makes progress (a leader that
        // merely touches another's anchor may not).
        const double before = glm::distance(a.start, a.anchor) + glm::distance(b.start, b.anchor);
        const double after = glm::distance(b.start, a.anchor) + glm::distance(a.start, b.anchor);
        if (after >= before - 1e-9) continue;
        std::swap(a.start.y, b.start.y);
        swapped = true;
      }
    if (!swapped) return;
  }
}

// How many pairs of the column's leaders cross or run through the other's dot.
int tangles(const std::vector<SectionLabel*>& column, double clear) {
  int n = 0;
  for (std::size_t i = 0; i < column.size(); ++i)
    for (std::size_t j = i + 1; j < column.size(); ++j) {
      const SectionLabel &a = *column[i], &b = *column[j];
      n += segments_intersect(a.start, a.anchor, b.start, b.anchor) ||
           point_segment_distance(b.anchor, a.start, a.anchor) < clear ||
           point_segment_distance(a.anchor, b.start, b.anchor) < clear;
    }
  return n;
}

// Swaps of two cannot reach every untangled order: three leaders fanning out
// to anchors close together (at 85%, flexor hallucis longus, flexor digitorum
// longus and the tibial nerve) may need the three slots rotated. Each run of
// three neighbouring slots takes the order of its labels that leaves the
// fewest tangles in the column, while that lowers the count. The labels all
// lie in one vector, so the pointers' order (which decides ties between
// orders) is the labels' order: the page comes out the same every run.
void untangle_threes(std::vector<SectionLabel*>& column, double clear) {
  if (column.size() < 3) return;
  std::sort(column.begin(), column.end(), [](const SectionLabel* a, const SectionLabel* b) { return a->start.y < b->start.y; });
  int now = tangles(column, clear);
  for (std::size_t round = 0; now > 0 && round < column.size(); ++round) {
    const int before = now;
    for (std::size_t i = 0; i + 2 < column.size() && now > 0; ++i) {
      const std::array<double, 3> slots{column[i]->start.y, column[i + 1]->start.y, column[i + 2]->start.y};
      std::array<SectionLabel*, 3> three{column[i], column[i + 1], column[i + 2]}, best = three;
      std::sort(three.begin(), three.end());
      do {
        for (std::size_t k = 0; k < 3; ++k) three[k]->start.y = slots[k];
        if (const int t = tangles(column, clear); t < now) {
          now = t;
          best = three;
        }
      } while (std::next_permutation(three.begin(), three.end()));
      for (std::size_t k = 0; k < 3; ++k) best[k]->start.y = slots[k];
      std::copy(best.begin(), best.end(), column.begin() + static_cast<std::ptrdiff_t>(i));
    }
    if (now == before) return;
  }
}

// A leader that no order of the column frees may still be freed by moving its
// label up or down within the room its neighbours leave: at 85% the deep
// fibular nerve lies just left of extensor digitorum longus at the same
// height, so its leader, level, ran through that tendon's dot in either
// order. Each label tries the heights nearest its own first,
// one step at a time, and takes the first that lowers the column's count.
void nudge(std::vector<SectionLabel*>& column, double clear, double gap, double top, double bottom, double step) {
  if (!(step > 0.0)) return; // a page of no height: nothing to move
  std::sort(column.begin(), column.end(), [](const SectionLabel* a, const SectionLabel* b) { return a->start.y < b->start.y; });
  int now = tangles(column, clear);
  for (std::size_t i = 0; i < column.size() && now > 0; ++i) {
    SectionLabel& l = *column[i];
    const double lo = i > 0 ? column[i - 1]->start.y + gap : top;
    const double hi = i + 1 < column.size() ? column[i + 1]->start.y - gap : bottom;
    const double home = l.start.y;
    for (double d = step; d <= gap && now > 0; d += step) {
      bool moved = false;
      for (const double y : {home - d, home + d}) {
        if (y < lo || y > hi) continue;
        l.start.y = y;
        if (const int t = tangles(column, clear); t < now) {
          now = t;
          moved = true;
          break;
        }
      }
      if (moved) break;
      l.start.y = home;
    }
  }
}

// Four tints far apart in hue, so that compartments read at a glance.
const std::array<std::pair<const char*, Rgb>, 4> kCompartments{{{"anterior", {222, 104, 72}},
                                                                {"lateral", {92, 164, 96}},
                                                                {"posterior deep", {84, 132, 206}},
                                                                {"posterior superficial", {150, 96, 176}}}};

} // namespace

std::optional<std::array<std::uint8_t, 3>> compartment_tint(const std::string& compartment) {
  for (const auto& [name, tint] : kCompartments)
    if (compartment == name) return tint;
  return std::nullopt;
}

glm::dvec2 label_anchor(const MeshSection& section) {
  const ContourLoop* largest = nullptr;
  double best_area = 0.0;
  for (const auto& l : section.loops) {
    double a = signed_area(l.points);
    if (a > best_area) best_area = a, largest = &l;
  }
  if (!largest) return measure_section(section).centroid;
  glm::dvec2 lo(std::numeric_limits<double>::max()), hi(-std::numeric_limits<double>::max());
  for (const auto& p : largest->points) lo = glm::min(lo, p), hi = glm::max(hi, p);
  auto winding = [&](glm::dvec2 q) {
    int w = 0;
    for (const auto& l : section.loops)
      for (std::size_t i = 0, n = l.points.size(); i < n; ++i) {
        glm::dvec2 a = l.points[i], b = l.points[(i + 1) % n];
        double side = (b.x - a.x) * (q.y - a.y) - (q.x - a.x) * (b.y - a.y);
        if (a.y <= q.y && b.y > q.y && side > 0) ++w;
        else if (a.y > q.y && b.y <= q.y && side < 0) --w;
      }
    return w;
  };
  auto clearance = [&](glm::dvec2 q) {
    double d = std::numeric_limits<double>::max();
    for (const auto& l : section.loops)
      for (std::size_t i = 0, n = l.points.size(); i < n; ++i)
        d = std::min(d, point_segment_distance(q, l.points[i], l.points[(i + 1) % n]));
    return d;
  };
  glm::dvec2 best = measure_section(section).centroid;
  double best_clear = -1.0;
  constexpr int kGrid = 24;
  for (int j = 0; j < kGrid; ++j)
    for (int i = 0; i < kGrid; ++i) {
      glm::dvec2 q = lo + (hi - lo) * glm::dvec2((i + 0.5) / kGrid, (j + 0.5) / kGrid);
      if (winding(q) == 0) continue;
      double c = clearance(q);
      if (c > best_clear) best_clear = c, best = q;
    }
  return best;
}

namespace {
std::string lower_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}
} // namespace

std::vector<SectionPieceLabel> section_piece_labels(const StructureSection& cut) {
  const std::string name = cut.name.empty() ? cut.id : cut.name;
  std::vector<SectionPieceLabel> out{{name, label_anchor(cut.section)}};
  if (cut.kind != StructureKind::nerve) return out;
  // The outer (counter-clockwise) loops, largest first; a nerve has no holes.
  std::vector<std::pair<double, const ContourLoop*>> pieces;
  for (const auto& l : cut.section.loops)
    if (double a = signed_area(l.points); a > 0.0) pieces.emplace_back(a, &l);
  std::stable_sort(pieces.begin(), pieces.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  constexpr double kSmallestBranch = 1e-6; // 1 mm², in square metres
  for (std::size_t i = 1; i < pieces.size(); ++i) {
    if (pieces[i].first < kSmallestBranch) break;
    MeshSection one;
    one.loops.push_back(*pieces[i].second);
    const glm::dvec2 at = label_anchor(one);
    const StructureSection::Branch* nearest = nullptr;
    double best = 0.004; // metres
    for (const auto& b : cut.branches)
      if (double d = glm::distance(b.at, at); d < best) best = d, nearest = &b;
    out.push_back({nearest ? "Branch to " + lower_first(nearest->muscle) : "Branch of the " + lower_first(name), at});
  }
  return out;
}

SectionPageFrame section_page_frame(const SceneSection& section, const SectionPageOptions& o) {
  glm::dvec2 lo(std::numeric_limits<double>::max()), hi(-std::numeric_limits<double>::max());
  for (const auto& s : section.structures)
    for (const auto& l : s.section.loops)
      for (const auto& p : l.points) lo = glm::min(lo, p), hi = glm::max(hi, p);
  SectionPageFrame f;
  if (lo.x > hi.x) return f;
  double k = o.height / 1200.0;
  double left = o.width * 0.27, right = o.width * 0.73, top = 120.0 * k, bottom = o.height - 110.0 * k;
  glm::dvec2 ext = glm::max(hi - lo, glm::dvec2(1e-6));
  f.centre = (lo + hi) * 0.5;
  f.pixels_per_metre = std::min((right - left) / ext.x, (bottom - top) / ext.y);
  f.page_x = (left + right) * 0.5;
  f.page_y = (top + bottom) * 0.5;
  return f;
}

double section_anchor_dot_radius(double page_height) { return 2.6 * page_height / 1200.0; }

double point_segment_distance(glm::dvec2 p, glm::dvec2 a, glm::dvec2 b) {
  const glm::dvec2 ab = b - a;
  const double t = std::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-30), 0.0, 1.0);
  return glm::distance(p, a + t * ab);
}

bool segments_intersect(glm::dvec2 a0, glm::dvec2 a1, glm::dvec2 b0, glm::dvec2 b1) {
  const double d1 = cross2(a1 - a0, b0 - a0), d2 = cross2(a1 - a0, b1 - a0);
  const double d3 = cross2(b1 - b0, a0 - b0), d4 = cross2(b1 - b0, a1 - b0);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  // Touching or collinear: an end on the other segment.
  auto on = [](glm::dvec2 p, glm::dvec2 q0, glm::dvec2 q1, double d) {
    return d == 0.0 && std::min(q0.x, q1.x) <= p.x && p.x <= std::max(q0.x, q1.x) && std::min(q0.y, q1.y) <= p.y &&
           p.y <= std::max(q0.y, q1.y);
  };
  return on(b0, a0, a1, d1) || on(b1, a0, a1, d2) || on(a0, b0, b1, d3) || on(a1, b0, b1, d4);
}

std::vector<SectionLabel> layout_section_labels(const SceneSection& section, const SectionPageOptions& o) {
  std::vector<SectionLabel> labels;
  if (!o.labels) return labels;
  const SectionPageFrame frame = section_page_frame(section, o);
  const double k = o.height / 1200.0;
  const double col_left = o.width * kLabelColumn, col_right = o.width * (1.0 - kLabelColumn);
  std::vector<const StructureSection*> order;
  for (const auto& s : section.structures) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(),
                   [](const StructureSection* a, const StructureSection* b) { return draw_rank(a->kind) < draw_rank(b->kind); });
  for (const StructureSection* s : order) {
    if (s->kind == StructureKind::skin) continue;
    for (const SectionPieceLabel& piece : section_piece_labels(*s)) {
      SectionLabel l;
      l.text = piece.text;
      l.anchor = frame.to_page(piece.anchor);
      l.left = l.anchor.x < frame.page_x;
      l.start.x = l.left ? col_left + 6.0 * k : col_right - 6.0 * k;
      labels.push_back(l);
    }
  }
  // The columns never meet: left leaders stay left of the page's centre
  // line, right ones right of it, so only leaders of one column can cross.
  std::vector<SectionLabel*> left, right;
  for (auto& l : labels) (l.left ? left : right).push_back(&l);
  const double gap = 19.0 * k * 1.45, top = 130.0 * k, bottom = o.height - 120.0 * k;
  for (auto* column : {&left, &right}) {
    spread(*column, gap, top, bottom);
    uncross(*column, section_anchor_dot_radius(o.height) + 0.5 * k);
    untangle_threes(*column, section_anchor_dot_radius(o.height) + 0.5 * k);
    nudge(*column, section_anchor_dot_radius(o.height) + 0.5 * k, gap, top, bottom, k);
  }
  return labels;
}

double section_footer_sides_x(double page_width, double bar_end, double text_width, double gap) {
  return std::max(page_width * 0.70 - text_width, bar_end + gap);
}

Image render_section_page(const SceneSection& section, const SectionPageOptions& o) {
  std::string regular = o.regular_font, bold = o.bold_font;
  if (regular.empty() || bold.empty()) {
    HandoutFonts fonts = find_handout_fonts();
    regular = fonts.regular;
    bold = fonts.bold;
  }
  Text text(regular, bold);
  const int ss = supersample_for(o.width, o.height);
  const double k = o.height / 1200.0; // type and lines scale with the page
  SectionPageFrame frame = section_page_frame(section, o);
  auto to_big = [&](glm::dvec2 q) { return frame.to_page(q) * static_cast<double>(ss); };

  Image big;
  big.width = o.width * ss;
  big.height = o.height * ss;
  big.rgba.assign(static_cast<std::size_t>(big.width) * big.height * 4, 255);

  std::vector<const StructureSection*> order;
  for (const auto& s : section.structures) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(),
                   [](const StructureSection* a, const StructureSection* b) { return draw_rank(a->kind) < draw_rank(b->kind); });
  for (const StructureSection* s : order) {
    std::vector<Loop> loops;
    for (const auto& l : s->section.loops) {
      Loop page;
      for (const auto& p : l.points) page.push_back(to_big(p));
      loops.push_back(std::move(page));
    }
    bool skin = s->kind == StructureKind::skin;
    Rgb fill = skin ? kSubcutaneous : fill_colour(*s);
    if (auto it = o.compartments.find(s->id); it != o.compartments.end())
      if (auto tint = compartment_tint(it->second)) fill = *tint;
    Rgb line = skin ? darker(srgb(glm::vec3(s->colour)), 0.7f) : darker(fill, s->kind == StructureKind::muscle ? 0.45f : 0.6f);
    fill_loops(big, loops, fill);
    for (const auto& l : loops) stroke(big, l, true, (skin ? 2.5 : 1.1) * k * ss, line);
  }

  const std::vector<SectionLabel> labels = layout_section_labels(section, o);
  const float label_px = static_cast<float>(19.0 * k);
  for (const auto& l : labels) {
    stroke(big, {l.start * double(ss), l.anchor * double(ss)}, false, 1.0 * k * ss, kLeader);
    fill_loops(big, {disc(l.anchor * double(ss), section_anchor_dot_radius(o.height) * ss)}, kInk);
  }

  // Scale bar: 5 cm in 1 cm steps, under the drawing on the left.
  const double cm = frame.pixels_per_metre * 0.01;
  const double bar_x = o.width * 0.30, bar_y = o.height - 62.0 * k;
  for (int i = 0; i < 5; ++i) {
    Rgb c = i % 2 ? Rgb{255, 255, 255} : kInk;
    glm::dvec2 a(bar_x + i * cm, bar_y), b(bar_x + (i + 1) * cm, bar_y + 8.0 * k);
    fill_loops(big, {{a * double(ss), glm::dvec2(b.x, a.y) * double(ss), b * double(ss), glm::dvec2(a.x, b.y) * double(ss)}}, c);
  }
  stroke(big,
         {glm::dvec2(bar_x, bar_y) * double(ss), glm::dvec2(bar_x + 5 * cm, bar_y) * double(ss),
          glm::dvec2(bar_x + 5 * cm, bar_y + 8 * k) * double(ss), glm::dvec2(bar_x, bar_y + 8 * k) * double(ss)},
         true, 1.0 * k * ss, kInk);

  Image page = resize_box(big, o.width, o.height);
  big = Image{};

  for (const auto& l : labels) {
    float w = text.width(l.text, label_px, false);
    float x = l.left ? static_cast<float>(o.width * kLabelColumn) - w : static_cast<float>(o.width * (1.0 - kLabelColumn));
    text.draw(page, x, static_cast<float>(l.start.y + label_px * 0.35), l.text, label_px, false, kInk);
  }
  const float title_px = static_cast<float>(30.0 * k), sub_px = static_cast<float>(20.0 * k),
              small_px = static_cast<float>(17.0 * k);
  auto centred = [&](const std::string& s, double y, float px, bool b, Rgb c) {
    text.draw(page, static_cast<float>((o.width - text.width(s, px, b)) * 0.5), static_cast<float>(y), s, px, b, c);
  };
  if (!o.title.empty()) centred(o.title, 48.0 * k, title_px, true, kInk);
  if (!o.subtitle.empty()) centred(o.subtitle, 82.0 * k, sub_px, false, kGrey);
  // Orientation words just outside the section, as atlases print them.
  glm::dvec2 lo(std::numeric_limits<double>::max()), hi(-std::numeric_limits<double>::max());
  for (const auto& s : section.structures)
    for (const auto& l : s.section.loops)
      for (const auto& p : l.points) lo = glm::min(lo, frame.to_page(p)), hi = glm::max(hi, frame.to_page(p));
  if (lo.x <= hi.x) {
    centred("ANTERIOR", lo.y - 10.0 * k, small_px, true, kGrey);
    centred("POSTERIOR", hi.y + 26.0 * k, small_px, true, kGrey);
  }
  text.draw(page, static_cast<float>(bar_x), static_cast<float>(bar_y + 30.0 * k), "5 cm", small_px, false, kInk);
  if (!o.compartments.empty()) {
    // Legend: the compartments' tints, bottom right.
    double x = o.width * 0.76, y = o.height - 150.0 * k;
    text.draw(page, static_cast<float>(x), static_cast<float>(y), "Compartments", small_px, true, kInk);
    for (const auto& [name, tint] : kCompartments) {
      y += 26.0 * k;
      Loop box{{x, y - 14.0 * k}, {x + 18.0 * k, y - 14.0 * k}, {x + 18.0 * k, y + 2.0 * k}, {x, y + 2.0 * k}};
      fill_loops(page, {box}, tint);
      text.draw(page, static_cast<float>(x + 26.0 * k), static_cast<float>(y), name, small_px, false, kInk);
    }
  }
  std::string sides = "\u2190 MEDIAL     LATERAL \u2192";
  const double sides_x = section_footer_sides_x(o.width, bar_x + 5.0 * cm, text.width(sides, small_px, true), 24.0 * k);
  text.draw(page, static_cast<float>(sides_x), static_cast<float>(bar_y + 12.0 * k), sides, small_px, true, kGrey);
  return page;
}

} // namespace crus
