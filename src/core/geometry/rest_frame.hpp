#pragma once
// A structure carried rigidly (a posed bone) keeps its rest mesh and a
// rest-to-current matrix (SceneStructure::transform). These helpers answer
// questions about where it is now from the two, without a posed copy of its
// vertices. Plain C++ and GLM.
#include "core/geometry/cross_section.hpp"
#include "core/geometry/mesh.hpp"

#include <glm/mat4x4.hpp>

namespace crus {

struct SceneStructure;

// The inverse of a rigid matrix (rotation and translation).
glm::mat4 rigid_inverse(const glm::mat4& m);
glm::vec3 moved_point(const glm::mat4& m, const glm::vec3& p);
// A box around `rest` moved by `m` (its eight corners): cheap, loose.
Aabb moved_box(const Aabb& rest, const glm::mat4& m);
// The bounds of `mesh` moved by `m`, exactly (every vertex read, none written):
// what framing a posed leg needs, the same box a moved copy would have.
Aabb moved_bounds(const Mesh& mesh, const glm::mat4& m);
// Positions and normals moved by `m` in place (for a one-off copy that must
// stand on its own, such as a mesh cut open for `crus render --section`).
void bake_transform(Mesh& mesh, const glm::mat4& m);
// The plane carried back by `rest_to_current`: slicing the rest mesh with it
// gives the same loops, in the same (u, v) coordinates, as slicing the moved mesh.
SectionPlane plane_to_rest(const SectionPlane& plane, const glm::mat4& rest_to_current);

// The structure's mesh sliced where it stands now.
MeshSection slice_structure(const SceneStructure& s, const SectionPlane& plane);
// A vertex of the structure's mesh where it stands now.
glm::vec3 current_point(const SceneStructure& s, const glm::vec3& mesh_point);

} // namespace crus
