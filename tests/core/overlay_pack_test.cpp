// Packing overlays for the shader: every overlay an item takes is packed,
// owned overlays go only to their structure, flags are respected.
#include "core/document/overlay_pack.hpp"

#include <gtest/gtest.h>

using namespace crus;

namespace {
DrawList list_with(int items) {
  DrawList list;
  for (int i = 0; i < items; ++i) {
    DrawItem item;
    item.structure = i;
    list.items.push_back(item);
  }
  return list;
}
} // namespace

TEST(OverlayPack, EveryUnownedPatchReachesEveryFlaggedItemOnce) {
  DrawList list = list_with(3);
  list.items[0].patches = list.items[2].patches = true;
  for (int k = 0; k < 1000; ++k) list.patches.push_back({-1, glm::vec3(float(k)), glm::vec3(0.0f), 0.01f, glm::vec3(1.0f)});
  OverlayPack pack = pack_overlays(list);
  ASSERT_EQ(pack.ranges.size(), 3u);
  EXPECT_EQ(pack.ranges[0].patch_count, 1000);
  EXPECT_EQ(pack.ranges[1].patch_count, 0);
  EXPECT_EQ(pack.ranges[2].patch_count, 1000);
  // Shared, not copied per item.
  EXPECT_EQ(pack.texels.size(), 1000u * kTexelsPerOverlay);
  EXPECT_EQ(pack.texels[3 * 999].x, 999.0f);
}

TEST(OverlayPack, OwnedOverlaysGoOnlyToTheirStructure) {
  DrawList list = list_with(3);
  for (auto& item : list.items) item.patches = item.zones = true;
  list.patches.push_back({-1, {1, 0, 0}, {}, 0.01f, {}});
  list.patches.push_back({2, {2, 0, 0}, {}, 0.01f, {}});
  ZoneShape z;
  z.structure = 1;
  z.a = {7, 0, 0};
  list.zones.push_back(z);
  OverlayPack pack = pack_overlays(list);
  EXPECT_EQ(pack.ranges[0].patch_count, 1);
  EXPECT_EQ(pack.ranges[1].patch_count, 1);
  EXPECT_EQ(pack.ranges[2].patch_count, 2);
  EXPECT_EQ(pack.texels[std::size_t(pack.ranges[2].patch_first + 1) * kTexelsPerOverlay].x, 2.0f);
  EXPECT_EQ(pack.ranges[0].zone_count, 0);
  EXPECT_EQ(pack.ranges[1].zone_count, 1);
  EXPECT_EQ(pack.texels[std::size_t(pack.ranges[1].zone_first) * kTexelsPerOverlay].x, 7.0f);
  EXPECT_EQ(pack.texels[std::size_t(pack.ranges[1].zone_first) * kTexelsPerOverlay + 2].w, 1.0f); // essential
}

TEST(OverlayPack, NoFlagsNoTexels) {
  DrawList list = list_with(2);
  list.patches.push_back({-1, {}, {}, 0.01f, {}});
  OverlayPack pack = pack_overlays(list);
  EXPECT_TRUE(pack.texels.empty());
  EXPECT_EQ(pack.ranges[0].patch_count + pack.ranges[1].patch_count, 0);
}
