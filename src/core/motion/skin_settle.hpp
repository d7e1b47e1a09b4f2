#pragma once
// The posed skin settled over the posed tissue (no GL). Skinning weights
// alone cannot keep every skin vertex outside what lies beneath it: at full
// knee flexion the medial gastrocnemius folds over the condyles more sharply
// than the skin over it bends, and in full plantarflexion the plantaris
// tendon behind the ankle swings out past the skin. Nor can they keep the
// skin's edges from stretching where neighbouring vertices take different
// bodies (behind the ankle, between the tibia and the heel). So, after
// every other posing step (skinning, the bulge, any collision with the
// bones), three passes on the skin alone:
//
// 1. Stretch: any skin edge longer than kMaxStretch times its rest length
//    is shortened by moving both ends towards each other (a few
//    Gauss-Seidel sweeps, position-based constraints), only where such
//    edges are, so skin that holds is left exactly where skinning put it.
// 2. Cover: every muscle, tendon and nerve vertex that lay within a few
//    centimetres of the skin at rest finds its nearest posed skin vertex (a
//    greedy walk over the skin's edges from the one nearest at rest, so it
//    stays on its own sheet of skin, never the thigh's skin the calf meets
//    at full flexion). If it lies above that vertex's tangent plane, or
//    closer under it than kMargin (and than it did at rest), the skin there
//    is pushed out along its normal, and the push fades over a few rings of
//    neighbours so the skin bulges smoothly instead of tenting; the stretch
//    pass then runs once more for the edges at the rim of a push.
// 3. Folds: where the skin still folds over itself (behind the bent knee,
//    where the calf's skin takes the tibia's turn and the thigh's the
//    femur's: neighbouring triangles turned against each other by more
//    than 90 degrees past their rest angle), it is smoothed outwards only,
//    a few rings round each fold, then the stretch pass once more. The cut
//    across the thigh is held.
// Cover, folds and stretch run up to twice (the second round only where the
// first left tissue to cover): the second cover starts from the skin the
// first round left, and covers what the first push missed (the medial
// gastrocnemius head in the crease at knee 120, 4 mm out after one).
//
// Normals of the moved skin vertices are recomputed from their triangles.
// Everything is bound once from the rest scene; the passes allocate only
// per-call scratch the size of the skin.
#include "core/cancel.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace crus {
struct Scene;
}

namespace crus::motion {

inline constexpr float kMaxStretch = 2.6f; // the tear test allows 3; kept below it
inline constexpr float kMargin = 0.001f;   // skin kept this far over the tissue beneath (m)

struct SkinSettle {
  std::size_t skin = static_cast<std::size_t>(-1); // scene index of the skin; none: the passes do nothing
  // Coincident vertices (seams) moved as one: each vertex's representative.
  std::vector<std::uint32_t> rep;
  // Each representative's neighbours over the skin's edges (CSR) and the
  // rest length of each of those edges.
  std::vector<std::uint32_t> ring_start, ring;
  std::vector<float> ring_rest;
  // Each vertex's triangles (CSR), for its normal.
  std::vector<std::uint32_t> tri_start, tris;
  // Each edge between exactly two triangles (seams joined), for the fold
  // pass: the two triangles, and the cosine of the angle between their
  // normals below which they have turned more than 90 degrees past their
  // rest angle (cos(rest + 90) = -sin(rest)).
  struct Hinge {
    std::uint32_t a, b;
    float folded_below;
  };
  std::vector<Hinge> hinges;
  std::vector<float> free; // per vertex: how freely the fold pass may move it (0 at the cut across the thigh)
  struct Tissue {
    std::uint32_t structure; // scene index
    std::uint32_t vertex;
    std::uint32_t skin_vertex; // representative nearest at rest
    float allowed;             // how far above that vertex's tangent plane it may lie (m, negative: below)
  };
  std::vector<Tissue> tissue;
};

// `structures`: the scene indices of the soft tissue the skin must cover.
// Cancelled (`cancel`, from another thread) part-way, the result is unusable.
SkinSettle bind_skin_settle(const Scene& rest, std::size_t skin, const std::vector<std::size_t>& structures,
                            const CancelToken* cancel = nullptr, float reach = 0.03f);

// The passes on `posed` (posed from the rest scene the settle was bound to).
void settle_skin(const SkinSettle& settle, const Scene& rest, Scene& posed);

} // namespace crus::motion
