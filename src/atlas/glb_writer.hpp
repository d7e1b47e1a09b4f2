#pragma once
// A minimal, deterministic glTF 2.0 binary writer: one node and one mesh per
// structure, with POSITION, NORMAL, optional COLOR_0 (vertex colours) and
// TEXCOORD_0/1 (a muscle's fibre coordinates), and a material holding the
// structure's colour (white under vertex colours).
#include "core/geometry/mesh.hpp"

#include <glm/vec4.hpp>

#include <string>
#include <vector>

namespace crus::atlas {

struct GlbNode {
  std::string name; // node and mesh name (the structure id)
  const Mesh* mesh = nullptr;
  glm::vec4 colour{1.0f}; // linear RGBA; alpha < 1 makes a blended material
  float roughness = 0.6f;
};

// The whole .glb file as bytes: little-endian, 4-byte aligned chunks.
std::vector<unsigned char> make_glb(const std::vector<GlbNode>& nodes);

} // namespace crus::atlas
