// Saved scenes: round trip, located schema faults, ids kept when the atlas
// lacks them, and atomic saves that survive a kill in the middle.
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/document/scene.hpp"
#include "core/document/scene_file.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace crus;

namespace {

Scene three_structures() {
  Scene s;
  for (const char* id : {"tibia", "soleus", "fibularis_longus"}) {
    SceneStructure st;
    st.id = id;
    s.structures.push_back(st);
  }
  return s;
}

SceneFile sample() {
  SceneFile f;
  f.title = "Lateral compartment";
  f.atlas.fingerprint = "0123abcd";
  f.atlas.structures = 3;
  f.scene.camera = CameraPose{{0.01f, 0.3f, 0.08f}, 1.1214307546f, 1.5707964f, -0.2f};
  f.scene.hidden = {"tibia"};
  f.scene.ghosted = {"soleus"};
  f.scene.pinned = {"fibularis_longus"};
  f.scene.selected = "fibularis_longus";
  f.scene.highlights.origin = true;
  f.scene.peel_layer = 2;
  f.scene.mirror = true;
  f.scene.overlay = {OverlayMode::trigger_point, "fibularis_longus_trp1", true};
  f.scene.painted = {{0.01f, 0.2f, 0.05f}, {0.02f, 0.21f, 0.05f}};
  f.scene.brush_radius = 0.02f;
  f.scene.labels = false;
  f.scene.text_size = 24.0f;
  f.scene.width = 1200;
  f.scene.height = 900;
  return f;
}

// The message of the InputError `text` raises, or "" when it parses.
std::string fault(const std::string& text) {
  try {
    parse_scene_file(text, "s.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

} // namespace

TEST(SceneFile, RoundTripIsExact) {
  const SceneFile f = sample();
  const std::string text = scene_file_to_json(f);
  const SceneFile back = parse_scene_file(text, "s.json");
  EXPECT_EQ(back, f); // floats included: the camera reproduces the render
  EXPECT_EQ(scene_file_to_json(back), text);
}

TEST(SceneFile, FaultsNameFileLineAndField) {
  std::string text = scene_file_to_json(sample());
  // Each edit breaks one field; the message names its line and path.
  auto with = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    auto at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return t.replace(at, from.size(), to);
  };
  auto line_of = [&](const std::string& t, const std::string& what) {
    return 1 + std::count(t.begin(), t.begin() + static_cast<long>(t.find(what)), '\n');
  };
  std::string t = with("\"distance\": 1.", "\"distance\": \"far\", \"x\": 1.");
  std::string m = fault(t);
  EXPECT_EQ(m.rfind("s.json:" + std::to_string(line_of(t, "\"distance\"")) + ": scene.camera.distance: ", 0), 0u) << m;
  t = with("\"peel_layer\": 2", "\"peel_layer\": 99");
  m = fault(t);
  EXPECT_EQ(m.rfind("s.json:" + std::to_string(line_of(t, "\"peel_layer\"")) + ": scene.peel_layer: 99 is out of range", 0), 0u)
      << m;
  t = with("\"mirror\"", "\"mirorr\"");
  EXPECT_NE(fault(t).find("scene.mirorr: unknown field"), std::string::npos) << fault(t);
  EXPECT_NE(fault(with("\"crus-scene\"", "\"crus-lesson\"")).find("s.json:2: format: not a Crus scene"), std::string::npos);
  EXPECT_NE(fault(R"({"entries": []})").find("s.json:1: format: not a Crus scene"), std::string::npos);
  EXPECT_NE(fault(with("\"version\": " + std::to_string(kSceneFormatVersion), "\"version\": 7"))
                .find("version: 7 was written by a newer Crus"),
            std::string::npos);
  EXPECT_NE(fault(text.substr(0, text.size() / 2)).find("s.json:"), std::string::npos);
  t = with("\"distance\": 1.", "\"distance\": 100"); // 1001214... m
  EXPECT_NE(fault(t).find("s.json:17: scene.camera.distance: 1.00121e+16 is out of range"), std::string::npos) << fault(t);
  t = with("\"mode\": \"trigger_point\"", "\"mode\": \"everything\"");
  EXPECT_NE(fault(t).find("scene.overlay.mode: "), std::string::npos) << fault(t);
}

TEST(SceneFile, UnknownIdsAreReportedAndKept) {
  const Scene atlas = three_structures();
  SceneSpec spec;
  spec.hidden = {"tibia", "plantaris"};
  spec.ghosted = {"gone_muscle"};
  spec.selected = "soleus";
  AppliedScene applied = apply_scene_spec(spec, atlas);
  EXPECT_EQ(applied.unknown_ids, (std::vector<std::string>{"plantaris", "gone_muscle"}));
  EXPECT_EQ(applied.state.visibility[0], Visibility::hidden);
  EXPECT_EQ(applied.state.selected, 1);
  // Saved again from this atlas: the ids it lacks are still there.
  SceneSpec again = capture_scene_spec(applied.state, atlas, CameraPose{}, &spec);
  EXPECT_EQ(again.hidden, (std::vector<std::string>{"tibia", "plantaris"}));
  EXPECT_EQ(again.ghosted, (std::vector<std::string>{"gone_muscle"}));
  EXPECT_EQ(again.selected, "soleus");
  // Isolation stays an isolation, its absent ids included.
  SceneSpec iso;
  iso.isolated = std::vector<std::string>{"soleus", "plantaris"};
  applied = apply_scene_spec(iso, atlas);
  EXPECT_EQ(applied.state.visibility, (std::vector<Visibility>{Visibility::hidden, Visibility::shown, Visibility::hidden}));
  again = capture_scene_spec(applied.state, atlas, CameraPose{}, &iso);
  ASSERT_TRUE(again.isolated);
  EXPECT_EQ(*again.isolated, (std::vector<std::string>{"soleus", "plantaris"}));
  EXPECT_TRUE(again.hidden.empty());
  EXPECT_NE(describe_unknown_ids({"plantaris"}).find("plantaris"), std::string::npos);
}

TEST(SceneFile, FingerprintFollowsTheIdsNotTheirOrder) {
  Scene a = three_structures(), b = three_structures();
  std::swap(b.structures[0], b.structures[2]);
  EXPECT_EQ(atlas_fingerprint(a), atlas_fingerprint(b));
  b.structures[1].id = "soleus_renamed";
  EXPECT_NE(atlas_fingerprint(a), atlas_fingerprint(b));
}

// A writer killed at any moment leaves the old scene or the new one, whole.
TEST(SceneFile, SaveSurvivesAKillDuringTheWrite) {
  const auto dir = crus::test::scratch_dir("scene_kill");
  const std::string path = (dir / "scene.json").string();
  SceneFile old_scene = sample();
  save_scene_file(path, old_scene);
  SceneFile big = sample();
  for (int i = 0; i < 20000; ++i) big.scene.painted.push_back({0.001f * static_cast<float>(i % 97), 0.2f, 0.05f});
  const std::string old_text = scene_file_to_json(old_scene), big_text = scene_file_to_json(big);
  ASSERT_GT(big_text.size(), 500000u); // long enough that kills land inside writes
  int killed_mid_run = 0;
  for (int round = 0; round < 12; ++round) {
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      for (;;) {
        save_scene_file(path, big);
        save_scene_file(path, old_scene);
      }
    }
    usleep(static_cast<useconds_t>(3000 + round * 1700));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    killed_mid_run += WIFSIGNALED(status);
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_TRUE(text == old_text || text == big_text) << "round " << round << ": " << text.size() << " bytes";
    EXPECT_NO_THROW(load_scene_file(path));
  }
  EXPECT_EQ(killed_mid_run, 12);
  // The temporaries of killed writers are cleaned up by the next save.
  save_scene_file(path, old_scene);
  int leftovers = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) leftovers += e.path().filename() != "scene.json";
  EXPECT_EQ(leftovers, 0);
}
