#pragma once
#include "gfx/gl.hpp"
#include "gfx/shader_program.hpp"
#include <cstdint>
#include <vector>

namespace crus::gfx {

// An offscreen target (headless rendering, tests, bench): a multisampled
// colour + depth buffer resolved into a plain colour-only one for reading
// back (without multisampling the one buffer has colour and depth).
class Framebuffer {
public:
  Framebuffer(int width, int height, int samples = 4); // throws RuntimeError
  ~Framebuffer();
  Framebuffer(const Framebuffer&) = delete;
  Framebuffer& operator=(const Framebuffer&) = delete;

  void bind() const; // as the draw target, with the viewport set
  // Resolves and returns RGBA8 pixels, top row first.
  std::vector<std::uint8_t> read_rgba();
  // Resolves and reads one pixel: a software GL (llvmpipe) compiles its
  // resolve shader on the first resolve, so a caller with a thread to spare
  // pays that before the picture is ready (PendingOffscreen).
  void warm_up_read_back();
  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }

  // Tests only: after `passing_checks` completeness checks have passed, the
  // next one reports incomplete (once), so the release path of a failed
  // constructor runs on a GL that never fails; -1 turns it off. Llvmpipe
  // completes every framebuffer, so there is no other way to reach it.
  static void force_incomplete_for_test(int passing_checks);

private:
  void allocate(int width, int height);
  void release();
  // The multisampled colour into the plain target, by shaders/resolve.*
  // over the rectangle from the origin to (w, h).
  void resolve(int w, int h);
  int width_, height_, samples_;
  // The multisampled colour is a texture, so the resolve can read its samples.
  GLuint msaa_fbo_ = 0, msaa_colour_texture_ = 0, msaa_depth_ = 0;
  GLuint fbo_ = 0, colour_ = 0, depth_ = 0;
  GLuint resolve_vao_ = 0;
  ShaderProgram resolve_program_;
};

} // namespace crus::gfx
