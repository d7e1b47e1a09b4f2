#pragma once
// The whole atlas at a pose (no GL): the rest scene kept aside, the skin
// weights bound on first use (or on a worker thread, begun by the viewer
// right after an atlas loads), and a scene whose meshes, bounding boxes and
// manifest (attachment sites, landmarks, joint centres) are posed, so that
// whatever reads the scene (the renderer, labels, highlights, overlays)
// sees the posed leg.
#include "core/motion/soft_tissue.hpp"
#include "core/document/scene.hpp"

#include <atomic>
#include <exception>
#include <functional>
#include <optional>
#include <thread>

namespace crus::motion {

// Each site, landmark and joint centre moved with the body of its bone (a
// joint centre with the distal body of its joint), and each point of a
// motor branch with the tibia below the knee joint centre, the femur above.
void pose_manifest(const MotionModel& model, const AtlasManifest& rest, const std::vector<Rigid>& bodies, AtlasManifest& out);

class LegPoser {
public:
  LegPoser(const MotionModel& model, const MuscleSet& muscles, Scene rest);
  // Stops a background bind and waits for its thread (cancel_bind()).
  ~LegPoser();
  // The worker reads rest_ in place: the poser stays where it was made.
  LegPoser(const LegPoser&) = delete;
  LegPoser& operator=(const LegPoser&) = delete;

  // Writes the posed leg into `scene` (which must have the rest scene's
  // structures: a copy of it, or what apply() wrote before). Binds first
  // when nothing is bound yet, on this thread or by waiting for the worker.
  void apply(const Pose& pose, Scene& scene);
  const Scene& rest() const { return rest_; }
  const Pose& pose() const { return pose_; }
  const LegSkin& skin(); // binds on first use (or waits for the worker), rethrows what binding threw

  // Binds on a worker thread from now on, so that the first apply() costs
  // only the posing (the viewer: a bind takes over a second and would stall
  // the window on the first pose change). `done` runs on the worker once it
  // has finished (not after a cancelled bind): the viewer wakes its event
  // loop there. The model, the muscles and `done`'s captures must outlive
  // this poser. Does nothing when bound or binding already.
  void bind_in_background(std::function<void()> done = {});
  // Stops a background bind still running and waits for its thread: a few
  // milliseconds, at any stage of the bind (the viewer closing, or opening
  // another atlas). What it had bound is dropped and `done` does not run
  // after this returns; the poser is as if no bind had begun, so
  // bind_in_background() or apply() bind again. A bind that had already
  // finished is kept. Does nothing without a background bind.
  void cancel_bind();
  // Whether apply() would run without binding: bound, or the worker has
  // finished (its result is taken here, on the caller's thread). Never blocks.
  bool bound();
  // How many binds ran on the thread that called skin() or apply() (not on
  // the worker): the viewer reports it, a test checks the first pose costs none.
  int binds_on_caller() const { return binds_on_caller_; }

private:
  void take_worker();
  const MotionModel& model_;
  const MuscleSet& muscles_;
  Scene rest_;
  std::optional<LegSkin> skin_;
  int binds_on_caller_ = 0;
  // The background bind: the worker writes worker_skin_ or worker_error_,
  // then sets finished_; the owner reads them only after it has seen
  // finished_ (or joined).
  std::thread worker_;
  CancelToken cancel_;
  std::atomic<bool> finished_{false};
  std::optional<LegSkin> worker_skin_;
  std::exception_ptr worker_error_;
  std::exception_ptr bind_error_; // the worker's, taken: skin() rethrows it
  std::vector<Rigid> bodies_;
  std::vector<double> rest_lengths_; // of every muscle path, for the bulge
  std::vector<float> bulge_;
  Pose pose_;
};

} // namespace crus::motion
