#include "app/quiz_context.hpp"

#include "app/commands.hpp"
#include "app/scene_setup.hpp"
#include "core/io/file_io.hpp"

#include <algorithm>
#include <filesystem>

namespace crus::app {
namespace fs = std::filesystem;

QuizContext::QuizContext(bool with_scene) {
  const fs::path manifest = fs::path(assets_dir()) / "atlas" / "atlas.json";
  const fs::path tps = fs::path(knowledge_dir()) / "trigger_points.json";
  const fs::path motion_dir = fs::path(assets_dir()) / "motion";
  knowledge = load_knowledge(knowledge_dir());
  atlas = load_manifest(manifest.string());
  trigger_points = load_trigger_points(tps.string(), atlas.landmarks);
  motion_model = motion::load_motion_model((motion_dir / "joints.json").string());
  muscles = motion::load_muscles((motion_dir / "muscles.json").string(), motion_model);
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(knowledge_dir()))
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  files.push_back(manifest.string()); // attachment bones come from the manifest
  // Movement answers come from the motion model's paths.
  files.push_back((motion_dir / "joints.json").string());
  files.push_back((motion_dir / "muscles.json").string());
  // Section answers come from the meshes; hashed whether or not this quiz
  // asks sections, so that one installation has one version.
  const AtlasOptions bundled;
  if (fs::exists(bundled.resolved_atlas())) files.push_back(bundled.resolved_atlas());
  version = content_version(files);
  bank = std::make_unique<QuizBank>(knowledge, atlas, &trigger_points);
  bank->use_motion(motion_model, muscles);
  if (with_scene) {
    scene = load_atlas(bundled, true);
    apply_knowledge(*scene, knowledge);
    bank->use_sections(section_quiz_levels(*scene));
  }
}

} // namespace crus::app
