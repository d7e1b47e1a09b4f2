// The gastrocnemius heads at full knee flexion: their femoral origins are
// squeezed between the condyle and the tibia. Where the blend turned the
// deep side of the origin with the tibia and the superficial side with the
// femur, the sheet folded over itself there (a ragged edge a teacher would
// point at). Measured on the light atlas as folds: edges near the origin
// whose two faces meet at more than 90 degrees more than they did at rest.
// Since December 2026 the proximal part of each head is carried section by
// section along a bent centre line (origin_carrier.hpp) instead of being
// blended per vertex: 70-76 folded edges (medial) and 46 (lateral) on the
// same atlas became 21 and 29. Not yet none: most of what remains lies
// within a few millimetres of the site, where the attachment's hold hands
// over to the carrier. The ceilings below are today's counts plus two, so
// any change that folds the origins further fails (docs/motion/README.md
// records what was tried).
#include "core/motion/posed_leg.hpp"
#include "support/motion_fixture.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <string>
#include <utility>

using namespace crus;
using namespace crus::motion;

namespace {

using crus::test::Folds;

// Edges within `radius` of the muscle's femoral origin that fold.
Folds origin_folds(const Scene& rest, const Scene& posed, const std::string& id, float radius) {
  const int si = rest.index_of(id);
  std::vector<const Capsule*> origin;
  for (const AttachmentSite* site : rest.manifest->sites_of(id))
    if (site->bone == "femur")
      for (const Capsule& c : site->patches) origin.push_back(&c);
  return crus::test::folded_edges(rest.structures[static_cast<std::size_t>(si)].mesh,
                                  posed.structures[static_cast<std::size_t>(si)].mesh, [&](const glm::vec3& x) {
                                    for (const Capsule* c : origin)
                                      if (distance_to_capsule(*c, x) < radius) return true;
                                    return false;
                                  });
}

} // namespace

TEST(MotionOriginWrap, GastrocnemiusOriginsFoldNoFurtherAtFullKneeFlexion) {
  const Scene* atlas = crus::test::light_atlas();
  ASSERT_TRUE(atlas && atlas->manifest) << "the bundled atlas is missing; it is part of the repository";
  LegPoser poser(crus::test::motion_model(), crus::test::motion_muscles(), *atlas);
  // Today's folded edges at knee 120 (both ankles), plus two: 21 and 29
  // with the carried origins (70-76 and 46 blended vertex by vertex on the
  // same atlas, 76-83 and 53-59 on earlier ones). The medial head's count
  // moves with the light mesh's simplification even when nothing near the
  // origin changes: 21, 22, 23 and 25 on four regenerations of 4 December
  // 2026 that changed only the skin, the outline at 40 and 50% of the way
  // down and the plantaris tendon's depth; 22 on the bundled atlas then.
  // When the plantaris tendon was moved lateral to the tibial nerve at 13 to
  // 15% of the way down (it ran through the nerve), the medial head, which
  // the tendon no longer notches there, came to 30 and 28 (ceiling 32), the
  // lateral head fell to 16, and at knee 90 all three fell (next test).
  const std::map<std::string, int> ceiling{{"gastrocnemius_medial_head", 32}, {"gastrocnemius_lateral_head", 31}};
  for (double ankle : {0.0, -40.0}) {
    Scene posed = *atlas;
    poser.apply({120.0, ankle, 0.0, 0.0}, posed);
    for (const char* id : {"gastrocnemius_medial_head", "gastrocnemius_lateral_head"}) {
      const Folds f = origin_folds(*atlas, posed, id, 0.06f);
      std::cout << "knee 120 ankle " << ankle << " " << id << ": " << f.folded << " of " << f.edges
                << " edges within 60 mm of the origin folded\n";
      ASSERT_GT(f.edges, 50) << id;
      EXPECT_LE(f.folded, ceiling.at(id)) << id << " at knee 120, ankle " << ankle;
    }
  }
}

// The same count at knee 90, and for the plantaris, which the carrier moves
// too. Blended vertex by vertex the heads folded 37 and 38 edges at knee 90;
// carried, 8 and 16. The plantaris folded 19 at knee 90 and 24 at 120
// blended, and 21 at both carried: no better at 90, since its thin belly
// bends where the hold hands over. Ceilings: the counts of then plus two;
// the lateral head's 18 became 21 when the common fibular nerve was routed
// out of the fibula, which changed the lateral head's mesh where the nerve
// passes it and gave 19 (its count at 120 degrees moved between 21 and 25
// on regenerations, above). With the plantaris tendon moved lateral to the
// tibial nerve: 9, 10, and 11 and 14 for the plantaris.
TEST(MotionOriginWrap, CarriedOriginsFoldLittleAtKneeNinetyAndThePlantarisWithThem) {
  const Scene* atlas = crus::test::light_atlas();
  ASSERT_TRUE(atlas && atlas->manifest) << "the bundled atlas is missing; it is part of the repository";
  LegPoser poser(crus::test::motion_model(), crus::test::motion_muscles(), *atlas);
  const std::map<std::pair<int, std::string>, int> ceiling{{{90, "gastrocnemius_medial_head"}, 10},
                                                           {{90, "gastrocnemius_lateral_head"}, 21},
                                                           {{90, "plantaris"}, 23},
                                                           {{120, "plantaris"}, 23}};
  for (const auto& [key, most] : ceiling) {
    Scene posed = *atlas;
    poser.apply({static_cast<double>(key.first), 0.0, 0.0, 0.0}, posed);
    const Folds f = origin_folds(*atlas, posed, key.second, 0.06f);
    std::cout << "knee " << key.first << " " << key.second << ": " << f.folded << " of " << f.edges
              << " edges within 60 mm of the origin folded\n";
    ASSERT_GT(f.edges, 20) << key.second;
    EXPECT_LE(f.folded, most) << key.second << " at knee " << key.first;
  }
}
