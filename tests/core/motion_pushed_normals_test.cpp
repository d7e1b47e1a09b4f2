// Normals after the passes that move posed vertices on their own: the bone
// collision (bone_collision.hpp), the carried origins' fold relaxing
// (fold_relax.hpp) and the skin settling (skin_settle.hpp).
// The blend carries each rest normal with its vertex's rotation; a vertex
// pushed out of a bone, or skin pushed over the tissue, tilts its triangles,
// and a normal left as the blend gave it shades the surface as if it had not
// moved. A moved vertex's normal must be the area-weighted normal of its
// posed triangles (compute_smooth_normals on the posed mesh).
#include "core/motion/posed_leg.hpp"
#include "support/motion_fixture.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>

using namespace crus;
using namespace crus::motion;

namespace {

// The worst angle (degrees) between a moved vertex's normal and the
// area-weighted normal of its posed triangles; `moved` counts them.
double worst_normal_deg(const Mesh& before, const Mesh& after, std::size_t& moved) {
  Mesh smooth = after;
  compute_smooth_normals(smooth);
  double worst = 0.0;
  for (std::size_t v = 0; v < after.positions.size(); ++v) {
    if (glm::length(after.positions[v] - before.positions[v]) < 0.0005f) continue;
    ++moved;
    const float c = std::clamp(glm::dot(after.normals[v], smooth.normals[v]), -1.0f, 1.0f);
    worst = std::max(worst, std::acos(static_cast<double>(c)) * 180.0 / 3.14159265358979);
  }
  return worst;
}

} // namespace

TEST(MotionPushedNormals, VerticesPushedOutOfABoneTakeTheNormalsOfTheirPosedTriangles) {
  const Scene* atlas = crus::test::light_atlas();
  ASSERT_TRUE(atlas && atlas->manifest) << "the bundled atlas is missing; it is part of the repository";
  SoftTissueOptions without;
  without.bone_collision = false;
  without.relax_folds = false; // it moves vertices on its own too (fold_relax.hpp)
  const LegSkin blend_only = bind_soft_tissue(crus::test::motion_model(), crus::test::motion_muscles(), *atlas, without);
  const LegSkin pushed = bind_soft_tissue(crus::test::motion_model(), crus::test::motion_muscles(), *atlas);
  const auto bodies = pose_bodies(crus::test::motion_model(), {120.0, 0.0, 0.0, 0.0});
  Scene a = *atlas, b = *atlas;
  pose_scene(blend_only, *atlas, bodies, a);
  pose_scene(pushed, *atlas, bodies, b);
  std::size_t moved_total = 0;
  for (const char* id : {"gastrocnemius_medial_head", "popliteus", "plantaris"}) {
    const auto si = static_cast<std::size_t>(atlas->index_of(id));
    std::size_t moved = 0;
    const double worst = worst_normal_deg(a.structures[si].mesh, b.structures[si].mesh, moved);
    std::cout << id << ": " << moved << " vertices pushed, worst normal " << worst << " degrees off\n";
    moved_total += moved;
    EXPECT_LT(worst, 1.0) << id;
  }
  EXPECT_GT(moved_total, 20u) << "the collision pass pushes tissue out of the tibia at knee 120";
}

TEST(MotionPushedNormals, SkinSettledOverTheTissueTakesTheNormalsOfItsPosedTriangles) {
  const Scene* atlas = crus::test::light_atlas();
  ASSERT_TRUE(atlas && atlas->manifest) << "the bundled atlas is missing; it is part of the repository";
  const LegSkin skin = bind_soft_tissue(crus::test::motion_model(), crus::test::motion_muscles(), *atlas);
  const auto bodies = pose_bodies(crus::test::motion_model(), {120.0, 0.0, 0.0, 0.0});
  Scene posed = *atlas;
  pose_scene(skin, *atlas, bodies, posed);
  const auto si = static_cast<std::size_t>(atlas->index_of("skin"));
  const Mesh before = posed.structures[si].mesh;
  settle_skin(skin.settle, *atlas, posed);
  std::size_t moved = 0;
  const double worst = worst_normal_deg(before, posed.structures[si].mesh, moved);
  std::cout << "skin: " << moved << " vertices settled, worst normal " << worst << " degrees off\n";
  EXPECT_GT(moved, 20u);
  EXPECT_LT(worst, 1.0);
}
