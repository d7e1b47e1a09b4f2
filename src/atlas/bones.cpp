// Bones of the right knee, leg and foot, shaped after Gray's Anatomy (41st
// ed.) and Netter's Atlas, sized to the Rajagopal 2016 model's skeleton.
#include "atlas/joint_range.hpp"
#include "atlas/structures.hpp"
#include "atlas/tarsus.hpp"
#include "core/error.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace crus::atlas {

glm::vec4 bone_colour() { return {0.82f, 0.75f, 0.58f, 1.0f}; }
glm::vec4 muscle_colour() { return {0.40f, 0.07f, 0.055f, 1.0f}; }
glm::vec4 tendon_colour() { return {0.74f, 0.76f, 0.78f, 1.0f}; } // pearly, cooler than bone
glm::vec4 nerve_colour() { return {0.92f, 0.76f, 0.16f, 1.0f}; }
glm::vec4 skin_colour() { return {0.87f, 0.6f, 0.48f, 0.35f}; }

namespace {
using glm::vec3;
constexpr vec3 kAnterior{1, 0, 0};
constexpr vec3 kUp{0, 1, 0};

StructureSpec bone(std::string id, std::string name, Field f, float cell, std::size_t main, std::size_t lod1) {
  StructureSpec s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.kind = StructureKind::bone;
  s.colour = bone_colour();
  s.field = std::move(f);
  s.hull = s.field;
  s.cell = cell;
  s.target_main = main;
  s.target_lod1 = lod1;
  return s;
}

// Key of a shaft whose cross-section is w wide (Z, mediolateral) and h deep (X).
constexpr auto* key = &sweep_key;

// One femoral condyle: a wheel in the sagittal plane, flat-sided and
// rounded at its edges, with the J-shaped profile of the condyles (Gray's
// Anatomy 41st ed., Fig. 80.3; Moore, Clinically Oriented Anatomy 8th ed.):
// a tight curve behind (`back`, radius rb) running into a flatter one below
// and in front (`front`, radius rf). `half` is its half width; `splay` turns
// its back end medially or laterally (metres of z per metre of x).
Field condyle(glm::vec2 back, float rb, glm::vec2 front, float rf, float z, float half, float splay) {
  constexpr float kEdge = 0.0090f; // mediolateral rounding of the articular surface
  Field f;
  f.eval = [=](const vec3& p) {
    const glm::vec2 q(p.x, p.y);
    const float d2 = smin(glm::length(q - back) - rb, glm::length(q - front) - rf, 0.012f);
    const float zc = z + splay * (p.x - front.x);
    const glm::vec2 w(d2 + kEdge, std::abs(p.z - zc) - half + kEdge);
    return std::min(std::max(w.x, w.y), 0.0f) + glm::length(glm::max(w, 0.0f)) - kEdge;
  };
  const float reach = std::max(rb, rf) + 0.03f * std::abs(splay) + half;
  f.box = {{back.x - rb, std::min(back.y - rb, front.y - rf), z - reach},
           {front.x + rf, std::max(back.y + rb, front.y + rf), z + reach}};
  return f;
}

Field femur() {
  // Distal femur, cut just below the thigh's cut (kThighCut).
  Field shaft = sweep({key(-0.0360f, 0.470f, 0.0790f, 0.024f, 0.018f), key(-0.0355f, 0.505f, 0.0860f, 0.0175f, 0.0140f),
                       key(-0.0360f, 0.560f, 0.0925f, 0.0150f, 0.0135f), key(-0.0368f, 0.640f, 0.1030f, 0.0142f, 0.0135f)},
                      kAnterior);
  // The condyles reach 2 cm below the knee's centre and stand about 5 mm
  // above the tibial plateau (cartilage and menisci). The medial one is the
  // narrower and longer, its back end turning medially, so the notch between
  // them widens posteriorly; the lateral is broader and straight.
  // Each condyle stands over its tibial condyle's articular surface (the
  // medial over the medial dish).
  Field medial_condyle = condyle({-0.0605f, 0.4550f}, 0.0195f, {-0.0470f, 0.4585f}, 0.0230f, 0.0575f, 0.0135f, 0.12f);
  Field lateral_condyle = condyle({-0.0600f, 0.4550f}, 0.0195f, {-0.0480f, 0.4580f}, 0.0225f, 0.0990f, 0.0140f, 0.0f);
  // The patellar surface: a lateral facet higher and more prominent than the
  // medial (it holds the patella against its lateral pull), the trochlear
  // groove between them.
  Field lateral_facet = ellipsoid({-0.0340f, 0.4670f, 0.0920f}, {0.0140f, 0.0220f, 0.0165f});
  Field medial_facet = ellipsoid({-0.0365f, 0.4640f, 0.0620f}, {0.0130f, 0.0200f, 0.0160f});
  Field metaphysis = ellipsoid({-0.0470f, 0.4800f, 0.0770f}, {0.0210f, 0.0280f, 0.0340f});
  // The medial epicondyle: a large convex eminence on the medial condyle's
  // side, more prominent than the lateral (Gray's 1918, "The Femur"). A
  // knob 22 mm across, 5 mm proud, sat in a shallow hollow (up to 0.8 mm
  // deep) inside the condyle's rim and read from the side as a knob in a
  // crater; this broader dome merges with the rim (4 mm proud).
  Field medial_epicondyle = ellipsoid({-0.0520f, 0.4620f, 0.0450f}, {0.0150f, 0.0150f, 0.0075f});
  // The lateral epicondyle: the most prominent point of a low dome over the
  // condyle's flat side. A knob 20 mm across standing 4.5 mm proud of that
  // side, ringed by its occlusion, read from the side as a crater.
  Field lateral_epicondyle = ellipsoid({-0.0510f, 0.4600f, 0.1100f}, {0.0125f, 0.0130f, 0.0060f});
  Field adductor_tubercle = ellipsoid({-0.0480f, 0.4900f, 0.0470f}, {0.0050f, 0.0060f, 0.0050f});
  // Supracondylar lines: low ridges diverging from the linea aspera.
  Field medial_line = capsule({-0.0470f, 0.5300f, 0.0800f}, {-0.0560f, 0.4850f, 0.0560f}, 0.0035f);
  Field lateral_line = capsule({-0.0470f, 0.5300f, 0.0980f}, {-0.0560f, 0.4850f, 0.1030f}, 0.0035f);
  Field body = smooth_union({shaft, metaphysis, medial_epicondyle, lateral_epicondyle, adductor_tubercle, medial_line,
                             lateral_line, lateral_facet, medial_facet},
                            0.010f);
  body = smooth_union({body, medial_condyle, lateral_condyle}, 0.006f);
  // The intercondylar fossa (notch): open behind and below, 17 mm wide in
  // front widening to about 23 mm behind, its roof (the intercondylar line)
  // sloping down and forwards to meet the lower edge of the patellar surface.
  Field notch;
  notch.eval = [](const vec3& p) {
    const float half = 0.0085f + 0.08f * std::max(0.0f, -0.045f - p.x);
    const float side = std::abs(p.z - 0.0757f) - half;
    const float roof_y = 0.4620f + (p.x + 0.0780f) * (-0.022f / 0.040f);
    const float roof = 0.876f * (p.y - roof_y);
    return std::max(side, roof);
  };
  notch.box = {{-0.120f, 0.400f, 0.055f}, {-0.015f, 0.470f, 0.097f}};
  body = subtract(body, notch, 0.003f);
  // The trochlear groove, deepest low down where the patella sits in extension.
  body = subtract(body, capsule({-0.0195f, 0.4470f, 0.0765f}, {-0.0205f, 0.4870f, 0.0775f}, 0.0065f), 0.004f);
  return clip_half_space(body, {0.0f, kThighCut - kThighCutInset, 0.0f}, kUp);
}

Field patella() {
  Field body = ellipsoid({-0.0095f, 0.4720f, 0.0785f}, {0.0120f, 0.0230f, 0.0250f});
  Field apex = ellipsoid({-0.0110f, 0.4560f, 0.0780f}, {0.0090f, 0.0120f, 0.0130f});
  Field p = smooth_union({body, apex}, 0.008f);
  // The articular (posterior) face is nearly flat, with a vertical ridge.
  return intersect(p, ellipsoid({0.0150f, 0.4720f, 0.0785f}, {0.0370f, 0.0400f, 0.0500f}), 0.003f);
}

// The 2D distance to the triangle (a, b, c) in the plane (negative inside).
float triangle_distance(glm::vec2 p, glm::vec2 a, glm::vec2 b, glm::vec2 c) {
  const glm::vec2 e0 = b - a, e1 = c - b, e2 = a - c;
  const glm::vec2 v0 = p - a, v1 = p - b, v2 = p - c;
  const glm::vec2 q0 = v0 - e0 * std::clamp(glm::dot(v0, e0) / glm::dot(e0, e0), 0.0f, 1.0f);
  const glm::vec2 q1 = v1 - e1 * std::clamp(glm::dot(v1, e1) / glm::dot(e1, e1), 0.0f, 1.0f);
  const glm::vec2 q2 = v2 - e2 * std::clamp(glm::dot(v2, e2) / glm::dot(e2, e2), 0.0f, 1.0f);
  const float s = e0.x * e2.y - e0.y * e2.x > 0.0f ? 1.0f : -1.0f;
  const glm::vec2 d = glm::min(glm::min(glm::vec2(glm::dot(q0, q0), s * (v0.x * e0.y - v0.y * e0.x)),
                                        glm::vec2(glm::dot(q1, q1), s * (v1.x * e1.y - v1.y * e1.x))),
                               glm::vec2(glm::dot(q2, q2), s * (v2.x * e2.y - v2.y * e2.x)));
  return -std::sqrt(d.x) * (d.y > 0.0f ? 1.0f : -1.0f);
}

// One level of the tibial shaft: its height, the centre of its section, the
// half depth of the section in front of (ha) and behind (hp) the centre and
// its half width (w).
struct ShaftLevel {
  float y, x, z, ha, hp, w;
};

// The tibial shaft between the metaphyses: triangular in section (Gray's
// Anatomy 41st ed.: anterior, medial and interosseous borders bounding the
// medial, lateral and posterior surfaces), the anterior border a sharp crest.
// Horizontal sections are
// rounded triangles interpolated between levels; the shaft is so nearly
// vertical that the horizontal distance serves as the field.
Field tibial_shaft() {
  static const ShaftLevel kLevels[] = {
      // The shaft runs on to 90% of the way down, inside the lower
      // metaphysis: ended flat at 87% (0.110 m) over the narrower top of the
      // metaphysis, the blend between them filled out into a thick lower
      // shin from 82%, 1.9 and 2.1 times the reference tibia's section at
      // 84 and 86% (AtlasBoneShape.DistalTibiaFlaresNoHigherThanTheReference).
      {0.098f, -0.0568f, 0.0755f, 0.0105f, 0.0105f, 0.0115f}, {0.110f, -0.0560f, 0.0760f, 0.0115f, 0.0115f, 0.0125f},
      {0.150f, -0.0525f, 0.0790f, 0.0125f, 0.0110f, 0.0105f}, {0.200f, -0.0492f, 0.0815f, 0.0135f, 0.0110f, 0.0098f},
      {0.260f, -0.0462f, 0.0822f, 0.0138f, 0.0115f, 0.0098f}, {0.320f, -0.0465f, 0.0808f, 0.0142f, 0.0125f, 0.0105f},
      {0.365f, -0.0480f, 0.0806f, 0.0150f, 0.0145f, 0.0130f}, {0.385f, -0.0515f, 0.0804f, 0.0170f, 0.0165f, 0.0165f}};
  constexpr std::size_t n = std::size(kLevels);
  constexpr float kRound = 0.0036f; // edge rounding
  // Within kEnd of either end the section rounds off into the ellipses of
  // the metaphyses, so the prism leaves no ring where they blend.
  constexpr float kEnd = 0.018f;
  Field f;
  f.eval = [](const vec3& p) {
    const float y = std::clamp(p.y, kLevels[0].y, kLevels[n - 1].y);
    std::size_t i = 0;
    while (i + 2 < n && y > kLevels[i + 1].y) ++i;
    const ShaftLevel &a = kLevels[i], &b = kLevels[i + 1];
    const float t = glm::smoothstep(a.y, b.y, y);
    const ShaftLevel l{
        y, glm::mix(a.x, b.x, t), glm::mix(a.z, b.z, t), glm::mix(a.ha, b.ha, t), glm::mix(a.hp, b.hp, t), glm::mix(a.w, b.w, t)};
    // Section in (x anterior, z lateral), shrunk by the rounding.
    const float end = std::min(y - kLevels[0].y, kLevels[n - 1].y - y) / kEnd;
    const float r = glm::mix(0.8f * std::min(l.w, 0.5f * (l.ha + l.hp)), kRound, glm::smoothstep(0.0f, 1.0f, end));
    const glm::vec2 q(p.x - l.x, p.z - l.z);
    const glm::vec2 crest(l.ha - r, 0.0f);
    const glm::vec2 medial_border(-0.80f * l.hp, -(l.w - r));
    const glm::vec2 interosseous_border(-(l.hp - r), l.w - r);
    const float d2 = triangle_distance(q, crest, interosseous_border, medial_border) - r;
    const float dy = std::abs(p.y - 0.5f * (kLevels[0].y + kLevels[n - 1].y)) - 0.5f * (kLevels[n - 1].y - kLevels[0].y);
    return glm::length(glm::max(glm::vec2(d2, dy), 0.0f)) + std::min(std::max(d2, dy), 0.0f);
  };
  f.box = {{-0.075f, kLevels[0].y, 0.058f}, {-0.028f, kLevels[n - 1].y, 0.102f}};
  return f;
}

Field tibia() {
  // Metaphyses: rounded, widening into the condyles above and the distal end
  // below. The lower one begins 17 mm across at 86% of the way down (it
  // began 20 mm across at 83%), so the end widens low, as the reference
  // tibia's does at 88-90%.
  Field lower = flared_sweep({key(-0.0565f, 0.072f, 0.0700f, 0.0175f, 0.0120f), key(-0.0575f, 0.095f, 0.0755f, 0.0165f, 0.0140f),
                              key(-0.0552f, 0.113f, 0.0780f, 0.0085f, 0.0085f)},
                             kAnterior);
  // The upper one flares into the plateau, so the condyles overhang a
  // widening metaphysis rather than sitting on a waist. It starts inside
  // the shaft, 10 mm across at 25% of the way down: begun 30 mm across at
  // 21%, its flat end stood out of the shaft as a shelf either side of the
  // crest, which the skin showed as a pit below the knee
  // (AtlasBoneShape.ProximalTibiaFlaresIntoTheShaftWithoutAShelf).
  Field upper = flared_sweep({key(-0.0477f, 0.355f, 0.0806f, 0.0050f, 0.0050f), key(-0.0500f, 0.372f, 0.0805f, 0.0150f, 0.0150f),
                              key(-0.0560f, 0.395f, 0.0800f, 0.0230f, 0.0200f), key(-0.0585f, 0.416f, 0.0805f, 0.0290f, 0.0225f)},
                             kAnterior);
  Field shaft = smooth_union({lower, tibial_shaft(), upper}, 0.014f);
  Field plateau = ellipsoid({-0.0590f, 0.4200f, 0.0805f}, {0.0235f, 0.0190f, 0.0330f});
  Field medial_condyle = ellipsoid({-0.0600f, 0.4230f, 0.0615f}, {0.0225f, 0.0160f, 0.0185f});
  Field lateral_condyle = ellipsoid({-0.0610f, 0.4230f, 0.0985f}, {0.0210f, 0.0160f, 0.0155f});
  Field tuberosity = ellipsoid({-0.0345f, 0.3920f, 0.0830f}, {0.0070f, 0.0150f, 0.0085f});
  Field gerdy = ellipsoid({-0.0450f, 0.4150f, 0.1030f}, {0.0065f, 0.0060f, 0.0050f});
  Field medial_malleolus = ellipsoid({-0.0570f, 0.0780f, 0.0555f}, {0.0110f, 0.0145f, 0.0065f});
  // A lobe on the lateral face of the lower end, where the inferior
  // interosseous ligament binds the fibula to a rough hollow of the tibia
  // (Gray's Anatomy 1918, "The Tibia"): the fibula lies 2.9 mm off in an
  // anteroposterior view 1 cm above the plafond's vault (a normal ankle's
  // tibiofibular clear space is under about 6 mm; SOURCES.md). The hollow
  // itself is not modelled: the lobe's face is convex. Without the lobe the
  // end was a rounded knob 7-10 mm from the fibula at 90-95% of the way
  // down, where the reference tibia reaches out to it
  // (AtlasBoneShape.FibulaLiesBesideTheTibiaAboveTheAnkle). Widening the
  // metaphysis's two lowest keys instead cut the talus in two at the
  // trochlea, and a lobe reaching lower or further back trimmed the talus,
  // which is cleared against the tibia over the ankle's range
  // (docs/ATLAS-MEASUREMENTS.md).
  Field fibular_notch = ellipsoid({-0.0600f, 0.0870f, 0.0875f}, {0.0110f, 0.0095f, 0.0090f});
  Field body =
      smooth_union({shaft, plateau, medial_condyle, lateral_condyle, tuberosity, gerdy, medial_malleolus, fibular_notch}, 0.012f);
  // The tibial plateau (Gray's Anatomy 41st ed.; Moore 8th ed.): the medial
  // condyle's articular surface an oval, concave dish, the larger; the
  // lateral's smaller, nearly circular and flat, a little lower (its meniscus
  // is the thicker); both rimmed with a rounded edge.
  Field top;
  top.eval = [](const vec3& p) { return p.y - glm::mix(0.4305f, 0.4290f, glm::smoothstep(0.074f, 0.086f, p.z)); };
  top.box = {{-1.0f, -1.0f, -1.0f}, {1.0f, 0.4305f, 1.0f}};
  body = intersect(body, top, 0.003f);
  // The distal articular surface and the medial malleolus's lateral face
  // fit the talar trochlea, with its joint space, in every ankle position.
  body = subtract(body, trochlear_room(kTrochleaRadius, kTrochleaSlope, kTrochleaMedial, kTrochleaLateral, 0.0018f), 0.0010f);
  body = subtract(body, ellipsoid({-0.0600f, 0.4485f, 0.0600f}, {0.0300f, 0.0200f, 0.0190f}), 0.004f);
  // The intercondylar eminence between them: a low ridge rising into the
  // medial and lateral intercondylar tubercles, which stand in the femur's
  // intercondylar notch; the areas in front of and behind it stay low.
  Field ridge = ellipsoid({-0.0590f, 0.4290f, 0.0762f}, {0.0120f, 0.0055f, 0.0075f});
  Field medial_tubercle = ellipsoid({-0.0590f, 0.4330f, 0.0728f}, {0.0075f, 0.0065f, 0.0042f});
  Field lateral_tubercle = ellipsoid({-0.0575f, 0.4325f, 0.0798f}, {0.0070f, 0.0060f, 0.0040f});
  return smooth_union({body, ridge, medial_tubercle, lateral_tubercle}, 0.002f);
}

Field fibula() {
  Field shaft = sweep({key(-0.0610f, 0.030f, 0.1080f, 0.0060f, 0.0060f), key(-0.0620f, 0.048f, 0.1070f, 0.0090f, 0.0105f),
                       key(-0.0610f, 0.070f, 0.1070f, 0.0078f, 0.0075f), key(-0.0608f, 0.100f, 0.1060f, 0.0072f, 0.0058f),
                       key(-0.0593f, 0.160f, 0.1040f, 0.0075f, 0.0054f), key(-0.0582f, 0.250f, 0.1034f, 0.0073f, 0.0062f),
                       key(-0.0597f, 0.325f, 0.1062f, 0.0078f, 0.0068f), key(-0.0610f, 0.355f, 0.1095f, 0.0095f, 0.0085f),
                       // The neck, just below the head, joins it to the shaft.
                       key(-0.0612f, 0.370f, 0.1110f, 0.0085f, 0.0080f)},
                      kAnterior);
  Field head = ellipsoid({-0.0610f, 0.3770f, 0.1115f}, {0.0115f, 0.0140f, 0.0120f});
  Field apex = ellipsoid({-0.0640f, 0.3920f, 0.1130f}, {0.0050f, 0.0070f, 0.0050f});
  Field malleolus = ellipsoid({-0.0625f, 0.0520f, 0.1080f}, {0.0105f, 0.0190f, 0.0085f});
  // The lateral malleolus's articular facet fits the trochlea's lateral face.
  return subtract(smooth_union({shaft, head, apex, malleolus}, 0.008f),
                  trochlear_room(kTrochleaRadius, kTrochleaSlope, kTrochleaMedial, kTrochleaLateral, 0.0018f), 0.0010f);
}

Field cuboid() {
  // Wedge-shaped: long on its medial border, short on its lateral one (seen
  // from above), and lower laterally, where the fibularis longus turns under it.
  const vec3 centre{-0.0380f, 0.0320f, 0.1040f}, half{0.0120f, 0.0110f, 0.0125f};
  constexpr float kRounding = 0.0055f;
  Field body;
  body.eval = [=](const vec3& p) {
    const vec3 d = p - centre;
    const float lateral = std::clamp(d.z / half.z, -1.0f, 1.0f); // -1 medial .. 1 lateral
    const vec3 inner = half - vec3(kRounding);
    const vec3 q = glm::abs(d) - vec3(inner.x * (1.0f - 0.22f * lateral), inner.y * (1.0f - 0.15f * lateral), inner.z);
    return glm::length(glm::max(q, vec3(0.0f))) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) - kRounding;
  };
  body.box = {centre - half * 1.25f, centre + half * 1.25f};
  // Groove for the fibularis longus tendon on its plantar face.
  return subtract(body, capsule({-0.0310f, 0.0185f, 0.1230f}, {-0.0300f, 0.0190f, 0.0880f}, 0.0032f), 0.002f);
}

Field metatarsal(vec3 base, vec3 head, float base_r, float shaft_r, float head_r) {
  const vec3 mid = 0.5f * (base + head) + vec3(0.0f, 0.004f, 0.0f); // dorsal arch
  Field shaft =
      sweep({{base, base_r * 0.8f, base_r}, {mid, shaft_r, shaft_r * 1.15f}, {head, head_r * 0.7f, head_r * 0.8f}}, kUp);
  Field b = ellipsoid(base, {base_r * 0.8f, base_r * 1.1f, base_r * 0.85f});
  Field h = ellipsoid(head, {head_r, head_r, head_r * 0.85f});
  return smooth_union({shaft, b, h}, 0.004f);
}

// One phalanx from a (proximal) to b (distal): a broad concave base, a waisted
// shaft and a pulley-shaped head; a distal phalanx ends in a flat tuft.
Field phalanx(vec3 a, vec3 b, float w, float h, bool distal) {
  const vec3 axis = b - a;
  const float len = glm::length(axis);
  const vec3 dir = axis / len;
  const glm::mat3 frame = frame_from_axis(dir, kUp); // x dorsal, y along, z side
  Field base = ellipsoid(a + 0.14f * axis, {h, 0.16f * len, w}, frame);
  Field end = distal ? ellipsoid(b - 0.12f * axis, {0.68f * h, 0.13f * len, 0.85f * w}, frame)
                     : ellipsoid(b - 0.11f * axis, {0.88f * h, 0.12f * len, 0.92f * w}, frame);
  Field shaft = sweep({{a + 0.14f * axis, 0.88f * w, 0.88f * h},
                       {a + 0.5f * axis, 0.74f * w, 0.76f * h},
                       {b - 0.12f * axis, (distal ? 0.75f : 0.82f) * w, (distal ? 0.58f : 0.78f) * h}},
                      kUp);
  return smooth_union({shaft, base, end}, 0.0025f);
}

// The phalanges of one toe, from the metatarsophalangeal joint to the tip,
// each its own bone with a narrow joint space between.
Field toe(vec3 start, vec3 end, float w, float h, int phalanges) {
  static const float kHallux[] = {0.0f, 0.56f, 1.0f};
  static const float kLesser[] = {0.0f, 0.48f, 0.76f, 1.0f};
  if (phalanges != 2 && phalanges != 3) throw RuntimeError("atlas generator: a toe has 2 or 3 phalanges");
  const float* at = phalanges == 2 ? kHallux : kLesser;
  constexpr float kJoint = 0.0008f; // joint space, metres
  const vec3 dir = glm::normalize(end - start);
  if (phalanges > 2) w *= 1.08f; // the lesser toes' bases nearly touch
  std::vector<Field> bones;
  for (int i = 0; i < phalanges; ++i) {
    const vec3 a = glm::mix(start, end, at[i]) + (i > 0 ? 0.5f * kJoint : 0.0f) * dir;
    const vec3 b = glm::mix(start, end, at[i + 1]) - (i + 1 < phalanges ? 0.5f * kJoint : 0.0f) * dir;
    const float taper = 1.0f - 0.07f * float(i);
    bones.push_back(phalanx(a, b, w * taper, h * taper, i + 1 == phalanges));
  }
  return unite(std::move(bones));
}

// A cuneiform: a rounded block whose side-to-side width changes from its
// dorsal to its plantar face (`taper` > 0: wider dorsally, the keystones of
// the transverse arch; < 0: wider plantarly, the medial cuneiform).
Field cuneiform(vec3 centre, vec3 half, float rounding, float taper) {
  const vec3 inner = half - vec3(rounding);
  Field f;
  f.eval = [=](const vec3& p) {
    const vec3 d = p - centre;
    const float spread = 1.0f + taper * std::clamp(d.y / half.y, -1.0f, 1.0f);
    const vec3 q = glm::abs(d) - vec3(inner.x, inner.y, inner.z * spread);
    return glm::length(glm::max(q, vec3(0.0f))) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) - rounding;
  };
  f.box = {centre - half * (1.0f + std::abs(taper)), centre + half * (1.0f + std::abs(taper))};
  return f;
}

// A bone where it articulates with its partners (raw fields of all): each
// pair meets across its joint space (the two layers of articular cartilage). Where two overlap, each keeps its side of the surface halfway
// between them; where they stand further apart, a partner's `reach` > 0 first
// fills the cleft up to that distance from both, so the facing surfaces
// become congruent. The cut is made on the raw fields, so no two bones can
// meet whatever either grew.
struct Partner {
  Field field;
  float reach;
  float gap;
};
Field articulate(Field own, std::vector<Partner> partners) {
  Field f;
  float margin = 0.0f;
  for (const auto& p : partners) margin = std::max({margin, p.reach, p.gap});
  f.box = grow(own.box, margin);
  margin += 0.004f;
  f.eval = [own = std::move(own), partners = std::move(partners), margin](const vec3& p) {
    const float raw = own.eval(p);
    float d = raw;
    for (const auto& q : partners) {
      if (box_distance(q.field.box, p) > margin + std::max(raw, 0.0f)) continue;
      const float db = q.field.eval(p);
      if (q.reach > 0.0f) d = smin(d, std::max(raw - q.reach, db - q.reach), 0.002f);
      d = smax(d, 0.5f * (raw - db + q.gap), 0.0008f);
    }
    return d;
  };
  return f;
}

struct Joint {
  const char* a;
  const char* b;
  float reach; // how far the cleft is filled (0: the bones already meet)
  float gap = 0.0016f;
};

// Synovial joints of the ankle and foot (Gray's Anatomy 41st ed.): talocrural,
// talonavicular, calcaneocuboid, cuneonavicular, intercuneiform,
// cuneocuboid and tarsometatarsal, with a joint space of 1.6 mm, wider at the
// ankle and behind the patella (cartilage is thin in congruent joints and
// thickest behind the patella: Shepherd and Seedhom 1999; see SOURCES.md).
constexpr Joint kJoints[] = {
    {"femur", "patella", 0.0f, 0.0020f},
    {"tibia", "talus", 0.0f, 0.0024f},
    {"fibula", "talus", 0.0f},
    {"talus", "navicular", 0.0f},
    {"calcaneus", "cuboid", 0.0f},
    {"navicular", "medial_cuneiform", 0.0f},
    {"navicular", "intermediate_cuneiform", 0.0f},
    {"navicular", "lateral_cuneiform", 0.0025f},
    {"intermediate_cuneiform", "lateral_cuneiform", 0.0f},
    {"lateral_cuneiform", "cuboid", 0.0f},
    {"medial_cuneiform", "metatarsal_1", 0.0f},
    {"intermediate_cuneiform", "metatarsal_2", 0.0025f},
    {"lateral_cuneiform", "metatarsal_3", 0.0f},
    {"cuboid", "metatarsal_4", 0.0025f},
    {"cuboid", "metatarsal_5", 0.0f},
};

} // namespace

std::vector<StructureSpec> build_bones() {
  std::vector<StructureSpec> b;
  b.push_back(bone("femur", "Femur (distal end)", femur(), 0.0013f, 16000, 3000));
  b.push_back(bone("patella", "Patella", patella(), 0.0008f, 3000, 800));
  b.push_back(bone("tibia", "Tibia", tibia(), 0.0013f, 22000, 4000));
  b.push_back(bone("fibula", "Fibula", fibula(), 0.0010f, 12000, 2500));
  b.push_back(bone("talus", "Talus", talus(), 0.0007f, 5000, 1200));
  b.push_back(bone("calcaneus", "Calcaneus", calcaneus(), 0.0008f, 7000, 1500));
  b.push_back(bone("navicular", "Navicular", navicular(), 0.0006f, 2500, 600));
  b.push_back(bone("cuboid", "Cuboid", cuboid(), 0.0006f, 2500, 600));
  b.push_back(bone("medial_cuneiform", "Medial cuneiform",
                   cuneiform({-0.0170f, 0.0330f, 0.0585f}, {0.0110f, 0.0130f, 0.0075f}, 0.0040f, -0.25f), 0.0006f, 2000, 500));
  b.push_back(bone("intermediate_cuneiform", "Intermediate cuneiform",
                   cuneiform({-0.0180f, 0.0410f, 0.0740f}, {0.0075f, 0.0090f, 0.0065f}, 0.0035f, 0.35f), 0.0006f, 1600, 400));
  b.push_back(bone("lateral_cuneiform", "Lateral cuneiform",
                   cuneiform({-0.0180f, 0.0400f, 0.0895f}, {0.0085f, 0.0100f, 0.0070f}, 0.0035f, 0.35f), 0.0006f, 1600, 400));
  b.push_back(bone("metatarsal_1", "First metatarsal",
                   metatarsal({0.0033f, 0.0315f, 0.0590f}, {0.0560f, 0.0155f, 0.0565f}, 0.0100f, 0.0068f, 0.0098f), 0.0006f, 3000,
                   700));
  b.push_back(bone("metatarsal_2", "Second metatarsal",
                   metatarsal({-0.0020f, 0.0410f, 0.0760f}, {0.0570f, 0.0160f, 0.0790f}, 0.0070f, 0.0042f, 0.0065f), 0.0005f,
                   2500, 600));
  b.push_back(bone("metatarsal_3", "Third metatarsal",
                   metatarsal({-0.0060f, 0.0380f, 0.0900f}, {0.0500f, 0.0155f, 0.0940f}, 0.0068f, 0.0040f, 0.0062f), 0.0005f,
                   2500, 600));
  b.push_back(bone("metatarsal_4", "Fourth metatarsal",
                   metatarsal({-0.0185f, 0.0335f, 0.1015f}, {0.0400f, 0.0150f, 0.1080f}, 0.0066f, 0.0040f, 0.0060f), 0.0005f,
                   2500, 600));
  {
    Field m5 = metatarsal({-0.0220f, 0.0290f, 0.1140f}, {0.0270f, 0.0150f, 0.1220f}, 0.0070f, 0.0042f, 0.0060f);
    Field tuberosity = ellipsoid({-0.0300f, 0.0260f, 0.1230f}, {0.0090f, 0.0065f, 0.0060f});
    b.push_back(bone("metatarsal_5", "Fifth metatarsal", smooth_union({m5, tuberosity}, 0.006f), 0.0005f, 2500, 600));
  }
  b.push_back(bone("phalanges_1", "Phalanges of the great toe",
                   toe({0.0680f, 0.0143f, 0.0590f}, {0.1330f, 0.0088f, 0.0660f}, 0.0125f, 0.0068f, 2), 0.0005f, 2500, 600));
  b.push_back(bone("phalanges_2", "Phalanges of the second toe",
                   toe({0.0620f, 0.0128f, 0.0815f}, {0.1360f, 0.0098f, 0.0945f}, 0.0075f, 0.0042f, 3), 0.0005f, 2000, 500));
  b.push_back(bone("phalanges_3", "Phalanges of the third toe",
                   toe({0.0550f, 0.0138f, 0.0970f}, {0.1240f, 0.0103f, 0.1070f}, 0.0063f, 0.0045f, 3), 0.0005f, 2000, 500));
  b.push_back(bone("phalanges_4", "Phalanges of the fourth toe",
                   toe({0.0450f, 0.0128f, 0.1110f}, {0.1110f, 0.0113f, 0.1220f}, 0.0066f, 0.0049f, 3), 0.0005f, 2000, 500));
  b.push_back(bone("phalanges_5", "Phalanges of the fifth toe",
                   toe({0.0310f, 0.0153f, 0.1265f}, {0.0970f, 0.0098f, 0.1340f}, 0.0046f, 0.0038f, 3), 0.0005f, 2000, 500));
  // The joint surfaces, from the raw shapes of both partners.
  std::vector<Field> raw;
  for (const auto& s : b) raw.push_back(s.field);
  auto index = [&](const char* id) {
    for (std::size_t i = 0; i < b.size(); ++i)
      if (b[i].id == id) return i;
    throw RuntimeError(std::string("atlas generator: no bone ") + id);
  };
  std::vector<std::vector<Partner>> partners(b.size());
  for (const Joint& j : kJoints) {
    const std::size_t ia = index(j.a), ib = index(j.b);
    partners[ia].push_back({raw[ib], j.reach, j.gap});
    partners[ib].push_back({raw[ia], j.reach, j.gap});
  }
  for (std::size_t i = 0; i < b.size(); ++i)
    if (!partners[i].empty()) b[i].field = articulate(raw[i], partners[i]);
  // Bones that move past each other leave each other room across the ranges
  // of the ankle and subtalar joints (the motion model's): the talus's neck
  // and posterior process against the tibia's margins in full dorsi- and
  // plantarflexion, the calcaneus and cuboid against the lateral malleolus in
  // eversion, the navicular against the talar head, the toes against the
  // metatarsal heads.
  constexpr float kClear = 0.0008f;
  auto clear = [&](const char* id, const char* partner, std::vector<RangePose> poses) {
    StructureSpec& s = b[index(id)];
    s.field = clear_over_range(s.field, b[index(partner)].field, std::move(poses), kClear);
  };
  clear("talus", "tibia", talus_against_leg());
  clear("talus", "fibula", talus_against_leg());
  for (const char* id : {"calcaneus", "cuboid", "navicular"}) {
    clear(id, "fibula", foot_against_leg());
    clear(id, "tibia", foot_against_leg());
  }
  clear("navicular", "talus", foot_against_talus());
  clear("calcaneus", "talus", foot_against_talus());
  // The toes turn about one axis (the model's) across all five heads, so
  // each proximal phalanx's base is hollowed where its metatarsal's head
  // would meet it.
  for (int i = 1; i <= 5; ++i)
    clear(("phalanges_" + std::to_string(i)).c_str(), ("metatarsal_" + std::to_string(i)).c_str(), toes_against_foot());
  return b; // the hulls (what the skin wraps) stay the cheaper raw shapes
}

} // namespace crus::atlas
