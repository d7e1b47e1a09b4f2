#include "core/motion/producers.hpp"

#include <algorithm>
#include <cmath>

namespace crus::motion {

namespace {
struct MovementName {
  Coordinate coordinate;
  int direction;
  const char* name;
};
// Anatomical names first; the joint-prefixed and "mtp"/"toe" forms are built from them.
constexpr MovementName kNames[] = {
    {Coordinate::knee, +1, "flexion"},         {Coordinate::knee, -1, "extension"},     {Coordinate::ankle, +1, "dorsiflexion"},
    {Coordinate::ankle, -1, "plantarflexion"}, {Coordinate::subtalar, +1, "inversion"}, {Coordinate::subtalar, -1, "eversion"},
    {Coordinate::mtp, +1, "extension"},        {Coordinate::mtp, -1, "flexion"},
};
const char* name_of(const Movement& m) {
  for (const auto& n : kNames)
    if (n.coordinate == m.coordinate && n.direction == m.direction) return n.name;
  return "?";
}
} // namespace

std::vector<Movement> all_movements() {
  std::vector<Movement> out;
  for (const auto& n : kNames) out.push_back({n.coordinate, n.direction});
  return out;
}

std::string to_string(const Movement& m) {
  const std::string joint = m.coordinate == Coordinate::mtp ? "toe" : to_string(m.coordinate);
  return joint + " " + name_of(m);
}

std::string to_string(const MotionModel&, const Movement& m) { return to_string(m); }

std::string movement_id(const Movement& m) {
  std::string id = to_string(m);
  for (char& c : id)
    if (c == ' ') c = '_';
  return id;
}

std::optional<Movement> movement_from_id(const std::string& id) {
  for (const Movement& m : all_movements())
    if (movement_id(m) == id) return m;
  return std::nullopt;
}

std::optional<Movement> movement_of_action(const std::string& joint, const std::string& movement) {
  // The knowledge base names joints anatomically; the model's four coordinates
  // are the knee, the talocrural (ankle), the subtalar and the
  // metatarsophalangeal joints.
  std::optional<Coordinate> c;
  auto starts = [&](const char* prefix) { return joint.rfind(prefix, 0) == 0; };
  if (starts("knee")) c = Coordinate::knee;
  else if (starts("ankle") || starts("talocrural")) c = Coordinate::ankle;
  else if (starts("subtalar")) c = Coordinate::subtalar;
  else if (starts("metatarsophalangeal")) c = Coordinate::mtp;
  if (!c) return std::nullopt;
  for (const auto& n : kNames)
    if (n.coordinate == *c && movement == n.name) return Movement{n.coordinate, n.direction};
  return std::nullopt;
}

std::optional<Movement> parse_movement(const MotionModel&, const std::string& text) {
  for (const auto& n : kNames) {
    const Movement m{n.coordinate, n.direction};
    const std::string joint = to_string(n.coordinate);
    if (text == joint + " " + n.name || (n.coordinate == Coordinate::mtp && text == std::string("toe ") + n.name)) return m;
  }
  // A bare name is enough where it is unambiguous.
  for (const char* bare : {"dorsiflexion", "plantarflexion", "inversion", "eversion"})
    if (text == bare)
      for (const auto& n : kNames)
        if (std::string(n.name) == bare) return Movement{n.coordinate, n.direction};
  return std::nullopt;
}

double fibre_length(const HillParameters& hill, double musculotendon_length) {
  const double along = std::max(0.0, musculotendon_length - hill.tendon_slack_length_m);
  const double width = hill.optimal_fibre_length_m * std::sin(hill.pennation_at_optimal_rad);
  return std::sqrt(along * along + width * width);
}

double active_force_length(double l) { return std::exp(-(l - 1.0) * (l - 1.0) / 0.45); }

ProducerRanking rank_producers(const MotionModel& model, const MuscleSet& muscles, const Pose& pose, const Movement& movement,
                               double min_moment_arm_m) {
  ProducerRanking out;
  out.movement = movement;
  const auto states = muscle_states(model, muscles, pose);
  for (std::size_t i = 0; i < states.size(); ++i) {
    const MusclePath& m = muscles.muscles[i];
    Producer p;
    p.muscle = m.id;
    p.moment_arm_m = movement.direction * states[i].moment_arm_m[static_cast<std::size_t>(movement.coordinate)];
    if (p.moment_arm_m < min_moment_arm_m) continue;
    if (!m.hill) {
      out.without_parameters.push_back(p);
      continue;
    }
    p.normalised_fibre_length = fibre_length(*m.hill, states[i].length_m) / m.hill->optimal_fibre_length_m;
    p.force_length = active_force_length(p.normalised_fibre_length);
    p.capacity_nm = p.moment_arm_m * m.hill->max_isometric_force_n * p.force_length;
    out.ranked.push_back(p);
  }
  // Stable, with the id as tie-break, so equal capacities list the same way every time.
  auto by = [](auto key) {
    return [key](const Producer& a, const Producer& b) { return key(a) != key(b) ? key(a) > key(b) : a.muscle < b.muscle; };
  };
  std::sort(out.ranked.begin(), out.ranked.end(), by([](const Producer& p) { return p.capacity_nm; }));
  std::sort(out.without_parameters.begin(), out.without_parameters.end(), by([](const Producer& p) { return p.moment_arm_m; }));
  return out;
}

} // namespace crus::motion
