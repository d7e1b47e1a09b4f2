#pragma once
// Ray picking and closest-point queries over the atlas meshes: one bounding
// volume hierarchy per mesh (binned SAH, flattened), so that hidden meshes
// cost nothing and a query on one mesh needs no other. Plain C++ and GLM.
#include "core/cancel.hpp"
#include "core/geometry/mesh.hpp"

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace crus {

struct Ray {
  glm::vec3 origin{0.0f};
  glm::vec3 direction{0.0f, 0.0f, -1.0f}; // need not be unit length
};

struct PickHit {
  int mesh = -1;      // index into the meshes given to PickIndex::build
  int triangle = -1;  // triangle index within that mesh
  float distance = 0; // metres from the ray origin (or from the query point)
  glm::vec3 point{0.0f};
  glm::vec3 normal{0.0f}; // interpolated vertex normal, else the face normal
};

// Per-mesh flag values for PickIndex::pick.
inline constexpr std::uint8_t pick_hidden = 0;
inline constexpr std::uint8_t pick_opaque = 1;
inline constexpr std::uint8_t pick_ghosted = 2; // drawn translucent

// The ray under a pixel (origin top-left, in the same units as viewport_size)
// starting on the near plane. Works for perspective (finite or infinite far
// plane) and orthographic projections.
Ray ray_from_screen(glm::vec2 pixel, glm::vec2 viewport_size, const glm::mat4& view, const glm::mat4& projection);

class PickIndex {
public:
  // Copies what it needs, so the meshes may go away afterwards. Mesh i is
  // structure index i in every query; a null or empty mesh is never hit.
  // Deterministic for the same input. Throws InputError naming the mesh and
  // triangle for an index past the positions or a non-finite position.
  // Queries are const and may run on several threads at once. Cancelled
  // (`cancel`, from another thread: a background bind stopping) part-way, it
  // returns within a few hundred nodes, holding no mesh.
  void build(const std::vector<const Mesh*>& meshes, const CancelToken* cancel = nullptr);

  // The nearest hit among meshes flagged pick_opaque; when the ray meets no
  // such mesh, the nearest pick_ghosted hit, so a click passes through
  // translucent skin to the muscle behind it. pickable[i] is the flag of mesh
  // i (other non-zero values count as opaque); meshes past its end count as
  // hidden. Triangles are two-sided.
  std::optional<PickHit> pick(const Ray& ray, const std::vector<std::uint8_t>& pickable) const;
  // The nearest hit on any mesh, ignoring visibility.
  std::optional<PickHit> pick_all(const Ray& ray) const;
  // The nearest hit on each mesh that is not hidden, nearest first.
  std::vector<PickHit> hits_along(const Ray& ray, const std::vector<std::uint8_t>& pickable) const;

  // The closest surface point of one mesh to p (distance is |point - p|),
  // or nullopt when the mesh is empty, unknown or farther than max_distance.
  std::optional<PickHit> nearest_point(glm::vec3 p, int mesh, float max_distance = std::numeric_limits<float>::infinity()) const;

  // Mesh i as it stands now: the mesh given to build() is where it lies at
  // rest, and every query sees it moved by this rest-to-current matrix, so a
  // posed bone costs a matrix, not a new hierarchy. Rigid only (rotation and
  // translation: distances along a ray are the same in both frames). Identity
  // until set; an unknown mesh is ignored.
  void set_transform(int mesh, const glm::mat4& rest_to_current);
  glm::mat4 transform(int mesh) const; // identity for an unknown mesh
  // Builds mesh i's hierarchy again from `mesh` (a deformed soft tissue in a
  // new pose), keeping the others and its transform. Throws like build().
  void rebuild(int mesh, const Mesh& mesh_now);

  std::size_t mesh_count() const { return meshes_.size(); }
  std::size_t triangle_count() const;
  // Where the mesh is now (its rest bounds moved by its transform, a box
  // around the moved box); not valid() for an empty or unknown mesh.
  Aabb mesh_bounds(int mesh) const;

  // Flattened node: an inner node's children are nodes first and first + 1;
  // a leaf covers triangles [first, first + count) of its mesh's BVH order.
  struct Node {
    glm::vec3 min;
    std::uint32_t first;
    glm::vec3 max;
    std::uint32_t count; // 0 for an inner node
  };
  // A triangle as the ray test wants it: one vertex and two edges.
  struct Triangle {
    glm::vec3 v0;
    glm::vec3 e1;
    glm::vec3 e2;
  };

private:
  struct MeshBvh {
    std::vector<Node> nodes;
    std::vector<Triangle> triangles;    // in BVH order
    std::vector<std::uint32_t> source;  // BVH order -> triangle index in the mesh
    std::vector<std::uint32_t> indices; // copy of Mesh::indices, for normals
    std::vector<glm::vec3> normals;     // copy of Mesh::normals (may be empty)
    bool moved = false;                 // transform is not the identity
    glm::mat4 to_current{1.0f};         // set_transform
    glm::mat4 to_rest{1.0f};            // its inverse
  };
  // A world ray in one mesh's rest frame (the same ray when it has not moved).
  struct LocalRay {
    glm::vec3 origin;
    glm::vec3 direction;
    glm::vec3 inv_direction;
  };
  static LocalRay local_ray(const MeshBvh& bvh, const Ray& unit_ray, const glm::vec3& inv_direction);
  struct RayHit {
    float t;
    std::uint32_t slot; // triangle in BVH order
    float u;
    float v;
  };

  static MeshBvh build_mesh(const Mesh& mesh, const CancelToken* cancel = nullptr); // cancelled: unusable
  // Nearest hit on one mesh with t < t_max.
  static bool intersect(const MeshBvh& bvh, const glm::vec3& origin, const glm::vec3& inv_dir, const glm::vec3& dir, float t_max,
                        RayHit& hit);
  PickHit make_hit(int mesh, const Ray& unit_ray, const RayHit& hit) const;

  std::vector<MeshBvh> meshes_;
};

} // namespace crus
