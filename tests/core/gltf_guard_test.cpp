// The glTF check made before Assimp (issue 15, cases 4, 5, 6 and 9): lying
// glb lengths, deep or cyclic node graphs, absurd counts and budgets,
// accessors outside their buffers and out-of-range indices are refused with
// the file and the problem, quickly and without big allocations; merging
// many nodes into one structure is linear.
#include "core/error.hpp"
#include "core/io/gltf_guard.hpp"
#include "core/document/scene.hpp"
#include "support/gltf_craft.hpp"
#include "support/test_support.hpp"

#include <chrono>
#include <iostream>
#include <gtest/gtest.h>
#include <sys/resource.h>

using namespace crus;
using nlohmann::json;

namespace {

std::string error_of(const std::string& path, SceneLoadOptions o = {}) {
  try {
    load_scene(path, o);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

long max_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

std::string base64(const std::string& in) {
  static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    std::uint32_t n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    if (i + 2 < in.size()) n |= static_cast<unsigned char>(in[i + 2]);
    out += abc[(n >> 18) & 63];
    out += abc[(n >> 12) & 63];
    out += i + 1 < in.size() ? abc[(n >> 6) & 63] : '=';
    out += i + 2 < in.size() ? abc[n & 63] : '=';
  }
  return out;
}

#define EXPECT_REFUSED(path, phrase)                                                                                             \
  do {                                                                                                                           \
    std::string why = error_of(path);                                                                                            \
    EXPECT_NE(why.find(path), std::string::npos) << why;                                                                         \
    EXPECT_NE(why.find(phrase), std::string::npos) << why;                                                                       \
  } while (0)

} // namespace

TEST(GltfGuard, AWellFormedGlbLoads) {
  auto dir = test::scratch_dir("gltf_guard_good");
  auto g = test::crafted_mesh({0, 1, 2, 1, 3, 2}, 4);
  std::string path = test::write_bytes((dir / "good.glb").string(), test::glb_bytes(g));
  Scene s = load_scene(path);
  ASSERT_EQ(s.structures.size(), 1u);
  EXPECT_EQ(s.triangle_count(), 2u);
  auto check = gltf::check_gltf_file(path);
  EXPECT_TRUE(check.checked);
  EXPECT_EQ(check.vertices, 4u);
  EXPECT_EQ(check.triangles, 2u);
  EXPECT_TRUE(check.problems.empty());
}

TEST(GltfGuard, BundledAtlasPassesTheCheck) {
  auto check = gltf::check_gltf_file(test::source_dir() + "/assets/atlas/lower_leg_right.glb");
  EXPECT_TRUE(check.checked);
  EXPECT_TRUE(check.indexed); // so the loader skips Assimp's joining pass
  EXPECT_TRUE(check.problems.empty());
  EXPECT_GT(check.triangles, 1000u);
}

// The loader skips Assimp's vertex joining for indexed glTF only: a file that
// lists every corner of every triangle still has its shared corners joined.
TEST(GltfGuard, UnindexedTrianglesStillHaveTheirCornersJoined) {
  auto dir = test::scratch_dir("gltf_guard_unindexed");
  auto g = test::crafted_mesh({0, 1, 2}, 6);
  // Two triangles, (0 1 2) and (2 1 3), with the shared corners written twice.
  auto corner = [&](int v) { return g.bin.substr(static_cast<std::size_t>(v) * 12, 12); };
  const std::string c3 = corner(3);
  g.bin.replace(36, 12, corner(2));
  g.bin.replace(48, 12, corner(1));
  g.bin.replace(60, 12, c3);
  g.bin.resize(72);
  g.doc["meshes"][0]["primitives"][0].erase("indices");
  g.doc["accessors"].erase(1);
  g.doc["bufferViews"].erase(1);
  g.doc["bufferViews"][0]["byteLength"] = 72;
  g.doc["buffers"][0]["byteLength"] = 72;
  g.doc["accessors"][0]["max"] = {0.1, 0.1, 0.003};
  std::string path = test::write_bytes((dir / "unindexed.glb").string(), test::glb_bytes(g));
  auto check = gltf::check_gltf_file(path);
  EXPECT_TRUE(check.checked);
  EXPECT_FALSE(check.indexed);
  Scene s = load_scene(path);
  ASSERT_EQ(s.structures.size(), 1u);
  EXPECT_EQ(s.triangle_count(), 2u);
  EXPECT_EQ(s.structures[0].mesh.positions.size(), 4u); // 6 corners, 4 distinct
}

TEST(GltfGuard, IndexedTrianglesKeepTheirVerticesAsStored) {
  auto dir = test::scratch_dir("gltf_guard_indexed");
  std::string path =
      test::write_bytes((dir / "indexed.glb").string(), test::glb_bytes(test::crafted_mesh({0, 1, 2, 1, 3, 2}, 4)));
  EXPECT_TRUE(gltf::check_gltf_file(path).indexed);
  Scene s = load_scene(path);
  ASSERT_EQ(s.structures.size(), 1u);
  EXPECT_EQ(s.structures[0].mesh.positions.size(), 4u);
  EXPECT_EQ(s.triangle_count(), 2u);
}

// Case 6: a 688-byte glb whose JSON chunk claims 4 GB.
TEST(GltfGuard, LyingGlbLengthsAreRefusedBeforeAnyAllocation) {
  auto dir = test::scratch_dir("gltf_guard_lengths");
  std::string bytes = test::glb_bytes(test::crafted_mesh());
  long before = max_rss_kib();
  std::string json_claims = bytes;
  json_claims.replace(12, 4, std::string("\xf0\xff\xff\xff", 4));
  std::string p1 = test::write_bytes((dir / "json4g.glb").string(), json_claims);
  EXPECT_REFUSED(p1, "JSON chunk claims 4294967280 bytes");

  std::string total_claims = bytes;
  total_claims.replace(8, 4, std::string("\xff\xff\xff\x7f", 4));
  std::string p2 = test::write_bytes((dir / "total.glb").string(), total_claims);
  EXPECT_REFUSED(p2, "header says 2147483647 bytes");

  std::string bin_claims = bytes;
  std::size_t bin_header = 20 + test::crafted_mesh().doc.dump().size();
  bin_header = (bin_header + 3) / 4 * 4;
  bin_claims.replace(bin_header, 4, std::string("\x00\x00\x00\xf0", 4));
  std::string p3 = test::write_bytes((dir / "bin.glb").string(), bin_claims);
  EXPECT_REFUSED(p3, "binary chunk claims");

  std::string p4 = test::write_bytes((dir / "short.glb").string(), bytes.substr(0, 14));
  EXPECT_REFUSED(p4, "shorter than its 20-byte header");
  // Nothing near the claimed sizes was reserved.
  EXPECT_LT(max_rss_kib() - before, 64 * 1024);
}

// Case 4: node chains deeper than Assimp's (and formerly Crus's) recursion
// survives, and JSON nested deeper than its parser's.
TEST(GltfGuard, DeepNodeChainsAndDeepJsonAreRefused) {
  auto dir = test::scratch_dir("gltf_guard_deep");
  for (int depth : {5'000, 100'000}) {
    auto g = test::crafted_mesh();
    json nodes = json::array();
    for (int i = 0; i < depth; ++i) nodes.push_back({{"children", {i + 1}}});
    nodes.push_back({{"name", "leg"}, {"mesh", 0}});
    g.doc["nodes"] = nodes;
    std::string path = test::write_bytes((dir / ("chain" + std::to_string(depth) + ".glb")).string(), test::glb_bytes(g));
    EXPECT_REFUSED(path, depth < 65'536 ? "deeper than 256 levels" : "more than the limit of 65536");
  }
  // 200 levels are fine (and walked without recursion).
  auto g = test::crafted_mesh();
  json nodes = json::array();
  for (int i = 0; i < 200; ++i) nodes.push_back({{"children", {i + 1}}, {"translation", {0.0, 0.001, 0.0}}});
  nodes.push_back({{"name", "leg"}, {"mesh", 0}});
  g.doc["nodes"] = nodes;
  Scene s = load_scene(test::write_bytes((dir / "chain200.glb").string(), test::glb_bytes(g)));
  ASSERT_EQ(s.structures.size(), 1u);
  EXPECT_NEAR(s.box.min.y, 0.2f, 1e-4);

  std::string deep_json = R"({"asset": {"version": "2.0"}, "extras": )";
  deep_json.append(100'000, '[').append(100'000, ']').append("}");
  std::string path = test::write_bytes((dir / "deep.gltf").string(), deep_json);
  EXPECT_REFUSED(path, "nests deeper than 64 levels");
}

TEST(GltfGuard, CyclesAndSharedChildrenAreRefused) {
  auto dir = test::scratch_dir("gltf_guard_cycles");
  auto g = test::crafted_mesh();
  g.doc["nodes"] = json::array({{{"children", {1}}}, {{"children", {0}}, {"mesh", 0}}});
  EXPECT_REFUSED(test::write_bytes((dir / "cycle.glb").string(), test::glb_bytes(g)), "form a cycle");
  g.doc["nodes"] = json::array({{{"children", {0}}, {"mesh", 0}}});
  EXPECT_REFUSED(test::write_bytes((dir / "self.glb").string(), test::glb_bytes(g)), "its own child");
  g.doc["nodes"] = json::array({{{"children", {2}}}, {{"children", {2}}}, {{"mesh", 0}}});
  EXPECT_REFUSED(test::write_bytes((dir / "two.glb").string(), test::glb_bytes(g)), "two parents");
  g.doc["nodes"] = json::array({{{"children", {7}}, {"mesh", 0}}});
  EXPECT_REFUSED(test::write_bytes((dir / "missing.glb").string(), test::glb_bytes(g)), "is not a node index");
}

// Case 5: 200,000 nodes sharing one name (a 600 KB file that hung) are too
// many; tens of thousands load, merged in linear time.
TEST(GltfGuard, ManyNodesSharingANameAreCappedAndMergedLinearly) {
  auto dir = test::scratch_dir("gltf_guard_many");
  auto g = test::crafted_mesh();
  json nodes = json::array(), roots = json::array();
  for (int i = 0; i < 200'000; ++i) nodes.push_back({{"name", "leg"}, {"mesh", 0}});
  g.doc["nodes"] = nodes;
  EXPECT_REFUSED(test::write_bytes((dir / "200k.glb").string(), test::glb_bytes(g)), "nodes: 200000 entries");

  // 32 vertices per node: merging by recomputing the merged bounds costs
  // n * n * 16 vertex visits (tens of billions here), the union of boxes n.
  std::vector<std::uint16_t> fan;
  for (std::uint16_t v = 1; v + 1 < 32; ++v) fan.insert(fan.end(), {0, v, static_cast<std::uint16_t>(v + 1)});
  g = test::crafted_mesh(fan, 32);
  const int n = 50'000;
  nodes = json::array();
  for (int i = 0; i < n; ++i) {
    nodes.push_back({{"name", "leg"}, {"mesh", 0}, {"translation", {0.0, 0.0, 1e-5 * i}}});
    roots.push_back(i);
  }
  g.doc["nodes"] = nodes;
  g.doc["scenes"][0]["nodes"] = roots;
  std::string path = test::write_bytes((dir / "50k.glb").string(), test::glb_bytes(g));
  auto start = std::chrono::steady_clock::now();
  Scene s = load_scene(path);
  ASSERT_EQ(s.structures.size(), 1u);
  EXPECT_EQ(s.triangle_count(), static_cast<std::size_t>(n) * 30);
  EXPECT_NEAR(s.structures[0].box.max.z, 1e-5f * (n - 1) + 0.031f, 1e-4);
  EXPECT_NEAR(s.structures[0].box.max.y, 0.1f, 1e-5);
  // Quadratic merging takes minutes here; linear a second or two (the bound
  // leaves room for sanitizers and a busy machine).
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 30.0);
  std::cout << "50,000 nodes merged in " << seconds << " s\n";
}

TEST(GltfGuard, VertexAndTriangleBudgetsCountEveryNodeThatDrawsAMesh) {
  auto dir = test::scratch_dir("gltf_guard_budget");
  auto g = test::crafted_mesh();
  // An accessor without a bufferView is all zeros: a huge count costs no bytes.
  g.doc["accessors"][0].erase("bufferView");
  g.doc["accessors"][0]["count"] = 6'000'000;
  g.doc["nodes"] = json::array({{{"mesh", 0}}, {{"mesh", 0}}});
  EXPECT_REFUSED(test::write_bytes((dir / "vertices.glb").string(), test::glb_bytes(g)),
                 "12000000 vertices as drawn, more than the budget of 10000000");
  g = test::crafted_mesh();
  g.doc["accessors"][1].erase("bufferView");
  g.doc["accessors"][1]["count"] = 63'000'000;
  EXPECT_REFUSED(test::write_bytes((dir / "triangles.glb").string(), test::glb_bytes(g)),
                 "21000000 triangles as drawn, more than the budget of 20000000");
}

// Case 9: indices past the vertex count were dropped by Assimp without a word.
TEST(GltfGuard, OutOfRangeIndicesAreReported) {
  auto dir = test::scratch_dir("gltf_guard_indices");
  auto g = test::crafted_mesh({0, 1, 2, 1, 3, 2, 2, 3, 9}, 4);
  std::string path = test::write_bytes((dir / "indices.glb").string(), test::glb_bytes(g));
  EXPECT_REFUSED(path, "1 of 9 indices are out of range (the first, at position 8, is 9; the primitive has 4 vertices)");
  SceneLoadOptions lenient;
  lenient.strict = false;
  Scene s = load_scene(path, lenient);
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("out of range"), std::string::npos);

  // The same in a .gltf with its buffer embedded as base64.
  g.doc["buffers"][0]["uri"] = "data:application/octet-stream;base64," + base64(g.bin);
  std::string gltf_path = test::write_bytes((dir / "indices.gltf").string(), g.doc.dump());
  EXPECT_REFUSED(gltf_path, "indices are out of range");
  // And with an external buffer file.
  test::write_bytes((dir / "indices.bin").string(), g.bin);
  g.doc["buffers"][0]["uri"] = "indices.bin";
  std::string external = test::write_bytes((dir / "external.gltf").string(), g.doc.dump());
  EXPECT_REFUSED(external, "indices are out of range");
  g.doc["buffers"][0]["uri"] = "missing.bin";
  EXPECT_REFUSED(test::write_bytes((dir / "nobin.gltf").string(), g.doc.dump()), "no such file \"missing.bin\"");
}

TEST(GltfGuard, AccessorsAndViewsOutsideTheirBuffersAreRefused) {
  auto dir = test::scratch_dir("gltf_guard_bounds");
  auto g = test::crafted_mesh();
  g.doc["accessors"][0]["count"] = 1000;
  EXPECT_REFUSED(test::write_bytes((dir / "accessor.glb").string(), test::glb_bytes(g)), "but bufferView 0 has 36");
  g = test::crafted_mesh();
  g.doc["bufferViews"][1]["byteOffset"] = 1'000'000;
  EXPECT_REFUSED(test::write_bytes((dir / "view.glb").string(), test::glb_bytes(g)), "lie outside buffer 0");
  g = test::crafted_mesh();
  g.doc["buffers"][0]["byteLength"] = 100'000;
  EXPECT_REFUSED(test::write_bytes((dir / "buffer.glb").string(), test::glb_bytes(g)), "larger than the binary chunk");
  g = test::crafted_mesh();
  g.doc["accessors"][1]["count"] = -3;
  EXPECT_REFUSED(test::write_bytes((dir / "negative.glb").string(), test::glb_bytes(g)),
                 "accessors[1].count: expected a whole number");
  g = test::crafted_mesh();
  g.doc["meshes"][0]["primitives"][0]["indices"] = 5;
  EXPECT_REFUSED(test::write_bytes((dir / "ref.glb").string(), test::glb_bytes(g)),
                 "indices: expected a whole number from 0 to 1");
}

TEST(GltfGuard, BadJsonInAGltfNamesTheFile) {
  auto dir = test::scratch_dir("gltf_guard_json");
  std::string huge = R"({"asset": {"version": "2.0"}, "extras": 1e400})";
  EXPECT_REFUSED(test::write_bytes((dir / "huge.gltf").string(), huge), "the glTF JSON is not valid");
  EXPECT_REFUSED(test::write_bytes((dir / "old.gltf").string(), R"({"asset": {"version": "1.0"}})"), "only glTF 2.0 is read");
  EXPECT_REFUSED(test::write_bytes((dir / "cut.glb").string(), test::glb_bytes(R"({"asset": {"vers)", "")), "not valid");
  EXPECT_EQ(gltf::json_depth(R"({"a": "[[[[", "b": [[1], {"c": "\"]"}]})", 64), 3);
}
