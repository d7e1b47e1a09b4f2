#include "atlas/generator.hpp"
#include "atlas/sources_outline.hpp"

namespace crus::atlas {

std::string sources_markdown() {
  return R"md(# Sources of the generated atlas

Every file in this folder is written by `crus atlas build` from the code in
`src/atlas/`; nothing here is copied, converted or decimated from another
atlas or model. The generator draws on these published figures.

## Frame, joint centres and muscle paths
- Rajagopal A, Dembia CL, DeMers MS, Delp DD, Hicks JL, Delp SL (2016).
  Full-body musculoskeletal model for muscle-driven simulation of human gait.
  IEEE Transactions on Biomedical Engineering 63(10):2068-2079.
  doi:10.1109/TBME.2016.2586891. Model file `Rajagopal2016.osim` as distributed
  in opensim-org/opensim-models.
  - Used: the ground frame of the default pose (metres, +X anterior, +Y
    superior, +Z lateral for the right leg); the knee (walker_knee_r), ankle,
    subtalar and metatarsophalangeal joint centres; the path points (origin,
    via and insertion points) of gastrocnemius (both heads), soleus, tibialis
    anterior and posterior, fibularis longus and brevis, extensor digitorum and
    hallucis longus, flexor digitorum and hallucis longus. These numbers are
    typed into `src/atlas/reference_data.cpp`.
  - The sizes of the generated bones (lengths, widths at a few levels, the
    placement of condyles and malleoli) were tuned until their orthographic
    silhouettes overlapped those of the model's bones; the bone surfaces
    themselves are built from primitives in `src/atlas/bones.cpp`.

## Muscle volumes (adult of about 1.70 m and 75 kg)
- Handsfield GG, Meyer CH, Hart JM, Abel MF, Blemker SS (2014). Relationships
  of 35 lower limb muscles to height and body mass quantified using MRI.
  Journal of Biomechanics 47(3):631-638. doi:10.1016/j.jbiomech.2013.12.002.
  MRI of 24 young adults: each muscle's share of the total lower-limb muscle
  volume, and the total as a regression on height x body mass.
- Rajagopal et al. 2016 (above) applied those shares and that regression to
  their generic 1.70 m, 75 kg adult (total about 7,315 cm3) and set each
  muscle's maximum isometric force to volume x 60 N/cm2 / optimal fibre
  length. The volumes used here are therefore force x optimal fibre length /
  60 N/cm2 from the model's parameters: soleus 454.3 cm3, gastrocnemius
  medial head 264.8, lateral head 154.4, tibialis anterior 139.7, tibialis
  posterior 109.0, extensor digitorum longus 69.7, extensor hallucis longus
  35.6, flexor digitorum longus 31.5, flexor hallucis longus 79.7, fibularis
  longus 94.4, fibularis brevis 39.4. Popliteus is not in the model: 24 cm3
  is its Handsfield share (about 0.33 %, derived from the paper's published
  regression and share tables, not read from its table of means) of the
  model's total of 7,315 cm3.
- Where sources differ:
  - Handsfield reports extensor digitorum and hallucis longus as one group
    (about 98 cm3 at the cohort mean), and fibularis longus and brevis as
    one group (about 124 cm3). The split between the two members of each
    group (EDL 66 % / EHL 34 %, longus 70 % / brevis 30 %) is the model's,
    from older cadaver data, not an MRI measurement.
  - The Handsfield cohort means themselves run about 8 % below the model's
    values (a smaller average body: soleus about 421 cm3, tibialis anterior
    130, flexor hallucis longus 74).
  - Fukunaga T, Roy RR, Shellock FG, Hodgson JA, Day MK, Lee PL, Kwong-Fu H,
    Edgerton VR (1992). Physiological cross-sectional area of human leg
    muscles based on magnetic resonance imaging. Journal of Orthopaedic
    Research 10(6):926-934. Mean volumes of 12 adults: soleus 489 cm3,
    gastrocnemius medial head 245 cm3, lateral head 140 cm3. The model's
    values above lie within 11 % of these (soleus -7 %, medial head +8 %,
    lateral head +10 %).
- Each muscle belly is scaled by the generator until its meshed volume matches
  its published value; `tests/atlas/` checks the result within 20 %.

## Shapes, routes and attachments
- Standring S (ed.) (2016). Gray's Anatomy: The Anatomical Basis of Clinical
  Practice, 41st edition. Elsevier. Chapters on the knee, leg, ankle and foot:
  bone features (condyles, epicondyles, supracondylar lines, intercondylar
  fossa, tibial tuberosity, soleal line, malleoli, sustentaculum tali,
  fibular trochlea, tuberosity of the fifth metatarsal), muscle origins and
  insertions, tendon routes (fibularis longus and brevis behind the lateral
  malleolus, longus in the groove of the cuboid and across the sole), nerve
  courses (common fibular nerve round the fibular neck, tibial nerve behind
  the medial malleolus, sural nerve beside the calcaneal tendon).
- Fibularis longus over brevis: brevis lies under cover of longus and
  arises from the fibula medial to it (Gray's Anatomy, 20th ed., 1918,
  "Peronaeus brevis", bartleby.com page 487), and in the lower half of the
  leg the longus tendon runs on the lateral, superficial surface of brevis
  under the deep fascia (Gray's Anatomy 41st ed., ch. 84). So from 53 to 70%
  of the way down brevis keeps medial to the tendon, and down to 86% its
  groove for the tendon stays open posterolaterally, towards the fascia.
  Sources differ on the last few centimetres above the malleolus: the QUT
  podiatry anatomy pages ("Peroneal tendons") feel the brevis belly behind
  the longus tendon there, where the atlas has it in front and medial, as
  Gray's draws the two tendons at the malleolus (brevis in front). All read
  2026-12-06.
- The plantaris tendon crosses obliquely from lateral to medial between
  gastrocnemius and soleus (Gray's Anatomy, 20th ed., 1918, "Plantaris";
  read 2026-12-06). In the atlas it lies on the soleus, deep to the medial
  head of gastrocnemius, in a groove of the head's deep face that stays
  open towards the soleus from 20% of the way down (docs/ATLAS-
  MEASUREMENTS.md, "The plantaris tendon and the medial head"). Below the
  head it runs on the soleus's back to the calcaneal tendon's medial
  border, in a groove of the soleus whose mouth faces backwards and
  medially, not in a notch with a lip of soleus behind it (52-85% of the
  way down before); from 86% down, where the soleus's lowest fibres keep
  lateral of it, beside the soleus's medial edge.
- The lower end of the tibia: on its lateral surface a triangular rough
  hollow takes the inferior interosseous ligament, which binds the fibula
  to it (Gray's Anatomy, 20th ed., 1918, "The Tibia"; later texts call it
  the fibular notch). How near the fibula lies: on anteroposterior
  radiographs of normal ankles the tibiofibular clear space 1 cm above the
  plafond is under about 6 mm (Harper MC, Keller TS (1989), Foot & Ankle
  10(3):156-160, 12 cadaver legs), 4.6 mm on average and at most 8 mm
  (Shah AS et al. (2012), Foot & Ankle International 33(10):870-876, 392
  patients). The atlas's tibia has a lobe on its lateral face from 88 to
  96% of the way down; measured as such a film sees it, the clear space is
  2.9 mm (8.8 mm before). The hollow itself is not modelled (the lobe's
  face is convex). Read 2026-12-06.
- The femoral epicondyles: on the outer side of each condyle rises an
  epicondyle; the medial one is big and rounded, and the tibial collateral
  ligament is fixed to it, while the lateral one is the smaller and stands
  out less (Gray's Anatomy, 20th ed., 1918, "The Femur", read 2026-12-05).
  So the generated medial epicondyle is a broad dome about 4 mm proud of
  the condyle's side, merging with its rim, and the lateral a lower one,
  about 2.5 mm (docs/ATLAS-MEASUREMENTS.md).
- Nerve planes, used to route the trunks between the generated muscles
  (src/atlas/nerve_route.cpp; tests/app/section_anatomy_test.cpp checks that
  no trunk's cut lies inside a bone, muscle or tendon at 25-85 %): the tibial
  nerve descends deep to soleus, on tibialis posterior and then between
  flexor digitorum longus and flexor hallucis longus; the deep fibular nerve
  lies on the anterior surface of the interosseous membrane between
  tibialis anterior and the long extensors, with the anterior tibial
  vessels, and a channel along that course (31 to 60% of the way down) is
  cut from those three muscles, the vessels' place left as fat; the
  superficial fibular nerve
  runs between the fibular muscles and extensor digitorum longus before it
  pierces the deep fascia in the distal third; the common fibular nerve
  winds round the neck of the fibula deep to fibularis longus, against the
  bone, and a channel along that course is cut from the muscle (Gray's
  Anatomy, above; Moore, Clinically Oriented Anatomy, ch. 5;
  O'Rahilly R, Basic Human Anatomy, ch. 16, figs 16-1 and 16-5,
  www.dartmouth.edu/~humananatomy). Each trunk is drawn through its plane and
  a station that falls inside a generated muscle moves, within its
  cross-section and at most 6-20 mm depending on the nerve, to the nearest
  place with room.
- The tibial nerve at the ankle: the flexor retinaculum (laciniate
  ligament) makes four canals; from the medial side they hold the tendons of
  tibialis posterior and flexor digitorum longus, then the posterior tibial
  vessels and the tibial nerve in a broad space, then flexor hallucis
  longus in a canal partly formed by the talus; the nerve divides under the
  retinaculum into the medial and lateral plantar nerves (Gray's Anatomy,
  20th ed., 1918, p. 489; Acland's Video Atlas: the nerve just behind the
  artery beneath the retinaculum; read 2026-12-05). The generated trunk runs
  behind flexor digitorum longus, between the two tendons, at 92 to 98%.
- The sides of the midfoot: abductor hallucis lies along the medial border
  of the foot, from the medial process of the calcaneal tuberosity to the
  base of the great toe's proximal phalanx, and makes the soft bulge of the
  medial margin; extensor digitorum brevis arises from the upper and lateral
  surfaces of the calcaneus, in front of the lateral malleolus, and spreads
  over the dorsum (Gray's Anatomy, 20th ed., 1918, "The Muscles and Fasciae
  of the Foot"; Elsevier Complete Anatomy, "Abductor hallucis", after
  Standring 2016; read 2026-12-05). The atlas does not model either muscle,
  so the skin's convex outline of the ankle is carried down to 32 mm above
  the sole (src/atlas/nerves.cpp), where these muscles and the fat fill
  between the tarsal bones and tendons that the skin otherwise wrapped one
  by one.
- The common fibular nerve at the knee: it follows the medial side of the
  biceps femoris tendon down the lateral edge of the popliteal fossa and, at
  the level of the joint, lies between that tendon and the lateral head of
  gastrocnemius, on the head's lateral side, before it reaches the fibular
  neck (Gray's Anatomy, 20th ed., 1918, "The Sacral and Coccygeal Nerves",
  common peroneal nerve, read 2026-12-05). So the generated lateral head
  keeps medial of the nerve from 4% above the joint line to 2% below it
  (a border in src/atlas/muscle_recipes.cpp), and the nerve passes behind
  the head above the line and beside it at the line, through the fat where
  the biceps tendon, not modelled, would run (docs/ATLAS-MEASUREMENTS.md,
  "The common fibular nerve out of the lateral head's tunnel").
- Cutaneous nerves in the subcutaneous layer (src/atlas/nerves.cpp;
  tests/atlas/subcutaneous_test.cpp): the sural nerve descends between the
  heads of gastrocnemius under the deep fascia and becomes subcutaneous
  about halfway down the leg, then runs beside the lateral border of the
  calcaneal tendon with the small saphenous vein (Gray's Anatomy, above;
  QUT Podiatry Anatomy, "Sural nerve", podiatry-anatomy-app.qut.edu.au).
  Disagreement: some clinical accounts put the piercing between the middle
  and lower thirds of the calf (Coert JH, Dellon AL, in "Sural nerve
  syndrome", Taylor & Francis); the atlas uses halfway. The superficial
  fibular nerve pierces the deep fascia at the junction of the upper two
  thirds and lower third of the leg, about 12 cm above the ankle joint
  (Garrett A, Geiger Z, StatPearls, "Superficial Peroneal Nerve"); reported
  heights vary, 5 to 9 cm above the intermalleolar line in one series
  (IMAIOS e-Anatomy). Below these points each nerve lies between the fascia
  and the skin, flattened to the layer, and the skin is not raised over it.
- The plantaris belly lies deep to the lateral head of gastrocnemius,
  lateral to the tibial nerve, and its tendon stays lateral to the nerve
  until the nerve has passed forwards under the soleus's tendinous arch;
  then the tendon crosses obliquely between the soleus and the medial
  head of gastrocnemius to the medial border of the calcaneal tendon
  (Gray's Anatomy, above, and its 20th ed., 1918, "The Muscles and Fasciæ
  of the Leg": the plantaris between gastrocnemius and soleus, the
  popliteal vessels and tibial nerve running in front of the soleus's
  tendinous arch; SUNY Downstate, Laboratory 15, The Leg: the plantaris
  arising just above and medial to the lateral head; Olewnik L et al.,
  Surg Radiol Anat 2017;39:69-75; that its belly lies lateral to the
  nerve in the fossa is read from these and kept as the model's course),
  so in the upper calf it lies on the back of the soleus, not in a groove
  of it. From 39% of the way down it is held inside the crural fascia: to
  89% like the tibial nerve, then on towards its insertion (fully to 95%,
  fading out 13 mm above it) beside the calcaneal tendon, which shares its
  compartment under the fascia (the superficial posterior compartment;
  Moore, above, ch. 5). Left outside below 89%, it lay 1.6 mm under the
  skin, which wrapped it in a cord and a knob medial to the heel. Held, it
  ends anteromedial to the calcaneal tendon, the less common course
  (Olewnik's variant B, above); most run along the tendon's medial border
  (variant A). The tibial nerve in the lower third runs between the
  soleus and the deep flexors, covered only by the fascia and the skin
  (Gray's Anatomy, above; Moore, above, ch. 5): where the soleus fills the
  compartment up to the fascia, the soleus gives way to the tendon at its
  posteromedial edge, and the muscles to the nerve. The tendons
  of the pennate muscles of the leg begin inside the lower half of their
  bellies, the fibres inserting on them obliquely (Gray's Anatomy, above):
  each first tendon runs up its belly's path to the belly's middle.
- Nerve branches between the muscles (src/atlas/nerves.cpp; the test
  SectionAnatomy.EveryNerveCutLiesBetweenMusclesExceptWhereABranchEntersItsOwn
  cuts every 1% from 5% above the knee to 95% down): the muscular branches
  of the tibial nerve arise in the popliteal fossa (both heads of
  gastrocnemius, plantaris, soleus, popliteus, the last winding round the
  lower border of popliteus to its deep surface) and in the leg (soleus
  again, tibialis posterior, flexor digitorum longus, flexor hallucis
  longus); the deep fibular nerve supplies tibialis anterior, the long
  extensors and fibularis tertius from its course on the interosseous
  membrane; the superficial fibular nerve supplies fibularis longus and
  brevis, running down between them and extensor digitorum longus (which the
  deep fibular nerve supplies, not the superficial); the lateral sural
  cutaneous nerve leaves the common fibular nerve in the popliteal fossa and
  runs over the lateral head of gastrocnemius (Standring S (ed.), Gray's
  Anatomy, 42nd ed., Elsevier 2021, chs. on the knee and the leg; Moore KL,
  Dalley AF, Agur AMR, Clinically Oriented Anatomy, 8th ed., Wolters Kluwer
  2018, ch. 5, tables of the nerves of the leg). Each branch is routed like
  a trunk, around every bone, muscle and tendon but the muscle it supplies,
  from the trunk it leaves to where it enters its muscle.
- Netter FH (2018). Atlas of Human Anatomy, 7th edition. Elsevier. Plates of
  the leg and foot, for the shapes and relations of the structures.

## Attachment patches and motor branches (checked by tests/atlas/attachment_test.cpp and innervation_test.cpp)
- Attachment patches follow the words of assets/knowledge/muscles.json (Gray's
  Anatomy, above; Moore KL, Clinically Oriented Anatomy, 8th edition, 2018).
  An attachment on several bones is one site per bone, so each patch names
  the bone it lies on: the soleus arises from the back of the fibular head
  and the upper third of the fibula's posterior surface, and from the soleal
  line and the middle third of the tibia's medial border; tibialis posterior
  and extensor digitorum longus from tibia and fibula; the long flexor and
  extensor of the toes insert on four toes; tibialis anterior and fibularis
  longus on the medial cuneiform and the first metatarsal. Heights in the
  text ("upper third", "lower two thirds") are read along each bone's
  generated length. Disagreement: the Rajagopal 2016 origin points (above)
  of the long muscles (fibularis longus and brevis, the long extensors,
  flexor hallucis longus) lie 12 to 19 mm from the areas the words give,
  on the muscles' lines of action; the patches follow the words, and the
  model's points stay within 20 mm of them.
- The soleus's two origins and its tendinous arch: between the fibular and
  the tibial origins more fibres arise from a tendinous arch, and the
  popliteal vessels and the tibial nerve pass in front of it (Gray's
  Anatomy, 20th ed., 1918, p. 483; IMAIOS e-Anatomy, "Tendinous arch of
  soleus muscle", citing Kimura N et al., Clinical Anatomy 34(7):991-1001,
  2021; read 2026-12-06). A cut just below the muscle's top therefore shows
  it in two pieces, the tibial part medial to the nerve and the fibular part
  lateral to it (18-19% of the way down in this atlas), and one muscle below
  the arch (tests/app/section_outline_test.cpp). Not yet as in a leg: the
  generated tibial part begins about 1% higher than the fibular part, where
  the fibular head's origin is the muscle's highest point.
- Motor branches: the muscular branches of the tibial nerve to both heads of
  gastrocnemius, plantaris, the upper soleus and popliteus arise in the
  popliteal fossa between the heads of gastrocnemius; the heads are entered
  on their deep surface in their upper part; the popliteus branch turns
  round the lower border of the muscle to its deep surface; a second soleus
  branch arises in the leg and enters its deep surface, beside the branches
  to tibialis posterior, flexor digitorum longus and flexor hallucis longus
  (Gray's Anatomy, above, and its 20th edition of 1918, "The tibial nerve").
  In 62 dissected limbs the branch to the medial head always left the
  posteromedial side of the tibial nerve and the lateral head and soleus
  shared a common trunk (Ishii T et al. A novel categorization of the
  muscular branches of the tibial nerve within the popliteal fossa. Ann Anat
  2023;245:151997). Disagreement: other dissection series find the medial
  head supplied by two branches in about one limb in six and a shared
  lateral-head and soleus trunk in only one in ten; the atlas draws one
  branch per head and separate branches. The deep fibular nerve supplies
  tibialis anterior, the long extensors and fibularis tertius, the
  superficial fibular nerve fibularis longus and, lower, brevis (Gray's
  Anatomy, above). Tibialis anterior has a proximal and a distal motor
  point in the upper half of the muscle, found by surface stimulation in 53
  subjects (Botter A et al. Atlas of the muscle motor points for the lower
  limb. Eur J Appl Physiol 2011;111:2461-2471), drawn here as two branches;
  motor points are mapped on the skin, so they place the entry only
  roughly. Each branch's end is moved 3 mm inside its generated muscle.
- Sural nerve: it runs down between the heads of gastrocnemius and, in the
  lower third of the leg, beside the lateral border of the calcaneal tendon
  before passing behind the lateral malleolus (Gray's Anatomy, above); it
  is routed between the generated muscles like the trunks.

## Bone proportions (checked by tests/atlas/bone_shape_test.cpp)
- Tibial shaft: triangular in section, with anterior (the subcutaneous
  crest), medial and interosseous borders bounding the medial, lateral and
  posterior surfaces (Gray's Anatomy, above). The generated shaft is a
  rounded triangle at every level (4piA/P^2 about 0.77-0.80; a circle's is 1).
- Talus length (posterior process to head): 56.5 +/- 3.3 mm in men and
  53.6 +/- 2.4 mm in women in 88 cadaveric tali (The measurement of normal
  talus in Korean cadaver. J Korean Foot Ankle Soc 2016;20(4):163-169); by 3D
  CT 60.9 +/- 2.8 mm in men and 54.4 +/- 2.5 mm in women (Liu Y et al.
  J Jilin Univ Med Ed 2020;46(1):102-107). The generated talus is about 55 mm.
- Talus shape (Gray's Anatomy and Moore, above; src/atlas/tarsus.cpp,
  checked by tests/atlas/tarsus_shape_test.cpp): a body carrying the
  trochlea above, which the tibia and both malleoli clasp: convex from front
  to back, a little hollowed from side to side and wider in front than
  behind; on its lateral side a triangular facet for the lateral malleolus
  whose apex is the lateral process, on its medial side a comma-shaped facet
  under the trochlea's medial edge; behind, a posterior process of lateral
  and medial tubercles with the groove for flexor hallucis longus between
  them; a neck, narrower than body and head, running forwards, medially and
  downwards; an oval, convex head facing forwards into the navicular's
  concavity; underneath, the concave posterior calcaneal facet, the sulcus
  tali (the roof of the sinus tarsi) in front of it, and the middle facet
  over the sustentaculum tali.
- Trochlear width: in 160 dry tali the trochlear surface was 31.0 +/- 2.5 mm
  broad in front, 28.2 +/- 2.6 mm in the middle and 21.4 +/- 2.1 mm behind
  (Morphometry of talar trochlear surface and its correlation. National
  Journal of Clinical Anatomy, January 2018); seen from above it is a
  trapezium whose sides meet at about 12 to 16 degrees (The trapezoid form
  of the trochlea tali; CT of 198 tali: Daud R et al. J Foot Ankle Surg
  2013;52(4):426-431). The generated trochlea keeps the mortise's width in
  front (the tibia and malleoli are carved to the front's surface of
  revolution) and narrows backwards: its medial edge from 5 mm in front of
  the ankle axis (0.12 mm per millimetre), its lateral edge from 2 mm behind
  it (0.10 mm per millimetre), so the lateral malleolar facet still meets
  the fibula at rest: about 3 mm narrower at its back edge than at its front
  by these tapers alone. Where sources differ from the model: less than the
  7 to 10 mm measured on dry bones.
- Calcaneus shape (Gray's Anatomy and Moore, above; src/atlas/tarsus.cpp):
  the tuber behind, with its medial and lateral processes below; the
  sustentaculum tali projecting medially under the talar neck and head,
  carrying the middle talar facet; the convex posterior talar facet under
  the talar body; on the broad, nearly flat lateral surface the fibular
  (peroneal) trochlea, below and in front of the lateral malleolus's tip; the
  anterior process lower than the posterior facet, ending in front at the
  facet for the cuboid. The lateral surface stays medial to where the
  lateral malleolus passes in full dorsiflexion with eversion, so the range
  clearance below cuts at most about 3 mm into it (it cut a 9 mm hollow into
  the earlier calcaneus); tests/atlas/tarsus_shape_test.cpp holds the
  lateral outline's deepest dip to 5 mm.
- Ankle and subtalar joints in motion (src/atlas/joint_range.cpp): the
  trochlea is close to a surface of revolution about the ankle's axis, which
  runs just below both malleolar tips (Barnett CH, Napier JR. The axis of
  rotation at the ankle joint in man; its influence upon the form of the
  talus and the mobility of the fibula. J Anat 1952;86(1):1-9; Inman VT. The
  Joints of the Ankle, 1976: a frustum of a cone with its apex medial). The
  generated trochlea is a cylinder about the Rajagopal model's ankle axis
  (above), so the tibia's distal surface and the malleoli, fitted to it with
  a joint space of 1.8 mm, stay congruent in every ankle position. Where
  sources differ: CT of 71 tali (BioMed Res Int 2019, 8634159) gives
  sagittal trochlear radii of 17 to 23 mm, different medially and laterally
  and in front and behind; the model's axis allows 14.5 mm here, and the
  medial apex of Inman's cone is left out. Where bones move past each other
  (the talar neck and posterior process at the tibia's margins in full dorsi-
  and plantarflexion; the calcaneus and cuboid below the lateral malleolus in
  eversion; the navicular and calcaneus against the talus), each leaves out
  what its partner sweeps through across the motion model's ranges, with
  0.8 mm to spare.
- Calcaneal pitch (calcaneal inclination angle): 20-30 degrees is the usual
  normal range, under about 18 degrees suggests a flat foot; published
  medians run 18-20.5 degrees with a wide normal spread (Radiopaedia,
  "Calcaneal inclination angle", revised 2024). The generated calcaneus
  rises at about 24 degrees.
- Metatarsals: the second is the longest and the first the shortest and
  widest (standardised radiographs of both feet of 60 healthy adults, first
  metatarsal 56.4 mm in men and 50.1 mm in women; 2017, PubMed Central
  PMC5713710). The generated second metatarsal is the longest.
- Joint spaces: thin articular cartilage in congruent joints such as the
  ankle, thicker in the knee (Shepherd DE, Seedhom BB. Thickness of human
  articular cartilage in joints of the lower limb. Ann Rheum Dis
  1999;58(1):27-34). The generated bones that articulate are cut apart along
  the surface halfway between them, leaving 1.6 mm in the tarsal and
  tarsometatarsal joints and 2.0-2.4 mm behind the patella and at the ankle.
  Where sources differ: this is less than the two cartilage layers of the
  ankle together; the bones here stand for bone and cartilage as one.

## Knee: condyles, plateau, patellar ligament, thigh cut (src/atlas/bones.cpp, ligaments.cpp)
Shapes checked by tests/atlas/knee_shape_test.cpp.
- Femoral condyles: each a flat-sided wheel whose sagittal outline is a tight
  curve behind running into a flatter one below and in front; the medial
  condyle narrower, its back end turned medially, the lateral broader and
  straight; parted behind and below by the intercondylar fossa (notch) and
  joined in front by the patellar surface, whose lateral facet stands
  further forward than the medial with the trochlear groove between (Gray's
  Anatomy, 42nd ed., knee chapter; Moore KL, Dalley AF, Agur AMR. Clinically
  Oriented Anatomy, 8th ed., 2018, ch. 5). Notch width: The femoral
  intercondylar notch during life: an anatomic redefinition with patterns
  predisposing to cruciate ligament impingement. AJR Am J Roentgenol
  2016;207(4):836-845. doi:10.2214/AJR.16.16015 (MRI of 329 patients: about
  19 +/- 3 mm in adults). The generated notch is 17 to 23 mm wide, wider
  behind. Trochlear groove depth: Pfirrmann CWA et al. (2000), Radiology
  216(3):858-864 (a groove under 3 mm deep marks trochlear dysplasia); the
  generated groove lies at least 3 mm behind both facets.
- Tibial plateau: the medial condyle's articular surface oval, concave and
  the larger; the lateral's smaller, nearly circular and flat; the
  intercondylar eminence between, with medial and lateral intercondylar
  tubercles, the areas in front of and behind it lower (Gray's Anatomy and
  Moore, above). Each femoral condyle stands over its tibial condyle, the
  medial condyle's lowest point over the medial dish (the weight-bearing
  contact of the extended knee; Moore, above). The femur stands 3 to 5 mm
  above the plateau, for the
  articular cartilage and the menisci, which the atlas does not show.
- Patellar ligament: from the apex and adjoining margins of the patella to
  the smooth upper part of the tibial tuberosity, a flat band about 5 cm
  long and a little over 2 cm wide, its deep surface separated from the
  joint by the infrapatellar fat pad and a bursa (Gray's Anatomy and Moore,
  above; Basso O, Johnson DP, Amis AA (2001). The anatomy of the patellar
  tendon. Knee Surg Sports Traumatol Arthrosc 9(1):2-5). Where sources
  differ: Gray's Anatomy of 1918 gives about 8 cm; modern texts about 5 cm.
  The generated band is about 25 mm wide at the patella, 20 mm at the
  tuberosity, 5 to 6 mm thick and about 6 cm from end to end along its
  obliquity; it lies on the tuberosity's front down to its centre.
- Thigh: the model ends in a transverse cut 9 cm above the knee joint centre
  (about 5 cm above the base of the patella), just above the division of the
  sciatic nerve at the apex of the popliteal fossa (Moore, above). Where it
  divides varies: Vloka JD, Hadzic A, April E, Thys DM (2001). The division
  of the sciatic nerve in the popliteal fossa: anatomical implications for
  popliteal nerve blockade. Anesthesia & Analgesia 92(1):215-217.
  doi:10.1097/00000539-200101000-00041 found it a mean 60.5 mm (0 to 115)
  above the popliteal crease in 28 cadaver legs; the model's lies about 7.5 cm
  above the knee joint centre. The skin is capped flat at the cut and its
  outline there is the designed one of the outline below, not a wrap around
  the femur and nerves. The thigh's own muscles (quadriceps tendon, vasti,
  hamstrings, sartorius, gracilis) are not modelled: between the base of the
  patella and the cut the section shows the femur and the nerves only.

)md" + sources_outline_markdown() +
         R"md(## Colours
Conventional anatomical-atlas colours: muscle red-brown, tendon pearly white
(a muscle's own tendons as vertex colours, blended at the junction),
bone ivory, ligament bluish white, nerve yellow, skin translucent.
)md";
}

} // namespace crus::atlas
