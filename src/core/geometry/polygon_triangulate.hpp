#pragma once
// Triangulates polygons with holes by ear clipping, for the filled caps of a
// cut model. Debian packages no C++ polygon triangulator (mapbox earcut is
// there only as Python bindings), so this is written here: holes are joined
// to their outer loop by bridges (Eberly, "Triangulation by Ear Clipping"),
// then ears are clipped.
#include <glm/vec2.hpp>
#include <cstdint>
#include <vector>

namespace crus {

struct Triangulation {
  std::vector<glm::dvec2> vertices;
  std::vector<std::uint32_t> indices; // counter-clockwise triangles
  std::size_t forced = 0;             // ears clipped without a clean test (degenerate input); 0 for good polygons
};

// `loops`: closed polygons, outer boundaries counter-clockwise and holes
// clockwise (as the slicer gives them). Each hole goes to the smallest outer
// loop that contains it; a hole inside no outer loop is left out. Loops
// with fewer than three distinct points are left out.
Triangulation triangulate_polygons(const std::vector<std::vector<glm::dvec2>>& loops);

} // namespace crus
