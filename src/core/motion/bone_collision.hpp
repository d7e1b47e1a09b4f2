#pragma once
// Soft tissue pushed out of the bones as they stand in the pose (no GL).
// The skin weights (soft_tissue.hpp, joint_clearance.hpp) are one fixed
// blend per vertex, bound at rest; at the ends of the ranges some tissue
// between two bodies still ends up inside a bone the blend does not follow
// (the popliteus and the medial gastrocnemius head in the back of the tibia
// at full knee flexion). This pass runs after the blend, each pose:
// - bound once: for each muscle, tendon and nerve vertex, every body with a
//   bone within `reach` of it at rest, and its clearance from that body's
//   bones then (negative where the atlas already lays it inside);
// - posed: each vertex is taken back into the rest frame of each of those
//   bodies (the inverse of the body's rigid transform). Where it has moved
//   less, relative to that body, than its clearance, it cannot be inside, so
//   it costs a subtraction (a coarse occupancy grid of the bone answers
//   most of the rest); otherwise the nearest point of the bone tells
//   whether it is inside and how deep (beyond its rest depth), and it goes
//   back out the way it came relative to that bone (by the nearest point
//   where that way skims the bone), so the bone is met where it stands in
//   this pose (not against a plane recorded at rest);
// - the pushes spread over the mesh to the neighbours, falling off by
//   `slope` per metre of edge path and then smoothed, so the tissue slides
//   over the bone as a sheet instead of spiking out; they fade to nothing at
//   the vertices an attachment holds, so origins and insertions stay put;
//   an edge they would stretch past 2.5 times its rest length is drawn back,
//   and so, in a structure the pass pushed in that pose, is one the blend
//   itself left past 2.8 times (a step in the weights over a fully bent
//   knee: the popliteus behind the lateral condyle at 120 degrees); a vertex
//   an attachment holds stays put.
// The skin is not pushed: it follows the tissue beneath by its own weights
// (skin_layer.hpp).
#include "core/geometry/mesh.hpp"
#include "core/cancel.hpp"
#include "core/motion/kinematics.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace crus {
struct Scene;
class PickIndex;
} // namespace crus

namespace crus::motion {

// The rigid bones' meshes of a scene (those with triangles, in scene order)
// under one picking index: built once per bind and shared by the joint
// clearance and the bone collision, which both ask it for nearest points in
// each bone's rest frame. Cancelled part-way, the index is unusable.
struct BoneMeshes {
  std::vector<const Mesh*> meshes;
  std::vector<int> body; // the body (of the model) carrying each mesh
  std::shared_ptr<const PickIndex> index;
};
BoneMeshes index_bone_meshes(const MotionModel& model, const Scene& scene, const CancelToken* cancel = nullptr);

struct BoneCollisionOptions {
  float reach_m =
      0.07f; // bodies with a bone this near a vertex at rest are tested against it (the tibia turns into tissue 46 mm from it at rest)
  float margin_m = 0.0005f; // a pushed vertex ends this far outside the bone
  float slope = 0.6f;       // push lost per metre of edge path from a pushed vertex (m/m)
  int smooth_passes = 4;    // Laplacian passes over the spread push
};

class BoneCollision {
public:
  BoneCollision();
  ~BoneCollision();
  BoneCollision(BoneCollision&&) noexcept;
  BoneCollision& operator=(BoneCollision&&) noexcept;

  // Takes the bone meshes (of `model`'s bodies) and their index.
  // Cancelled (`cancel`, from another thread) part-way, it is unusable.
  void bind_bones(const MotionModel& model, const BoneMeshes& bones, const BoneCollisionOptions& options = {},
                  const CancelToken* cancel = nullptr);
  // Binds one soft-tissue mesh (structure index `structure`); `held` (0..1
  // per vertex) is how firmly an attachment holds each vertex; `body_only`
  // (per vertex, -1 where blended) the one body a vertex moves with
  // wholly: it is never tested against that body's bones, which it cannot
  // enter, nor is a vertex an attachment holds wholly. Cancelled part-way,
  // the structure is left unbound.
  void bind_structure(std::size_t structure, const Mesh& mesh, const std::vector<float>& held, const std::vector<int>& body_only,
                      const CancelToken* cancel = nullptr);

  // Pushes the posed positions of structure `structure` (bound before; any
  // other is left alone) out of the bones posed by `bodies`; `rest` holds
  // where each vertex was before the blend (its rest place, widened by the
  // bulge). `normals` (optional, one per vertex): those of the moved
  // vertices and their neighbours are remade from the posed triangles
  // (area-weighted). Returns the number of pushes.
  std::size_t apply(std::size_t structure, const std::vector<glm::vec3>& rest, const std::vector<Rigid>& bodies,
                    std::vector<glm::vec3>& positions, std::vector<glm::vec3>* normals = nullptr) const;

  bool bound(std::size_t structure) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace crus::motion
