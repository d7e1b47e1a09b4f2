// A Framebuffer whose completeness check fails releases every GL object it
// made before the exception leaves the constructor (issue 9, part 3): the
// destructor does not run for a constructor that throws, so without the
// release in the constructor the names below would stay alive.
#include "core/error.hpp"
#include "gfx/framebuffer.hpp"
#include "platform/headless_context.hpp"

#include <gtest/gtest.h>
#include <memory>
#include <ostream>
#include <vector>

using namespace crus;

namespace {

// Live framebuffer and renderbuffer objects among the low names. Mesa hands
// out the lowest free name, so anything the constructor made lies in here;
// glIs* is true for a name only while its object exists.
struct LiveNames {
  int framebuffers = 0, renderbuffers = 0, textures = 0, vertex_arrays = 0, programs = 0;
  bool operator==(const LiveNames&) const = default;
  friend std::ostream& operator<<(std::ostream& os, const LiveNames& n) {
    return os << n.framebuffers << " framebuffer(s), " << n.renderbuffers << " renderbuffer(s), " << n.textures << " texture(s), "
              << n.vertex_arrays << " vertex array(s), " << n.programs << " program(s)";
  }
};
LiveNames live_names() {
  LiveNames n;
  for (GLuint name = 1; name <= 512; ++name) {
    n.framebuffers += glIsFramebuffer(name) == GL_TRUE;
    n.renderbuffers += glIsRenderbuffer(name) == GL_TRUE;
    n.textures += glIsTexture(name) == GL_TRUE;
    n.vertex_arrays += glIsVertexArray(name) == GL_TRUE;
    n.programs += glIsProgram(name) == GL_TRUE;
  }
  return n;
}

class FramebufferRelease : public ::testing::Test {
protected:
  static void SetUpTestSuite() { context_ = std::make_unique<platform::HeadlessContext>(); }
  static void TearDownTestSuite() { context_.reset(); }
  void TearDown() override { gfx::Framebuffer::force_incomplete_for_test(-1); }
  static std::unique_ptr<platform::HeadlessContext> context_;
};
std::unique_ptr<platform::HeadlessContext> FramebufferRelease::context_;

TEST_F(FramebufferRelease, TheCountSeesALiveFramebuffer) {
  // The measure itself: a framebuffer that stays alive shows in the count.
  const LiveNames before = live_names();
  gfx::Framebuffer fb(64, 48, 4);
  const LiveNames during = live_names();
  EXPECT_EQ(during.framebuffers, before.framebuffers + 2); // resolve + multisampled
  // Multisampled depth and resolve colour: the resolve target is never drawn
  // into with depth, so it has no depth buffer. The multisampled colour is a
  // texture the resolve shader reads, drawn with its own program and vertex array.
  EXPECT_EQ(during.renderbuffers, before.renderbuffers + 2);
  EXPECT_EQ(during.textures, before.textures + 1);
  EXPECT_EQ(during.vertex_arrays, before.vertex_arrays + 1);
  EXPECT_EQ(during.programs, before.programs + 1);
}

TEST_F(FramebufferRelease, ADestroyedFramebufferLeavesNothing) {
  const LiveNames before = live_names();
  { gfx::Framebuffer fb(64, 48, 4); }
  EXPECT_EQ(live_names(), before);
}

TEST_F(FramebufferRelease, ASingleSampledFramebufferKeepsItsDepth) {
  const LiveNames before = live_names();
  gfx::Framebuffer fb(64, 48, 1);
  const LiveNames during = live_names();
  EXPECT_EQ(during.framebuffers, before.framebuffers + 1);
  EXPECT_EQ(during.renderbuffers, before.renderbuffers + 2); // drawn into directly: colour and depth
}

TEST_F(FramebufferRelease, AFailedResolveCheckLeaksNothing) {
  const LiveNames before = live_names();
  gfx::Framebuffer::force_incomplete_for_test(0); // the first check: the resolve target
  try {
    gfx::Framebuffer fb(64, 48, 4);
    FAIL() << "the forced incomplete framebuffer was accepted";
  } catch (const RuntimeError& e) {
    EXPECT_NE(std::string(e.what()).find("incomplete"), std::string::npos) << e.what();
  }
  EXPECT_EQ(live_names(), before);
  GLint bound = -1;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &bound);
  EXPECT_EQ(bound, 0) << "the failed constructor left its framebuffer bound";
}

TEST_F(FramebufferRelease, AFailedMultisampledCheckLeaksNothing) {
  const LiveNames before = live_names();
  gfx::Framebuffer::force_incomplete_for_test(1); // the resolve target passes, the multisampled one fails
  EXPECT_THROW(gfx::Framebuffer(64, 48, 4), RuntimeError);
  EXPECT_EQ(live_names(), before);
}

TEST_F(FramebufferRelease, AfterAFailureTheNextFramebufferWorks) {
  gfx::Framebuffer::force_incomplete_for_test(0);
  EXPECT_THROW(gfx::Framebuffer(32, 32, 0), RuntimeError);
  gfx::Framebuffer fb(32, 32, 0); // the forced failure was one check only
  fb.bind();
  glClearColor(1.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  const auto px = fb.read_rgba();
  ASSERT_EQ(px.size(), 32u * 32u * 4u);
  EXPECT_EQ(px[0], 255);
  EXPECT_EQ(px[1], 0);
}

} // namespace

// crus render resolves and reads one pixel on its context thread before the
// frame is drawn (so llvmpipe compiles its resolve shader beside the import):
// that must leave no trace in what is read back afterwards, nor a GL error.
TEST_F(FramebufferRelease, AWarmUpReadLeavesTheLaterReadBackWhole) {
  gfx::Framebuffer fb(64, 48, 4);
  fb.bind();
  glClearColor(1.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  fb.warm_up_read_back();
  EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
  fb.bind();
  glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  const std::vector<std::uint8_t> pixels = fb.read_rgba();
  ASSERT_EQ(pixels.size(), 64u * 48u * 4u);
  std::size_t blue = 0;
  for (std::size_t i = 0; i < pixels.size(); i += 4) blue += pixels[i] == 0 && pixels[i + 1] == 0 && pixels[i + 2] == 255;
  EXPECT_EQ(blue, 64u * 48u);
}
