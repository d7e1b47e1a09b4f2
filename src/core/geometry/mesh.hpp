#pragma once
// A triangle mesh in the model frame (metres; X anterior, Y superior, Z
// lateral for the right leg). Plain data: no GL.
#include <glm/vec3.hpp>
#include <cstdint>
#include <vector>

namespace crus {

struct Aabb {
  glm::vec3 min{0.0f};
  glm::vec3 max{0.0f};
  bool valid() const { return min.x <= max.x && min.y <= max.y && min.z <= max.z; }
  glm::vec3 centre() const { return (min + max) * 0.5f; }
  glm::vec3 size() const { return max - min; }
};

struct Mesh {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals; // per vertex, unit length; may be empty
  // Optional (muscles): each vertex's place in the muscle straightened along
  // its fibres: two coordinates across the fibres and one along, metres.
  std::vector<glm::vec3> fibres;
  std::vector<glm::vec3> colours; // optional per-vertex linear RGB (a muscle's pale tendons); else the structure's colour
  // Optional: baked ambient occlusion, how open each vertex is to the light
  // around it (1 open, 0 closed in); none means open everywhere.
  std::vector<float> occlusion;
  std::vector<std::uint32_t> indices; // triangles, counter-clockwise seen from outside
  // A posed copy of a deformed (skinned) mesh: each vertex where it lies at
  // rest, so overlays stay on the anatomy (they are tested against this in
  // the shader). Empty: the positions are the rest positions, or the mesh is
  // carried rigidly by its structure's transform (SceneStructure::transform).
  std::vector<glm::vec3> rest_positions;

  std::size_t triangle_count() const { return indices.size() / 3; }
  bool empty() const { return indices.empty(); }
};

Aabb bounds(const Mesh& mesh);
// Signed volume by the divergence theorem; positive for outward-facing meshes.
double signed_volume(const Mesh& mesh);
glm::vec3 area_weighted_centroid(const Mesh& mesh);
// Area-weighted vertex normals (smooth shading).
void compute_smooth_normals(Mesh& mesh);
// The unit normal of triangle `t` (indices 3t..3t+2), zero when it has no area.
glm::vec3 triangle_normal(const Mesh& mesh, std::size_t t);

struct MeshCheck {
  bool closed = false;   // every edge shared by exactly two triangles
  bool manifold = false; // ... and each used with opposite orientation
  bool oriented = false; // consistent winding and positive volume
  std::size_t degenerate_triangles = 0;
  std::size_t boundary_edges = 0;
  std::size_t non_manifold_edges = 0;
  bool watertight() const { return closed && manifold && oriented; }
};
MeshCheck check_mesh(const Mesh& mesh);

} // namespace crus
