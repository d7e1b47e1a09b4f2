#include "ui/length_legend.hpp"

#include "core/publish/figure_overlays.hpp"
#include "ui/canvas_imgui.hpp"

#include <imgui.h>

namespace crus::ui {

// The figures' legend and caption (core/publish/figure_overlays), over the viewer's view.
glm::vec2 draw_length_legend(const glm::vec2& corner, double full_scale_pct, bool from_bottom) {
  Canvas canvas;
  const glm::vec2 size = crus::draw_length_legend(imgui_pen(canvas), corner, full_scale_pct, from_bottom);
  draw_canvas(ImGui::GetForegroundDrawList(), canvas);
  return size;
}

void draw_caption(const glm::vec2& corner, const std::string& text) {
  Canvas canvas;
  draw_caption_line(imgui_pen(canvas), corner, text);
  draw_canvas(ImGui::GetForegroundDrawList(), canvas);
}

} // namespace crus::ui
