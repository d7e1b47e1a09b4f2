// PickIndex: each mesh's rest-to-current transform and rebuilding one mesh
// (picking.cpp holds the hierarchy and the queries).
#include "core/geometry/picking.hpp"

#include "core/error.hpp"
#include "core/geometry/rest_frame.hpp"

#include <string>

namespace crus {

void PickIndex::set_transform(int mesh, const glm::mat4& rest_to_current) {
  if (mesh < 0 || static_cast<std::size_t>(mesh) >= meshes_.size()) return;
  MeshBvh& bvh = meshes_[static_cast<std::size_t>(mesh)];
  bvh.moved = rest_to_current != glm::mat4(1.0f);
  bvh.to_current = rest_to_current;
  bvh.to_rest = rigid_inverse(rest_to_current);
}

glm::mat4 PickIndex::transform(int mesh) const {
  if (mesh < 0 || static_cast<std::size_t>(mesh) >= meshes_.size()) return glm::mat4(1.0f);
  return meshes_[static_cast<std::size_t>(mesh)].to_current;
}

void PickIndex::rebuild(int mesh, const Mesh& mesh_now) {
  if (mesh < 0 || static_cast<std::size_t>(mesh) >= meshes_.size()) return;
  MeshBvh& slot = meshes_[static_cast<std::size_t>(mesh)];
  MeshBvh built;
  try {
    built = build_mesh(mesh_now);
  } catch (const InputError& e) {
    throw InputError("pick mesh " + std::to_string(mesh), e.what());
  }
  built.moved = slot.moved;
  built.to_current = slot.to_current;
  built.to_rest = slot.to_rest;
  slot = std::move(built);
}

Aabb PickIndex::mesh_bounds(int mesh) const {
  if (mesh < 0 || static_cast<std::size_t>(mesh) >= meshes_.size() || meshes_[mesh].nodes.empty())
    return Aabb{glm::vec3(1.0f), glm::vec3(-1.0f)};
  const MeshBvh& bvh = meshes_[static_cast<std::size_t>(mesh)];
  const Node& root = bvh.nodes.front();
  return moved_box(Aabb{root.min, root.max}, bvh.to_current);
}

} // namespace crus
