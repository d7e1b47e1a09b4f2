#pragma once
// Ambient occlusion baked into each vertex at generation: how much of the
// hemisphere above a vertex is open within a few centimetres, so folds, the
// popliteal fossa and the clefts between tendons read as depth. Rays are
// cast against the whole assembled leg through a bounding-volume hierarchy;
// the directions are fixed, so the result never depends on the thread count.
#include "core/geometry/mesh.hpp"

#include <cstddef>
#include <memory>
#include <vector>

namespace crus::atlas {

struct OcclusionOptions {
  int rays = 40;         // per vertex, cosine-weighted over the hemisphere
  float reach = 0.030f;  // metres: farther structures do not darken
  float lift = 0.00015f; // the ray starts this far off the surface (no self-hits)
  int smoothing = 2;     // passes of neighbour averaging (hides the sampling noise)
};

// The occluders: every mesh with its layer. A vertex of layer L is darkened
// by the triangles of layers 0..L (muscles by bones and muscles, bones by
// bones alone, so a leg shown as bones only is not dark where the muscles
// were); a mesh of negative layer (the translucent skin) only by itself.
class OcclusionBaker {
public:
  OcclusionBaker(const std::vector<const Mesh*>& occluders, const std::vector<int>& layers, OcclusionOptions options = {});
  ~OcclusionBaker();
  OcclusionBaker(const OcclusionBaker&) = delete;
  OcclusionBaker& operator=(const OcclusionBaker&) = delete;

  // Per vertex of `target` (normals required): 1 fully open, 0 closed.
  // `self` is the index of the target's own mesh among the occluders (for a
  // negative layer), `layer` its layer.
  std::vector<float> bake(const Mesh& target, int layer, std::size_t self, unsigned threads) const;
  std::size_t triangle_count() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace crus::atlas
