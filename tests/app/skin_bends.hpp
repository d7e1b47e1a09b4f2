// How sharply a mesh bends along each of its edges, from the normals at the
// edge's two ends: the radius of curvature (edge length over the angle
// between the normals). The atlas generator takes the normals from the
// fields, so they show a crease between the vertices too. Shared by the
// skin's surface tests (skin_surface_test.cpp, skin_seams_test.cpp).
#pragma once

#include "core/geometry/mesh.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace crus::test {

struct EdgeBend {
  double radius = 0.0; // metres; 1e9 where the normals agree
  glm::vec3 mid{0.0f};
};

// Each shared edge once; edges shorter than 0.1 mm are left out.
inline std::vector<EdgeBend> edge_bends(const Mesh& m) {
  std::vector<EdgeBend> out;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const std::uint32_t a = m.indices[t + e], b = m.indices[t + (e + 1) % 3];
      if (a > b) continue;
      const double length = glm::distance(m.positions[a], m.positions[b]);
      if (length < 1e-4) continue;
      const double angle = std::acos(std::clamp(double(glm::dot(m.normals[a], m.normals[b])), -1.0, 1.0));
      out.push_back({angle > 1e-9 ? length / angle : 1e9, 0.5f * (m.positions[a] + m.positions[b])});
    }
  return out;
}

} // namespace crus::test
