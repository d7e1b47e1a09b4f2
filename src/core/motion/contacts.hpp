#pragma once
// Contacts that the skinning weights alone cannot keep (no GL). Where a
// muscle, tendon or nerve is blended between two bodies over a joint, its
// vertices turn part of the way with each, while the bone beside them and
// the skin over them turn fully with one body or by another blend. At the
// ends of the ranges the difference grows to centimetres: at knee 120 the
// tibial nerve in the popliteal fossa, weighted partly to the femur, lagged
// 16 mm into the back of the tibia, and the gastrocnemius heads, held to the
// femur at their origins, came 25 mm out through the skin of the back of
// the knee, which blends over a wider band.
//
// So each soft-tissue vertex near a bone or the skin at rest keeps a contact
// bound from the rest pose: the nearest point and outward normal of
// each nearby bone (moving rigidly with its body) and the nearest point of
// the skin (a triangle and its barycentric coordinates, moving with the
// posed skin). After skinning, a vertex nearer the skin's surface than
// min(its rest depth, kSkinDepth) is pulled back under it along the skin's
// normal, then one nearer a bone than min(its rest clearance,
// kBoneClearance) is pushed back out along the bone's normal. A tangent
// plane is a fair stand-in for the surface over the few centimetres a
// vertex can lag, and vertices that move rigidly with the bone or the skin
// never move. Cheap: a few dot products per contact.
#include "core/mesh.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace crus {
struct Scene;
}

namespace crus::motion {

struct LegSkin;
struct MotionModel;
struct Rigid;

inline constexpr float kBoneClearance = 0.001f; // soft tissue kept this far out of a bone
inline constexpr float kSkinDepth = 0.0015f;    // ... and this far under the skin
inline constexpr float kContactReach = 0.05f;   // bone contacts bound within this of the bone at rest
// Skin contacts reach deeper: the gastrocnemius heads lie 3-5 cm under the
// skin of the popliteal fossa, which folds in over them as the knee bends.
inline constexpr float kSkinReach = 0.06f;

struct BoneContact {
  std::uint32_t vertex = 0;
  std::uint8_t body = 0;
  glm::vec3 point{0.0f};  // on the bone, rest frame
  glm::vec3 normal{0.0f}; // outward, rest frame
  float clearance = 0.0f; // the least distance outside along `normal` allowed
};

struct SkinContact {
  std::uint32_t vertex = 0;
  std::uint32_t corner[3] = {0, 0, 0}; // the skin triangle's vertices
  glm::vec3 bary{0.0f};                // the nearest point's barycentric coordinates
  float depth = 0.0f;                  // the least depth under the skin allowed
};

struct StructureContacts {
  std::size_t structure = 0;
  std::vector<BoneContact> bones;
  std::vector<SkinContact> skin;
};

struct LegContacts {
  std::size_t skin_structure = std::numeric_limits<std::size_t>::max(); // none: no skin contacts
  std::vector<StructureContacts> structures;
  std::size_t count() const;
};

// Binds the contacts of every soft-tissue vertex of `skin` (after
// bind_soft_tissue) with its four nearest bones and with the skin ("skin").
LegContacts bind_contacts(const MotionModel& model, const LegSkin& skin, const Scene& scene);

// Applies them to `posed` after pose_scene has skinned it with `bodies`.
void apply_contacts(const LegContacts& contacts, const std::vector<Rigid>& bodies, Scene& posed);

} // namespace crus::motion
