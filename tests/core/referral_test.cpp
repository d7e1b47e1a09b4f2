// "Where does it hurt?": with landmarks at their atlas positions and painted
// points on the skin, the lookup names the trigger points the literature
// names for each area; the skin index finds the same nearest points as a
// scan of every triangle.
#include "core/error.hpp"
#include "core/anatomy/referral.hpp"
#include "core/anatomy/trigger_points.hpp"
#include "support/test_support.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

namespace crus {
namespace {

std::vector<Landmark> atlas_landmarks() {
  auto lm = [](const char* id, float x, float y, float z) { return Landmark{id, id, "", glm::vec3(x, y, z)}; };
  return {
      lm("popliteal_surface", -0.085f, 0.50f, 0.075f),
      lm("fibular_head", -0.075f, 0.405f, 0.110f),
      lm("tibial_tuberosity", -0.025f, 0.395f, 0.075f),
      lm("lateral_malleolus", -0.075f, 0.045f, 0.110f),
      lm("medial_malleolus", -0.060f, 0.065f, 0.045f),
      lm("calcaneal_tuberosity", -0.125f, 0.030f, 0.080f),
      lm("head_of_first_metatarsal", 0.065f, 0.015f, 0.050f),
      lm("head_of_fifth_metatarsal", 0.040f, 0.012f, 0.125f),
      lm("fifth_metatarsal_tuberosity", -0.015f, 0.015f, 0.125f),
      lm("distal_phalanx_of_hallux", 0.120f, 0.015f, 0.060f),
      lm("medial_tibial_condyle", -0.058f, 0.420f, 0.046f),
      lm("soleal_line", -0.063f, 0.358f, 0.080f),
      lm("medial_surface_of_tibia", -0.041f, 0.250f, 0.073f),
      lm("anterior_border_of_tibia", -0.031f, 0.260f, 0.082f),
      lm("trochlea_of_talus", -0.064f, 0.069f, 0.076f),
      lm("base_of_first_metatarsal", -0.004f, 0.033f, 0.050f),
  };
}

const TriggerPointSet& bundled() {
  static const TriggerPointSet set =
      load_trigger_points(test::source_dir() + "/assets/knowledge/trigger_points.json", atlas_landmarks());
  return set;
}

// A brush stroke: the centre and eight points 6 mm around it in the plane
// with normal `n` (the skin's outward direction there).
std::vector<glm::vec3> brush(glm::vec3 centre, glm::vec3 n) {
  n = glm::normalize(n);
  const glm::vec3 helper = std::abs(n.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
  const glm::vec3 u = glm::normalize(glm::cross(n, helper));
  const glm::vec3 v = glm::cross(n, u);
  std::vector<glm::vec3> out{centre};
  for (int i = 0; i < 8; ++i) {
    const float a = static_cast<float>(i) * 0.785398f;
    out.push_back(centre + 0.006f * (std::cos(a) * u + std::sin(a) * v));
  }
  return out;
}

std::string describe(const std::vector<ReferralCandidate>& list) {
  std::string s;
  for (const ReferralCandidate& c : list) s += c.trigger_point + " " + to_string(c.zone) + " " + std::to_string(c.score) + "\n";
  return s;
}

std::set<std::string> top_ids(const std::vector<ReferralCandidate>& list, std::size_t n) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < std::min(n, list.size()); ++i) out.insert(list[i].trigger_point);
  return out;
}

const ReferralCandidate* find(const std::vector<ReferralCandidate>& list, const std::string& id) {
  for (const ReferralCandidate& c : list)
    if (c.trigger_point == id) return &c;
  return nullptr;
}

// --- the areas of the issue ---------------------------------------------------

TEST(ReferralLookup, PlantarHeelPointsToSoleusTrp1) {
  const auto result = lookup_referral(bundled(), brush({-0.11f, 0.0f, 0.08f}, {0, -1, 0}));
  ASSERT_FALSE(result.empty());
  EXPECT_EQ(result[0].trigger_point, "soleus_trp1") << describe(result);
  EXPECT_EQ(result[0].muscle, "soleus");
  EXPECT_EQ(result[0].zone, ZoneKind::essential);
  EXPECT_GT(result[0].score, 0.9f);
}

TEST(ReferralLookup, InstepPointsToGastrocnemiusTrp1) {
  const auto result = lookup_referral(bundled(), brush({-0.02f, 0.02f, 0.038f}, {0, 0, -1}));
  ASSERT_FALSE(result.empty());
  EXPECT_EQ(result[0].trigger_point, "gastrocnemius_trp1") << describe(result);
  EXPECT_EQ(result[0].muscle, "gastrocnemius_medial_head");
  EXPECT_EQ(result[0].zone, ZoneKind::essential);
}

TEST(ReferralLookup, DorsumOfTheBigToePointsToTibialisAnterior) {
  const auto result = lookup_referral(bundled(), brush({0.10f, 0.035f, 0.06f}, {0, 1, 0}));
  ASSERT_FALSE(result.empty());
  EXPECT_EQ(result[0].trigger_point, "tibialis_anterior_trp1") << describe(result);
  EXPECT_EQ(result[0].zone, ZoneKind::essential);
}

TEST(ReferralLookup, FrontOfTheAnklePointsToTibialisAnteriorAndFibularisTertius) {
  const auto result = lookup_referral(bundled(), brush({-0.035f, 0.075f, 0.075f}, {1, 0, 0}));
  const std::set<std::string> want = {"tibialis_anterior_trp1", "fibularis_tertius_trp1"};
  EXPECT_EQ(top_ids(result, 2), want) << describe(result);
  for (const std::string& id : want) EXPECT_EQ(find(result, id)->zone, ZoneKind::essential) << id;
}

TEST(ReferralLookup, BehindTheLateralMalleolusPointsToFibularisLongusAndBrevis) {
  const auto result = lookup_referral(bundled(), brush({-0.10f, 0.05f, 0.115f}, {-0.5f, 0, 1}));
  const std::set<std::string> want = {"fibularis_longus_trp1", "fibularis_brevis_trp1"};
  EXPECT_EQ(top_ids(result, 2), want) << describe(result);
  for (const std::string& id : want) EXPECT_EQ(find(result, id)->zone, ZoneKind::essential) << id;
  // Nothing of the calf's back reaches here as essential.
  for (const ReferralCandidate& c : result) {
    if (c.zone == ZoneKind::essential) {
      EXPECT_TRUE(want.count(c.trigger_point)) << describe(result);
    }
  }
}

TEST(ReferralLookup, BackOfTheKneePointsToGastrocnemiusTrp3Trp4AndPlantaris) {
  const auto result = lookup_referral(bundled(), brush({-0.12f, 0.46f, 0.075f}, {-1, 0, 0}));
  const std::set<std::string> want = {"gastrocnemius_trp3", "gastrocnemius_trp4", "plantaris_trp1"};
  EXPECT_EQ(top_ids(result, 3), want) << describe(result);
  for (const std::string& id : want) EXPECT_EQ(find(result, id)->zone, ZoneKind::essential) << id;
  // Travell & Simons draw soleus referral on the calf and heel, not in the
  // popliteal fossa: it may appear at most as spillover.
  for (const ReferralCandidate& c : result) {
    if (c.muscle == "soleus") {
      EXPECT_EQ(c.zone, ZoneKind::spillover) << describe(result);
    }
  }
  // Gastrocnemius TrP1's back-of-knee area is spillover, so it ranks lower.
  const ReferralCandidate* trp1 = find(result, "gastrocnemius_trp1");
  ASSERT_NE(trp1, nullptr) << describe(result);
  EXPECT_EQ(trp1->zone, ZoneKind::spillover);
}

TEST(ReferralLookup, MidCalfPointsToGastrocnemiusTrp2AndSoleusTrp2) {
  // The back of the calf as the generated atlas has it (skin about 9 cm
  // behind the popliteal surface at mid-calf).
  const auto result = lookup_referral(bundled(), brush({-0.148f, 0.30f, 0.075f}, {-1, 0, 0}));
  const std::set<std::string> want = {"gastrocnemius_trp2", "soleus_trp2"};
  EXPECT_EQ(top_ids(result, 2), want) << describe(result);
  for (const std::string& id : want) EXPECT_EQ(find(result, id)->zone, ZoneKind::essential) << id;
}

// --- ranking rules -------------------------------------------------------------

TEST(ReferralLookup, EssentialRanksAboveSpilloverAndScoresFollowOverlap) {
  const auto result = lookup_referral(bundled(), brush({-0.12f, 0.46f, 0.075f}, {-1, 0, 0}));
  ASSERT_GE(result.size(), 4u);
  bool seen_spillover = false;
  for (const ReferralCandidate& c : result) {
    EXPECT_GE(c.score, 0.0f);
    EXPECT_LE(c.score, 1.0f);
    if (c.zone == ZoneKind::spillover) {
      seen_spillover = true;
    } else {
      EXPECT_FALSE(seen_spillover) << "essential after spillover:\n" << describe(result);
    }
  }
  for (std::size_t i = 1; i < result.size(); ++i) EXPECT_GE(result[i - 1].score, result[i].score);

  // Painting half on the heel and half far away halves the coverage.
  std::vector<glm::vec3> half = brush({-0.11f, 0.0f, 0.08f}, {0, -1, 0});
  const std::size_t n = half.size();
  for (std::size_t i = 0; i < n; ++i) half.push_back({1.0f, 1.0f, 1.0f});
  const auto halved = lookup_referral(bundled(), half);
  ASSERT_FALSE(halved.empty());
  EXPECT_EQ(halved[0].trigger_point, "soleus_trp1");
  EXPECT_NEAR(halved[0].coverage, 0.5f, 0.01f);
  EXPECT_NEAR(halved[0].score, 0.75f, 0.01f);
}

TEST(ReferralLookup, NothingPaintedOrNothingCoveredGivesNoCandidates) {
  EXPECT_TRUE(lookup_referral(bundled(), {}).empty());
  EXPECT_TRUE(lookup_referral(bundled(), {{2.0f, 2.0f, 2.0f}}).empty());
  ReferralOptions one;
  one.max_results = 1;
  EXPECT_EQ(lookup_referral(bundled(), brush({-0.12f, 0.46f, 0.075f}, {-1, 0, 0}), one).size(), 1u);
}

// --- snapping onto the skin ----------------------------------------------------

// An elliptic tube around the leg axis, capped, like a coarse skin.
Mesh tube_skin(int rings, int segments) {
  Mesh m;
  for (int r = 0; r <= rings; ++r) {
    const float y = 0.55f * static_cast<float>(r) / static_cast<float>(rings);
    for (int s = 0; s < segments; ++s) {
      const float a = 6.2831853f * static_cast<float>(s) / static_cast<float>(segments);
      m.positions.push_back({-0.06f + 0.055f * std::cos(a), y, 0.075f + 0.05f * std::sin(a)});
    }
  }
  for (int r = 0; r < rings; ++r)
    for (int s = 0; s < segments; ++s) {
      const std::uint32_t i0 = static_cast<std::uint32_t>(r * segments + s);
      const std::uint32_t i1 = static_cast<std::uint32_t>(r * segments + (s + 1) % segments);
      const std::uint32_t i2 = i0 + static_cast<std::uint32_t>(segments), i3 = i1 + static_cast<std::uint32_t>(segments);
      m.indices.insert(m.indices.end(), {i0, i2, i1, i1, i2, i3});
    }
  for (int end = 0; end < 2; ++end) {
    const std::uint32_t centre = static_cast<std::uint32_t>(m.positions.size());
    m.positions.push_back({-0.06f, end == 0 ? 0.0f : 0.55f, 0.075f});
    const std::uint32_t base = static_cast<std::uint32_t>(end == 0 ? 0 : rings * segments);
    for (int s = 0; s < segments; ++s) {
      const std::uint32_t a = base + static_cast<std::uint32_t>(s), b = base + static_cast<std::uint32_t>((s + 1) % segments);
      if (end == 0) m.indices.insert(m.indices.end(), {centre, a, b});
      else m.indices.insert(m.indices.end(), {centre, b, a});
    }
  }
  return m;
}

TEST(SkinIndex, FindsTheSameNearestPointAsAScanOfEveryTriangle) {
  const Mesh skin = tube_skin(60, 48);
  const SkinIndex index(skin);
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> x(-0.25f, 0.15f), y(-0.2f, 0.75f), z(-0.1f, 0.25f);
  for (int i = 0; i < 400; ++i) {
    const glm::vec3 p(x(rng), y(rng), z(rng));
    const SurfacePoint fast = snap_to_surface(index, p);
    const SurfacePoint slow = snap_to_surface(skin, p);
    ASSERT_NEAR(fast.distance, slow.distance, 1e-6f) << p.x << " " << p.y << " " << p.z;
    EXPECT_NEAR(glm::length(fast.point - p), fast.distance, 1e-5f);
  }
}

TEST(SkinIndex, SnapsAPointOntoTheCalfAndRespectsMaxDistance) {
  const SkinIndex index(tube_skin(60, 48));
  // 2 cm behind the posterior skin at mid-calf.
  const SurfacePoint s = snap_to_surface(index, {-0.135f, 0.30f, 0.075f});
  EXPECT_NEAR(s.distance, 0.02f, 1e-3f);
  EXPECT_NEAR(s.point.x, -0.115f, 1e-3f);
  EXPECT_NEAR(s.point.y, 0.30f, 1e-3f);
  EXPECT_FALSE(index.nearest({1.0f, 0.3f, 0.075f}, 0.1f).has_value());
  EXPECT_TRUE(index.nearest({1.0f, 0.3f, 0.075f}).has_value());
  EXPECT_FALSE(SkinIndex(Mesh{}).nearest({0, 0, 0}).has_value());
  EXPECT_THROW(snap_to_surface(SkinIndex(Mesh{}), {0, 0, 0}), InputError);
  EXPECT_THROW(snap_to_surface(Mesh{}, glm::vec3(0.0f)), InputError);
}

TEST(SkinIndex, ClosestPointOnTriangleCoversVerticesEdgesAndFace) {
  const glm::vec3 a(0, 0, 0), b(1, 0, 0), c(0, 1, 0);
  EXPECT_EQ(closest_point_on_triangle({-1, -1, 0}, a, b, c), a);
  EXPECT_EQ(closest_point_on_triangle({2, -0.5f, 0}, a, b, c), b);
  EXPECT_EQ(closest_point_on_triangle({0.5f, -1, 0}, a, b, c), glm::vec3(0.5f, 0, 0));
  EXPECT_LT(glm::length(closest_point_on_triangle({1, 1, 0}, a, b, c) - glm::vec3(0.5f, 0.5f, 0)), 1e-6f);
  EXPECT_LT(glm::length(closest_point_on_triangle({0.2f, 0.2f, 3}, a, b, c) - glm::vec3(0.2f, 0.2f, 0)), 1e-6f);
}

TEST(ReferralLookup, ZoneWeightsPaintTheHeelForSoleusAndNotTheShin) {
  // A patch of skin vertices: plantar heel, posterior heel, and the front of the shin.
  Mesh mesh;
  mesh.positions = {{-0.11f, 0.0f, 0.08f}, {-0.14f, 0.035f, 0.08f}, {-0.005f, 0.30f, 0.075f}};
  const ZoneWeights w = zone_weights(mesh, bundled(), "soleus");
  EXPECT_FLOAT_EQ(w.essential[0], 1.0f);
  EXPECT_FLOAT_EQ(w.essential[1], 1.0f);
  EXPECT_FLOAT_EQ(w.essential[2], 0.0f);
  EXPECT_FLOAT_EQ(w.spillover[2], 0.0f);
  const ZoneWeights ta = zone_weights(mesh, bundled(), "tibialis_anterior_trp1");
  EXPECT_FLOAT_EQ(ta.essential[0], 0.0f);
  EXPECT_GT(ta.spillover[2], 0.5f); // the shin is tibialis anterior spillover
  EXPECT_THROW(zone_weights(mesh, bundled(), "no_such_muscle"), InputError);
}

} // namespace
} // namespace crus
