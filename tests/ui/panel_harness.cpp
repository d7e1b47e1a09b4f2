#include "panel_harness.hpp"

#include <imgui_internal.h> // LogToBuffer: the text a frame drew

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

void draw_guarded_frame(ui::ImGuiHost& host, ui::Panel& panel, ui::ViewerContext& ctx) {
  host.begin_frame();
  ui::draw_panel_window(panel, ctx);
  host.end_frame();
}

} // namespace crus::test
