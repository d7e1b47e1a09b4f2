// Hostile glTF files through the crus binary (issue 15, cases 4, 5, 6, 9):
// exit status 2, one message naming the file and the problem, no crash, no
// hang (a timeout around each run), memory bounded (the children's peak).
#include "support/gltf_craft.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>

using crus::test::run_command;
using nlohmann::json;

namespace {

struct Case {
  std::string file;
  std::string bytes;
  std::string phrase;
};

std::vector<Case> hostile_cases() {
  using namespace crus::test;
  std::vector<Case> cases;
  // 6: a small glb whose JSON chunk claims 4 GB.
  std::string lying = glb_bytes(crafted_mesh());
  lying.replace(12, 4, std::string("\xf0\xff\xff\xff", 4));
  cases.push_back({"claims4g.glb", lying, "JSON chunk claims 4294967280 bytes"});
  // 4: a node chain 100,000 deep (Assimp 5.2.5 crashes) and 5,000 deep.
  for (int depth : {100'000, 5'000}) {
    auto g = crafted_mesh();
    json nodes = json::array();
    for (int i = 0; i < depth; ++i) nodes.push_back({{"children", {i + 1}}});
    nodes.push_back({{"name", "leg"}, {"mesh", 0}});
    g.doc["nodes"] = nodes;
    cases.push_back({"chain" + std::to_string(depth) + ".glb", glb_bytes(g),
                     depth > 65'536 ? "more than the limit of 65536" : "deeper than 256 levels"});
  }
  // 4: JSON nested 100,000 deep.
  std::string deep = R"({"asset": {"version": "2.0"}, "extras": )";
  deep.append(100'000, '[').append(100'000, ']').append("}");
  cases.push_back({"deep.gltf", deep, "nests deeper than 64 levels"});
  // 5: 200,000 nodes sharing one name (a 600 KB glb that hung).
  auto many = crafted_mesh();
  json nodes = json::array();
  for (int i = 0; i < 200'000; ++i) nodes.push_back({{"name", "leg"}, {"mesh", 0}});
  many.doc["nodes"] = nodes;
  cases.push_back({"shared200k.glb", glb_bytes(many), "nodes: 200000 entries"});
  // 5: an absurd vertex count in a few bytes.
  auto budget = crafted_mesh();
  budget.doc["accessors"][0].erase("bufferView");
  budget.doc["accessors"][0]["count"] = 2'000'000'000;
  cases.push_back({"budget.glb", glb_bytes(budget), "more than the budget of 10000000"});
  // 9: one index past the vertex count.
  cases.push_back({"indices.glb", glb_bytes(crafted_mesh({0, 1, 2, 1, 3, 2, 2, 3, 4}, 4)), "indices are out of range"});
  return cases;
}

long children_peak_kib() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return u.ru_maxrss;
}

} // namespace

TEST(BadGltfCli, EveryHostileFileIsRefusedWithStatusTwoAndTheFileNamed) {
  auto dir = crus::test::scratch_dir("bad_gltf_cli");
  for (const auto& c : hostile_cases()) {
    std::string path = crus::test::write_bytes((dir / c.file).string(), c.bytes);
    for (const char* command : {"validate", "list", "info tibia"}) {
      // validate reports on stdout (every problem), the others one line on stderr.
      auto r = run_command("timeout 120 " + crus::test::crus_binary() + " " + command + " --atlas " + path);
      EXPECT_EQ(r.status, 2) << command << " " << c.file << "\n" << r.out << r.err;
      std::string text = r.out + r.err;
      EXPECT_NE(text.find(path + ": "), std::string::npos) << command << " " << c.file << "\n" << text;
      EXPECT_NE(text.find(c.phrase), std::string::npos) << command << " " << c.file << "\n" << text;
    }
  }
  // No run reserved anything near what the files claim (ASan's shadow
  // memory counts too, hence the room).
  EXPECT_LT(children_peak_kib(), 1536 * 1024);
}
