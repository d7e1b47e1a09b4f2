#include "support/motion_fixture.hpp"

#include "support/test_support.hpp"

#include <filesystem>
#include <optional>

namespace crus::test {

const motion::MotionModel& motion_model() {
  static const motion::MotionModel m = motion::load_motion_model(source_dir() + "/assets/motion/joints.json");
  return m;
}

const motion::MuscleSet& motion_muscles() {
  static const motion::MuscleSet s = motion::load_muscles(source_dir() + "/assets/motion/muscles.json", motion_model());
  return s;
}

namespace {
std::optional<Scene> load_bundled(const char* name) {
  const std::filesystem::path glb = std::filesystem::path(source_dir()) / "assets/atlas" / name;
  if (!std::filesystem::exists(glb)) return std::nullopt;
  SceneLoadOptions o;
  o.manifest_path = (glb.parent_path() / "atlas.json").string();
  return load_scene(glb.string(), o);
}
} // namespace

const Scene* light_atlas() {
  static const std::optional<Scene> scene = load_bundled("lower_leg_right_lod1.glb");
  return scene ? &*scene : nullptr;
}

const Scene* full_atlas() {
  static const std::optional<Scene> scene = load_bundled("lower_leg_right.glb");
  return scene ? &*scene : nullptr;
}

} // namespace crus::test
