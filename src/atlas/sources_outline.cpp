#include "atlas/sources_outline.hpp"

namespace crus::atlas {

// The outline section of SOURCES.md, apart from sources.cpp for its length.
std::string sources_outline_markdown() {
  return R"md(## Outline of the leg and the shapes of the calf (src/atlas/outline.cpp)
The skin lies 3 mm outside a designed deep fascia: elliptical sections at
fourteen levels from the distal thigh to just above the malleoli, cut flat
where the tibia's anteromedial surface is subcutaneous (from crest to medial
border, one face line per level measured on the generated tibia from a sixth
to nine tenths of the way down, fading out above and below) and turning back
at the medial border along the calf muscles behind it, with rounded edges
(Gray's Anatomy, 20th ed., 1918, "The Tibia": below its upper third, where
the tendons of sartorius, gracilis and semitendinosus cover it, the medial
surface is subcutaneous; Frazer JE, The Anatomy of the Human Skeleton: only
skin and superficial fascia cover it, with the great saphenous vein on its
lower fourth). The muscles are clipped to it, so they fill their
compartments up to the outline. The figures the levels were drawn to:
- Calf circumference (widest, tape on the relaxed calf): Gonzalez MC,
  Mehrnezhad A, Razaviarab N, Barbosa-Silva TG, Heymsfield SB (2021). Calf
  circumference: cutoff values from the NHANES 1999-2006. American Journal of
  Clinical Nutrition 113(6):1679-1687. doi:10.1093/ajcn/nqab029 (cut-offs of
  34 and 32 cm for low muscle mass in men, one and two SD below the reference
  mean); Erdogan T et al. (2022), European Journal of Geriatric Gerontology
  4(2):103-107, doi:10.4274/ejgg.galenos.2022.2022-2-2 (young adults of
  normal BMI: men 35.5 +/- 2.1 cm). The generated calf is about 37 cm at its
  widest, a muscular adult of the model's 1.70 m and 75 kg; the knee about
  37 cm, the leg about 24.6 cm just above the malleoli (issue 11 of this
  project asks 21 to 25 cm there).
- The knee's sides: in the extended knee the iliotibial tract and, behind
  it, the biceps femoris tendon run down over the lateral side to the tibia
  and the fibular head (Rawling LB, Landmarks and Surface Markings of the
  Human Body, H. K. Lewis, the region of the knee). The joint line is hard to
  make out at the sides and is best found from the front, beside the
  patellar ligament, the grooves there deepening with the knee bent (Davis
  GG, Applied Anatomy: The Construction of the Human Body, region of the
  knee, chestofbooks.com/health/anatomy/Human-Body-Construction); bent, the
  condyles also part from the tibia and stand out (MacEwen JAC, Surgical
  Anatomy, the knee). So the outline has no waist there.
- The ankle: over the tendons and malleoli the skin and subcutaneous tissue
  are thin (the tendons of tibialis anterior, the calcaneal tendon and both
  malleoli stand out under the skin: Gray's Anatomy 42nd ed., surface
  anatomy of the ankle; Moore, above, ch. 5, surface anatomy of the leg), so
  the skin wraps them by 1.5 mm instead of the calf's 3 mm; the fat fills
  between them, so from 66 to 103% of the way down the outline is convex at
  each level (a tape lies on it everywhere). Higher, from 46 to 66%, the back
  of the calf alone is made convex: there the plantaris tendon runs along
  the medial border of the calcaneal tendon, both under the crural fascia
  and the fat of the back of the calf, and the skin passes over them in one
  curve (Gray's Anatomy 42nd ed., ch. 83, plantaris; Moore, above, ch. 5).
  The fibularis longus tendon runs down inside the lateral compartment,
  which the crural fascia and the two intermuscular septa enclose (Moore,
  above, ch. 5): it is held under the fascia (fully from 56 to 89%).
  Lower, down to 10 mm above the sole, the back of the heel is made convex:
  the heel's fat pad fills round the calcaneal tuberosity, so seen from
  behind or from the side the heel is one rounded pad, not the calcaneus
  wrapped on its own (Campanelli V et al., J Anat 2011;219:622-31: in CT
  of nine feet the pad has flanges on its sides and behind, and a thick
  part over the back of the calcaneus and the calcaneal tendon's
  insertion). Below the malleoli the retinacula hold the tendons to the
  bones: medially the flexor retinaculum,
  from the medial malleolus to the calcaneus, roofs the tarsal tunnel over
  tibialis posterior, flexor digitorum longus, the posterior tibial vessels,
  the tibial nerve and flexor hallucis longus; laterally the superior
  fibular retinaculum, from the lateral malleolus to the calcaneus, holds
  the tendons of fibularis longus and brevis in their groove (Gray's
  Anatomy 42nd ed., ch. 83, ankle and foot; Moore, above, ch. 5). The skin
  passes over the retinacula, so it is not wrapped round each tendon there
  (a solid leg: no tunnel between the tendons and the calcaneus).
  Bimalleolar breadth of adults 65 to 80 mm (the range issue 11 of this project gives), measured as the
  anthropometric surveys take it (Gordon CC et al. (2014), 2012
  Anthropometric Survey of U.S. Army Personnel (ANSUR II), "bimalleolar
  breadth": a caliper across the most medial point of the medial malleolus
  and the most lateral point of the lateral malleolus).
- The anterior compartment: the deep fascia in front, the interosseous
  membrane behind, the tibia medially and the fibula with the anterior
  intermuscular septum laterally; tibialis anterior arises from the upper
  half of the tibia's lateral surface and the membrane and is the muscle mass
  felt just lateral to the crest, extensor digitorum longus lies lateral to
  it on the fibula (Gray's Anatomy 41st ed., ch. 84; Moore KL, Dalley AF,
  Agur AMR, Clinically Oriented Anatomy, 7th ed., table of the anterior leg
  muscles, as summarised in Wikipedia, "Anterior compartment of leg"). So
  tibialis anterior is kept in front of a membrane plane between the two
  bones' interosseous borders, and over the upper two thirds the fascia
  bulges up to 3 mm anterolaterally, lateral to tibialis anterior's most
  anterior part and in front of the fibula (the shallow curve lateral to the
  shin), where the two bellies need the room for their volumes.
  Tibialis anterior's belly gives way to its tendon low in the leg; the
  sources put the change at different heights: at the level of the lower
  tibia (Kenhub, "Anterior muscles of the leg"), in the lower third
  (DocPods, "Tibialis anterior anatomy") or just above the ankle
  (Innerbody, "Tibialis anterior muscle"). Extensor hallucis longus lies
  between tibialis anterior and extensor digitorum longus (Kenhub, above;
  Anatomy Insight, "Anterior compartment of the leg"), deep to them above;
  the tibialis anterior tendon crosses the front and medial side of the
  ankle, the most medial of the extensor tendons (Wondrium Daily, "Muscles
  in the anterior compartment of the leg").
  So the generated belly narrows over its last 4 cm, at 57-65% of the way
  down, onto the front of its tendon, and extensor hallucis longus is kept
  behind the tendon's middle (all read 2026-12-04).
- The anterior compartment above the ankle: extensor hallucis longus
  arises from about the middle half of the fibula's anterior surface, medial
  to extensor digitorum longus's origin, and from the interosseous membrane;
  the anterior tibial vessels and the deep fibular nerve run between it and
  tibialis anterior, and its tendon crosses from their lateral to their
  medial side near the bend of the ankle (Gray's Anatomy, 20th ed., 1918,
  "Extensor hallucis longus", as reproduced by IMAIOS e-Anatomy and
  Wikipedia). Fibularis tertius is the lowest part of extensor digitorum
  longus, arising from the lower third of the fibula's anterior surface, the
  membrane and the septum it shares with fibularis brevis (Gray's, 1918,
  "Peronaeus tertius"), and its tendon lies lateral to the most lateral slip
  of extensor digitorum longus (QUT podiatry anatomy, "Peroneus tertius").
  So from 60 to 85% of the way down the generated atlas runs, from medial to
  lateral: tibialis anterior, the nerve in a slot kept clear back to the
  bone, extensor hallucis longus, extensor digitorum longus, and fibularis
  tertius behind it against the fibula; extensor hallucis longus reaches up
  to 37% between the other two, in front of the fibula (all read
  2026-12-05). Extensor digitorum longus arises from the upper three
  quarters of the fibula's anterior surface (Gray's, 1918, "Extensor
  digitorum longus", as reproduced by Wikipedia), and with fibularis tertius
  it takes that whole surface down to about an inch above the malleolus
  except its middle half, next to the interosseous line, where extensor
  hallucis longus arises (J. E. Frazer, The Anatomy of the Human Skeleton,
  "Peronei", as reproduced by bookdome.com; read 2026-12-05). So above the
  ankle its fleshy fibres still reach its tendon beside extensor hallucis
  longus: from 66 to 84% its cut is 0.7-1.2 cm2, a third to two
  thirds of the hallucis's, where it had been a dot of 0.3 cm2 at 76-82%.
- Behind the medial border of the tibia: the great saphenous vein climbs
  the medial side of the leg with the saphenous nerve (Gray's Anatomy, 20th
  ed., 1918, "The Veins of the Lower Extremity"), behind the medial border
  of the upper tibia (Project Anatomy, oganatomy.org, ch. 10, "The leg and
  dorsum of the foot"), in the subcutaneous fat; the border itself can be
  felt under the skin. So the outline there follows the border and then the
  medial edge of the soleus (from 45% of the way down, of flexor digitorum
  longus) instead of running straight from the crest to the calf: a corner
  of 20 to 33 degrees, 1 mm clear of the muscles.
- Popliteus down to the soleal line: the muscle's tibial attachment is the
  part of the bone's back above the soleal line, over its medial two thirds
  (Gray's Anatomy, 20th ed., 1918, "The Muscles and Fasciae of the Leg";
  Radiopaedia, "Popliteus muscle", revised 23 March 2023); in this atlas
  that line meets the medial border 34% of the way down. The generated belly
  ends in a strip on the back of the tibia, between the medial border and
  tibialis posterior, down to 30% (before, it stopped at 21% and fat filled
  its place at 25%). Medially it reaches the bone's medial border and at
  most about 5 mm past it (before, 10 to 17.5 mm past it at 13-20%). The
  tibial nerve crosses the back of popliteus in the
  popliteal fossa, passes under the soleus's tendinous arch at the muscle's
  lower border with the posterior tibial vessels, and runs on down on the
  deep muscles, tibialis posterior first, covered by the soleus (Gray's,
  above). A channel about 7 mm across along that course is kept clear of the
  soleus for the nerve and the vessels (not modelled): at 25% the nerve lies
  behind the lateral edge of popliteus's strip and the medial edge of
  tibialis posterior.
- Calcaneal tendon: Szaro P, Ghali Gataa K (2021). The correlations between
  dimensions of the normal tendon and tendinopathy changed Achilles tendon in
  routine magnetic resonance imaging. Scientific Reports 11:6131.
  doi:10.1038/s41598-021-85604-9 (normal tendons: midportion 4.9 +/- 0.5 mm
  thick and 14.7 +/- 1.8 mm wide, insertion 25.7 +/- 3.0 mm wide); Mohammed
  MH et al. (2023). International Journal of Biomedicine 13(1):95-100.
  doi:10.21103/Article13(1)_OA12 (ultrasound, 2 to 3 cm above the
  insertion 4.6 mm thick and 12.2 mm wide, 21.9 mm wide at the insertion).
  The generated tendon is about 5.6 mm thick and 15 mm wide 4 to 6 cm above
  the insertion and about 25 mm wide at the calcaneus. Soleus and
  gastrocnemius share the tendon: the soleus's fibres end on a tendinous
  sheet over its own back, which lower down fuses with the gastrocnemius's
  tendon (Gray's Anatomy, 20th ed., 1918, above). So the top of the
  generated tendon is a plate against the soleus's back, with no soleus
  behind it. The gastrocnemius's fibres end on a broad aponeurosis on the
  muscle's deep (front) surface, which narrows downwards and joins the
  soleus's sheet; Gray's 1918 has the common tendon begin near the middle
  of the leg and the medial head's fleshy part reach lower than the
  lateral's. The generated plate therefore runs on up between the heads and
  the soleus to about 46% of the way down, beside the lateral head's end,
  so from behind the tendon comes out from under the medial head rather
  than starting below it.
- Gastrocnemius heads as flat sheets: May S, Locke S, Kingsley M (2021).
  Reliability of ultrasonographic measurement of muscle architecture of the
  gastrocnemius medialis and gastrocnemius lateralis. PLoS ONE 16(9):e0258014.
  doi:10.1371/journal.pone.0258014 (87 young adults: each head 13 to 17 mm
  thick at its belly). The generated heads are at most 25 mm thick and more
  than twice as wide as thick; the medial head's belly ends a little more
  than half way down the leg, the lateral head's about 5 cm higher (Gray's
  Anatomy, above). The fleshy fibres of the two heads end on the back of
  the common aponeurosis in two curves convex downwards, the medial one
  reaching lower (an older descriptive text reproduced without its author
  on casite-701107.cloudaccess.net, "Gastrocnemius muscle", read
  2026-12-04; Gray's 1918 says only that the medial head's fibres extend
  lower and that the fibres of the two heads meet at an angle in a midline
  raphe, so the two sources differ in how they word the lower border). The
  generated medial head's lower border is such a curve, lowest near the
  middle of the head (z 55 mm; it spans 33-84.5 mm) and about 14 mm higher
  at the midline; where exactly the lowest point lies is the model's
  choice.
  Above, the two heads arise by short strong tendons, the medial head's
  from the back of the femur above the medial condyle, the lateral's from
  the outer side of the lateral condyle and the femur just above it (the
  same older text, read 2026-12-05; KinX Learning, "Gastrocnemius": each
  head by a separate tendon from the condyles). So each generated head
  narrows onto the bone above its condyle instead of ending in a free
  face behind it.
- Soleus thickest low: below the gastrocnemius bellies the soleus makes the
  breadth of the lower calf and is seen on both sides of the upper calcaneal
  tendon (Gray's Anatomy and Moore, above). The generated soleus is drawn
  thickest at 63 to 72% of the way down, and where its width meets the
  fascia it thickens forward, towards the deep muscles, keeping its back
  face on the fascia. It is drawn thinner at 48% of the way down, where the
  medial head of gastrocnemius still covers it, and broader at 54%, just
  below the heads' ends, so that its largest section lies at 51-52%.
- Gastrocnemius on the soleus: the soleus lies immediately in front of the
  gastrocnemius, and the plantaris tendon crosses obliquely between the two
  (Gray's Anatomy, 20th ed., 1918, "The Muscles and Fasciae of the
  Leg"). The
  generated soleus's back is drawn to the heads' front faces from a quarter
  to two-fifths of the way down, so no band of fat separates them in
  section.
- Just above the malleoli: the calcaneal tendon is the most posterior
  structure, separated from flexor hallucis longus by the fat of Kager's
  triangle (Theobald P, Bydder G, Dent C, Nokes L, Pugh N, Benjamin M
  (2006). The functional anatomy of Kager's fat pad in relation to
  retrocalcaneal problems and other hindfoot disorders. Journal of Anatomy
  208(1):91-97. doi:10.1111/j.1469-7580.2006.00510.x); the tendon runs
  within the designed outline there, under the skin, not outside it.
- Muscle volumes: the soleus is sized to 18% over the published volume, the
  gastrocnemius heads, tibialis anterior and extensor digitorum longus to
  15%, flexor digitorum longus to 8% and the others, popliteus among
  them, to 10% (all inside their 20% tolerance), so that they fill their
  compartments; the sizing follows each muscle's
  measured growth until it reaches its aim or its compartment's walls.

)md";
}

} // namespace crus::atlas
