#pragma once
// Wrapping over a cylinder (the femoral condyles under the gastrocnemius
// heads, as in Rajagopal et al. 2016's Gastroc_at_condyles_r). Without it a
// straight line from the heads' origins to the calcaneus passes in front of
// the knee's axis near full extension and gives the gastrocnemius an
// extensor moment at the knee, which it does not have.
#include "core/motion/kinematics.hpp"

namespace crus::motion {

// Length of the shortest path from a to b that stays outside the infinite
// cylinder of `radius` whose axis is the z axis of `cylinder_to_model`
// (model frame). When the straight segment misses the cylinder, or an end
// lies inside it, the straight length. Otherwise two straight tangent
// pieces and a helical arc around the side that gives the shorter path (the
// geodesic: straight once the cylinder is unrolled). The ends of the
// cylinder are ignored: the muscles that use it stay within its length.
double wrapped_length(const glm::dvec3& a, const glm::dvec3& b, const Rigid& cylinder_to_model, double radius);

} // namespace crus::motion
