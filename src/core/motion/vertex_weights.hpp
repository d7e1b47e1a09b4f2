#pragma once
// The bodies a soft-tissue vertex moves with and how much of each (no GL):
// bound once from the rest pose (soft_tissue.hpp), read by the blend, the
// joint clearance and the origin carrier.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace crus::motion {

inline constexpr std::size_t kMaxInfluences = 4;

struct VertexWeights {
  std::array<std::uint8_t, kMaxInfluences> body{};
  std::array<float, kMaxInfluences> weight{}; // sorted, largest first; unused slots 0
};

// The kMaxInfluences largest of `w` (one weight per body, indexed by body),
// those under a thousandth of the largest dropped, normalised to sum to 1.
// Reorders nothing in `w`.
VertexWeights top_weights(const std::vector<double>& w);

} // namespace crus::motion
