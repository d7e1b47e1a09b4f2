#include "ui/caption_overlay.hpp"

#include "core/publish/figure_overlays.hpp"
#include "ui/canvas_imgui.hpp"
#include "ui/imgui_host.hpp"

#include <imgui.h>

namespace crus::ui {

void draw_caption(const std::string& caption, int step, int count, float width, float height) {
  // The figures' caption band (core/publish/figure_overlays), in the large font.
  Canvas canvas;
  draw_slide_caption(imgui_pen(canvas), large_font()->FontSize, caption, step, count, width, height);
  draw_canvas(ImGui::GetForegroundDrawList(), canvas);
}

} // namespace crus::ui
