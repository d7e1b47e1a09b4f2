#pragma once
// A section of the leg, at rest or posed (`crus section --pose`, `crus
// render --section --pose`): the plane is placed on the rest leg (a height
// or a percentage of the way from the knee to the ankle) and carried by the
// tibia, so it cuts the same level of the shank at any pose; the scene is
// posed in place (bones, skinned soft tissue, bulging bellies).
#include "core/geometry/cross_section.hpp"
#include "core/document/scene.hpp"

#include <string>

namespace crus::app {

// Throws InputError naming `height_option` or --pose for bad input.
SceneSection section_of_leg(Scene& scene, const std::string& height, double tilt_deg, const std::string& pose,
                            const std::string& height_option);

} // namespace crus::app
