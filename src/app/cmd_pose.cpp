// crus pose: the leg at a pose, from the command line. Prints the pose, each
// muscle's length, change from neutral and moment arms, each structure's
// posed centroid and, with --movement, which muscles produce that movement.
#include "app/commands.hpp"
#include "core/geometry/rest_frame.hpp"
#include "app/scene_setup.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/motion/posed_leg.hpp"
#include "core/motion/posed_mesh.hpp"
#include "core/motion/producers.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace crus::app {

namespace {
using namespace crus::motion;

std::string motion_file(const char* name) { return (std::filesystem::path(assets_dir()) / "motion" / name).string(); }

// Rounded so the JSON reads cleanly: 0.1 micrometre, 1e-6 mm or per cent.
double r7(double v) { return std::round(v * 1e7) / 1e7 + 0.0; } // + 0.0 turns -0 into 0
nlohmann::ordered_json vec_json(const glm::dvec3& v) { return {r7(v.x), r7(v.y), r7(v.z)}; }

nlohmann::ordered_json pose_json(const Pose& p) {
  nlohmann::ordered_json j;
  for (Coordinate c : kCoordinates) j[std::string(to_string(c)) + "_deg"] = p[c];
  return j;
}

nlohmann::ordered_json producers_json(const MotionModel& model, const ProducerRanking& r) {
  nlohmann::ordered_json j;
  j["movement"] = to_string(model, r.movement);
  j["ranked_by"] = "moment arm x max isometric force x active force-length factor (N m)";
  nlohmann::ordered_json ranked = nlohmann::ordered_json::array();
  for (const auto& p : r.ranked)
    ranked.push_back({{"id", p.muscle},
                      {"moment_arm_m", r7(p.moment_arm_m)},
                      {"normalised_fibre_length", r7(p.normalised_fibre_length)},
                      {"force_length_factor", r7(p.force_length)},
                      {"capacity_nm", r7(p.capacity_nm)}});
  j["ranked"] = ranked;
  nlohmann::ordered_json apart = nlohmann::ordered_json::array();
  for (const auto& p : r.without_parameters) apart.push_back({{"id", p.muscle}, {"moment_arm_m", r7(p.moment_arm_m)}});
  j["no_published_parameters"] = apart;
  return j;
}
} // namespace

int run_pose(const PoseOptions& options) {
  const MotionModel model = load_motion_model(motion_file("joints.json"));
  const MuscleSet muscles = load_muscles(motion_file("muscles.json"), model);
  const Pose pose = options.set ? parse_pose(model, *options.set, "--set") : Pose{};
  std::optional<Movement> movement;
  if (!options.movement.empty()) {
    movement = parse_movement(model, options.movement);
    if (!movement) {
      std::string names;
      for (const auto& m : all_movements()) names += (names.empty() ? "" : ", ") + to_string(model, m);
      throw InputError("--movement", "unknown movement \"" + options.movement + "\"; expected one of " + names);
    }
  }
  const auto states = muscle_states(model, muscles, pose);
  std::vector<PosedCentroid> centroids;
  if (!options.no_structures) {
    // Every mesh posed as the renderer draws it: bones rigidly, soft tissue skinned.
    Scene scene = load_atlas(options.atlas, true);
    LegPoser poser(model, muscles, scene);
    poser.apply(pose, scene);
    for (std::size_t i = 0; i < scene.structures.size(); ++i) {
      PosedCentroid c;
      c.structure = scene.structures[i].id;
      c.body = model.body_of_structure(c.structure);
      c.rest = glm::dvec3(area_weighted_centroid(poser.rest().structures[i].mesh));
      c.posed = glm::dvec3(current_point(scene.structures[i], area_weighted_centroid(scene.structures[i].mesh)));
      c.approximate = false;
      centroids.push_back(c);
    }
  }
  std::optional<ProducerRanking> ranking;
  if (movement) ranking = rank_producers(model, muscles, pose, *movement);

  if (options.json) {
    nlohmann::ordered_json j;
    j["pose"] = pose_json(pose);
    j["conventions"] = {{"angles", "degrees; knee flexion, ankle dorsiflexion, subtalar inversion and toe extension positive"},
                        {"moment_arm_m", "-dL/dtheta (theta in radians): positive moves the joint toward its positive direction"},
                        {"frame", "metres; +X anterior, +Y superior, +Z lateral (right leg)"},
                        {"source", model.source}};
    nlohmann::ordered_json ms = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < states.size(); ++i) {
      const MuscleState& s = states[i];
      nlohmann::ordered_json arms;
      for (Coordinate c : kCoordinates) arms[to_string(c)] = r7(s.moment_arm_m[static_cast<std::size_t>(c)]);
      ms.push_back({{"id", muscles.muscles[i].id},
                    {"length_m", r7(s.length_m)},
                    {"rest_length_m", r7(s.rest_length_m)},
                    {"change_mm", r7(s.change_mm)},
                    {"change_pct", r7(s.change_pct)},
                    {"moment_arm_m", arms}});
    }
    j["muscles"] = ms;
    if (!options.no_structures) {
      nlohmann::ordered_json ss = nlohmann::ordered_json::array();
      for (const auto& c : centroids)
        ss.push_back({{"id", c.structure},
                      {"body", c.body < 0 ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(model.bodies[static_cast<std::size_t>(c.body)].id)},
                      {"centroid", vec_json(c.posed)},
                      {"rest_centroid", vec_json(c.rest)},
                      {"deformed", c.body >= 0 && !model.is_rigid_bone(c.structure)}});
      j["structures"] = ss;
      j["structures_note"] = "bones move rigidly with their body; other structures (deformed: true) are skinned to the bones "
                             "beneath (body: the one carrying most of them at rest)";
    }
    if (ranking) j["producers"] = producers_json(model, *ranking);
    std::cout << j.dump(2) << "\n";
    return 0;
  }

  std::printf("pose: knee %g, ankle %g, subtalar %g, mtp %g degrees\n", pose.knee_deg, pose.ankle_deg, pose.subtalar_deg,
              pose.mtp_deg);
  std::printf("%-28s %9s %9s %8s | moment arm (mm) %6s %6s %8s %6s\n", "muscle", "length mm", "change mm", "change %", "knee",
              "ankle", "subtalar", "mtp");
  for (std::size_t i = 0; i < states.size(); ++i) {
    const MuscleState& s = states[i];
    std::printf("%-28s %9.1f %+9.1f %+8.1f | %15s %+6.1f %+6.1f %+8.1f %+6.1f\n", muscles.muscles[i].id.c_str(),
                s.length_m * 1000.0, s.change_mm, s.change_pct, "", s.moment_arm_m[0] * 1000.0, s.moment_arm_m[1] * 1000.0,
                s.moment_arm_m[2] * 1000.0, s.moment_arm_m[3] * 1000.0);
  }
  if (ranking) {
    std::printf("\n%s, ranked by moment arm x max force x active force-length factor:\n",
                to_string(model, ranking->movement).c_str());
    for (const auto& p : ranking->ranked)
      std::printf("  %-28s %7.1f N m  (arm %.1f mm, fibre %.2f x optimal, factor %.2f)\n", p.muscle.c_str(), p.capacity_nm,
                  p.moment_arm_m * 1000.0, p.normalised_fibre_length, p.force_length);
    for (const auto& p : ranking->without_parameters)
      std::printf("  %-28s no published parameters (arm %.1f mm)\n", p.muscle.c_str(), p.moment_arm_m * 1000.0);
  }
  if (!options.no_structures) {
    std::printf("\n%-28s %-8s %s\n", "structure", "body", "posed centroid (m)");
    for (const auto& c : centroids)
      std::printf("%-28s %-8s %8.4f %8.4f %8.4f%s\n", c.structure.c_str(),
                  c.body < 0 ? "-" : model.bodies[static_cast<std::size_t>(c.body)].id.c_str(), c.posed.x, c.posed.y, c.posed.z,
                  c.body >= 0 && !model.is_rigid_bone(c.structure) ? "  (deformed)" : "");
  }
  return 0;
}

} // namespace crus::app
