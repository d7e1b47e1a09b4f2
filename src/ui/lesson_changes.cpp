#include "ui/lesson_changes.hpp"

#include "core/teaching/lesson.hpp"
#include "ui/keys.hpp"
#include "ui/shell.hpp"

#include <imgui.h>

#include <cstdio>
#include <exception>
#include <filesystem>

namespace crus::ui {

namespace {
constexpr const char* kPopup = "Unsaved lesson";

bool is_bundled(const std::string& path) {
  const auto bundled = bundled_lesson_files();
  if (path.empty() || bundled.empty()) return false;
  std::error_code ec;
  return std::filesystem::equivalent(std::filesystem::path(path).parent_path(),
                                     std::filesystem::path(bundled.front()).parent_path(), ec);
}
} // namespace

std::string LessonChanges::save_target() const {
  const std::string& path = session_.path();
  return is_bundled(path) ? std::string() : path;
}

void LessonChanges::guard(const std::string& what, std::function<void()> then) {
  if (!session_.loaded() || !session_.dirty()) {
    if (then) then();
    return;
  }
  what_ = what;
  then_ = std::move(then);
  message_.clear();
  std::snprintf(path_, sizeof path_, "%s", save_target().c_str());
  asking_ = true;
  open_popup_ = true;
}

void LessonChanges::save(const std::string& path) {
  if (!asking_) return;
  const std::string target = path.empty() ? save_target() : path;
  if (target.empty()) {
    message_ = is_bundled(session_.path()) ? "A bundled lesson is not overwritten: type a file name for your copy."
                                           : "The lesson has no file yet: type a file name.";
    return;
  }
  try {
    session_.save(target);
  } catch (const std::exception& e) {
    message_ = e.what(); // still asking: nothing is lost
    return;
  }
  auto then = std::move(then_);
  asking_ = false;
  then_ = nullptr;
  if (then) then();
}

void LessonChanges::discard() {
  if (!asking_) return;
  auto then = std::move(then_);
  asking_ = false;
  then_ = nullptr;
  if (then) then();
}

void LessonChanges::cancel() {
  asking_ = false;
  then_ = nullptr;
  message_.clear();
}

void LessonChanges::draw() {
  if (open_popup_ && asking_) ImGui::OpenPopup(kPopup);
  open_popup_ = false;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  if (!asking_) {
    // Answered some other way (a command, a test): a modal left open would
    // block the rest of the UI.
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  ImGui::Text("The lesson \"%s\" has changes that are not saved.", session_.lesson().title.c_str());
  ImGui::Text("%s would lose them.", what_.c_str());
  ImGui::TextUnformatted("Save to:");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24.0f);
  ImGui::InputText("##lesson_path", path_, sizeof path_);
  if (!message_.empty()) ImGui::TextColored(ImVec4(1.0f, 0.5f, 0.4f, 1.0f), "%s", message_.c_str());
  bool close = false;
  if (ImGui::Button("Save")) {
    save(path_);
    close = !asking_;
  }
  ImGui::SameLine();
  if (ImGui::Button("Discard changes")) {
    discard();
    close = true;
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || keys::pressed(keys::named(ImGuiKey_Escape))) {
    cancel();
    close = true;
  }
  if (close) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void attach_lesson_changes(Shell& shell, LessonChanges& changes) {
  shell.set_quit_guard([&changes](std::function<void()> proceed) { changes.guard("Quitting", std::move(proceed)); });
  shell.add_dialog([&changes] { changes.draw(); });
  CommandRegistry& commands = shell.commands();
  commands.bind(
      "lesson.close",
      [&changes, &session = changes.session()] { changes.guard("Closing the lesson", [&session] { session.close(); }); },
      [&changes] { return changes.session().loaded(); });
}

} // namespace crus::ui
