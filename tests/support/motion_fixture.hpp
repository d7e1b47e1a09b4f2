#pragma once
// The motion model, the muscles and the bundled atlases, loaded once per
// test binary: the shared set-up of the motion tests.
#include "core/motion/posed_leg.hpp"
#include "core/document/scene.hpp"

namespace crus::test {

const motion::MotionModel& motion_model();
const motion::MuscleSet& motion_muscles();
// The light atlas (the same structures and attachment sites, a quarter of the
// vertices); null when the bundled assets are missing.
const Scene* light_atlas();
// The full atlas the viewer opens by default (its bind takes seconds, the
// light one's a fraction of one); null when the bundled assets are missing.
const Scene* full_atlas();

} // namespace crus::test
