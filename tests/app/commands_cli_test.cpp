// crus commands: every command once, with the fields a key file and a
// lesson need; the user's keys.json shows in the list; a bad one is one line
// on stderr and the defaults are listed.
#include "support/test_support.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

using crus::test::run_command;
namespace fs = std::filesystem;

namespace {

// crus commands --json with XDG_CONFIG_HOME at `config`.
crus::test::CommandResult commands_json(const fs::path& config) {
  return run_command("XDG_CONFIG_HOME='" + config.string() + "' '" + crus::test::crus_binary() + "' commands --json");
}

const nlohmann::json* find(const nlohmann::json& list, const std::string& id) {
  for (const auto& c : list)
    if (c["id"] == id) return &c;
  return nullptr;
}

TEST(CommandsCli, JsonListsEveryCommandOnceWithItsKeysMenuAndContext) {
  const fs::path config = crus::test::scratch_dir("commands_cli_defaults");
  const auto r = commands_json(config);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["keys_file"], (config / "crus" / "keys.json").string());
  const auto& list = j["commands"];
  ASSERT_GT(list.size(), 40u);
  std::set<std::string> ids;
  for (const auto& c : list) {
    for (const char* key : {"id", "title", "menu", "context"}) EXPECT_TRUE(c[key].is_string()) << c.dump();
    EXPECT_TRUE(c["keys"].is_array()) << c.dump();
    EXPECT_TRUE(ids.insert(c["id"].get<std::string>()).second) << "listed twice: " << c["id"];
  }
  const nlohmann::json* frame = find(list, "view.frame_selected");
  ASSERT_NE(frame, nullptr);
  EXPECT_EQ((*frame)["keys"], nlohmann::json::array({"F"}));
  EXPECT_EQ((*frame)["menu"], "View");
  EXPECT_EQ((*frame)["context"], "viewer");
  const nlohmann::json* larger = find(list, "text.larger");
  ASSERT_NE(larger, nullptr);
  EXPECT_EQ((*larger)["keys"][0], "Ctrl+=");
  ASSERT_NE(find(list, "palette.open"), nullptr);
  EXPECT_EQ((*find(list, "palette.open"))["keys"], nlohmann::json::array({"Ctrl+Shift+P", "Ctrl+K"}));
}

TEST(CommandsCli, TheUsersKeyFileShowsAndABadOneIsOneLineWithTheDefaults) {
  const fs::path config = crus::test::scratch_dir("commands_cli_keys");
  fs::create_directories(config / "crus");
  std::ofstream(config / "crus" / "keys.json") << "{\n  \"keys\": {\n    \"view.mirror\": [\"Ctrl+M\"]\n  }\n}\n";
  auto r = commands_json(config);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ((*find(nlohmann::json::parse(r.out)["commands"], "view.mirror"))["keys"], nlohmann::json::array({"Ctrl+M"}));

  std::ofstream(config / "crus" / "keys.json")
      << "{\n  \"keys\": {\n    \"view.mirror\": \"Ctrl+M\",\n    \"view.mirorr\": \"M\"\n  }\n}\n";
  r = commands_json(config);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string where = (config / "crus" / "keys.json").string() + ":4";
  EXPECT_NE(r.err.find(where), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean view.mirror?"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ((*find(nlohmann::json::parse(r.out)["commands"], "view.mirror"))["keys"], nlohmann::json::array({"M"}));
}

} // namespace
