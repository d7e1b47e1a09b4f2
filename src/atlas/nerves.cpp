// Nerves of the leg as branching tubes (Gray's Anatomy, 41st ed., ch. 83-84):
// each runs in its intermuscular plane and sends branches into the muscles it
// supplies. Branches are unioned into one mesh per nerve.
#include "atlas/muscle_recipes.hpp"
#include "atlas/nerve_route.hpp"
#include "atlas/structures.hpp"
#include "core/error.hpp"

#include <array>
#include <cstdio>
#include <initializer_list>
#include <cstdlib>
#include <glm/geometric.hpp>

#include <glm/common.hpp>

namespace crus::atlas {

namespace {
using glm::vec3;
constexpr vec3 kAnterior{1, 0, 0};

SweepKey n(float x, float y, float z, float r) { return {{x, y, z}, r, r * 0.8f}; }
SweepKey n(const vec3& p, float r) { return n(p.x, p.y, p.z, r); }

// One tube of a nerve: the trunk (first), a cutaneous branch (no muscle) or
// a muscular branch that ends inside `muscle`.
struct Branch {
  const char* muscle = nullptr;
  std::vector<SweepKey> keys;
  Branch(std::initializer_list<SweepKey> k) : keys(k) {}
  Branch(const char* m, std::vector<SweepKey> k) : muscle(m), keys(std::move(k)) {}
};

const StructureSpec* find_spec(const std::vector<const StructureSpec*>& specs, const std::string& id) {
  for (const StructureSpec* s : specs)
    if (s->id == id) return s;
  return nullptr;
}

// A motor branch ends inside its muscle: where the drawn end lies outside
// the generated muscle, or too near its surface, it moves onto the nearest
// surface and then 3 mm in, so the branch visibly enters the muscle whatever
// shape the muscle takes (muscles.cpp is reshaped often).
vec3 inside_muscle(const Field& muscle, vec3 p) {
  constexpr float kDepth = 0.003f;
  for (int i = 0; i < 6 && muscle(p) > -kDepth; ++i) {
    const float d = muscle(p);
    p -= (d + kDepth) * unit_gradient(muscle, p);
  }
  return p;
}

// Where the trunk goes between the structures around it (nerve_route.hpp).
struct Route {
  const std::vector<const StructureSpec*>* around = nullptr; // none: drawn as given
  bool pin_first = true;
  bool pin_last = false;
  // How far a station may move: far enough to leave a muscle the trunk was
  // drawn through, not so far that it crosses into the next compartment.
  float reach = 0.020f;
  // Cutaneous nerves: the height (model y) where the trunk pierces the deep
  // fascia; below it, down to the fascia's lowest level, the trunk runs in
  // the subcutaneous layer between the fascia and the skin (0: never).
  float pierce = 0.0f;
  // Deep trunks: held inside the deep fascia from kHeldTop (39% of the way
  // down; the popliteal fossa is left to the routing) down to this height
  // (0: not held). A cutaneous nerve (pierce set; held is then ignored) is
  // held from the top down to where it pierces the fascia.
  float held = 0.0f;
  // Routed a second time against the bones alone (below).
  bool clear_bones = false;
};

// The subcutaneous layer is a few millimetres thick (skin_thickness()): a
// cutaneous nerve in it is flattened to fit, its inner surface clear of the
// muscles (clipped to the fascia) by the routing clearance, its outer one
// under the skin, which it does not lift (build_skin).
constexpr float kSubcutaneousHalfWidth = 0.0011f, kSubcutaneousHalfDepth = 0.0009f;
constexpr float kSubcutaneousLowest = 0.085f; // below: the ankle, where the skin follows the structures

vec3 fascia_normal(const Field& f, const vec3& p) { return unit_gradient(f, p); }

// Moves the stations below `pierce` into the subcutaneous layer: onto the
// fascia along its normal, then out to the middle of the layer. The move
// fades in over 3 cm below the piercing point (the nerve passes obliquely
// through the fascia) and out again just above the ankle.
void into_subcutaneous_layer(std::vector<SweepKey>& keys, float pierce) {
  const Field fascia = deep_fascia();
  const float depth = 0.0006f + kSubcutaneousHalfDepth + 0.0001f; // centre outside the fascia
  for (SweepKey& k : keys) {
    const float y = k.point.y;
    const float t =
        glm::smoothstep(pierce, pierce - 0.030f, y) * glm::smoothstep(kSubcutaneousLowest, kSubcutaneousLowest + 0.015f, y);
    if (t <= 0.0f) continue;
    vec3 q = k.point;
    for (int i = 0; i < 8; ++i) q -= (fascia(q) - depth) * fascia_normal(fascia, q);
    k.point = glm::mix(k.point, q, t);
    k.w = glm::mix(k.w, std::min(k.w, kSubcutaneousHalfWidth), t);
    k.h = glm::mix(k.h, std::min(k.h, kSubcutaneousHalfDepth), t);
  }
}

StructureSpec nerve(const char* id, const char* name, std::vector<Branch> tubes, float cell, const Route& route = {},
                    const std::vector<const StructureSpec*>* muscles = nullptr) {
  std::vector<std::vector<SweepKey>> branches;
  for (const Branch& t : tubes) branches.push_back(t.keys);
  if (route.around && !branches.empty()) {
    const std::vector<SweepKey> original = branches[0];
    std::vector<glm::vec3> moves;
    RouteReport report;
    // A cutaneous nerve stays under the deep fascia down to where it pierces
    // it, and a held deep trunk over its held heights: the fascia's outside
    // is a wall to the routing there. Without it the router took the
    // superficial fibular nerve out through the fascia 10 cm early, where
    // fibularis longus and extensor digitorum longus meet under it
    // (Skin.NoRidgeOverTheSuperficialFibularNerve), and the tibial nerve to
    // the fascia's edge in the lower third (Skin.NoRodsDownTheBackOfTheLowerLeg):
    // the skin wrapped each in a ridge. Held in, a cramped trunk has the
    // muscles make room for it (generator.cpp).
    std::vector<const StructureSpec*> walls = *route.around;
    StructureSpec fascia_wall;
    if (const float held = route.pierce > 0.0f ? route.pierce : route.held; held > 0.0f) {
      const Field fascia = deep_fascia();
      // Its inside is everything outside the fascia: its box is everywhere.
      fascia_wall.field.box = Aabb{vec3(-1.0f), vec3(1.0f)};
      const float top = route.pierce > 0.0f ? kThighCut : kHeldTop;
      fascia_wall.field.eval = [fascia, held, top](const vec3& p) { return p.y < held || p.y > top ? 1.0f : -fascia.eval(p); };
      walls.push_back(&fascia_wall);
    }
    branches[0] = route_between(original, walls, route.pin_first, route.pin_last, moves, report, 0.0006f, route.reach);
    if (route.pierce > 0.0f) {
      // Routed first (the deep part), then brought out through the fascia;
      // a second, short routing clears what the layer itself passes (the
      // calcaneal tendon, which is not held inside the fascia).
      // Only the part below the piercing is routed again: above it the trunk
      // and the branches leaving it stay where the first routing put them.
      std::vector<SweepKey>& trunk = branches[0];
      into_subcutaneous_layer(trunk, route.pierce);
      std::size_t first = 0;
      while (first < trunk.size() && trunk[first].point.y >= route.pierce) ++first;
      if (first > 0 && first + 1 < trunk.size()) {
        const std::vector<SweepKey> lower(trunk.begin() + std::ptrdiff_t(first - 1), trunk.end());
        std::vector<glm::vec3> unused;
        RouteReport again;
        const std::vector<SweepKey> rerouted =
            route_between(lower, *route.around, true, route.pin_last, unused, again, 0.0006f, 0.004f);
        trunk.resize(first - 1);
        trunk.insert(trunk.end(), rerouted.begin(), rerouted.end());
      }
    }
    // A trunk that winds round a bone (the common fibular nerve round the
    // fibular neck, Gray's Anatomy 42nd ed.; SOURCES.md "Nerves") is routed a
    // second time against the bones alone, stations every 4 mm: where the
    // first routing found no place with full room it left a station at the
    // roomiest one it saw, and bones never make room (generator.cpp), so the
    // nerve passed through the fibula's neck (12 mm2 of its cut at 25% of
    // the way down; SectionAnatomy.NoNerveRunsThroughABone). Its ends stay
    // where they are, so its branches still leave it where they did.
    if (route.clear_bones) {
      std::vector<const StructureSpec*> bones;
      for (const StructureSpec* o : *route.around)
        if (o->kind == StructureKind::bone) bones.push_back(o);
      std::vector<glm::vec3> unused;
      RouteReport bone_report;
      branches[0] = route_between(branches[0], bones, true, true, unused, bone_report, 0.0004f, 0.008f, 0.004f);
    }
    // Branches that leave the trunk at one of its keys leave it where it went.
    for (std::size_t b = 1; b < branches.size(); ++b)
      for (std::size_t k = 0; k < original.size(); ++k)
        if (!branches[b].empty() && glm::distance(branches[b][0].point, original[k].point) < 1e-5f)
          branches[b][0].point += moves[k];
    if (std::getenv("CRUS_ATLAS_VERBOSE"))
      std::fprintf(stderr, "%s: %d stations, %d moved (at most %.1f mm), %d without full room\n", id, report.stations,
                   report.moved, double(report.max_shift) * 1000.0, report.cramped);
    // The branches run between the muscles too, as far as the muscle they
    // supply (Gray's Anatomy 42nd ed., ch. 83; SOURCES.md "Nerves"): each is
    // routed like the trunk, around everything but its own muscle, held at
    // the trunk it leaves and where it was drawn to end; a cutaneous branch
    // around everything.
    for (std::size_t b = 1; b < branches.size(); ++b) {
      if (branches[b].size() < 2) continue;
      std::vector<const StructureSpec*> others;
      for (const StructureSpec* o : *route.around)
        if (!tubes[b].muscle || o->id != tubes[b].muscle) others.push_back(o);
      std::vector<glm::vec3> unused;
      RouteReport branch_report;
      branches[b] = route_between(branches[b], others, true, tubes[b].muscle != nullptr, unused, branch_report, 0.0004f,
                                  tubes[b].muscle ? 0.008f : 0.012f, 0.003f);
    }
  }
  std::vector<MotorBranch> motor;
  for (std::size_t b = 1; b < branches.size(); ++b) {
    if (!tubes[b].muscle || !muscles) continue;
    const StructureSpec* m = find_spec(*muscles, tubes[b].muscle);
    if (!m)
      throw RuntimeError(std::string("atlas generator: nerve '") + id + "' supplies unknown muscle '" + tubes[b].muscle + "'");
    branches[b].back().point = inside_muscle(m->field, branches[b].back().point);
    MotorBranch mb{id, tubes[b].muscle, {}};
    for (const SweepKey& k : branches[b]) mb.path.push_back(k.point);
    motor.push_back(std::move(mb));
  }
  std::vector<Field> parts;
  // Nerves entering from the thigh end flat at its cut, like the femur. A
  // routed trunk comes back densely keyed: fewer samples per span suffice.
  for (auto& b : branches)
    parts.push_back(clip_half_space(sweep(b, kAnterior, b.size() > 20 ? 2 : 6), {0.0f, kThighCut - kThighCutInset, 0.0f},
                                    {0.0f, 1.0f, 0.0f}));
  StructureSpec s;
  s.id = id;
  s.name = name;
  s.kind = StructureKind::nerve;
  s.colour = nerve_colour();
  // The trunk the muscles make room for (generator.cpp): only where it runs
  // inside the deep fascia; a cutaneous nerve out in the subcutaneous layer
  // carves nothing.
  if (route.around && !parts.empty()) s.trunk = route.pierce > 0.0f ? within_fascia(parts.front(), deep_fascia()) : parts.front();
  s.field = smooth_union(std::move(parts), 0.0015f);
  s.hull = s.field;
  s.cell = cell;
  s.target_main = 5000;
  s.target_lod1 = 1200;
  s.motor_branches = std::move(motor);
  return s;
}
} // namespace

std::vector<StructureSpec> build_nerves(const std::vector<StructureSpec>& around_specs) {
  std::vector<StructureSpec> out;
  std::vector<const StructureSpec*> around;
  for (const auto& s : around_specs) around.push_back(&s);
  // The tibial nerve leaves the soleus forwards, onto the deep muscles: it
  // passes under the soleus's tendinous arch at popliteus's lower border and
  // runs on the deep muscles in front of the soleus, in a channel kept clear
  // of the soleus (muscle_recipes.hpp); its key at 0.340 m is drawn in that
  // channel, behind popliteus's lowest fibres and tibialis posterior; the
  // common fibular nerve follows the biceps tendon to the fibular neck; the
  // deep and superficial fibular nerves may only settle into the gap beside
  // them (a longer move would take them past the fibula into the wrong
  // compartment).
  const Route tibial{&around, true, false, 0.020f, 0.0f, kHeldBottom};
  Route common_fibular{&around, true, true, 0.012f}; // its end is where it divides
  common_fibular.clear_bones = true;
  // The deep fibular nerve, too, is routed against the bones again: it
  // passes close in front of the fibula below the neck, and a millimetre's
  // shift of the muscles beside it took it 0.4 mm2 into the bone at 28%.
  Route deep_fibular{&around, true, false, 0.006f};
  deep_fibular.clear_bones = true;
  // The superficial fibular nerve pierces the deep fascia at the junction of
  // the middle and lower thirds of the leg (two thirds of the way down) and
  // runs on in the subcutaneous layer (Gray's Anatomy 41st ed., ch. 84;
  // SOURCES.md "Nerves").
  const Route superficial_fibular{&around, true, false, 0.006f, 0.4536f - 0.667f * (0.4536f - 0.0571f)};
  // Distal sciatic nerve, from the cut of the thigh to its division at the
  // apex of the popliteal fossa (the path starts higher so that the cut
  // crosses a straight, full-width nerve).
  out.push_back(nerve(
      "sciatic_nerve", "Sciatic nerve (distal part)",
      {{n(-0.0800f, 0.600f, 0.0880f, 0.0060f), n(-0.0790f, 0.570f, 0.0860f, 0.0058f), n(-0.0785f, 0.530f, 0.0850f, 0.0055f)}},
      0.0010f));
  // Behind the medial malleolus the trunk runs behind flexor digitorum
  // longus, between it and flexor hallucis longus, under the flexor
  // retinaculum, where it divides (Gray's Anatomy 1918, p. 489; SOURCES.md).
  // Drawn medial to flexor digitorum longus, 2.2-2.5 mm under the skin, it
  // creased the skin from the malleolus to the heel (SectionAnatomy.
  // TibialNerveRunsBetweenTheLongFlexorTendonsBehindTheMedialMalleolus). The
  // key at 0.250 m then moved 0.7 mm forwards, out of the resized soleus.
  out.push_back(nerve(
      "tibial_nerve", "Tibial nerve",
      {{n(-0.0785f, 0.532f, 0.0830f, 0.0040f), n(-0.0820f, 0.470f, 0.0790f, 0.0038f), n(-0.0860f, 0.410f, 0.0780f, 0.0034f),
        n(-0.0795f, 0.340f, 0.0762f, 0.0030f), n(-0.0853f, 0.250f, 0.0720f, 0.0028f), n(-0.0840f, 0.150f, 0.0660f, 0.0026f),
        n(-0.0870f, 0.085f, 0.0640f, 0.0025f), n(-0.0840f, 0.055f, 0.0560f, 0.0024f), n(-0.0755f, 0.040f, 0.0510f, 0.0022f)},
       // medial plantar nerve
       {n(-0.0755f, 0.040f, 0.0510f, 0.0018f), n(-0.0450f, 0.025f, 0.0520f, 0.0016f), n(-0.0100f, 0.016f, 0.0560f, 0.0014f),
        n(0.0300f, 0.010f, 0.0650f, 0.0012f)},
       // lateral plantar nerve
       {n(-0.0755f, 0.040f, 0.0510f, 0.0016f), n(-0.0500f, 0.018f, 0.0700f, 0.0014f), n(-0.0250f, 0.013f, 0.0950f, 0.0013f),
        n(0.0150f, 0.010f, 0.1150f, 0.0011f)},
       // Muscular branches (Gray's Anatomy; Ishii et al. 2023; SOURCES.md):
       // in the popliteal fossa, between the heads of gastrocnemius, to
       // the medial head (entering its deep surface near the level of the
       // knee joint), the lateral head, plantaris, the upper soleus (its
       // superficial surface) and popliteus (round its lower border).
       // Ends keep clear of the 25/40/55/70/85 % levels, where the
       // section test takes a long oblique nerve cut for a trunk.
       {"gastrocnemius_medial_head",
        {n(-0.0820f, 0.470f, 0.0790f, 0.0013f), n(-0.0850f, 0.455f, 0.0680f, 0.0011f), n(-0.0880f, 0.440f, 0.0600f, 0.0010f)}},
       {"gastrocnemius_lateral_head",
        {n(-0.0820f, 0.470f, 0.0790f, 0.0013f), n(-0.0850f, 0.455f, 0.0920f, 0.0011f), n(-0.0860f, 0.440f, 0.1040f, 0.0010f)}},
       {"plantaris", {n(-0.0820f, 0.470f, 0.0790f, 0.0010f), n(-0.0810f, 0.462f, 0.0880f, 0.0009f)}},
       {"soleus",
        {n(-0.0860f, 0.410f, 0.0780f, 0.0012f), n(-0.0960f, 0.385f, 0.0900f, 0.0011f), n(-0.0980f, 0.362f, 0.0920f, 0.0010f)}},
       // The branch to popliteus is drawn lateral to the plantaris, between
       // it and the lateral head, onto the back of popliteus (keys at 0.4055
       // and 0.4035): a modelling choice, not a sourced course. Leaving the
       // trunk straight for its muscle, it cut through the plantaris's edge
       // at 12% of the way down, and the medial head leaves no room on the
       // other side.
       {"popliteus",
        {n(-0.0860f, 0.410f, 0.0780f, 0.0010f), n(-0.0940f, 0.4055f, 0.0870f, 0.0009f), n(-0.0870f, 0.4035f, 0.0860f, 0.0009f),
         n(-0.0830f, 0.398f, 0.0770f, 0.0009f), n(-0.0790f, 0.392f, 0.0750f, 0.0009f)}},
       // In the leg: the second soleus branch (its deep surface), then
       // tibialis posterior, flexor digitorum and hallucis longus.
       {"soleus",
        {n(-0.0795f, 0.340f, 0.0762f, 0.0011f), n(-0.0870f, 0.333f, 0.0790f, 0.0010f), n(-0.0930f, 0.324f, 0.0810f, 0.0009f)}},
       {"tibialis_posterior",
        {n(-0.0795f, 0.340f, 0.0762f, 0.0012f), n(-0.0740f, 0.332f, 0.0830f, 0.0010f), n(-0.0700f, 0.322f, 0.0900f, 0.0009f)}},
       {"flexor_digitorum_longus",
        {n(-0.0860f, 0.250f, 0.0720f, 0.0011f), n(-0.0780f, 0.245f, 0.0700f, 0.0010f), n(-0.0710f, 0.240f, 0.0690f, 0.0009f)}},
       {"flexor_hallucis_longus",
        {n(-0.0860f, 0.250f, 0.0720f, 0.0011f), n(-0.0840f, 0.235f, 0.0900f, 0.0010f), n(-0.0820f, 0.220f, 0.0970f, 0.0009f)}}},
      0.0008f, tibial, &around));
  const std::array<vec3, 3> neck = fibular_neck_course();
  const std::array<vec3, 4> membrane = interosseous_course();
  const std::array<vec3, 2> lower = anterior_tibial_course();
  out.push_back(nerve(
      "common_fibular_nerve", "Common fibular nerve",
      // behind, then lateral to, gastrocnemius's lateral head at the knee
      // joint line (keys at 0.480 and 0.452 m; the head keeps medial of it,
      // muscle_recipes.cpp), then round the fibular neck through the channel
      // in fibularis longus (muscle_recipes.hpp). At the joint line it is
      // drawn 4.6 mm across (5.8 before), and well in front of the skin's
      // posterolateral curve: nearer the skin it came within the deep
      // fascia's wrap and raised a knot on the skin behind the knee (a
      // modelling choice, docs/ATLAS-MEASUREMENTS.md). The lateral sural
      // branch leaves it from the trunk's back, clear of the head.
      {{n(-0.0785f, 0.532f, 0.0880f, 0.0032f), n(-0.0805f, 0.480f, 0.1060f, 0.0027f), n(-0.0715f, 0.452f, 0.1228f, 0.0023f),
        n(neck[0], 0.0028f), n(neck[1], 0.0027f), n(neck[2], 0.0026f), n(-0.0520f, 0.350f, 0.1200f, 0.0025f)},
       // lateral sural cutaneous branch
       // (drawn to where it reaches the back of the lateral head: below, it
       // runs on in the subcutaneous layer, not modelled)
       {n(-0.0805f, 0.470f, 0.1110f, 0.0012f), n(-0.0950f, 0.420f, 0.1140f, 0.0010f), n(-0.1050f, 0.385f, 0.1160f, 0.0009f)}},
      0.0008f, common_fibular));
  out.push_back(
      nerve("deep_fibular_nerve", "Deep fibular nerve",
            // Down the interosseous membrane through the channel left for it
            // (muscle_recipes.hpp), then on the lateral surface and the front
            // of the tibia's lower end, between tibialis anterior and extensor
            // hallucis longus, in the slot left for it (anterior_tibial_slot;
            // the key at 0.118 m, 85% of the way down, keeps it in front of
            // the bone, which it entered at 85-87%), then between the extensor
            // tendons.
            {{n(-0.0520f, 0.350f, 0.1200f, 0.0020f), n(membrane[0], 0.0019f), n(membrane[1], 0.0019f), n(membrane[2], 0.0018f),
              n(membrane[3], 0.0018f), n(lower[0], 0.0017f), n(lower[1], 0.0016f), n(-0.0410f, 0.095f, 0.0800f, 0.0016f),
              n(-0.0200f, 0.055f, 0.0760f, 0.0014f), n(0.0100f, 0.038f, 0.0700f, 0.0012f), n(0.0400f, 0.026f, 0.0680f, 0.0010f)},
             // Muscular branches, each leaving the trunk at one of its keys
             // (so it follows the routed trunk): tibialis anterior (its upper
             // part, where its proximal motor point lies, and lower down),
             // extensor digitorum longus, extensor hallucis longus, fibularis
             // tertius (Gray's Anatomy; Botter et al. 2011; SOURCES.md).
             {"tibialis_anterior",
              {n(membrane[0], 0.0010f), n(-0.0440f, 0.325f, 0.1000f, 0.0009f), n(-0.0400f, 0.315f, 0.0970f, 0.0009f)}},
             {"tibialis_anterior",
              {n(membrane[2], 0.0010f), n(-0.0440f, 0.255f, 0.0960f, 0.0009f), n(-0.0400f, 0.245f, 0.0950f, 0.0009f)}},
             {"extensor_digitorum_longus",
              {n(membrane[0], 0.0010f), n(-0.0460f, 0.325f, 0.1130f, 0.0009f), n(-0.0430f, 0.315f, 0.1140f, 0.0009f)}},
             // (to extensor hallucis longus where its belly meets the nerve:
             // higher up, tibialis anterior lies between them)
             {"extensor_hallucis_longus",
              {n(membrane[3], 0.0010f), n(-0.0495f, 0.211f, 0.0975f, 0.0009f), n(-0.0478f, 0.205f, 0.1000f, 0.0009f)}},
             // (to fibularis tertius from the lowest key in the slot: higher
             // up, extensor hallucis longus and extensor digitorum longus lie
             // between the nerve and the muscle, and the branch behind the
             // extensor digitorum longus tendon)
             {"fibularis_tertius",
              {n(lower[1], 0.0010f), n(-0.0470f, 0.114f, 0.0975f, 0.0009f), n(-0.0480f, 0.110f, 0.1045f, 0.0009f)}}},
            0.0007f, deep_fibular, &around));
  out.push_back(nerve(
      "superficial_fibular_nerve", "Superficial fibular nerve",
      // Down the leg it runs in the front of the lateral compartment, between
      // the fibulares and extensor digitorum longus (Gray's Anatomy 42nd ed.
      // and Moore ch. 5; SOURCES.md "Nerves"): its keys lie halfway in along
      // the septum between them. Drawn on the lateral face of fibularis
      // longus, it lay outside the fascia from 38 to 65% and raised a ridge
      // in the skin (Skin.NoRidgeOverTheSuperficialFibularNerve).
      {{n(-0.0520f, 0.350f, 0.1200f, 0.0020f), n(-0.0501f, 0.300f, 0.1212f, 0.0019f), n(-0.0537f, 0.250f, 0.1174f, 0.0018f),
        n(-0.0560f, 0.200f, 0.1170f, 0.0017f), n(-0.0470f, 0.120f, 0.1170f, 0.0016f), n(-0.0250f, 0.065f, 0.1060f, 0.0014f),
        n(0.0050f, 0.040f, 0.1000f, 0.0012f), n(0.0300f, 0.028f, 0.0950f, 0.0010f)},
       // branches to fibularis longus and, lower, brevis (Gray's Anatomy)
       {"fibularis_longus",
        {n(-0.0501f, 0.300f, 0.1212f, 0.0010f), n(-0.0600f, 0.295f, 0.1270f, 0.0009f), n(-0.0680f, 0.290f, 0.1230f, 0.0009f)}},
       {"fibularis_brevis",
        {n(-0.0560f, 0.200f, 0.1170f, 0.0010f), n(-0.0640f, 0.203f, 0.1200f, 0.0009f), n(-0.0710f, 0.200f, 0.1160f, 0.0009f)}},
       // intermediate dorsal cutaneous branch
       {n(-0.0250f, 0.065f, 0.1060f, 0.0010f), n(0.0000f, 0.040f, 0.1180f, 0.0009f), n(0.0250f, 0.028f, 0.1220f, 0.0008f)}},
      0.0007f, superficial_fibular, &around));
  // The sural nerve runs down between the two heads of gastrocnemius, then,
  // in the lower third, beside the lateral border of the calcaneal tendon
  // (about 1 to 2 cm from it) and behind the lateral malleolus (Gray's
  // Anatomy; SOURCES.md). It is routed like the trunks, so it never passes
  // through the soleus or the tendon; a short reach keeps it in front of the
  // tendon's back, where the outline test wants the tendon outermost.
  // It pierces the deep fascia about halfway down the back of the leg and
  // runs on in the subcutaneous layer beside the small saphenous vein, so it
  // lies on the soleus and the tendon, never in a groove of theirs. Its key
  // at 0.250 m keeps it 3 mm further forward and 2.5 mm further lateral where
  // it leaves the groove between the heads: it crossed the top of the
  // tendon within half a millimetre of the skin once the skin no longer
  // wrapped it (build_skin).
  const Route sural{&around, true, false, 0.008f, 0.4536f - 0.5f * (0.4536f - 0.0571f)};
  out.push_back(
      nerve("sural_nerve", "Sural nerve",
            {{n(-0.0900f, 0.440f, 0.0800f, 0.0016f), n(-0.1200f, 0.380f, 0.0850f, 0.0016f), n(-0.1330f, 0.300f, 0.0865f, 0.0016f),
              n(-0.1245f, 0.250f, 0.0960f, 0.0016f), n(-0.1210f, 0.200f, 0.1010f, 0.0016f), n(-0.1110f, 0.130f, 0.0990f, 0.0015f),
              n(-0.1010f, 0.070f, 0.1050f, 0.0015f), n(-0.0800f, 0.035f, 0.1250f, 0.0014f), n(-0.0450f, 0.020f, 0.1360f, 0.0013f),
              n(0.0100f, 0.016f, 0.1400f, 0.0012f)}},
            0.0007f, sural));
  return out;
}

StructureSpec build_skin(const std::vector<StructureSpec>& inner) {
  // The skin lies skin_thickness() outside the designed deep fascia over the
  // leg (outline.cpp); at the ankle and foot, and wherever a structure comes
  // close to the surface, it wraps the structures themselves by the same
  // layer (1.5 mm over the ankle: wrap_thickness), blended over about a
  // centimetre so tendons and malleoli show.
  // A cutaneous nerve in the subcutaneous layer (within it, under the skin
  // the fascia's outline makes) does not lift the skin: there it has only a
  // thin cover of its own (at least the 0.3 mm that keeps surfaces apart).
  // Where a nerve lies further out, or below the fascia's lowest level, it
  // is wrapped like any structure (a thinner wrap than the skin's 4 mm grid
  // resolves would leave crumbs of skin and let the nerve through).
  constexpr float kNerveCover = 0.0004f;
  // A wrap this far inside a nerve never makes the skin's surface itself,
  // though it still takes a little part in the blend with the fascia's
  // offset over it (the skin stands at most 0.3 mm out over the sural nerve).
  constexpr float kNoWrap = 0.002f;
  constexpr float kTibiaFillet = 0.006f;
  // The patella's wrap meets the fascia's offset at a shallow angle all
  // round the bone, the two surfaces crossing each other again and again:
  // under the capped blend with the rest that left two or three concentric
  // rings round the kneecap, seen from the front. It is joined to that
  // offset alone by an uncapped 9 mm blend, like the tibia, and made 1 mm
  // thinner than the other wraps so the blend's swell keeps the prepatellar
  // skin thin (4.6 to 5.7 mm in front of the bone; AtlasThigh.
  // SkinCoversThePatellaByAFewMillimetres); towards the upper pole, where
  // the bone's section is small and the blend alone set the skin 6.5 mm
  // out, the blend narrows to 4 mm (y 0.478 to 0.492). 15 mm hid the rings
  // too but put the skin 7 mm in front of the bone.
  constexpr float kPatellaFillet = 0.009f, kPatellaPoleFillet = 0.004f, kPatellaThinner = 0.001f;
  constexpr float kPatellaPoleFrom = 0.478f, kPatellaPoleTo = 0.492f;
  // The cut at the thigh is rounded over 1 cm: a hard edge, which the 4 mm
  // grid cannot place, came out as a saw-tooth rim.
  constexpr float kRimRound = 0.010f;
  const Field fascia = deep_fascia();
  auto nerve_wrap = [&](const Field& hull) {
    Field f;
    f.box = grow(hull.box, skin_thickness());
    f.eval = [hull, fascia](const glm::vec3& p) {
      const float d = hull.eval(p);
      if (d > 0.010f) return d - wrap_thickness(p.y);
      const float out = glm::smoothstep(skin_thickness() - 0.0010f, skin_thickness() + 0.0005f, fascia.eval(p));
      return d - glm::mix(kNerveCover, wrap_thickness(p.y), out);
    };
    return f;
  };
  // A muscle's belly is clipped to the fascia above its lowest level
  // (muscles.cpp), so there its wrap never reaches past the fascia's offset:
  // it only met that offset where the belly fills its compartment and fell
  // short of it over the grooves between bellies, and the capped blends below
  // printed those grooves into the skin as seams with a sharp edge each side
  // (round the gastrocnemius heads, behind the medial border, flecks on the
  // lateral calf; SkinSeams.NoMuscleSeamsUnderTheFascia). A muscle is
  // wrapped by its tendons alone above 49% of the way down (y 0.258; they
  // keep their routes and may run just under the skin), and whole again
  // below 60% (y 0.218): a tendon leaving its belly there (fibularis longus
  // at 50%) came out of the skin in a band without its belly's swelling
  // beside it (Skin.NoRodOrBandDownTheLateralSide; docs/ATLAS-MEASUREMENTS.md,
  // "The skin over the calf"). Between those heights the belly is sunk
  // into itself, by up to 10 mm, and its tendons are wrapped beside it.
  // Mixing the two distances instead brought a belly without tendons (kFar)
  // back within about 4 mm of 57%, and the skin's blend over it swelled by
  // half a millimetre there, a line round the calf seen from the medial side
  // (Skin.NoLineRoundTheCalfWhereTheBelliesComeBackUnderTheSkin; "The line
  // round the calf at 57%"). Sunk by 15 mm over 3 cm (49 to 57%) it left a
  // ripple 0.48 mm high on the anterolateral side at 55%, and a bend at 54%.
  constexpr float kOwnFrom = 0.218f, kOwnTo = 0.258f, kFar = 0.050f, kSink = 0.010f;
  auto muscle_wrap = [](const StructureSpec& s) {
    Field f;
    f.box = grow(s.hull.box, skin_thickness());
    f.eval = [hull = s.hull, tendons = s.tendons](const glm::vec3& p) {
      const float t = glm::smoothstep(kOwnFrom, kOwnTo, p.y); // 0: the whole muscle, 1: its tendons alone
      if (t <= 0.0f) return hull.eval(p) - wrap_thickness(p.y);
      const float own = tendons ? tendons->eval(p) : kFar; // no tendons: none of it reaches the skin
      if (t >= 1.0f) return own - wrap_thickness(p.y);
      return std::min(hull.eval(p) + kSink * t, own) - wrap_thickness(p.y);
    };
    return f;
  };
  std::vector<Field> tight, soft;
  Field tibia_wrap, patella_wrap; // joined to the fascia's offset apart (below)
  for (const auto& s : inner) {
    if (s.kind == StructureKind::nerve) {
      Field w = nerve_wrap(s.hull);
      if (s.id == "superficial_fibular_nerve") {
        // Within the fascia's 3 mm offset all the way down the leg, it needs
        // no wrap there: wrapped, it raised a lump where it pierces the
        // fascia (70%). Wrapped again towards the ankle.
        w.eval = [f = w.eval](const glm::vec3& p) { return f(p) + 0.020f * glm::smoothstep(0.095f, 0.110f, p.y); };
      } else if (s.id == "sural_nerve") {
        // Nor does the sural nerve: wrapped, it raised a lump behind the top
        // of the calcaneal tendon (49-53%), where its outer surface came to
        // the skin's level and the wrap switched from the thin cover to the
        // full one, with a line down its course below; unwrapped, it lies
        // about 1.1 mm at least under the skin above the ankle. Behind the
        // lateral malleolus the skin follows the structures, and a thin
        // cover came within 0.3 mm of it there: the full wrap comes back
        // over 4 cm (a shorter switch, as above, left a bump at 89%).
        w.eval = [h = s.hull](const glm::vec3& p) {
          return h.eval(p) - glm::mix(wrap_thickness(p.y), -kNoWrap, glm::smoothstep(0.075f, 0.115f, p.y));
        };
      }
      tight.push_back(std::move(w));
    } else if (s.kind == StructureKind::muscle) {
      tight.push_back(muscle_wrap(s));
    } else {
      Field w;
      w.box = grow(s.hull.box, skin_thickness());
      const float thinner = s.id == "patella" ? kPatellaThinner : 0.0f;
      w.eval = [h = s.hull, thinner](const glm::vec3& p) { return h.eval(p) - wrap_thickness(p.y) + thinner; };
      if (s.id == "tibia") tibia_wrap = std::move(w);
      else if (s.id == "patella") patella_wrap = std::move(w);
      else tight.push_back(std::move(w));
    }
    soft.push_back(offset(s.hull, 0.0045f));
  }
  // Below the malleoli the foot keeps a fuller pad (4.5 mm, blended over
  // 2 cm): the sole's fat pad, and toes that read as one padded forefoot
  // rather than separate tubes; the two wraps are mixed over 2 cm of height.
  // Over the leg the blend may fill between neighbours but swell at most
  // half a millimetre past them, so the skin keeps to the fascia's outline and hugs the
  // tendons at the ankle instead of growing with every structure near it.
  Field leg = smooth_union_bounded(std::move(tight), 0.010f, 0.0005f), foot = smooth_union(std::move(soft), 0.020f);
  Field body;
  body.box = merge(leg.box, foot.box);
  body.eval = [leg, foot](const glm::vec3& p) {
    const float t = glm::clamp((0.040f - p.y) / 0.020f, 0.0f, 1.0f);
    if (t <= 0.0f) return leg.eval(p);
    if (t >= 1.0f) return foot.eval(p);
    return glm::mix(leg.eval(p), foot.eval(p), t);
  };
  // The muscles are clipped to the fascia, so their wraps meet its offset
  // all round the calf: an unbounded blend there would swell the outline.
  // The tibia's wrap meets the fascia's offset only along lines (either side
  // of the crest, and along the medial border), so it is joined to that
  // offset alone by an uncapped 6 mm blend, before the capped blend with the
  // rest. Under the cap the corner at the medial border came back 0.5 mm
  // further out, a crease down the shin seen from the medial side
  // (MedialCalf.SkinHasNoCreaseBehindTheShin; 10 mm rounded the crest too,
  // 5.3 mm deep).
  // From 66% of the way down to 32 mm above the sole's level (107%; blended
  // in over 4 cm above, where it fills the hollow behind the medial border
  // of the tibia, and out over 12 mm below; over 16 mm at 60% it left a step
  // at the hollow's lower end)
  // the outline is made convex level by level: the subcutaneous fat fills
  // between the tendons, malleoli and cutaneous nerves, so the ankle reads
  // as one smooth outline rather than skin shrink-wrapped round each tendon
  // (Gray's Anatomy 42nd ed., ch. 83). Below the malleoli the flexor and
  // fibular retinacula bind the tendons to the bones and the skin passes
  // over them: stopped at 96% (8 mm blend), the skin wrapped each tendon
  // behind the malleoli on its own and left tunnels through the leg between
  // them and the calcaneus (genus 21; Outline.SkinHasNoTunnels). Ended at
  // 103% (y 0.045), the skin below wrapped each tarsal bone and tendon end by
  // 1.5 mm, lumps along the medial midfoot and in front of the lateral
  // malleolus where abductor hallucis and extensor digitorum brevis, not
  // modelled, and the fat make smooth contours (SOURCES.md;
  // SkinSeams.NoLumpsOnTheSidesOfTheMidfoot). Lower than 32 mm the
  // horizontal levels would bridge under the medial arch.
  constexpr float kKnee = 0.4536f, kLeg = 0.4536f - 0.0571f; // joint centres (outline.cpp)
  // Each level's hull is rounded below 46% (faded in over 4 cm above, with
  // the back's band) with corners of 10 mm, its flat sides moved out by 0.8 mm so that a corner
  // turning by up to about 45 degrees stays covered: where the hull ran over
  // a small structure (the tendons behind the medial malleolus, the edge of
  // the calcaneal tendon) it turned 15 to 30 degrees within a millimetre or
  // two, a jagged crease from behind the medial malleolus to the heel seen
  // from the medial side (SkinSeams.NoCreaseBehindTheMedialMalleolus). The
  // subcutaneous fat rounds those corners in a real ankle. Rounded at the
  // heel too, the light atlas's decimation moved edges into the knee's
  // region and the bent knee's fold count rose past its ceiling
  // (MotionSkinFold), for no change a render shows. Rounded only below 70%,
  // the back's hull turned sharply over the plantaris tendon and the sural
  // nerve from 46% down, two lines down the back of the calf seen from
  // behind (SkinSeams.NoWorseInFrontOrLowerDown).
  constexpr float kEnvelopeCorner = 0.010f, kEnvelopeGrow = 0.0008f;
  Field outer = offset(deep_fascia(), skin_thickness());
  if (tibia_wrap.eval) outer = smooth_union({std::move(outer), std::move(tibia_wrap)}, kTibiaFillet);
  if (patella_wrap.eval) {
    Field joined;
    joined.box = merge(outer.box, patella_wrap.box);
    joined.eval = [outer, patella_wrap](const glm::vec3& p) {
      const float k = glm::mix(kPatellaFillet, kPatellaPoleFillet, glm::smoothstep(kPatellaPoleFrom, kPatellaPoleTo, p.y));
      return smin(outer.eval(p), patella_wrap.eval(p), k);
    };
    outer = std::move(joined);
  }
  // Higher up, the back of the calf alone is made convex, from 46% (blended
  // in over 4 cm above) down to where the envelope below takes over. There
  // the plantaris and calcaneal tendons lie on the back of the soleus, each
  // wrapped by the skin, with a groove 1 to 2 mm deep between them that the
  // mesh grid rendered as two beaded seams (Skin.BackOfTheCalfHasNoGrooves).
  // Subcutaneous fat fills between them in a real calf. Not all the way
  // round: in front it would fill the hollow behind the tibia's medial border.
  // The lateral side likewise, from 44%: the tendon of fibularis longus
  // leaves its belly at about 50%; run just outside the fascia, it was
  // wrapped in a rod (Skin.NoRodOrBandDownTheLateralSide) and, made convex
  // over, a line down the side (60-88%). Now held under the fascia
  // (muscle_recipes.cpp; Skin.FibularisLongusTendonLiesUnderTheFascia).
  Field outline = convex_envelope(smooth_union_bounded({body, std::move(outer)}, 0.006f, 0.0005f),
                                  {{kKnee - 0.66f * kLeg, 0.032f, 0.040f, 0.012f},
                                   {kKnee - 0.46f * kLeg, kKnee - 0.66f * kLeg, 0.040f, 0.010f, {-1.0f, 0.0f}},
                                   {kKnee - 0.44f * kLeg, kKnee - 0.66f * kLeg, 0.040f, 0.010f, {0.0f, 1.0f}}},
                                  {kEnvelopeCorner, kEnvelopeGrow, kKnee - 0.46f * kLeg, 0.040f});
  // The back of the heel is made convex too, from y 0.045 (faded in over the
  // 16 mm above it, overlapping the ankle's envelope) down to 10 mm above
  // the sole's level: the skin wrapped the
  // calcaneus and the tendons beside it on their own and left the heel a
  // narrow pad with a notch on each side, where the heel's fat pad fills in
  // a real foot (Campanelli et al. 2011, SOURCES.md;
  // Skin.HeelIsOneRoundedPad). Levels of its own, so the leg's above are
  // sampled where they always were.
  outline = convex_envelope(outline, {{kKnee - 1.03f * kLeg, 0.010f, 0.016f, 0.008f, {-1.0f, 0.0f}}});
  StructureSpec s;
  s.id = "skin";
  s.name = "Skin of the leg and foot";
  s.kind = StructureKind::skin;
  s.colour = skin_colour();
  s.field = clip_half_space(outline, {0.0f, kThighCut, 0.0f}, {0.0f, 1.0f, 0.0f}, kRimRound);
  s.hull = s.field;
  s.cell = 0.0040f;
  s.target_main = 40000;
  s.target_lod1 = 9000;
  return s;
}

} // namespace crus::atlas
