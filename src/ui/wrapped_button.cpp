#include "ui/wrapped_button.hpp"

#include <algorithm>
#include <imgui.h>

namespace crus::ui {

std::string wrap_words(const std::string& text, float width) {
  std::string out;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const std::string joined = line.empty() ? word : line + " " + word;
    if (!line.empty() && ImGui::CalcTextSize(joined.c_str()).x > width) {
      out += line + "\n";
      line = word;
    } else {
      line = joined;
    }
    start = end + 1;
  }
  return out + line;
}

bool wrapped_button(const std::string& label, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  if (width <= 0.0f) width = ImGui::GetContentRegionAvail().x;
  ImGui::PushID(label.c_str());
  const bool pressed = ImGui::Button((wrap_words(label, width - 2.0f * style.FramePadding.x) + "###button").c_str());
  ImGui::PopID();
  return pressed;
}

bool wrapped_header(const std::string& label, int flags) {
  // A framed tree node's label starts after its arrow (the font size and
  // three paddings) and is cut a padding before the frame's right edge.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() - 4.0f * style.FramePadding.x;
  ImGui::PushID(label.c_str());
  const bool open = ImGui::CollapsingHeader((wrap_words(label, width) + "###header").c_str(), flags);
  ImGui::PopID();
  return open;
}

bool begin_wrapped_combo(const char* id, const std::string& preview, const char* other) {
  // The box shows its text between a frame padding on the left and the
  // arrow button (a square of the frame's height) on the right.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float room = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - 2.0f * style.FramePadding.x;
  const bool fits = ImGui::CalcTextSize(preview.c_str()).x <= room;
  if (!fits) ImGui::TextUnformatted(wrap_words(preview, ImGui::GetContentRegionAvail().x).c_str());
  ImGui::SetNextItemWidth(-1.0f);
  return ImGui::BeginCombo(id, fits ? preview.c_str() : other);
}

void wrapped_tooltip(const std::string& text) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = std::min(ImGui::GetFontSize() * 24.0f, io.DisplaySize.x - 2.0f * style.WindowPadding.x - 2.0f);
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(std::max(width, ImGui::GetFontSize() * 4.0f));
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

} // namespace crus::ui
