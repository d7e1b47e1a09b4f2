// crus render --scene / --save-scene / --transparent as a user runs them.
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
} // namespace

// The figure a saved scene renders is the figure it was saved from.
TEST(SceneCli, RenderingTheSavedSceneGivesTheSameImage) {
  const fs::path dir = crus::test::scratch_dir("scene_cli_same");
  const std::string a = (dir / "a.png").string(), b = (dir / "b.png").string(), s = (dir / "a.crus-scene.json").string();
  auto r = run_command(crus_bin() +
                       " render --view lateral --select fibularis_longus --highlight origin,insertion --ghost soleus"
                       " --hide gastrocnemius_lateral_head --size 320x240 --out " +
                       a + " --save-scene " + s);
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json scene = nlohmann::json::parse(slurp(s));
  EXPECT_EQ(scene["format"], "crus-scene");
  EXPECT_EQ(scene["scene"]["selected"], "fibularis_longus");
  EXPECT_EQ(scene["scene"]["hidden"][0], "gastrocnemius_lateral_head");
  r = run_command(crus_bin() + " render --scene " + s + " --out " + b);
  ASSERT_EQ(r.status, 0) << r.err;
  const crus::Image ia = crus::read_png(a), ib = crus::read_png(b);
  ASSERT_EQ(ia.width, 320);
  ASSERT_EQ(ib.width, ia.width); // the scene's size is used when --size is not given
  ASSERT_EQ(ib.height, ia.height);
  // Tolerance: none needed on one machine (the same GL calls); allow a
  // level of rounding on at most 0.1% of the channels for other drivers.
  std::size_t differ = 0;
  for (std::size_t i = 0; i < ia.rgba.size(); ++i) differ += std::abs(ia.rgba[i] - ib.rgba[i]) > 1;
  EXPECT_LE(differ, ia.rgba.size() / 1000);
  // A different scene would not pass: the same render without the ghosting differs.
  r = run_command(crus_bin() + " render --view lateral --select fibularis_longus --size 320x240 --out " + b);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(slurp(a), slurp(b));
}

TEST(SceneCli, BadSceneIsOneLocatedLineAndChangesNothing) {
  const fs::path dir = crus::test::scratch_dir("scene_cli_bad");
  const std::string s = (dir / "bad.json").string(), out = (dir / "x.png").string();
  std::ofstream(s)
      << "{\n  \"format\": \"crus-scene\",\n  \"version\": 1,\n  \"atlas\": {\"name\": \"bundled\", \"fingerprint\": \"00\"},\n"
         "  \"scene\": {\n    \"view\": \"sideways\"\n  }\n}\n";
  auto r = run_command(crus_bin() + " render --scene " + s + " --out " + out);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "crus: " + s +
                       ":6: scene.view: \"sideways\" is not one of: \"anterior\", \"posterior\", \"medial\", \"lateral\", "
                       "\"superior\", \"inferior\"\n");
  EXPECT_FALSE(fs::exists(out));
  r = run_command(crus_bin() + " render --scene " + crus::test::source_dir() + "/assets/knowledge/muscles.json --out " + out);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("format: not a Crus scene"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST(SceneCli, UnknownIdsWarnAndStayInTheSavedScene) {
  const fs::path dir = crus::test::scratch_dir("scene_cli_unknown");
  const std::string s = (dir / "s.json").string(), s2 = (dir / "s2.json").string(), out = (dir / "x.png").string();
  std::ofstream(s) << R"({"format": "crus-scene", "version": 1, "atlas": {"name": "bundled", "fingerprint": "00"},
                         "scene": {"view": "posterior", "ghosted": ["soleus", "gastrocnemius_tertius"]}})";
  auto r = run_command(crus_bin() + " render --scene " + s + " --size 160x120 --out " + out + " --save-scene " + s2);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("gastrocnemius_tertius"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("structures have changed"), std::string::npos) << r.err; // fingerprint 00
  const nlohmann::json saved = nlohmann::json::parse(slurp(s2));
  EXPECT_EQ(saved["scene"]["ghosted"], (nlohmann::json{"soleus", "gastrocnemius_tertius"}));
}

TEST(SceneCli, TransparentBackground) {
  const fs::path dir = crus::test::scratch_dir("scene_cli_transparent");
  const std::string out = (dir / "t.png").string();
  auto r = run_command(crus_bin() + " render --view anterior --size 200x300 --transparent --out " + out);
  ASSERT_EQ(r.status, 0) << r.err;
  const crus::Image img = crus::read_png(out);
  EXPECT_EQ(img.at(2, 2)[3], 0);       // background: fully transparent
  EXPECT_EQ(img.at(100, 150)[3], 255); // the leg in the middle: opaque
}
