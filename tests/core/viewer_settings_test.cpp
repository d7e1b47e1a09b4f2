#include "core/io/file_io.hpp"
#include "core/document/viewer_settings.hpp"
#include "support/test_support.hpp"

#include <cstdlib>
#include <set>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace crus;

namespace {

// Points the config folder at a fresh temporary one for the test.
class ConfigHome : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = test::scratch_dir("config_home");
    const char* old = std::getenv("XDG_CONFIG_HOME");
    old_ = old ? old : "";
    had_ = old != nullptr;
    setenv("XDG_CONFIG_HOME", dir_.c_str(), 1);
  }
  void TearDown() override {
    if (had_) setenv("XDG_CONFIG_HOME", old_.c_str(), 1);
    else unsetenv("XDG_CONFIG_HOME");
  }
  std::string settings_path() const { return user_config_dir() + "/settings.json"; }
  std::filesystem::path dir_;
  std::string old_;
  bool had_ = false;
};

TEST_F(ConfigHome, SettingsSurviveARestartInTheXdgConfigFolder) {
  ASSERT_EQ(settings_path().rfind(dir_.string(), 0), 0u) << settings_path();
  ViewerSettings s;
  s.text_size = 26.0f;
  s.open_panels = std::vector<std::string>{"Info", "Trigger points"};
  s.light_background = true;
  s.ambient_occlusion = false;
  s.view = SavedView{{-0.06f, 0.3f, 0.07f}, 0.9f, 3.14f, 0.2f};
  s.atlas = "/data/leg.glb";
  save_viewer_settings(settings_path(), s);
  LoadedSettings back = load_viewer_settings(settings_path());
  EXPECT_TRUE(back.problem.empty()) << back.problem;
  EXPECT_FLOAT_EQ(back.settings.text_size, 26.0f);
  ASSERT_TRUE(back.settings.open_panels);
  EXPECT_EQ(back.settings.open_panels->at(1), "Trigger points");
  EXPECT_TRUE(back.settings.light_background);
  EXPECT_FALSE(back.settings.ambient_occlusion);
  ASSERT_TRUE(back.settings.view);
  EXPECT_FLOAT_EQ(back.settings.view->yaw, 3.14f);
  EXPECT_EQ(back.settings.atlas, "/data/leg.glb");
}

TEST_F(ConfigHome, NoFileGivesTheDefaultsQuietly) {
  LoadedSettings s = load_viewer_settings(settings_path());
  EXPECT_TRUE(s.problem.empty());
  EXPECT_FLOAT_EQ(s.settings.text_size, 17.0f);
  EXPECT_FALSE(s.settings.open_panels);
}

TEST_F(ConfigHome, ACorruptFileGivesTheDefaultsAndSaysWhich) {
  for (const char* text : {"{\"text_size\": 26, ", "[1, 2]", "{\"text_size\": \"big\"}", "\x01\x02"}) {
    std::ofstream(settings_path()) << text;
    LoadedSettings s = load_viewer_settings(settings_path());
    EXPECT_NE(s.problem.find(settings_path()), std::string::npos) << s.problem;
    EXPECT_NE(s.problem.find("default"), std::string::npos) << s.problem;
    EXPECT_FLOAT_EQ(s.settings.text_size, 17.0f) << text;
  }
  // Absurd values are brought back into range instead.
  std::ofstream(settings_path()) << R"({"text_size": 1000, "view": {"target": [0,0,0], "distance": -5, "yaw": 0, "pitch": 0}})";
  LoadedSettings s = load_viewer_settings(settings_path());
  EXPECT_TRUE(s.problem.empty()) << s.problem;
  EXPECT_FLOAT_EQ(s.settings.text_size, 40.0f);
  EXPECT_FALSE(s.settings.view);
}

TEST_F(ConfigHome, NothingAboutAPatientIsStored) {
  // The file holds only these keys: none can carry a name, notes or a
  // painted pain area.
  ViewerSettings s;
  s.open_panels = std::vector<std::string>{"Where does it hurt?"};
  s.view = SavedView{};
  s.atlas = "a.glb";
  s.atlas_map = "m.json";
  const auto j = nlohmann::json::parse(to_json(s));
  const std::set<std::string> allowed{
      "text_size", "open_panels", "light_background", "ambient_occlusion", "panels_hidden", "mirror",
      "view",      "atlas",       "atlas_map"};
  for (const auto& [key, value] : j.items()) EXPECT_TRUE(allowed.count(key)) << key;
}

} // namespace
