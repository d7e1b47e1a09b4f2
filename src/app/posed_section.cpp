#include "app/posed_section.hpp"

#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/motion/posed_leg.hpp"
#include "core/motion/posed_queries.hpp"

#include <filesystem>

namespace crus::app {

SceneSection section_of_leg(Scene& scene, const std::string& height, double tilt_deg, const std::string& pose_text,
                            const std::string& height_option) {
  SectionPlane plane = section_plane_for(height, tilt_deg, scene, height_option);
  if (pose_text.empty()) return section_scene(scene, plane);
  const auto dir = std::filesystem::path(assets_dir()) / "motion";
  const motion::MotionModel model = motion::load_motion_model((dir / "joints.json").string());
  const motion::Pose pose = motion::parse_pose(model, pose_text, "--pose");
  const motion::MuscleSet muscles = motion::load_muscles((dir / "muscles.json").string(), model);
  if (!scene.find("tibia"))
    throw InputError("--pose", scene.source + " is not a Crus atlas with the leg's bones; it cannot be posed");
  motion::LegPoser poser(model, muscles, scene);
  poser.apply(pose, scene);
  const auto bodies = motion::pose_bodies(model, pose);
  plane = motion::carry_section_plane(plane, bodies[static_cast<std::size_t>(model.body_index("tibia"))]);
  return section_scene(scene, plane);
}

} // namespace crus::app
