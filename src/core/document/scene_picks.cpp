#include "core/document/scene_picks.hpp"

#include <vector>

namespace crus {

PickIndex pick_index_of(const Scene& scene) {
  std::vector<const Mesh*> meshes;
  meshes.reserve(scene.structures.size());
  for (const auto& s : scene.structures) meshes.push_back(&s.mesh);
  PickIndex index;
  index.build(meshes);
  set_pick_transforms(index, scene);
  return index;
}

void set_pick_transforms(PickIndex& index, const Scene& scene) {
  for (std::size_t i = 0; i < scene.structures.size(); ++i)
    index.set_transform(static_cast<int>(i), scene.structures[i].transform);
}

} // namespace crus
