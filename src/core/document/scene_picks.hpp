#pragma once
// The pick index of a scene as it stands: every structure's mesh, each with
// its rest-to-current transform (a posed bone is picked on its rest mesh
// through its matrix, core/geometry/picking.hpp).
#include "core/document/scene.hpp"
#include "core/geometry/picking.hpp"

namespace crus {

PickIndex pick_index_of(const Scene& scene);
// Every structure's transform into `index` (built over the same scene).
void set_pick_transforms(PickIndex& index, const Scene& scene);

} // namespace crus
