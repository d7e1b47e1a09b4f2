// The posed skin settles over the posed tissue (skin_settle.hpp), on a
// made-up leg: a round skin 50 mm across and a small round muscle just under
// it, moved as skinning might move them.
#include "core/motion/skin_settle.hpp"
#include "core/document/scene.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <cmath>

using namespace crus;
using namespace crus::motion;

namespace {

Mesh sphere(glm::vec3 centre, float radius, int rings, int segments) {
  Mesh m;
  const float pi = 3.14159265f;
  m.positions.push_back(centre + glm::vec3(0.0f, radius, 0.0f));
  for (int r = 1; r < rings; ++r) {
    const float theta = pi * static_cast<float>(r) / static_cast<float>(rings);
    for (int s = 0; s < segments; ++s) {
      const float phi = 2.0f * pi * static_cast<float>(s) / static_cast<float>(segments);
      m.positions.push_back(
          centre + radius * glm::vec3(std::sin(theta) * std::cos(phi), std::cos(theta), -std::sin(theta) * std::sin(phi)));
    }
  }
  m.positions.push_back(centre - glm::vec3(0.0f, radius, 0.0f));
  const auto at = [&](int r, int s) { return static_cast<std::uint32_t>(1 + (r - 1) * segments + (s % segments)); };
  const auto last = static_cast<std::uint32_t>(m.positions.size() - 1);
  for (int s = 0; s < segments; ++s) {
    m.indices.insert(m.indices.end(), {0u, at(1, s), at(1, s + 1)});
    for (int r = 1; r + 1 < rings; ++r)
      m.indices.insert(m.indices.end(), {at(r, s), at(r + 1, s), at(r + 1, s + 1), at(r, s), at(r + 1, s + 1), at(r, s + 1)});
    m.indices.insert(m.indices.end(), {at(rings - 1, s), last, at(rings - 1, s + 1)});
  }
  compute_smooth_normals(m);
  return m;
}

Scene leg() {
  Scene scene;
  SceneStructure skin;
  skin.id = "skin";
  skin.kind = StructureKind::skin;
  skin.mesh = sphere(glm::vec3(0.0f), 0.05f, 40, 80);
  skin.box = bounds(skin.mesh);
  SceneStructure muscle;
  muscle.id = "soleus";
  muscle.kind = StructureKind::muscle;
  muscle.mesh = sphere(glm::vec3(0.04f, 0.0f, 0.0f), 0.005f, 8, 16); // its outermost point 5 mm under the skin
  muscle.box = bounds(muscle.mesh);
  scene.structures = {skin, muscle};
  scene.box = skin.box;
  return scene;
}

// How far the point lies over the skin's tangent plane at its nearest skin
// vertex (negative: under it).
float height_over_skin(const Mesh& skin, const glm::vec3& p) {
  std::size_t best = 0;
  for (std::size_t v = 1; v < skin.positions.size(); ++v)
    if (glm::length(skin.positions[v] - p) < glm::length(skin.positions[best] - p)) best = v;
  return glm::dot(p - skin.positions[best], skin.normals[best]);
}

float worst_stretch(const Mesh& rest, const Mesh& now) {
  float worst = 0.0f;
  for (std::size_t t = 0; t + 2 < rest.indices.size(); t += 3)
    for (std::size_t e = 0; e < 3; ++e) {
      const auto a = rest.indices[t + e], b = rest.indices[t + (e + 1) % 3];
      const float r = glm::length(rest.positions[a] - rest.positions[b]);
      if (r > 1e-6f) worst = std::max(worst, glm::length(now.positions[a] - now.positions[b]) / r);
    }
  return worst;
}

} // namespace

TEST(MotionSkinSettle, AtRestNothingMoves) {
  const Scene rest = leg();
  const SkinSettle settle = bind_skin_settle(rest, 0, {1});
  ASSERT_FALSE(settle.tissue.empty());
  Scene posed = rest;
  settle_skin(settle, rest, posed);
  for (std::size_t v = 0; v < rest.structures[0].mesh.positions.size(); ++v)
    EXPECT_EQ(posed.structures[0].mesh.positions[v], rest.structures[0].mesh.positions[v]) << v;
}

TEST(MotionSkinSettle, TissueMovedOutThroughTheSkinIsCoveredAgain) {
  const Scene rest = leg();
  const SkinSettle settle = bind_skin_settle(rest, 0, {1});
  Scene posed = rest;
  // The muscle moved 12 mm outwards: 7 mm out through the skin.
  for (glm::vec3& p : posed.structures[1].mesh.positions) p.x += 0.012f;
  float out = -1.0f;
  for (const glm::vec3& p : posed.structures[1].mesh.positions)
    out = std::max(out, height_over_skin(posed.structures[0].mesh, p));
  ASSERT_GT(out, 0.006f);
  settle_skin(settle, rest, posed);
  const Mesh& skin = posed.structures[0].mesh;
  for (const glm::vec3& p : posed.structures[1].mesh.positions) EXPECT_LT(height_over_skin(skin, p), -0.0005f);
  // The skin bulges there only: the far side is where it was, and nothing tears.
  for (std::size_t v = 0; v < skin.positions.size(); ++v) {
    if (rest.structures[0].mesh.positions[v].x < 0.0f) {
      EXPECT_EQ(skin.positions[v], rest.structures[0].mesh.positions[v]);
    }
  }
  EXPECT_LT(worst_stretch(rest.structures[0].mesh, skin), 3.0f);
  EXPECT_GE(posed.structures[0].box.max.x, 0.057f); // the box follows the bulge
  for (const glm::vec3& n : skin.normals) EXPECT_NEAR(glm::length(n), 1.0f, 1e-3f);
}

TEST(MotionSkinSettle, AnOverstretchedSkinEdgeIsShortened) {
  const Scene rest = leg();
  const SkinSettle settle = bind_skin_settle(rest, 0, {1});
  Scene posed = rest;
  // One vertex left 20 mm behind (as a wrong weight would), away from the muscle.
  const std::size_t v = 1 + 20 * 80 + 40; // the equator, at -x
  posed.structures[0].mesh.positions[v] += glm::vec3(-0.02f, 0.0f, 0.0f);
  ASSERT_GT(worst_stretch(rest.structures[0].mesh, posed.structures[0].mesh), 5.0f);
  settle_skin(settle, rest, posed);
  EXPECT_LT(worst_stretch(rest.structures[0].mesh, posed.structures[0].mesh), kMaxStretch * 1.001f);
}
