#include "app/offscreen.hpp"

#include "core/error.hpp"
#include "core/limits.hpp"
#include "gfx/framebuffer.hpp"
#include "gfx/scene_renderer.hpp"
#include "platform/headless_context.hpp"

#include <charconv>
#include <cstdio>

namespace crus::app {

struct OffscreenRenderer::Impl {
  platform::HeadlessContext context;
  gfx::Framebuffer target;
  gfx::SceneRenderer renderer;
  Impl(int w, int h, int samples) : context(), target(w, h, samples), renderer() {}
};

OffscreenRenderer::OffscreenRenderer(int width, int height, int samples)
    : impl_(std::make_unique<Impl>(width, height, samples)) {}
OffscreenRenderer::~OffscreenRenderer() = default;

void OffscreenRenderer::upload(const Scene& scene) { impl_->renderer.upload(scene); }
void OffscreenRenderer::update_pose(const Scene& scene) { impl_->renderer.update_pose(scene); }
const std::vector<std::size_t>& OffscreenRenderer::vertex_uploads() const { return impl_->renderer.vertex_uploads(); }

void OffscreenRenderer::draw(const Scene& scene, const DrawList& list, const OrbitCamera& camera) {
  impl_->target.bind();
  gfx::FrameParams frame;
  frame.view = camera.view();
  frame.projection = camera.projection(static_cast<float>(impl_->target.width()) / static_cast<float>(impl_->target.height()));
  frame.viewport_size = {impl_->target.width(), impl_->target.height()};
  impl_->renderer.draw(scene, list, frame);
  if (const std::string& w = impl_->renderer.overlay_warning(); !w.empty()) std::fprintf(stderr, "crus: %s\n", w.c_str());
  gfx::SceneRenderer::finish();
}

void OffscreenRenderer::draw_bare(const DrawList& list, const OrbitCamera& camera) {
  impl_->target.bind();
  gfx::FrameParams frame;
  frame.view = camera.view();
  frame.projection = camera.projection(static_cast<float>(impl_->target.width()) / static_cast<float>(impl_->target.height()));
  frame.viewport_size = {impl_->target.width(), impl_->target.height()};
  impl_->renderer.draw_bare(list, frame);
  gfx::SceneRenderer::finish();
}

void OffscreenRenderer::bind_target() { impl_->target.bind(); }
void OffscreenRenderer::warm_up_read_back() { impl_->target.warm_up_read_back(); }
void OffscreenRenderer::make_current() { impl_->context.make_current(); }
void OffscreenRenderer::release_context() {
  gfx::SceneRenderer::finish(); // everything made on this thread is done before another uses it
  impl_->context.release();
}

PendingOffscreen::PendingOffscreen(int width, int height, int samples)
    : future_(std::async(std::launch::async, [=] {
        auto renderer = std::make_unique<OffscreenRenderer>(width, height, samples);
        // The resolve shader is compiled here, beside the import, instead
        // of on the main thread when the picture is read back (about 40 ms
        // of LLVM on llvmpipe: docs/PERFORMANCE.md).
        renderer->warm_up_read_back();
        renderer->release_context();
        return renderer;
      })) {}

PendingOffscreen::~PendingOffscreen() {
  if (!future_.valid()) return;
  try {
    future_.get()->make_current(); // so its GL objects are deleted in their context
  } catch (...) {
    // It failed or the caller is already unwinding: nothing more to release.
  }
}

std::unique_ptr<OffscreenRenderer> PendingOffscreen::get() {
  std::unique_ptr<OffscreenRenderer> renderer = future_.get();
  renderer->make_current();
  return renderer;
}

Image OffscreenRenderer::read() {
  Image img;
  img.width = impl_->target.width();
  img.height = impl_->target.height();
  img.rgba = impl_->target.read_rgba();
  for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255; // opaque PNGs
  return img;
}

std::string OffscreenRenderer::renderer() const { return gfx::SceneRenderer::renderer_string(); }
std::size_t OffscreenRenderer::triangles_drawn() const { return impl_->renderer.triangles_drawn(); }
int OffscreenRenderer::width() const { return impl_->target.width(); }
int OffscreenRenderer::height() const { return impl_->target.height(); }

std::pair<int, int> parse_size(const std::string& text, const std::string& option) {
  auto x = text.find_first_of("xX");
  auto bad = [&]() {
    return InputError(option, "expected WIDTHxHEIGHT such as 800x600 (" + std::to_string(limits::kImageSideMin) + " to " +
                                  std::to_string(limits::kImageSideMax) + " each), got \"" + text + "\"");
  };
  if (x == std::string::npos) throw bad();
  int w = 0, h = 0;
  auto r1 = std::from_chars(text.data(), text.data() + x, w);
  auto r2 = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
  if (r1.ec != std::errc() || r1.ptr != text.data() + x || r2.ec != std::errc() || r2.ptr != text.data() + text.size())
    throw bad();
  if (w < limits::kImageSideMin || h < limits::kImageSideMin || w > limits::kImageSideMax || h > limits::kImageSideMax)
    throw bad();
  // Offscreen frames are multisampled: the side limits alone would allow
  // buffers of many gigabytes.
  if (static_cast<long long>(w) * h > limits::kImagePixels)
    throw InputError(option, text + " is " + std::to_string(static_cast<long long>(w) * h / 1000000) + " megapixels; at most " +
                                 std::to_string(limits::kImagePixels / 1000000) + " megapixels (e.g. 8192x8192) can be rendered");
  return {w, h};
}

} // namespace crus::app
