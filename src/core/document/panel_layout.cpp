#include "core/document/panel_layout.hpp"

#include <algorithm>
#include <glm/common.hpp>

namespace crus {

std::vector<ScreenRect> layout_panels(const std::vector<PanelSlot>& open_slots, glm::vec2 screen, float font_px, float top,
                                      float bottom) {
  const float gap = 4.0f;
  const float y0 = top + gap, y1 = std::max(y0 + 1.0f, screen.y - bottom - gap);
  // About 22 characters wide at the text size, but never so narrow that a
  // 4K screen's panels look lost nor so wide that three columns hide the leg.
  auto count = [&](PanelSlot s) { return std::count(open_slots.begin(), open_slots.end(), s); };
  const int columns = (count(PanelSlot::left_top) + count(PanelSlot::left_bottom) > 0 ? 1 : 0) +
                      (count(PanelSlot::right) > 0 ? 1 : 0) + (count(PanelSlot::inner) > 0 ? 1 : 0) +
                      (count(PanelSlot::right_wide) > 0 ? 2 : 0);
  // With three columns each gives up a little so that the leg keeps a
  // quarter of the width even on a small screen with projector text.
  const float widest = std::min(0.28f, 0.72f / static_cast<float>(std::max(columns, 1)));
  const float column = std::clamp(22.0f * font_px, 0.14f * screen.x, widest * screen.x);
  const bool both_left = count(PanelSlot::left_top) > 0 && count(PanelSlot::left_bottom) > 0;
  const bool right_open = count(PanelSlot::right) > 0;
  const auto inner_total = count(PanelSlot::inner);
  const float split = y0 + (y1 - y0) * 0.6f;
  const bool wide_open = count(PanelSlot::right_wide) > 0;
  const float wide = std::min(2.0f * column + gap, 0.45f * screen.x);
  const float wide_x = screen.x - gap - wide;
  const float right_x = (wide_open ? wide_x - gap : screen.x - gap) - column;
  const float inner_x = right_open ? right_x - gap - column : right_x;

  std::vector<ScreenRect> out;
  long inner_seen = 0;
  for (PanelSlot slot : open_slots) {
    ScreenRect r;
    switch (slot) {
      case PanelSlot::left_top: r = {{gap, y0}, {gap + column, both_left ? split - gap * 0.5f : y1}}; break;
      case PanelSlot::left_bottom: r = {{gap, both_left ? split + gap * 0.5f : y0}, {gap + column, y1}}; break;
      case PanelSlot::right: r = {{right_x, y0}, {right_x + column, y1}}; break;
      case PanelSlot::inner: {
        const float h =
            (y1 - y0 - gap * static_cast<float>(inner_total - 1)) / static_cast<float>(std::max<long>(inner_total, 1));
        const float y = y0 + static_cast<float>(inner_seen++) * (h + gap);
        r = {{inner_x, y}, {inner_x + column, y + h}};
        break;
      }
      case PanelSlot::right_wide: r = {{wide_x, y0}, {wide_x + wide, std::min(y1, y0 + wide * 0.75f + 4.0f * font_px)}}; break;
      case PanelSlot::centre: {
        const glm::vec2 size(std::min(40.0f * font_px, 0.6f * screen.x), (y1 - y0) * 0.75f);
        const glm::vec2 c(screen.x * 0.5f, (y0 + y1) * 0.5f);
        r = {c - size * 0.5f, c + size * 0.5f};
        break;
      }
    }
    out.push_back(r);
  }
  return out;
}

glm::vec2 place_clear_of(glm::vec2 size, const ScreenRect& free, const ScreenRect& keep_out, float margin) {
  const glm::vec2 lo = free.min + glm::vec2(margin), hi = glm::max(lo, free.max - size - glm::vec2(margin));
  const glm::vec2 mid = 0.5f * (lo + hi);
  // Corners first (bottom ones last: the feet and heel are often there),
  // then the middles of the edges.
  const glm::vec2 candidates[] = {{lo.x, lo.y},  {hi.x, lo.y},  {lo.x, hi.y},  {hi.x, hi.y},
                                  {mid.x, lo.y}, {lo.x, mid.y}, {hi.x, mid.y}, {mid.x, hi.y}};
  glm::vec2 best = candidates[0];
  float best_cover = 1e30f;
  for (glm::vec2 c : candidates) {
    ScreenRect box{c, c + size};
    glm::vec2 a = glm::max(box.min, keep_out.min), b = glm::min(box.max, keep_out.max);
    float cover = (b.x > a.x && b.y > a.y) ? (b.x - a.x) * (b.y - a.y) : 0.0f;
    if (cover <= 0.0f) return c;
    if (cover < best_cover) {
      best_cover = cover;
      best = c;
    }
  }
  return best;
}

} // namespace crus
