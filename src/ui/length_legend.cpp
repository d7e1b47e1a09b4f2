#include "ui/length_legend.hpp"

#include "core/motion/length_colours.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace crus::ui {

namespace {
ImU32 srgb(const glm::vec3& c) {
  return IM_COL32(static_cast<int>(c.r * 255.0f + 0.5f), static_cast<int>(c.g * 255.0f + 0.5f), static_cast<int>(c.b * 255.0f + 0.5f), 255);
}
} // namespace

glm::vec2 draw_length_legend(const glm::vec2& corner, double full_scale_pct, bool from_bottom) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float fs = ImGui::GetFontSize();
  const float pad = fs * 0.5f, bar_w = fs * 14.0f, bar_h = fs * 0.9f;
  const char* title = "Length change from neutral";
  const char* note = "grey: no change";
  const float w = std::max({bar_w, ImGui::CalcTextSize(title).x, ImGui::CalcTextSize(note).x}) + 2.0f * pad;
  const float h = pad + fs * 1.3f + bar_h + fs * 1.2f + fs * 1.2f + fs * 1.2f + pad;
  const ImVec2 tl(corner.x, from_bottom ? corner.y - h : corner.y);
  dl->AddRectFilled(tl, ImVec2(tl.x + w, tl.y + h), IM_COL32(20, 22, 26, 215), fs * 0.3f);
  dl->AddText(ImVec2(tl.x + pad, tl.y + pad), IM_COL32(245, 245, 245, 255), title);
  const float x0 = tl.x + pad, y0 = tl.y + pad + fs * 1.3f;
  constexpr int steps = 48;
  for (int i = 0; i < steps; ++i) {
    const double a = -full_scale_pct + 2.0 * full_scale_pct * (i + 0.5) / steps;
    const float xa = x0 + bar_w * static_cast<float>(i) / steps, xb = x0 + bar_w * static_cast<float>(i + 1) / steps;
    dl->AddRectFilled(ImVec2(xa, y0), ImVec2(xb + 0.5f, y0 + bar_h), srgb(motion::length_change_srgb(a, full_scale_pct)));
  }
  char lo[32], hi[32];
  std::snprintf(lo, sizeof lo, "-%g %%", full_scale_pct);
  std::snprintf(hi, sizeof hi, "+%g %%", full_scale_pct);
  const float ty = y0 + bar_h + fs * 0.15f;
  const ImU32 text = IM_COL32(235, 235, 235, 255);
  dl->AddText(ImVec2(x0, ty), text, lo);
  dl->AddText(ImVec2(x0 + bar_w * 0.5f - ImGui::CalcTextSize("0").x * 0.5f, ty), text, "0");
  dl->AddText(ImVec2(x0 + bar_w - ImGui::CalcTextSize(hi).x, ty), text, hi);
  dl->AddText(ImVec2(x0, ty + fs * 1.2f), srgb(motion::kLengthPalette[0] * 0.5f + glm::vec3(0.45f)), "shortening");
  dl->AddText(ImVec2(x0 + bar_w - ImGui::CalcTextSize("lengthening").x, ty + fs * 1.2f), srgb(motion::kLengthPalette[4]), "lengthening");
  dl->AddText(ImVec2(x0, ty + fs * 2.4f), IM_COL32(190, 190, 190, 255), note);
  return {w, h};
}

void draw_caption(const glm::vec2& corner, const std::string& text) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float fs = ImGui::GetFontSize();
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  dl->AddRectFilled(ImVec2(corner.x, corner.y), ImVec2(corner.x + size.x + fs, corner.y + size.y + fs * 0.6f), IM_COL32(20, 22, 26, 215),
                    fs * 0.3f);
  dl->AddText(ImVec2(corner.x + fs * 0.5f, corner.y + fs * 0.3f), IM_COL32(245, 245, 245, 255), text.c_str());
}

} // namespace crus::ui
