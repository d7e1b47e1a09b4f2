// Named bony landmarks and muscle attachment sites (Gray's Anatomy, 41st ed.;
// Netter), placed on the generated bones where the knowledge base's words put
// them; the Rajagopal 2016 origin and insertion points lie on or beside them
// (tests/atlas/anatomy_test.cpp).
#include "atlas/structures.hpp"

#include "core/error.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace crus::atlas {

const Field& field_of(const std::vector<StructureSpec>& specs, const std::string& id) {
  for (const auto& s : specs)
    if (s.id == id) return s.field;
  throw RuntimeError("atlas generator: no structure '" + id + "'");
}

glm::vec3 project_to_surface(const Field& f, glm::vec3 p) {
  for (int i = 0; i < 8; ++i) {
    const float d = f(p);
    if (std::abs(d) < 1e-5f) break;
    p -= d * unit_gradient(f, p);
  }
  return p;
}

std::vector<Landmark> build_landmarks(const std::vector<StructureSpec>& bones) {
  struct Raw {
    const char* id;
    const char* name;
    const char* bone;
    glm::vec3 near;
  };
  // Points near each landmark; each is projected onto its bone's surface.
  static const Raw raw[] = {
      {"medial_femoral_condyle", "Medial femoral condyle", "femur", {-0.060f, 0.440f, 0.046f}},
      {"lateral_femoral_condyle", "Lateral femoral condyle", "femur", {-0.060f, 0.440f, 0.106f}},
      {"medial_epicondyle", "Medial epicondyle of femur", "femur", {-0.052f, 0.465f, 0.030f}},
      {"lateral_epicondyle", "Lateral epicondyle of femur", "femur", {-0.052f, 0.462f, 0.122f}},
      {"adductor_tubercle", "Adductor tubercle", "femur", {-0.048f, 0.492f, 0.038f}},
      {"popliteal_surface", "Popliteal surface of femur", "femur", {-0.070f, 0.505f, 0.082f}},
      {"medial_supracondylar_line", "Medial supracondylar line", "femur", {-0.060f, 0.505f, 0.062f}},
      {"lateral_supracondylar_line", "Lateral supracondylar line", "femur", {-0.060f, 0.505f, 0.104f}},
      {"intercondylar_fossa", "Intercondylar fossa", "femur", {-0.072f, 0.445f, 0.076f}},
      {"femoral_patellar_surface", "Patellar surface of femur", "femur", {-0.010f, 0.462f, 0.077f}},
      {"patellar_apex", "Apex of patella", "patella", {-0.008f, 0.440f, 0.078f}},
      {"patellar_base", "Base of patella", "patella", {-0.010f, 0.500f, 0.079f}},
      {"medial_tibial_condyle", "Medial condyle of tibia", "tibia", {-0.058f, 0.420f, 0.045f}},
      {"lateral_tibial_condyle", "Lateral condyle of tibia", "tibia", {-0.058f, 0.420f, 0.116f}},
      {"tibial_tuberosity", "Tibial tuberosity", "tibia", {-0.020f, 0.392f, 0.083f}},
      {"gerdys_tubercle", "Gerdy's tubercle", "tibia", {-0.040f, 0.415f, 0.112f}},
      {"soleal_line", "Soleal line", "tibia", {-0.075f, 0.355f, 0.080f}},
      {"anterior_border_of_tibia", "Anterior border of tibia", "tibia", {-0.025f, 0.260f, 0.0815f}},
      {"medial_malleolus", "Medial malleolus", "tibia", {-0.057f, 0.072f, 0.040f}},
      {"intercondylar_eminence", "Intercondylar eminence", "tibia", {-0.059f, 0.450f, 0.0805f}},
      {"medial_surface_of_tibia", "Medial surface of tibia", "tibia", {-0.040f, 0.250f, 0.065f}},
      {"fibular_head", "Head of fibula", "fibula", {-0.061f, 0.380f, 0.128f}},
      {"fibular_neck", "Neck of fibula", "fibula", {-0.060f, 0.355f, 0.122f}},
      {"lateral_malleolus", "Lateral malleolus", "fibula", {-0.062f, 0.045f, 0.125f}},
      {"head_of_talus", "Head of talus", "talus", {-0.032f, 0.056f, 0.064f}},
      {"trochlea_of_talus", "Trochlea of talus", "talus", {-0.064f, 0.080f, 0.076f}},
      {"calcaneal_tuberosity", "Calcaneal tuberosity", "calcaneus", {-0.135f, 0.028f, 0.079f}},
      {"medial_process_of_calcaneal_tuberosity",
       "Medial process of calcaneal tuberosity",
       "calcaneus",
       {-0.108f, 0.000f, 0.060f}},
      {"lateral_process_of_calcaneal_tuberosity",
       "Lateral process of calcaneal tuberosity",
       "calcaneus",
       {-0.108f, 0.000f, 0.096f}},
      {"sustentaculum_tali", "Sustentaculum tali", "calcaneus", {-0.072f, 0.039f, 0.045f}},
      {"fibular_trochlea", "Fibular trochlea", "calcaneus", {-0.080f, 0.027f, 0.110f}},
      {"navicular_tuberosity", "Tuberosity of navicular", "navicular", {-0.033f, 0.036f, 0.042f}},
      {"groove_for_fibularis_longus", "Groove for fibularis longus (cuboid)", "cuboid", {-0.031f, 0.010f, 0.105f}},
      {"base_of_first_metatarsal", "Base of first metatarsal", "metatarsal_1", {-0.004f, 0.033f, 0.045f}},
      {"head_of_first_metatarsal", "Head of first metatarsal", "metatarsal_1", {0.070f, 0.016f, 0.058f}},
      {"fifth_metatarsal_tuberosity", "Tuberosity of fifth metatarsal", "metatarsal_5", {-0.042f, 0.026f, 0.128f}},
      {"head_of_fifth_metatarsal", "Head of fifth metatarsal", "metatarsal_5", {0.036f, 0.015f, 0.124f}},
      {"distal_phalanx_of_hallux", "Distal phalanx of hallux", "phalanges_1", {0.145f, 0.010f, 0.064f}},
  };
  std::vector<Landmark> out;
  for (const Raw& r : raw) out.push_back({r.id, r.name, r.bone, project_to_surface(field_of(bones, r.bone), r.near)});
  return out;
}

namespace {

struct RawPatch {
  glm::vec3 a, b;
  float radius;
  float lift; // axis raised off the surface (the capsule still cuts the bone)
};

// One bone's share of an attachment, in the words of the knowledge base.
struct RawPart {
  const char* bone;
  const char* description;
  std::vector<RawPatch> patches;
};

struct RawSite {
  const char* muscle;
  SiteRole role;
  std::vector<RawPart> parts;
};

// Heights on the leg bones, for reading the table: the generated tibia runs
// from y = 0.440 (plateau) to 0.064 (malleolus tip), the fibula from 0.399
// (apex of the head) to 0.029; "upper third of the fibula" is thus y 0.399
// to 0.276, "middle third of the tibia" y 0.314 to 0.189. The shafts are
// posterior at x < -0.058, the tibia's medial border at z ~ 0.071.
const std::vector<RawSite>& raw_sites() {
  using R = SiteRole;
  static const std::vector<RawSite> sites = {
      {"gastrocnemius_medial_head",
       R::origin,
       {{"femur",
         "Popliteal surface of the femur above the medial condyle, and the back of the medial condyle",
         {{{-0.052f, 0.492f, 0.053f}, {-0.058f, 0.474f, 0.058f}, 0.006f, 0.0f}}}}},
      {"gastrocnemius_medial_head",
       R::insertion,
       {{"calcaneus",
         "Middle of the posterior surface of the calcaneus, through the calcaneal tendon",
         {{{-0.116f, 0.046f, 0.076f}, {-0.118f, 0.036f, 0.080f}, 0.006f, 0.0f}}}}},
      {"gastrocnemius_lateral_head",
       R::origin,
       {{"femur",
         "Posterolateral surface of the lateral femoral condyle, above the popliteal groove",
         {{{-0.058f, 0.488f, 0.104f}, {-0.064f, 0.474f, 0.108f}, 0.005f, 0.0f}}}}},
      {"gastrocnemius_lateral_head",
       R::insertion,
       {{"calcaneus",
         "Middle of the posterior surface of the calcaneus, through the calcaneal tendon",
         {{{-0.116f, 0.046f, 0.078f}, {-0.118f, 0.036f, 0.082f}, 0.006f, 0.0f}}}}},
      // Soleus: the soleal line runs obliquely down and medially from below
      // the fibular facet to the medial border about a third of the way
      // down; the origin goes on along the middle third of that border
      // (Gray's 42nd ed.; Moore). On the fibula: the back of the head and the
      // upper third of the posterior surface.
      {"soleus",
       R::origin,
       {{"tibia",
         "Soleal line and the middle third of the medial border of the tibia",
         {{{-0.066f, 0.372f, 0.090f}, {-0.062f, 0.318f, 0.073f}, 0.004f, 0.0f},
          {{-0.060f, 0.318f, 0.072f}, {-0.059f, 0.190f, 0.072f}, 0.004f, 0.0f}}},
        {"fibula",
         "Back of the head and the upper third of the posterior surface of the fibula",
         {{{-0.070f, 0.388f, 0.110f}, {-0.066f, 0.280f, 0.104f}, 0.005f, 0.0f}}}}},
      {"soleus",
       R::insertion,
       {{"calcaneus",
         "Middle of the posterior surface of the calcaneus, through the calcaneal tendon",
         {{{-0.116f, 0.045f, 0.077f}, {-0.118f, 0.035f, 0.081f}, 0.006f, 0.0f}}}}},
      {"plantaris",
       R::origin,
       {{"femur",
         "Lateral supracondylar line of the femur, above the lateral head of gastrocnemius",
         {{{-0.060f, 0.505f, 0.100f}, {-0.062f, 0.494f, 0.102f}, 0.004f, 0.0f}}}}},
      {"plantaris",
       R::insertion,
       {{"calcaneus",
         "Posterior calcaneus, medial to the calcaneal tendon",
         {{{-0.118f, 0.040f, 0.068f}, {-0.119f, 0.034f, 0.068f}, 0.004f, 0.0f}}}}},
      {"tibialis_anterior",
       R::origin,
       {{"tibia",
         "Lateral condyle and upper half of the lateral surface of the tibia; interosseous membrane",
         {{{-0.046f, 0.405f, 0.104f}, {-0.040f, 0.378f, 0.096f}, 0.005f, 0.0f},
          {{-0.038f, 0.370f, 0.094f}, {-0.039f, 0.255f, 0.093f}, 0.006f, 0.0f}}}}},
      {"tibialis_anterior",
       R::insertion,
       {{"medial_cuneiform",
         "Medial and plantar surface of the medial cuneiform",
         {{{-0.010f, 0.030f, 0.050f}, {-0.002f, 0.030f, 0.052f}, 0.005f, 0.0f}}},
        {"metatarsal_1",
         "Medial and plantar side of the base of the first metatarsal",
         {{{0.002f, 0.030f, 0.052f}, {0.006f, 0.028f, 0.054f}, 0.004f, 0.0f}}}}},
      {"fibularis_longus",
       R::origin,
       {{"fibula",
         "Head and upper two thirds of the lateral surface of the fibula; intermuscular septa",
         {{{-0.066f, 0.385f, 0.118f}, {-0.068f, 0.360f, 0.114f}, 0.005f, 0.0f},
          {{-0.063f, 0.345f, 0.116f}, {-0.062f, 0.160f, 0.112f}, 0.005f, 0.0f}}}}},
      {"fibularis_longus",
       R::insertion,
       {{"metatarsal_1",
         "Lateral side of the base of the first metatarsal (plantar)",
         {{{0.000f, 0.020f, 0.062f}, {0.006f, 0.021f, 0.064f}, 0.004f, 0.0f}}},
        {"medial_cuneiform",
         "Lateral side of the medial cuneiform (plantar)",
         {{{-0.008f, 0.022f, 0.064f}, {-0.003f, 0.022f, 0.065f}, 0.004f, 0.0f}}}}},
      {"fibularis_brevis",
       R::origin,
       {{"fibula",
         "Lower two thirds of the lateral surface of the fibula; intermuscular septa",
         {{{-0.062f, 0.270f, 0.112f}, {-0.062f, 0.105f, 0.112f}, 0.005f, 0.0f}}}}},
      {"fibularis_brevis",
       R::insertion,
       {{"metatarsal_5",
         "Tuberosity of the fifth metatarsal",
         {{{-0.040f, 0.032f, 0.126f}, {-0.036f, 0.030f, 0.128f}, 0.004f, 0.0f}}}}},
      {"fibularis_tertius",
       R::origin,
       {{"fibula",
         "Lower third of the anterior surface of the fibula; interosseous membrane",
         {{{-0.054f, 0.170f, 0.102f}, {-0.055f, 0.100f, 0.104f}, 0.004f, 0.0f}}}}},
      {"fibularis_tertius",
       R::insertion,
       {{"metatarsal_5",
         "Dorsal surface of the base of the fifth metatarsal",
         {{{-0.020f, 0.037f, 0.116f}, {-0.014f, 0.036f, 0.117f}, 0.004f, 0.0f}}}}},
      {"tibialis_posterior",
       R::origin,
       {{"tibia",
         "Lateral part of the posterior surface of the tibia below the soleal line (upper two thirds)",
         {{{-0.060f, 0.345f, 0.085f}, {-0.058f, 0.200f, 0.086f}, 0.004f, 0.0f}}},
        {"fibula",
         "Medial part of the posterior surface of the fibula (upper two thirds)",
         {{{-0.064f, 0.345f, 0.098f}, {-0.063f, 0.160f, 0.098f}, 0.004f, 0.0f}}}}},
      {"tibialis_posterior",
       R::insertion,
       {{"navicular",
         "Tuberosity of the navicular, with slips to the cuneiforms and the bases of metatarsals 2-4",
         {{{-0.036f, 0.034f, 0.052f}, {-0.032f, 0.032f, 0.054f}, 0.005f, 0.0f}}}}},
      {"flexor_digitorum_longus",
       R::origin,
       {{"tibia",
         "Medial part of the posterior surface of the tibia below the soleal line",
         {{{-0.061f, 0.300f, 0.075f}, {-0.061f, 0.150f, 0.074f}, 0.004f, 0.0f}}}}},
      {"flexor_digitorum_longus",
       R::insertion,
       {{"phalanges_2",
         "Plantar base of the distal phalanx of the second toe",
         {{{0.120f, 0.004f, 0.088f}, {0.126f, 0.004f, 0.089f}, 0.003f, 0.0f}}},
        {"phalanges_3",
         "Plantar base of the distal phalanx of the third toe",
         {{{0.110f, 0.004f, 0.102f}, {0.115f, 0.004f, 0.103f}, 0.003f, 0.0f}}},
        {"phalanges_4",
         "Plantar base of the distal phalanx of the fourth toe",
         {{{0.096f, 0.004f, 0.115f}, {0.101f, 0.004f, 0.116f}, 0.003f, 0.0f}}},
        {"phalanges_5",
         "Plantar base of the distal phalanx of the fifth toe",
         {{{0.081f, 0.004f, 0.130f}, {0.086f, 0.004f, 0.131f}, 0.003f, 0.0f}}}}},
      {"flexor_hallucis_longus",
       R::origin,
       {{"fibula",
         "Lower two thirds of the posterior surface of the fibula",
         {{{-0.066f, 0.270f, 0.104f}, {-0.066f, 0.110f, 0.104f}, 0.005f, 0.0f}}}}},
      {"flexor_hallucis_longus",
       R::insertion,
       {{"phalanges_1",
         "Plantar base of the distal phalanx of the hallux",
         {{{0.112f, 0.004f, 0.063f}, {0.120f, 0.004f, 0.064f}, 0.004f, 0.0f}}}}},
      {"extensor_digitorum_longus",
       R::origin,
       {{"tibia", "Lateral condyle of the tibia", {{{-0.060f, 0.412f, 0.104f}, {-0.062f, 0.388f, 0.104f}, 0.004f, 0.0f}}},
        {"fibula",
         "Upper three quarters of the medial (anterior) surface of the fibula; interosseous membrane",
         {{{-0.056f, 0.370f, 0.100f}, {-0.055f, 0.130f, 0.099f}, 0.004f, 0.0f}}}}},
      {"extensor_digitorum_longus",
       R::insertion,
       {{"phalanges_2",
         "Dorsal bases of the middle and distal phalanges of the second toe",
         {{{0.118f, 0.014f, 0.088f}, {0.126f, 0.013f, 0.089f}, 0.003f, 0.0f}}},
        {"phalanges_3",
         "Dorsal bases of the middle and distal phalanges of the third toe",
         {{{0.108f, 0.014f, 0.102f}, {0.115f, 0.013f, 0.103f}, 0.003f, 0.0f}}},
        {"phalanges_4",
         "Dorsal bases of the middle and distal phalanges of the fourth toe",
         {{{0.095f, 0.014f, 0.115f}, {0.101f, 0.013f, 0.116f}, 0.003f, 0.0f}}},
        {"phalanges_5",
         "Dorsal bases of the middle and distal phalanges of the fifth toe",
         {{{0.080f, 0.014f, 0.130f}, {0.086f, 0.013f, 0.131f}, 0.003f, 0.0f}}}}},
      {"extensor_hallucis_longus",
       R::origin,
       {{"fibula",
         "Middle half of the medial (anterior) surface of the fibula; interosseous membrane",
         {{{-0.055f, 0.310f, 0.099f}, {-0.055f, 0.150f, 0.099f}, 0.004f, 0.0f}}}}},
      {"extensor_hallucis_longus",
       R::insertion,
       {{"phalanges_1",
         "Dorsal base of the distal phalanx of the hallux",
         {{{0.112f, 0.018f, 0.064f}, {0.120f, 0.017f, 0.065f}, 0.004f, 0.0f}}}}},
      {"popliteus",
       R::origin,
       {{"femur",
         "Popliteal groove on the lateral surface of the lateral femoral condyle",
         {{{-0.060f, 0.452f, 0.115f}, {-0.054f, 0.448f, 0.115f}, 0.004f, 0.0f}}}}},
      {"popliteus",
       R::insertion,
       {{"tibia",
         "Posterior surface of the tibia above the soleal line",
         {{{-0.072f, 0.410f, 0.066f}, {-0.068f, 0.370f, 0.075f}, 0.006f, 0.0f},
          {{-0.068f, 0.370f, 0.070f}, {-0.062f, 0.338f, 0.066f}, 0.005f, 0.0f}}}}},
      {"calcaneal_tendon",
       R::insertion,
       {{"calcaneus",
         "Middle of the posterior surface of the calcaneal tuberosity",
         {{{-0.116f, 0.046f, 0.077f}, {-0.118f, 0.034f, 0.081f}, 0.007f, 0.0f}}}}},
  };
  return sites;
}

} // namespace

std::vector<AttachmentSite> build_sites(const std::vector<StructureSpec>& bones) {
  // One site per bone: an attachment that spans several bones (the soleus on
  // tibia and fibula, the long flexor on four toes) becomes one site for each,
  // "<muscle>_<role>_<bone>", so each patch is labelled with, and moves with,
  // the bone it lies on; the knowledge base names the whole attachment by
  // "<muscle>_<role>" (AtlasManifest::attachment). Patches stay where the
  // text puts them: each end is snapped onto its bone's surface.
  std::vector<AttachmentSite> out;
  for (const RawSite& r : raw_sites()) {
    const std::string base = std::string(r.muscle) + (r.role == SiteRole::origin ? "_origin" : "_insertion");
    for (const RawPart& part : r.parts) {
      AttachmentSite s;
      s.id = r.parts.size() > 1 ? base + "_" + part.bone : base;
      s.muscle = r.muscle;
      s.role = r.role;
      s.bone = part.bone;
      s.description = part.description;
      const Field& f = field_of(bones, part.bone);
      glm::vec3 sum(0.0f);
      float weight = 0.0f;
      for (const RawPatch& p : part.patches) {
        auto place = [&](glm::vec3 q) {
          const glm::vec3 on = project_to_surface(f, q);
          return on + p.lift * unit_gradient(f, on);
        };
        // A long patch follows its curved bone as a chain of capsules at
        // most 10 mm long, each end on the surface (one straight capsule
        // would cut a chord through the shaft or stand off it).
        const int pieces = std::max(1, int(std::ceil(glm::length(p.b - p.a) / 0.010f)));
        glm::vec3 from = place(p.a);
        for (int k = 1; k <= pieces; ++k) {
          const glm::vec3 to = place(glm::mix(p.a, p.b, float(k) / float(pieces)));
          const Capsule c{from, to, p.radius};
          const float w = glm::length(c.b - c.a) + 2.0f * p.radius;
          sum += w * 0.5f * (c.a + c.b);
          weight += w;
          s.patches.push_back(c);
          from = to;
        }
      }
      s.centroid = sum / weight;
      out.push_back(std::move(s));
    }
  }
  return out;
}

} // namespace crus::atlas
