// Attachment patches belong to the bone they lie on and are given in rest
// coordinates, so the shader paints them on the bone wherever it has moved.
#include "core/document/highlights.hpp"
#include "core/motion/posed_leg.hpp"
#include "support/motion_fixture.hpp"

#include <glm/geometric.hpp>
#include <algorithm>
#include <gtest/gtest.h>
#include <set>

using namespace crus;

// Every site of the bundled atlas names the one bone it lies on (the atlas
// splits attachments per bone), and its patches are owned by that bone: the
// soleus origin's parts are lit on the tibia and on the fibula, each on its
// own bone rather than on every bone. patch_owner, the fallback for an atlas
// whose sites name no bone, puts a capsule on the bone its site names or on
// none, never on a wrong one.
TEST(PatchOwner, EachCapsuleIsOwnedByTheBoneItLiesOn) {
  const Scene* atlas = test::light_atlas();
  ASSERT_NE(atlas, nullptr);
  ASSERT_TRUE(atlas->manifest);
  int capsules = 0, placed = 0;
  for (const AttachmentSite& site : atlas->manifest->sites) {
    const SceneStructure* bone = atlas->find(site.bone);
    ASSERT_NE(bone, nullptr) << site.id << " names no structure of the atlas: " << site.bone;
    EXPECT_EQ(bone->kind, StructureKind::bone) << site.id;
    for (const Capsule& c : site.patches) {
      ++capsules;
      const int owner = patch_owner(*atlas, c);
      if (owner < 0) continue;
      ++placed;
      EXPECT_EQ(atlas->structures[static_cast<std::size_t>(owner)].kind, StructureKind::bone) << site.id;
    }
  }
  // On the light atlas's sparse vertices most capsules still find their bone.
  EXPECT_GT(placed, capsules * 2 / 3);

  const int soleus = atlas->index_of("soleus");
  ASSERT_GE(soleus, 0);
  Highlights toggles;
  toggles.origin = true;
  toggles.insertion = false;
  const SelectionHighlights lit = compute_highlights(*atlas, nullptr, soleus, toggles);
  std::set<std::string> bones;
  for (const PatchHighlight& p : lit.inputs.patches) {
    ASSERT_GE(p.structure, 0) << "an unowned patch";
    bones.insert(atlas->structures[static_cast<std::size_t>(p.structure)].id);
  }
  EXPECT_EQ(bones, (std::set<std::string>{"tibia", "fibula"}));

  // Far from every bone: nobody's.
  EXPECT_EQ(patch_owner(*atlas, Capsule{{5, 5, 5}, {5, 5, 5}, 0.01f}), -1);
}

// On the posed leg the manifest (and the labels) move with the bones, while
// the patches handed to the renderer stay where they are at rest.
TEST(PatchOwner, PatchesOfAPosedLegAreGivenAtRest) {
  const Scene* atlas = test::light_atlas();
  ASSERT_NE(atlas, nullptr);
  const int muscle = atlas->index_of("tibialis_anterior");
  ASSERT_GE(muscle, 0);
  Highlights toggles;
  toggles.origin = toggles.insertion = true;
  const SelectionHighlights at_rest = compute_highlights(*atlas, nullptr, muscle, toggles);

  motion::LegPoser poser(test::motion_model(), test::motion_muscles(), *atlas);
  Scene posed = *atlas;
  motion::Pose pose;
  pose.knee_deg = 90.0;
  pose.ankle_deg = -30.0;
  poser.apply(pose, posed);
  const SelectionHighlights moved = compute_highlights(posed, nullptr, muscle, toggles);

  ASSERT_EQ(moved.inputs.patches.size(), at_rest.inputs.patches.size());
  ASSERT_FALSE(moved.inputs.patches.empty());
  for (std::size_t i = 0; i < moved.inputs.patches.size(); ++i) {
    EXPECT_EQ(moved.inputs.patches[i].structure, at_rest.inputs.patches[i].structure);
    EXPECT_LT(glm::distance(moved.inputs.patches[i].a, at_rest.inputs.patches[i].a), 1e-4f);
    EXPECT_LT(glm::distance(moved.inputs.patches[i].b, at_rest.inputs.patches[i].b), 1e-4f);
  }
  // The labels are where the bones are now: the insertion on the foot moved.
  ASSERT_EQ(moved.labels.size(), at_rest.labels.size());
  float most = 0.0f;
  for (std::size_t i = 0; i < moved.labels.size(); ++i)
    most = std::max(most, glm::distance(moved.labels[i].position, at_rest.labels[i].position));
  EXPECT_GT(most, 0.05f);
}
