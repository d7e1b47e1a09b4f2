#pragma once
// Small atlases written by the tests themselves (glTF 2.0, embedded buffer).
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <string>
#include <vector>

namespace crus::test {

struct FixtureBox {
  std::string node; // node (and structure) name
  glm::vec3 centre{0.0f};
  glm::vec3 half{0.05f};
  glm::vec4 colour{0.8f, 0.2f, 0.2f, 1.0f};
  // When set (x >= 0), the glTF gets vertex colours (COLOR_0): this colour on
  // the top half's vertices, `colour` on the bottom's, and a white material.
  glm::vec3 top_colour{-1.0f};
  // Two texture-coordinate sets (TEXCOORD_0 = x, y; TEXCOORD_1 = z, 0), as a
  // Crus atlas stores fibre coordinates.
  bool texcoords = false;
};

// Writes a .gltf with one node and mesh per box; returns the path.
std::string write_box_gltf(const std::string& path, const std::vector<FixtureBox>& boxes);
// The same boxes as an OBJ file (one object per box).
std::string write_box_obj(const std::string& path, const std::vector<FixtureBox>& boxes);

} // namespace crus::test
