#pragma once
// Soft tissue that follows the bones (no GL). Bones move rigidly with their
// body. Every other structure (muscles, tendons, nerves, skin) is skinned:
// each vertex carries up to four body weights, bound once from the rest
// pose, and is moved by the dual-quaternion blend of those bodies'
// rest-to-posed transforms. Dual quaternions rather than a linear blend
// because a linear blend of two rotations about a joint shortens the chord
// and collapses the tissue over a bent knee (the "candy wrapper").
//
// Binding (bind_soft_tissue):
// - the candidate bodies of a muscle are those its published path runs
//   through, with every body between them on the chain (the gastrocnemius,
//   femur to calcaneus, also gets the tibia and talus it lies along); other
//   soft tissue may follow any body;
// - among the candidates, a vertex weighs each body by its distance to the
//   nearest bone that body carries: w = exp(-(d - d_min) / blend_width), so
//   tissue lying on one bone moves with it and tissue between two bones
//   bends smoothly over the joint;
// - near its attachment sites (atlas.json) a muscle is held fully by the
//   body of the attachment's bone, fading to the distance weights over
//   `attachment_release_m`, so origins and insertions never slide off;
// - a vertex mixed between a joint's two bodies that would enter either bone
//   at the ends of the range gets another split of the two
//   (joint_clearance.hpp);
// - the muscles whose path wraps the condyles from a femoral origin (the
//   gastrocnemius heads, the plantaris) have their upper part carried
//   section by section along a bent centre line instead, so a section does
//   not fold with its deep side on the tibia and its superficial side on
//   the femur (origin_carrier.hpp);
// - what still enters a bone in a pose is pushed out of it there, after the
//   blend (bone_collision.hpp);
// - what the carrier and that push still fold next to a carried origin is
//   relaxed (fold_relax.hpp);
// - the skin takes the weights of the tissue beneath it (skin_layer.hpp);
// - and, once posed, settles over that tissue (skin_settle.hpp, called by
//   LegPoser::apply after pose_scene).
#include "core/geometry/mesh.hpp"
#include "core/motion/bone_collision.hpp"
#include "core/motion/bulge.hpp"
#include "core/motion/fold_relax.hpp"
#include "core/cancel.hpp"
#include "core/motion/musculotendon.hpp"
#include "core/motion/origin_carrier.hpp"
#include "core/motion/vertex_weights.hpp"
#include "core/motion/skin_settle.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace crus {
struct Scene;
}

namespace crus::motion {

struct StructureSkin {
  std::size_t structure = 0;           // index into Scene::structures
  int rigid_body = -1;                 // >= 0: the whole structure moves with this body (bones)
  std::vector<VertexWeights> vertices; // one per mesh vertex when rigid_body < 0
  MuscleBulge bulge;                   // muscles with a path: how the belly widens (bulge.hpp)
  OriginCarrier carrier;               // muscles wrapping the condyles: the origin carried whole (origin_carrier.hpp)
  FoldRelax folds;                     // ... and what still folds there after the collision pass, relaxed (fold_relax.hpp)
};

struct SoftTissueOptions {
  double blend_width_m = 0.012;       // how far across a joint a muscle, tendon or nerve bends
  double skin_blend_width_m = 0.025;  // the skin spreads its bend wider: it slides over the joint
  double attachment_hold_m = 0.003;   // within this of an attachment capsule: the bone's body only
  double attachment_release_m = 0.03; // ... fading to the distance weights by this distance
  bool bone_collision = true;         // push what still enters a bone out of it at each pose
  bool origin_carrier = true;         // carry the condyle-wrapping muscles' origins section by section
  bool relax_folds = true;            // ... and relax what still folds there (fold_relax.hpp)
  // Cancelled from another thread (a background bind whose atlas is going
  // away): the bind stops within a few hundred vertices of any of its
  // stages and returns an empty skin, which the caller drops.
  const CancelToken* cancel = nullptr;
};

struct LegSkin {
  std::vector<StructureSkin> structures; // one per scene structure a body moves
  std::size_t skinned_vertices = 0;      // vertices with blended weights
  std::size_t rigid_vertices = 0;
  SkinSettle settle; // the posed skin over the posed tissue (skin_settle.hpp), after every other pass
  // Muscles, tendons and nerves pushed out of the posed bones (shared: it
  // holds the bones' index and does not change after binding).
  std::shared_ptr<const BoneCollision> collision;
};

// Binds every structure of `scene` that the model can move. Structures no
// body carries (an unlabelled node of a foreign atlas) are left at rest.
LegSkin bind_soft_tissue(const MotionModel& model, const MuscleSet& muscles, const Scene& scene,
                         const SoftTissueOptions& options = {});

// Poses `posed` (a copy of `rest`, same structures and vertex counts):
// positions, normals and bounding boxes of the soft tissue; a bone (carried
// whole) gets its rest-to-current transform and moved box only, its mesh
// staying the rest mesh (no vertex of it is written). Allocation-free once `posed` exists,
// but for the collision pass where some tissue meets a bone.
// `bulge` (bulge_scales(), one per MuscleSet muscle) widens the muscle
// bellies; null or empty: the muscles keep their rest cross-sections.
void pose_scene(const LegSkin& skin, const Scene& rest, const std::vector<Rigid>& bodies, Scene& posed,
                const std::vector<float>* bulge = nullptr);

// One vertex moved by its weights (the same arithmetic as pose_scene).
glm::vec3 skin_point(const VertexWeights& w, const std::vector<Rigid>& bodies, const glm::vec3& p);

} // namespace crus::motion
