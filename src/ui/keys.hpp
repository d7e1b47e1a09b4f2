#pragma once
// Key indices as Dear ImGui 1.86 sees them: its GLFW backend fills
// io.KeysDown[] by GLFW key code, which is ASCII for printable keys. The few
// non-printable keys we use are listed with GLFW's values so the UI layer
// needs no GLFW header.
#include <imgui.h>

namespace crus::ui::keys {
inline int printable(char c) { return static_cast<unsigned char>(c); } // 'A'..'Z', '0'..'9', '=', '-', '/'
constexpr int f1 = 290;
constexpr int f5 = 294;
constexpr int keypad_subtract = 333;
constexpr int keypad_add = 334;
inline int named(ImGuiKey key) { return ImGui::GetKeyIndex(key); }
inline bool pressed(int key, bool repeat = false) { return key >= 0 && ImGui::IsKeyPressed(key, repeat); }
} // namespace crus::ui::keys
