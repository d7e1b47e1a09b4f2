// The offscreen frame's multisample resolve (gfx/framebuffer.cpp) is drawn by
// a shader of its own instead of glBlitFramebuffer, whose general blit shader
// cost llvmpipe 45 ms to compile on a render's critical path. It must give the
// pixels the GL's own resolve gives, top row first, and leave the GL state
// the renderer set as it found it.
#include "gfx/framebuffer.hpp"
#include "gfx/shader_program.hpp"
#include "platform/headless_context.hpp"

#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>
#include <memory>
#include <vector>

using namespace crus;

namespace {

constexpr int kW = 97, kH = 61; // odd sizes: a flip that is off by one row shows

// Three slanted triangles with colours that vary across them, so edge pixels
// mix samples of different colours and of the background.
const char* kVertex = R"(#version 330 core
out vec3 v_colour;
void main() {
  const vec2 p[9] = vec2[9](vec2(-0.9, -0.8), vec2(0.7, -0.6), vec2(-0.3, 0.9),
                            vec2(0.1, -0.95), vec2(0.95, 0.2), vec2(0.3, 0.85),
                            vec2(-0.95, 0.3), vec2(-0.1, 0.1), vec2(-0.6, 0.95));
  const vec3 c[3] = vec3[3](vec3(1.0, 0.1, 0.0), vec3(0.0, 0.8, 0.3), vec3(0.2, 0.3, 1.0));
  v_colour = c[gl_VertexID % 3];
  gl_Position = vec4(p[gl_VertexID], 0.1 * float(gl_VertexID / 3), 1.0);
}
)";
const char* kFragment = R"(#version 330 core
in vec3 v_colour;
out vec4 frag_colour;
void main() { frag_colour = vec4(v_colour, 0.5 + 0.5 * v_colour.g); }
)";

class FramebufferResolve : public ::testing::Test {
protected:
  static void SetUpTestSuite() { context_ = std::make_unique<platform::HeadlessContext>(); }
  static void TearDownTestSuite() { context_.reset(); }
  static std::unique_ptr<platform::HeadlessContext> context_;

  void SetUp() override {
    program_ = gfx::ShaderProgram("test.vert", kVertex, "test.frag", kFragment);
    glGenVertexArrays(1, &vao_);
  }
  void TearDown() override { glDeleteVertexArrays(1, &vao_); }

  void draw_triangles() const {
    glClearColor(0.05f, 0.1f, 0.15f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    program_.use();
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, 9);
  }

  // The GL's own resolve of the same drawing: a multisampled renderbuffer
  // blitted into a plain one, read back and flipped to top row first.
  std::vector<std::uint8_t> blit_resolved(int samples) const {
    GLuint fbo[2], rb[3];
    glGenFramebuffers(2, fbo);
    glGenRenderbuffers(3, rb);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo[0]);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[0]);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, kW, kH);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb[0]);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[1]);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH_COMPONENT24, kW, kH);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, rb[1]);
    glViewport(0, 0, kW, kH);
    draw_triangles();
    glBindFramebuffer(GL_FRAMEBUFFER, fbo[1]);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[2]);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, kW, kH);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb[2]);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo[0]);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo[1]);
    glBlitFramebuffer(0, 0, kW, kH, 0, 0, kW, kH, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo[1]);
    std::vector<std::uint8_t> bottom_up(static_cast<std::size_t>(kW) * kH * 4), pixels(bottom_up.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, kW, kH, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    const std::size_t row = static_cast<std::size_t>(kW) * 4;
    for (int y = 0; y < kH; ++y)
      std::copy_n(bottom_up.begin() + static_cast<std::ptrdiff_t>(y * row), row,
                  pixels.begin() + static_cast<std::ptrdiff_t>((kH - 1 - y) * row));
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(2, fbo);
    glDeleteRenderbuffers(3, rb);
    return pixels;
  }

  gfx::ShaderProgram program_;
  GLuint vao_ = 0;
};
std::unique_ptr<platform::HeadlessContext> FramebufferResolve::context_;

TEST_F(FramebufferResolve, GivesThePixelsOfTheGLsOwnResolve) {
  glEnable(GL_DEPTH_TEST);
  for (int samples : {4, 2}) {
    gfx::Framebuffer fb(kW, kH, samples); // llvmpipe gives 4 when asked for 2
    ASSERT_GE(fb.samples(), samples);
    fb.bind();
    draw_triangles();
    const std::vector<std::uint8_t> ours = fb.read_rgba();
    const std::vector<std::uint8_t> gl = blit_resolved(samples);
    ASSERT_EQ(ours.size(), gl.size());
    int worst = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) worst = std::max(worst, std::abs(int(ours[i]) - int(gl[i])));
    EXPECT_LE(worst, 1) << samples << " samples: the resolve differs from glBlitFramebuffer's";
    // The drawing has edges whose pixels mix samples (they differ from the
    // same drawing without multisampling), so a resolve that took one sample
    // per pixel, or rows in the wrong order, would differ above.
    gfx::Framebuffer single(kW, kH, 0);
    single.bind();
    draw_triangles();
    const std::vector<std::uint8_t> one = single.read_rgba();
    std::size_t mixed = 0;
    for (std::size_t i = 0; i < one.size(); i += 4)
      mixed += std::abs(int(one[i]) - int(gl[i])) + std::abs(int(one[i + 1]) - int(gl[i + 1])) > 24;
    EXPECT_GT(mixed, 40u) << samples << " samples";
  }
  glDisable(GL_DEPTH_TEST);
  EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

TEST_F(FramebufferResolve, LeavesTheStateItFound) {
  gfx::Framebuffer fb(kW, kH, 4);
  fb.bind();
  draw_triangles();
  glEnable(GL_DEPTH_TEST);
  glEnable(GL_BLEND);
  glEnable(GL_CULL_FACE);
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 0, kW, kH);
  glEnable(GL_STENCIL_TEST);
  glDisable(GL_MULTISAMPLE);
  glColorMask(GL_TRUE, GL_FALSE, GL_TRUE, GL_TRUE);
  glViewport(3, 4, 50, 40);
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, texture);
  glActiveTexture(GL_TEXTURE2);
  GLint program_before = 0;
  glGetIntegerv(GL_CURRENT_PROGRAM, &program_before);
  ASSERT_NE(program_before, 0); // draw_triangles left its program in use
  (void)fb.read_rgba();
  GLint program = 0, vao = 0, active = 0, bound = 0, viewport[4];
  GLboolean mask[4];
  glGetIntegerv(GL_CURRENT_PROGRAM, &program);
  glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vao);
  glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
  glGetIntegerv(GL_VIEWPORT, viewport);
  glGetBooleanv(GL_COLOR_WRITEMASK, mask);
  glActiveTexture(GL_TEXTURE0);
  glGetIntegerv(GL_TEXTURE_BINDING_2D_MULTISAMPLE, &bound);
  EXPECT_EQ(program, program_before);
  EXPECT_TRUE(glIsEnabled(GL_DEPTH_TEST));
  EXPECT_TRUE(glIsEnabled(GL_BLEND));
  EXPECT_TRUE(glIsEnabled(GL_CULL_FACE));
  EXPECT_TRUE(glIsEnabled(GL_SCISSOR_TEST));
  EXPECT_TRUE(glIsEnabled(GL_STENCIL_TEST));
  EXPECT_FALSE(glIsEnabled(GL_MULTISAMPLE));
  EXPECT_EQ(vao, static_cast<GLint>(vao_));
  EXPECT_EQ(active, static_cast<GLint>(GL_TEXTURE2));
  EXPECT_EQ(bound, static_cast<GLint>(texture));
  EXPECT_EQ(viewport[0], 3);
  EXPECT_EQ(viewport[3], 40);
  EXPECT_EQ(mask[1], GL_FALSE);
  glDeleteTextures(1, &texture);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_MULTISAMPLE);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

// The viewer makes a framebuffer in the middle of its own frame (the handout's
// views): making one leaves the caller's program and texture as they were.
TEST_F(FramebufferResolve, MakingOneLeavesTheCallersProgramAndTexture) {
  program_.use();
  GLint program_before = 0;
  glGetIntegerv(GL_CURRENT_PROGRAM, &program_before);
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, texture);
  {
    gfx::Framebuffer fb(kW, kH, 4);
    GLint program = 0, bound = 0;
    glGetIntegerv(GL_CURRENT_PROGRAM, &program);
    glGetIntegerv(GL_TEXTURE_BINDING_2D_MULTISAMPLE, &bound);
    EXPECT_EQ(program, program_before);
    EXPECT_EQ(bound, static_cast<GLint>(texture));
  }
  glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, 0);
  glActiveTexture(GL_TEXTURE0);
  glDeleteTextures(1, &texture);
  glUseProgram(0);
  EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

// A program deleted while still in use goes once another replaces it:
// putting it back would be a GL error, so the binding falls back to none.
TEST_F(FramebufferResolve, ADeletedProgramInUseIsNotPutBack) {
  gfx::ShaderProgram doomed("test.vert", kVertex, "test.frag", kFragment);
  doomed.use();
  doomed = gfx::ShaderProgram(); // deleted, still current
  {
    gfx::Framebuffer fb(kW, kH, 4);
    fb.bind();
    draw_triangles();
    (void)fb.read_rgba();
  }
  EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
  glUseProgram(0);
}

} // namespace
