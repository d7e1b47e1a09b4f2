#include "ui/command_keys.hpp"

#include <imgui.h>

#include <map>
#include <set>

namespace crus::ui {

namespace {

// GLFW's key codes for the keys that are not printable ASCII; the headless
// host fills ImGui's key map with the same numbers (ui/imgui_host.cpp).
const std::map<std::string, int>& named_codes() {
  static const std::map<std::string, int> codes = [] {
    std::map<std::string, int> m = {{"Space", 32},      {"Escape", 256}, {"Enter", 257},  {"Tab", 258},
                                    {"Backspace", 259}, {"Insert", 260}, {"Delete", 261}, {"Right", 262},
                                    {"Left", 263},      {"Down", 264},   {"Up", 265},     {"PageUp", 266},
                                    {"PageDown", 267},  {"Home", 268},   {"End", 269},    {"KeypadSubtract", 333},
                                    {"KeypadAdd", 334}};
    for (int f = 1; f <= 12; ++f) m["F" + std::to_string(f)] = 289 + f;
    for (int k = 0; k <= 9; ++k) m["Keypad" + std::to_string(k)] = 320 + k;
    return m;
  }();
  return codes;
}

} // namespace

int key_code(const std::string& name) {
  if (name.size() == 1) return static_cast<unsigned char>(name[0]); // letters (upper case), digits, punctuation
  auto it = named_codes().find(name);
  return it == named_codes().end() ? -1 : it->second;
}

std::vector<std::string> active_contexts(const std::vector<std::string>& modes) {
  const ImGuiIO& io = ImGui::GetIO();
  std::vector<std::string> contexts = modes;
  // A click on any panel leaves WantCaptureKeyboard set although nothing is
  // being typed, so only the arrows (which move the focus inside a panel)
  // step back then; letter keys stop only while a text field takes typing.
  if (io.WantTextInput) {
    contexts.emplace_back("text");
  } else {
    if (!io.WantCaptureKeyboard) contexts.emplace_back("viewport");
    contexts.emplace_back("viewer");
  }
  contexts.emplace_back("global");
  return contexts;
}

bool dispatch_pressed_keys(CommandRegistry& registry, const std::vector<std::string>& contexts) {
  const ImGuiIO& io = ImGui::GetIO();
  std::set<std::string> keys;
  for (const Command& c : registry.all())
    for (const KeyChord& k : c.info.keys) keys.insert(k.key);
  bool ran = false;
  for (const std::string& key : keys) {
    const int code = key_code(key);
    if (code < 0 || code >= IM_ARRAYSIZE(io.KeysDown) || !ImGui::IsKeyPressed(code, /*repeat=*/true)) continue;
    const bool first = ImGui::IsKeyPressed(code, /*repeat=*/false);
    ran = registry.dispatch(KeyChord{io.KeyCtrl, io.KeyShift, io.KeyAlt, key}, contexts, !first) || ran;
  }
  return ran;
}

void command_menu_item(CommandRegistry& registry, const std::string& id, const std::string& label) {
  const Command* c = registry.find(id);
  if (!c) return;
  const std::string keys = registry.keys_text(id);
  const std::string& title = label.empty() ? c->info.title : label;
  if (ImGui::MenuItem(title.c_str(), keys.empty() ? nullptr : keys.c_str(), registry.is_checked(id), registry.is_enabled(id)))
    registry.run(id);
}

} // namespace crus::ui
