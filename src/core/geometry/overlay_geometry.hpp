#pragma once
// Small meshes for overlays: arrows along a line of action, X markers.
#include "core/document/draw_list.hpp"
#include "core/geometry/mesh.hpp"
#include <vector>

namespace crus {
// Arrows as a shaft and a cone; markers as two crossed bars lying across the
// marker's normal. Every arrow and marker of the lists goes into one mesh.
Mesh overlay_mesh(const std::vector<Arrow>& arrows, const std::vector<Marker>& markers);
} // namespace crus
