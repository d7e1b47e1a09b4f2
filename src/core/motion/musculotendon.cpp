#include "core/motion/musculotendon.hpp"

#include "core/io/file_io.hpp"
#include "core/motion/json_read.hpp"
#include "core/motion/wrap.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace crus::motion {

const MusclePath* MuscleSet::find(const std::string& id) const {
  for (const auto& m : muscles)
    if (m.id == id) return &m;
  return nullptr;
}

MuscleSet load_muscles(const std::string& path, const MotionModel& model) {
  return load_muscles_text(read_text_file(path), path, model);
}

MuscleSet load_muscles_text(const std::string& text, const std::string& name, const MotionModel& model) {
  JsonDocument doc(text, name);
  JsonReader root = doc.root();
  MuscleSet set;
  set.source = root.string("source");
  if (root.has("wraps")) {
    JsonReader wraps = root.array("wraps");
    for (std::size_t i = 0; i < wraps.size(); ++i) {
      JsonReader w = wraps.item(i);
      WrapCylinder c;
      c.id = w.string("id");
      if (w.string("type") != "cylinder") w.fail("type", "only cylinder is supported");
      c.body = model.body_index(w.string("body"));
      if (c.body < 0) w.fail("body", "unknown body (see joints.json)");
      c.in_body = {rotation_xyz_body_fixed(w.vec3("xyz_body_rotation_rad")), w.vec3("translation")};
      c.rest = model.bodies[static_cast<std::size_t>(c.body)].rest_frame * c.in_body;
      c.radius = w.number("radius");
      if (c.radius <= 0.0) w.fail("radius", "must be positive");
      set.wraps.push_back(c);
    }
  }
  JsonReader list = root.array("muscles");
  for (std::size_t i = 0; i < list.size(); ++i) {
    JsonReader m = list.item(i);
    MusclePath muscle;
    muscle.id = m.string("id");
    if (set.find(muscle.id)) m.fail("id", "\"" + muscle.id + "\" is listed twice");
    if (m.has("model_muscle")) muscle.model_muscle = m.string("model_muscle");
    if (m.has("path_source")) muscle.path_source = m.string("path_source");
    JsonReader path = m.array("path");
    if (path.size() < 2) path.fail("", "a path needs an origin and an insertion");
    for (std::size_t k = 0; k < path.size(); ++k) {
      JsonReader p = path.item(k);
      PathPoint point;
      point.body = model.body_index(p.string("body"));
      if (point.body < 0) p.fail("body", "unknown body (see joints.json)");
      point.local = p.vec3("local");
      point.rest = model.bodies[static_cast<std::size_t>(point.body)].rest_frame(point.local);
      muscle.points.push_back(point);
    }
    if (m.has("wraps"))
      for (const auto& w : m.strings("wraps")) {
        int index = -1;
        for (std::size_t k = 0; k < set.wraps.size(); ++k)
          if (set.wraps[k].id == w) index = static_cast<int>(k);
        if (index < 0) m.fail("wraps", "unknown wrap \"" + w + "\"");
        muscle.wraps.push_back(index);
      }
    if (m.is_null("hill")) {
      muscle.hill_note = m.string("hill_note"); // a muscle without parameters must say why
    } else {
      JsonReader h = m.object("hill");
      HillParameters hp;
      hp.max_isometric_force_n = h.number("max_isometric_force_N");
      hp.optimal_fibre_length_m = h.number("optimal_fibre_length_m");
      hp.tendon_slack_length_m = h.number("tendon_slack_length_m");
      hp.pennation_at_optimal_rad = h.number("pennation_at_optimal_rad");
      if (hp.max_isometric_force_n <= 0.0) h.fail("max_isometric_force_N", "must be positive");
      if (hp.optimal_fibre_length_m <= 0.0) h.fail("optimal_fibre_length_m", "must be positive");
      if (hp.tendon_slack_length_m < 0.0) h.fail("tendon_slack_length_m", "must not be negative");
      if (hp.pennation_at_optimal_rad < 0.0 || hp.pennation_at_optimal_rad >= std::numbers::pi / 2)
        h.fail("pennation_at_optimal_rad", "must be at least 0 and under pi/2");
      muscle.hill = hp;
    }
    set.muscles.push_back(std::move(muscle));
  }
  return set;
}

double path_length(const MuscleSet& set, const MusclePath& muscle, const std::vector<Rigid>& bodies) {
  double length = 0.0;
  glm::dvec3 previous = bodies[static_cast<std::size_t>(muscle.points.front().body)](muscle.points.front().rest);
  for (std::size_t i = 1; i < muscle.points.size(); ++i) {
    const PathPoint& p = muscle.points[i];
    const glm::dvec3 here = bodies[static_cast<std::size_t>(p.body)](p.rest);
    double segment = glm::length(here - previous);
    for (int w : muscle.wraps) { // the longest detour wins: a path cannot pass through any of them
      const WrapCylinder& c = set.wraps[static_cast<std::size_t>(w)];
      segment = std::max(segment, wrapped_length(previous, here, bodies[static_cast<std::size_t>(c.body)] * c.rest, c.radius));
    }
    length += segment;
    previous = here;
  }
  return length;
}

void muscle_states(const MotionModel& model, const MuscleSet& muscles, const Pose& pose, MuscleWorkspace& work,
                   std::vector<MuscleState>& out) {
  const std::size_t n = muscles.muscles.size();
  out.resize(n);
  if (work.rest_lengths.size() != n) {
    pose_bodies(model, Pose{}, work.bodies);
    work.rest_lengths.resize(n);
    for (std::size_t i = 0; i < n; ++i) work.rest_lengths[i] = path_length(muscles, muscles.muscles[i], work.bodies);
  }
  pose_bodies(model, pose, work.bodies);
  for (std::size_t i = 0; i < n; ++i) {
    MuscleState& s = out[i];
    s.length_m = path_length(muscles, muscles.muscles[i], work.bodies);
    s.rest_length_m = work.rest_lengths[i];
    s.change_mm = 1000.0 * (s.length_m - s.rest_length_m);
    s.change_pct = 100.0 * (s.length_m - s.rest_length_m) / s.rest_length_m;
  }
  const double step_deg = kMomentArmStepRad * 180.0 / std::numbers::pi;
  for (Coordinate c : kCoordinates) {
    Pose plus = pose, minus = pose;
    plus[c] += step_deg;
    minus[c] -= step_deg;
    pose_bodies(model, plus, work.bodies);
    for (std::size_t i = 0; i < n; ++i)
      out[i].moment_arm_m[static_cast<std::size_t>(c)] = path_length(muscles, muscles.muscles[i], work.bodies);
    pose_bodies(model, minus, work.bodies);
    for (std::size_t i = 0; i < n; ++i) {
      double& arm = out[i].moment_arm_m[static_cast<std::size_t>(c)];
      arm = -(arm - path_length(muscles, muscles.muscles[i], work.bodies)) / (2.0 * kMomentArmStepRad);
    }
  }
}

std::vector<MuscleState> muscle_states(const MotionModel& model, const MuscleSet& muscles, const Pose& pose) {
  MuscleWorkspace work;
  std::vector<MuscleState> out;
  muscle_states(model, muscles, pose, work, out);
  return out;
}

} // namespace crus::motion
