// The talus, calcaneus and navicular. The talus is built as an anatomy
// teacher names its parts (Gray's Anatomy 41st ed., Figs 84.3-84.5; Moore,
// Clinically Oriented Anatomy 8th ed., Fig. 5.84; Sarrafian, Anatomy of the
// Foot and Ankle 3rd ed.): a body whose superior articular surface, the
// trochlea, is convex front to back (a surface of revolution about the ankle
// axis, joint_range.cpp), slightly hollowed side to side and wider in front
// than behind; a triangular lateral malleolar facet whose apex is the
// lateral process; a comma-shaped medial facet under the trochlea's medial
// edge; a posterior process of two tubercles with the groove for flexor
// hallucis longus between them; a neck running forwards, medially and
// downwards; a rounded head for the navicular; underneath, the concave
// posterior calcaneal facet, the sulcus tali (the roof of the sinus tarsi)
// and the middle facet on the sustentaculum tali.
#include "atlas/tarsus.hpp"

#include "atlas/joint_range.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace crus::atlas {

namespace {
using glm::vec2;
using glm::vec3;

// Distance in the plane to the triangle (a, b, c), negative inside (any winding).
float triangle_distance_2d(vec2 p, vec2 a, vec2 b, vec2 c) {
  auto edge = [&](vec2 e0, vec2 e1) {
    const vec2 e = e1 - e0, v = p - e0;
    return glm::length(v - e * std::clamp(glm::dot(v, e) / glm::dot(e, e), 0.0f, 1.0f));
  };
  const float d = std::min({edge(a, b), edge(b, c), edge(c, a)});
  auto side = [&](vec2 e0, vec2 e1) { return (e1.x - e0.x) * (p.y - e0.y) - (e1.y - e0.y) * (p.x - e0.x); };
  const float s0 = side(a, b), s1 = side(b, c), s2 = side(c, a);
  const bool inside = (s0 >= 0 && s1 >= 0 && s2 >= 0) || (s0 <= 0 && s1 <= 0 && s2 <= 0);
  return inside ? -d : d;
}

// The talar body's sides, in the ankle axis's frame: the malleolar faces
// converge behind (the trochlea is about 4 mm narrower at its back than at
// its front, Gray's; the mortise fits the front, so dorsiflexion is the
// close-packed position), and below the trochlea the lateral side is set
// back except over the triangular lateral malleolar facet, whose apex is
// the lateral process; the medial side is set back below the comma-shaped
// medial facet, which keeps to the upper part of the body.
Field talar_sides() {
  const PinAxis ax = ankle_axis();
  const vec3 forward = glm::normalize(vec3(1, 0, 0) - ax.axis * ax.axis.x);
  Field f;
  f.eval = [ax, forward](const vec3& p) {
    const vec3 v = p - ax.centre;
    const float s = glm::dot(v, ax.axis), ahead = glm::dot(v, forward);
    // The medial edge converges from the front, the lateral one (whose
    // facet meets the fibula at rest) from behind the axis.
    const float taper_medial = 0.12f * std::max(0.0f, 0.005f - ahead);
    const float taper_lateral = 0.10f * std::max(0.0f, -ahead - 0.002f);
    // The lateral facet: a triangle in the side view, its base along the
    // trochlea's lateral edge, its apex down at the lateral process.
    const float outside = triangle_distance_2d({p.x, p.y}, {-0.0440f, 0.0820f}, {-0.0900f, 0.0790f}, {-0.0635f, 0.0440f});
    const float lateral = kTrochleaLateral - taper_lateral - 0.0040f * glm::smoothstep(0.0f, 0.0050f, outside);
    const float below = ax.centre.y - 0.0030f - p.y;
    const float medial = kTrochleaMedial + taper_medial + 0.0008f * glm::smoothstep(0.0f, 0.0070f, below);
    return std::max(s - lateral, medial - s);
  };
  f.box = {ax.centre - vec3(0.05f), ax.centre + vec3(0.05f)};
  return f;
}
} // namespace

Field talus() {
  // The body: the trochlea (its surface of revolution is what the tibia and
  // malleoli are carved to), between the sides above.
  Field body =
      intersect(trochlea(kTrochleaRadius, kTrochleaSlope, kTrochleaMedial, kTrochleaLateral, 0.0020f), talar_sides(), 0.0015f);
  // Behind, the trochlea narrows and falls away to the posterior process
  // (it is shorter behind the tibia than in front of it).
  body = clip_half_space(body, {-0.0735f, 0.0660f, 0.0f}, glm::normalize(vec3(-1.0f, 1.1f, 0.0f)));
  // The neck: flattened from above down and narrower than body and head,
  // running forwards, about 15 degrees medially and 20 degrees downwards.
  Field neck = sweep({{{-0.0590f, 0.0595f, 0.0745f}, 0.0095f, 0.0085f},
                      {{-0.0510f, 0.0570f, 0.0695f}, 0.0080f, 0.0072f},
                      {{-0.0455f, 0.0535f, 0.0665f}, 0.0085f, 0.0075f}},
                     vec3(0, 1, 0));
  // The head: rounded, broader across than high, its long axis tilted so
  // its medial end is lower; it faces forwards into the navicular.
  const glm::mat3 tilt(vec3(1, 0, 0), glm::normalize(vec3(0, 1, -0.45f)), glm::normalize(vec3(0, 0.45f, 1)));
  Field head = ellipsoid({-0.0450f, 0.0515f, 0.0655f}, {0.0082f, 0.0088f, 0.0122f}, tilt);
  // The posterior process: a larger lateral and a smaller medial tubercle.
  Field lateral_tubercle = ellipsoid({-0.0813f, 0.0505f, 0.0815f}, {0.0070f, 0.0050f, 0.0050f});
  Field medial_tubercle = ellipsoid({-0.0790f, 0.0490f, 0.0700f}, {0.0055f, 0.0045f, 0.0040f});
  Field f = smooth_union({body, neck, head, lateral_tubercle, medial_tubercle}, 0.0045f);
  // The groove for flexor hallucis longus between the tubercles, running
  // down and a little forwards towards the sustentaculum tali.
  f = subtract(f, capsule({-0.0900f, 0.0620f, 0.0755f}, {-0.0820f, 0.0380f, 0.0740f}, 0.0026f), 0.0015f);
  // Underneath: the posterior calcaneal facet, concave along its length,
  // which runs forwards and laterally (Sarrafian); in front of it the sulcus
  // tali, the roof of the sinus tarsi, running the same way under the neck.
  Field floor;
  floor.eval = [](const vec3& p) { return 0.0433f - p.y; };
  floor.box = {{-1.0f, 0.0433f, -1.0f}, {1.0f, 1.0f, 1.0f}};
  f = intersect(f, floor, 0.003f);
  const vec3 across = glm::normalize(vec3(0.66f, 0.0f, -0.75f)); // the facet's curvature runs perpendicular
  const vec3 facet_axis{-0.0680f, 0.0170f, 0.0800f};
  f = subtract(f, capsule(facet_axis - 0.04f * across, facet_axis + 0.04f * across, 0.0300f), 0.002f);
  f = subtract(f, capsule({-0.0625f, 0.0435f, 0.0680f}, {-0.0530f, 0.0445f, 0.0930f}, 0.0038f), 0.002f);
  // The lateral process, wedge-shaped under the lateral facet's apex.
  Field lateral_process = ellipsoid({-0.0635f, 0.0475f, 0.0905f}, {0.0060f, 0.0050f, 0.0048f});
  return smooth_union({f, lateral_process}, 0.003f);
}

Field calcaneus() {
  Field body = ellipsoid({-0.0930f, 0.0300f, 0.0780f}, {0.0290f, 0.0190f, 0.0150f});
  // Tuberosity low and anterior end high: the plantar surface rises forwards
  // at the calcaneal pitch, normally 20-30 degrees.
  Field tuberosity = ellipsoid({-0.1080f, 0.0265f, 0.0785f}, {0.0175f, 0.0220f, 0.0185f});
  Field medial_process = ellipsoid({-0.1060f, 0.0110f, 0.0680f}, {0.0120f, 0.0080f, 0.0100f});
  Field lateral_process = ellipsoid({-0.1060f, 0.0105f, 0.0900f}, {0.0100f, 0.0070f, 0.0075f});
  Field anterior = rounded_box({-0.0630f, 0.0345f, 0.0815f}, {0.0180f, 0.0085f, 0.0085f}, 0.0045f);
  Field cuboid_facet = ellipsoid({-0.0480f, 0.0335f, 0.0920f}, {0.0045f, 0.0075f, 0.0085f});
  Field sustentaculum = ellipsoid({-0.0640f, 0.0395f, 0.0615f}, {0.0110f, 0.0045f, 0.0085f});
  // The lateral surface: broad and nearly flat from the tuber to the
  // anterior process, kept medial to where the lateral malleolus passes in
  // dorsiflexion with eversion.
  Field lateral_wall = rounded_box({-0.0860f, 0.0290f, 0.0800f}, {0.0200f, 0.0090f, 0.0110f}, 0.0050f);
  Field fibular_trochlea = ellipsoid({-0.0700f, 0.0225f, 0.0900f}, {0.0060f, 0.0035f, 0.0035f});
  // The posterior talar facet: a raised, convex area under the talus's body.
  Field facet = ellipsoid({-0.0720f, 0.0410f, 0.0815f}, {0.0130f, 0.0070f, 0.0120f});
  Field f = smooth_union({body, tuberosity, medial_process, lateral_process, anterior, cuboid_facet, sustentaculum, lateral_wall,
                          fibular_trochlea, facet},
                         0.008f);
  // Behind the facet the upper border dips before the tuberosity rises.
  f = subtract(f, ellipsoid({-0.0985f, 0.0560f, 0.0790f}, {0.0110f, 0.0095f, 0.0260f}), 0.004f);
  // The talus sits on it: the facet takes the talus's shape, with a thin
  // joint space, so the two bones meet instead of touching at a point.
  return subtract(f, offset(talus(), 0.0012f), 0.0015f);
}

// The navicular sits on the talar head's front, its concave posterior face
// (made by the joint, bones.cpp) centred on the head, which the head's
// lowered, declined neck brings half a millimetre lower than the earlier talus's.
Field navicular() {
  Field body = ellipsoid({-0.0310f, 0.0425f, 0.0675f}, {0.0065f, 0.0120f, 0.0155f});
  Field tuberosity = ellipsoid({-0.0330f, 0.0365f, 0.0555f}, {0.0060f, 0.0060f, 0.0055f});
  return smooth_union({body, tuberosity}, 0.004f);
}

} // namespace crus::atlas
