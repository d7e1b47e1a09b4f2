#pragma once
// Folds smoothed out of a posed mesh (no GL). Where two neighbouring
// triangles have turned against each other by more than 90 degrees past
// their rest angle, the sheet has folded over itself: a ragged edge in the
// picture. Round each such fold the surface is relaxed (umbrella steps, full
// weight over a few rings of neighbours, fading over as many more), a few
// rounds of finding the folds again, and the normals of what moved are made
// again from its triangles.
//
// Used on the gastrocnemius heads and the plantaris next to their femoral
// origins, where the attachment's hold hands over to the carrier
// (origin_carrier.hpp) and the collision pass pushes what enters the bones
// out of them (soft_tissue.cpp). Each vertex has a freedom from 0 (held:
// the attachment itself, which stays on the bone) to 1.
#include "core/geometry/mesh.hpp"

#include <cstdint>
#include <vector>

namespace crus::motion {

struct FoldRelax {
  // Each free vertex's neighbours over the mesh's edges (CSR; empty for a
  // vertex not free), and the triangles of every vertex near one (CSR, for
  // its normal).
  std::vector<std::uint32_t> ring_start, ring;
  std::vector<float> ring_rest; // each ring edge's rest length
  std::vector<std::uint32_t> tri_start, tris;
  // Each edge between exactly two triangles, one of them at least with a
  // free vertex: the two triangles and the cosine of the angle between their
  // normals below which they have turned more than 90 degrees past their
  // rest angle.
  struct Hinge {
    std::uint32_t a, b;
    float folded_below;
  };
  std::vector<Hinge> hinges;
  std::vector<std::uint32_t> hinge_triangles; // the hinges' triangles, each once
  std::size_t index_count = 0;                // the rest mesh's: a posed mesh must have the same triangles
  std::vector<float> free;                    // per vertex, 0..1
  bool empty() const { return hinges.empty(); }
};

struct FoldRelaxOptions {
  int rings = 3;            // rings round a fold relaxed whole (and as many again fading)
  int sweeps = 40;          // smoothing sweeps per round, alternately these two steps:
  float smooth = 0.5f;      // towards the mean of the neighbours
  float inflate = -0.51f;   // ... and back out (Taubin 1995, smoothing without shrinking)
  int rounds = 4;           // rounds of finding folds and relaxing them
  float max_stretch = 2.6f; // then the edges of what moved are shortened towards this times their rest length
  int stretch_sweeps = 24;
};

// The hinges among the triangles of `rest` that touch a vertex with
// `free` > 0 (one value per vertex). Vertices at the same place are not
// joined: the mesh must be welded (the atlas's muscles are).
FoldRelax bind_fold_relax(const Mesh& rest, std::vector<float> free);

// Scratch for a call; reused, a call allocates only where it needs more.
struct FoldScratch {
  std::vector<glm::vec3> face_normals, next;
  std::vector<float> weight;
  std::vector<int> seen;
  std::vector<std::uint32_t> region, front;
};

// Relaxes the folds of `posed` (the rest mesh's vertices and triangles,
// moved). Returns the number of folded hinges found in the first round.
int relax_folds(const FoldRelax& relax, Mesh& posed, FoldScratch& scratch, const FoldRelaxOptions& options = {});

} // namespace crus::motion
