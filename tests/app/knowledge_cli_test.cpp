// crus info, search, validate and referral on the bundled assets.
#include "core/io/atlas_manifest.hpp"
#include "core/anatomy/knowledge.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

using crus::test::run_command;

namespace {

std::string crus() { return crus::test::crus_binary(); }
std::string assets() {
  const char* env = std::getenv("CRUS_ASSETS");
  return env ? env : crus::test::source_dir() + "/assets";
}
#define NEEDS_ATLAS() CRUS_REQUIRE_BUNDLED(assets() + "/atlas/lower_leg_right.glb")

int count_lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

TEST(KnowledgeCli, InfoJsonHasGeometryAndEveryKnowledgeKey) {
  NEEDS_ATLAS();
  auto r = run_command(crus() + " info fibularis_longus --json");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  for (const char* key :
       {"id", "name", "kind", "geometry", "sites", "origin", "insertion", "innervation", "actions", "arterial_supply",
        "synergists", "antagonists", "clinical", "patient_summary", "sources", "latin", "synonyms", "compartment", "layer"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["innervation"]["nerve"], "superficial_fibular_nerve");
  EXPECT_EQ(j["compartment"], "lateral");
  EXPECT_GT(j["geometry"]["volume_cm3"].get<double>(), 10.0);
  bool has_origin_site = false;
  for (auto& s : j["sites"]) has_origin_site |= s["role"] == "origin";
  EXPECT_TRUE(has_origin_site);
}

TEST(KnowledgeCli, InfoTextIsReadable) {
  NEEDS_ATLAS();
  auto r = run_command(crus() + " info soleus");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* word : {"Soleus", "Origin", "Insertion", "Innervation", "tibial nerve"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
}

TEST(KnowledgeCli, UnknownIdSuggestsTheClosestAndExits2) {
  NEEDS_ATLAS();
  auto r = run_command(crus() + " info soleous --json");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("soleus"), std::string::npos) << r.err;
}

TEST(KnowledgeCli, SearchFindsSynonyms) {
  NEEDS_ATLAS();
  auto r = run_command(crus() + " search peroneus --json");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_GE(j.size(), 3u);
  std::set<std::string> top;
  for (int i = 0; i < 3; ++i) top.insert(j[i]["id"].get<std::string>());
  EXPECT_EQ(top, (std::set<std::string>{"fibularis_longus", "fibularis_brevis", "fibularis_tertius"}));
  r = run_command(crus() + " search Achilles --json");
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(nlohmann::json::parse(r.out)[0]["id"], "calcaneal_tendon");
}

TEST(KnowledgeCli, ValidatePassesOnTheBundledAssets) {
  NEEDS_ATLAS();
  auto r = run_command(crus() + " validate");
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("ok:"), std::string::npos);
}

TEST(KnowledgeCli, ValidateNamesFileLineAndFieldOfABrokenKnowledgeFile) {
  NEEDS_ATLAS();
  auto dir = crus::test::scratch_dir("validate_broken");
  std::filesystem::copy(assets(), dir / "assets", std::filesystem::copy_options::recursive);
  // Break one nerve root in the muscles file.
  auto path = dir / "assets" / "knowledge" / "muscles.json";
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto pos = text.find("\"roots\"");
  ASSERT_NE(pos, std::string::npos);
  auto open = text.find('[', pos);
  text.insert(open + 1, "42, ");
  std::ofstream(path) << text;
  auto r = run_command("CRUS_ASSETS=" + (dir / "assets").string() + " " + crus() + " validate");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("muscles.json:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("roots[0]"), std::string::npos) << r.out;
}

TEST(KnowledgeCli, ReferralAtThePlantarHeelNamesSoleus) {
  NEEDS_ATLAS();
  // Below the calcaneal tuberosity, on the sole: snapped onto the skin.
  auto r = run_command(crus() + " referral --at -0.11,0.0,0.08 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["point"].size(), 3u);
  ASSERT_FALSE(j["candidates"].empty());
  EXPECT_EQ(j["candidates"][0]["muscle"], "soleus");
  EXPECT_EQ(j["candidates"][0]["zone"], "essential");
  double last = 2.0;
  for (auto& c : j["candidates"]) {
    EXPECT_LE(c["score"].get<double>(), last);
    last = c["score"].get<double>();
  }
}

TEST(KnowledgeCli, ReferralOffersTheRedFlagsOfThePlaceBeforeTheTriggerPoints) {
  NEEDS_ATLAS();
  auto r = run_command(crus() + " referral --at -0.11,0.0,0.08 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["areas"].size(), 1u) << r.out;
  EXPECT_EQ(j["areas"][0], "heel");
  std::vector<std::string> ids;
  for (auto& f : j["red_flags"]) ids.push_back(f["id"].get<std::string>());
  auto has_id = [&](const char* id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
  EXPECT_TRUE(has_id("achilles_tendon_rupture"));
  EXPECT_TRUE(has_id("acute_fracture_or_dislocation"));
  EXPECT_FALSE(has_id("deep_vein_thrombosis"));
  EXPECT_EQ(j["red_flags"][0]["urgency"], "emergency");
  // In words: the urgent ones come before the trigger points.
  r = run_command(crus() + " referral --at -0.11,0.0,0.08");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::size_t check = r.out.find("Check these first");
  const std::size_t tps = r.out.find("Soleus TrP1");
  ASSERT_NE(check, std::string::npos) << r.out;
  ASSERT_NE(tps, std::string::npos) << r.out;
  EXPECT_LT(check, tps);
  EXPECT_LT(r.out.find("Achilles tendon rupture"), tps);
}

TEST(KnowledgeCli, ReferralFarFromTheLegExits2) {
  NEEDS_ATLAS();
  auto r = run_command(crus() + " referral --at 2,2,2 --json");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("skin"), std::string::npos);
  r = run_command(crus() + " referral --at 1,2");
  EXPECT_EQ(r.status, 2);
}

} // namespace

namespace {

TEST(OneName, TheAtlasAndTheKnowledgeBaseNameEachStructureAlike) {
  // Running text and labels use one name per structure: the manifest's
  // names must be the knowledge base's.
  const std::filesystem::path assets = std::filesystem::path(crus::test::source_dir()) / "assets";
  const crus::AtlasManifest manifest = crus::load_manifest((assets / "atlas" / "atlas.json").string());
  const crus::KnowledgeBase knowledge = crus::load_knowledge((assets / "knowledge").string());
  int compared = 0;
  for (const auto& s : manifest.structures)
    if (const crus::KnowledgeEntry* k = knowledge.find(s.id)) {
      // Either may add a note in brackets: "(distal end)", "(Achilles)".
      auto plain = [](std::string t) {
        for (auto open = t.find(" ("); open != std::string::npos; open = t.find(" (")) {
          auto close = t.find(')', open);
          if (close == std::string::npos) break;
          t.erase(open, close - open + 1);
        }
        return t;
      };
      const std::string base = plain(s.name), kbase = plain(k->name);
      EXPECT_EQ(base, kbase) << s.id;
      ++compared;
    }
  EXPECT_GT(compared, 30);
}

} // namespace
