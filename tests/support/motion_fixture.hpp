#pragma once
// The motion model, the muscles and the bundled atlases, loaded once per
// test binary: the shared set-up of the motion tests.
#include "core/motion/posed_leg.hpp"
#include "core/document/scene.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace crus::test {

const motion::MotionModel& motion_model();
const motion::MuscleSet& motion_muscles();
// The light atlas (the same structures and attachment sites, a quarter of the
// vertices); null when the bundled assets are missing.
const Scene* light_atlas();
// The full atlas the viewer opens by default (its bind takes seconds, the
// light one's a fraction of one); null when the bundled assets are missing.
const Scene* full_atlas();

// Each edge two triangles share (a < b), with the two triangles' offsets
// into the index list, in order of (a, b).
struct SharedEdge {
  std::uint32_t a = 0, b = 0;
  std::size_t t0 = 0, t1 = 0;
};
std::vector<SharedEdge> shared_edges(const Mesh& m);
// The unit normal of the triangle at index offset t; zero when degenerate.
glm::vec3 face_normal(const Mesh& m, std::size_t t);

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
