// Baked ambient occlusion (atlas/occlusion.hpp): on small made-up scenes
// where the answer is known, and on the generated atlas.
#include "atlas/occlusion.hpp"
#include "atlas_fixture.hpp"
#include "core/document/scene.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <glm/geometric.hpp>

namespace crus::test {
namespace {

// A square of side 2 * half at height y, facing +y (or -y), two triangles.
Mesh square(float y, float half, bool up) {
  Mesh m;
  m.positions = {{-half, y, -half}, {half, y, -half}, {half, y, half}, {-half, y, half}};
  m.normals.assign(4, glm::vec3(0, up ? 1 : -1, 0));
  m.indices = up ? std::vector<std::uint32_t>{0, 2, 1, 0, 3, 2} : std::vector<std::uint32_t>{0, 1, 2, 0, 2, 3};
  return m;
}

// One vertex (a point with a normal) to bake, as a degenerate mesh.
Mesh probe(const glm::vec3& p, const glm::vec3& n) {
  Mesh m;
  m.positions = {p};
  m.normals = {glm::normalize(n)};
  return m;
}

TEST(Occlusion, OpenUnderTheSkyClosedUnderALowCeiling) {
  const Mesh floor = square(0.0f, 0.2f, true);
  const Mesh ceiling = square(0.004f, 0.2f, false); // 4 mm above the floor, within the 3 cm reach
  const atlas::OcclusionBaker alone({&floor}, {1});
  const atlas::OcclusionBaker covered({&floor, &ceiling}, {1, 1});
  const Mesh p = probe({0.0f, 0.0f, 0.0f}, {0, 1, 0});
  EXPECT_FLOAT_EQ(alone.bake(p, 1, 0, 1)[0], 1.0f); // the floor does not shade itself
  const float under = covered.bake(p, 1, 0, 1)[0];
  EXPECT_GE(under, 0.0f);
  // Every ray hits the ceiling, most 4 to 8 mm away: with the shade falling
  // off linearly over the 30 mm reach, about three quarters closed.
  EXPECT_LT(under, 0.35f);
}

TEST(Occlusion, FartherWallsShadeLessAndLayersFilter) {
  const Mesh floor = square(0.0f, 0.2f, true);
  const Mesh near = square(0.005f, 0.2f, false), far = square(0.02f, 0.2f, false);
  const Mesh p = probe({0.0f, 0.0f, 0.0f}, {0, 1, 0});
  const float under_near = atlas::OcclusionBaker({&floor, &near}, {1, 1}).bake(p, 1, 0, 2)[0];
  const float under_far = atlas::OcclusionBaker({&floor, &far}, {1, 1}).bake(p, 1, 0, 2)[0];
  EXPECT_LT(under_near, under_far);
  EXPECT_LT(under_far, 1.0f);
  // A bone (layer 0) is not darkened by soft tissue (layer 1) over it, and
  // the skin (negative layer) only by itself.
  EXPECT_FLOAT_EQ(atlas::OcclusionBaker({&floor, &near}, {0, 1}).bake(p, 0, 0, 1)[0], 1.0f);
  EXPECT_FLOAT_EQ(atlas::OcclusionBaker({&floor, &near}, {-1, 1}).bake(p, -1, 0, 1)[0], 1.0f);
  EXPECT_LT(atlas::OcclusionBaker({&floor, &near}, {-1, -1}).bake(p, -1, 1, 1)[0], 0.5f);
}

TEST(AtlasOcclusion, EveryVertexOfBothLevelsHasItInRange) {
  const atlas::GeneratedAtlas& atlas = shared_atlas();
  for (const auto* level : {&atlas.meshes, &atlas.lod1})
    for (const auto& [id, mesh] : *level) {
      ASSERT_EQ(mesh.occlusion.size(), mesh.positions.size()) << id;
      float lo = 1.0f;
      for (float o : mesh.occlusion) {
        ASSERT_GE(o, 0.0f) << id;
        ASSERT_LE(o, 1.0f) << id;
        lo = std::min(lo, o);
      }
      EXPECT_LT(lo, 0.95f) << id << ": nothing shades it anywhere";
    }
}

TEST(AtlasOcclusion, DeeperInThePoplitealFossaThanOnTheShin) {
  const atlas::GeneratedAtlas& atlas = shared_atlas();
  glm::vec3 knee(0.0f), ankle(0.0f);
  for (const auto& j : atlas.manifest.joints) {
    if (j.id == "knee") knee = j.position;
    if (j.id == "ankle") ankle = j.position;
  }
  // The fossa: soft tissue within 3 cm of a point 3.5 cm behind the knee
  // joint centre (X points forward). The shin: the front face of tibialis
  // anterior over the middle of the leg, open to the room (the translucent
  // skin does not shade what lies under it).
  const glm::vec3 fossa = knee + glm::vec3(-0.035f, 0.0f, 0.0f);
  double fossa_sum = 0.0, shin_sum = 0.0;
  int fossa_n = 0, shin_n = 0;
  for (std::size_t i = 0; i < atlas.meshes.size(); ++i) {
    const auto kind = atlas.manifest.structures[i].kind;
    if (kind == StructureKind::skin || kind == StructureKind::bone) continue;
    const Mesh& m = atlas.meshes[i].second;
    for (std::size_t v = 0; v < m.positions.size(); ++v) {
      if (glm::distance(m.positions[v], fossa) < 0.03f) {
        fossa_sum += m.occlusion[v];
        ++fossa_n;
      }
      const float down = (knee.y - m.positions[v].y) / (knee.y - ankle.y);
      if (atlas.meshes[i].first == "tibialis_anterior" && down > 0.3f && down < 0.6f && m.normals[v].x > 0.8f) {
        shin_sum += m.occlusion[v];
        ++shin_n;
      }
    }
  }
  ASSERT_GT(fossa_n, 100);
  ASSERT_GT(shin_n, 20);
  const double fossa_mean = fossa_sum / fossa_n, shin_mean = shin_sum / shin_n;
  EXPECT_GT(shin_mean, 0.85) << "the front of the shin should be open";
  EXPECT_LT(fossa_mean, shin_mean - 0.15) << "fossa " << fossa_mean << ", shin " << shin_mean;
}

// Through the glb and Assimp: the loader gets back what was baked; an
// atlas written without occlusion loads with none (drawn fully open).
TEST(AtlasOcclusion, SurvivesTheGlbAndAnAtlasWithoutItLoads) {
  const atlas::GeneratedAtlas& baked = shared_atlas();
  atlas::GeneratedAtlas plain = baked;
  for (auto* level : {&plain.meshes, &plain.lod1})
    for (auto& [id, mesh] : *level) mesh.occlusion.clear();
  const auto dir = scratch_dir("atlas_occlusion");
  for (const atlas::GeneratedAtlas* which : {&baked, static_cast<const atlas::GeneratedAtlas*>(&plain)}) {
    const auto out = dir / (which == &baked ? "with" : "without");
    atlas::write_atlas(*which, out.string());
    const Scene scene = load_scene((out / atlas::kMainGlb).string(), {});
    ASSERT_EQ(scene.structures.size(), baked.meshes.size());
    for (std::size_t i = 0; i < scene.structures.size(); ++i) {
      const SceneStructure& s = scene.structures[i];
      if (which == &plain) {
        EXPECT_TRUE(s.mesh.occlusion.empty()) << s.id;
        continue;
      }
      const Mesh& source = baked.meshes[i].second;
      ASSERT_EQ(s.id, baked.meshes[i].first);
      ASSERT_EQ(s.mesh.occlusion.size(), source.occlusion.size()) << s.id;
      for (std::size_t v = 0; v < source.occlusion.size(); v += 97)
        EXPECT_NEAR(s.mesh.occlusion[v], source.occlusion[v], 1e-5f) << s.id;
    }
  }
}

} // namespace
} // namespace crus::test
