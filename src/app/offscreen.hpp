#pragma once
// Headless rendering: the same renderer as the window, into an offscreen
// framebuffer of a headless EGL context.
#include "core/geometry/camera.hpp"
#include "core/document/draw_list.hpp"
#include "core/io/image.hpp"
#include "core/document/scene.hpp"
#include <future>
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

  // Makes this renderer's context current on the calling thread (after
  // start_offscreen made it on another).
  void make_current();
  void release_context();
  void warm_up_read_back(); // gfx::Framebuffer::warm_up_read_back

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Starts the EGL context, the framebuffer and the shader programs on a second
// thread, so they start while the caller imports the atlas (crus render uses
// both cores; docs/PERFORMANCE.md). get() waits, makes the context current on
// the calling thread and hands the renderer over, or rethrows what failed.
class PendingOffscreen {
public:
  PendingOffscreen(int width, int height, int samples = 4);
  ~PendingOffscreen(); // waits for the thread when get() was not called
  PendingOffscreen(const PendingOffscreen&) = delete;
  PendingOffscreen& operator=(const PendingOffscreen&) = delete;
  std::unique_ptr<OffscreenRenderer> get();

private:
  std::future<std::unique_ptr<OffscreenRenderer>> future_;
};

// Parses "WxH" (each 16..16384); throws InputError naming `option`.
std::pair<int, int> parse_size(const std::string& text, const std::string& option);

} // namespace crus::app
