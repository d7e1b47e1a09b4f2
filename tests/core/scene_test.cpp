// Loading atlases through Assimp: names, colours, atlas maps, and every kind
// of bad input giving one clear InputError instead of a crash.
#include "core/error.hpp"
#include "core/document/scene.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"

#include <fstream>
#include <gtest/gtest.h>

using namespace crus;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& dir_name) {
  auto dir = test::scratch_dir(dir_name);
  return test::write_box_gltf((dir / "boxes.gltf").string(),
                              {{"tibia", {0, 0.3f, 0.08f}, {0.02f, 0.15f, 0.02f}, {0.9f, 0.85f, 0.7f, 1}},
                               {"Mesh_007", {0, 0.3f, -0.08f}, glm::vec3(0.03f), {0.5f, 0.1f, 0.1f, 1}}});
}

void write_text(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string error_of(const std::string& path, SceneLoadOptions o = {}) {
  try {
    load_scene(path, o);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Scene, LoadsEveryNodeAsAStructureWithItsMaterialColour) {
  Scene s = load_scene(fixture("scene_basic"));
  ASSERT_EQ(s.structures.size(), 2u);
  EXPECT_EQ(s.structures[0].node, "tibia");
  EXPECT_EQ(s.structures[0].mesh.triangle_count(), 12u);
  EXPECT_NEAR(s.structures[0].colour.r, 0.9f, 1e-4);
  EXPECT_NEAR(s.box.min.z, -0.11f, 1e-4);
  EXPECT_NEAR(s.box.max.y, 0.45f, 1e-4);
  EXPECT_EQ(s.triangle_count(), 24u);
  // No manifest and no map: nothing is labelled.
  EXPECT_FALSE(s.structures[0].labelled);
  EXPECT_EQ(s.structures[0].id, "unlabelled:tibia");
}

TEST(Scene, VertexColoursAreLoadedWhenTheFileHasThem) {
  auto dir = test::scratch_dir("scene_vertex_colours");
  test::FixtureBox muscle{"muscle", {0, 0.3f, 0}, glm::vec3(0.02f), {0.5f, 0.1f, 0.1f, 1}};
  muscle.top_colour = {0.8f, 0.75f, 0.65f};
  const std::string path =
      test::write_box_gltf((dir / "coloured.gltf").string(), {muscle, {"bone", {0, 0.3f, 0.1f}, glm::vec3(0.02f)}});
  Scene s = load_scene(path);
  ASSERT_EQ(s.structures.size(), 2u);
  const Mesh& m = s.structures[0].mesh;
  ASSERT_EQ(m.colours.size(), m.positions.size());
  for (std::size_t i = 0; i < m.positions.size(); ++i) {
    const bool top = m.positions[i].y > 0.3f;
    EXPECT_NEAR(m.colours[i].r, top ? 0.8f : 0.5f, 1e-4) << i;
    EXPECT_NEAR(m.colours[i].b, top ? 0.65f : 0.1f, 1e-4) << i;
  }
  // A mesh without vertex colours keeps none: its material colour is used.
  EXPECT_TRUE(s.structures[1].mesh.colours.empty());

  // Two nodes mapped to one structure, only one with colours: the other's
  // vertices take their own node's colour.
  write_text(dir / "map.json", R"({"nodes": [{"match": "*", "id": "soleus"}]})");
  SceneLoadOptions o;
  o.map_path = (dir / "map.json").string();
  Scene merged = load_scene(path, o);
  ASSERT_EQ(merged.structures.size(), 1u);
  const Mesh& mm = merged.structures[0].mesh;
  ASSERT_EQ(mm.colours.size(), mm.positions.size());
  EXPECT_NEAR(mm.colours.front().r, 0.5f, 1e-4);
  EXPECT_NEAR(mm.colours.back().r, 0.8f, 1e-4); // the bone's material colour
  EXPECT_NEAR(mm.colours.back().g, 0.2f, 1e-4);
}

TEST(Scene, FibreCoordinatesComeOnlyWithACrusAtlasMuscle) {
  // Texture coordinates are fibre coordinates only in a Crus atlas (with its
  // manifest), and only on muscles; anyone else's UVs are left alone.
  auto dir = test::scratch_dir("scene_fibres");
  test::FixtureBox muscle{"soleus", {0, 0.3f, 0}, glm::vec3(0.02f), {0.5f, 0.1f, 0.1f, 1}};
  muscle.texcoords = true;
  test::FixtureBox bone{"tibia", {0, 0.3f, 0.1f}, glm::vec3(0.02f), {0.9f, 0.9f, 0.8f, 1}};
  bone.texcoords = true;
  const std::string path = test::write_box_gltf((dir / "fibres.gltf").string(), {muscle, bone});
  Scene plain = load_scene(path);
  for (const auto& s : plain.structures) EXPECT_TRUE(s.mesh.fibres.empty()) << s.id;

  write_text(dir / "atlas.json", R"({"mesh": "fibres.gltf", "side": "right",
      "structures": [{"id": "soleus", "name": "Soleus", "kind": "muscle", "node": "soleus", "colour": [0.5, 0.1, 0.1, 1]},
                     {"id": "tibia", "name": "Tibia", "kind": "bone", "node": "tibia", "colour": [0.9, 0.9, 0.8, 1]}],
      "landmarks": [], "sites": [], "joints": []})");
  Scene crus = load_scene(path);
  const SceneStructure* soleus = crus.find("soleus");
  ASSERT_NE(soleus, nullptr);
  ASSERT_EQ(soleus->mesh.fibres.size(), soleus->mesh.positions.size());
  for (std::size_t i = 0; i < soleus->mesh.positions.size(); ++i) {
    EXPECT_NEAR(soleus->mesh.fibres[i].x, soleus->mesh.positions[i].x, 1e-6);
    EXPECT_NEAR(soleus->mesh.fibres[i].y, soleus->mesh.positions[i].y, 1e-6);
    EXPECT_NEAR(soleus->mesh.fibres[i].z, soleus->mesh.positions[i].z, 1e-6);
  }
  EXPECT_TRUE(crus.find("tibia")->mesh.fibres.empty());
}

TEST(Scene, AtlasMapNamesNodesAndConvertsUnitsAndAxes) {
  auto dir = test::scratch_dir("scene_map");
  // A Z-up file in millimetres.
  std::string path = test::write_box_gltf((dir / "mm.gltf").string(), {{"Bone_Tibia_R", {0, 0, 300}, {20, 20, 150}, {1, 1, 1, 1}},
                                                                       {"stray", {100, 0, 0}, glm::vec3(5), {1, 1, 1, 1}}});
  write_text(dir / "map.json", R"({"units": "mm", "axes": ["+X", "+Z", "-Y"],
      "nodes": [{"match": "Bone_Tibia*", "id": "tibia"}]})");
  SceneLoadOptions o;
  o.map_path = (dir / "map.json").string();
  Scene s = load_scene(path, o);
  const SceneStructure* tibia = s.find("tibia");
  ASSERT_NE(tibia, nullptr);
  EXPECT_TRUE(tibia->labelled);
  // Source Z (up) became model Y, millimetres became metres.
  EXPECT_NEAR(tibia->box.max.y, 0.45f, 1e-4);
  EXPECT_NEAR(tibia->box.min.y, 0.15f, 1e-4);
  EXPECT_NE(s.find("unlabelled:stray"), nullptr);
}

TEST(Scene, GlobMatching) {
  EXPECT_TRUE(glob_match("Bone_*_R", "Bone_Tibia_R"));
  EXPECT_TRUE(glob_match("m?scle", "muscle"));
  EXPECT_FALSE(glob_match("Bone_*_R", "Bone_Tibia_L"));
  EXPECT_TRUE(glob_match("*", ""));
}

TEST(Scene, BadMapsAreRefusedWithFileAndField) {
  auto dir = test::scratch_dir("scene_bad_map");
  std::string path = fixture("scene_bad_map_mesh");
  struct Case {
    const char* json;
    const char* expect;
  };
  const Case cases[] = {
      {"{\"nodes\": [", "map.json:1: not valid JSON"},
      {"[1,2]", "expected a JSON object"},
      {R"({"units": "furlongs", "nodes": []})", "units"},
      {R"({"axes": ["+X", "+X", "+Z"], "nodes": []})", "axes"},
      {R"({"axes": ["+Q", "+Y", "+Z"], "nodes": []})", "axes[0]"},
      {R"({"nodes": [{"match": "a"}]})", "nodes[0]"},
      {R"({"scale": -1, "nodes": []})", "scale"},
  };
  for (const auto& c : cases) {
    write_text(dir / "map.json", c.json);
    SceneLoadOptions o;
    o.map_path = (dir / "map.json").string();
    std::string err = error_of(path, o);
    EXPECT_NE(err.find("map.json"), std::string::npos) << c.json << " -> " << err;
    EXPECT_NE(err.find(c.expect), std::string::npos) << c.json << " -> " << err;
  }
  write_text(dir / "map.json", R"({"nodes": [{"match": "a", "id": "tibbia"}]})");
  EXPECT_THROW(load_atlas_map((dir / "map.json").string(), {"tibia", "fibula"}), InputError);
}

TEST(Scene, MissingEmptyAndNonMeshFilesAreRefused) {
  auto dir = test::scratch_dir("scene_bad_files");
  EXPECT_NE(error_of((dir / "nope.glb").string()).find("no such file"), std::string::npos);
  write_text(dir / "empty.glb", "");
  EXPECT_NE(error_of((dir / "empty.glb").string()).find("empty"), std::string::npos);
  write_text(dir / "text.glb", "this is not a mesh at all\n");
  EXPECT_NE(error_of((dir / "text.glb").string()).find("text.glb"), std::string::npos);
  EXPECT_NE(error_of(dir.string()).find("folder"), std::string::npos);
}

TEST(Scene, TruncatedAndHostileGltfIsRefused) {
  auto dir = test::scratch_dir("scene_hostile");
  std::string good = fixture("scene_hostile_src");
  std::ifstream in(good);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  write_text(dir / "half.gltf", text.substr(0, text.size() / 2));
  EXPECT_FALSE(error_of((dir / "half.gltf").string()).empty());
  // An accessor pointing far outside its buffer.
  std::string hostile = text;
  auto pos = hostile.find("\"count\":");
  ASSERT_NE(pos, std::string::npos);
  hostile.replace(pos, 8, "\"count\": 99999999, \"x\":");
  write_text(dir / "hostile.gltf", hostile);
  EXPECT_FALSE(error_of((dir / "hostile.gltf").string()).empty());
  // A GLB header that claims more bytes than there are.
  std::string glb("glTF\x02\x00\x00\x00\xff\xff\xff\x7f", 12);
  write_text(dir / "lying.glb", glb);
  EXPECT_FALSE(error_of((dir / "lying.glb").string()).empty());
}

TEST(Scene, BadGeometryIsAnErrorWhenStrictAndAWarningOtherwise) {
  auto dir = test::scratch_dir("scene_bad_geometry");
  write_text(dir / "nan.obj", "o broken\nv 0 0 0\nv 1 0 0\nv nan 1 0\nf 1 2 3\no fine\nv 0 0 0\nv 0.1 0 0\nv 0 0.1 0\nf 4 5 6\n");
  std::string err = error_of((dir / "nan.obj").string());
  // Assimp may read "nan" as NaN (refused as such) or as a number that makes
  // the face degenerate: either way the file and the node are named.
  EXPECT_NE(err.find("nan.obj"), std::string::npos) << err;
  EXPECT_NE(err.find("broken"), std::string::npos) << err;
  SceneLoadOptions lenient;
  lenient.strict = false;
  Scene s = load_scene((dir / "nan.obj").string(), lenient);
  EXPECT_EQ(s.structures.size(), 1u);
  EXPECT_FALSE(s.warnings.empty());

  write_text(dir / "huge.obj", "o huge\nv 0 0 0\nv 5000 0 0\nv 0 5000 0\nf 1 2 3\n");
  EXPECT_NE(error_of((dir / "huge.obj").string()).find("too large"), std::string::npos);

  write_text(dir / "degenerate.obj", "o flat\nv 0 0 0\nv 0.1 0 0\nv 0.2 0 0\nf 1 2 3\nv 0 0.1 0\nf 1 2 4\n");
  EXPECT_NE(error_of((dir / "degenerate.obj").string()).find("degenerate"), std::string::npos);

  write_text(dir / "index.obj", "o bad\nv 0 0 0\nv 0.1 0 0\nv 0 0.1 0\nf 1 2 9\n");
  EXPECT_FALSE(error_of((dir / "index.obj").string()).empty());
}

TEST(Scene, ObjFilesLoadToo) {
  auto dir = test::scratch_dir("scene_obj");
  std::string path =
      test::write_box_obj((dir / "boxes.obj").string(), {{"fibula", {0, 0.2f, 0.1f}, glm::vec3(0.01f), {1, 1, 1, 1}}});
  Scene s = load_scene(path);
  ASSERT_EQ(s.structures.size(), 1u);
  EXPECT_EQ(s.structures[0].mesh.triangle_count(), 12u);
}

} // namespace

namespace {

bool any_contains(const std::vector<std::string>& lines, const std::string& a, const std::string& b = "") {
  for (const auto& l : lines)
    if (l.find(a) != std::string::npos && l.find(b) != std::string::npos) return true;
  return false;
}

TEST(Scene, AMapThatQuietlyDoesNothingIsWarnedAbout) {
  auto dir = test::scratch_dir("scene_map_warnings");
  // A file in metres, a map declaring millimetres and a pattern with a typo.
  std::string path =
      test::write_box_gltf((dir / "m.gltf").string(), {{"Tibia", {0, 0.3f, 0}, {0.02f, 0.15f, 0.02f}, {1, 1, 1, 1}},
                                                       {"Soleus", {-0.03f, 0.3f, 0}, {0.02f, 0.1f, 0.02f}, {1, 0, 0, 1}}});
  write_text(dir / "map.json",
             R"({"units": "mm", "nodes": [{"match": "Tibia", "id": "tibia"}, {"match": "Solues", "id": "soleus"}]})");
  SceneLoadOptions o;
  o.map_path = (dir / "map.json").string();
  Scene s = load_scene(path, o);
  EXPECT_TRUE(any_contains(s.warnings, "map.json: nodes[1]", "\"Solues\"")) << ::testing::PrintToString(s.warnings);
  EXPECT_FALSE(any_contains(s.warnings, "nodes[0]"));
  EXPECT_TRUE(any_contains(s.warnings, "map.json", "units")) << ::testing::PrintToString(s.warnings);
  // In metres, with the pattern fixed, nothing is said.
  write_text(dir / "map.json",
             R"({"units": "m", "nodes": [{"match": "Tibia", "id": "tibia"}, {"match": "Sol*", "id": "soleus"}]})");
  EXPECT_TRUE(load_scene(path, o).warnings.empty()) << ::testing::PrintToString(load_scene(path, o).warnings);
}

TEST(Scene, ASingleNodeFileSaysHowToMapIt) {
  auto dir = test::scratch_dir("scene_single_node");
  std::string path =
      test::write_box_gltf((dir / "one.gltf").string(), {{"leg", {0, 0.3f, 0}, {0.05f, 0.25f, 0.05f}, {1, 1, 1, 1}}});
  write_text(dir / "map.json", R"({"nodes": [{"match": "leg", "id": "tibia"}]})");
  SceneLoadOptions o;
  o.map_path = (dir / "map.json").string();
  Scene s = load_scene(path, o);
  EXPECT_TRUE(any_contains(s.warnings, "single node", "one node per structure")) << ::testing::PrintToString(s.warnings);
}

} // namespace
