#pragma once
// File menu entries for scenes and figures, and their dialogs: Open scene,
// Save scene (as), recent scenes, Export image, and the prompt before
// unsaved changes to a scene are lost. ImGui has no file chooser, so a path
// is typed (prefilled with the current or last folder). The app does the
// work through the callbacks in SceneFileActions.
#include <functional>
#include <string>
#include <vector>

namespace crus::ui {

struct SceneFileActions {
  // Each returns "" on success or one line saying what went wrong.
  std::function<std::string(const std::string&path)> open_scene, save_scene, export_image;
  std::function<bool()> dirty; // the scene differs from its file
  std::function<void()> quit;  // leave now (changes dealt with)
};

class SceneFiles {
public:
  // What the commands file.open_scene, file.save_scene, file.save_scene_as
  // and file.export_image run (core/commands/command_catalogue.cpp has their keys).
  void open(const SceneFileActions& actions); // asks first when there are unsaved changes
  void save(const SceneFileActions& actions); // "save as" when the scene has no file yet
  void save_as();
  void export_image();
  // The "Recent scenes" submenu, drawn inside the File menu.
  void draw_recent_menu(const SceneFileActions& actions);
  // Dialogs (modals): call after every other window of the frame.
  void draw_dialogs(const SceneFileActions& actions);
  // Asks before quitting when there are unsaved changes; quits otherwise.
  void request_quit(const SceneFileActions& actions);

  std::string path;                // the scene's file, or empty
  std::vector<std::string> recent; // most recent first, at most kRecent
  std::string last_message;        // the last save/export said this
  static constexpr std::size_t kRecent = 8;
  void remember(const std::string& file); // to the front of `recent`

private:
  enum class Ask { none, open, save_as, export_image };
  enum class Then { nothing, open, open_recent, quit };
  void start(Ask ask, const std::string& initial);
  void guard(Then then, const SceneFileActions& actions, const std::string& recent_path = "");
  void proceed(Then then, const SceneFileActions& actions);
  Ask ask_ = Ask::none;
  bool open_popup_ = false;
  bool confirm_popup_ = false;
  Then pending_ = Then::nothing;
  std::string pending_path_;
  char buffer_[1024] = {};
  std::string error_;
};

} // namespace crus::ui
