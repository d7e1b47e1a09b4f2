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
// point taken back into the bone's rest frame; inside by the normal at the
// nearest surface point). All vertices of a structure move their split the
// same way (towards the child or the parent, whichever costs less in all),
// the change fades over the mesh with a bounded slope and to nothing at the
// vertices an attachment holds, and where it would still stretch an edge
// past 2.8 times its length (or past what the bind gave it) it is halved
// there until none does: thin structures do not tear and origins and
// insertions stay put, at the price of some clearance near them.
#include "core/motion/bone_collision.hpp"
#include "core/motion/soft_tissue.hpp"

namespace crus::motion {

class JointClearance {
public:
  // Groups the bone meshes (and their index, which must outlive it) by
  // joint. Cancelled (`cancel`, from another thread) part-way, it is
  // unusable.
  JointClearance(const MotionModel& model, const BoneMeshes& bones, const CancelToken* cancel = nullptr);
  ~JointClearance();
  JointClearance(const JointClearance&) = delete;
  JointClearance& operator=(const JointClearance&) = delete;
  // Adjusts `weights` (one per vertex of `mesh`, bound at rest); `held`
  // (0..1 per vertex) is how firmly an attachment holds each vertex.
  // Cancelled part-way, it returns with `weights` as they were.
  void apply(const Mesh& mesh, const std::vector<float>& held, std::vector<VertexWeights>& weights,
             const CancelToken* cancel = nullptr) const;

private:
  struct Impl;
  Impl* impl_;
};

} // namespace crus::motion
