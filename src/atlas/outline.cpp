// The outline of the leg: the deep fascia (the inner surface of the skin and
// subcutaneous layer) as a loft of elliptical sections, level by level, the
// way a cross-sectional atlas draws the leg. The muscles are clipped to it and
// the skin lies a few millimetres outside it, so the outline a teacher sees
// (and a tape measures) is designed from anthropometry rather than left to
// whatever gaps the muscles' own shapes leave. Figures: SOURCES.md, "Outline".
#include "atlas/structures.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <memory>
#include <thread>
#include <vector>

namespace crus::atlas {

namespace {
// One level of the outline of the skin's outer surface (metres, model frame):
// most anterior and most posterior x, most medial and most lateral z.
struct Level {
  float y, front, back, medial, lateral;
};

// Heights: the knee joint centre is y = 0.4536, the ankle's 0.0571 (39.6 cm).
// Circumferences the table aims at (tape: convex hull), from the ellipse:
// knee about 36 cm; calf 37 cm at 30% of the way down (pulled in from 38.6
// so that the muscles, sized to their volumes, fill more of it: issue 11's
// packing; docs/ATLAS-MEASUREMENTS.md) with the lateral
// outline widest there and the medial widest lower, at 40% (the medial head
// of gastrocnemius reaches further down); about 24 cm at 85%. In front,
// tibialis anterior rounds the outline lateral to the crest; medial to it
// the flat face below (kShin) keeps the crest and the medial surface of the
// tibia 3 to 5 mm under the skin. At 10% the medial side is drawn 2.5 mm in
// from 0.024, so that the medial outline is widest at the calf, not at the
// tibial condyle (kEdgeBlend takes 2 mm off the calf's widest point).
// The skin used to swell up to 1 mm past this outline wherever a muscle's
// belly filled its compartment; it no longer does (build_skin), and two rows
// take that millimetre back where it mattered: the medial side at 40% 1.5 mm
// further out (0.017 before: the calf's medial outline came out no wider
// there than at 11%), and the lateral side at 50% 1.8 mm (0.133 before),
// where the fibularis longus tendon comes out of the outline. At the knee's
// level the lateral side was 0.132, 4 mm inside the rows above and below: a
// waist 5.6 mm deep at the joint line seen from the front, and where the
// sweep bent inwards there the skin creased 20 degrees behind the lateral
// condyle, flecks seen from the side. In the extended knee the iliotibial
// tract and the biceps tendon cover that side and the joint line is felt,
// not seen (SOURCES.md; SkinSeams.NoWaistAtTheKneesJointLine). Moving the
// back out too (0.114 to 0.117) gave the medial head's origin room and it
// folded 15 times at knee 90 (MotionOriginWrap, ceiling 10). The lateral
// side at 60 and 70% is 1.5 mm further out (0.126 and 0.122 before): with
// the fibularis longus tendon held under the fascia the skin there came in
// by up to 7 mm and lay 4.5 mm over the superficial fibular nerve just above
// where it pierces the fascia (Skin.NoRidgeOverTheSuperficialFibularNerve).
constexpr Level kLevels[] = {
    {0.640f, 0.004f, -0.128f, 0.018f, 0.146f},                                              // distal thigh, above the cut
    {0.560f, 0.003f, -0.122f, 0.020f, 0.142f},   {0.500f, 0.004f, -0.116f, 0.021f, 0.136f}, // suprapatellar
    {0.4536f, 0.004f, -0.114f, 0.020f, 0.1365f},                                            // knee joint centre (0%)
    {0.414f, -0.014f, -0.127f, 0.0265f, 0.138f},                                            // 10%: tibial tuberosity
    {0.375f, -0.012f, -0.135f, 0.026f, 0.141f},                                             // 20%
    {0.335f, -0.012f, -0.141f, 0.023f, 0.143f},                                             // 30%: lateral calf widest
    {0.295f, -0.016f, -0.139f, 0.0155f, 0.138f},                                            // 40%: medial calf widest
    {0.255f, -0.017f, -0.132f, 0.018f, 0.1348f},                                            // 50%
    {0.216f, -0.023f, -0.125f, 0.030f, 0.1275f},                                            // 60%
    {0.176f, -0.028f, -0.120f, 0.043f, 0.1235f},                                            // 70%
    {0.136f, -0.033f, -0.117f, 0.052f, 0.119f},                                             // 80%
    {0.105f, -0.036f, -0.112f, 0.058f, 0.116f},                                             // 88%: narrowest, above the malleoli
    {0.080f, -0.034f, -0.112f, 0.060f, 0.112f}, // fades inside the ankle's own envelope
    {0.066f, -0.044f, -0.100f, 0.068f, 0.104f},
};
// The anteromedial surface of the tibia is subcutaneous: between the
// anterior border (crest) and the medial border the outline is the flat face
// of the bone, not the round of an ellipse. Behind the medial border the
// outline turns back along the medial edge of the soleus (from 45% of the way
// down, of flexor digitorum longus, which lies against the border there): in
// a cross-sectional atlas the skin follows the border closely, with the great
// saphenous vein and saphenous nerve in the thin fat just behind it (Gray's
// Anatomy, 20th ed., 1918; SOURCES.md "Outline"), not a straight chord from
// the crest to the calf. Per level, measured on the generated tibia and
// muscles: the crest (the section's most anterior point) and the medial
// border (its most medial point), which make the face line, and two points of
// the line behind the border, tangent to the muscles behind, 1 mm clear of
// them (2.5 mm from the muscles, the fascia 1.5 mm inside it). Outside both
// lines is outside the fascia: a concave corner at the border, 21 to 22
// degrees from 25 to 40%, deeper (35 to 49 degrees) from 55 to 75% where the
// soleus and flexor digitorum longus bulge behind the border, flat by 85%;
// from 66% down (blended in from 56%) the outline is made convex level by
// level (build_skin), so the skin bridges that corner. One construction from 16 to 89% of the way down, so
// the face has no seams (two tables that disagreed by up to 17 degrees left
// a ridge, and their hand-overs ledges: docs/ATLAS-MEASUREMENTS.md, "The
// medial face of the shin"); above and below it the cut moves outwards
// (shin_fade).
struct ShinLevel {
  float y, crest_x, crest_z, border_x, border_z, back0_x, back0_z, back1_x, back1_z;
};
constexpr ShinLevel kShin[] = {
    {0.390f, -0.0266f, 0.0822f, -0.0568f, 0.0579f, -0.0552f, 0.0560f, -0.0766f, 0.0349f}, // 16%
    {0.380f, -0.0277f, 0.0822f, -0.0573f, 0.0603f, -0.0558f, 0.0583f, -0.0759f, 0.0360f}, // 18%
    {0.370f, -0.0313f, 0.0809f, -0.0574f, 0.0637f, -0.0560f, 0.0616f, -0.0763f, 0.0395f}, // 21%
    {0.354f, -0.0329f, 0.0809f, -0.0587f, 0.0680f, -0.0569f, 0.0663f, -0.0771f, 0.0442f}, // 25%
    {0.334f, -0.0325f, 0.0809f, -0.0574f, 0.0697f, -0.0556f, 0.0679f, -0.0765f, 0.0464f}, // 30%
    {0.315f, -0.0323f, 0.0809f, -0.0561f, 0.0704f, -0.0544f, 0.0686f, -0.0759f, 0.0477f}, // 35%
    {0.295f, -0.0324f, 0.0809f, -0.0561f, 0.0711f, -0.0544f, 0.0693f, -0.0758f, 0.0483f}, // 40%
    {0.275f, -0.0324f, 0.0822f, -0.0561f, 0.0721f, -0.0541f, 0.0706f, -0.0722f, 0.0467f}, // 45%
    {0.256f, -0.0325f, 0.0822f, -0.0548f, 0.0724f, -0.0528f, 0.0709f, -0.0713f, 0.0472f}, // 50%
    {0.236f, -0.0336f, 0.0822f, -0.0561f, 0.0722f, -0.0540f, 0.0708f, -0.0703f, 0.0456f}, // 55%
    {0.216f, -0.0352f, 0.0822f, -0.0574f, 0.0718f, -0.0563f, 0.0695f, -0.0696f, 0.0426f}, // 60%
    {0.196f, -0.0358f, 0.0809f, -0.0587f, 0.0717f, -0.0578f, 0.0694f, -0.0675f, 0.0410f}, // 65%
    {0.176f, -0.0378f, 0.0800f, -0.0600f, 0.0702f, -0.0590f, 0.0679f, -0.0704f, 0.0402f}, // 70%
    {0.156f, -0.0399f, 0.0796f, -0.0613f, 0.0686f, -0.0602f, 0.0664f, -0.0746f, 0.0401f}, // 75%
    {0.136f, -0.0412f, 0.0783f, -0.0626f, 0.0668f, -0.0614f, 0.0646f, -0.0800f, 0.0411f}, // 80%
    {0.117f, -0.0409f, 0.0770f, -0.0626f, 0.0618f, -0.0612f, 0.0598f, -0.0857f, 0.0425f}, // 85%
    {0.100f, -0.0434f, 0.0757f, -0.0574f, 0.0592f, -0.0555f, 0.0576f, -0.0749f, 0.0347f}, // 89%
};
// Behind the medial border the calf is also held to the line an earlier
// table drew from the crest (it shaped the bundled atlas's medial calf, and
// the muscles there are sized to fill it): it now trims only behind the
// border, where it lies outside the face line, so it can no longer cross the
// face (shin_cut). Per level: two points of the line (x, z); the last two rows
// lie far outside, so the trim fades out below 90%. Above its first row (19%)
// it keeps that row's line and the shin's fade takes it out with the rest of
// the cut (a row far outside at 16% swept it in over 4 cm, a shelf across the
// leg).
struct TrimLevel {
  float y, x0, z0, x1, z1;
};
constexpr TrimLevel kCalfTrim[] = {
    {0.380f, -0.034f, 0.083f, -0.050f, 0.066f}, {0.355f, -0.034f, 0.082f, -0.048f, 0.070f},
    {0.236f, -0.032f, 0.085f, -0.046f, 0.074f}, {0.176f, -0.036f, 0.083f, -0.050f, 0.072f},
    {0.117f, -0.044f, 0.079f, -0.058f, 0.065f}, {0.085f, -0.050f, 0.075f, -0.070f, 0.040f},
    {0.060f, -0.030f, 0.100f, -0.080f, 0.010f},
};
// Every line of the shin lies kFaceGap outside the fascia (the fascia 1.5 mm
// inside it); the face line a further kFaceDeeper (below).
constexpr float kFaceGap = -0.0015f;
constexpr float kSkinThickness = 0.003f; // skin and subcutaneous layer over the fascia
// The shin (kShin): its face line runs through the bone's crest and medial
// border, so the fascia lies 3 mm inside it there (kFaceGap and
// kFaceDeeper): the skin over the subcutaneous face is the bone's own 3 mm
// wrap, within 5 mm of the crest.
constexpr float kFaceDeeper = 0.0015f;
constexpr float kCornerBlend = 0.003f; // the rounding of the concave corner at the medial border
// The edges where the cut meets the round of the leg: 6 mm left a hard edge
// down the calf behind the medial border (MedialCalf.SkinHasNoCreaseBehindTheShin).
constexpr float kEdgeBlend = 0.010f;
constexpr float kShinTravel = 0.040f; // how far the cut moves outwards where it fades
constexpr float kLowest = 0.070f;     // below: the ankle and foot skin follows the structures
constexpr float kHighest = kThighCut;

// The anterior compartment rounds the shin's anterolateral curve: over the
// upper two thirds the belly of extensor digitorum longus (with the lateral
// edge of tibialis anterior) stands out lateral to the tibia, in front of the
// fibula, a shallow ridge a teacher feels (Gray's Anatomy 41st ed., ch. 84;
// SOURCES.md "Outline"). The ellipse alone walled the compartment in there,
// so the fascia bulges outwards by up to kBulge, lateral to tibialis
// anterior's most anterior part (which the crest's 12 mm rule holds) and in
// front of the fibula (the lateral compartment keeps the ellipse). Behind,
// it fades out over 25 mm of depth: over 10 mm (x -0.060 to -0.050) the
// fascia stepped in by its full 3 mm there, its normal swinging through 30
// degrees, and the skin showed a line down the lateral side of the calf
// from 15 to 40% of the way down (SkinSeams.NoMuscleSeamsUnderTheFascia).
// Across the leg it comes in over 18 mm (z 0.100 to 0.118): over 8 mm it
// left a groove beside a ridge down the front of the calf, seen from the
// front (SkinSeams.NoWorseInFrontOrLowerDown).
constexpr float kBulge = 0.003f;
float anterolateral_bulge(const glm::vec3& p) {
  const float level = glm::smoothstep(0.200f, 0.240f, p.y) * (1.0f - glm::smoothstep(0.400f, 0.430f, p.y));
  const float lateral = glm::smoothstep(0.100f, 0.118f, p.z);
  const float anterior = glm::smoothstep(-0.070f, -0.045f, p.x);
  return kBulge * level * lateral * anterior;
}
// Between the knee's level and the tuberosity's the sweep's axis turns from
// running down and back (the patella stands out in front, the popliteal
// fossa is flat behind) to running straight down, and its sections, square
// to the axis, turn with it: in front, on the inside of that bend, they
// met in a crease 29 degrees deep at 13% of the way down, a line across
// the shin under the kneecap seen from the front
// (AtlasKnee.SkinBelowTheKneecapHasNoCreaseOrPit). From y 0.360 to 0.442
// the ellipse's distance is averaged over five heights, kBendTaps apart
// (binomial weights), which rounds the crease; the averaging fades in over
// 12 mm at each end, and from front to back over x -0.050 to -0.070 (the
// axis lies at about -0.055 to -0.070 there): averaged behind the axis too,
// on the outside of the bend where the outline was smooth, the skin of the
// popliteal fossa folded more with the knee bent to 120 degrees. The result
// is no longer an exact distance where the weight varies; the skin's offset
// from it is 3 mm give or take a few hundredths there. Behind the knee
// (x behind -0.080 to -0.095, y 0.434 to 0.478) the same: the back turns
// from the popliteal fossa (0.114 behind at the joint line) to the calf
// (0.127 at 10%) and the sweep's sections met at an angle there, a faint
// line across the back of the knee (SkinSeams.NoLineAcrossTheBackOfTheKnee;
// 13 degrees between neighbouring triangles before, 6.8 after).
constexpr float kBendTaps = 0.006f;
float below_knee_smoothed(const Field& ellipse, const glm::vec3& p) {
  const float d = ellipse.eval(p);
  const float front = glm::smoothstep(0.360f, 0.372f, p.y) * (1.0f - glm::smoothstep(0.430f, 0.442f, p.y)) *
                      glm::smoothstep(-0.070f, -0.050f, p.x);
  const float back = glm::smoothstep(0.434f, 0.446f, p.y) * (1.0f - glm::smoothstep(0.466f, 0.478f, p.y)) *
                     (1.0f - glm::smoothstep(-0.095f, -0.080f, p.x));
  const float w = std::max(front, back);
  if (w <= 0.0f) return d;
  const glm::vec3 up(0.0f, kBendTaps, 0.0f);
  const float avg = (6.0f * d + 4.0f * (ellipse.eval(p + up) + ellipse.eval(p - up)) + ellipse.eval(p + 2.0f * up) +
                     ellipse.eval(p - 2.0f * up)) /
                    16.0f;
  return glm::mix(d, avg, w);
}
// How far p lies outside the line from `from` to `to` (x, z), on its
// anteromedial side (+x and -z), less the face gap.
float beyond(const glm::vec3& p, const glm::vec2& from, const glm::vec2& to) {
  const glm::vec2 along = glm::normalize(to - from);
  return glm::dot(glm::vec2(p.x, p.z) - from, glm::vec2(-along.y, along.x)) - kFaceGap;
}

// A table's rows (strictly descending y, at least two) interpolated at y by
// cubic Hermite segments, each inner row's tangent from its neighbours and
// their uneven spacing, the first and last rows' level, as the line holds
// still beyond them (y is clamped there): the lines turn smoothly from one
// level to the next and into the ends. Linear interpolation left a crease
// across the leg at every row, which the skin showed as a horizontal edge
// (docs/ATLAS-MEASUREMENTS.md, "The medial side of the calf").
template <class RowY, class Value>
auto smooth_rows(std::size_t n, float y, RowY row_y, Value value) {
  std::size_t i = 0;
  while (i + 2 < n && row_y(i + 1) > y) ++i;
  const float h = row_y(i) - row_y(i + 1);
  const float t = glm::clamp((row_y(i) - y) / h, 0.0f, 1.0f);
  auto tangent = [&](std::size_t k) {
    if (k == 0 || k + 1 == n) return value(k) * 0.0f;
    return (value(k + 1) - value(k - 1)) * (h / (row_y(k - 1) - row_y(k + 1)));
  };
  const float t2 = t * t, t3 = t2 * t;
  return value(i) * (2.0f * t3 - 3.0f * t2 + 1.0f) + tangent(i) * (t3 - 2.0f * t2 + t) + value(i + 1) * (3.0f * t2 - 2.0f * t3) +
         tangent(i + 1) * (t3 - t2);
}

template <class Row, std::size_t N>
constexpr bool descending(const Row (&rows)[N]) {
  for (std::size_t i = 1; i < N; ++i)
    if (!(rows[i].y < rows[i - 1].y)) return false;
  return N >= 2;
}
static_assert(descending(kShin) && descending(kCalfTrim), "smooth_rows needs two or more rows, strictly descending");

// How far p lies outside kCalfTrim's line: far negative below its levels;
// above them, its first row's line (shin_cut moves it out with the rest).
float calf_trim(const glm::vec3& p) {
  constexpr std::size_t n = std::size(kCalfTrim);
  if (p.y <= kCalfTrim[n - 1].y) return -1.0f;
  const glm::vec4 l = smooth_rows(
      n, p.y, [](std::size_t i) { return kCalfTrim[i].y; },
      [](std::size_t i) { return glm::vec4(kCalfTrim[i].x0, kCalfTrim[i].z0, kCalfTrim[i].x1, kCalfTrim[i].z1); });
  return beyond(p, glm::vec2(l.x, l.y), glm::vec2(l.z, l.w));
}

// How far the shin's cut has moved outwards above and below its levels. Towards
// the knee (the medial condyle and the pes anserinus round the outline there)
// it fades by 5 cm over 9.3 cm of height, from 23% of the way down, where the
// face must still be flat (AtlasSdf.TheShinsFaceIsFlatFromCrestToBorderAtEveryLevel),
// to the joint line, where it lies a centimetre clear of the knee's outline
// (kEdgeBlend): 4 cm over 6 cm, from 19%, let the skin fall at up to 45
// degrees and showed a shelf across the leg below the knee
// (docs/ATLAS-MEASUREMENTS.md, "The medial side of the calf"). Into the ankle
// it fades by 4 cm over 3 cm.
float shin_fade(float y) {
  constexpr std::size_t n = std::size(kShin);
  constexpr float start = 0.362f, top = 0.455f, bottom = kShin[n - 1].y - 0.030f;
  constexpr float kKneeTravel = 0.050f;
  constexpr float kSteepening = 0.010f; // above the top, the cut's slope reaches 45 degrees over this height
  // Beyond the smoothsteps the cut keeps moving out: above the knee ever
  // faster from a standstill (no crease where the smoothstep ends), below
  // the ankle at 45 degrees (the cut has left the outline there:
  // AtlasSdf.TheShinsFaceBeginsAndEndsInSmoothSlopes).
  const float above = std::max(0.0f, y - top);
  return kKneeTravel * glm::smoothstep(start, top, y) + kShinTravel * glm::smoothstep(kShin[n - 1].y, bottom, y) +
         above * above / (2.0f * kSteepening) + std::max(0.0f, bottom - y);
}

// kShin interpolated at height y (clamped to its levels).
struct ShinLines {
  glm::vec2 crest, border, back0, back1;
};
ShinLines shin_lines(float y) {
  constexpr std::size_t n = std::size(kShin);
  y = glm::clamp(y, kShin[n - 1].y, kShin[0].y);
  auto row_y = [](std::size_t i) { return kShin[i].y; };
  const glm::vec4 front = smooth_rows(n, y, row_y, [](std::size_t i) {
    return glm::vec4(kShin[i].crest_x, kShin[i].crest_z, kShin[i].border_x, kShin[i].border_z);
  });
  const glm::vec4 back = smooth_rows(n, y, row_y, [](std::size_t i) {
    return glm::vec4(kShin[i].back0_x, kShin[i].back0_z, kShin[i].back1_x, kShin[i].back1_z);
  });
  return {{front.x, front.y}, {front.z, front.w}, {back.x, back.y}, {back.z, back.w}};
}

// The shin's cut (kShin): positive outside the face line and, behind the
// border, outside the line there or kCalfTrim's; the corners rounded. Far negative away from
// the levels it shapes.
float shin_cut(const glm::vec3& p) {
  const float fade = shin_fade(p.y);
  if (fade >= 0.100f) return -1.0f; // far outside the outline
  const ShinLines l = shin_lines(p.y);
  const float face = beyond(p, l.crest, l.border) + kFaceDeeper;
  const float back = beyond(p, l.back0, l.back1);
  return smin(face, std::max(back, calf_trim(p)), kCornerBlend) - fade;
}

// Over this height above `round_below` the rounding of within_fascia fades out
// (linearly: the rounding's width, not the surface, has a corner there).
constexpr float kRoundFade = 0.030f;

} // namespace

Field deep_fascia() {
  std::vector<SweepKey> keys;
  for (const Level& l : kLevels) {
    const glm::vec3 c{0.5f * (l.front + l.back), l.y, 0.5f * (l.medial + l.lateral)};
    keys.push_back({c, 0.5f * (l.lateral - l.medial) - kSkinThickness, 0.5f * (l.front - l.back) - kSkinThickness});
  }
  // The sweep follows its spline in straight pieces, so the outline turns
  // a little at each sample, most where the levels bend it (the back of
  // the calf between the knee and 20%). Six samples a span (pieces of up
  // to 6.5 mm) showed in the skin's shading as bands across the back of
  // the upper calf at y 0.38-0.42 (SkinSeams.NoBandsAcrossTheBackOfTheUpperCalf);
  // twelve take them out (24: no better, a third more generation time;
  // twelve's cost is within the machine's noise: docs/PERFORMANCE.md).
  Field ellipse = sweep(keys, {1, 0, 0}, 12);
  Field f;
  f.box = ellipse.box;
  f.eval = [ellipse](const glm::vec3& p) {
    const float d = below_knee_smoothed(ellipse, p) - anterolateral_bulge(p);
    // Rounded where the face meets the round of the leg: a hard
    // intersection left a crease in the skin.
    return smax(d, shin_cut(p), kEdgeBlend);
  };
  f = clip_half_space(std::move(f), {0.0f, kLowest, 0.0f}, {0.0f, -1.0f, 0.0f});
  return clip_half_space(std::move(f), {0.0f, kHighest, 0.0f}, {0.0f, 1.0f, 0.0f});
}

Field within_fascia(Field f, const Field& fascia, float round, float round_below) {
  // Inside the fascia, or below its lowest level (tendons to the foot).
  Field region;
  region.box = merge(fascia.box, Aabb{glm::vec3(-1.0f, -1.0f, -1.0f), glm::vec3(1.0f, kLowest + 0.002f, 1.0f)});
  region.eval = [fascia](const glm::vec3& p) { return std::min(fascia.eval(p), p.y - (kLowest + 0.002f)); };
  Field out;
  out.box = f.box;
  out.eval = [f = std::move(f), region = std::move(region), round, round_below](const glm::vec3& p) {
    const float k = round * std::clamp((round_below + kRoundFade - p.y) / kRoundFade, 0.0f, 1.0f);
    return smax(f.eval(p), region.eval(p), k); // a sharp max where k is 0
  };
  return out;
}

std::optional<FaceLine> shin_face(float y) {
  if (y > kShin[0].y || y < kShin[std::size(kShin) - 1].y) return std::nullopt;
  const ShinLines l = shin_lines(y);
  return FaceLine{l.crest, l.border};
}

float skin_thickness() { return kSkinThickness; }

// Over the ankle the skin is thin and lies on the tendons and the malleoli
// (Gray's Anatomy 42nd ed., ch. 83: the tendons and both malleoli stand out
// under the skin of a slim ankle); the calf keeps its 3 mm. The change is
// blended between about 66 and 76% of the way from the knee to the ankle.
float wrap_thickness(float y) {
  constexpr float kAnkleWrap = 0.0015f;
  return glm::mix(kAnkleWrap, kSkinThickness, glm::smoothstep(0.150f, 0.190f, y));
}

namespace {
// One edge of a level's hull, made once for polygon_distance: its start, the
// edge, and the edge over its squared length.
struct HullEdge {
  glm::vec2 a, ab, scaled;
};
// One level of the envelope: the convex hull (x, z) of the outline's cut,
// counter-clockwise seen from above with x up and z to the right.
struct HullLevel {
  float y = 0.0f;
  std::vector<glm::vec2> hull;
  glm::vec2 centre{0.0f}; // the centre of the hull's area (area_centroid)
  std::vector<HullEdge> edges;
  float round = 0.0f; // the envelope lies this far outside `edges` (an inset of the hull), its corners rounded
};

float cross2(const glm::vec2& o, const glm::vec2& a, const glm::vec2& b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

std::vector<glm::vec2> convex_hull(std::vector<glm::vec2> pts) {
  std::sort(pts.begin(), pts.end(),
            [](const glm::vec2& a, const glm::vec2& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  if (pts.size() < 3) return {};
  std::vector<glm::vec2> h(2 * pts.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    while (k >= 2 && cross2(h[k - 2], h[k - 1], pts[i]) <= 0.0f) --k;
    h[k++] = pts[i];
  }
  for (std::size_t i = pts.size() - 1, t = k + 1; i-- > 0;) {
    while (k >= t && cross2(h[k - 2], h[k - 1], pts[i]) <= 0.0f) --k;
    h[k++] = pts[i];
  }
  h.resize(k - 1);
  return h;
}

std::vector<HullEdge> hull_edges(const std::vector<glm::vec2>& h) {
  std::vector<HullEdge> e;
  for (std::size_t i = 0; i < h.size(); ++i) {
    const glm::vec2 a = h[i], ab = h[(i + 1) % h.size()] - a;
    e.push_back({a, ab, ab / std::max(glm::dot(ab, ab), 1e-12f)});
  }
  return e;
}
// A convex polygon (counter-clockwise) with every side moved in by r: the
// polygon clipped by each side's inner half-plane in turn. Empty when
// nothing is left.
std::vector<glm::vec2> inset(const std::vector<glm::vec2>& h, float r) {
  std::vector<glm::vec2> poly = h;
  for (std::size_t i = 0; i < h.size() && poly.size() >= 3; ++i) {
    const glm::vec2 a = h[i], ab = h[(i + 1) % h.size()] - a;
    const float len = glm::length(ab);
    if (len < 1e-9f) continue;
    auto side = [&](const glm::vec2& q) { return (ab.x * (q.y - a.y) - ab.y * (q.x - a.x)) / len - r; };
    std::vector<glm::vec2> next;
    for (std::size_t j = 0; j < poly.size(); ++j) {
      const glm::vec2 p = poly[j], q = poly[(j + 1) % poly.size()];
      const float sp = side(p), sq = side(q);
      if (sp >= 0.0f) next.push_back(p);
      if ((sp >= 0.0f) != (sq >= 0.0f)) next.push_back(p + (q - p) * (sp / (sp - sq)));
    }
    poly = std::move(next);
  }
  return poly.size() >= 3 ? poly : std::vector<glm::vec2>{};
}

// The centre of a polygon's area: unlike the mean of its corners, it does
// not move when a flat side gains or loses a corner, or lean towards the
// round parts of the outline, where the hull has most corners. The sided
// bands are measured round it (with the mean of the corners, the back band
// left a groove 0.6 mm deep at the back of the calf at 58%: 0.2 mm now).
glm::vec2 area_centroid(const std::vector<glm::vec2>& h) {
  glm::vec2 c{0.0f};
  float area = 0.0f;
  for (std::size_t i = 0; i < h.size(); ++i) {
    const glm::vec2 a = h[i], b = h[(i + 1) % h.size()];
    const float w = a.x * b.y - b.x * a.y;
    area += w;
    c += w * (a + b);
  }
  if (std::abs(area) < 1e-12f) return h.empty() ? c : h.front();
  return c / (3.0f * area);
}

// Signed distance from q to a convex polygon (negative inside).
float polygon_distance(const std::vector<HullEdge>& edges, const glm::vec2& q) {
  if (edges.size() < 3) return 1.0f;
  float best = 1e18f;
  bool inside = true;
  for (const HullEdge& e : edges) {
    const glm::vec2 aq = q - e.a;
    if (e.ab.x * aq.y - e.ab.y * aq.x < 0.0f) inside = false;
    const float t = glm::clamp(glm::dot(aq, e.scaled), 0.0f, 1.0f);
    const glm::vec2 off = aq - t * e.ab;
    best = std::min(best, glm::dot(off, off));
  }
  const float d = std::sqrt(best);
  return inside ? -d : d;
}

// The cut of f at height y, sampled every `step` over the leg's part of its
// box; the points where the grid's edges cross the surface, hulled.
HullLevel hull_level(const Field& f, float y, const EnvelopeRounding& rounding) {
  constexpr float kStep = 0.0025f;
  const float x0 = std::max(f.box.min.x, -0.20f), x1 = std::min(f.box.max.x, 0.06f);
  const float z0 = std::max(f.box.min.z, -0.03f), z1 = std::min(f.box.max.z, 0.20f);
  const int nx = int(std::ceil((x1 - x0) / kStep)) + 1, nz = int(std::ceil((z1 - z0) / kStep)) + 1;
  // Values are computed when first needed: squares of kBlock x kBlock steps
  // whose centre lies farther from the surface than twice their half
  // diagonal plus two steps (the margin the mesher gives its blocks, for
  // fields that are not exact distances) are taken to hold no crossing, and
  // their edges are not looked at. Unlike the mesher there is no second
  // pass to catch a wrong skip; the skin's field here is a union of offset
  // distances, and the bundled atlas's envelope came out as before.
  constexpr int kBlock = 4;
  std::vector<float> v(std::size_t(nx) * std::size_t(nz), std::numeric_limits<float>::quiet_NaN());
  auto at = [&](int i, int j) {
    float& c = v[std::size_t(i) * nz + j];
    if (std::isnan(c)) c = f({x0 + i * kStep, y, z0 + j * kStep});
    return c;
  };
  const float reach = 2.0f * 0.5f * std::sqrt(2.0f) * float(kBlock) * kStep + 2.0f * kStep;
  std::vector<glm::vec2> crossings;
  auto edge = [&](int i0, int j0, int i1, int j1) {
    const float a = at(i0, j0), b = at(i1, j1);
    if ((a < 0.0f) == (b < 0.0f)) return;
    const float t = a / (a - b);
    crossings.push_back({x0 + (i0 + t * (i1 - i0)) * kStep, z0 + (j0 + t * (j1 - j0)) * kStep});
  };
  for (int bi = 0; bi < nx; bi += kBlock)
    for (int bj = 0; bj < nz; bj += kBlock) {
      // The block's points own the edges to their +x and +z neighbours,
      // which lie within the block's closed square.
      const int ei = std::min(bi + kBlock, nx), ej = std::min(bj + kBlock, nz);
      if (bi + kBlock < nx && bj + kBlock < nz && std::abs(at(bi + kBlock / 2, bj + kBlock / 2)) > reach) continue;
      for (int i = bi; i < ei; ++i)
        for (int j = bj; j < ej; ++j) {
          if (i + 1 < nx) edge(i, j, i + 1, j);
          if (j + 1 < nz) edge(i, j, i, j + 1);
        }
    }
  HullLevel level{y, convex_hull(std::move(crossings))};
  level.centre = area_centroid(level.hull);
  const float w = 1.0f - glm::smoothstep(rounding.below, rounding.below + rounding.fade, y);
  std::vector<glm::vec2> inner;
  if (rounding.radius > 0.0f && w > 0.0f) inner = inset(level.hull, (rounding.radius - rounding.grow) * w);
  level.round = inner.empty() ? 0.0f : rounding.radius * w;
  level.edges = hull_edges(inner.empty() ? level.hull : inner);
  return level;
}
} // namespace

float EnvelopeBand::weight(float y) const {
  return glm::smoothstep(bottom - fade_bottom, bottom, y) * (1.0f - glm::smoothstep(top, top + fade_top, y));
}

Field convex_envelope(const Field& f, const std::vector<EnvelopeBand>& bands, const EnvelopeRounding& rounding) {
  // Levels every 3 mm (descending y) over every band; each is independent, so
  // the threads never change the result.
  constexpr float kLevelStep = 0.003f;
  float hi = -1e9f, lo = 1e9f;
  for (const EnvelopeBand& b : bands) {
    hi = std::max(hi, b.top + b.fade_top);
    lo = std::min(lo, b.bottom - b.fade_bottom);
  }
  const int n = int(std::ceil((hi - lo) / kLevelStep));
  const float step = (hi - lo) / float(n);
  auto levels = std::make_shared<std::vector<HullLevel>>(std::size_t(n) + 1);
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t]() {
      for (int i = int(t); i <= n; i += int(threads)) (*levels)[std::size_t(i)] = hull_level(f, hi - step * float(i), rounding);
    });
  for (auto& t : pool) t.join();
  Field out;
  out.box = f.box;
  out.eval = [f, levels, bands, hi, step](const glm::vec3& p) {
    const float d = f(p);
    float all = 0.0f; // the largest weight all round
    bool sided = false;
    for (const EnvelopeBand& b : bands) {
      if (b.facing == glm::vec2(0.0f)) all = std::max(all, b.weight(p.y));
      else sided = sided || b.weight(p.y) > 0.0f;
    }
    if (all <= 0.0f && !sided) return d;
    const auto& L = *levels;
    const std::size_t i = std::min(std::size_t(std::max((hi - p.y) / step, 0.0f)), L.size() - 2);
    const float t = glm::clamp((L[i].y - p.y) / (L[i].y - L[i + 1].y), 0.0f, 1.0f);
    const glm::vec2 q(p.x, p.z);
    float w = all;
    if (sided) {
      // Fully within 45 degrees of the side's direction from the level's
      // centre, nothing beyond 70; as if each side were made convex first
      // and the result again all round.
      const glm::vec2 from = q - glm::mix(L[i].centre, L[i + 1].centre, t);
      const glm::vec2 unit = from / std::max(glm::length(from), 1e-6f);
      float keep = 1.0f - all;
      for (const EnvelopeBand& b : bands)
        if (b.facing != glm::vec2(0.0f))
          keep *= 1.0f - b.weight(p.y) * glm::smoothstep(0.342f, 0.707f, glm::dot(unit, glm::normalize(b.facing)));
      w = 1.0f - keep;
      if (w <= 0.0f) return d;
    }
    const float env =
        glm::mix(polygon_distance(L[i].edges, q) - L[i].round, polygon_distance(L[i + 1].edges, q) - L[i + 1].round, t);
    return glm::mix(d, std::min(d, env), w);
  };
  return out;
}

} // namespace crus::atlas
