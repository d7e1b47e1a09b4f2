#pragma once
// Keys to commands: which of the registry's chords were pressed this frame
// (Dear ImGui 1.86 key state, indexed by GLFW key code), which contexts are
// active, and menu items drawn from commands so that a menu shows the keys
// the user actually has.
#include "core/commands/command_registry.hpp"

#include <string>
#include <vector>

namespace crus::ui {

// The key index ImGui 1.86 uses for a key name of core's key_names() (the
// GLFW key code: ASCII for printable keys), or -1.
int key_code(const std::string& name);

// The contexts active this frame, most specific first: while a text field
// takes typing {"text", "global"}; while a panel has the keyboard focus
// {"viewer", "global"}; otherwise {"viewport", "viewer", "global"}. `modes`
// (a presenter or quiz mode's own contexts) go in front.
std::vector<std::string> active_contexts(const std::vector<std::string>& modes = {});

// Runs every command whose chord was pressed this frame (with exactly the
// modifiers held); says whether any ran.
bool dispatch_pressed_keys(CommandRegistry& registry, const std::vector<std::string>& contexts);

// A menu item for command `id`: its title (or `label`), its keys, a check
// mark for a toggle, greyed out when disabled; runs it when chosen.
void command_menu_item(CommandRegistry& registry, const std::string& id, const std::string& label = "");

} // namespace crus::ui
