// The designs of the muscles of the leg: key sections of each belly, the
// routes of its tendons, and how it is sized (atlas/muscle_recipes.hpp).
// Sources: SOURCES.md (generated from atlas/sources.cpp).
#include "atlas/muscle_recipes.hpp"

#include <algorithm>
#include <string_view>

namespace crus::atlas {

namespace {
using glm::vec3;
constexpr vec3 kAnterior{1, 0, 0};
constexpr vec3 kUp{0, 1, 0};
constexpr vec3 kLateral{0, 0, 1};

constexpr auto* k = &sweep_key;
constexpr float kPlantarisGive = 0.0025f; // Tendon::give
constexpr float kHeadRoundBelow = 0.400f; // where the heads' edges on the fascia are rounded (y, metres)
// A round tendon key.
SweepKey t(float x, float y, float z, float r) { return {{x, y, z}, r, r}; }
} // namespace

std::vector<MuscleRecipe> muscle_recipes() {
  std::vector<MuscleRecipe> r;
  // In order of precedence: a muscle is carved by every muscle before it
  // (reordered below).
  r.push_back(
      {"plantaris",
       "Plantaris",
       {k(-0.0640f, 0.500f, 0.1010f, 0.0040f, 0.0035f), k(-0.0740f, 0.474f, 0.0960f, 0.0080f, 0.0060f),
        k(-0.0840f, 0.445f, 0.0890f, 0.0060f, 0.0050f), k(-0.0900f, 0.420f, 0.0850f, 0.0022f, 0.0018f)},
       kAnterior,
       // The tendon stays lateral to the tibial nerve, deep to the lateral
       // head, until the nerve has passed forwards under the soleus's arch
       // (key at 0.395 m, 15% of the way down), then crosses medially
       // behind the soleus (Gray's Anatomy 42nd ed.; SOURCES.md "Muscles").
       // Straight from 0.420 to 0.370 m it ran through the nerve at 13-15%
       // (up to 7 mm2 of the nerve's cut; SectionAnatomy.NoNerveRunsThroughABone).
       {{{t(-0.0900f, 0.420f, 0.0850f, 0.0017f), t(-0.0960f, 0.395f, 0.0905f, 0.0015f), t(-0.1000f, 0.370f, 0.0800f, 0.0013f),
          t(-0.1100f, 0.280f, 0.0720f, 0.0013f), t(-0.1170f, 0.235f, 0.0525f, 0.0013f), t(-0.1180f, 0.180f, 0.0540f, 0.0013f),
          t(-0.1050f, 0.100f, 0.0640f, 0.0013f), t(-0.1120f, 0.055f, 0.0660f, 0.0014f), t(-0.1195f, 0.037f, 0.0680f, 0.0016f)},
         kAnterior,
         true,
         0.050f,
         kHeldTop,
         // The soleus's groove for it opens backwards and medially, where
         // the tendon runs on the muscle's back towards the calcaneal
         // tendon's medial border: closed round it, the soleus left a lip
         // behind it at 52-85% of the way down, and from the medial side the
         // tendon showed only in glimpses through the muscle
         // (SectionOutline.PlantarisTendonLiesOnSoleusNotInsideIt).
         {-0.8f, 0.0f, -0.6f},
         0.050f,
         // Lifted its full clearance off the soleus's uncarved shape, the
         // tendon lay in the medial head's thin lower end at 49-51% and cut
         // it in two; the soleus's sized surface is 2-3 mm inside that shape
         // there, and the soleus gives way to the tendon.
         kPlantarisGive}},
       0.0008f,
       4000,
       900});
  // Tibialis posterior and flexor hallucis longus: the belly's last key is a
  // small one inside the tendon, so that the belly tapers into it. A sweep
  // ends in a flat cap square to its path, and these paths lean medially
  // down the leg (13 and 18 degrees), so the cap's lateral lip hung below
  // the rest and a cut through it (82% and 91% of the way down) left it
  // apart from the muscle (SectionOutline.BellyEndsAreOnePieceWithTheirTendons).
  r.push_back(
      {"tibialis_posterior",
       "Tibialis posterior",
       {k(-0.0665f, 0.387f, 0.0940f, 0.0060f, 0.0040f), k(-0.0690f, 0.330f, 0.0935f, 0.0110f, 0.0070f),
        k(-0.0710f, 0.250f, 0.0870f, 0.0110f, 0.0075f), k(-0.0715f, 0.170f, 0.0790f, 0.0080f, 0.0060f),
        k(-0.0715f, 0.130f, 0.0700f, 0.0050f, 0.0040f), k(-0.0713f, 0.120f, 0.0670f, 0.0030f, 0.0026f)},
       kAnterior,
       {{{t(-0.0715f, 0.140f, 0.0720f, 0.0035f), t(-0.0710f, 0.100f, 0.0620f, 0.0035f), t(-0.0725f, 0.075f, 0.0540f, 0.0034f),
          t(-0.0700f, 0.056f, 0.0510f, 0.0033f), t(-0.0600f, 0.044f, 0.0480f, 0.0032f), t(-0.0460f, 0.037f, 0.0490f, 0.0032f),
          t(-0.0360f, 0.0335f, 0.0515f, 0.0032f)}}},
       0.0013f,
       9000,
       2000});
  r.push_back(
      {"flexor_digitorum_longus",
       "Flexor digitorum longus",
       {k(-0.0650f, 0.330f, 0.0770f, 0.0040f, 0.0035f), k(-0.0690f, 0.270f, 0.0720f, 0.0070f, 0.0055f),
        k(-0.0720f, 0.190f, 0.0680f, 0.0075f, 0.0060f), k(-0.0750f, 0.130f, 0.0640f, 0.0050f, 0.0040f)},
       kAnterior,
       {{{t(-0.0750f, 0.140f, 0.0650f, 0.0030f), t(-0.0790f, 0.095f, 0.0610f, 0.0030f), t(-0.0780f, 0.070f, 0.0550f, 0.0030f),
          t(-0.0750f, 0.050f, 0.0510f, 0.0030f), t(-0.0620f, 0.032f, 0.0500f, 0.0029f), t(-0.0450f, 0.024f, 0.0580f, 0.0028f),
          t(-0.0200f, 0.0120f, 0.0680f, 0.0028f), t(0.0100f, 0.0075f, 0.0820f, 0.0026f), t(0.0400f, 0.0050f, 0.0920f, 0.0022f)},
         kLateral},
        {{t(0.0400f, 0.0050f, 0.0920f, 0.0015f), t(0.0660f, 0.0035f, 0.0800f, 0.0013f), t(0.1000f, 0.0030f, 0.0850f, 0.0012f),
          t(0.1240f, 0.0030f, 0.0890f, 0.0012f)},
         kUp},
        {{t(0.0400f, 0.0050f, 0.0920f, 0.0015f), t(0.0590f, 0.0035f, 0.0960f, 0.0013f), t(0.0900f, 0.0030f, 0.1000f, 0.0012f),
          t(0.1140f, 0.0030f, 0.1030f, 0.0012f)},
         kUp},
        {{t(0.0400f, 0.0050f, 0.0920f, 0.0015f), t(0.0490f, 0.0035f, 0.1100f, 0.0013f), t(0.0780f, 0.0030f, 0.1130f, 0.0012f),
          t(0.1000f, 0.0030f, 0.1160f, 0.0012f)},
         kUp},
        {{t(0.0400f, 0.0050f, 0.0920f, 0.0015f), t(0.0360f, 0.0035f, 0.1240f, 0.0013f), t(0.0620f, 0.0030f, 0.1280f, 0.0012f),
          t(0.0840f, 0.0030f, 0.1310f, 0.0012f)},
         kUp}},
       0.0010f,
       10000,
       2200});
  r.push_back(
      {"flexor_hallucis_longus",
       "Flexor hallucis longus",
       {k(-0.0720f, 0.300f, 0.1000f, 0.0050f, 0.0040f), k(-0.0800f, 0.240f, 0.0970f, 0.0120f, 0.0090f),
        k(-0.0830f, 0.170f, 0.0900f, 0.0130f, 0.0100f), k(-0.0830f, 0.120f, 0.0800f, 0.0090f, 0.0080f),
        k(-0.0820f, 0.095f, 0.0720f, 0.0050f, 0.0040f), k(-0.0828f, 0.085f, 0.0712f, 0.0028f, 0.0024f)},
       kAnterior,
       {{{t(-0.0820f, 0.100f, 0.0730f, 0.0032f), t(-0.0850f, 0.062f, 0.0660f, 0.0032f), t(-0.0780f, 0.042f, 0.0560f, 0.0031f),
          t(-0.0680f, 0.026f, 0.0560f, 0.0031f), t(-0.0500f, 0.020f, 0.0570f, 0.0031f), t(-0.0110f, 0.0155f, 0.0580f, 0.0030f),
          t(0.0300f, 0.0070f, 0.0570f, 0.0029f), t(0.0580f, 0.0030f, 0.0570f, 0.0027f), t(0.0800f, 0.0030f, 0.0590f, 0.0025f),
          t(0.1180f, 0.0025f, 0.0640f, 0.0022f)},
         kLateral}},
       0.0012f,
       9000,
       2000});
  // Popliteus inserts on the medial two thirds of the triangular posterior
  // surface of the tibia above the soleal line (Gray's Anatomy, 20th ed.,
  // 1918; SOURCES.md "Popliteus down to the soleal line"), whose medial end the
  // model puts at y 0.318 m (landmarks.cpp): the belly narrows to a thin
  // strip on the bone behind the medial part of the shaft, down to 0.334 m
  // (30% of the way from the knee to the ankle). Before it stopped at
  // 0.370 m, and fat filled its place at 25% behind the tibia.
  r.push_back({"popliteus",
               "Popliteus",
               {k(-0.0640f, 0.448f, 0.1175f, 0.0030f, 0.0030f), k(-0.0790f, 0.432f, 0.1040f, 0.0060f, 0.0045f),
                k(-0.0790f, 0.412f, 0.0860f, 0.0190f, 0.0050f), k(-0.0760f, 0.392f, 0.0700f, 0.0200f, 0.0050f),
                k(-0.0730f, 0.372f, 0.0730f, 0.0085f, 0.0032f), k(-0.0668f, 0.352f, 0.0760f, 0.0065f, 0.0040f),
                k(-0.0640f, 0.334f, 0.0735f, 0.0040f, 0.0020f)},
               kAnterior,
               {},
               0.0008f,
               4000,
               900});
  // Fibularis brevis arises from the distal two-thirds of the fibula's
  // lateral surface, deep to longus (Gray's Anatomy 41st ed., the leg): its
  // belly begins at about a third of the way down (y 0.318 m) against the
  // bone, and longus, built after it, lies lateral to it there (its keys at
  // 0.340 and 0.250 m sit 4.5 mm further lateral than before, and the one
  // at 0.180 m as much, so it overlaps brevis's front and back instead of
  // closing round it). Before, brevis began at 0.270 m, about half way down.
  // Longus's tendon still starts where it did (z 0.119 at y 0.190 m, 4.5 mm
  // medial of the belly's last key and within its last centimetre), so its
  // course down behind the lateral malleolus is unchanged.
  r.push_back(
      {"fibularis_brevis",
       "Fibularis brevis",
       {k(-0.0600f, 0.318f, 0.1170f, 0.0030f, 0.0035f), k(-0.0660f, 0.270f, 0.1170f, 0.0055f, 0.0075f),
        k(-0.0720f, 0.200f, 0.1140f, 0.0070f, 0.0100f), k(-0.0750f, 0.130f, 0.1100f, 0.0070f, 0.0090f),
        k(-0.0790f, 0.090f, 0.1040f, 0.0040f, 0.0040f)},
       kAnterior,
       {{{t(-0.0790f, 0.095f, 0.1040f, 0.0032f), t(-0.0815f, 0.068f, 0.1005f, 0.0032f), t(-0.0780f, 0.052f, 0.1050f, 0.0032f),
          t(-0.0720f, 0.042f, 0.1075f, 0.0031f), t(-0.0680f, 0.030f, 0.1140f, 0.0030f), t(-0.0550f, 0.031f, 0.1210f, 0.0030f),
          t(-0.0410f, 0.031f, 0.1270f, 0.0030f)},
         kLateral}},
       0.0010f,
       8000,
       1800});
  // The fibularis longus tendon lies inside the crural fascia, which with
  // the intermuscular septa closes the lateral compartment (SOURCES.md, "The
  // ankle"): held there from 56% (fading in from 49%) to 89% (fading out to
  // 95%), with fibularis brevis making room for it. Outside the fascia it lay
  // 1.8 to 3.3 mm under the skin, which drew a line over it down the side of
  // the leg.
  r.push_back(
      {"fibularis_longus",
       "Fibularis longus",
       {k(-0.0640f, 0.390f, 0.1220f, 0.0040f, 0.0050f), k(-0.0660f, 0.340f, 0.1265f, 0.0080f, 0.0120f),
        k(-0.0690f, 0.250f, 0.1265f, 0.0080f, 0.0110f), k(-0.0720f, 0.180f, 0.1235f, 0.0050f, 0.0070f)},
       kAnterior,
       {{{t(-0.0720f, 0.190f, 0.1190f, 0.0030f), t(-0.0780f, 0.130f, 0.1140f, 0.0030f), t(-0.0850f, 0.090f, 0.1090f, 0.0030f),
          t(-0.0875f, 0.068f, 0.1075f, 0.0030f), t(-0.0810f, 0.046f, 0.1110f, 0.0030f), t(-0.0755f, 0.034f, 0.1105f, 0.0030f),
          t(-0.0620f, 0.020f, 0.1170f, 0.0030f), t(-0.0480f, 0.016f, 0.1200f, 0.0030f), t(-0.0360f, 0.011f, 0.1130f, 0.0029f),
          t(-0.0280f, 0.0105f, 0.0980f, 0.0029f), t(-0.0150f, 0.0135f, 0.0800f, 0.0028f), t(-0.0020f, 0.0175f, 0.0680f, 0.0028f),
          t(0.0040f, 0.0200f, 0.0640f, 0.0027f)},
         kAnterior,
         true,
         0.075f,
         0.260f,
         {-0.6f, 0.0f, 0.8f},
         0.110f}},
       0.0012f,
       10000,
       2200});
  // The belly's last key lies on the tendon, 86% of the way down: 3 mm
  // higher and a sixth wider, the belly's end there lay apart from the
  // tendon (two loops in a cut).
  r.push_back(
      {"extensor_hallucis_longus",
       "Extensor hallucis longus",
       {k(-0.0590f, 0.310f, 0.1100f, 0.0045f, 0.0045f), k(-0.0555f, 0.260f, 0.1075f, 0.0055f, 0.0068f),
        k(-0.0520f, 0.190f, 0.0995f, 0.0078f, 0.0075f), k(-0.0490f, 0.150f, 0.0990f, 0.0065f, 0.0058f),
        k(-0.0405f, 0.112f, 0.0825f, 0.0030f, 0.0026f)},
       kAnterior,
       {{{t(-0.0410f, 0.120f, 0.0840f, 0.0026f), t(-0.0363f, 0.0878f, 0.0732f, 0.0026f), t(-0.0180f, 0.0560f, 0.0628f, 0.0025f),
          t(0.0143f, 0.0470f, 0.0582f, 0.0024f), t(0.0584f, 0.0300f, 0.0559f, 0.0023f), t(0.0936f, 0.0215f, 0.0605f, 0.0022f),
          t(0.1180f, 0.0195f, 0.0640f, 0.0020f)},
         kLateral}},
       0.0009f,
       8000,
       1800});
  r.push_back(
      {"extensor_digitorum_longus",
       "Extensor digitorum longus",
       {k(-0.0490f, 0.400f, 0.1100f, 0.0055f, 0.0055f), k(-0.0430f, 0.350f, 0.1100f, 0.0105f, 0.0095f),
        k(-0.0410f, 0.260f, 0.1110f, 0.0115f, 0.0105f), k(-0.0430f, 0.170f, 0.1060f, 0.0090f, 0.0080f),
        k(-0.0445f, 0.140f, 0.1060f, 0.0070f, 0.0060f), k(-0.0420f, 0.120f, 0.0950f, 0.0045f, 0.0040f)},
       kAnterior,
       {{{t(-0.0420f, 0.125f, 0.0950f, 0.0030f), t(-0.0400f, 0.081f, 0.0872f, 0.0030f), t(-0.0230f, 0.0530f, 0.0850f, 0.0030f),
          t(0.0000f, 0.0450f, 0.0950f, 0.0028f)},
         kLateral},
        {{t(0.0000f, 0.0450f, 0.0950f, 0.0016f), t(0.0200f, 0.0400f, 0.0850f, 0.0015f), t(0.0570f, 0.0265f, 0.0800f, 0.0014f),
          t(0.0900f, 0.0180f, 0.0850f, 0.0013f), t(0.1240f, 0.0135f, 0.0890f, 0.0012f)},
         kUp},
        {{t(0.0000f, 0.0450f, 0.0950f, 0.0016f), t(0.0200f, 0.0380f, 0.0950f, 0.0015f), t(0.0500f, 0.0260f, 0.0960f, 0.0014f),
          t(0.0850f, 0.0170f, 0.1000f, 0.0013f), t(0.1140f, 0.0130f, 0.1030f, 0.0012f)},
         kUp},
        {{t(0.0000f, 0.0450f, 0.0950f, 0.0016f), t(0.0150f, 0.0360f, 0.1040f, 0.0015f), t(0.0400f, 0.0255f, 0.1090f, 0.0014f),
          t(0.0750f, 0.0170f, 0.1130f, 0.0013f), t(0.1000f, 0.0130f, 0.1160f, 0.0012f)},
         kUp},
        {{t(0.0000f, 0.0450f, 0.0950f, 0.0016f), t(0.0050f, 0.0340f, 0.1120f, 0.0015f), t(0.0270f, 0.0245f, 0.1220f, 0.0014f),
          t(0.0600f, 0.0160f, 0.1280f, 0.0013f), t(0.0850f, 0.0130f, 0.1310f, 0.0012f)},
         kUp}},
       0.0010f,
       11000,
       2400});
  // Fibularis tertius lies behind extensor digitorum longus and lateral to
  // extensor hallucis longus, against the front of the fibula (above): it
  // lay 5 mm further forward and medially, in the middle of extensor
  // digitorum longus. About 80% down it lies a further 1.5 mm back and 1 mm
  // laterally, leaving extensor digitorum longus the front of the fibula.
  r.push_back({"fibularis_tertius",
               "Fibularis tertius",
               {k(-0.0565f, 0.192f, 0.1110f, 0.0055f, 0.0045f), k(-0.0530f, 0.140f, 0.1095f, 0.0062f, 0.0058f),
                k(-0.0465f, 0.100f, 0.1040f, 0.0045f, 0.0040f)},
               kAnterior,
               {{{t(-0.0465f, 0.105f, 0.1045f, 0.0022f), t(-0.0385f, 0.075f, 0.1020f, 0.0022f),
                  t(-0.0250f, 0.050f, 0.1060f, 0.0021f), t(-0.0170f, 0.0395f, 0.1160f, 0.0020f)},
                 kLateral}},
               0.0008f,
               5000,
               1100});
  r.push_back(
      {"tibialis_anterior",
       "Tibialis anterior",
       {k(-0.0450f, 0.410f, 0.0980f, 0.0070f, 0.0080f), k(-0.0420f, 0.370f, 0.0980f, 0.0110f, 0.0180f),
        k(-0.0410f, 0.320f, 0.0970f, 0.0110f, 0.0180f), k(-0.0380f, 0.260f, 0.0950f, 0.0085f, 0.0100f),
        // Below, the belly narrows over 4 cm onto the front of its tendon:
        // it ended blunt at 0.205 m, and extensor hallucis longus, carved
        // round it, filled out below into a shelf across the front of the
        // leg at 63% (docs/ATLAS-MEASUREMENTS.md).
        k(-0.0382f, 0.228f, 0.0938f, 0.0062f, 0.0068f), k(-0.0386f, 0.196f, 0.0930f, 0.0026f, 0.0026f)},
       kAnterior,
       {{{t(-0.0390f, 0.215f, 0.0950f, 0.0036f), t(-0.0370f, 0.150f, 0.0850f, 0.0036f), t(-0.0350f, 0.115f, 0.0760f, 0.0036f),
          t(-0.0330f, 0.0912f, 0.0628f, 0.0035f), t(-0.0220f, 0.0650f, 0.0550f, 0.0034f), t(-0.0100f, 0.0440f, 0.0510f, 0.0033f),
          t(0.0016f, 0.0320f, 0.0510f, 0.0032f)},
         kLateral}},
       0.0013f,
       10000,
       2200});
  // The gastrocnemius heads lie on the soleus, with the plantaris tendon
  // running obliquely between them (Gray's Anatomy 20th ed., 1918). The
  // soleus's back face is drawn to the heads' front faces at 0.290-0.350 m
  // (its keys at 0.350, 0.320 and 0.290 m), so that no band
  // of fat separates them in section; it is built before them and they give
  // way to it where they meet (docs/ATLAS-MEASUREMENTS.md, "The soleus
  // against the gastrocnemius"). Below the heads the soleus makes the lower
  // calf, broadest just below their ends: its key at 0.262 m (48% of the way
  // down) is drawn thinner, where the medial head still lies on it, and the
  // one at 0.238 m (54%) broader, so that its largest section lies at 51-52%,
  // in the lower half of the leg (issue 11; docs/ATLAS-MEASUREMENTS.md).
  r.push_back({"soleus",
               "Soleus",
               {k(-0.0760f, 0.378f, 0.0950f, 0.0240f, 0.0070f), k(-0.0906f, 0.350f, 0.0880f, 0.0340f, 0.0125f),
                k(-0.0973f, 0.320f, 0.0845f, 0.0340f, 0.0132f), k(-0.0988f, 0.290f, 0.0810f, 0.0340f, 0.0152f),
                k(-0.1000f, 0.262f, 0.0800f, 0.0340f, 0.0178f), k(-0.1016f, 0.238f, 0.0795f, 0.0450f, 0.0240f),
                k(-0.1030f, 0.205f, 0.0790f, 0.0420f, 0.0260f), k(-0.1030f, 0.170f, 0.0780f, 0.0400f, 0.0260f),
                k(-0.1050f, 0.125f, 0.0740f, 0.0320f, 0.0125f),
                k(-0.1040f, 0.092f, 0.0780f, 0.0100f, 0.0035f)}, // lowest fibres about 5 cm above the insertion
               kAnterior,
               {},
               0.0016f,
               14000,
               3000,
               true});
  // Each head's key at 0.280 m (medial) and 0.300 m (lateral) is drawn
  // thicker in front, its back on the fascia, to meet the soleus's back
  // (docs/ATLAS-MEASUREMENTS.md).
  // Each head's first key lies inside the femur above its condyle, which
  // carves it: the head narrows onto its origin there, as the heads arise
  // by short strong tendons (SOURCES.md, "Gastrocnemius heads"). They began
  // at keys behind the bone, in flat faces cut square across their sweeps
  // that stood off it (KneeAtlas.GastrocnemiusHeadsNarrowToTheirOriginsOnTheFemur).
  r.push_back({"gastrocnemius_medial_head",
               "Medial head of gastrocnemius",
               {k(-0.0480f, 0.498f, 0.0565f, 0.0060f, 0.0050f), k(-0.0560f, 0.488f, 0.0570f, 0.0075f, 0.0065f),
                k(-0.0800f, 0.445f, 0.0540f, 0.0180f, 0.0110f), k(-0.1010f, 0.385f, 0.0500f, 0.0320f, 0.0108f),
                k(-0.1250f, 0.330f, 0.0520f, 0.0340f, 0.0110f), k(-0.1265f, 0.280f, 0.0560f, 0.0300f, 0.0122f),
                k(-0.1290f, 0.250f, 0.0580f, 0.0220f, 0.0080f), k(-0.1290f, 0.226f, 0.0560f, 0.0140f, 0.0035f)},
               kAnterior,
               {},
               0.0015f,
               12000,
               2600,
               true});
  r.back().max_z = 0.0845f;
  // Each head's outer edge lies on the fascia, where the flat belly, clipped
  // by it, thinned to a wedge under the marching grid's cell: seen from
  // behind, the medial head's medial edge and the lateral head's lateral
  // edge were saw-tooths from about 20% of the way down. Rounded over 3 mm
  // (the lateral head 2 mm, below) below 0.40 m (the fold counts at the
  // origins, MotionOriginWrap, moved with a rounding that reached them),
  // the edges are smooth. Not the soleus: the plantaris, carved round it,
  // meshed again with twice as many folds at knee 90.
  r.back().fascia_round = 0.003f;
  r.back().fascia_round_below = kHeadRoundBelow;
  // Its fleshy fibres end on the aponeurosis in a curve convex downwards,
  // here lowest near the middle of the head and rising to the midline
  // (SOURCES.md, "Gastrocnemius heads"): the belly ended in a level edge,
  // lowest next to the midline. Raising the curve's lowest point to
  // y 251.5 mm, so that it cut the belly across and left no film of its tip
  // apart at 51%, folded the head's origin at knee 120 (MotionOriginWrap:
  // 18 edges to 29; docs/ATLAS-MEASUREMENTS.md), so it stays at 246 mm.
  r.back().border_curve = 16.0f;
  r.back().lowest_y = 0.2460f;
  r.back().lowest_z = 0.0550f;
  r.push_back({"gastrocnemius_lateral_head",
               "Lateral head of gastrocnemius",
               {k(-0.0530f, 0.494f, 0.1010f, 0.0045f, 0.0040f), k(-0.0620f, 0.484f, 0.1040f, 0.0065f, 0.0060f),
                k(-0.0820f, 0.440f, 0.1060f, 0.0150f, 0.0110f), k(-0.0980f, 0.380f, 0.1060f, 0.0250f, 0.0113f),
                k(-0.1210f, 0.330f, 0.1020f, 0.0230f, 0.0103f), k(-0.1245f, 0.300f, 0.0960f, 0.0150f, 0.0085f),
                k(-0.1270f, 0.280f, 0.0920f, 0.0110f, 0.0045f)},
               kAnterior,
               {},
               0.0014f,
               10000,
               2200,
               true});
  r.back().min_z = 0.0885f;
  // Its edge on the fascia is rounded over 2 mm, not 3: walled in by the
  // fascia, it cannot widen to make up what the rounding takes, and over
  // 3 mm it fell to 123.4 cm3, 20.1% short of its published volume (2 mm:
  // 123.7 cm3, 19.9%). Thicker, or longer, it broke the width it keeps
  // against its depth, the 2 cm the medial head reaches lower, or its
  // origin's folds at knee 90 (docs/ATLAS-MEASUREMENTS.md).
  r.back().fascia_round = 0.002f;
  r.back().fascia_round_below = kHeadRoundBelow;
  // At the knee joint line the common fibular nerve lies between the biceps
  // tendon and this head, on the head's lateral side (Gray's Anatomy 1918,
  // "The Common Peroneal Nerve"; nerves.cpp): the head keeps medial of
  // z 120 mm from 4% above the line to 2% below it, where it had wrapped the
  // nerve in a 2 cm tunnel; the nerve lies in the fat lateral to it, where
  // the biceps tendon (not modelled) runs. Part of the volume that takes is
  // put back in the belly's lower end (its last key 3 mm wider and 1.5 mm
  // thicker): a longer belly ran past the 2 cm the medial head must reach
  // lower, and one cut further or thickened near the origin came out through
  // the skin at knee 120 degrees (docs/ATLAS-MEASUREMENTS.md).
  r.back().borders = {
      {2, -1.0f, {{0.486f, 0.1600f}, {0.480f, 0.1225f}, {0.470f, 0.1200f}, {0.444f, 0.1200f}, {0.436f, 0.1600f}}}};
  // Tibialis anterior takes its place against the tibia before the extensors
  // beside it are shaped, so that they give way to it and not the reverse.
  auto by_id = [&](const char* id) {
    return std::find_if(r.begin(), r.end(), [&](const MuscleRecipe& m) { return std::string(m.id) == id; });
  };
  std::rotate(by_id("extensor_hallucis_longus"), by_id("tibialis_anterior"), by_id("tibialis_anterior") + 1);
  // Fibularis tertius too: it has no published volume to be sized to, and the
  // extensors, inflated to theirs, would otherwise take its place.
  std::rotate(by_id("extensor_hallucis_longus"), by_id("fibularis_tertius"), by_id("fibularis_tertius") + 1);
  // The plantaris tendon runs between the soleus and the gastrocnemius
  // (Gray's Anatomy 41st ed., ch. 84): built after the soleus, it is lifted
  // clear of it (tendon_path) and lies on its back instead of grooving it.
  // It reaches the medial border of the calcaneal tendon above the tendon's
  // upper end (there is no room between the soleus and the tendon). Lower
  // down it is held inside the deep fascia (Tendon::held), and the soleus
  // gives way to it at its posteromedial edge: lifted off the soleus there,
  // it lay outside the fascia and the skin wrapped it in a rod.
  std::rotate(by_id("plantaris"), by_id("plantaris") + 1, by_id("gastrocnemius_medial_head"));
  // Extensor digitorum longus lies lateral to tibialis anterior, in front of
  // the fibula; the boundary lies over the fibula's anterior border rather
  // than medial to it (Gray's Anatomy 41st ed., ch. 84: tibialis anterior
  // fills the space lateral to the tibia, on the interosseous membrane).
  by_id("tibialis_anterior")->max_z = 0.1085f;
  // Without a floor, the belly (drawn deep, to fill the compartment) slipped
  // through the 6 mm between the tibia and the fibula below the fibular neck
  // and came out behind tibialis posterior, a stray piece in the posterior
  // compartment (docs/sections/section-25.png, second round). The membrane
  // runs from the tibia's interosseous border (x about -0.056) to the fibula's
  // medial surface (-0.060) over the upper half of the leg.
  by_id("tibialis_anterior")->min_x = -0.0585f;
  // Where the deep fibular nerve has come round the fibular neck onto the
  // membrane (31-34% of the way down), the belly's deep lateral corner lay
  // between the nerve's groove, the septum and the fibula, and a cut at
  // 32.5% left a fleck of it there (0.6 mm2;
  // SectionOutline.NoNewFleckLiesApartFromItsStructure): there the belly
  // keeps 2.5 mm further medially, and extensor digitorum longus takes the room.
  by_id("tibialis_anterior")->borders = {
      {2, -1.0f, {{0.345f, 0.1085f}, {0.335f, 0.1060f}, {0.315f, 0.1060f}, {0.305f, 0.1085f}}}};
  // Above the ankle the deep fibular nerve runs between tibialis anterior
  // and extensor hallucis longus, extensor digitorum longus lies lateral to
  // extensor hallucis longus, and fibularis tertius, the lowest part of
  // extensor digitorum longus, lateral to both on the fibula (SOURCES.md,
  // "The anterior compartment above the ankle"). Sized to its volume,
  // extensor hallucis longus wrapped laterally through extensor digitorum
  // longus (cut in two at 62-70%) and round the nerve (a tunnel at 80%), and
  // fibularis tertius lay in the middle of extensor digitorum longus (cut in
  // two again at 70-80%). So extensor hallucis longus keeps medial to a
  // border 3 to 4 mm lateral to the nerve from 57% down (easing to the
  // midline of its tendon at the ankle), and lateral to the nerve where its
  // belly, coming down from the front of the fibula, crosses it (59-65%);
  // extensor digitorum longus keeps lateral to the nerve; and extensor
  // hallucis longus keeps in front of the membrane, like tibialis anterior
  // (it came out behind the fibula at 45-55%). Its belly now reaches up
  // between tibialis anterior and extensor digitorum longus, in front of the
  // fibula, from 37% (there was none above 50%); its keys are a third wider
  // than before, since the sizing reaches its largest scale: its volume
  // stays 18% short.
  // Extensor digitorum longus arises from the upper three quarters of the
  // fibula, so its fleshy fibres still reach its tendon above the ankle
  // (SOURCES.md): it was a dot of 0.3 cm2 in front of an extensor hallucis
  // longus of 2.5 cm2 at 76-82%. So at 73-82% the border between the two
  // lies 5 mm further medially (z 98.5 mm), extensor digitorum longus has a
  // key of its own there, on the fibula's front beside the hallucis, and it
  // may reach back to the fibula (x -56 mm; it had been held in front of
  // -43.5 mm, against crumbs, which no longer form). The
  // hallucis takes back part of that room at 60-66%, widened 2-5 mm
  // laterally where it crosses the nerve.
  by_id("extensor_hallucis_longus")->min_x = -0.0605f;
  by_id("extensor_hallucis_longus")->borders = {
      {2,
       -1.0f,
       {{0.250f, 0.1300f},
        {0.222f, 0.1085f},
        {0.200f, 0.1085f},
        {0.190f, 0.1060f},
        {0.178f, 0.1035f},
        {0.165f, 0.0985f},
        {0.128f, 0.0985f},
        {0.110f, 0.0950f}}},
      {2, 1.0f, {{0.228f, 0.0500f}, {0.218f, 0.0945f}, {0.200f, 0.0945f}, {0.190f, 0.0500f}}}};
  // Extensor digitorum longus keeps in front of the membrane too: at 14-15%
  // of the way down, below the fibular neck, its deepest part reached
  // between the tibia and the fibula to x -60.8 mm, and a cut at 14.5% left
  // a fleck of it there (2.2 mm2; SectionOutline.NoNewFleckLiesApartFromItsStructure).
  by_id("extensor_digitorum_longus")->min_x = -0.0595f;
  by_id("extensor_digitorum_longus")->borders = {
      {2,
       1.0f,
       {{0.215f, 0.0500f}, {0.205f, 0.0990f}, {0.178f, 0.0990f}, {0.165f, 0.0975f}, {0.125f, 0.0975f}, {0.115f, 0.0500f}}},
      {0, 1.0f, {{0.170f, -0.0700f}, {0.160f, -0.0560f}, {0.128f, -0.0560f}, {0.118f, -0.0700f}}}};
  // Packing (issue 11): inside the designed outline the muscles are sized to
  // the upper part of the published volumes' 20% tolerance, so that they fill
  // their compartments rather than leave fat-filled gaps; the large calf and
  // anterior muscles, whose sections make most of the packing at 25-55%,
  // aim 15% over, the soleus 18% (below; the sizing now reaches the aim
  // within 3%, so these stay inside the 20%). Flexor digitorum longus, thin, comes out
  // of the coarse sizing grid about a tenth over and aims 8% over (below);
  // popliteus aims 10% over like the rest: its strip down to the soleal line
  // takes that tenth, and its upper part keeps the size it had.
  for (MuscleRecipe& m : r) m.volume_factor = 1.10f;
  for (const char* id :
       {"gastrocnemius_medial_head", "gastrocnemius_lateral_head", "tibialis_anterior", "extensor_digitorum_longus"})
    by_id(id)->volume_factor = 1.15f;
  // The soleus, drawn against the gastrocnemius heads, aims 18% over, so
  // that it still thickens forward into the room in front of it; flexor
  // digitorum longus aims 8% over, for the room between it and the soleus at
  // 50-55% (they come out 16.5% and 18.2% over;
  // docs/ATLAS-MEASUREMENTS.md, "The soleus against the gastrocnemius").
  by_id("soleus")->volume_factor = 1.18f;
  by_id("flexor_digitorum_longus")->volume_factor = 1.08f;
  // In the lower half of the leg the tibial nerve runs on tibialis posterior
  // between flexor digitorum longus and flexor hallucis longus (Moore,
  // Clinically Oriented Anatomy, ch. 5; SOURCES.md, "Nerve planes"). Flexor
  // digitorum longus had curled round it, the nerve in a groove in its
  // lateral side from 56 to 81% of the way down and a wedge of muscle cut
  // off lateral to it at 78-80%. It keeps medial to the nerve's course,
  // from 54% to 84% (z 68 mm at 58% to 65.5 at 79%; free below, where its
  // tendons cross to the lateral toes;
  // SectionOutline.TibialNerveRunsBetweenTheLongFlexorsNotInAGroove).
  by_id("flexor_digitorum_longus")->borders = {{2,
                                                -1.0f,
                                                {{0.240f, 0.0900f},
                                                 {0.225f, 0.0680f},
                                                 {0.176f, 0.0660f},
                                                 {0.140f, 0.0655f},
                                                 {0.128f, 0.0655f},
                                                 {0.118f, 0.0900f},
                                                 {0.100f, 0.3000f}}}};
  // In the lower third of the leg the tendon of fibularis longus lies on the
  // lateral surface of fibularis brevis, under the deep fascia (Gray's
  // Anatomy 41st ed., ch. 84; SOURCES.md "Muscles"). Brevis, built first,
  // reached the fascia there and closed round the longus tendon, and the
  // end of the longus belly was left as slivers in front of and behind it
  // (three pieces in a cut at 59-68%), the tendon running in a tunnel in
  // brevis at 60-88%. So from 53% to 70% brevis keeps medial to the longus
  // tendon's medial edge, and down to 86% (0.110 m) it leaves the tendon's
  // groove open posterolaterally, towards the fascia (the longus tendon's
  // Tendon::open; SectionOutline.FibularisLongusTendonLiesOnBrevisNotInsideIt).
  by_id("fibularis_brevis")->borders = {{2, -1.0f, {{0.250f, 0.1400f}, {0.232f, 0.1150f}, {0.180f, 0.1145f}, {0.165f, 0.1400f}}}};
  // The triceps surae meet the fascia's sides long before their volume:
  // soleus may thicken by up to 60% into the gap in front of it (towards the
  // deep muscles and the tibial nerve). The gastrocnemius heads may not: 8% more
  // took them to 28-29 mm, past the 25 mm of issue 11, so the medial head
  // gives way on its volume instead (docs/ATLAS-MEASUREMENTS.md).
  by_id("soleus")->max_thick = 1.6f;
  // The plantaris tendon runs along the medial edge of the calcaneal tendon
  // (Gray's Anatomy 1918): the soleus's lowest fibres keep lateral of it
  // (z 73 mm below 86%), where they had wrapped round its front and left
  // flecks medial to it at 87.5-89%.
  by_id("soleus")->borders = {{2, 1.0f, {{0.1235f, 0.0000f}, {0.112f, 0.0730f}}}};
  // Meshed on a 0.8 mm grid: on the 1.2 mm one, wherever a belly thinned to
  // a few millimetres (its end beside its tendon, a strip carved between
  // neighbours) its edge came out saw-toothed, and a cross-section showed
  // it (extensor digitorum longus at 85%, tibialis posterior at 82%;
  // SectionOutline.MuscleOutlinesAreNotSawToothed). It costs about a sixth
  // more time to build the atlas. The triceps surae keep the coarser grid:
  // on the finer one the soleus closed round the tibial nerve's channel,
  // and the heads' light meshes folded more at their origins with the knee
  // bent (MotionOriginWrap).
  for (MuscleRecipe& m : r) {
    const std::string_view id = m.id;
    if (id == "soleus" || id.starts_with("gastrocnemius")) continue;
    m.cell = std::min(m.cell, 0.0008f);
  }
  return r;
}

// The channel of the tibial nerve and posterior tibial vessels (header).
// Below 0.250 m it is 9-14 mm deep, reaching forward to tibialis posterior:
// with flexor digitorum longus held medial to the nerve, the soleus grew
// forward round the nerve into the room that left, a strand of it cut off in
// front of the nerve at 54-57% and 61-74% of the way down.
Field neurovascular_channel() {
  return sweep({k(-0.0840f, 0.392f, 0.0780f, 0.0036f, 0.0036f), k(-0.0790f, 0.360f, 0.0765f, 0.0036f, 0.0036f),
                k(-0.0800f, 0.330f, 0.0760f, 0.0036f, 0.0036f), k(-0.0830f, 0.290f, 0.0740f, 0.0036f, 0.0036f),
                k(-0.0850f, 0.250f, 0.0720f, 0.0036f, 0.0046f), k(-0.0825f, 0.215f, 0.0700f, 0.0036f, 0.0070f),
                k(-0.0815f, 0.190f, 0.0690f, 0.0036f, 0.0070f), k(-0.0810f, 0.160f, 0.0675f, 0.0034f, 0.0066f)},
               kAnterior);
}

// The channel of the common fibular nerve round the fibular neck (header).
std::array<glm::vec3, 3> fibular_neck_course() {
  return {glm::vec3(-0.0760f, 0.420f, 0.1200f), glm::vec3(-0.0720f, 0.385f, 0.1260f), glm::vec3(-0.0630f, 0.358f, 0.1270f)};
}

Field fibular_tunnel() {
  constexpr float kRadius = 0.0036f;
  std::vector<SweepKey> keys;
  for (const glm::vec3& p : fibular_neck_course()) keys.push_back({p, kRadius, kRadius});
  return sweep(keys, kAnterior);
}

// The course of the deep fibular nerve on the interosseous membrane (header):
// 31, 40, 49 and 60% of the way down, 5 mm in front of the membrane's
// middle between the tibia's interosseous border and the fibula's, where
// the bones leave 3.6 mm or more on either side.
std::array<glm::vec3, 4> interosseous_course() {
  return {glm::vec3(-0.0490f, 0.330f, 0.1060f), glm::vec3(-0.0510f, 0.295f, 0.0980f), glm::vec3(-0.0505f, 0.260f, 0.0975f),
          glm::vec3(-0.0510f, 0.215f, 0.0950f)};
}

Field interosseous_channel() {
  constexpr float kRadius = 0.0032f;
  std::vector<SweepKey> keys;
  for (const glm::vec3& p : interosseous_course()) keys.push_back({p, kRadius, kRadius});
  return sweep(keys, kAnterior);
}

// The slot of the deep fibular nerve down the lower leg (header).
std::array<glm::vec3, 2> anterior_tibial_course() {
  return {glm::vec3(-0.0530f, 0.160f, 0.0915f), glm::vec3(-0.0455f, 0.118f, 0.0885f)};
}

Field anterior_tibial_slot() {
  // Each section reaches 2.2 mm in front of the nerve's centre and 10 mm
  // behind it (into the bone), 2.6 mm to either side.
  std::vector<SweepKey> keys{{interosseous_course()[3], 0.0026f, 0.0062f}};
  for (const glm::vec3& p : anterior_tibial_course()) keys.push_back({p, 0.0026f, 0.0062f});
  for (SweepKey& key : keys) key.point.x -= 0.0040f;
  return sweep(keys, kAnterior);
}

} // namespace crus::atlas
