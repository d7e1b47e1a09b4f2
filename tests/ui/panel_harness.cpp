#include "panel_harness.hpp"

#include <imgui_internal.h> // LogToBuffer: the text a frame drew

#include <algorithm>
#include <exception>

namespace crus::test {

std::string draw_panel_frame(ui::ImGuiHost& host, ui::Panel& panel, ui::ViewerContext& ctx, const PanelFrame& frame) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = frame.display;
  io.DeltaTime = 1.0f / 60.0f;
  if (frame.input) frame.input(io);
  host.begin_frame();
  std::string text;
  ImGui::SetNextWindowPos(frame.pos, frame.cond);
  ImGui::SetNextWindowSize(frame.size, frame.cond);
  if (ImGui::Begin(panel.title(), &panel.open)) {
    ImGui::LogToBuffer(0); // 0: do not unfold collapsed sections for the log
    try {
      panel.draw(ctx);
      panel.last_error.clear();
    } catch (const std::exception& e) {
      panel.last_error = e.what();
    }
    text = GImGui->LogBuffer.c_str();
    ImGui::LogFinish();
  }
  ImGui::End();
  host.end_frame();
  return text;
}

float narrowest_panel_width() {
  // The font's own size: ImGui::GetFontSize() is 0 until a frame begins.
  const ImGuiIO& io = ImGui::GetIO();
  const ImFont* font = io.FontDefault ? io.FontDefault : (io.Fonts->Fonts.empty() ? nullptr : io.Fonts->Fonts[0]);
  return 7.4f * (font ? font->FontSize * font->Scale : 13.0f) * io.FontGlobalScale;
}

float content_overflow(const char* title) {
  const ImGuiWindow* window = ImGui::FindWindowByName(title);
  if (!window) return 0.0f;
  // ContentSize: from the cursor's reach over the frame just ended. A framed
  // header (CollapsingHeader) reaches half the window's padding past the
  // edge by design (and a pixel more), into the padding, and is not cut off.
  const float allowed = 0.5f * ImGui::GetStyle().WindowPadding.x + 1.0f;
  return std::max(0.0f, window->ContentSize.x - window->ContentRegionRect.GetWidth() - allowed);
}

float clipped_sideways(const char* title) {
  const ImGuiWindow* window = ImGui::FindWindowByName(title);
  if (!window || !window->DrawList) return 0.0f;
  const ImDrawList& list = *window->DrawList;
  float worst = 0.0f;
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.UserCallback) continue;
    const unsigned end = std::min(cmd.IdxOffset + cmd.ElemCount, unsigned(list.IdxBuffer.Size));
    for (unsigned i = cmd.IdxOffset; i + 2 < end; i += 3) {
      float lo = 1e9f, hi = -1e9f;
      for (unsigned k = 0; k < 3; ++k) {
        const unsigned v = cmd.VtxOffset + list.IdxBuffer[int(i + k)];
        if (v >= unsigned(list.VtxBuffer.Size)) continue;
        lo = std::min(lo, list.VtxBuffer[int(v)].pos.x);
        hi = std::max(hi, list.VtxBuffer[int(v)].pos.x);
      }
      // Past both sides: a line across the whole window (a separator), cut
      // at the sides by design.
      if (lo < cmd.ClipRect.x - 1.0f && hi > cmd.ClipRect.z + 1.0f) continue;
      worst = std::max({worst, hi - cmd.ClipRect.z, cmd.ClipRect.x - lo});
    }
  }
  return worst;
}

std::string draw_at_width(ui::ImGuiHost& host, ui::Panel& panel, ui::ViewerContext& ctx, float width, float height, int frames) {
  PanelFrame f;
  f.display = ImVec2(1280, std::max(1600.0f, height + 200.0f));
  f.pos = ImVec2(0, 0);
  f.size = ImVec2(width, height);
  std::string text;
  for (int i = 0; i < frames; ++i) text = draw_panel_frame(host, panel, ctx, f);
  return text;
}

float overflow_at_width(ui::ImGuiHost& host, ui::Panel& panel, ui::ViewerContext& ctx, float width, float height) {
  draw_at_width(host, panel, ctx, width, height);
  return content_overflow(panel.title());
}

void draw_guarded_frame(ui::ImGuiHost& host, ui::Panel& panel, ui::ViewerContext& ctx) {
  host.begin_frame();
  ui::draw_panel_window(panel, ctx);
  host.end_frame();
}

} // namespace crus::test
