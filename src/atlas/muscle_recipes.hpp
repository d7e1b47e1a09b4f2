#pragma once
// The designs of the muscles of the leg (atlas/muscle_recipes.cpp): each
// belly's key sections along its line of action, its tendons' routes, and
// how it is sized and clipped. atlas/muscles.cpp builds the meshes' fields
// from them.
#include "atlas/sdf.hpp"
#include "atlas/structures.hpp"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <array>
#include <cstddef>
#include <vector>

namespace crus::atlas {

struct Tendon {
  std::vector<SweepKey> keys;
  glm::vec3 up{1, 0, 0}; // the section's h axis: anterior
  // Held inside the deep fascia over the leg (tendon_path, muscles.cpp),
  // from `held_top` down to `held_bottom` (model y; structures.hpp).
  bool held = false;
  float held_bottom = kHeldBottom;
  float held_top = kHeldTop;
  // Where a held tendon lies on a muscle's surface under the fascia, the
  // muscles that give way to it leave its groove open towards `open` (a unit
  // vector; zero: closed round it) above `open_bottom`: the room they give
  // is the tendon swept 8 mm that way, widening as it goes (a groove whose
  // sides slope at about 27 degrees).
  glm::vec3 open{0.0f};
  float open_bottom = 0.0f;
  // How much nearer (m) a held tendon's path may come to the uncarved shapes
  // of the muscles built before it, which give way to it (tendon_path,
  // muscles.cpp); faded in and out with the hold. Never nearer to the bones
  // or the calcaneal tendon.
  float give = 0.0f;
};

// A border that changes with height: the belly keeps to one side of the
// surface x = v(y) (axis 0) or z = v(y) (axis 2), linear between the (y, v)
// points (metres, y falling), level above the first and below the last.
// side +1 keeps it anterior (axis 0) or lateral (axis 2) to the surface,
// -1 posterior or medial.
struct Border {
  int axis = 2;
  float side = -1.0f;
  std::vector<glm::vec2> points;
};

struct MuscleRecipe {
  const char* id;
  const char* name;
  std::vector<SweepKey> belly;
  glm::vec3 belly_up{1, 0, 0};
  std::vector<Tendon> tendons;
  float cell = 0.0012f;
  std::size_t target_main = 9000;
  std::size_t target_lod1 = 2000;
  // Flat muscles (the triceps surae) are sized to their volume by their
  // width alone, so that their thickness stays as drawn.
  bool flat = false;
  // The two heads of gastrocnemius meet along the midline of the calf,
  // with the sural nerve in the groove between them: a head keeps to its
  // side of a sagittal plane (z, metres; 0 = none).
  float max_z = 0.0f, min_z = 0.0f;
  // The anterior compartment's floor is the interosseous membrane, stretched
  // between the tibia's and the fibula's interosseous borders: a muscle of
  // that compartment keeps in front of it (x, metres; 0 = none).
  float min_x = 0.0f;
  // Size relative to the published volume (1 = as published).
  float volume_factor = 1.0f;
  // How much thicker a flat muscle may grow when its width meets the
  // fascia's sides (1 = never).
  float max_thick = 1.0f;
  // The belly's lower border seen from behind, a curve convex downwards:
  // nothing lies below y = lowest_y + border_curve (z - lowest_z)^2
  // (metres; border_curve 0 = none).
  float border_curve = 0.0f, lowest_y = 0.0f, lowest_z = 0.0f;
  // Borders that change with height (Border), applied before sizing.
  std::vector<Border> borders;
  // Where the belly meets the deep fascia, below fascia_round_below (y,
  // metres), its edge is rounded over fascia_round (metres; 0 = a sharp
  // edge). A flat belly clipped by the fascia ends in a thin wedge there,
  // which marching cubes cut into a saw-tooth.
  float fascia_round = 0.0f, fascia_round_below = 0.0f;
};

// Every muscle, in order of precedence: a muscle is carved by every muscle
// before it.
std::vector<MuscleRecipe> muscle_recipes();

// The tibial nerve and the posterior tibial vessels run down between the
// soleus and the deep muscles, on tibialis posterior (Gray's Anatomy, 20th
// ed., 1918): a channel 7 mm across along their course, from the soleus's
// tendinous arch to 74% of the way down, is kept clear of the soleus, which would
// otherwise thicken forward onto the deep muscles and leave the nerve no
// room (the vessels are not modelled; their place is fat).
Field neurovascular_channel();

// The common fibular nerve winds round the neck of the fibula deep to
// fibularis longus, between the muscle's attachments to the head and the
// shaft, in contact with the bone (Gray's Anatomy 42nd ed.; Moore ch. 5;
// SOURCES.md "Nerves"). A channel 7 mm across along its course, from above
// the fibular head to the front of the neck, is cut from the muscle's final
// field (after its sizing, so nothing else changes), which would otherwise
// fill it: the nerve, routed to the nearest room, came out on the muscle's
// lateral face, outside the fascia, and the skin wrapped it in a knot
// (Skin.NoKnotOverTheFibularNeck).
Field fibular_tunnel();
// The points of that drawn course (model frame, metres), which the nerve's
// trunk passes through too (nerves.cpp): above the fibular head, behind the
// neck, in front of it.
std::array<glm::vec3, 3> fibular_neck_course();

// The deep fibular nerve and the anterior tibial vessels run down the front
// of the interosseous membrane, between tibialis anterior and extensor
// digitorum longus, then extensor hallucis longus (Gray's Anatomy 42nd ed.;
// Moore ch. 5; SOURCES.md "Nerves"). A channel 6.4 mm across along that
// course, from 31 to 60% of the way down, is cut from those muscles' final
// fields (after their sizing, like the fibular tunnel): they met the fibula
// there, so the nerve, routed to the nearest room, lay in the fibula's
// anterior edge (up to 6.6 mm2 of its cut at 49%;
// SectionAnatomy.NoNerveRunsThroughABone). The vessels are not modelled;
// their place is fat.
Field interosseous_channel();
// The points of that course (model frame, metres), which the nerve's trunk
// passes through (nerves.cpp).
std::array<glm::vec3, 4> interosseous_course();

// Lower down, the nerve and the vessels lie between tibialis anterior and
// extensor hallucis longus (Gray's Anatomy 1918, "Extensor hallucis
// longus"), on the membrane and then on the lateral surface of the tibia,
// until the muscle's tendon crosses in front of them near the ankle. A slot
// from the nerve's course back to the bone, from 60 to 85% of the way down,
// is kept clear of the extensors before they are sized: the extensor
// hallucis longus, sized to its volume, wrapped round the nerve, which ran
// through the muscle in a tunnel at 75-80% (docs/ATLAS-MEASUREMENTS.md).
Field anterior_tibial_slot();
// The points of that course below the membrane's (model frame, metres),
// which the nerve's trunk passes through (nerves.cpp).
std::array<glm::vec3, 2> anterior_tibial_course();

} // namespace crus::atlas
