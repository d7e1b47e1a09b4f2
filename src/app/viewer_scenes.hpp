#pragma once
// The viewer's side of scene files: opening one onto the document and the
// camera, saving the current view, exporting a figure, and telling whether
// the scene has changed since it was opened or saved.
#include "app/commands.hpp"
#include "core/document/scene_file.hpp"
#include "ui/scene_files.hpp"
#include "ui/viewer_context.hpp"

#include <functional>
#include <optional>
#include <string>

namespace crus::app {

struct ViewerScenes {
  ui::ViewerContext& ctx;
  std::function<std::string()> atlas_name; // "bundled" or the mesh file path
  std::function<std::string()> atlas_map;
  std::function<glm::ivec2()> framebuffer_size;
  std::function<float()> text_size;
  std::function<void(float)> set_text_size;
  std::optional<SceneFile> saved; // as last opened or saved
  std::string saved_json;         // its scene part, for dirty()
  bool resync_ = false;
  SceneFile current() const;
  // "" or one line naming the file and the problem; nothing changes on failure.
  std::string open(const std::string& path);
  std::string save(const std::string& path);
  // Renders the current scene as `crus render --scene` does (labels
  // included) in a child process, at the window's size.
  std::string export_image(const std::string& path);
  bool dirty();
  // Puts a scene on screen: the document (one undo step named `action`),
  // the painted area and a smooth camera move. Returns the ids it names that
  // the atlas lacks.
  std::vector<std::string> show(const SceneSpec& spec, const std::string& action, float seconds = 0.45f);
  ui::SceneFileActions actions(std::function<void()> quit);
};

} // namespace crus::app
