#pragma once
// Named poses the Motion panel offers (no GL). Angles in Crus's signs
// (degrees): knee flexion, ankle dorsiflexion, subtalar inversion and toe
// extension positive.
#include "core/motion/kinematics.hpp"

#include <string>
#include <vector>

namespace crus::motion {

struct PosePreset {
  std::string id;   // "deep_squat"
  std::string name; // "Deep squat"
  Pose pose;
  std::string note; // what it shows, and where the angles come from
};

// Every preset's pose lies within the model's ranges (a test checks it).
const std::vector<PosePreset>& pose_presets();
const PosePreset* find_preset(const std::string& id);

} // namespace crus::motion
