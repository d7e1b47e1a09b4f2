// The frame `crus bench` times is the frame users get (issue 9, part 6): no
// lower level of detail, no multisampling or pass dropped for the benchmark.
// Bench's first frame is the anterior view of its orbit; `--frame-out`
// writes it, and it must match `crus render` of the same view and size
// (the viewer's renderer, headless) pixel for pixel within a small
// tolerance for rasteriser noise.
#include "core/io/image.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using crus::test::run_command;

struct Difference {
  double mean = 0.0;      // mean absolute difference per channel, 0..255
  double differing = 0.0; // fraction of pixels with a channel off by more than 16
};

Difference compare(const crus::Image& a, const crus::Image& b) {
  Difference d;
  const std::size_t pixels = static_cast<std::size_t>(a.width) * static_cast<std::size_t>(a.height);
  std::size_t off = 0;
  double sum = 0.0;
  for (std::size_t p = 0; p < pixels; ++p) {
    bool far = false;
    for (int c = 0; c < 3; ++c) {
      const int delta = std::abs(int(a.rgba[p * 4 + c]) - int(b.rgba[p * 4 + c]));
      sum += delta;
      far = far || delta > 16;
    }
    off += far;
  }
  d.mean = sum / (3.0 * static_cast<double>(pixels));
  d.differing = static_cast<double>(off) / static_cast<double>(pixels);
  return d;
}

TEST(BenchFrame, IsTheFrameCrusRenderDrawsOfTheSameView) {
  const auto dir = crus::test::scratch_dir("bench_frame");
  const std::string bench_png = (dir / "bench.png").string(), render_png = (dir / "render.png").string();
  const std::string size = "480x360";
  auto b = run_command(crus::test::crus_binary() + " bench --frames 1 --size " + size + " --frame-out " + bench_png);
  ASSERT_EQ(b.status, 0) << b.err;
  auto r = run_command(crus::test::crus_binary() + " render --view anterior --no-labels --size " + size + " --out " + render_png);
  ASSERT_EQ(r.status, 0) << r.err;
  const crus::Image bench = crus::read_png(bench_png), render = crus::read_png(render_png);
  ASSERT_EQ(bench.width, render.width);
  ASSERT_EQ(bench.height, render.height);
  // Not a blank frame on both sides: the leg covers a good part of the view.
  std::size_t background = 0;
  for (std::size_t p = 0; p < render.rgba.size(); p += 4)
    background +=
        render.rgba[p] == render.rgba[0] && render.rgba[p + 1] == render.rgba[1] && render.rgba[p + 2] == render.rgba[2];
  EXPECT_LT(static_cast<double>(background) / static_cast<double>(render.rgba.size() / 4), 0.95);
  const Difference d = compare(bench, render);
  EXPECT_LT(d.mean, 1.0) << "bench " << bench_png << " vs render " << render_png;
  EXPECT_LT(d.differing, 0.005) << "bench " << bench_png << " vs render " << render_png;
}

// `crus bench --moving`: a new pose each frame, posed, sent and drawn, each
// step timed (issue 12: the pose can change at 60 frames per second on a GPU;
// docs/PERFORMANCE.md has the figures). The light atlas, tiny frames.
TEST(BenchFrame, TimesAMovingLegStepByStep) {
  const std::string light = crus::test::source_dir() + "/assets/atlas/lower_leg_right_lod1.glb";
  auto b = run_command(crus::test::crus_binary() +
                       " bench --frames 3 --size 64x64 --json --moving knee=0:90,ankle=10:-20 --atlas " + light);
  ASSERT_EQ(b.status, 0) << b.err;
  const auto j = nlohmann::json::parse(b.out);
  ASSERT_TRUE(j.contains("moving")) << b.out;
  const auto& m = j["moving"];
  EXPECT_EQ(m["sweep"], "knee=0:90,ankle=10:-20");
  EXPECT_EQ(m["frames"], 3);
  EXPECT_GT(m["bind_ms"].get<double>(), 0.0);
  for (const char* key : {"pose_ms_median", "upload_ms_median", "draw_ms_median", "frame_ms_median"})
    EXPECT_GT(m[key].get<double>(), 0.0) << key;
  // Each frame holds its steps, so its median is at least each step's median.
  EXPECT_GE(m["frame_ms_median"].get<double>(), m["pose_ms_median"].get<double>());
  EXPECT_GE(m["frame_ms_median"].get<double>(), m["draw_ms_median"].get<double>());
  // The soft tissue is sent each frame (the light atlas's 22,768 vertices on
  // 4 December 2026); the bones are not (drawn through their matrices).
  EXPECT_GT(m["vertices_sent_per_frame"].get<std::size_t>(), 10000u);
}

TEST(BenchFrame, ABadMovementIsOneLineAndExitTwo) {
  auto b = run_command(crus::test::crus_binary() + " bench --frames 2 --size 64x64 --moving knee=0:400");
  EXPECT_EQ(b.status, 2);
  // The movement's own check (its joint and range), not the parser's "unknown option".
  EXPECT_NE(b.err.find("--moving"), std::string::npos) << b.err;
  EXPECT_NE(b.err.find("knee=400 is outside its range"), std::string::npos) << b.err;
  EXPECT_EQ(std::count(b.err.begin(), b.err.end(), '\n'), 1) << b.err;
}

} // namespace
