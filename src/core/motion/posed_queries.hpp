#pragma once
// Queries on the posed leg (no GL). The posed meshes keep the rest meshes'
// vertices and triangles, so a point on a posed surface has the same
// barycentric coordinates on the same rest triangle: that is how a point
// painted on the posed skin finds its anatomical place at rest, where the
// referral zones are defined. A section plane placed on the rest leg moves
// with the tibia, so "40 % of the way down the leg" cuts the same level of
// the shank whatever the knee and ankle do.
#include "core/geometry/cross_section.hpp"
#include "core/geometry/mesh.hpp"
#include "core/motion/kinematics.hpp"
#include "core/anatomy/referral.hpp"

#include <vector>

namespace crus::motion {

// The point with `point`'s barycentric coordinates on triangle `triangle` of
// `from`, taken on the same triangle of `to` (same indices). Throws
// InputError for a triangle past the mesh or meshes whose vertex counts differ.
glm::vec3 carry_surface_point(const Mesh& from, const Mesh& to, std::uint32_t triangle, const glm::vec3& point);

// Points on (or near) the posed skin, each snapped to it through
// `posed_index` and carried to the rest skin.
std::vector<glm::vec3> to_rest_skin(const Mesh& rest_skin, const Mesh& posed_skin, const SkinIndex& posed_index,
                                    const std::vector<glm::vec3>& points);

// The rest plane moved rigidly by `shank` (the tibia's body transform).
SectionPlane carry_section_plane(const SectionPlane& rest, const Rigid& shank);

} // namespace crus::motion
