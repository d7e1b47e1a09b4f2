// FMA ids in node and file names (BodyParts3D exports): the forms accepted,
// the sided ids recorded in the knowledge base, and a synthetic glTF whose
// nodes are named by generic, right and left ids.
#include "core/error.hpp"
#include "core/anatomy/fma.hpp"
#include "core/anatomy/knowledge.hpp"
#include "core/document/scene.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>

using namespace crus;
namespace fs = std::filesystem;

namespace {

TEST(Fma, NumbersAreFoundInTheFormsExportsUse) {
  EXPECT_EQ(find_fma_number("FMA22558"), 22558u);
  EXPECT_EQ(find_fma_number("FMA:22558"), 22558u);
  EXPECT_EQ(find_fma_number("fma_22558"), 22558u);
  EXPECT_EQ(find_fma_number("FMA-22558"), 22558u);
  EXPECT_EQ(find_fma_number("FJ1437_BP20821_FMA22558_Right soleus"), 22558u);
  EXPECT_EQ(find_fma_number("soleus (FMA22558).obj"), 22558u);
  EXPECT_FALSE(find_fma_number("soleus"));
  EXPECT_FALSE(find_fma_number("FMA"));
  EXPECT_FALSE(find_fma_number("FMA:"));
  EXPECT_FALSE(find_fma_number("XFMA22558"));         // another word
  EXPECT_FALSE(find_fma_number("FMA22558x"));         // another token
  EXPECT_FALSE(find_fma_number("FMA99999999999999")); // too long for an id
  EXPECT_EQ(find_fma_number("FMAX FMA12"), 12u);      // the first valid one
}

TEST(Fma, TheKnowledgeBaseRecordsGenericAndSidedIdsWithoutClashes) {
  KnowledgeBase kb = load_knowledge(test::source_dir() + "/assets/knowledge");
  ASSERT_TRUE(kb.problems.empty()) << to_string(kb.problems.front());
  std::vector<std::string> clashes;
  FmaIndex index = make_fma_index(kb, &clashes);
  EXPECT_TRUE(clashes.empty()) << ::testing::PrintToString(clashes);
  // The issue's example: FMA22558 is the right soleus, FMA:22542 the soleus.
  const FmaMatch* right = index.find(22558);
  ASSERT_NE(right, nullptr);
  EXPECT_EQ(right->id, "soleus");
  EXPECT_EQ(right->side, Side::right);
  ASSERT_NE(index.find(22542), nullptr);
  EXPECT_EQ(index.find(22542)->side, Side::unsided);
  EXPECT_EQ(index.find(22559)->side, Side::left);
  // Every structure with a generic id has its right and left ids, with the
  // FMA as a source, except the sural nerve (no sided id could be checked).
  for (const auto& e : kb.entries) {
    if (!e.fma_id || e.id == "sural_nerve") continue;
    EXPECT_TRUE(e.fma_id_right && e.fma_id_left) << e.id;
    const auto* src = e.sources_of("fma_id_right");
    ASSERT_NE(src, nullptr) << e.id;
    EXPECT_NE(std::find(src->begin(), src->end(), "fma"), src->end()) << e.id;
  }
}

FmaIndex small_index() {
  FmaIndex index;
  EXPECT_TRUE(index.add("FMA:22542", "soleus", Side::unsided));
  EXPECT_TRUE(index.add("FMA:22558", "soleus", Side::right));
  EXPECT_TRUE(index.add("FMA:22559", "soleus", Side::left));
  EXPECT_TRUE(index.add("FMA:24476", "tibia", Side::unsided));
  EXPECT_TRUE(index.add("FMA:24477", "tibia", Side::right));
  EXPECT_TRUE(index.add("FMA:24478", "tibia", Side::left));
  EXPECT_FALSE(index.add("FMA:24478", "fibula", Side::left)); // taken
  EXPECT_FALSE(index.add("22542", "soleus", Side::unsided));  // not an FMA id
  return index;
}

bool any_contains(const std::vector<std::string>& lines, const std::string& a, const std::string& b = "") {
  for (const auto& l : lines)
    if (l.find(a) != std::string::npos && l.find(b) != std::string::npos) return true;
  return false;
}

TEST(Fma, NodesNamedByGenericAndRightIdsAreLabelledAndLeftOnesRecognised) {
  auto dir = test::scratch_dir("fma_scene_both");
  const FmaIndex index = small_index();
  std::string path = test::write_box_gltf(
      (dir / "bp3d.gltf").string(), {{"FMA24476", {0, 0.3f, 0.08f}, {0.02f, 0.15f, 0.02f}, {1, 1, 1, 1}},
                                     {"FJ1437_FMA:22558_Right soleus", {0, 0.3f, -0.02f}, {0.03f, 0.1f, 0.03f}, {1, 0, 0, 1}},
                                     {"fma_22559", {0, 0.3f, -0.3f}, {0.03f, 0.1f, 0.03f}, {1, 0, 0, 1}},
                                     {"FMA999999", {0, 0.1f, 0}, glm::vec3(0.01f), {1, 1, 1, 1}}});
  SceneLoadOptions o;
  o.fma = &index;
  Scene s = load_scene(path, o);
  const SceneStructure* tibia = s.find("tibia");
  const SceneStructure* soleus = s.find("soleus");
  ASSERT_NE(tibia, nullptr);
  ASSERT_NE(soleus, nullptr);
  EXPECT_TRUE(tibia->labelled);
  EXPECT_EQ(soleus->side, Side::right);
  // Only the right soleus: the left one is not merged into it.
  EXPECT_NEAR(soleus->box.min.z, -0.05f, 1e-4);
  const SceneStructure* left = s.find("unlabelled:fma_22559");
  ASSERT_NE(left, nullptr);
  EXPECT_EQ(left->side, Side::left);
  EXPECT_NE(left->name.find("left"), std::string::npos) << left->name;
  EXPECT_NE(s.find("unlabelled:FMA999999"), nullptr); // an id Crus does not know
  EXPECT_TRUE(any_contains(s.warnings, "left leg", "FMA:22559")) << ::testing::PrintToString(s.warnings);
  // Without the index nothing is labelled by FMA id.
  EXPECT_EQ(load_scene(path).find("soleus"), nullptr);
}

TEST(Fma, AFileOfALeftLegIsLabelledAndSaidToBeOne) {
  auto dir = test::scratch_dir("fma_scene_left");
  const FmaIndex index = small_index();
  std::string path =
      test::write_box_gltf((dir / "left.gltf").string(), {{"FMA24478", {0, 0.3f, 0.08f}, {0.02f, 0.15f, 0.02f}, {1, 1, 1, 1}},
                                                          {"FMA22559", {0, 0.3f, -0.02f}, {0.03f, 0.1f, 0.03f}, {1, 0, 0, 1}}});
  SceneLoadOptions o;
  o.fma = &index;
  Scene s = load_scene(path, o);
  ASSERT_NE(s.find("soleus"), nullptr);
  EXPECT_EQ(s.find("soleus")->side, Side::left);
  EXPECT_EQ(s.find("tibia")->side, Side::left);
  EXPECT_TRUE(any_contains(s.warnings, "this is a left leg", "right leg")) << ::testing::PrintToString(s.warnings);
}

TEST(Fma, ASingleNodeFileNamedByAnIdAndAMapWithoutNodes) {
  auto dir = test::scratch_dir("fma_scene_file");
  const FmaIndex index = small_index();
  // BodyParts3D ships one file per part, in millimetres.
  std::string path =
      test::write_box_gltf((dir / "FMA22558.gltf").string(), {{"mesh0", {0, 300, 0}, {30, 100, 30}, {1, 0, 0, 1}}});
  std::ofstream(dir / "map.json") << R"({"units": "mm"})";
  SceneLoadOptions o;
  o.fma = &index;
  o.map_path = (dir / "map.json").string();
  Scene s = load_scene(path, o);
  ASSERT_NE(s.find("soleus"), nullptr);
  EXPECT_NEAR(s.find("soleus")->box.max.y, 0.4f, 1e-4);
  // A map without nodes on a file with no FMA names says that nothing matched.
  std::string plain = test::write_box_gltf((dir / "plain.gltf").string(), {{"a", {0, 300, 0}, {30, 100, 30}, {1, 0, 0, 1}},
                                                                           {"b", {0, 100, 0}, {30, 100, 30}, {1, 0, 0, 1}}});
  EXPECT_TRUE(any_contains(load_scene(plain, o).warnings, "map.json", "nothing is labelled"));
}

} // namespace
