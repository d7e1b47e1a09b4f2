#include "ui/handout_saver.hpp"

#include <imgui.h>

#include <cstring>
#include <exception>

namespace crus::ui {

void HandoutSaver::open(const char* popup, const std::string& default_path, const std::string& trigger_point) {
  std::strncpy(path_, default_path.c_str(), sizeof(path_) - 1);
  path_[sizeof(path_) - 1] = '\0';
  trigger_point_ = trigger_point;
  ImGui::OpenPopup(popup);
}

void HandoutSaver::draw(ViewerContext& ctx, const char* popup) {
  if (ImGui::BeginPopup(popup)) {
    ImGui::TextUnformatted("Save the handout (PNG, A4 at 150 dpi) as:");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 28.0f);
    bool enter = ImGui::InputText("##path", path_, sizeof(path_), ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::Button("Save") || enter) {
      save(ctx, path_, trigger_point_);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (!result_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, failed_ ? ImVec4(1.0f, 0.45f, 0.4f, 1.0f) : ImVec4(0.5f, 0.85f, 0.5f, 1.0f));
    ImGui::TextWrapped("%s", result_.c_str());
    ImGui::PopStyleColor();
  }
}

void HandoutSaver::save(ViewerContext& ctx, const std::string& path, const std::string& trigger_point) {
  failed_ = false;
  if (!ctx.export_handout) {
    failed_ = true;
    result_ = "This build of the viewer cannot export handouts; use crus handout on the command line.";
    return;
  }
  try {
    ctx.export_handout(path, trigger_point);
    result_ = "Saved the handout to " + path;
  } catch (const std::exception& e) {
    failed_ = true;
    result_ = std::string("Could not save the handout: ") + e.what();
  }
}

} // namespace crus::ui
