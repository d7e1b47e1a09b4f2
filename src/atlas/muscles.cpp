// Muscles of the leg and the calcaneal tendon. Each muscle is a belly swept
// along its line of action (fusiform or flat, tapering into its tendon) plus
// tendons that follow the routes of Gray's Anatomy and pass within reach of
// the Rajagopal 2016 via points. Bellies are sized to the published volumes
// (reference_data) and carved off the bones and the muscles built before
// them, so that no two structures overlap.
#include "atlas/mesher.hpp"
#include "atlas/muscle_recipes.hpp"
#include "atlas/reference_data.hpp"
#include "atlas/structures.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

namespace crus::atlas {

namespace {
using glm::vec3;
constexpr vec3 kAnterior{1, 0, 0};
// Where the medial head's groove for the plantaris tendon begins (m, model
// frame): 19.6% of the way from the knee joint centre (y 0.4536) to the
// ankle's (y 0.0571).
constexpr float kPlantarisGrooveTop = 0.376f;
// Below kHeadSheetTop (49% of the way down) the medial head keeps behind
// x = kHeadFront, the plantaris tendon's back there (m, model frame).
constexpr float kHeadSheetTop = 0.259f, kHeadFront = -0.1235f;
// Once the nerves are routed, the medial head keeps above its lower border's
// curve raised to kHeadTipTrim (m, model frame; build_muscles).
constexpr float kHeadTipTrim = 0.2520f;
// The corner under fibularis tertius's top that extensor digitorum longus
// keeps out of (m, model frame; build_muscles).
constexpr float kEarTop = 0.19225f, kEarBottom = 0.1895f, kEarFront = -0.0516f, kEarMedial = 0.1140f;

constexpr auto* k = &sweep_key;

// A flat belly scales its width by s and its thickness by `thick`, growing
// along `up` only, so that its back face stays where it was drawn.
std::vector<SweepKey> scaled(std::vector<SweepKey> keys, float s, bool flat, float thick, vec3 up) {
  for (auto& key : keys) {
    key.w *= s;
    if (!flat) {
      key.h *= s;
      continue;
    }
    key.point += up * (key.h * (thick - 1.0f));
    key.h *= thick;
  }
  return keys;
}

// A tendon glides on what lies under it. Where its spline runs into a bone or
// into a muscle built before it, carving would cut the thin tube through and
// leave the tendon in pieces (a 2-3 mm tendon has no material to spare), so
// the path is lifted out along that structure's outward normal until the
// tube clears it by the carving gap.
//
// A tendon `held` stays inside the deep fascia over the leg, down to the
// ankle, as its muscle's belly does: last, its path is drawn back inside
// (its surface 0.8 mm in), and the muscles it then passes through make room
// for it (build_muscles). The fields of `under` in [soft.first, soft.second)
// are those muscles' uncarved shapes: a held tendon may come `give` nearer
// to them.
std::shared_ptr<const Sweep> tendon_path(const Tendon& tendon, const std::vector<Field>& under, const Field& fascia,
                                         std::pair<std::size_t, std::size_t> soft) {
  Sweep s = make_sweep(tendon.keys, tendon.up);
  constexpr float kClear = 0.0016f; // carving gap, its blend and a margin
  constexpr float kStep = 0.0002f;  // for the gradient
  // Faded in over 3 cm below held_top and out over 2.5 cm above the
  // tendon's held_bottom: with kHeldBottom held fully from 46 to 83% of the
  // way down; the plantaris's (0.050) fully to 95%, fading out 13 mm above
  // its insertion.
  auto hold = [&](float y) {
    if (!tendon.held) return 0.0f;
    return glm::smoothstep(tendon.held_bottom, tendon.held_bottom + 0.025f, y) *
           (1.0f - glm::smoothstep(tendon.held_top - 0.030f, tendon.held_top, y));
  };
  auto push = [&](std::size_t i) {
    glm::vec3& p = s.points[i];
    const float need = std::max(s.radii[i].x, s.radii[i].y) + kClear;
    const float give = tendon.give * hold(p.y);
    for (int it = 0; it < 8; ++it) {
      const Field* worst = nullptr;
      float worst_d = 0.0f; // how far inside its clearance
      for (std::size_t k = 0; k < under.size(); ++k) {
        const Field& f = under[k];
        // Kept above zero, so that a point inside a muscle's box is still
        // measured against it (a give past the clearance would skip it).
        const float clear = k >= soft.first && k < soft.second ? std::max(need - give, 1e-4f) : need;
        if (box_distance(f.box, p) >= clear) continue;
        const float d = clear - f.eval(p);
        if (d > worst_d) {
          worst_d = d;
          worst = &f;
        }
      }
      if (!worst) break;
      const glm::vec3 g = central_difference(*worst, p, kStep);
      if (glm::length(g) < 1e-9f) break;
      p += glm::normalize(g) * (worst_d + 0.0001f);
    }
  };
  // Lifted point by point, the path would zigzag where neighbours are pushed
  // different ways; smoothing between the lifts keeps it a smooth curve, and
  // the last lift guarantees the clearance. The ends stay where they are put.
  const std::size_t n = s.points.size();
  for (int round = 0; round < 3; ++round) {
    for (std::size_t i = 0; i < n; ++i) push(i);
    if (round == 2 || n < 3) break;
    for (int pass = 0; pass < 4; ++pass) {
      std::vector<glm::vec3> next = s.points;
      for (std::size_t i = 1; i + 1 < n; ++i) next[i] = 0.25f * s.points[i - 1] + 0.5f * s.points[i] + 0.25f * s.points[i + 1];
      s.points = std::move(next);
    }
  }
  // 0.5 mm left the plantaris tendon 3.998 mm under the skin at 52% once the
  // skin stopped swelling over the bellies (build_skin): 4 mm is the floor.
  constexpr float kInside = 0.0008f;
  for (std::size_t i = 0; tendon.held && i < n; ++i) {
    glm::vec3& p = s.points[i];
    const float held = hold(p.y);
    if (held <= 0.0f) continue;
    for (int it = 0; it < 4; ++it) {
      const float excess = fascia.eval(p) + std::max(s.radii[i].x, s.radii[i].y) + kInside;
      if (excess <= 0.0f) break;
      const glm::vec3 g = central_difference(fascia, p, kStep);
      if (glm::length(g) < 1e-9f) break;
      p -= glm::normalize(g) * (held * excess);
    }
  }
  refresh_frames(s, tendon.up);
  return std::make_shared<const Sweep>(std::move(s));
}

// Every point that f covers when moved along `by` (the union of its copies
// along the segment), widening by `flare` for each unit moved: the room a
// tendon leaves open towards the fascia, a groove with sloping sides.
Field swept_along(Field f, glm::vec3 by, float flare) {
  const float length = glm::length(by);
  Aabb box = merge(f.box, grow({f.box.min + by, f.box.max + by}, flare * length));
  const glm::vec3 dir = by / length;
  return {[f = std::move(f), dir, length, flare](const glm::vec3& p) {
            // Sampled every 0.5 mm: a lower bound of the distance to within
            // a quarter of a millimetre, ample for a room 0.9 mm wider.
            const int steps = std::max(1, int(std::ceil(length / 0.0005f)));
            float d = f(p);
            for (int i = 1; i <= steps; ++i) {
              const float t = length * float(i) / float(steps);
              d = std::min(d, f(p - dir * t) - flare * t);
            }
            return d;
          },
          box};
}

// A tendon begins inside its belly, not at its end: the fibres of these
// pennate muscles insert obliquely on a tendon that runs up through the lower
// half of the belly (Gray's Anatomy 41st ed., ch. 84; SOURCES.md "Muscles").
// So the first tendon is drawn on up the belly's path to about its middle.
// It is lifted clear of the structures built before (tendon_path), so where
// a neighbour carves the lower end of the belly away the tendon still joins
// belly and insertion in one piece.
Tendon through_belly(const MuscleRecipe& r, Tendon tendon) {
  if (tendon.keys.empty() || r.belly.size() < 2) return tendon;
  const float start = tendon.keys.front().point.y;
  const float middle = 0.5f * (r.belly.front().point.y + r.belly.back().point.y);
  const float radius = tendon.keys.front().w;
  std::vector<SweepKey> keys;
  for (const SweepKey& key : r.belly)
    if (key.point.y <= middle && key.point.y > start + 0.010f) keys.push_back({key.point, radius, radius});
  keys.insert(keys.end(), tendon.keys.begin(), tendon.keys.end());
  tendon.keys = std::move(keys);
  return tendon;
}

// How far p lies beyond a border's surface along its axis (anterior or
// lateral positive): to first order, across the surface over its slope.
float beyond(const Border& border, const glm::vec3& p) {
  const std::vector<glm::vec2>& v = border.points;
  const float at = p[border.axis];
  if (p.y >= v.front().x) return at - v.front().y;
  if (p.y <= v.back().x) return at - v.back().y;
  std::size_t i = 1;
  while (v[i].x > p.y) ++i;
  const float slope = (v[i].y - v[i - 1].y) / (v[i].x - v[i - 1].x); // dv/dy
  return (at - (v[i - 1].y + slope * (p.y - v[i - 1].x))) / std::sqrt(1.0f + slope * slope);
}

// The room on the border's side of its surface.
Field kept_by(const Border& border, const Aabb& box) {
  Field f;
  f.eval = [border](const glm::vec3& p) { return -border.side * beyond(border, p); };
  f.box = box;
  return f;
}

// `f` kept to the border's side, the edge rounded over kKeepRound.
Field keep_to(Field f, const Border& border) {
  Field room = kept_by(border, f.box);
  return intersect(std::move(f), std::move(room), kKeepRound);
}

// The room above the curve y = y0 + c (z - z0)^2 (metres) within `box`: its
// height above the curve over its slope, the distance to first order.
Field above_curve(float c, float y0, float z0, const Aabb& box) {
  Field above;
  above.eval = [c, y0, z0](const glm::vec3& p) {
    const float dz = p.z - z0, slope = 2.0f * c * dz;
    return (y0 + c * dz * dz - p.y) / std::sqrt(1.0f + slope * slope);
  };
  above.box = box;
  return above;
}

// The belly is clipped to the deep fascia (it fills its compartment up to the
// outline instead of bulging past it); tendons keep their (lifted) routes, and
// where one runs just under the skin the skin wraps it.
Field raw_field(const MuscleRecipe& r, float scale, float thick, const std::vector<std::shared_ptr<const Sweep>>& tendons,
                std::shared_ptr<const Sweep>* belly_out, const Field& fascia) {
  auto belly = std::make_shared<const Sweep>(make_sweep(scaled(r.belly, scale, r.flat, thick, r.belly_up), r.belly_up));
  if (belly_out) *belly_out = belly;
  std::vector<Field> parts{within_fascia(sweep_field(belly), fascia, r.fascia_round, r.fascia_round_below)};
  for (const auto& tendon : tendons) parts.push_back(sweep_field(tendon));
  Field f = smooth_union(std::move(parts), 0.004f);
  if (r.max_z > 0.0f) f = clip_half_space(std::move(f), {0.0f, 0.0f, r.max_z}, {0.0f, 0.0f, 1.0f});
  if (r.min_z > 0.0f) f = clip_half_space(std::move(f), {0.0f, 0.0f, r.min_z}, {0.0f, 0.0f, -1.0f});
  if (r.min_x < 0.0f) f = clip_half_space(std::move(f), {r.min_x, 0.0f, 0.0f}, {-1.0f, 0.0f, 0.0f});
  if (r.border_curve > 0.0f) {
    Field above = above_curve(r.border_curve, r.lowest_y, r.lowest_z, f.box);
    above.box.min.y = std::max(above.box.min.y, r.lowest_y - 0.001f);
    f = intersect(std::move(f), std::move(above), 0.002f);
  }
  for (const Border& border : r.borders) f = keep_to(std::move(f), border);
  return f;
}

// Carved fields are built from the uncarved ("raw") fields of the earlier
// structures: raw ones contain the carved ones, so no overlap survives, and
// evaluation stays linear in the number of structures.
Field carve(Field f, const std::vector<Field>& obstacles, float gap) {
  for (const Field& o : obstacles) {
    if (boxes_overlap(f.box, grow(o.box, gap))) f = subtract(std::move(f), offset(o, gap), 0.0015f);
  }
  return f;
}

// Sizing runs one muscle after another (each is carved by those before it),
// so the grid itself is worked on every core.
double field_volume_cm3(const Field& f, float cell) { return signed_volume(polygonise(f, cell, 0)) * 1e6; }

StructureSpec muscle_spec(const MuscleRecipe& r) {
  StructureSpec s;
  s.id = r.id;
  s.name = r.name;
  s.kind = StructureKind::muscle;
  s.colour = muscle_colour();
  s.cell = r.cell;
  s.target_main = r.target_main;
  s.target_lod1 = r.target_lod1;
  return s;
}

} // namespace

std::vector<StructureSpec> build_muscles(const std::vector<StructureSpec>& bones) {
  std::vector<Field> bone_fields;
  for (const auto& b : bones) bone_fields.push_back(b.field);
  std::vector<StructureSpec> out;
  const Field fascia = deep_fascia();
  std::vector<Field> earlier; // raw fields of the muscles (and the calcaneal tendon) built so far
  Field behind_tendon;        // the calcaneal tendon and the room behind it (below)

  // The calcaneal tendon: a broad aponeurosis narrowing to the tuberosity.
  {
    StructureSpec s;
    s.id = "calcaneal_tendon";
    s.name = "Calcaneal (Achilles) tendon";
    s.kind = StructureKind::tendon;
    s.colour = tendon_colour();
    // Thin and flat: about 15 mm wide and 5 to 6 mm thick 4 to 6 cm above the
    // insertion, fanning out to about 25 mm at the calcaneus (SOURCES.md).
    // Its upper end, a plate on the soleus's back, is 28 mm wide: at 40 mm
    // its corners reached past the skin's level at the back of the calf,
    // and the skin wrapped them: a step across the calf at 55-57% with a
    // knob at each end (docs/ATLAS-MEASUREMENTS.md).
    // Above that it runs on as the gastrocnemius's aponeurosis of insertion,
    // between the heads and the soleus, up to the lateral head's end: it
    // stopped square at 55%, just below the medial head's end, and from
    // behind read as a plank laid on the soleus, soleus showing between it
    // and the heads (docs/ATLAS-MEASUREMENTS.md).
    // Keys evenly spaced down the aponeurosis (16-18 mm apart below
    // y 0.238): 12 mm apart above and 68 mm below, the spline through them
    // overshot and turned back in a knot at y 0.247, a crease across the
    // plate (AtlasMeshQuality.CalcanealTendonBendsWithoutAKinkUnderTheGastrocnemius).
    const std::vector<SweepKey> keys{
        k(-0.1178f, 0.272f, 0.0770f, 0.0080f, 0.0012f), k(-0.1197f, 0.262f, 0.0768f, 0.0128f, 0.0013f),
        k(-0.1240f, 0.250f, 0.0764f, 0.0142f, 0.0016f), k(-0.1245f, 0.238f, 0.0760f, 0.0140f, 0.0018f),
        k(-0.1230f, 0.222f, 0.0765f, 0.0140f, 0.0020f), k(-0.1213f, 0.204f, 0.0770f, 0.0140f, 0.0021f),
        k(-0.1196f, 0.187f, 0.0775f, 0.0140f, 0.0023f), k(-0.1180f, 0.170f, 0.0780f, 0.0140f, 0.0025f),
        k(-0.1090f, 0.120f, 0.0780f, 0.0090f, 0.0028f), k(-0.1075f, 0.090f, 0.0780f, 0.0075f, 0.0028f),
        k(-0.1125f, 0.062f, 0.0780f, 0.0095f, 0.0028f), k(-0.1215f, 0.046f, 0.0780f, 0.0125f, 0.0030f),
        k(-0.1240f, 0.036f, 0.0780f, 0.0120f, 0.0030f)};
    Field tendon = sweep(keys, kAnterior);
    // The soleus's fibres end on the tendon's front: nothing of it lies
    // behind the tendon, whose upper end is a broad plate on the soleus's
    // back (the soleus wrapped over that end, a sliver behind the tendon at
    // 55-57% of the way down). The tendon's plate and the 24 mm behind it
    // are kept clear of the soleus.
    std::vector<SweepKey> deeper = keys;
    for (SweepKey& key : deeper) {
      key.point.x -= 0.012f;
      key.h += 0.012f;
    }
    behind_tendon = sweep(deeper, kAnterior);
    // The skin wraps the tendon by 3 mm and blends it with its neighbours
    // over a centimetre, so it reads the tendon's distance from up to 13 mm
    // away. Measured to first order, round a section 7 times wider than
    // deep, that distance came out at 3.5 mm where it was 9 (and changed
    // from one segment of the sweep to the next): the skin stood out in a
    // beaded seam lateral to the tendon (Skin.NoSeamBesideTheCalcanealTendon).
    s.hull = sweep(keys, kAnterior, 8, true);
    // Its own surface: the plate is 2.4-3.6 mm thick and leans 20 degrees
    // under the heads, and on the 0.8 mm grid its thin edges came out
    // saw-toothed; a 0.5 mm grid and exactly measured sections keep them
    // smooth. The neighbours are carved by `tendon`: its zero level is the
    // same surface, its path sampled half as finely.
    s.field = carve(sweep(keys, kAnterior, 16, true), bone_fields, 0.0004f);
    earlier.push_back(tendon); // the soleus wraps round it, never over it
    s.cell = 0.0005f;
    s.target_main = 6000;
    s.target_lod1 = 1200;
    out.push_back(s);
  }

  const std::size_t before_muscles = earlier.size(); // the calcaneal tendon
  for (const MuscleRecipe& r : muscle_recipes()) {
    std::vector<Field> obstacles = bone_fields;
    for (const Field& e : earlier) obstacles.push_back(offset(e, 0.0004f)); // a little wider gap between muscles
    const std::pair<std::size_t, std::size_t> muscles_before{bone_fields.size() + before_muscles, obstacles.size()};
    // By content: a pointer comparison with the literal held only where the
    // linker merged the two "soleus" strings (not under AddressSanitizer,
    // whose atlas lacked these obstacles and so differed).
    if (std::string_view(r.id) == "soleus") {
      obstacles.push_back(behind_tendon);
      obstacles.push_back(neurovascular_channel());
    }
    if (const std::string_view id = r.id; id == "extensor_hallucis_longus" || id == "extensor_digitorum_longus")
      obstacles.push_back(anterior_tibial_slot());
    const PublishedVolume* target = nullptr;
    for (const auto& v : published_volumes())
      if (v.structure == r.id) target = &v;
    // Size the belly to the published volume on a coarse grid. A free belly's
    // volume grows about as the square of its radius scale (a flat one's as
    // its width), but one clipped by the fascia and its neighbours grows far
    // more slowly, and two fixed-point steps left those 20-30% short of
    // their aim (issue 11). So the steps use the growth measured between the
    // last two trials, and stop within 3% of the aim (a free belly after two
    // trials, as before).
    std::vector<std::shared_ptr<const Sweep>> paths;
    for (std::size_t i = 0; i < r.tendons.size(); ++i)
      paths.push_back(tendon_path(i == 0 ? through_belly(r, r.tendons[i]) : r.tendons[i], obstacles, fascia, muscles_before));
    float scale = 1.0f, thick = 1.0f;
    if (target) {
      const double aim = r.volume_factor * target->volume_cm3;
      auto measure = [&](float w, float t) {
        return field_volume_cm3(carve(raw_field(r, w, t, paths, nullptr, fascia), obstacles, 0.0006f), 0.0028f);
      };
      float exponent = r.flat ? 1.0f : 2.0f; // volume ~ scale^exponent
      float last_scale = 0.0f;
      double last_v = 0.0, v = 0.0;
      for (int it = 0; it < 5; ++it) {
        v = measure(scale, 1.0f);
        if (v <= 0.0 || std::abs(v / aim - 1.0) < 0.03) break;
        if (last_v > 0.0) {
          if (std::abs(scale - last_scale) < 1e-3f) break; // at the clamp
          const float e = float(std::log(v / last_v) / std::log(scale / last_scale));
          if (e < 0.1f) { // walled in: the last step bought nothing
            scale = last_scale;
            v = last_v;
            break;
          }
          exponent = std::clamp(e, 0.7f, 2.5f);
        }
        last_scale = scale;
        last_v = v;
        scale = std::clamp(scale * std::pow(float(aim / v), 1.0f / exponent), 0.5f, 2.2f);
      }
      // A flat muscle whose width met the fascia's sides thickens forward,
      // into the gap in front of it, up to its cap (one proportional step:
      // its back face stays on the fascia).
      if (r.flat && r.max_thick > 1.0f && v > 0.0 && v < 0.97 * aim) thick = std::clamp(float(aim / v), 1.0f, r.max_thick);
    }
    StructureSpec s = muscle_spec(r);
    std::shared_ptr<const Sweep> belly;
    Field raw = raw_field(r, scale, thick, paths, &belly, fascia);
    s.fibre_paths.push_back(belly);
    if (!r.tendons.empty()) {
      std::vector<Field> tendons;
      for (const auto& path : paths) {
        tendons.push_back(sweep_field(path));
        s.fibre_paths.push_back(path);
      }
      s.belly = sweep_field(belly);
      s.tendons = unite(std::move(tendons));
    }
    s.hull = raw;
    s.field = carve(raw, obstacles, 0.0006f);
    if (std::any_of(r.tendons.begin(), r.tendons.end(), [](const Tendon& t) { return t.held; })) {
      // Its tendons, held inside the fascia, may pass through muscles built
      // before: carved off the bones and the calcaneal tendon only (drawn in
      // again, a tendon has lost its clearance from them), and those muscles
      // give way to them (after their sizing, like the nerves' grooves in
      // generator.cpp), 0.9 mm clear: 0.6 mm left 0.23 mm between the
      // plantaris and the soleus once meshed, under the 0.3 mm that keeps
      // surfaces apart.
      // Each held tendon only over the heights where it is held: above, the
      // tendons keep out of the muscles as they always did (the plantaris's,
      // re-added whole, came over the tibial nerve behind the knee).
      std::vector<Field> tendons, keep_clear = bone_fields, mouths;
      for (std::size_t i = 0; i < paths.size(); ++i) {
        const Tendon& tendon = r.tendons[i];
        if (!tendon.held) continue;
        Field held = clip_half_space(sweep_field(paths[i]), {0.0f, tendon.held_top, 0.0f}, {0.0f, 1.0f, 0.0f});
        held = clip_half_space(std::move(held), {0.0f, tendon.held_bottom, 0.0f}, {0.0f, -1.0f, 0.0f});
        if (glm::length(tendon.open) > 0.0f)
          mouths.push_back(clip_half_space(swept_along(held, tendon.open * 0.008f, 0.5f), {0.0f, tendon.open_bottom, 0.0f},
                                           {0.0f, -1.0f, 0.0f}));
        tendons.push_back(std::move(held));
      }
      for (const StructureSpec& o : out)
        if (o.kind != StructureKind::muscle) keep_clear.push_back(o.field);
      Field own = carve(unite(std::move(tendons)), keep_clear, 0.0006f);
      mouths.push_back(own);
      const Field room = offset(unite(std::move(mouths)), 0.0009f);
      for (StructureSpec& o : out)
        if (o.kind == StructureKind::muscle) give_way(o, room);
      s.field = smooth_union({std::move(s.field), std::move(own)}, 0.001f);
    }
    // After the sizing, and on the carved field only: the muscle keeps the
    // shape and size it had, and the muscles carved round its raw field
    // later are unchanged.
    if (std::string_view(r.id) == "fibularis_longus") s.field = carve(std::move(s.field), {fibular_tunnel()}, 0.0f);
    // Popliteus lies above the soleal line, which runs down and medially from
    // below the fibular facet (Gray's Anatomy 1918): where the soleus's upper
    // fibres reach the back of the tibia (17.5-19% of the way down) it lies
    // medial to them. Its sweep's oblique lower edge left a lobe lateral to
    // those fibres (112, 75 and 33 mm2 at 17.5, 18 and 18.5%) tapering to a
    // fleck at 19%; it keeps medial of z 108 mm at 16% (140 mm, clear of it,
    // above 15.5%) and of 86 mm at 18-19.5% (its lower border rising
    // laterally), let out to 110 mm by 20.5% so that the strip below keeps
    // its shape. At 17.1-17.4% its lateral part in front of the tibial nerve
    // (the lobe at z 83-90 mm, the nerve at 79-88) came apart where the
    // nerve's groove crossed it (44.7 mm2 at 17.1% down to 2.2 at 17.4%):
    // there the line runs in from 90 mm at 16.8% to 79 mm, the nerve's
    // medial edge, at 17.15-17.5%, and back out to 86 mm by 18%
    // (SectionAnatomy.PopliteusIsOnePieceBesideTheTibialNerve). Trimmed once
    // the nerves are routed: routed round the trimmed muscle, the tibial
    // nerve moved 2-3 mm into the room and its groove cut the top of the
    // soleus's fibular part down to a fleck at 18%.
    // Medially it inserts on the back of the tibia up to the bone's medial
    // border, not beyond it (Gray's Anatomy 1918), but its sweep reached 10
    // to 17.5 mm medial of the bone at 13-20% (z 40-52 mm against the
    // tibia's 53-62): a block overhanging the bone's medial edge from
    // behind. It keeps lateral of a line 2.6-3.5 mm medial of the tibia's
    // most medial point from 14% to 23%, 4-8 mm above that where the condyle
    // widens (z 38 mm at 11% to 62.5 mm at 23%), trimmed with the lobe
    // above; it now reaches 2.3-4.7 mm past the bone
    // (SectionAnatomy.PopliteusKeepsToTheTibiasMedialBorder).
    if (std::string_view(r.id) == "popliteus")
      s.keep_after_routing = intersect(kept_by({2,
                                                -1.0f,
                                                {{0.3922f, 0.1400f},
                                                 {0.3902f, 0.1080f},
                                                 {0.3870f, 0.0900f},
                                                 {0.3856f, 0.0790f},
                                                 {0.3842f, 0.0790f},
                                                 {0.3822f, 0.0860f},
                                                 {0.3763f, 0.0860f},
                                                 {0.3723f, 0.1100f}}},
                                               s.field.box),
                                       kept_by({2,
                                                1.0f,
                                                {{0.4100f, 0.0380f},
                                                 {0.4060f, 0.0450f},
                                                 {0.4020f, 0.0480f},
                                                 {0.3980f, 0.0525f},
                                                 {0.3940f, 0.0545f},
                                                 {0.3860f, 0.0555f},
                                                 {0.3780f, 0.0575f},
                                                 {0.3700f, 0.0605f},
                                                 {0.3620f, 0.0625f}}},
                                               s.field.box),
                                       0.0f);
    // The soleus's lateral margin rises from its fibular origin along the
    // fascia, behind fibularis longus; its tip there, a wedge thinner than
    // the grid, came apart in the cuts at 21% (1.4 mm2 beside the tail) and
    // left the top's lateral corner stepped from behind. The tip keeps medial
    // of a line just inside it from 19% to 23% (z 110 to 146 mm), rounded
    // over 2 mm; above 18% the line is let out to 140 mm, clear of the
    // fibular part's origin.
    if (std::string_view(r.id) == "soleus")
      s.field = keep_to(std::move(s.field), {2,
                                             -1.0f,
                                             {{0.3823f, 0.1400f},
                                              {0.3783f, 0.1100f},
                                              {0.3743f, 0.1185f},
                                              {0.3703f, 0.1270f},
                                              {0.3664f, 0.1375f},
                                              {0.3620f, 0.1460f}}});
    // The plantaris tendon crosses between the medial head and the soleus
    // (Gray's Anatomy 1918, "Plantaris"). Carved round it, the head closed
    // over it where the tendon lies inside the head's shape (a tunnel at
    // 21.5-22% and 41.5-45% of the way down); the groove the tendon makes,
    // swept 5 mm forward, stays open towards the soleus. From 20% down only:
    // begun at the tendon's top, it moved the tibial nerve's route 4 mm back
    // and the nerve's groove cut the soleus in two at 20%.
    // Its lower end, below 49% of the way down, is a sheet behind the
    // plantaris tendon and the calcaneal tendon's plate. The groove's lips,
    // thinner than the tendon, were left in front of that sheet: a flange
    // medial to the tendon and a horn lateral to it, each apart from the
    // head in the cuts at 50.5-51%. Nothing of the head is kept there in
    // front of the tendon's back.
    if (std::string_view(r.id) == "gastrocnemius_medial_head") {
      for (const StructureSpec& o : out)
        if (o.id == "plantaris" && o.tendons) {
          Field below = clip_half_space(*o.tendons, {0.0f, kPlantarisGrooveTop, 0.0f}, {0.0f, 1.0f, 0.0f}, 0.002f);
          s.field = carve(std::move(s.field), {offset(swept_along(std::move(below), kAnterior * 0.005f, 0.3f), 0.001f)}, 0.0f);
        }
      const Aabb box{{kHeadFront, s.field.box.min.y, s.field.box.min.z}, {s.field.box.max.x, kHeadSheetTop, s.field.box.max.z}};
      const Field front{[](const glm::vec3& p) { return std::max(kHeadFront - p.x, p.y - kHeadSheetTop); }, box};
      if (box.min.x < box.max.x && box.min.y < box.max.y) s.field = carve(std::move(s.field), {front}, 0.0f);
      // Its lowest point, on the sheet's medial edge, is thinner than the
      // grid's cell: it hung below the rest as a drip, apart from the head in
      // the cuts at 51-51.3% (15.9 + 4.3 mm2 at 51%). The head keeps above the
      // same curve raised 6 mm, after the sizing and once the nerves are
      // routed, so no other mesh changes. Its edge is left sharp: rounded,
      // it tapers the sheet's end to a wedge, which came apart again in the
      // cuts. The trim keeps the head's box: the marching grid starts at the
      // box's corner, and with the box's floor raised with the curve the
      // whole head was meshed on a shifted grid and its origin folded at
      // knee 120 by the shift (MotionOriginWrap: 28 edges for shifts of 5 and
      // 5.5 mm, 15-16 for whole cells; docs/ATLAS-MEASUREMENTS.md).
      s.keep_after_routing = above_curve(r.border_curve, kHeadTipTrim, r.lowest_z, s.field.box);
      s.keep_round = 0.0f;
    }
    // The soleus's lowest fibres lie lateral to the plantaris tendon (the
    // border above, before the sizing), and its medial edge had crossed the
    // tendon in 3 mm of height at 85.5-86.25% of the way down: seen from the
    // medial side a ledge, and in the cuts at 84-86% a pointed lip in front
    // of the tendon whose medial face, a surface 81 degrees from upright,
    // met the grid in steps. Once the nerves are routed its medial edge
    // keeps lateral of a line that runs just medial of it at 77-82% (z 50
    // to 59 mm) and then crosses the tendon, 45 degrees from upright at
    // 82-85%, easing to upright at 74.4 mm by 88% (a sudden turn there
    // showed as a crease from the medial side); from 86% down the plantaris
    // tendon lies beside the soleus's medial edge, not in a groove of it. Only the soleus is meshed
    // again (docs/ATLAS-MEASUREMENTS.md, "The soleus's medial edge").
    if (std::string_view(r.id) == "soleus")
      s.keep_after_routing = kept_by({2,
                                      1.0f,
                                      {{0.2000f, 0.0000f},
                                       {0.1480f, 0.0500f},
                                       {0.1285f, 0.0590f},
                                       {0.1206f, 0.0665f},
                                       {0.1166f, 0.0705f},
                                       {0.1127f, 0.0730f},
                                       {0.1087f, 0.0740f},
                                       {0.1048f, 0.0744f}}},
                                     s.field.box);
    if (const std::string_view id = r.id;
        id == "tibialis_anterior" || id == "extensor_digitorum_longus" || id == "extensor_hallucis_longus")
      s.field = carve(std::move(s.field), {interosseous_channel()}, 0.0f);
    // Fibularis tertius's rounded top (y 192.7 mm) leaves a shelf in the
    // underside of extensor digitorum longus, whose posterolateral corner
    // under it came out as a spike of the mesh hanging about 1 mm below the
    // shelf: 0.19 mm2 apart from the muscle in the cut at 66%. Nothing of the
    // muscle is kept in that corner, 2.75 mm deep below the shelf, behind x
    // -51.6 mm and lateral to z 114 mm (the muscle's back there lies at -49.9
    // to -51.3 mm), its edges sharp like the shelf's; applied once the nerves
    // are routed, so only this muscle is meshed again.
    if (std::string_view(r.id) == "extensor_digitorum_longus") {
      s.keep_after_routing = Field{[](const glm::vec3& p) {
                                     return std::min({kEarTop - p.y, p.y - kEarBottom, kEarFront - p.x, p.z - kEarMedial});
                                   },
                                   s.field.box};
      s.keep_round = 0.0f;
    }
    earlier.push_back(raw);
    out.push_back(std::move(s));
  }
  return out;
}

} // namespace crus::atlas
