#include "core/motion/posed_leg.hpp"

namespace crus::motion {

namespace {
glm::vec3 move(const Rigid& t, const glm::vec3& p) { return glm::vec3(t(glm::dvec3(p))); }
} // namespace

void pose_manifest(const MotionModel& model, const AtlasManifest& rest, const std::vector<Rigid>& bodies, AtlasManifest& out) {
  out = rest;
  auto body_of = [&](const std::string& bone) -> const Rigid* {
    const int b = model.body_of_structure(bone);
    return b < 0 ? nullptr : &bodies[static_cast<std::size_t>(b)];
  };
  for (auto& site : out.sites)
    if (const Rigid* t = body_of(site.bone)) {
      site.centroid = move(*t, site.centroid);
      for (auto& c : site.patches) {
        c.a = move(*t, c.a);
        c.b = move(*t, c.b);
      }
    }
  for (auto& lm : out.landmarks)
    if (const Rigid* t = body_of(lm.bone)) lm.position = move(*t, lm.position);
  // A motor branch runs in soft tissue; its points go with the shank below
  // the knee joint centre and with the thigh above it (the gastrocnemius
  // heads' branches leave the tibial nerve in the popliteal fossa), so a
  // posed section or highlight finds the branch where the posed nerve is.
  const Rigid* femur = body_of("femur");
  const Rigid* tibia = body_of("tibia");
  const JointCentre* knee = nullptr;
  for (const auto& jc : rest.joints)
    if (jc.id == "knee") knee = &jc;
  if (femur && tibia && knee)
    for (auto& b : out.branches)
      for (auto& p : b.path) p = move(p.y > knee->position.y ? *femur : *tibia, p);
  for (auto& jc : out.joints)
    for (const Joint& j : model.joints)
      if (j.id == jc.id) jc.position = move(bodies[static_cast<std::size_t>(j.child)], jc.position);
}

LegPoser::LegPoser(const MotionModel& model, const MuscleSet& muscles, Scene rest)
    : model_(model), muscles_(muscles), rest_(std::move(rest)) {}

LegPoser::~LegPoser() { cancel_bind(); }

void LegPoser::cancel_bind() {
  if (!worker_.joinable()) return;
  if (!finished_) cancel_.cancel();
  take_worker(); // joins: the worker sees the cancel within a few hundred vertices
  cancel_.reset();
}

void LegPoser::bind_in_background(std::function<void()> done) {
  if (skin_ || worker_.joinable()) return;
  finished_ = false;
  worker_ = std::thread([this, done = std::move(done)] {
    SoftTissueOptions options;
    options.cancel = &cancel_;
    try {
      LegSkin skin = bind_soft_tissue(model_, muscles_, rest_, options);
      if (!cancel_.cancelled()) worker_skin_ = std::move(skin);
    } catch (...) {
      if (!cancel_.cancelled()) worker_error_ = std::current_exception();
    }
    finished_ = true; // after the result: the owner reads it once it sees this
    if (done && !cancel_.cancelled()) done();
  });
}

void LegPoser::take_worker() {
  worker_.join();
  if (worker_error_) bind_error_ = worker_error_;
  else if (worker_skin_) skin_ = std::move(worker_skin_); // none: the bind was cancelled
  worker_skin_.reset();
  worker_error_ = nullptr;
}

bool LegPoser::bound() {
  if (!skin_ && worker_.joinable() && finished_) take_worker();
  return skin_ || bind_error_; // after an error, skin() rethrows it where it would have bound
}

const LegSkin& LegPoser::skin() {
  if (!skin_ && worker_.joinable()) take_worker(); // waits for it
  if (bind_error_) std::rethrow_exception(bind_error_);
  if (!skin_) {
    skin_ = bind_soft_tissue(model_, muscles_, rest_);
    ++binds_on_caller_;
  }
  return *skin_;
}

void LegPoser::apply(const Pose& pose, Scene& scene) {
  pose_ = pose;
  pose_bodies(model_, pose, bodies_);
  if (rest_lengths_.empty()) rest_lengths_ = rest_lengths(model_, muscles_);
  bulge_scales(muscles_, bodies_, rest_lengths_, bulge_);
  pose_scene(skin(), rest_, bodies_, scene, &bulge_);
  // Last of the mesh passes: the skin over whatever the others left beneath it.
  settle_skin(skin().settle, rest_, scene);
  if (rest_.manifest) {
    if (!scene.manifest) scene.manifest = rest_.manifest;
    pose_manifest(model_, *rest_.manifest, bodies_, *scene.manifest);
  }
}

} // namespace crus::motion
