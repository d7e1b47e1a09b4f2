#pragma once
// A movement to animate (no GL): joints swept from one angle to another,
// e.g. "ankle=-40:30" or "knee=0:90,ankle=0:20" (`crus render --animate`,
// the viewer's Play).
#include "core/motion/kinematics.hpp"

#include <string>
#include <vector>

namespace crus::motion {

struct Sweep {
  Pose from, to;           // the joints not swept keep the base pose's angles in both
  Pose at(double t) const; // t in [0, 1], linear in each angle
  // `frames` poses from `from` to `to` inclusive (frames >= 2).
  std::vector<Pose> frames(int frames) const;
};

// "JOINT=FROM:TO[,JOINT=FROM:TO...]" over `base`. Throws InputError naming
// `where` for an unknown joint, a malformed item, a joint given twice or an
// angle outside its range.
// "knee 90° flexion, ankle 20° plantarflexion" (the joints away from
// neutral, with their anatomical direction); "neutral" when none is.
std::string describe_pose(const MotionModel& model, const Pose& pose);

Sweep parse_sweep(const MotionModel& model, const std::string& text, const std::string& where, const Pose& base = {});

} // namespace crus::motion
