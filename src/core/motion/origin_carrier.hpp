#pragma once
// The proximal part of a muscle that bends over the knee, carried section by
// section along a bent centre line (no GL). Used for the muscles whose path
// wraps the femoral condyles (the gastrocnemius heads and the plantaris).
//
// Why: the distance weights of the skinning give a section of such a muscle
// near its femoral origin two bodies at once, its deep side the tibia's and
// its superficial side the femur's. At full knee flexion the two sides turn
// 120 degrees apart and the sheet folds over itself. Here a section moves as
// one piece instead: every vertex is placed by its level along the muscle's
// rest axis and its offset from that axis, at the same fraction of a smooth
// posed centre line that leaves the origin with the femur and arrives, a
// carrier length down the muscle, where and as the skinning puts that level.
// The frames along the line turn as little as they can (a rotation
// minimising frame) and take the twist between the two ends evenly, so
// neighbouring sections never cross while the bend is gentler than the
// section is thick. Below the carried length the skinning takes over,
// blended in over the lower part of it.
#include "core/geometry/mesh.hpp"
#include "core/motion/vertex_weights.hpp"

#include <glm/gtc/quaternion.hpp>
#include <glm/mat3x3.hpp>
#include <glm/vec3.hpp>

#include <array>
#include <cstdint>
#include <vector>

namespace crus::motion {

struct CarrierVertex {
  std::uint32_t index = 0; // mesh vertex
  float level = 0.0f;      // along the rest axis from the origin, 0..1 of the carried length
  float share = 0.0f;      // how much of the carrier it takes (the rest: the skinning)
};

struct OriginCarrier {
  int origin_body = -1;              // the body holding the origin (the femur); -1: none bound
  glm::vec3 origin{0.0f};            // rest: the origin's centre
  glm::vec3 axis{0.0f, -1.0f, 0.0f}; // rest: unit, from the origin down the muscle
  float length = 0.0f;               // carried length along the axis (m)
  float tangent_scale = 0.5f;        // CarrierOptions::tangent_scale
  VertexWeights far;                 // the skinning's weights of the level at `length`, averaged
  std::vector<CarrierVertex> vertices;
};

// Chosen on the light atlas by the folded edges near the gastrocnemius
// origins at knee 90 and 120 degrees, the stretched edges and what comes out
// through the skin (docs/motion/README.md): a shorter carried length or
// longer end tangents send the line down into the tibia that rolls back
// under the condyles, and the collision pass folds what it pushes out of
// it; carried further down the belly, the muscle leaves the skin behind
// (the skin follows the skinning's blend beneath it).
struct CarrierOptions {
  float length_m = 0.20f;           // carried this far down the muscle from its origin
  float length_fraction = 0.6f;     // ... and at most this fraction of the muscle's extent along its axis
  float fade_from = 0.45f;          // the skinning blends in from this fraction of the length
  float tangent_scale = 0.5f;       // the line's end tangents, in units of the distance between its ends
  float level_halfwidth_m = 0.006f; // the slab whose centre gives the far end of the axis
};

// Binds a muscle's proximal part. `origin` is the centre of its femoral
// attachment, `toward` a point further down its path (the axis starts as the
// direction to it, then runs through the centre of the muscle's vertices a
// carried length down). `weights` are the skinning's, one per vertex.
OriginCarrier bind_origin_carrier(const Mesh& mesh, int origin_body, const glm::vec3& origin, const glm::vec3& toward,
                                  const std::vector<VertexWeights>& weights, const CarrierOptions& options = {});

// A rigid transform of one posed body, and a blend of them (soft_tissue.cpp).
struct CarrierPose {
  glm::mat3 origin_r{1.0f};
  glm::vec3 origin_t{0.0f};
  glm::mat3 far_r{1.0f}; // the skinning's blend at the far end
  glm::vec3 far_t{0.0f};
};

// Reusable per pose: the posed centre line and its frames.
struct CarrierPath {
  static constexpr int kSteps = 32;
  std::array<glm::vec3, kSteps + 1> point{};
  std::array<glm::mat3, kSteps + 1> frame{};
  std::array<glm::quat, kSteps + 1> turn{}; // the frames as unit quaternions, each on the side of the one before
};
void carrier_path(const OriginCarrier& c, const CarrierPose& pose, CarrierPath& out);

// Moves the carried vertices: `posed` (already skinned) is blended with
// where the carrier puts each of them; normals likewise when given.
void apply_origin_carrier(const OriginCarrier& c, const CarrierPath& path, const std::vector<glm::vec3>& rest,
                          const std::vector<glm::vec3>* rest_normals, std::vector<glm::vec3>& posed,
                          std::vector<glm::vec3>* posed_normals);

} // namespace crus::motion
