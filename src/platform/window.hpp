#pragma once
// The interactive window (GLFW): OpenGL 3.3 core, HiDPI aware, resizable,
// vsync, MSAA when available. Callers never see GLFW types.
#include "core/commands/input_events.hpp"

#include <array>
#include <deque>
#include <glm/vec2.hpp>
#include <optional>
#include <string>

namespace crus::platform {

struct WindowGeometry {
  int width = 1600;
  int height = 1000;
  std::optional<glm::ivec2> position;
  bool maximised = false;
};

class Window {
public:
  // Why no window can be opened here (no display), or nothing if one can.
  static std::optional<std::string> display_problem();

  // Creates the window and makes its context current. Throws RuntimeError.
  // Several may be open (each with its own GL context, not shared).
  Window(const std::string& title, const WindowGeometry& geometry, int msaa_samples = 4);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  void* native_handle() const; // the GLFWwindow*, for ImGui's backend only
  bool should_close() const;
  void set_should_close(bool close);
  // Sleeps until an event arrives (idle window: no CPU), or at most
  // `timeout_seconds` when something is animating.
  void wait_events(std::optional<double> timeout_seconds = std::nullopt);
  // Ends a wait_events() from any thread (a worker whose result the window
  // now shows); a no-op when no window is open.
  static void wake();
  void swap_buffers();
  void make_current(); // its GL context, for drawing into it
  void focus();
  glm::ivec2 framebuffer_size() const;
  glm::ivec2 window_size() const;
  float content_scale() const;     // 1 on a standard display, 2 on HiDPI
  WindowGeometry geometry() const; // to persist between runs
  int samples() const { return samples_; }
  double time() const;
  void set_title(const std::string& title);
  // Counts events since the last call (resize, input, focus...).
  int take_event_count();
  // Keys, buttons, pointer moves, scrolling and typed text in the order they
  // came, for InputReplay; the caller takes them from the front.
  std::deque<InputEvent>& input_events() { return events_; }
  bool take_focus_lost(); // whether the window lost the focus since the last call
  // Full screen on the window's current monitor (presenter mode), and back
  // to the position and size it had before.
  void set_fullscreen(bool fullscreen);
  bool fullscreen() const { return windowed_.has_value(); }

private:
  friend struct WindowCallbacks;
  void* window_ = nullptr;
  std::deque<InputEvent> events_;
  bool focus_lost_ = false;
  int samples_ = 0;
  std::optional<std::array<int, 4>> windowed_; // x, y, width, height before full screen
};

} // namespace crus::platform
