#pragma once
// Where the viewer's panels go for a window size and a text size (Dear ImGui
// 1.86 has no docking): a column on the left (structures over search), the
// info panel on the right, and the panels opened on demand (trigger points,
// the pain map, red flags) in a second column beside the info panel so that
// both can be read at once. Plain maths, no drawing.
#include <glm/vec2.hpp>
#include <vector>

namespace crus {

// right_wide: two columns wide at the right edge, as high as a 4:3 picture
// of that width needs (the section's 2D slice); right and inner move left of it.
enum class PanelSlot { left_top, left_bottom, right, inner, centre, right_wide };

struct ScreenRect {
  glm::vec2 min{0.0f}, max{0.0f};
  glm::vec2 size() const { return max - min; }
  bool overlaps(const ScreenRect& o) const { return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y; }
};

// One rectangle per entry of `open_slots` (the open panels, in order), inside
// `screen` between `top` and `bottom` (menu and status bars), for text of
// `font_px` pixels.
std::vector<ScreenRect> layout_panels(const std::vector<PanelSlot>& open_slots, glm::vec2 screen, float font_px, float top,
                                      float bottom);

// Where a box of `size` goes inside `free` without covering `keep_out` (the
// model on screen): the first corner or edge middle of `free` that leaves it
// clear, else the one covering least of it. Returns the top-left corner,
// always inside `free` when the box fits there.
glm::vec2 place_clear_of(glm::vec2 size, const ScreenRect& free, const ScreenRect& keep_out, float margin = 8.0f);

} // namespace crus
