#include "ui/scene_files.hpp"

#include "ui/keys.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace crus::ui {

void SceneFiles::remember(const std::string& file) {
  std::error_code ec;
  std::string absolute = std::filesystem::absolute(file, ec).lexically_normal().string();
  if (ec) absolute = file;
  std::erase(recent, absolute);
  recent.insert(recent.begin(), absolute);
  if (recent.size() > kRecent) recent.resize(kRecent);
}

void SceneFiles::start(Ask ask, const std::string& initial) {
  ask_ = ask;
  open_popup_ = true;
  error_.clear();
  std::snprintf(buffer_, sizeof buffer_, "%s", initial.c_str());
}

namespace {
std::string folder_of(const std::string& path) {
  if (path.empty()) return "";
  const std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "" : parent + "/";
}
} // namespace

void SceneFiles::proceed(Then then, const SceneFileActions& actions) {
  switch (then) {
    case Then::open: start(Ask::open, folder_of(path.empty() && !recent.empty() ? recent.front() : path)); break;
    case Then::open_recent:
      if (std::string e = actions.open_scene(pending_path_); e.empty()) {
        path = pending_path_;
        remember(path);
      } else {
        last_message = e;
      }
      break;
    case Then::quit: actions.quit(); break;
    case Then::nothing: break;
  }
}

void SceneFiles::guard(Then then, const SceneFileActions& actions, const std::string& recent_path) {
  pending_path_ = recent_path;
  if (actions.dirty && actions.dirty()) {
    pending_ = then;
    confirm_popup_ = true;
  } else {
    proceed(then, actions);
  }
}

void SceneFiles::request_quit(const SceneFileActions& actions) { guard(Then::quit, actions); }

void SceneFiles::open(const SceneFileActions& actions) { guard(Then::open, actions); }

void SceneFiles::save(const SceneFileActions& actions) {
  if (path.empty()) {
    save_as();
  } else if (std::string e = actions.save_scene(path); !e.empty()) {
    last_message = e;
  }
}

void SceneFiles::save_as() { start(Ask::save_as, path.empty() ? "scene.crus-scene.json" : path); }

void SceneFiles::export_image() { start(Ask::export_image, folder_of(path) + "figure.png"); }

void SceneFiles::draw_recent_menu(const SceneFileActions& actions) {
  if (ImGui::BeginMenu("Recent scenes", !recent.empty())) {
    for (const std::string& r : recent)
      if (ImGui::MenuItem(r.c_str())) guard(Then::open_recent, actions, r);
    ImGui::EndMenu();
  }
}

void SceneFiles::draw_dialogs(const SceneFileActions& actions) {
  static const char* kPathPopup = "Scene file";
  static const char* kConfirmPopup = "Unsaved changes";
  if (open_popup_) {
    ImGui::OpenPopup(kPathPopup);
    open_popup_ = false;
  }
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x * 0.9f, ImGui::GetFontSize() * 36.0f), 0.0f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal(kPathPopup, nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    const char* what = ask_ == Ask::open      ? "Open the scene in this file:"
                       : ask_ == Ask::save_as ? "Save the scene (view, visibility, selection, overlays) to:"
                                              : "Export the current view as a PNG figure, labels included:";
    ImGui::TextWrapped("%s", what);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = ImGui::InputText("##path", buffer_, sizeof buffer_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (!error_.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
      ImGui::TextWrapped("%s", error_.c_str());
      ImGui::PopStyleColor();
    }
    const char* verb = ask_ == Ask::open ? "Open" : ask_ == Ask::save_as ? "Save" : "Export";
    if (ImGui::Button(verb) || enter) {
      const std::string file = buffer_;
      std::string e = file.empty() ? "Type a file name." : "";
      if (e.empty()) {
        if (ask_ == Ask::open) e = actions.open_scene(file);
        else if (ask_ == Ask::save_as) e = actions.save_scene(file);
        else e = actions.export_image(file);
      }
      if (e.empty()) {
        if (ask_ != Ask::export_image) {
          path = file;
          remember(file);
        }
        ImGui::CloseCurrentPopup();
      } else {
        error_ = e; // stays open: nothing was changed
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || keys::pressed(keys::named(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (confirm_popup_) {
    ImGui::OpenPopup(kConfirmPopup);
    confirm_popup_ = false;
  }
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal(kConfirmPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::Text("The scene %s has changes that are not saved.", path.c_str());
    if (ImGui::Button("Save")) {
      ImGui::CloseCurrentPopup();
      if (std::string e = actions.save_scene(path); e.empty()) proceed(pending_, actions);
      else last_message = e;
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard changes")) {
      ImGui::CloseCurrentPopup();
      proceed(pending_, actions);
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || keys::pressed(keys::named(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

} // namespace crus::ui
