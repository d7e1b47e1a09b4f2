#pragma once
// Headless rendering: the same renderer as the window, into an offscreen
// framebuffer of a headless EGL context.
#include "core/camera.hpp"
#include "core/draw_list.hpp"
#include "core/image.hpp"
#include "core/scene.hpp"
#include <memory>
#include <string>
#include <vector>

namespace crus::app {

class OffscreenRenderer {
public:
  // Creates the EGL context and the renderer; throws RuntimeError.
  OffscreenRenderer(int width, int height, int samples = 4);
  ~OffscreenRenderer();
  void upload(const Scene& scene);
  void update_pose(const Scene& scene); // gfx::SceneRenderer::update_pose
  const std::vector<std::size_t>& vertex_uploads() const;
  // Draws one frame and waits for it to finish.
  void draw(const Scene& scene, const DrawList& list, const OrbitCamera& camera);
  // The bench's yardstick: the same buffers with a one-light shader.
  void draw_bare(const DrawList& list, const OrbitCamera& camera);
  Image read();
  void bind_target(); // the offscreen framebuffer as the draw target
  std::string renderer() const;
  std::size_t triangles_drawn() const;
  int width() const;
  int height() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses "WxH" (each 16..16384); throws InputError naming `option`.
std::pair<int, int> parse_size(const std::string& text, const std::string& option);

} // namespace crus::app
