#pragma once
// Routes a nerve trunk between the structures around it instead of through
// them (issue 11: "nerves run between muscles, not through them"). The trunk
// is drawn by hand through its anatomical plane; where the generated muscles
// fill that plane, each station of the trunk moves, within its cross-section
// plane, to the nearest place with room for the nerve.
#include "atlas/sdf.hpp"

#include <vector>

namespace crus::atlas {

struct StructureSpec;

struct RouteReport {
  int stations = 0;    // stations checked (the trunk resampled about every 8 mm)
  int moved = 0;       // stations that had to move
  int cramped = 0;     // stations where no place within reach had full room
  float max_shift = 0; // metres
};

// Resamples `keys` along their spline (about every `spacing` metres), moves
// each station that lies within `clearance` of any of `around` (bones,
// muscles, tendons) to the nearest clear point of its cross-section plane
// within `reach`, smooths the moves, and returns the new keys. The first
// station stays put when `pin_first` (where the trunk leaves its parent), and
// the last when `pin_last` (where it divides). `moves` receives, for each of
// the original keys, how far it moved, so branches that start there follow.
std::vector<SweepKey> route_between(const std::vector<SweepKey>& keys, const std::vector<const StructureSpec*>& around,
                                    bool pin_first, bool pin_last, std::vector<glm::vec3>& moves, RouteReport& report,
                                    float clearance = 0.0006f, float reach = 0.022f, float spacing = 0.008f);

} // namespace crus::atlas
