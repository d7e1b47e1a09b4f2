#include "ui/caption_overlay.hpp"

#include "ui/imgui_host.hpp"

#include <imgui.h>

#include <algorithm>

namespace crus::ui {

void draw_caption(const std::string& caption, int step, int count, float width, float height) {
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  ImFont* font = large_font();
  const float size = font->FontSize;
  const float margin = std::max(12.0f, width * 0.03f);
  const float wrap = width - 2.0f * margin;
  const ImVec2 text = font->CalcTextSizeA(size, wrap, wrap, caption.c_str());
  const float bar = count > 0 ? std::max(4.0f, height * 0.006f) : 0.0f;
  const float band = text.y + 2.0f * size * 0.6f + bar;
  const float top = height - band;
  // Dark and mostly opaque, so the text reads on a light or a dark view.
  draw->AddRectFilled(ImVec2(0, top), ImVec2(width, height), IM_COL32(12, 14, 18, 215));
  draw->AddText(font, size, ImVec2(margin, top + size * 0.6f), IM_COL32(255, 255, 255, 255), caption.c_str(), nullptr, wrap);
  if (count > 0) {
    const float done = width * static_cast<float>(step + 1) / static_cast<float>(count);
    draw->AddRectFilled(ImVec2(0, height - bar), ImVec2(width, height), IM_COL32(70, 74, 82, 255));
    draw->AddRectFilled(ImVec2(0, height - bar), ImVec2(done, height), IM_COL32(90, 170, 255, 255));
    const std::string label = std::to_string(step + 1) + " / " + std::to_string(count);
    ImFont* small = ImGui::GetFont();
    const float small_size = small->FontSize;
    const ImVec2 l = small->CalcTextSizeA(small_size, 1e6f, 0.0f, label.c_str());
    const ImVec2 at(width - margin - l.x, top - l.y - small_size * 0.5f);
    draw->AddRectFilled(ImVec2(at.x - 8, at.y - 4), ImVec2(at.x + l.x + 8, at.y + l.y + 4), IM_COL32(12, 14, 18, 190), 4.0f);
    draw->AddText(small, small_size, at, IM_COL32(235, 235, 235, 255), label.c_str());
  }
}

} // namespace crus::ui
