#pragma once
// The viewer's frame: main menu, status bar, the problems dialog, the help
// panel, and every other panel.
#include "core/commands/command_registry.hpp"
#include "ui/command_palette.hpp"
#include "ui/imgui_host.hpp"
#include "ui/panel.hpp"
#include "ui/scene_files.hpp"
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace crus::ui {

// The shell owns the command registry (core/commands/command_catalogue.cpp): it
// binds the commands of the view and the document to the first context it
// draws, its own (panels, text size, palette), and one toggle per panel
// added; keys, menus, the help panel and the palette all go through it.
class Shell {
public:
  explicit Shell(ImGuiHost& host);
  Shell(const Shell&) = delete; // the commands' functions hold `this`
  Shell& operator=(const Shell&) = delete;
  // Adds the panel and binds its toggle command, panel_command_id(title)
  // (registered on the fly, in View > Panels, when the catalogue lacks it).
  void add_panel(std::unique_ptr<Panel> panel);
  CommandRegistry& commands() { return commands_; }
  const CommandPalette& palette() const { return palette_; }
  // Contexts of a mode put in front of the viewer's (core/commands/command_registry.hpp).
  void set_modes(std::vector<std::string> modes) { modes_ = std::move(modes); }
  // Whether a command ran by key since the last call (the viewer redraws).
  bool take_commands_ran() { return std::exchange(commands_ran_, false); }
  Panel* find_panel(const std::string& title);
  // Draws everything for one frame (between host.begin_frame and end_frame).
  void draw(ViewerContext& ctx);
  const std::vector<std::unique_ptr<Panel>>& panels() const { return panels_; }
  bool panels_hidden() const { return panels_hidden_; }
  void set_panels_hidden(bool hidden) { panels_hidden_ = hidden; }
  void arrange_panels() { arrange_requested_ = true; }
  // Whether the panels were laid out again since the last call, the window
  // keeping its size (a panel opened or closed, the text size changed,
  // Arrange panels, all hidden or shown with Tab).
  bool take_layout_moved() { return std::exchange(layout_moved_, false); }
  // Scenes and figures in the File menu; the app supplies the actions.
  SceneFiles& scene_files() { return scene_files_; }
  void set_scene_actions(SceneFileActions actions) { scene_actions_ = std::move(actions); }
  // Quit, asking first when a scene (or, through the quit guard, anything
  // else) has unsaved changes.
  void request_quit(ViewerContext& ctx);
  // Asked before the scene's prompt when quitting: it calls `proceed` when
  // quitting may go on (now, or after its own prompt), or never (cancelled).
  void set_quit_guard(std::function<void(std::function<void()> proceed)> guard) { quit_guard_ = std::move(guard); }
  // Drawn each frame with the modals, after every other window.
  void add_dialog(std::function<void()> draw) { dialogs_.push_back(std::move(draw)); }

private:
  void draw_menu(ViewerContext& ctx);
  void draw_status_bar(ViewerContext& ctx);
  void draw_messages(ViewerContext& ctx);
  void handle_shortcuts(ViewerContext& ctx);
  void draw_panels(ViewerContext& ctx);
  ImGuiHost& host_;
  std::string layout_signature_;
  bool arrange_requested_ = false;
  bool layout_moved_ = false;
  bool hidden_drawn_ = false; // whether the panels were hidden when last drawn
  std::string layout_size_;   // the window size the panels were last laid out for
  bool panels_hidden_ = false;
  std::vector<std::unique_ptr<Panel>> panels_;
  bool show_about_ = false;
  CommandRegistry commands_;
  CommandPalette palette_;
  std::vector<std::string> modes_;
  const ViewerContext* bound_to_ = nullptr;
  bool commands_ran_ = false;
  SceneFiles scene_files_;
  SceneFileActions scene_actions_;
  std::function<void(std::function<void()>)> quit_guard_;
  std::vector<std::function<void()>> dialogs_;
};

// The status bar's line: as many of `parts` (the most important first) as
// fit in `width` pixels, joined by "  |  "; when not even the first fits, it
// is cut short with "...". `text_width` measures a string in pixels.
std::string fit_status_line(const std::vector<std::string>& parts, float width,
                            const std::function<float(const std::string&)>& text_width);

// Why the 3D view is empty although an atlas is loaded (every layer peeled,
// everything hidden), or null when something is drawn.
const char* nothing_drawn_reason(const ViewerContext& ctx);

// What the mouse does in the 3D view, for the help panel (the keys come
// from the command registry).
struct Gesture {
  const char* how;
  const char* what;
};
const std::vector<Gesture>& mouse_gestures();

class HelpPanel : public Panel {
public:
  HelpPanel() { open = false; }
  const char* title() const override { return "Help"; }
  void draw(ViewerContext& ctx) override;
  void default_placement(float& x, float& y, float& w, float& h) const override {
    x = 0.3f;
    y = 0.15f;
    w = 0.4f;
    h = 0.6f;
  }
  PanelSlot slot() const override { return PanelSlot::centre; }
};

} // namespace crus::ui
