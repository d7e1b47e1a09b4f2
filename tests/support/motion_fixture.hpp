#pragma once
// The motion model, the muscles and the bundled atlases, loaded once per
// test binary: the shared set-up of the motion tests.
#include "core/motion/posed_leg.hpp"
#include "core/document/scene.hpp"

#include <functional>

namespace crus::test {

const motion::MotionModel& motion_model();
const motion::MuscleSet& motion_muscles();
// The light atlas (the same structures and attachment sites, a quarter of the
// vertices); null when the bundled assets are missing.
const Scene* light_atlas();
// The full atlas the viewer opens by default (its bind takes seconds, the
// light one's a fraction of one); null when the bundled assets are missing.
const Scene* full_atlas();

// Folds of a posed mesh: edges between two triangles (by the rest mesh's
// indices) whose faces turn against each other by more than 90 degrees
// beyond their rest angle, among the edges whose two ends (rest positions)
// `counted` accepts.
struct Folds {
  int folded = 0;
  int edges = 0;
};
Folds folded_edges(const Mesh& rest, const Mesh& posed, const std::function<bool(const glm::vec3&)>& counted);

} // namespace crus::test
