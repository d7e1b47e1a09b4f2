#pragma once
// Musculotendon paths and what they do at a pose (no GL): length along the
// path (straight segments between the posed origin, via points and
// insertion; each point moves with its body), the change from the neutral
// pose, and the moment arm about each joint coordinate.
#include "core/motion/kinematics.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace crus::motion {

// Hill-type parameters as published (Rajagopal et al. 2016).
struct HillParameters {
  double max_isometric_force_n = 0.0;
  double optimal_fibre_length_m = 0.0;
  double tendon_slack_length_m = 0.0;
  double pennation_at_optimal_rad = 0.0;
};

struct PathPoint {
  int body = 0;          // index into MotionModel::bodies
  glm::dvec3 local{0.0}; // in the body's frame
  glm::dvec3 rest{0.0};  // in the model frame, default pose
};

// A wrapping cylinder fixed to a body (see wrap.hpp).
struct WrapCylinder {
  std::string id;
  int body = 0;
  Rigid in_body; // cylinder frame (axis = z) -> body frame
  Rigid rest;    // cylinder frame -> model frame, default pose
  double radius = 0.0;
};

struct MusclePath {
  std::string id;                     // atlas structure id
  std::string model_muscle;           // e.g. "soleus_r"; empty when the model has no such muscle
  std::string path_source;            // empty: the file's source
  std::vector<PathPoint> points;      // origin, via points, insertion
  std::vector<int> wraps;             // indices into MuscleSet::wraps; each segment wraps over them
  std::optional<HillParameters> hill; // absent: no published parameters
  std::string hill_note;              // why absent
};

struct MuscleSet {
  std::string source;
  std::vector<WrapCylinder> wraps;
  std::vector<MusclePath> muscles;
  const MusclePath* find(const std::string& id) const;
};

// Reads muscles.json; body names are resolved against `model`. Throws
// InputError naming the file and field.
MuscleSet load_muscles(const std::string& path, const MotionModel& model);
MuscleSet load_muscles_text(const std::string& text, const std::string& name, const MotionModel& model);

// Length (m) of a muscle's path with the bodies posed by `bodies` (pose_bodies()).
double path_length(const MuscleSet& set, const MusclePath& muscle, const std::vector<Rigid>& bodies);

struct MuscleState {
  double length_m = 0.0;
  double rest_length_m = 0.0; // at the neutral pose (every coordinate 0)
  double change_mm = 0.0;
  double change_pct = 0.0;
  // Moment arm about each coordinate (indexed by Coordinate), metres:
  // -dL/dtheta with theta in radians and Crus's signs, so positive means the
  // muscle, by shortening, moves the joint toward its positive direction
  // (knee flexion, ankle dorsiflexion, subtalar inversion, toe extension).
  std::array<double, kCoordinateCount> moment_arm_m{};
};

// Step of the central differences (radians). Small against the curvature of
// the length curves, large against rounding: moment arms agree with a step
// ten times smaller to better than 0.01 mm.
inline constexpr double kMomentArmStepRad = 1e-3;

// Every muscle's state at `pose`, in the order of `muscles`.
std::vector<MuscleState> muscle_states(const MotionModel& model, const MuscleSet& muscles, const Pose& pose);

// Reusable buffers, so that posing repeatedly (the viewer, the benchmark)
// does not allocate.
struct MuscleWorkspace {
  std::vector<Rigid> bodies;
  std::vector<double> rest_lengths; // filled on first use
};
void muscle_states(const MotionModel& model, const MuscleSet& muscles, const Pose& pose, MuscleWorkspace& work,
                   std::vector<MuscleState>& out);

} // namespace crus::motion
