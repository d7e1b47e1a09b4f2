#pragma once
// Muscles bulge as they shorten (no GL). Skinning carries a muscle with its
// bones but keeps its cross-section, so a shortened muscle would look as
// thin as a stretched one. A muscle's volume stays roughly constant, so its
// fleshy belly widens about its own centre line by sqrt(rest length /
// current length) of the musculotendon path (cross-section area scales with
// the square of the radius), and thins as it lengthens. Tendon-thin parts,
// the ends of the belly and the attachments are blended out, so nothing
// tears at a site the skin holds to a bone.
//
// Bound once in the rest pose, per vertex: the point of the muscle's centre
// line at its level and how much of the bulge it takes. Applied in the rest
// frame before skinning, so the skinning carries the widened belly.
#include "core/geometry/mesh.hpp"
#include "core/motion/musculotendon.hpp"

#include <cmath>
#include <vector>

namespace crus::motion {

struct BulgeVertex {
  glm::vec3 centre{0.0f}; // the centre line at this vertex's level (rest frame)
  float weight = 0.0f;    // 0: no bulge (tendon, end, attachment); 1: the full scale
};

struct MuscleBulge {
  int muscle = -1;                   // index into MuscleSet::muscles; -1: no bulge
  glm::vec3 axis{0.0f, 0.0f, 1.0f};  // unit: origin to insertion of the rest path
  std::vector<BulgeVertex> vertices; // one per mesh vertex
};

struct BulgeOptions {
  int slices = 32;                // levels along the axis for the centre line
  double tendon_radius_m = 0.003; // a level this thin (mean radius) is tendon: no bulge
  double belly_radius_m = 0.006;  // ... full bulge from this mean radius on
  double end_fraction = 0.15;     // the bulge fades out over this fraction of the length at each end
};

// `held` (per vertex, 0..1, may be empty) is how firmly the skinning holds
// the vertex to an attachment; the bulge takes 1 - held of its weight.
MuscleBulge bind_bulge(int muscle, const MusclePath& path, const Mesh& mesh, const std::vector<float>& held,
                       const BulgeOptions& options = {});

// The radial scale of every muscle of `set` at the posed bodies:
// sqrt(rest length / length), the rest lengths from rest_lengths().
std::vector<double> rest_lengths(const MotionModel& model, const MuscleSet& set);
void bulge_scales(const MuscleSet& set, const std::vector<Rigid>& bodies, const std::vector<double>& rest_lengths,
                  std::vector<float>& out);

// One vertex widened (or thinned) in the rest frame by radial scale `scale`
// of its muscle; the normal follows (inverse-transpose of the scaling).
inline void bulge_vertex(const BulgeVertex& b, const glm::vec3& axis, float scale, glm::vec3& p, glm::vec3* n) {
  const float s = 1.0f + b.weight * (scale - 1.0f);
  const glm::vec3 off = p - b.centre;
  const glm::vec3 radial = off - axis * (off.x * axis.x + off.y * axis.y + off.z * axis.z);
  p += (s - 1.0f) * radial;
  if (n) {
    const float along = n->x * axis.x + n->y * axis.y + n->z * axis.z;
    const glm::vec3 nr = *n - axis * along;
    glm::vec3 m = axis * along + nr / s;
    const float len = std::sqrt(m.x * m.x + m.y * m.y + m.z * m.z);
    *n = len > 0.0f ? m / len : *n;
  }
}

} // namespace crus::motion
