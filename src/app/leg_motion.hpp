#pragma once
// The bundled motion model and muscles with a poser for one atlas: what
// `crus render --pose/--animate` and `crus bench --moving` pose the leg with.
#include "core/io/file_io.hpp"
#include "core/motion/posed_leg.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace crus::app {

struct LegMotion {
  LegMotion()
      : model(motion::load_motion_model(motion_path("joints.json"))),
        muscles(motion::load_muscles(motion_path("muscles.json"), model)) {}
  static std::string motion_path(const char* name) { return (std::filesystem::path(assets_dir()) / "motion" / name).string(); }
  motion::MotionModel model;
  motion::MuscleSet muscles;
  std::optional<motion::LegPoser> poser; // once the atlas is loaded
};

} // namespace crus::app
