// crus render --pose / --animate / --colour-by-length: the posed leg is
// drawn (not the rest pose), an animation writes its frames, muscles take
// the length palette, and bad input gets one line and exit status 2.
#include "core/io/image.hpp"
#include "core/motion/length_colours.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using crus::test::run_command;

namespace {
std::string crus_bin() { return crus::test::crus_binary(); }
bool atlas_present() { return std::filesystem::exists(crus::test::source_dir() + "/assets/atlas/lower_leg_right.glb"); }
// The fraction of pixels that differ by more than 24 in some channel.
double differing(const crus::Image& a, const crus::Image& b) {
  std::size_t n = 0;
  for (std::size_t i = 0; i + 3 < a.rgba.size(); i += 4)
    for (std::size_t c = 0; c < 3; ++c)
      if (std::abs(static_cast<int>(a.rgba[i + c]) - static_cast<int>(b.rgba[i + c])) > 24) {
        ++n;
        break;
      }
  return static_cast<double>(n) / static_cast<double>(a.rgba.size() / 4);
}
} // namespace

TEST(RenderPoseCli, AnimationWritesEveryFrameAndTheFootMoves) {
  ASSERT_TRUE(atlas_present()) << "the bundled atlas is missing; it is part of the repository";
  const auto dir = crus::test::scratch_dir("render_pose") / "frames";
  auto r = run_command(crus_bin() + " render --animate ankle=-40:30 --frames 3 --view medial --size 160x160 --no-labels --out " +
                       dir.string());
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* f : {"frame_000.png", "frame_001.png", "frame_002.png"}) ASSERT_TRUE(std::filesystem::exists(dir / f)) << f;
  EXPECT_FALSE(std::filesystem::exists(dir / "frame_003.png"));
  const crus::Image first = crus::read_png((dir / "frame_000.png").string());
  const crus::Image last = crus::read_png((dir / "frame_002.png").string());
  EXPECT_GT(differing(first, last), 0.01); // the foot swings 70 degrees
  // The same pose twice draws the same picture (determinism).
  const auto once = crus::test::scratch_dir("render_pose") / "once.png",
             again = crus::test::scratch_dir("render_pose") / "again.png";
  for (const auto& out : {once, again}) {
    r = run_command(crus_bin() + " render --pose ankle=30,knee=60 --view medial --size 160x160 --no-labels --out " +
                    out.string());
    ASSERT_EQ(r.status, 0) << r.err;
  }
  EXPECT_EQ(crus::read_png(once.string()).rgba, crus::read_png(again.string()).rgba);
}

TEST(RenderPoseCli, ColourByLengthPaintsShorteningPurple) {
  ASSERT_TRUE(atlas_present()) << "the bundled atlas is missing; it is part of the repository";
  // The calf, alone and from behind, in full plantarflexion: the triceps
  // surae shortens, so purple (blue above red) pixels appear.
  const auto out = crus::test::scratch_dir("render_pose") / "length.png";
  auto r = run_command(crus_bin() + " render --pose ankle=-40 --colour-by-length --isolate soleus,gastrocnemius_medial_head " +
                       "--view posterior --size 200x200 --no-labels --out " + out.string());
  ASSERT_EQ(r.status, 0) << r.err;
  const crus::Image img = crus::read_png(out.string());
  std::size_t purple = 0;
  for (std::size_t i = 0; i + 3 < img.rgba.size(); i += 4)
    if (img.rgba[i + 2] > img.rgba[i] + 20 && img.rgba[i + 2] > img.rgba[i + 1] + 20) ++purple;
  EXPECT_GT(purple, 500u);
}

TEST(RenderPoseCli, BadPosesAndAnimationsAreOneLineAndExitTwo) {
  const auto dir = crus::test::scratch_dir("render_pose_bad");
  for (const std::string args :
       {"--pose knee=200", "--pose hip=10", "--pose knee=", "--animate ankle=-40", "--animate ankle=-40:90",
        "--animate ankle=-40:30 --frames 1",
        "--pose knee=10 --section 40% --section-style model" /* the page may be posed, the 3D cut not yet */}) {
    auto r = run_command(crus_bin() + " render " + args + " --size 64x64 --out " + (dir / "x.png").string());
    EXPECT_EQ(r.status, 2) << args << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << ": " << r.err;
  }
  // A bad movement is refused before its frames folder is made.
  auto r = run_command(crus_bin() + " render --animate ankle=-40:90 --out " + (dir / "never").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "never"));
  r = run_command(crus_bin() + " render --animate ankle=-40:30 --out " + (dir / "frames.png").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("folder"), std::string::npos) << r.err;
}

TEST(LengthPalette, ShorteningIsPurpleLengtheningOrangeAndItSaturates) {
  using crus::motion::length_change_srgb;
  const glm::vec3 s = length_change_srgb(-20.0, 10.0), l = length_change_srgb(20.0, 10.0), z = length_change_srgb(0.0, 10.0);
  EXPECT_GT(s.b, s.r);
  EXPECT_GT(l.r, l.b);
  EXPECT_NEAR(z.r, z.b, 1e-6f);
  EXPECT_EQ(length_change_srgb(-10.0, 10.0), s); // saturates at the full scale
}
