#include "platform/window.hpp"

#include <atomic>
#include <algorithm>

#include "core/error.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <cstdlib>
#include <string>

namespace crus::platform {
namespace {
GLFWwindow* as_glfw(void* w) { return static_cast<GLFWwindow*>(w); }
int g_event_count = 0;
std::string g_last_error;

void on_error(int, const char* description) { g_last_error = description ? description : ""; }
void count_event(GLFWwindow*) { ++g_event_count; }
} // namespace

// GLFW's input callbacks queue the events on the window that owns them.
struct WindowCallbacks {
  static Window* owner(GLFWwindow* w) { return static_cast<Window*>(glfwGetWindowUserPointer(w)); }
  static void push(GLFWwindow* w, InputEvent e) {
    ++g_event_count;
    e.time = glfwGetTime();
    if (Window* self = owner(w)) {
      if (self->events_.size() > 4096) self->events_.pop_front(); // nobody is taking them
      self->events_.push_back(e);
    }
  }
  static void key(GLFWwindow* w, int key, int, int action, int) {
    if (action == GLFW_REPEAT) return; // ImGui makes its own repeats from the held state
    InputEvent e;
    e.kind = InputEvent::Kind::key;
    e.code = key;
    e.down = action == GLFW_PRESS;
    push(w, e);
  }
  static void character(GLFWwindow* w, unsigned codepoint) {
    InputEvent e;
    e.kind = InputEvent::Kind::character;
    e.codepoint = codepoint;
    push(w, e);
  }
  static void button(GLFWwindow* w, int button, int action, int) {
    InputEvent e;
    e.kind = InputEvent::Kind::mouse_button;
    e.code = button;
    e.down = action == GLFW_PRESS;
    push(w, e);
  }
  static void cursor(GLFWwindow* w, double x, double y) {
    InputEvent e;
    e.kind = InputEvent::Kind::cursor;
    e.value = glm::vec2(static_cast<float>(x), static_cast<float>(y));
    push(w, e);
  }
  static void scroll(GLFWwindow* w, double x, double y) {
    InputEvent e;
    e.kind = InputEvent::Kind::scroll;
    e.value = glm::vec2(static_cast<float>(x), static_cast<float>(y));
    push(w, e);
  }
  static void focus(GLFWwindow* w, int focused) {
    ++g_event_count;
    if (Window* self = owner(w); self && !focused) self->focus_lost_ = true;
  }
};

std::optional<std::string> Window::display_problem() {
  const char* x = std::getenv("DISPLAY");
  const char* wl = std::getenv("WAYLAND_DISPLAY");
  if ((!x || !*x) && (!wl || !*wl)) return std::string("no display found (DISPLAY and WAYLAND_DISPLAY are unset)");
  return std::nullopt;
}

namespace {
// Windows open now: GLFW starts with the first and stops after the last
// (the speaker-notes window comes and goes beside the main one).
std::atomic<int> g_open_windows{0}; // read by wake() on other threads
void release_glfw() {
  if (--g_open_windows == 0) glfwTerminate();
}
} // namespace

Window::Window(const std::string& title, const WindowGeometry& geometry, int msaa_samples) {
  glfwSetErrorCallback(on_error);
  if (g_open_windows == 0 && glfwInit() != GLFW_TRUE)
    throw RuntimeError("cannot open a window: " + (g_last_error.empty() ? std::string("GLFW failed to start") : g_last_error));
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHint(GLFW_MAXIMIZED, geometry.maximised ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SAMPLES, msaa_samples);
  ++g_open_windows; // from here on, every way out releases it
  // No bigger than the screen it opens on (a saved size from a larger
  // monitor, or the default on a small projector), so that every panel shows.
  int width = geometry.width, height = geometry.height;
  if (GLFWmonitor* primary = glfwGetPrimaryMonitor()) {
    int mx = 0, my = 0, mw = 0, mh = 0;
    glfwGetMonitorWorkarea(primary, &mx, &my, &mw, &mh);
    // GLFW_SCALE_TO_MONITOR multiplies the size asked for by the content
    // scale, so the limit is divided by it first.
    float sx = 1.0f, sy = 1.0f;
    glfwGetMonitorContentScale(primary, &sx, &sy);
    if (sx > 0.0f && sy > 0.0f) {
      mw = static_cast<int>(static_cast<float>(mw) / sx);
      mh = static_cast<int>(static_cast<float>(mh) / sy);
    }
    // Only a window that would not fit is made smaller, then with room left
    // for the title bar and the desktop's own panels.
    if (mw > 0 && width > mw) width = std::max(400, mw * 95 / 100);
    if (mh > 0 && height > mh) height = std::max(300, mh * 92 / 100);
  }
  GLFWwindow* w = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!w && msaa_samples > 0) {
    // No multisampled visual: carry on without MSAA.
    glfwWindowHint(GLFW_SAMPLES, 0);
    w = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  }
  if (!w) {
    release_glfw();
    throw RuntimeError("cannot open an OpenGL 3.3 core window: " +
                       (g_last_error.empty() ? std::string("unknown reason") : g_last_error));
  }
  window_ = w;
  if (geometry.position) {
    // Only restore a position that is still on a connected monitor.
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {
      int mx = 0, my = 0, mw = 0, mh = 0;
      glfwGetMonitorWorkarea(monitors[i], &mx, &my, &mw, &mh);
      if (geometry.position->x >= mx && geometry.position->y >= my && geometry.position->x < mx + mw - 50 &&
          geometry.position->y < my + mh - 50) {
        glfwSetWindowPos(w, geometry.position->x, geometry.position->y);
        break;
      }
    }
  }
  glfwMakeContextCurrent(w);
  glfwSwapInterval(1);
  samples_ = glfwGetWindowAttrib(w, GLFW_SAMPLES);
  glfwSetWindowRefreshCallback(w, count_event);
  glfwSetWindowUserPointer(w, this);
  glfwSetKeyCallback(w, WindowCallbacks::key);
  glfwSetCharCallback(w, WindowCallbacks::character);
  glfwSetMouseButtonCallback(w, WindowCallbacks::button);
  glfwSetCursorPosCallback(w, WindowCallbacks::cursor);
  glfwSetScrollCallback(w, WindowCallbacks::scroll);
  glfwSetWindowFocusCallback(w, WindowCallbacks::focus);
}

bool Window::take_focus_lost() {
  bool lost = focus_lost_;
  focus_lost_ = false;
  return lost;
}

Window::~Window() {
  if (window_) glfwDestroyWindow(as_glfw(window_));
  release_glfw();
}

void Window::make_current() { glfwMakeContextCurrent(as_glfw(window_)); }
void Window::focus() { glfwFocusWindow(as_glfw(window_)); }

void* Window::native_handle() const { return window_; }
bool Window::should_close() const { return glfwWindowShouldClose(as_glfw(window_)) == GLFW_TRUE; }
void Window::set_should_close(bool close) { glfwSetWindowShouldClose(as_glfw(window_), close ? GLFW_TRUE : GLFW_FALSE); }

void Window::wait_events(std::optional<double> timeout_seconds) {
  if (!timeout_seconds) glfwWaitEvents();
  else if (*timeout_seconds <= 0.0) glfwPollEvents();
  else glfwWaitEventsTimeout(*timeout_seconds);
}

void Window::wake() {
  // glfwPostEmptyEvent may be called from any thread once GLFW is initialised;
  // the viewer's workers are joined before its last window closes.
  if (g_open_windows > 0) glfwPostEmptyEvent();
}

void Window::swap_buffers() { glfwSwapBuffers(as_glfw(window_)); }

glm::ivec2 Window::framebuffer_size() const {
  glm::ivec2 s{0};
  glfwGetFramebufferSize(as_glfw(window_), &s.x, &s.y);
  return s;
}

glm::ivec2 Window::window_size() const {
  glm::ivec2 s{0};
  glfwGetWindowSize(as_glfw(window_), &s.x, &s.y);
  return s;
}

float Window::content_scale() const {
  float x = 1.0f, y = 1.0f;
  glfwGetWindowContentScale(as_glfw(window_), &x, &y);
  return x > 0.0f ? x : 1.0f;
}

WindowGeometry Window::geometry() const {
  WindowGeometry g;
  glm::ivec2 s = window_size();
  g.maximised = glfwGetWindowAttrib(as_glfw(window_), GLFW_MAXIMIZED) == GLFW_TRUE;
  g.width = s.x;
  g.height = s.y;
  glm::ivec2 p{0};
  glfwGetWindowPos(as_glfw(window_), &p.x, &p.y);
  g.position = p;
  return g;
}

double Window::time() const { return glfwGetTime(); }
void Window::set_title(const std::string& title) { glfwSetWindowTitle(as_glfw(window_), title.c_str()); }

int Window::take_event_count() {
  int n = g_event_count;
  g_event_count = 0;
  return n;
}

void Window::set_fullscreen(bool fullscreen) {
  GLFWwindow* w = as_glfw(window_);
  if (fullscreen == windowed_.has_value()) return;
  if (fullscreen) {
    std::array<int, 4> g{};
    glfwGetWindowPos(w, &g[0], &g[1]);
    glfwGetWindowSize(w, &g[2], &g[3]);
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!monitor || !mode) return; // no monitor to fill (a virtual display): stay windowed
    windowed_ = g;
    glfwSetWindowMonitor(w, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else {
    const std::array<int, 4> g = *windowed_;
    windowed_.reset();
    glfwSetWindowMonitor(w, nullptr, g[0], g[1], g[2], g[3], GLFW_DONT_CARE);
  }
}

} // namespace crus::platform
