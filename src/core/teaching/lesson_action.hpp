#pragma once
// What a lesson step plays when it is entered: a highlight sequence (each
// structure lit in turn, for `seconds_each`) and, when the atlas can move, a
// movement from one pose to another. Plain C++: the timeline is a function
// of the time since the step was entered, so it is tested without a window
// and a presenter's Page Down mid-action simply starts the next step's.
#include "core/motion/kinematics.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace crus {

struct StepMovement {
  motion::Pose from, to;
  double seconds = 2.0;
  bool operator==(const StepMovement&) const = default;
};

struct StepAction {
  std::vector<std::string> highlight; // structure ids, lit one after another
  double seconds_each = 1.2;
  std::optional<StepMovement> movement;
  bool empty() const { return highlight.empty() && !movement; }
  bool operator==(const StepAction&) const = default;
};

// The step's "action" object (already checked against the schema); range
// faults throw InputError at `locate(path)`.
StepAction step_action_from_json(const nlohmann::json& json, const std::string& path,
                                 const std::function<std::string(const std::string&)>& locate);
nlohmann::ordered_json step_action_to_json(const StepAction& action);

// What the action shows `t` seconds after the step was entered. The
// highlight sequence and the movement run together; the movement eases in
// and out and then holds its end pose.
struct ActionFrame {
  std::string lit; // "" when the sequence is over (or there is none)
  int lit_index = -1;
  std::optional<motion::Pose> pose; // none when the action has no movement
  bool running = false;             // false once everything has finished
};
ActionFrame action_frame(const StepAction& action, double t);
double action_duration(const StepAction& action);

} // namespace crus
