// Fuzzes the --atlas-map loader: thousands of mutated maps never crash or
// hang; each is either accepted or refused with an InputError naming the file.
#include "core/error.hpp"
#include "core/document/scene.hpp"
#include "support/test_support.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <random>

using namespace crus;

TEST(AtlasMapFuzz, MutatedMapsNeverCrash) {
  const std::string good = R"({"units": "mm", "scale": 1.0, "axes": ["+X", "+Z", "-Y"], "offset": [0, 0.01, 0],
    "nodes": [{"match": "Bone_Tibia*", "id": "tibia"}, {"match": "Soleus", "id": "soleus"}]})";
  const std::string alphabet = "{}[]\":,.-+0123456789eEXYZmc*?_ abtrue\\\n\x01\xff";
  auto dir = test::scratch_dir("atlas_map_fuzz");
  std::string path = (dir / "map.json").string();
  std::mt19937 rng(20261121);
  int accepted = 0, refused = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string text = good;
    int edits = 1 + static_cast<int>(rng() % 6);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      std::size_t at = rng() % text.size();
      switch (rng() % 4) {
        case 0: text.erase(at, 1 + rng() % 8); break;
        case 1: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
        case 2: text[at] = alphabet[rng() % alphabet.size()]; break;
        case 3: text = text.substr(0, at); break; // truncation
      }
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    try {
      AtlasMap map = load_atlas_map(path, {"tibia", "soleus", "fibula"});
      ++accepted;
      EXPECT_GT(map.scale, 0.0f);
    } catch (const InputError& e) {
      ++refused;
      EXPECT_NE(std::string(e.what()).find("map.json"), std::string::npos) << e.what();
    }
  }
  EXPECT_GT(refused, 500);
  EXPECT_GT(accepted, 10);
}
