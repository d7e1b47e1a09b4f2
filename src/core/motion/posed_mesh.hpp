#pragma once
// Moving atlas meshes with the bones (no GL). A bone is carried exactly by
// its body's rigid transform. Until soft tissue deforms, a muscle, tendon,
// nerve or the skin is carried whole by the body joints.json names for it
// ("followers"): an approximation, flagged as such wherever it is reported.
#include "core/geometry/mesh.hpp"
#include "core/motion/kinematics.hpp"

#include <string>

namespace crus::motion {

// The mesh moved by `t`: positions and normals (indices, colours and fibre
// coordinates are unchanged).
Mesh posed_mesh(const Mesh& rest, const Rigid& t);

struct PosedCentroid {
  std::string structure;
  int body = -1;            // -1: no body carries it (left at rest)
  bool approximate = false; // carried whole by a body it is not part of
  glm::dvec3 rest{0.0}, posed{0.0};
};
// The area-weighted centroid of the structure's posed mesh.
PosedCentroid posed_centroid(const MotionModel& model, const std::string& structure, const Mesh& rest,
                             const std::vector<Rigid>& bodies);

} // namespace crus::motion
