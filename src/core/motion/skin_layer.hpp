#pragma once
// The skin follows the tissue beneath it (no GL). Bound from the bones
// alone, the skin over the calf bends over the knee more widely than the
// gastrocnemius under it (it blends over a wider band), so at full flexion
// the muscle came out through the skin. Each skin vertex with muscle,
// tendon or nerve within `radius` takes, in proportion to how near that tissue is,
// the weights of the tissue vertices around it (Gaussian in distance), so
// skin and the layer under it turn by nearly the same transform and keep
// their order; where no tissue lies beneath (over bone, at the knee's back)
// the skin keeps its own weights. The inherited weights are smoothed over
// the skin's edges only as far as keeps it from tearing where the tissue
// beneath changes: smoothed further, the skin's own wide bend diffused into
// the calf and left it 25 mm behind the gastrocnemius at knee 120.
#include "core/motion/soft_tissue.hpp"

namespace crus::motion {

// Cancelled (`cancel`, from another thread) part-way, the skin's weights are unusable.
void follow_underlying_tissue(LegSkin& skin, const Scene& scene, std::size_t body_count, const CancelToken* cancel = nullptr,
                              float radius = 0.03f);

} // namespace crus::motion
