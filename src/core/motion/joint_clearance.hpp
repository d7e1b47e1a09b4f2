#pragma once
// Tissue over a joint kept out of the bones at the ends of its range (no GL).
// A vertex lying between two bodies (femur and tibia behind the knee) is
// turned by the blend of their rotations, so at 120 degrees of flexion it
// has turned 60: the tibia, turned the full 120, sweeps through where it
// lies (the tibial nerve went 12 mm into the tibia). A fixed split of the
// weights is still a fair answer if it is a different one: for such a
// vertex, bound from the bones alone, the split between the joint's two
// bodies is moved to the nearest one that clears both bones at both ends
// of the range and halfway, testing each bone where it stands (the posed
// point taken back into the bone's rest frame). The change is then spread
// over the mesh's neighbours (each keeps the larger of its own change and
// the mean of theirs) so no edge tears, and vertices held at an
// attachment are left alone.
#include "core/motion/soft_tissue.hpp"

namespace crus::motion {

class JointClearance {
public:
  // Indexes the bone meshes of `scene` by body.
  JointClearance(const MotionModel& model, const Scene& scene);
  ~JointClearance();
  JointClearance(const JointClearance&) = delete;
  JointClearance& operator=(const JointClearance&) = delete;
  // Adjusts `weights` (one per vertex of `mesh`, bound at rest); `held`
  // (0..1 per vertex) is how firmly an attachment holds each vertex.
  void apply(const Mesh& mesh, const std::vector<float>& held, std::vector<VertexWeights>& weights) const;

private:
  struct Impl;
  Impl* impl_;
};

} // namespace crus::motion
