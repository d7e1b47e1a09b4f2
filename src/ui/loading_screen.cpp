#include "ui/loading_screen.hpp"

#include <cmath>
#include <cstdio>
#include <imgui.h>
#include <imgui_internal.h>

namespace crus::ui {

void draw_loading_screen(const std::string& file, double seconds) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x * 0.8f, ImGui::GetFontSize() * 30.0f), 0.0f), ImGuiCond_Always);
  if (ImGui::Begin("Loading", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                       ImGuiWindowFlags_NoNav)) {
    ImGui::TextUnformatted("Loading the atlas");
    ImGui::TextWrapped("%s", file.c_str());
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.1f s", seconds);
    // The importer reports no fraction done: a bar that sweeps once a
    // second and a half says it is working, and the seconds say how long.
    const float sweep = static_cast<float>(std::fmod(seconds, 1.5) / 1.5);
    ImGui::ProgressBar(sweep, ImVec2(-1.0f, 0.0f), elapsed);
  }
  ImGui::End();
}

bool imgui_frame_open() {
  const ImGuiContext* context = ImGui::GetCurrentContext();
  return context && context->WithinFrameScope;
}

} // namespace crus::ui
