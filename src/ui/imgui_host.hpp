#pragma once
// Dear ImGui set-up for the window: context, GLFW + OpenGL 3 backends, the
// TrueType font, and the layout ini kept in the user's config folder.
#include "core/commands/input_events.hpp"

#include <string>

struct ImFont;
struct ImGuiContext;

namespace crus::ui {

class ImGuiHost {
public:
  // `native_window` is the platform window handle (a GLFWwindow*).
  // `ini_path` empty: layout not persisted (tests).
  ImGuiHost(void* native_window, float content_scale, const std::string& ini_path);
  ~ImGuiHost();
  ImGuiHost(const ImGuiHost&) = delete;
  ImGuiHost& operator=(const ImGuiHost&) = delete;

  // Each host has its own ImGui context (the speaker-notes window has a
  // second one: ImGui 1.86 has no multi-viewport). begin_frame and the
  // destructor make it current; activate() does so for other calls.
  void activate();
  // `input`: the keys, buttons, pointer and text replayed for this frame
  // (the window's queued events); ImGui's time then follows the events'.
  void begin_frame(const FrameInput* input = nullptr);
  void end_frame();     // renders ImGui's draw data into the current framebuffer
  void discard_frame(); // ends the frame without drawing it
  // Headless only: the size of the target in pixels.
  void set_display_size(float width, float height);
  // Rebuilds the font at `points` (before scaling for HiDPI).
  void set_font_size(float points);
  float font_size() const { return font_points_; }
  // A second, larger font for captions (slides, presenter mode); 0: none.
  // It is ImGui::GetIO().Fonts->Fonts[1] once built: see large_font().
  void set_large_font_size(float points);
  const std::string& font_name() const { return font_name_; }
  void save_layout(); // atomically, when the layout changed

private:
  void load_font();
  void apply(const FrameInput& input);
  ImGuiContext* context_ = nullptr;
  float scale_ = 1.0f;
  double clock_ = -1.0; // the time given to ImGui last frame
  float font_points_ = 17.0f;
  float large_points_ = 0.0f;
  bool font_dirty_ = false;
  std::string ini_path_;
  std::string font_name_;
};

// The caption font set by set_large_font_size, else the UI font.
ImFont* large_font();

// The UI font file: DejaVu Sans from fonts-dejavu-core, or empty.
std::string find_ui_font();

} // namespace crus::ui
