#pragma once
// Turns a signed-distance field into a closed, 2-manifold, outward-facing
// triangle mesh: marching tetrahedra on a regular grid (a Kuhn split of each
// cube, consistent across faces, so the surface has no cracks), Taubin
// smoothing, a manifold-safe simplification and normals from the field.
#include "atlas/sdf.hpp"
#include "core/geometry/mesh.hpp"

#include <cstddef>

namespace crus::atlas {

// Samples `field` on a grid of spacing `cell` over its box (padded so the
// grid strictly encloses the surface) and extracts the zero level set. The
// grid is worked in layers on `threads` threads (0: as many as the machine
// has, at most two); the mesh is the same for any thread count.
Mesh polygonise(const Field& field, float cell, unsigned threads = 1);
unsigned default_threads();
// Volume-preserving smoothing (Taubin lambda/mu); keeps the topology.
void taubin_smooth(Mesh& mesh, int iterations, float lambda = 0.5f, float mu = -0.53f);
// Simplifies towards `target_triangles` while the quadric error of a
// collapse stays under `max_error` metres; a closed 2-manifold stays one
// (simplify.cpp).
// `min_normal_cos` bounds how far a collapse may turn a neighbouring triangle.
// With avoid_crossings, a collapse that would make a triangle cross a
// nearby one (a thin part pushed through itself) is refused.
Mesh simplify(const Mesh& mesh, std::size_t target_triangles, float max_error, float min_normal_cos = 0.7f,
              bool avoid_crossings = false);
// Merges the vertices joined by edges shorter than `min_edge` into one at
// their mean and drops the triangles that vanish with them: the clusters of
// nearly coincident vertices that marching leaves where the surface passes a
// grid point, folded onto each other so that no collapse above may take
// them. A cluster wider than min_edge about its mean, or whose merge would
// open or pinch the surface, turn or flatten a triangle, or lay two
// triangles back to back, is left as it is, unless it merges whole with the
// single vertices joined to it within 2.5 times min_edge of its mean (a
// crumple of slivers round it). The result has positions and
// triangles only, as simplify's has; with nothing merged, the mesh itself.
Mesh merge_close_vertices(Mesh mesh, float min_edge);
// Whether two triangles that share no vertex cross (open edges against open interiors).
bool triangles_cross(const glm::vec3& a0, const glm::vec3& a1, const glm::vec3& a2, const glm::vec3& b0, const glm::vec3& b1,
                     const glm::vec3& b2);
// Pairs of triangles (not sharing a vertex) that cross each other.
std::size_t count_self_intersections(const Mesh& mesh);
// Unit normals from the field's gradient: smoother than face averages.
void normals_from_field(Mesh& mesh, const Field& field, float step);

} // namespace crus::atlas
