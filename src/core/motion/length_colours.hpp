#pragma once
// Muscles coloured by how much they shorten or lengthen from neutral (no
// GL): ColorBrewer's PuOr, a diverging palette that stays readable with
// the common colour-vision deficiencies; purple shortens, orange lengthens.
// PuOr's near-white centre is darkened to a mid grey so that an unchanged
// muscle does not pass for bone.
#include "core/document/draw_list.hpp"
#include "core/motion/musculotendon.hpp"
#include "core/document/scene.hpp"

#include <array>
#include <string>
#include <vector>

namespace crus::motion {

// sRGB stops from full shortening to full lengthening (PuOr, 5 classes, grey centre).
inline constexpr std::array<glm::vec3, 5> kLengthPalette{
    glm::vec3(0x5e, 0x3c, 0x99) / 255.0f, glm::vec3(0xb2, 0xab, 0xd2) / 255.0f, glm::vec3(0xa8, 0xa8, 0xa8) / 255.0f,
    glm::vec3(0xfd, 0xb8, 0x63) / 255.0f, glm::vec3(0xe6, 0x61, 0x01) / 255.0f};

// The colour (sRGB) of a change of `change_pct`, saturating at +-full_scale_pct.
glm::vec3 length_change_srgb(double change_pct, double full_scale_pct);

// One scale everywhere (viewer and figures), so that a colour means the
// same change in every picture: 10 % of the neutral length, about the
// triceps surae's change over the ankle's range; larger changes saturate.
inline constexpr double kLengthFullScalePct = 10.0;

// Colours every drawn muscle of `scene` that `muscles` measures (states in
// the same order as muscles.muscles) by its change, replacing its own and
// its vertex colours; returns how many items it coloured.
std::size_t colour_by_length(DrawList& list, const Scene& scene, const MuscleSet& muscles, const std::vector<MuscleState>& states,
                             double full_scale_pct);

} // namespace crus::motion
