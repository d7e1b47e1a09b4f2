// "Where does it hurt?" on the bundled atlas's real skin: a point at each of
// the places the issue names, placed from the atlas landmarks and snapped
// onto the skin, finds the trigger points the literature names for it.
#include "app/commands.hpp"
#include "app/scene_setup.hpp"
#include "core/anatomy/referral.hpp"
#include "core/anatomy/referral_overlay.hpp"
#include "core/anatomy/trigger_points.hpp"

#include <filesystem>
#include <map>
#include <gtest/gtest.h>

using namespace crus;

namespace {

class RealSkinReferral : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    app::AtlasOptions o;
    if (!std::filesystem::exists(o.resolved_atlas())) return;
    scene_ = std::make_unique<Scene>(app::load_atlas(o, true));
    set_ = std::make_unique<TriggerPointSet>(
        load_trigger_points(app::knowledge_dir() + "/trigger_points.json", scene_->manifest->landmarks));
    for (const auto& s : scene_->structures)
      if (s.kind == StructureKind::skin) skin_ = std::make_unique<SkinIndex>(s.mesh);
  }
  static void TearDownTestSuite() {
    skin_.reset();
    set_.reset();
    scene_.reset();
  }
  void SetUp() override {
    ASSERT_TRUE(scene_) << app::AtlasOptions().resolved_atlas() << " is missing; bundled assets are part of the repository";
    ASSERT_TRUE(skin_);
  }

  // Candidates for a small painted patch around the skin point nearest to
  // landmark + offset (metres, model frame).
  std::vector<ReferralCandidate> at(const std::string& landmark, glm::vec3 offset, float* distance = nullptr) {
    const Landmark* lm = scene_->manifest->find_landmark(landmark);
    EXPECT_NE(lm, nullptr) << landmark;
    if (!lm) return {};
    SurfacePoint p = snap_to_surface(*skin_, lm->position + offset);
    if (distance) *distance = p.distance;
    std::vector<glm::vec3> patch{p.point};
    for (glm::vec3 d : {glm::vec3(0.006f, 0, 0), glm::vec3(-0.006f, 0, 0), glm::vec3(0, 0.006f, 0), glm::vec3(0, -0.006f, 0)})
      patch.push_back(snap_to_surface(*skin_, p.point + d).point);
    return lookup_referral(*set_, patch);
  }

  static bool among_top(const std::vector<ReferralCandidate>& c, const std::string& muscle_or_tp, std::size_t n) {
    for (std::size_t i = 0; i < c.size() && i < n; ++i)
      if (c[i].muscle == muscle_or_tp || c[i].trigger_point == muscle_or_tp) return true;
    return false;
  }
  static std::string list(const std::vector<ReferralCandidate>& c) {
    std::string s;
    for (const auto& x : c) s += x.trigger_point + "(" + to_string(x.zone) + " " + std::to_string(x.score) + ") ";
    return s;
  }

  static std::unique_ptr<Scene> scene_;
  static std::unique_ptr<TriggerPointSet> set_;
  static std::unique_ptr<SkinIndex> skin_;
};
std::unique_ptr<Scene> RealSkinReferral::scene_;
std::unique_ptr<TriggerPointSet> RealSkinReferral::set_;
std::unique_ptr<SkinIndex> RealSkinReferral::skin_;

TEST_F(RealSkinReferral, PlantarHeelSoleus) {
  auto c = at("medial_process_of_calcaneal_tuberosity", {0.0f, -0.03f, 0.015f});
  EXPECT_TRUE(among_top(c, "soleus_trp1", 2)) << list(c);
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].zone, ZoneKind::essential);
}

TEST_F(RealSkinReferral, InstepGastrocnemiusTrP1) {
  auto c = at("navicular_tuberosity", {0.0f, -0.015f, -0.02f});
  EXPECT_TRUE(among_top(c, "gastrocnemius_trp1", 2)) << list(c);
}

TEST_F(RealSkinReferral, DorsumOfTheBigToeTibialisAnterior) {
  auto c = at("distal_phalanx_of_hallux", {-0.025f, 0.03f, 0.0f});
  EXPECT_TRUE(among_top(c, "tibialis_anterior", 2)) << list(c);
}

TEST_F(RealSkinReferral, FrontOfTheAnkle) {
  auto c = at("trochlea_of_talus", {0.06f, 0.0f, 0.0f});
  EXPECT_TRUE(among_top(c, "tibialis_anterior", 3) || among_top(c, "fibularis_tertius", 3)) << list(c);
}

TEST_F(RealSkinReferral, BehindTheLateralMalleolusFibularis) {
  auto c = at("lateral_malleolus", {-0.025f, 0.0f, 0.02f});
  EXPECT_TRUE(among_top(c, "fibularis_longus", 3)) << list(c);
  EXPECT_TRUE(among_top(c, "fibularis_brevis", 3)) << list(c);
}

TEST_F(RealSkinReferral, BackOfTheKneeGastrocnemiusAndPlantaris) {
  auto c = at("popliteal_surface", {-0.08f, -0.03f, 0.0f});
  EXPECT_TRUE(among_top(c, "gastrocnemius_trp3", 4) || among_top(c, "gastrocnemius_trp4", 4)) << list(c);
  EXPECT_TRUE(among_top(c, "plantaris", 4)) << list(c);
}

TEST_F(RealSkinReferral, MidCalfGastrocnemiusOrSoleus) {
  auto c = at("soleal_line", {-0.09f, -0.07f, 0.0f});
  EXPECT_TRUE(among_top(c, "gastrocnemius_trp2", 3) || among_top(c, "soleus_trp2", 3)) << list(c);
}

// --- the muscles added for issue 16 (Travell & Simons vol. 2, ch. 17, 23-25) ---

// True when no candidate belongs to any of `muscles`.
bool none_of(const std::vector<ReferralCandidate>& c, std::initializer_list<const char*> muscles) {
  for (const auto& x : c)
    for (const char* m : muscles)
      if (x.muscle == m) return false;
  return true;
}
const ReferralCandidate* find(const std::vector<ReferralCandidate>& c, const std::string& trigger_point) {
  for (const auto& x : c)
    if (x.trigger_point == trigger_point) return &x;
  return nullptr;
}

TEST_F(RealSkinReferral, SoleBehindTheSmallToesFlexorDigitorumLongus) {
  auto c = at("head_of_first_metatarsal", {0.0f, -0.03f, 0.035f});
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].trigger_point, "flexor_digitorum_longus_trp1") << list(c);
  EXPECT_EQ(c[0].zone, ZoneKind::essential) << list(c);
  EXPECT_TRUE(none_of(c, {"extensor_digitorum_longus", "extensor_hallucis_longus", "popliteus"})) << list(c);
}

TEST_F(RealSkinReferral, UndersideOfTheSmallToeTipsFlexorDigitorumLongus) {
  auto c = at("distal_phalanx_of_hallux", {-0.01f, -0.025f, 0.04f});
  const ReferralCandidate* fdl = find(c, "flexor_digitorum_longus_trp1");
  ASSERT_NE(fdl, nullptr) << list(c);
  EXPECT_EQ(fdl->zone, ZoneKind::spillover);
  EXPECT_TRUE(among_top(c, "flexor_digitorum_longus", 2)) << list(c);
  EXPECT_TRUE(none_of(c, {"extensor_digitorum_longus", "extensor_hallucis_longus"})) << list(c);
}

TEST_F(RealSkinReferral, UnderTheBigToeFlexorHallucisLongus) {
  auto c = at("distal_phalanx_of_hallux", {-0.015f, -0.025f, 0.0f});
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].trigger_point, "flexor_hallucis_longus_trp1") << list(c);
  EXPECT_EQ(c[0].zone, ZoneKind::essential);
  // The top of the same toe belongs to the extensors and tibialis anterior.
  EXPECT_TRUE(none_of(c, {"extensor_hallucis_longus", "tibialis_anterior"})) << list(c);
}

TEST_F(RealSkinReferral, BackOfTheKneePopliteus) {
  auto c = at("popliteal_surface", {-0.08f, -0.06f, 0.0f});
  const ReferralCandidate* p = find(c, "popliteus_trp1");
  ASSERT_NE(p, nullptr) << list(c);
  EXPECT_EQ(p->zone, ZoneKind::essential);
  EXPECT_TRUE(among_top(c, "popliteus", 4)) << list(c);
  EXPECT_TRUE(none_of(c, {"flexor_digitorum_longus", "flexor_hallucis_longus", "extensor_digitorum_longus",
                          "extensor_hallucis_longus", "tibialis_posterior"}))
      << list(c);
}

TEST_F(RealSkinReferral, AchillesTendonAboveTheHeelTibialisPosterior) {
  auto c = at("calcaneal_tuberosity", {-0.03f, 0.07f, 0.0f});
  const ReferralCandidate* tp = find(c, "tibialis_posterior_trp1");
  ASSERT_NE(tp, nullptr) << list(c);
  EXPECT_EQ(tp->zone, ZoneKind::essential);
  EXPECT_TRUE(among_top(c, "tibialis_posterior", 2)) << list(c);
  EXPECT_TRUE(none_of(c, {"popliteus", "extensor_digitorum_longus", "extensor_hallucis_longus", "flexor_hallucis_longus"}))
      << list(c);
}

TEST_F(RealSkinReferral, DorsumOfTheFootExtensorDigitorumLongus) {
  auto c = at("head_of_first_metatarsal", {-0.02f, 0.05f, 0.035f});
  ASSERT_FALSE(c.empty());
  EXPECT_TRUE(among_top(c, "extensor_digitorum_longus_trp1", 2)) << list(c);
  EXPECT_EQ(find(c, "extensor_digitorum_longus_trp1")->zone, ZoneKind::essential);
  EXPECT_TRUE(none_of(c, {"flexor_digitorum_longus", "flexor_hallucis_longus", "tibialis_posterior", "popliteus"})) << list(c);
}

TEST_F(RealSkinReferral, DorsumOfTheBigToeBaseExtensorHallucisLongus) {
  auto c = at("head_of_first_metatarsal", {0.005f, 0.04f, 0.0f});
  ASSERT_FALSE(c.empty());
  EXPECT_TRUE(among_top(c, "extensor_hallucis_longus_trp1", 2)) << list(c);
  EXPECT_EQ(find(c, "extensor_hallucis_longus_trp1")->zone, ZoneKind::essential);
  EXPECT_TRUE(none_of(c, {"flexor_digitorum_longus", "flexor_hallucis_longus", "tibialis_posterior"})) << list(c);
}

TEST_F(RealSkinReferral, FrontOfTheKneeAndOuterAnkleAreNotReferredToTheNewMuscles) {
  auto knee = at("patellar_apex", {0.03f, 0.0f, 0.0f});
  EXPECT_TRUE(none_of(knee, {"popliteus", "tibialis_posterior", "flexor_digitorum_longus", "flexor_hallucis_longus",
                             "extensor_digitorum_longus", "extensor_hallucis_longus"}))
      << list(knee);
  auto ankle = at("lateral_malleolus", {-0.025f, 0.0f, 0.02f});
  EXPECT_TRUE(none_of(ankle, {"popliteus", "flexor_digitorum_longus", "flexor_hallucis_longus", "extensor_hallucis_longus"}))
      << list(ankle);
}

TEST_F(RealSkinReferral, GroupsWhoseZonesMeetHaveDifferentOverlayColours) {
  // The "all trigger points" overlay tells groups apart by colour; where two
  // groups' zones cover the same skin they must differ in both palettes.
  const Mesh* skin = nullptr;
  for (const auto& s : scene_->structures)
    if (s.kind == StructureKind::skin) skin = &s.mesh;
  ASSERT_NE(skin, nullptr);
  std::map<std::string, std::vector<float>> cover; // per group: max membership per skin vertex
  for (const TriggerPoint& tp : set_->trigger_points) {
    const ZoneWeights z = zone_weights(*skin, {&tp});
    std::vector<float>& v = cover[tp.group];
    v.resize(z.essential.size(), 0.0f);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = std::max({v[i], z.essential[i], z.spillover[i]});
  }
  int pairs = 0;
  for (const auto& [a, va] : cover)
    for (const auto& [b, vb] : cover) {
      if (!(a < b)) continue;
      bool meet = false;
      for (std::size_t i = 0; i < va.size() && !meet; ++i) meet = va[i] > 0.5f && vb[i] > 0.5f;
      if (!meet) continue;
      ++pairs;
      EXPECT_NE(overlay_colour(a, true, false), overlay_colour(b, true, false)) << a << " and " << b;
      EXPECT_NE(overlay_colour(a, false, false), overlay_colour(b, false, false)) << a << " and " << b;
    }
  EXPECT_GT(pairs, 10); // the calf and foot zones do overlap; the check is not vacuous
}

TEST_F(RealSkinReferral, TheProbePointsLieOnTheSkin) {
  float d = 0.0f;
  at("lateral_malleolus", {-0.025f, 0.0f, 0.02f}, &d);
  EXPECT_LT(d, 0.03f); // the offsets were chosen just outside the skin
}

// Ray-parity point-in-mesh test: a closed mesh is crossed an odd number of
// times by a ray from a point inside it. The ray direction is skewed so that
// it does not run exactly along mesh edges.
bool inside_mesh(const Mesh& mesh, glm::vec3 p) {
  const glm::vec3 dir = glm::normalize(glm::vec3(0.13f, 1.0f, 0.07f));
  int crossings = 0;
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const glm::vec3 a = mesh.positions[mesh.indices[i]], b = mesh.positions[mesh.indices[i + 1]],
                    c = mesh.positions[mesh.indices[i + 2]];
    // Moller-Trumbore.
    const glm::vec3 e1 = b - a, e2 = c - a, h = glm::cross(dir, e2);
    const float det = glm::dot(e1, h);
    if (std::abs(det) < 1e-12f) continue;
    const float f = 1.0f / det;
    const glm::vec3 s = p - a;
    const float u = f * glm::dot(s, h);
    if (u < 0.0f || u > 1.0f) continue;
    const glm::vec3 q = glm::cross(s, e1);
    const float v = f * glm::dot(dir, q);
    if (v < 0.0f || u + v > 1.0f) continue;
    if (f * glm::dot(e2, q) > 0.0f) ++crossings;
  }
  return crossings % 2 == 1;
}

TEST_F(RealSkinReferral, EveryTriggerPointLiesInsideItsMuscle) {
  // The marker is drawn at the nearest point of the muscle's surface; the
  // stored location itself must lie in the muscle, not in a neighbour.
  for (const TriggerPoint& tp : set_->trigger_points) {
    const SceneStructure* muscle = scene_->find(tp.muscle);
    ASSERT_NE(muscle, nullptr) << tp.id;
    EXPECT_TRUE(inside_mesh(muscle->mesh, tp.location))
        << tp.id << " at " << tp.location.x << ", " << tp.location.y << ", " << tp.location.z;
  }
}

} // namespace
