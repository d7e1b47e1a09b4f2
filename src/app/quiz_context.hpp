#pragma once
// Everything a quiz question is made from, loaded once for crus quiz,
// crus progress and the worksheet: the knowledge base, the atlas manifest,
// the trigger points, the motion model (movement questions) and, when asked
// for, the atlas meshes (section questions and figures).
#include "core/motion/kinematics.hpp"
#include "core/motion/musculotendon.hpp"
#include "core/teaching/quiz.hpp"
#include "core/document/scene.hpp"

#include <memory>
#include <optional>
#include <string>

namespace crus::app {

struct QuizContext {
  KnowledgeBase knowledge;
  AtlasManifest atlas;
  TriggerPointSet trigger_points;
  motion::MotionModel motion_model;
  motion::MuscleSet muscles;
  std::optional<Scene> scene; // loaded with `with_scene`
  std::string version;        // of every file questions are made from
  std::unique_ptr<QuizBank> bank;

  // with_scene: load the bundled atlas's meshes too, for section questions
  // and figures (about a second); without it no section cards exist.
  explicit QuizContext(bool with_scene);
};

} // namespace crus::app
