#include "ui/wrapped_button.hpp"

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

} // namespace crus::ui
