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
// over to the carrier. Since 7 December 2026 what still folds clear of the
// attachment is relaxed after the collision pass (fold_relax.hpp; the last
// test below). The ceilings below are today's counts plus two, so
// any change that folds the origins further fails (docs/motion/README.md
// records what was tried).
//
// Counted on the full atlas since 6 December 2026. On the light one the
// count moved with its simplification, which spends a fixed budget of
// triangles over the whole muscle: a groove carved for the plantaris tendon
// 14 cm below the origin, the surface near the origin unchanged, took the
// medial head's count at knee 120 from 26 to 37 or 30 (by how far up the
// groove reached) and at knee 90 from 8 to 20 or 14. On the full atlas the
// same four atlases gave 19, 18, 18 and 18 at knee 120 and 9, 9, 10 and 9
// at knee 90.
#include "core/motion/posed_leg.hpp"
#include "core/motion/soft_tissue.hpp"
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
  const Scene* atlas = crus::test::full_atlas();
  ASSERT_TRUE(atlas && atlas->manifest) << "the bundled atlas is missing; it is part of the repository";
  LegPoser poser(crus::test::motion_model(), crus::test::motion_muscles(), *atlas);
  // Folded edges at knee 120 (both ankles) on the full atlas, carried and
  // then relaxed (the last test below): 15-16 (medial) and 43-45
  // (lateral); carried alone, 18 and 50. Ceilings: the relaxed counts
  // plus one or two. (The lateral head's were 39-42 until its edge on the fascia
  // was rounded below 0.40 m, 6 cm and more from the origin: the head was
  // meshed and simplified again, and the origin looks the same at knee 120,
  // docs/motion/knee120_lateral_head_rounded_edges_before_after.png. The
  // history of these counts is in git.)
  const std::map<std::string, int> ceiling{{"gastrocnemius_medial_head", 17}, {"gastrocnemius_lateral_head", 46}};
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
// too. Blended vertex by vertex the heads folded 37 and 38 edges at knee 90
// on the light atlas; carried, 8 and 16. On the full atlas, carried alone:
// 10 (medial), 24 (lateral), and 16 and 40 for the plantaris at knee 90 and
// 120 (its thin belly bends where the hold hands over; 12 and 37 before the
// remeshing below).
TEST(MotionOriginWrap, CarriedOriginsFoldLittleAtKneeNinetyAndThePlantarisWithThem) {
  const Scene* atlas = crus::test::full_atlas();
  ASSERT_TRUE(atlas && atlas->manifest) << "the bundled atlas is missing; it is part of the repository";
  LegPoser poser(crus::test::motion_model(), crus::test::motion_muscles(), *atlas);
  // Carried and relaxed: 3 (medial), 4 (lateral), 17 and 35 (plantaris). Ceilings:
  // those counts plus two, but the lateral head's, left at 6: it had 4 until
  // its edge on the fascia was rounded (muscle_recipes.cpp, 7 December 2026,
  // third session), then 6, and 4 again since the carve below. The
  // plantaris's were 7 and 31 until the fascia's
  // outline was followed twice as finely (outline.cpp, 7 December 2026): the
  // muscle was meshed again at a new phase of the grid and its counts moved
  // with it, its bend below the origin the same to the eye
  // (docs/motion/plantaris_knee90_120_remeshed.png). Then 10 and 37 until
  // a carve's field was measured right inside the obstacle's box
  // (sdf.cpp, subtract; 7 December 2026, fourth session): at knee 90 the
  // count rose to 17 with the same look
  // (docs/motion/plantaris_knee90_carve_fix_before_after.png).
  const std::map<std::pair<int, std::string>, int> ceiling{{{90, "gastrocnemius_medial_head"}, 5},
                                                           {{90, "gastrocnemius_lateral_head"}, 6},
                                                           {{90, "plantaris"}, 19},
                                                           {{120, "plantaris"}, 37}};
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

// What the carrier and the collision pass still fold next to the origins is
// relaxed (fold_relax.hpp): Taubin's smoothing round each fold, from 8 mm
// clear of the attachment. The same poses with and without it, on the same
// bind (no bulge, no skin): never more folds with it, and far fewer in all.
TEST(MotionOriginWrap, TheFoldsLeftAtTheCarriedOriginsAreRelaxed) {
  const Scene* atlas = crus::test::full_atlas();
  ASSERT_TRUE(atlas && atlas->manifest) << "the bundled atlas is missing; it is part of the repository";
  const LegSkin relaxed = bind_soft_tissue(crus::test::motion_model(), crus::test::motion_muscles(), *atlas);
  LegSkin plain = relaxed;
  std::size_t bound = 0;
  for (StructureSkin& ss : plain.structures) {
    bound += ss.folds.empty() ? 0 : 1;
    ss.folds = {};
  }
  ASSERT_EQ(bound, 3u) << "the two heads and the plantaris";
  int before = 0, after = 0;
  for (double knee : {90.0, 120.0}) {
    const auto bodies = pose_bodies(crus::test::motion_model(), {knee, 0.0, 0.0, 0.0});
    Scene a = *atlas, b = *atlas;
    pose_scene(plain, *atlas, bodies, a);
    pose_scene(relaxed, *atlas, bodies, b);
    for (const char* id : {"gastrocnemius_medial_head", "gastrocnemius_lateral_head", "plantaris"}) {
      const Folds fa = origin_folds(*atlas, a, id, 0.06f), fb = origin_folds(*atlas, b, id, 0.06f);
      std::cout << "knee " << knee << " " << id << ": " << fa.folded << " folded edges, relaxed " << fb.folded << "\n";
      EXPECT_LE(fb.folded, fa.folded) << id << " at knee " << knee;
      before += fa.folded;
      after += fb.folded;
    }
  }
  EXPECT_LE(after, before * 3 / 4) << before << " folded edges unrelaxed, " << after << " relaxed";
}
