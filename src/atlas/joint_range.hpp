#pragma once
// The ankle's and the subtalar joint's axes (Rajagopal et al. 2016, the pins
// ankle_r and subtalar_r; the same figures as assets/motion/joints.json) and
// shapes that stay clear of each other across their ranges of motion.
#include "atlas/sdf.hpp"

#include <glm/vec3.hpp>

#include <vector>

namespace crus::atlas {

struct PinAxis {
  glm::vec3 centre;
  glm::vec3 axis; // unit
};
PinAxis ankle_axis();
PinAxis subtalar_axis();
PinAxis mtp_axis(); // metatarsophalangeal (mtp_r): one axis for all five toes

// One relative position of a bone to its partner: the rotations (about rest
// axes, the distal one first) that carry a point of the bone into the frame
// where its partner rests.
struct RangePose {
  std::vector<std::pair<PinAxis, float>> turns; // axis, angle in radians
};
// The poses at the ends and through the ranges: the talus against the leg
// (ankle), the foot against the leg (ankle and subtalar), the foot against
// the talus (subtalar).
std::vector<RangePose> talus_against_leg();
std::vector<RangePose> foot_against_leg();
std::vector<RangePose> foot_against_talus();
std::vector<RangePose> toes_against_foot();

// `own`, less whatever of it would come within `gap` of `partner` at any of
// the poses: the room a joint's range needs (a bone's end is shaped by the
// bones it moves against).
Field clear_over_range(Field own, Field partner, std::vector<RangePose> poses, float gap);

// The trochlea of the talus: a frustum of a cone about the ankle axis, its
// apex medial (Inman 1976), between the malleolar faces s_medial and
// s_lateral (metres along the axis from its centre); radius r0 at the centre.
Field trochlea(float r0, float slope, float s_medial, float s_lateral, float rounding);
// The room the trochlea turns in: the same frustum grown by `gap`, for
// carving the tibia's distal surface and the malleoli.
Field trochlear_room(float r0, float slope, float s_medial, float s_lateral, float gap);

} // namespace crus::atlas
