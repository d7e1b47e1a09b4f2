#pragma once
// The viewer's frame: main menu, status bar, the problems dialog, the help
// panel, and every other panel.
#include "ui/imgui_host.hpp"
#include "ui/panel.hpp"
#include "ui/scene_files.hpp"
#include <memory>
#include <vector>

namespace crus::ui {

class Shell {
public:
  explicit Shell(ImGuiHost& host);
  void add_panel(std::unique_ptr<Panel> panel);
  Panel* find_panel(const std::string& title);
  // Draws everything for one frame (between host.begin_frame and end_frame).
  void draw(ViewerContext& ctx);
  const std::vector<std::unique_ptr<Panel>>& panels() const { return panels_; }
  bool panels_hidden() const { return panels_hidden_; }
  void set_panels_hidden(bool hidden) { panels_hidden_ = hidden; }
  void arrange_panels() { arrange_requested_ = true; }
  // Scenes and figures in the File menu; the app supplies the actions.
  SceneFiles& scene_files() { return scene_files_; }
  void set_scene_actions(SceneFileActions actions) { scene_actions_ = std::move(actions); }
  // Quit, asking first when a scene has unsaved changes.
  void request_quit(ViewerContext& ctx);

private:
  void draw_menu(ViewerContext& ctx);
  void draw_status_bar(ViewerContext& ctx);
  void draw_messages(ViewerContext& ctx);
  void handle_shortcuts(ViewerContext& ctx);
  void draw_panels(ViewerContext& ctx);
  ImGuiHost& host_;
  std::string layout_signature_;
  bool arrange_requested_ = false;
  bool panels_hidden_ = false;
  std::vector<std::unique_ptr<Panel>> panels_;
  bool show_about_ = false;
  SceneFiles scene_files_;
  SceneFileActions scene_actions_;
};

// Why the 3D view is empty although an atlas is loaded (every layer peeled,
// everything hidden), or null when something is drawn.
const char* nothing_drawn_reason(const ViewerContext& ctx);

// Every shortcut of the viewer, for the help panel and the menus.
struct Shortcut {
  const char* keys;
  const char* what;
};
const std::vector<Shortcut>& all_shortcuts();

class HelpPanel : public Panel {
public:
  HelpPanel() { open = false; }
  const char* title() const override { return "Help"; }
  const char* shortcut() const override { return "F1"; }
  void draw(ViewerContext& ctx) override;
  void default_placement(float& x, float& y, float& w, float& h) const override { x = 0.3f; y = 0.15f; w = 0.4f; h = 0.6f; }
  PanelSlot slot() const override { return PanelSlot::centre; }
};

} // namespace crus::ui
