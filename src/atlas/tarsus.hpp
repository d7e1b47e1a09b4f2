#pragma once
// The talus, the calcaneus and the navicular (tarsus.cpp): the bones of the
// ankle and subtalar joints, shaped part by part after Gray's Anatomy (41st
// ed.) and Moore's Clinically Oriented Anatomy (8th ed.); see SOURCES.md
// "Talus" and "Calcaneus".
#include "atlas/sdf.hpp"

namespace crus::atlas {

// The trochlea's frustum (joint_range.cpp): radius at the axis's centre,
// growth per metre laterally (0: the cone's medial apex, Inman's, is so far
// away that a cylinder serves), and its medial and lateral malleolar faces
// along the ankle axis, where the trochlea is widest (in front). The talus
// is about 33 mm wide between the malleoli. The tibia and both malleoli are
// carved by this frustum, so the mortise fits the trochlea's front.
inline constexpr float kTrochleaRadius = 0.0145f, kTrochleaSlope = 0.0f, kTrochleaMedial = -0.0150f, kTrochleaLateral = 0.0185f;

Field talus();
Field calcaneus();
Field navicular();

} // namespace crus::atlas
