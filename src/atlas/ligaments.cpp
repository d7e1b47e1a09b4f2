// Ligaments of the knee shown in the atlas. The patellar ligament: a strong,
// flat band about 5 cm long, from the apex and adjoining margins of the
// patella to the smooth upper part of the tibial tuberosity, the continuation
// of the quadriceps tendon below the patella (Gray's Anatomy 41st ed.; Moore,
// Clinically Oriented Anatomy 8th ed.; see SOURCES.md, "Knee").
#include "atlas/structures.hpp"

namespace crus::atlas {

glm::vec4 ligament_colour() { return {0.66f, 0.71f, 0.78f, 1.0f}; } // bluish white, apart from the tendons' pearl

std::vector<StructureSpec> build_ligaments(const std::vector<StructureSpec>& bones) {
  // The band runs down, back and a little laterally (the tuberosity lies
  // lateral to the patellar apex); it is about 25 mm wide at the patella,
  // narrowing to 20 mm at the tuberosity, and 5 to 6 mm thick. Its deep
  // surface stands clear of the tibia above the tuberosity, where the
  // infrapatellar fat pad and the deep infrapatellar bursa lie behind it.
  const std::vector<SweepKey> k = {{{-0.0080f, 0.4520f, 0.0785f}, 0.0125f, 0.0028f},
                                   {{-0.0150f, 0.4320f, 0.0795f}, 0.0120f, 0.0026f},
                                   {{-0.0230f, 0.4110f, 0.0815f}, 0.0110f, 0.0026f},
                                   // It inserts on the upper, smooth part of the
                                   // tuberosity: the band lies on its front face
                                   // down to the tuberosity's centre.
                                   {{-0.0245f, 0.4010f, 0.0825f}, 0.0105f, 0.0026f},
                                   {{-0.0252f, 0.3960f, 0.0828f}, 0.0100f, 0.0026f},
                                   // ... where it sinks into the bone at a slant,
                                   // so its front face meets the tuberosity's in a
                                   // line: it turned square into the bone over its
                                   // last 2 mm, a hook seen from the side.
                                   {{-0.0282f, 0.3905f, 0.0830f}, 0.0095f, 0.0022f}};
  Field band = sweep(k, {1, 0, 0}, 8);
  // It ends on the bones it joins: cut back to a hair's breadth from their
  // surfaces, so it attaches without passing into them.
  constexpr float kContact = 0.0006f;
  band = subtract(band, offset(field_of(bones, "patella"), kContact), 0.0012f);
  band = subtract(band, offset(field_of(bones, "tibia"), kContact), 0.0012f);
  StructureSpec s;
  s.id = "patellar_ligament";
  s.name = "Patellar ligament";
  s.kind = StructureKind::ligament;
  s.colour = ligament_colour();
  s.field = std::move(band);
  s.hull = s.field;
  s.cell = 0.0007f;
  s.target_main = 3000;
  s.target_lod1 = 800;
  return {s};
}

} // namespace crus::atlas
