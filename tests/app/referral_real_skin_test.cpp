// "Where does it hurt?" on the bundled atlas's real skin: a point at each of
// the places the issue names, placed from the atlas landmarks and snapped
// onto the skin, finds the trigger points the literature names for it.
#include "app/commands.hpp"
#include "app/scene_setup.hpp"
#include "core/referral.hpp"
#include "core/trigger_points.hpp"

#include <filesystem>
#include <gtest/gtest.h>

using namespace crus;

namespace {

class RealSkinReferral : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    app::AtlasOptions o;
    if (!std::filesystem::exists(o.resolved_atlas())) return;
    scene_ = std::make_unique<Scene>(app::load_atlas(o, true));
    set_ = std::make_unique<TriggerPointSet>(load_trigger_points(app::knowledge_dir() + "/trigger_points.json", scene_->manifest->landmarks));
    for (const auto& s : scene_->structures)
      if (s.kind == StructureKind::skin) skin_ = std::make_unique<SkinIndex>(s.mesh);
  }
  static void TearDownTestSuite() {
    skin_.reset();
    set_.reset();
    scene_.reset();
  }
  void SetUp() override {
    if (!scene_) GTEST_SKIP() << "the bundled atlas is absent; run crus atlas build";
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

TEST_F(RealSkinReferral, TheProbePointsLieOnTheSkin) {
  float d = 0.0f;
  at("lateral_malleolus", {-0.025f, 0.0f, 0.02f}, &d);
  EXPECT_LT(d, 0.03f); // the offsets were chosen just outside the skin
}

} // namespace
