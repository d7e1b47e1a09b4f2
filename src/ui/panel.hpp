#pragma once
#include "core/document/panel_layout.hpp"
#include "ui/viewer_context.hpp"

#include <string>

namespace crus::ui {

// One dockable window of the viewer. A panel that throws shows the error in
// its place instead of taking the program down.
class Panel {
public:
  virtual ~Panel() = default;
  virtual const char* title() const = 0; // also the ImGui window id
  // Its toggle's keys, if any, belong to the command panel_command_id(title())
  // (core/commands/command_catalogue.hpp), not to the panel.
  // Draws the contents (inside ImGui::Begin/End done by the caller).
  virtual void draw(ViewerContext& ctx) = 0;
  // Where the panel first appears: fractions of the display, and a size.
  virtual void default_placement(float& x, float& y, float& w, float& h) const {
    x = 0.02f;
    y = 0.06f;
    w = 0.22f;
    h = 0.5f;
  }
  // Its place in the computed layout (core/document/panel_layout.hpp).
  virtual PanelSlot slot() const { return PanelSlot::left_top; }
  bool open = true;
  std::string last_error;
};

// Draws the panel's window with its error guard. `place`: its rectangle in
// the computed layout, applied when first shown, or always when `force`
// (the window or text size or the set of open panels changed).
void draw_panel_window(Panel& panel, ViewerContext& ctx, const ScreenRect* place = nullptr, bool force = false);

// Keeps the next button (labelled `next`) on the current line only if it fits
// the panel's width: with large text or a narrow panel, a row of buttons
// wraps instead of running off the edge. `small`: an ImGui::SmallButton.
void same_line_if_fits(const char* next, bool small = false);
// The same for an item `width` pixels wide (a check box: see checkbox_width).
void same_line_if_fits_width(float width);
// How wide ImGui::Checkbox(label) is: its box, the gap and the label.
float checkbox_width(const char* label);
// A check box whose label wraps at the panel's edge (a click on the label
// toggles it too); true when it changed.
bool wrapped_checkbox(const char* label, bool* value);
// The same for a radio button; true when clicked.
bool wrapped_radio(const char* label, bool active);
// Text in the dim colour, wrapped at the panel's edge.
void wrapped_dim(const std::string& text);

} // namespace crus::ui
