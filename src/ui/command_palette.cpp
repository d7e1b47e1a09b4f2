#include "ui/command_palette.hpp"

#include "ui/command_keys.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace crus::ui {

namespace {
constexpr const char* kPopup = "Command palette";
constexpr int kShown = 12; // rows; more matches: type more
} // namespace

void CommandPalette::draw(CommandRegistry& registry) {
  if (open_request_) {
    open_request_ = false;
    query_.fill('\0');
    selected_ = 0;
    ImGui::OpenPopup(kPopup);
  }
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.15f), ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetFontSize() * 32.0f, io.DisplaySize.x * 0.9f), 0.0f), ImGuiCond_Always);
  // No keyboard navigation inside: the arrows choose a row, the text field
  // keeps the focus.
  shown_ = ImGui::BeginPopupModal(kPopup, nullptr,
                                  ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNavInputs | ImGuiWindowFlags_NoTitleBar);
  if (!shown_) return;
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1.0f);
  const bool enter = ImGui::InputTextWithHint("##query", "Type a command (Esc closes)", query_.data(), query_.size(),
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  std::vector<const Command*> found;
  for (const Command* c : registry.search(query_.data()))
    if (c->bound() && c->info.id != "palette.open") found.push_back(c);
  const int n = static_cast<int>(std::min<std::size_t>(found.size(), kShown));
  if (ImGui::IsKeyPressed(key_code("Down"), true)) ++selected_;
  if (ImGui::IsKeyPressed(key_code("Up"), true)) --selected_;
  selected_ = n > 0 ? std::clamp(selected_, 0, n - 1) : 0;

  std::string chosen;
  for (int i = 0; i < n; ++i) {
    const Command& c = *found[static_cast<std::size_t>(i)];
    const bool enabled = registry.is_enabled(c.info.id);
    ImGui::PushID(i);
    const ImGuiSelectableFlags flags = enabled ? 0 : ImGuiSelectableFlags_Disabled;
    if (ImGui::Selectable(c.info.title.c_str(), i == selected_, flags)) chosen = c.info.id;
    const std::string keys = registry.keys_text(c.info.id);
    if (!keys.empty()) {
      ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(keys.c_str()).x);
      ImGui::TextDisabled("%s", keys.c_str());
    }
    ImGui::PopID();
  }
  if (found.empty()) ImGui::TextDisabled("No command matches.");
  else if (static_cast<int>(found.size()) > n)
    ImGui::TextDisabled("%d more: type more of the name", static_cast<int>(found.size()) - n);
  if (enter && n > 0) chosen = found[static_cast<std::size_t>(selected_)]->info.id;
  if (!chosen.empty() || ImGui::IsKeyPressed(key_code("Escape"), false)) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  // After the popup has closed, so that a command opening a dialog of its
  // own (Problems...) is not opened inside this one.
  if (!chosen.empty()) registry.run(chosen);
}

} // namespace crus::ui
