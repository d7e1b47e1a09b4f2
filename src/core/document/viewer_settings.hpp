#pragma once
// What the viewer remembers between runs, in settings.json of the user's
// config folder: the text size, the open panels, the background, the last
// view and the last atlas. Nothing that identifies a patient (names, notes,
// painted pain areas) is ever stored here: those live only in the handout
// the user exports.
#include <glm/vec3.hpp>
#include <optional>
#include <string>
#include <vector>

namespace crus {

struct SavedView {
  glm::vec3 target{0.0f};
  float distance = 1.0f;
  float yaw = 0.0f;
  float pitch = 0.0f;
};

struct ViewerSettings {
  float text_size = 17.0f;                             // points
  std::optional<std::vector<std::string>> open_panels; // titles; none: the defaults
  bool light_background = false;
  bool ambient_occlusion = true; // baked ambient occlusion in the shading
  bool panels_hidden = false;
  bool mirror = false;
  std::optional<SavedView> view;
  std::string atlas; // empty: the bundled atlas
  std::string atlas_map;
  std::vector<std::string> recent_scenes; // File > Recent scenes, most recent first
};

struct LoadedSettings {
  ViewerSettings settings;
  std::string problem; // why the file was not used (one line naming it), or empty
};

// A missing file gives the defaults silently; an unreadable or malformed one
// gives the defaults and a problem naming the file and what is wrong.
LoadedSettings load_viewer_settings(const std::string& path);
std::string to_json(const ViewerSettings& settings);
// Atomically (write_file_atomic); throws RuntimeError when it cannot.
void save_viewer_settings(const std::string& path, const ViewerSettings& settings);

} // namespace crus
