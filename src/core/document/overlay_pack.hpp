#pragma once
// Packs a draw list's attachment patches and referral zones into one flat
// array of vec4 texels for the mesh shader (a texture buffer), with the range
// each draw item reads. There is no fixed cap: every overlay an item takes is
// packed; only the GL's texture-buffer size bounds the total, and the
// renderer reports when that is exceeded instead of cutting silently.
#include "core/document/draw_list.hpp"
#include <cstddef>
#include <glm/vec4.hpp>
#include <vector>

namespace crus {

constexpr int kTexelsPerOverlay = 3; // patch: (a, radius) (b, 0) (colour, 0); zone: (a, kind) (b, radius) (colour, essential)

struct OverlayRange {
  int patch_first = 0; // in overlays, not texels
  int patch_count = 0;
  int zone_first = 0;
  int zone_count = 0;
};

struct OverlayPack {
  std::vector<glm::vec4> texels;
  std::vector<OverlayRange> ranges; // one per DrawList::items entry
};

// An item takes the patches (zones) owned by its structure plus the unowned
// ones (-1), and only if its `patches` (`zones`) flag is set.
OverlayPack pack_overlays(const DrawList& list);

} // namespace crus
