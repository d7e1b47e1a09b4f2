#pragma once
// A page of a cross-sectional atlas, drawn on the CPU: each structure's cut
// filled in its colour and outlined, labels in the margins with leader lines,
// a title, the orientation and a scale bar. Seen down the plane normal (from
// above for a horizontal cut): anterior up, lateral to the right. No GL.
#include "core/geometry/cross_section.hpp"
#include "core/io/image.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace crus {

struct SectionPageOptions {
  int width = 1600;
  int height = 1200;
  bool labels = true;
  std::string title;                   // first line at the top of the page
  std::string subtitle;                // second line (smaller)
  std::string regular_font, bold_font; // TrueType files; empty: DejaVu Sans found as the handout finds it
  // Structure id -> compartment ("anterior", "lateral", "posterior deep",
  // "posterior superficial", from the knowledge base). When not empty, each
  // listed structure is filled in its compartment's tint and a legend is drawn.
  std::map<std::string, std::string> compartments;
};

// The tint of a compartment (sRGB), or nothing for a name not known.
std::optional<std::array<std::uint8_t, 3>> compartment_tint(const std::string& compartment);

// Where a structure's label points: the point of its largest piece farthest
// from that piece's outline (so it lies inside even a crescent), plane frame.
glm::dvec2 label_anchor(const MeshSection& section);

// The labels one cut structure gets, in the plane frame: its name at its
// largest piece, and for a nerve cut in several pieces (its trunk and the
// branches it has given off at that level) a label at each other piece of at
// least 1 mm², largest first: "Branch to <muscle>" where one of the cut's
// muscular branches crosses the plane within 4 mm of the piece, else
// "Branch of the <nerve>" (a cutaneous branch). A muscle or tendon cut in
// pieces keeps one label: its pieces are one structure, named once.
struct SectionPieceLabel {
  std::string text;
  glm::dvec2 anchor{0.0};
};
std::vector<SectionPieceLabel> section_piece_labels(const StructureSection& cut);

// The page's mapping from the plane frame to pixels, for tests and callers
// that add to the page.
struct SectionPageFrame {
  glm::dvec2 centre{0.0}; // plane point at the page centre of the drawing area
  double pixels_per_metre = 1.0;
  double page_x = 0.0, page_y = 0.0; // page position of `centre`
  glm::dvec2 to_page(const glm::dvec2& q) const {
    return {page_x + (q.x - centre.x) * pixels_per_metre, page_y - (q.y - centre.y) * pixels_per_metre};
  }
};
SectionPageFrame section_page_frame(const SceneSection& section, const SectionPageOptions& options);

// A label in the page's margin and its leader line, in page pixels: the line
// runs from `start`, at the label column's inner edge, to `anchor` on the
// structure.
struct SectionLabel {
  std::string text;
  glm::dvec2 anchor{0.0};
  glm::dvec2 start{0.0};
  bool left = false; // in the left (medial) column
};
// The page's labels: structures medial to the section's centre in the left
// column, lateral ones in the right, spread down each column; no two leader
// lines cross and none runs through another label's dot (labels are ordered
// by their anchors' heights, then any two whose leaders cross, or where one
// runs through the other's dot, swap places). Empty when options.labels is
// false.
std::vector<SectionLabel> layout_section_labels(const SceneSection& section, const SectionPageOptions& options);
// The radius of the dot that ends each leader, on a page `page_height` pixels tall.
double section_anchor_dot_radius(double page_height);
// The distance from `p` to the segment a-b.
double point_segment_distance(glm::dvec2 p, glm::dvec2 a, glm::dvec2 b);
// Whether the segments a0-a1 and b0-b1 cross or touch.
bool segments_intersect(glm::dvec2 a0, glm::dvec2 a1, glm::dvec2 b0, glm::dvec2 b1);

// Where the footer's orientation words ("MEDIAL  LATERAL") start: ending at
// 70% of the page's width, but never over the scale bar, which ends at
// `bar_end` (a small section is drawn larger, so its 5 cm bar is longer).
double section_footer_sides_x(double page_width, double bar_end, double text_width, double gap);

// Throws RuntimeError when the fonts cannot be read.
Image render_section_page(const SceneSection& section, const SectionPageOptions& options);

} // namespace crus
