#include "ui/handout_saver.hpp"

#include <imgui.h>

#include <cstring>
#include <ctime>
#include <exception>

namespace crus::ui {

void HandoutSaver::open(const char* popup, const std::string& default_path, const std::string& trigger_point) {
  std::strncpy(path_, default_path.c_str(), sizeof(path_) - 1);
  path_[sizeof(path_) - 1] = '\0';
  trigger_point_ = trigger_point;
  if (date_[0] == '\0') {
    // Today, as the default date of the consultation.
    std::time_t now = std::time(nullptr);
    std::tm local{};
    if (localtime_r(&now, &local)) std::strftime(date_, sizeof(date_), "%Y-%m-%d", &local);
  }
  ImGui::OpenPopup(popup);
}

namespace {
void copy_into(char* dst, std::size_t size, const std::string& src) {
  std::strncpy(dst, src.c_str(), size - 1);
  dst[size - 1] = '\0';
}
} // namespace

HandoutPatient HandoutSaver::patient() const { return {name_, date_, notes_}; }

void HandoutSaver::set_patient(const HandoutPatient& patient) {
  copy_into(name_, sizeof(name_), patient.name);
  copy_into(date_, sizeof(date_), patient.date);
  copy_into(notes_, sizeof(notes_), patient.notes);
}

void HandoutSaver::draw(ViewerContext& ctx, const char* popup) {
  if (ImGui::BeginPopup(popup)) {
    // Printed on the page only; Crus keeps them nowhere else.
    const float field_w = ImGui::GetFontSize() * 28.0f;
    ImGui::TextUnformatted("Patient's name (optional):");
    ImGui::SetNextItemWidth(field_w);
    ImGui::InputText("##patient", name_, sizeof(name_));
    ImGui::TextUnformatted("Date (YYYY-MM-DD):");
    ImGui::SetNextItemWidth(field_w);
    ImGui::InputText("##date", date_, sizeof(date_));
    ImGui::TextUnformatted("Your notes for the patient (printed first):");
    ImGui::InputTextMultiline("##notes", notes_, sizeof(notes_), ImVec2(field_w, ImGui::GetTextLineHeight() * 5.0f));
    ImGui::TextDisabled("Printed on the handout only; not saved anywhere else.");
    ImGui::Separator();
    ImGui::TextUnformatted("Paper:");
    ImGui::SameLine();
    if (ImGui::RadioButton("A4", paper_ == Paper::a4)) paper_ = Paper::a4;
    ImGui::SameLine();
    if (ImGui::RadioButton("US Letter", paper_ == Paper::letter)) paper_ = Paper::letter;
    ImGui::TextUnformatted(
        "Save as FILE.pdf (a PDF to print or send) or FILE.png (pages at 150 dpi; further pages as FILE-2.png, ...):");
    ImGui::SetNextItemWidth(field_w);
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
    ctx.handout_paper = paper_;
    ctx.export_handout(path, trigger_point, patient());
    result_ = "Saved the handout to " + path;
  } catch (const std::exception& e) {
    failed_ = true;
    result_ = std::string("Could not save the handout: ") + e.what();
  }
}

} // namespace crus::ui
