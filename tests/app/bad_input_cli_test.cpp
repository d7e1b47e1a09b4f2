// Issue 15 as the user meets it: bad files and bad options end with exit
// status 2 and one message naming the file or the option, before any long
// work; damaged knowledge files are reported on stderr while the rest works.
#include "support/fixtures.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using crus::test::run_command;
namespace fs = std::filesystem;

namespace {

std::string crus_bin() { return crus::test::crus_binary(); }
fs::path source_assets() { return fs::path(crus::test::source_dir()) / "assets"; }
#define NEEDS_ATLAS() CRUS_REQUIRE_BUNDLED(source_assets() / "atlas" / "lower_leg_right.glb")

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
int count_lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// An assets folder whose atlas is the bundled one (linked) and whose
// knowledge is a private copy to damage. Returns "CRUS_ASSETS=... crus".
struct Assets {
  fs::path dir;
  fs::path knowledge() const { return dir / "knowledge"; }
  std::string crus() const { return "CRUS_ASSETS='" + dir.string() + "' " + crus_bin(); }
};
Assets assets_copy(const std::string& name) {
  Assets a{crus::test::scratch_dir(name) / "assets"};
  fs::create_directories(a.knowledge());
  fs::create_directory_symlink(source_assets() / "atlas", a.dir / "atlas");
  for (const auto& f : fs::directory_iterator(source_assets() / "knowledge"))
    fs::copy_file(f.path(), a.knowledge() / f.path().filename());
  return a;
}

std::string box_atlas(const std::string& name) {
  auto dir = crus::test::scratch_dir(name);
  return crus::test::write_box_gltf((dir / "leg.gltf").string(),
                                    {{"tibia", {-0.05f, 0.25f, 0.07f}, {0.02f, 0.2f, 0.02f}, {0.9f, 0.85f, 0.7f, 1}},
                                     {"soleus", {-0.09f, 0.25f, 0.08f}, {0.02f, 0.12f, 0.03f}, {0.6f, 0.1f, 0.1f, 1}}});
}

double seconds_of(const std::function<void()>& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Cases 1 and 2: a 30,000-character id and 100,000 nested brackets crashed
// every command; now validate names the file and line, and the other
// commands still run.
TEST(BadInputCli, HostileKnowledgeFilesAreReportedNotFatal) {
  NEEDS_ATLAS();
  Assets a = assets_copy("bad_knowledge_hostile");
  std::string muscles = read(a.knowledge() / "muscles.json");
  const auto at = muscles.find("\"id\": \"soleus\"");
  ASSERT_NE(at, std::string::npos);
  const int line = 1 + static_cast<int>(std::count(muscles.begin(), muscles.begin() + static_cast<long>(at), '\n'));
  muscles.replace(at, 14, "\"id\": \"" + std::string(30000, 'q') + "-\"");
  write(a.knowledge() / "muscles.json", muscles);
  write(a.knowledge() / "deep.json", std::string(100000, '['));
  auto r = run_command(a.crus() + " validate");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_TRUE(has(r.out, "muscles.json:" + std::to_string(line) + ":")) << r.out.substr(0, 2000);
  EXPECT_TRUE(has(r.out, "does not match pattern")) << r.out.substr(0, 2000);
  EXPECT_TRUE(has(r.out, "deep.json:1:")) << r.out.substr(0, 2000);
  EXPECT_TRUE(has(r.out, "nesting deeper than 64")) << r.out.substr(0, 2000);
  r = run_command(a.crus() + " info tibia");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.err, "deep.json")) << r.err;
}

// Case 3: a schema nested 50,000 deep.
TEST(BadInputCli, DeeplyNestedSchemaIsAnInputError) {
  NEEDS_ATLAS();
  Assets a = assets_copy("bad_knowledge_schema");
  std::string text = "{\n\"type\": \"object\", \"properties\": {\"x\": ";
  for (int i = 0; i < 50000; ++i) text += "{\"items\": ";
  text += "true" + std::string(50000, '}') + "}}";
  write(a.knowledge() / "schema.json", text);
  auto r = run_command(a.crus() + " validate");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_TRUE(has(r.out, "schema.json:2:")) << r.out.substr(0, 2000);
  EXPECT_TRUE(has(r.out, "nesting deeper than")) << r.out.substr(0, 2000);
}

// Case 7: numbers a double cannot hold are input errors with file and line.
TEST(BadInputCli, HugeNumbersAreExit2WithFileAndLine) {
  const std::string atlas = box_atlas("bad_huge_map");
  const fs::path map = fs::path(atlas).parent_path() / "map.json";
  write(map, "{\n\"units\": \"m\",\n\"scale\": 1e400,\n\"nodes\": []\n}");
  auto r = run_command(crus_bin() + " list --atlas " + atlas + " --atlas-map " + map.string());
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_TRUE(has(r.err, map.string() + ":3")) << r.err;
  EXPECT_TRUE(has(r.err, "too large for a double")) << r.err;
  EXPECT_FALSE(has(r.err, "json.exception")) << r.err;

  NEEDS_ATLAS();
  Assets a = assets_copy("bad_huge_knowledge");
  for (const char* file : {"trigger_points.json", "red_flags.json", "nerves.json"}) {
    std::string text = read(a.knowledge() / file);
    const auto brace = text.find('{');
    text.insert(brace + 1, "\n\"x\": 4e900,");
    write(a.knowledge() / file, text);
  }
  r = run_command(a.crus() + " validate");
  EXPECT_EQ(r.status, 2);
  for (const char* file : {"trigger_points.json:2", "red_flags.json:2", "nerves.json:2"})
    EXPECT_TRUE(has(r.out, file)) << file << "\n" << r.out.substr(0, 3000);
  EXPECT_FALSE(has(r.out + r.err, "json.exception")) << r.out.substr(0, 3000);
}

// Case 8: node names that are not UTF-8 never make JSON output fail.
TEST(BadInputCli, NonUtf8NodeNamesStillGiveJson) {
  const fs::path obj = crus::test::scratch_dir("bad_utf8") / "leg.obj";
  write(obj, "o bad\xff"
             "name\nv 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 1 2 3\nf 1 3 4\nf 1 4 2\nf 2 4 3\n");
  const std::string atlas = " --atlas " + obj.string() + " --json";
  // The id as the user types it (raw bytes) finds the sanitised structure.
  for (const std::string& args : {"list" + atlas, "search bad" + atlas, "info $(printf 'unlabelled:bad\\377name')" + atlas}) {
    auto r = run_command(crus_bin() + " " + args);
    EXPECT_EQ(r.status, 0) << args << ": " << r.err;
    EXPECT_TRUE(nlohmann::json::accept(r.out)) << args << ": " << r.out;
    EXPECT_TRUE(has(r.out, "bad\xEF\xBF\xBDname")) << args << ": " << r.out;
  }
}

// Cases 10 and 11: outputs are checked before the work starts.
TEST(BadInputCli, UnwritableOutputsAreRefusedBeforeWork) {
  const std::string atlas = box_atlas("bad_out");
  auto r = run_command(crus_bin() + " render --atlas " + atlas + " --out ''");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r.err, "--out")) << r.err;
  EXPECT_FALSE(has(r.err, "Success")) << r.err;
  r = run_command(crus_bin() + " render --atlas " + atlas + " --size 64x64 --out /proc/crus.png");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r.err, "--out: /proc")) << r.err;
  r = run_command(crus_bin() + " handout --atlas " + atlas + " --trigger-point soleus_trp1 --out /proc/crus.png");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r.err, "--out")) << r.err;
  // Generating the atlas takes over a minute: the refusal must come first.
  const double took = seconds_of([&] { r = run_command(crus_bin() + " atlas build --out /proc/nope"); });
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_TRUE(has(r.err, "--out: /proc/nope")) << r.err;
  EXPECT_LT(took, 10.0);
}

// Case 12: every numeric option names itself when it is at fault.
TEST(BadInputCli, NumericOptionsNameTheOptionAtFault) {
  for (const char* bad : {"nan", "inf", "-1", "0", "1e30"}) {
    auto r = run_command(crus_bin() + " referral --at 0,0.3,0 --max-distance " + bad);
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_TRUE(has(r.err, "--max-distance")) << bad << ": " << r.err;
    EXPECT_FALSE(has(r.err, "--at")) << bad << ": " << r.err;
  }
  for (const char* bad : {"1e20,0,0", "0,nan,0", "0,0,-1e39", "1,2", "1,2,3,4"}) {
    for (const char* cmd : {"referral", "handout --out x.png"}) {
      auto r = run_command(crus_bin() + " " + cmd + " --at " + std::string(bad));
      EXPECT_EQ(r.status, 2) << cmd << " " << bad;
      EXPECT_TRUE(has(r.err, "--at")) << cmd << " " << bad << ": " << r.err;
      EXPECT_FALSE(has(r.err, "no triangles")) << r.err;
    }
  }
  for (const char* cmd : {"bench --frames 0", "bench --frames 1e9", "search x --limit 0", "search x --limit nan"}) {
    auto r = run_command(crus_bin() + " " + cmd);
    EXPECT_EQ(r.status, 2) << cmd;
    EXPECT_TRUE(has(r.err, std::string(cmd).substr(std::string(cmd).find("--"), 7))) << cmd << ": " << r.err;
  }
}

// Case 14: sizes beyond the pixel budget are refused at once, by name.
TEST(BadInputCli, HugeSizesAreRefusedClearly) {
  const std::string atlas = box_atlas("bad_size");
  for (const char* cmd : {"render --out x.png", "bench --frames 1"}) {
    for (const char* size : {"16384x16384", "16385x16", "0x10", "12000x8000"}) {
      auto r = run_command(crus_bin() + " " + cmd + " --atlas " + atlas + " --size " + size);
      EXPECT_EQ(r.status, 2) << cmd << " " << size;
      EXPECT_EQ(count_lines(r.err), 1) << r.err;
      EXPECT_TRUE(has(r.err, "--size")) << r.err;
      EXPECT_FALSE(has(r.err, "framebuffer")) << r.err;
    }
  }
}

// Case 13: render and info say which data could not be loaded and go on.
TEST(BadInputCli, RenderAndInfoReportUnloadableData) {
  NEEDS_ATLAS();
  Assets a = assets_copy("bad_report");
  write(a.knowledge() / "trigger_points.json", read(a.knowledge() / "trigger_points.json") + "[");
  write(a.knowledge() / "red_flags.json", "{");
  std::string muscles = read(a.knowledge() / "muscles.json");
  muscles.insert(muscles.find('{') + 1, "\n\"x\": 1e400,");
  write(a.knowledge() / "muscles.json", muscles);
  const fs::path out = crus::test::scratch_dir("bad_report_out") / "x.png";
  auto r = run_command(a.crus() + " render --size 64x48 --out " + out.string());
  for (const std::string& cmd : {std::string("render"), std::string("info")}) {
    if (cmd == "info") r = run_command(a.crus() + " info soleus");
    EXPECT_EQ(r.status, 0) << cmd << ": " << r.err;
    EXPECT_TRUE(has(r.err, "muscles.json:2")) << cmd << ": " << r.err;
    EXPECT_TRUE(has(r.err, "trigger points not loaded")) << cmd << ": " << r.err;
    EXPECT_TRUE(has(r.err, "trigger_points.json")) << cmd << ": " << r.err;
    EXPECT_TRUE(has(r.err, "red flags not loaded")) << cmd << ": " << r.err;
    EXPECT_TRUE(has(r.err, cmd == "render" ? "the picture is drawn" : "geometry")) << cmd << ": " << r.err;
  }
  EXPECT_TRUE(fs::exists(out));
}

} // namespace
