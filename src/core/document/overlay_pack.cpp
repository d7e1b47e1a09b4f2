#include "core/document/overlay_pack.hpp"

namespace crus {

namespace {

template <typename Shape>
bool applies(const Shape& s, int structure) {
  return s.structure < 0 || s.structure == structure;
}

void put_patch(std::vector<glm::vec4>& t, const PatchHighlight& p) {
  t.emplace_back(p.a, p.radius);
  t.emplace_back(p.b, 0.0f);
  t.emplace_back(p.colour, 0.0f);
}

void put_zone(std::vector<glm::vec4>& t, const ZoneShape& z) {
  const bool capsule = z.kind == ZoneShape::Kind::capsule;
  t.emplace_back(z.a, capsule ? 1.0f : 0.0f);
  t.emplace_back(z.b, z.radius);
  t.emplace_back(z.colour, z.essential ? 1.0f : 0.0f);
}

} // namespace

OverlayPack pack_overlays(const DrawList& list) {
  OverlayPack pack;
  pack.ranges.resize(list.items.size());
  // Items that take the same set share one block: the common case (every
  // bone takes the same unowned patches) packs once, not once per bone.
  int shared_patch_first = -1, shared_patch_count = 0;
  int shared_zone_first = -1, shared_zone_count = 0;
  bool any_owned_patch = false, any_owned_zone = false;
  for (const auto& p : list.patches) any_owned_patch = any_owned_patch || p.structure >= 0;
  for (const auto& z : list.zones) any_owned_zone = any_owned_zone || z.structure >= 0;

  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const DrawItem& item = list.items[i];
    OverlayRange& r = pack.ranges[i];
    if (item.patches && !list.patches.empty()) {
      if (!any_owned_patch && shared_patch_first >= 0) {
        r.patch_first = shared_patch_first;
        r.patch_count = shared_patch_count;
      } else {
        r.patch_first = static_cast<int>(pack.texels.size()) / kTexelsPerOverlay;
        for (const auto& p : list.patches)
          if (applies(p, item.structure)) {
            put_patch(pack.texels, p);
            ++r.patch_count;
          }
        shared_patch_first = r.patch_first;
        shared_patch_count = r.patch_count;
      }
    }
    if (item.zones && !list.zones.empty()) {
      if (!any_owned_zone && shared_zone_first >= 0) {
        r.zone_first = shared_zone_first;
        r.zone_count = shared_zone_count;
      } else {
        r.zone_first = static_cast<int>(pack.texels.size()) / kTexelsPerOverlay;
        for (const auto& z : list.zones)
          if (applies(z, item.structure)) {
            put_zone(pack.texels, z);
            ++r.zone_count;
          }
        shared_zone_first = r.zone_first;
        shared_zone_count = r.zone_count;
      }
    }
  }
  return pack;
}

} // namespace crus
