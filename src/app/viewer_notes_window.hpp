#pragma once
// The speaker-notes window: a second GLFW window with its own GL context
// and its own ImGui context (Debian's ImGui 1.86 has no multi-viewport), so
// the speaker sees the notes and the next step on the laptop while the
// projector shows the presenter view. Opened and closed by the command
// lesson.notes_window (ctx.notes_window); keys typed in it (a clicker's Page
// Down, B, Escape...) go to the main window, so the lesson steps either way.
#include "core/commands/input_events.hpp"
#include "core/teaching/lesson_session.hpp"
#include "platform/window.hpp"
#include "ui/imgui_host.hpp"
#include "ui/viewer_context.hpp"

#include <memory>
#include <string>

namespace crus::app {

class NotesWindow {
public:
  NotesWindow() = default;
  ~NotesWindow();
  NotesWindow(const NotesWindow&) = delete;
  NotesWindow& operator=(const NotesWindow&) = delete;

  // Opens or closes the window to follow ctx.notes_window (closing it by
  // its title bar clears ctx.notes_window), then draws a frame in it.
  // Leaves `main`'s GL context and `main_host`'s ImGui context current.
  // A window that cannot open is reported in ctx.messages, once.
  void update(const LessonSession& session, ui::ViewerContext& ctx, platform::Window& main, ui::ImGuiHost& main_host);
  bool is_open() const { return window_ != nullptr; }

private:
  void close(platform::Window& main, ui::ImGuiHost& main_host);
  std::unique_ptr<platform::Window> window_;
  std::unique_ptr<ui::ImGuiHost> host_;
  InputReplay replay_;
  std::deque<InputEvent> pending_; // the pointer and wheel events not yet replayed
  std::string title_;
};

} // namespace crus::app
