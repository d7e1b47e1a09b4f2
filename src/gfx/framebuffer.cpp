#include "gfx/framebuffer.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iterator>
#include <string>

namespace crus::gfx {

namespace {
// Tests only (force_incomplete_for_test): how many more checks pass before
// one reports incomplete; -1 when none is forced.
std::atomic<int> g_checks_before_forced_failure{-1};

void check_complete(const char* what) {
  GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  if (g_checks_before_forced_failure.load() >= 0 && g_checks_before_forced_failure.fetch_sub(1) == 0)
    status = GL_FRAMEBUFFER_INCOMPLETE_ATTACHMENT;
  if (status != GL_FRAMEBUFFER_COMPLETE) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%04X", static_cast<unsigned>(status));
    throw RuntimeError(std::string("offscreen framebuffer (") + what + ") is incomplete: status " + hex +
                       " (often: not enough graphics memory for this size)");
  }
}
// A binding saved before, to put back: a name deleted meanwhile (a program
// still in use when it was deleted goes when it is replaced) becomes 0.
GLuint if_alive(GLint id, GLboolean (*is_alive)(GLuint)) {
  return id > 0 && is_alive(static_cast<GLuint>(id)) ? static_cast<GLuint>(id) : 0;
}
void use_program_if_alive(GLint id) { glUseProgram(if_alive(id, glIsProgram)); }
void bind_multisample_texture_if_alive(GLint id) { glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, if_alive(id, glIsTexture)); }
} // namespace

void Framebuffer::force_incomplete_for_test(int passing_checks) { g_checks_before_forced_failure = passing_checks; }

Framebuffer::Framebuffer(int width, int height, int samples) : width_(width), height_(height), samples_(samples) {
  // Ask the GL what it can do before allocating anything: a renderbuffer
  // and a viewport both have to hold the size.
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  GLint viewport[2] = {0, 0};
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
  const int max_w = std::min<int>(max_size, viewport[0] > 0 ? viewport[0] : max_size);
  const int max_h = std::min<int>(max_size, viewport[1] > 0 ? viewport[1] : max_size);
  if (width <= 0 || height <= 0)
    throw InputError("size " + std::to_string(width) + "x" + std::to_string(height), "width and height must be at least 1");
  if (width > max_w || height > max_h)
    throw InputError("size " + std::to_string(width) + "x" + std::to_string(height),
                     "larger than this OpenGL can draw offscreen (at most " + std::to_string(max_w) + "x" +
                         std::to_string(max_h) + ")");
  // The multisampled colour is a texture: its own limit may be below the
  // renderbuffers'.
  GLint max_samples = 0, max_texture_samples = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
  glGetIntegerv(GL_MAX_COLOR_TEXTURE_SAMPLES, &max_texture_samples);
  samples_ = std::clamp(samples, 0, static_cast<int>(std::min(max_samples, max_texture_samples)));

  // A failed completeness check must not leak what was already made: the
  // destructor does not run for a constructor that throws.
  try {
    allocate(width, height);
  } catch (...) {
    release();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    throw;
  }
}

void Framebuffer::allocate(int width, int height) {
  glGenFramebuffers(1, &fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glGenRenderbuffers(1, &colour_);
  glBindRenderbuffer(GL_RENDERBUFFER, colour_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_);
  // Only the buffer that is drawn into needs depth: with multisampling that
  // is the multisampled one, and the resolve target receives colour alone
  // (a 1920x1080 depth buffer less to allocate and clear on llvmpipe).
  if (samples_ <= 1) {
    glGenRenderbuffers(1, &depth_);
    glBindRenderbuffer(GL_RENDERBUFFER, depth_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth_);
  }
  check_complete("resolve");

  if (samples_ > 1) {
    // The caller's program and multisample texture binding (on its active
    // unit) are put back below: the viewer makes one of these mid-frame.
    GLint caller_program = 0, caller_texture = 0;
    glGetIntegerv(GL_CURRENT_PROGRAM, &caller_program);
    glGetIntegerv(GL_TEXTURE_BINDING_2D_MULTISAMPLE, &caller_texture);
    glGenFramebuffers(1, &msaa_fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_);
    glGenTextures(1, &msaa_colour_texture_);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, msaa_colour_texture_);
    glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, samples_, GL_RGBA8, width, height, GL_TRUE);
    bind_multisample_texture_if_alive(caller_texture);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D_MULTISAMPLE, msaa_colour_texture_, 0);
    glGenRenderbuffers(1, &msaa_depth_);
    glBindRenderbuffer(GL_RENDERBUFFER, msaa_depth_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_DEPTH_COMPONENT24, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, msaa_depth_);
    check_complete("multisampled");
    // The count the GL actually gave (a software GL may round a count up):
    // the resolve averages every sample there is.
    GLint given = 0;
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, msaa_colour_texture_);
    glGetTexLevelParameteriv(GL_TEXTURE_2D_MULTISAMPLE, 0, GL_TEXTURE_SAMPLES, &given);
    bind_multisample_texture_if_alive(caller_texture);
    if (given > 0) samples_ = given;
    GLint vao = 0;
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vao);
    glGenVertexArrays(1, &resolve_vao_);
    glBindVertexArray(resolve_vao_); // a vertex array exists from its first binding
    glBindVertexArray(static_cast<GLuint>(vao));
    // The sample count a constant, so the compiler unrolls the mean.
    std::string fragment = shader_source("resolve.frag");
    fragment.insert(fragment.find('\n') + 1, "#define SAMPLES " + std::to_string(samples_) + "\n");
    resolve_program_ = ShaderProgram("resolve.vert", shader_source("resolve.vert"), "resolve.frag", fragment);
    resolve_program_.use();
    resolve_program_.set("u_samples", 0);
    resolve_program_.set("u_height", height);
    use_program_if_alive(caller_program);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

Framebuffer::~Framebuffer() { release(); }

void Framebuffer::release() {
  GLuint fbos[] = {fbo_, msaa_fbo_};
  GLuint rbs[] = {colour_, depth_, msaa_depth_};
  glDeleteFramebuffers(2, fbos);
  glDeleteRenderbuffers(3, rbs);
  if (msaa_colour_texture_) glDeleteTextures(1, &msaa_colour_texture_);
  if (resolve_vao_) glDeleteVertexArrays(1, &resolve_vao_);
  resolve_program_ = ShaderProgram();
  fbo_ = msaa_fbo_ = colour_ = depth_ = msaa_depth_ = msaa_colour_texture_ = resolve_vao_ = 0;
}

void Framebuffer::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_ ? msaa_fbo_ : fbo_);
  glViewport(0, 0, width_, height_);
}

// glBlitFramebuffer resolves as well, but on llvmpipe its general blit shader
// took 45 ms of LLVM to compile, on the thread that starts the context while
// the atlas loads, the longest of the two; this one takes a fraction of that
// (docs/PERFORMANCE.md). The state it changes is put back; it assumes filled
// polygons (nothing in Crus sets glPolygonMode) and no rasterizer discard.
void Framebuffer::resolve(int w, int h) {
  GLint program = 0, vao = 0, texture = 0, active = 0, draw_target = 0, viewport[4];
  glGetIntegerv(GL_CURRENT_PROGRAM, &program);
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_target);
  glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vao);
  glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
  glActiveTexture(GL_TEXTURE0);
  glGetIntegerv(GL_TEXTURE_BINDING_2D_MULTISAMPLE, &texture);
  glGetIntegerv(GL_VIEWPORT, viewport);
  GLboolean mask[4];
  glGetBooleanv(GL_COLOR_WRITEMASK, mask);
  const GLenum caps[] = {GL_DEPTH_TEST, GL_BLEND, GL_CULL_FACE, GL_SCISSOR_TEST, GL_STENCIL_TEST, GL_MULTISAMPLE};
  GLboolean was[std::size(caps)];
  for (std::size_t i = 0; i < std::size(caps); ++i) {
    was[i] = glIsEnabled(caps[i]);
    glDisable(caps[i]);
  }
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);

  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo_);
  glViewport(0, 0, w, h);
  glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, msaa_colour_texture_);
  resolve_program_.use();
  glBindVertexArray(resolve_vao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);

  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, if_alive(draw_target, glIsFramebuffer));
  glBindVertexArray(if_alive(vao, glIsVertexArray));
  use_program_if_alive(program);
  bind_multisample_texture_if_alive(texture);
  glActiveTexture(static_cast<GLenum>(active));
  glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
  glColorMask(mask[0], mask[1], mask[2], mask[3]);
  for (std::size_t i = 0; i < std::size(caps); ++i)
    if (was[i]) glEnable(caps[i]);
}

void Framebuffer::warm_up_read_back() {
  if (msaa_fbo_) resolve(1, 1);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  std::uint8_t pixel[4];
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

std::vector<std::uint8_t> Framebuffer::read_rgba() {
  if (msaa_fbo_) resolve(width_, height_);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width_) * height_ * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (msaa_fbo_) return pixels; // the resolve wrote the rows top row first
  // GL's rows run bottom-up; images run top-down.
  std::size_t row = static_cast<std::size_t>(width_) * 4;
  for (int y = 0; y < height_ / 2; ++y)
    std::swap_ranges(pixels.begin() + y * row, pixels.begin() + (y + 1) * row, pixels.begin() + (height_ - 1 - y) * row);
  return pixels;
}

} // namespace crus::gfx
