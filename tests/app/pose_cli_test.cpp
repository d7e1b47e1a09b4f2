// crus pose: the pose, every muscle's length and moment arms, every
// structure's posed centroid; bad input gets one line and exit status 2.
#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

using crus::test::run_command;

namespace {
std::string crus_bin() { return crus::test::crus_binary(); }
std::string assets() {
  const char* env = std::getenv("CRUS_ASSETS");
  return env ? env : crus::test::source_dir() + "/assets";
}
int count_lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

const nlohmann::json* find_id(const nlohmann::json& array, const std::string& id) {
  for (const auto& x : array)
    if (x["id"] == id) return &x;
  return nullptr;
}
} // namespace

TEST(PoseCli, JsonHasThePoseEveryMuscleAndEveryStructure) {
  CRUS_REQUIRE_BUNDLED(assets() + "/atlas/lower_leg_right.glb");
  auto r = run_command(crus_bin() + " pose --set knee=90,ankle=-20,subtalar=0,mtp=0 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["pose"]["knee_deg"], 90.0);
  EXPECT_EQ(j["pose"]["ankle_deg"], -20.0);
  EXPECT_EQ(j["pose"]["subtalar_deg"], 0.0);
  EXPECT_EQ(j["pose"]["mtp_deg"], 0.0);
  ASSERT_EQ(j["muscles"].size(), 14u);
  for (const auto& m : j["muscles"]) {
    for (const char* key : {"length_m", "rest_length_m", "change_mm", "change_pct"})
      EXPECT_TRUE(m[key].is_number()) << m["id"] << key;
    for (const char* joint : {"knee", "ankle", "subtalar", "mtp"})
      EXPECT_TRUE(m["moment_arm_m"][joint].is_number()) << m["id"] << joint;
    EXPECT_NEAR(m["change_mm"].get<double>(), 1000.0 * (m["length_m"].get<double>() - m["rest_length_m"].get<double>()), 1e-3);
  }
  // Bent knee, pointed foot: the gastrocnemius is much shorter, the soleus a little.
  const auto* gm = find_id(j["muscles"], "gastrocnemius_medial_head");
  const auto* sol = find_id(j["muscles"], "soleus");
  ASSERT_TRUE(gm && sol);
  EXPECT_LT((*gm)["change_mm"].get<double>(), (*sol)["change_mm"].get<double>() - 15.0);
  EXPECT_LT((*sol)["change_mm"].get<double>(), -5.0);
  EXPECT_GT((*gm)["moment_arm_m"]["knee"].get<double>(), 0.005);
  // Every structure, bones exact, the rest flagged as approximate.
  ASSERT_GE(j["structures"].size(), 40u);
  const auto* femur = find_id(j["structures"], "femur");
  const auto* talus = find_id(j["structures"], "talus");
  const auto* soleus = find_id(j["structures"], "soleus");
  ASSERT_TRUE(femur && talus && soleus);
  EXPECT_EQ((*femur)["centroid"], (*femur)["rest_centroid"]); // the femur is fixed
  EXPECT_EQ((*talus)["deformed"], false);
  EXPECT_EQ((*soleus)["deformed"], true);
  EXPECT_EQ((*soleus)["body"], "tibia");
  // With the knee at 90 degrees the talus swings behind the knee, level with it.
  EXPECT_LT((*talus)["centroid"][0].get<double>(), -0.35);
  EXPECT_GT((*talus)["centroid"][1].get<double>(), 0.40);
}

TEST(PoseCli, NeutralChangesNothingAndRanksPlantarflexors) {
  auto r = run_command(crus_bin() + " pose --no-structures --movement \"ankle plantarflexion\" --json");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  for (const auto& m : j["muscles"]) EXPECT_EQ(m["change_mm"].get<double>(), 0.0) << m["id"];
  EXPECT_FALSE(j.contains("structures"));
  const auto& ranked = j["producers"]["ranked"];
  ASSERT_GE(ranked.size(), 3u);
  EXPECT_EQ(ranked[0]["id"], "soleus");
  EXPECT_EQ(ranked[1]["id"], "gastrocnemius_medial_head");
  EXPECT_EQ(j["producers"]["no_published_parameters"][0]["id"], "plantaris");
}

TEST(PoseCli, TextOutputNamesMusclesAndRanking) {
  auto r = run_command(crus_bin() + " pose --no-structures --set ankle=-30 --movement \"subtalar eversion\"");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* word : {"ankle -30", "tibialis_anterior", "subtalar eversion", "fibularis_longus", "fibularis_tertius"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word << "\n" << r.out;
}

TEST(PoseCli, BadInputGetsOneLineNamingTheOptionAndExit2) {
  for (const char* args : {"--set elbow=10", "--set knee=130", "--set ankle=-41", "--set knee", "--set knee=abc",
                           "--set knee=1,,ankle=2", "--set knee=1,knee=2", "--set \"\"", "--movement \"elbow flexion\""}) {
    auto r = run_command(crus_bin() + " pose --no-structures " + args);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_EQ(count_lines(r.err), 1) << args << ": " << r.err;
    const std::string option = std::string(args).substr(0, std::string(args).find(' '));
    EXPECT_NE(r.err.find(option), std::string::npos) << args << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << args;
  }
}
