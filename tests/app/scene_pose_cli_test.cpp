// A posed figure saved as a scene and rendered again from it: crus render
// --pose ... --save-scene writes the pose, and --scene reproduces the same
// picture (not the neutral leg); a bad pose in a scene is one located line.
#include "core/io/image.hpp"
#include "support/test_support.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using crus::test::run_command;
namespace fs = std::filesystem;

namespace {
std::string crus_bin() { return crus::test::crus_binary(); }
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
// Channels that differ by more than one level.
std::size_t differing(const crus::Image& a, const crus::Image& b) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.rgba.size() && i < b.rgba.size(); ++i) n += std::abs(a.rgba[i] - b.rgba[i]) > 1;
  return n;
}
} // namespace

TEST(ScenePoseCli, ASavedPosedSceneRendersTheSamePosedFigure) {
  const fs::path dir = crus::test::scratch_dir("scene_pose_cli");
  const std::string posed = (dir / "posed.png").string(), again = (dir / "again.png").string(),
                    neutral = (dir / "neutral.png").string(), scene = (dir / "squat.crus-scene.json").string();
  auto r = run_command(crus_bin() +
                       " render --pose knee=90,ankle=20 --colour-by-length --view lateral --no-labels --size 240x240 --out " +
                       posed + " --save-scene " + scene);
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json saved = nlohmann::json::parse(slurp(scene));
  EXPECT_EQ(saved["version"], 2);
  EXPECT_EQ(saved["scene"]["pose"]["knee"], 90.0);
  EXPECT_EQ(saved["scene"]["pose"]["ankle"], 20.0);
  EXPECT_EQ(saved["scene"]["colour_by_length"], true);

  r = run_command(crus_bin() + " render --scene " + scene + " --out " + again);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("knee 90"), std::string::npos) << r.out; // the summary names the pose
  const crus::Image a = crus::read_png(posed), b = crus::read_png(again);
  ASSERT_EQ(a.width, b.width);
  ASSERT_EQ(a.height, b.height);
  EXPECT_LE(differing(a, b), a.rgba.size() / 1000);

  // Without the pose the figure is another one: the check above can fail.
  r = run_command(crus_bin() + " render --colour-by-length --view lateral --no-labels --size 240x240 --out " + neutral);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_GT(differing(a, crus::read_png(neutral)), a.rgba.size() / 50);
}

TEST(ScenePoseCli, AnAngleOutOfRangeIsOneLocatedLine) {
  const fs::path dir = crus::test::scratch_dir("scene_pose_cli_bad");
  const fs::path scene = dir / "bad.json";
  std::ofstream(scene) << R"({
  "format": "crus-scene",
  "version": 2,
  "atlas": { "name": "bundled", "fingerprint": "0" },
  "scene": { "pose": { "knee": 90,
                       "ankle": -55 } }
})";
  auto r = run_command(crus_bin() + " render --scene " + scene.string() + " --out " + (dir / "x.png").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("bad.json:6: scene.pose.ankle: -55 is out of range (-40 to 30)"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "x.png"));
}
