#pragma once
// "Which muscles produce this movement?": at a pose, the muscles whose moment
// arm points the movement's way, ranked by what each can produce there:
// moment arm x maximum isometric force x active force-length factor at the
// current fibre length (N m, full activation, no tendon stretch).
#include "core/motion/musculotendon.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crus::motion {

// "ankle plantarflexion", "plantarflexion", "knee flexion", "toe extension",
// "mtp flexion", "eversion" ... (case-sensitive, lower case).
std::optional<Movement> parse_movement(const MotionModel& model, const std::string& text);
std::string to_string(const MotionModel& model, const Movement& m); // "ankle plantarflexion"
std::string to_string(const Movement& m);                           // the same, needing no model
// "ankle_plantarflexion", "toe_extension": for command ids.
std::string movement_id(const Movement& m);
// The movement of an id movement_id() made; none for any other text.
std::optional<Movement> movement_from_id(const std::string& id);
// The movement a knowledge-base action names ("ankle (talocrural)",
// "plantarflexion"), when the model has that joint; none for joints it lacks
// (the interphalangeal joints, the arches) and movements it cannot make
// (the knee's medial rotation).
std::optional<Movement> movement_of_action(const std::string& joint, const std::string& movement);
std::vector<Movement> all_movements(); // both directions of each coordinate

// Fibre length (m) for a musculotendon length, with a rigid tendon at its
// slack length and a fibre of constant thickness (the fixed-width pennation
// model of OpenSim's Millard 2012 muscle: l sin(alpha) = l_opt sin(alpha_opt)):
// l = sqrt((L_mt - L_ts)^2 + (l_opt sin alpha_opt)^2). Ignoring tendon stretch
// overestimates fibre length by a few per cent of the tendon's length under load.
double fibre_length(const HillParameters& hill, double musculotendon_length);
// Active force-length factor, a Gaussian of the normalised fibre length l~:
// exp(-(l~ - 1)^2 / 0.45), the curve of Thelen DG (2003), J Biomech Eng
// 125(1):70-77 (shape factor 0.45).
double active_force_length(double normalised_fibre_length);

struct Producer {
  std::string muscle;
  double moment_arm_m = 0.0;            // in the movement's direction (positive)
  double normalised_fibre_length = 0.0; // 0 when no parameters
  double force_length = 0.0;            // active factor, 0..1
  double capacity_nm = 0.0;             // moment arm x max force x factor
};

struct ProducerRanking {
  Movement movement;
  std::vector<Producer> ranked;             // by capacity, largest first
  std::vector<Producer> without_parameters; // moment arm only, by moment arm (no published parameters)
};

// Muscles with a moment arm of at least `min_moment_arm_m` in the movement's direction.
ProducerRanking rank_producers(const MotionModel& model, const MuscleSet& muscles, const Pose& pose, const Movement& movement,
                               double min_moment_arm_m = 0.001);

} // namespace crus::motion
