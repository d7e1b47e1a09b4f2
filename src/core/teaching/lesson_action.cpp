#include "core/teaching/lesson_action.hpp"

#include "core/error.hpp"
#include "core/io/json_schema.hpp"

#include <algorithm>
#include <cmath>

namespace crus {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
using Locate = std::function<std::string(const std::string&)>;

namespace {

double bounded(const json& j, const std::string& path, double lo, double hi, const Locate& locate) {
  const double v = j.get<double>();
  if (!std::isfinite(v) || v < lo || v > hi)
    throw InputError(locate(path),
                     path + ": " + j.dump() + " is out of range (" + json(lo).dump() + " to " + json(hi).dump() + ")");
  return v;
}

// {"knee": 0, "ankle": 20}: coordinates left out are 0 (neutral).
motion::Pose pose_of(const json& j, const std::string& path, const Locate& locate) {
  motion::Pose pose;
  for (const auto& [name, value] : j.items()) {
    const auto c = motion::parse_coordinate(name);
    // The schema names the four coordinates; this guards a schema edit.
    if (!c) throw InputError(locate(path), path + ": \"" + name + "\" is not a joint (knee, ankle, subtalar, mtp)");
    // Wide bounds here; the viewer checks the model's own range when it plays.
    pose[*c] = bounded(value, json_path_member(path, name), -180.0, 180.0, locate);
  }
  return pose;
}

ojson pose_json(const motion::Pose& pose) {
  ojson j = ojson::object();
  for (auto c : motion::kCoordinates) j[motion::to_string(c)] = pose[c];
  return j;
}

double ease(double x) {
  x = std::clamp(x, 0.0, 1.0);
  return x * x * (3.0 - 2.0 * x);
}

} // namespace

StepAction step_action_from_json(const json& j, const std::string& path, const Locate& locate) {
  StepAction a;
  if (j.contains("highlight"))
    for (const auto& id : j["highlight"]) a.highlight.push_back(id.get<std::string>());
  if (j.contains("seconds_each"))
    a.seconds_each = bounded(j["seconds_each"], json_path_member(path, "seconds_each"), 0.2, 30.0, locate);
  if (j.contains("movement")) {
    const json& m = j["movement"];
    const std::string mp = json_path_member(path, "movement");
    StepMovement movement;
    movement.from = pose_of(m["from"], json_path_member(mp, "from"), locate);
    movement.to = pose_of(m["to"], json_path_member(mp, "to"), locate);
    if (m.contains("seconds")) movement.seconds = bounded(m["seconds"], json_path_member(mp, "seconds"), 0.2, 60.0, locate);
    a.movement = movement;
  }
  if (a.empty()) throw InputError(locate(path), path + ": an action needs \"highlight\" (structure ids) or \"movement\"");
  return a;
}

ojson step_action_to_json(const StepAction& a) {
  ojson j = ojson::object();
  if (!a.highlight.empty()) {
    j["highlight"] = a.highlight;
    j["seconds_each"] = a.seconds_each;
  }
  if (a.movement)
    j["movement"] = {{"from", pose_json(a.movement->from)}, {"to", pose_json(a.movement->to)}, {"seconds", a.movement->seconds}};
  return j;
}

double action_duration(const StepAction& a) {
  const double lit = static_cast<double>(a.highlight.size()) * a.seconds_each;
  return std::max(lit, a.movement ? a.movement->seconds : 0.0);
}

ActionFrame action_frame(const StepAction& a, double t) {
  ActionFrame f;
  t = std::max(t, 0.0);
  if (!a.highlight.empty() && a.seconds_each > 0.0) {
    const auto i = static_cast<std::size_t>(std::floor(t / a.seconds_each));
    if (i < a.highlight.size()) {
      f.lit = a.highlight[i];
      f.lit_index = static_cast<int>(i);
    }
  }
  if (a.movement) {
    const double x = ease(a.movement->seconds > 0.0 ? t / a.movement->seconds : 1.0);
    motion::Pose p;
    for (auto c : motion::kCoordinates) p[c] = a.movement->from[c] + (a.movement->to[c] - a.movement->from[c]) * x;
    f.pose = p;
  }
  f.running = t < action_duration(a);
  return f;
}

} // namespace crus
