// Issue 11: motor branches enter their muscles where the text says, the sural
// nerve runs beside the calcaneal tendon, and every trigger point lies inside
// its muscle.
#include "atlas_fixture.hpp"
#include "core/anatomy/trigger_points.hpp"
#include "support/test_support.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

namespace crus::test {
namespace {

// Knee and ankle joint centres of the generated atlas: heights on the leg
// are fractions of the way from one to the other (issue 11).
float leg_fraction(float y) {
  glm::vec3 knee(0.0f), ankle(0.0f);
  for (const auto& j : shared_atlas().manifest.joints) {
    if (j.id == "knee") knee = j.position;
    if (j.id == "ankle") ankle = j.position;
  }
  return (knee.y - y) / (knee.y - ankle.y);
}

float y_range(const std::string& id, bool top) {
  float out = top ? -1e9f : 1e9f;
  for (const auto& p : atlas_mesh(id).positions) out = top ? std::max(out, p.y) : std::min(out, p.y);
  return out;
}

// Each muscle, the nerve whose branch supplies it (the knowledge base's
// innervation) and whether that branch leaves in the popliteal fossa (Gray's
// Anatomy: the branches to gastrocnemius, plantaris, the upper soleus and
// popliteus arise between the heads of gastrocnemius; the rest in the leg).
struct Supply {
  const char* muscle;
  const char* nerve;
  bool popliteal;
};
const Supply kSupplies[] = {
    {"gastrocnemius_medial_head", "tibial_nerve", true},
    {"gastrocnemius_lateral_head", "tibial_nerve", true},
    {"plantaris", "tibial_nerve", true},
    {"popliteus", "tibial_nerve", true},
    {"soleus", "tibial_nerve", true},
    {"tibialis_posterior", "tibial_nerve", false},
    {"flexor_digitorum_longus", "tibial_nerve", false},
    {"flexor_hallucis_longus", "tibial_nerve", false},
    {"tibialis_anterior", "deep_fibular_nerve", false},
    {"extensor_digitorum_longus", "deep_fibular_nerve", false},
    {"extensor_hallucis_longus", "deep_fibular_nerve", false},
    {"fibularis_tertius", "deep_fibular_nerve", false},
    {"fibularis_longus", "superficial_fibular_nerve", false},
    {"fibularis_brevis", "superficial_fibular_nerve", false},
};

// How deep p lies inside a closed mesh (negative outside).
float depth_in(const Mesh& m, const glm::vec3& p) { return inside_mesh(m, p) ? distance_to_mesh(m, p) : -distance_to_mesh(m, p); }

TEST(AtlasInnervation, EachMuscleHasABranchFromItsTrunkIntoIt) {
  const auto& m = shared_atlas().manifest;
  // The popliteal fossa ends below at the lower border of popliteus and the
  // soleal arch: about 20 % of the way from the knee to the ankle.
  constexpr float kFossaEnd = 0.20f;
  for (const Supply& s : kSupplies) {
    const auto branches = m.branches_to(s.muscle);
    ASSERT_FALSE(branches.empty()) << s.muscle << " has no motor branch";
    bool from_fossa = false, from_leg = false;
    for (const MotorBranch* b : branches) {
      ASSERT_GE(b->path.size(), 2u);
      EXPECT_EQ(b->nerve, s.nerve) << s.muscle;
      const glm::vec3 start = b->path.front(), end = b->path.back();
      // It starts deep in the trunk (deeper than a branch tube's own
      // radius, about 1 mm), outside the muscle, and ends inside it.
      const float trunk_depth = depth_in(atlas_mesh(b->nerve), start);
      EXPECT_GT(trunk_depth, 0.0012f) << s.muscle << ": the branch does not start on the " << b->nerve << " trunk";
      EXPECT_LT(depth_in(atlas_mesh(s.muscle), start), 0.0f) << s.muscle << ": the branch starts inside the muscle";
      const float entry = depth_in(atlas_mesh(s.muscle), end);
      EXPECT_GT(entry, 0.001f) << s.muscle << ": the branch ends outside the muscle";
      // The nerve's mesh carries the branch to its end (within the
      // meshing tolerance of its rounded tip).
      EXPECT_GT(depth_in(atlas_mesh(b->nerve), end), -0.0008f) << s.muscle << ": the branch tube stops short";
      (leg_fraction(start.y) < kFossaEnd ? from_fossa : from_leg) = true;
      std::printf("%-28s %-26s leaves at %4.0f %%, enters %4.1f mm deep at %4.0f %%\n", s.muscle, b->nerve.c_str(),
                  100.0f * leg_fraction(start.y), 1e3f * entry, 100.0f * leg_fraction(end.y));
    }
    if (s.popliteal) EXPECT_TRUE(from_fossa) << s.muscle << ": its branch should leave the tibial nerve in the popliteal fossa";
    else EXPECT_TRUE(from_leg) << s.muscle << ": its branch should leave the trunk in the leg";
  }
  // The soleus has two: one in the fossa to its superficial surface, one in
  // the leg to its deep surface (Gray's Anatomy).
  bool fossa = false, leg = false;
  for (const MotorBranch* b : m.branches_to("soleus")) (leg_fraction(b->path.front().y) < kFossaEnd ? fossa : leg) = true;
  EXPECT_TRUE(fossa && leg);
  // The gastrocnemius heads are entered in their upper part.
  for (const char* head : {"gastrocnemius_medial_head", "gastrocnemius_lateral_head"}) {
    const float top = y_range(head, true), bottom = y_range(head, false);
    for (const MotorBranch* b : m.branches_to(head))
      EXPECT_GT(b->path.back().y, top - 0.4f * (top - bottom)) << head << " is entered below its upper part";
  }
}

TEST(AtlasInnervation, SuralNerveRunsBesideTheCalcanealTendon) {
  const Mesh& sural = atlas_mesh("sural_nerve");
  const Mesh& tendon = atlas_mesh("calcaneal_tendon");
  int levels = 0;
  // Lower third of the leg, down to where the nerve turns behind the
  // lateral malleolus.
  for (float f = 0.68f; f <= 0.86f; f += 0.03f) {
    glm::vec3 knee(0.0f), ankle(0.0f);
    for (const auto& j : shared_atlas().manifest.joints) {
      if (j.id == "knee") knee = j.position;
      if (j.id == "ankle") ankle = j.position;
    }
    const float y = knee.y + f * (ankle.y - knee.y);
    glm::vec3 nerve(0.0f), tendon_centre(0.0f);
    float tendon_lateral = -1e9f;
    int nn = 0, nt = 0;
    for (const auto& p : sural.positions)
      if (std::abs(p.y - y) < 0.002f) {
        nerve += p;
        ++nn;
      }
    for (const auto& p : tendon.positions)
      if (std::abs(p.y - y) < 0.002f) {
        tendon_centre += p;
        tendon_lateral = std::max(tendon_lateral, p.z);
        ++nt;
      }
    if (!nn || !nt) continue;
    ++levels;
    nerve /= float(nn);
    tendon_centre /= float(nt);
    const float gap = distance_to_mesh(tendon, nerve);
    std::printf("sural at %2.0f %%: %4.1f mm lateral of the tendon's centre, %4.1f mm from its surface\n", 100.0f * f,
                1e3f * (nerve.z - tendon_centre.z), 1e3f * gap);
    EXPECT_GT(nerve.z, tendon_lateral) << "at " << f << ": the sural nerve should lie lateral to the tendon";
    EXPECT_LT(gap, 0.020f) << "at " << f << ": the sural nerve strays from the tendon";
    EXPECT_GT(gap, 0.0015f) << "at " << f;
  }
  EXPECT_GE(levels, 5);
  // Outside every muscle, all the way down.
  const auto& m = shared_atlas().manifest;
  for (const auto& s : m.structures) {
    if (s.kind != StructureKind::muscle) continue;
    const Mesh& muscle = atlas_mesh(s.id);
    for (std::size_t i = 0; i < sural.positions.size(); i += 7)
      EXPECT_FALSE(inside_mesh(muscle, sural.positions[i])) << "sural nerve inside " << s.id << " at y " << sural.positions[i].y;
  }
}

TEST(AtlasTriggerPoints, EachLiesInsideItsMuscle) {
  const auto& atlas = shared_atlas();
  const TriggerPointSet set =
      load_trigger_points(source_dir() + "/assets/knowledge/trigger_points.json", atlas.manifest.landmarks);
  ASSERT_FALSE(set.trigger_points.empty());
  for (const TriggerPoint& tp : set.trigger_points) {
    const float depth = depth_in(atlas_mesh(tp.muscle), tp.location);
    std::printf("%-28s %5.1f mm %s %s\n", tp.id.c_str(), 1e3f * std::abs(depth), depth >= 0.0f ? "inside" : "OUTSIDE",
                tp.muscle.c_str());
    EXPECT_GT(depth, 0.0f) << tp.id << " lies outside " << tp.muscle;
  }
  // Soleus TrP1 lies a little below the end of the gastrocnemius bellies
  // (Travell & Simons: 2 to 3 cm; allowed 1 to 4 cm).
  const TriggerPoint* soleus = set.find("soleus_trp1");
  ASSERT_NE(soleus, nullptr);
  const float belly_end = std::min(y_range("gastrocnemius_medial_head", false), y_range("gastrocnemius_lateral_head", false));
  const float below = belly_end - soleus->location.y;
  std::printf("soleus TrP1: %.1f cm below the end of the gastrocnemius\n", below * 100.0f);
  EXPECT_GT(below, 0.010f);
  EXPECT_LT(below, 0.040f);
}

} // namespace
} // namespace crus::test
