#pragma once
// The whole atlas at a pose (no GL): the rest scene kept aside, the skin
// weights bound on first use, and a scene whose meshes, bounding boxes and
// manifest (attachment sites, landmarks, joint centres) are posed, so that
// whatever reads the scene (the renderer, labels, highlights, overlays)
// sees the posed leg.
#include "core/motion/soft_tissue.hpp"
#include "core/document/scene.hpp"

#include <optional>

namespace crus::motion {

// Each site, landmark and joint centre moved with the body of its bone (a
// joint centre with the distal body of its joint).
void pose_manifest(const MotionModel& model, const AtlasManifest& rest, const std::vector<Rigid>& bodies, AtlasManifest& out);

class LegPoser {
public:
  LegPoser(const MotionModel& model, const MuscleSet& muscles, Scene rest);
  // Writes the posed leg into `scene` (which must have the rest scene's
  // structures: a copy of it, or what apply() wrote before).
  void apply(const Pose& pose, Scene& scene);
  const Scene& rest() const { return rest_; }
  const Pose& pose() const { return pose_; }
  const LegSkin& skin(); // binds on first use

private:
  const MotionModel& model_;
  const MuscleSet& muscles_;
  Scene rest_;
  std::optional<LegSkin> skin_;
  std::vector<Rigid> bodies_;
  std::vector<double> rest_lengths_; // of every muscle path, for the bulge
  std::vector<float> bulge_;
  Pose pose_;
};

} // namespace crus::motion
