#pragma once
// What the panels read and change. The document is changed only through its
// named actions; the camera directly (it is not part of the undo history).
#include "core/camera.hpp"
#include "core/document.hpp"
#include "core/picking.hpp"
#include "core/scene.hpp"
#include <functional>
#include <string>
#include <vector>

namespace crus::ui {

struct FrameStats {
  double frame_ms = 0.0;
  std::size_t triangles = 0;
  std::string renderer;
};

struct ViewerContext {
  Scene* scene = nullptr;              // may hold no structures (empty scene)
  Document* document = nullptr;
  OrbitCamera* camera = nullptr;
  const PickIndex* picks = nullptr;
  std::vector<int> layers;             // per structure; empty when unknown
  FrameStats stats;
  std::vector<std::string> messages;   // problems to show in the dialog
  bool show_messages = false;
  std::string atlas_path;
  // The projection the 3D view used this frame, for picking and labels.
  glm::mat4 view{1.0f}, projection{1.0f};
  glm::vec2 viewport_size{1.0f};       // in ImGui (logical) pixels
  bool quit = false;
  std::function<void(const std::string&)> open_atlas; // set by the app
};

// Camera framing helpers shared by menus and shortcuts.
void go_to_view(ViewerContext& ctx, AnatomicalView view);
void frame_structure(ViewerContext& ctx, int structure);
Aabb visible_bounds(const ViewerContext& ctx);

} // namespace crus::ui
