#pragma once
// The command palette (Ctrl+Shift+P or Ctrl+K): type a few letters of what
// you want, arrows to choose, Enter to run. Every command of the registry is
// there, with its keys, so a user can find an action without the menus and
// learn its shortcut on the way.
#include "core/commands/command_registry.hpp"

#include <array>

namespace crus::ui {

class CommandPalette {
public:
  void open() { open_request_ = true; }
  // Whether the palette was up in the last frame drawn.
  bool is_open() const { return shown_; }
  // Draws the palette when open (a modal popup: call it after the other
  // windows of the frame) and runs the command chosen.
  void draw(CommandRegistry& registry);

private:
  bool open_request_ = false;
  std::array<char, 128> query_{};
  int selected_ = 0;
  bool shown_ = false;
};

} // namespace crus::ui
