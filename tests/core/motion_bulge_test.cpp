// Muscles bulge as they shorten: the belly widens in plantarflexion (the
// triceps surae) and dorsiflexion (tibialis anterior), the volume stays
// within 10 % of rest, the attachments do not move for it, and the normals
// stay unit length.
#include "core/motion/posed_leg.hpp"
#include "support/motion_fixture.hpp"
#include "support/test_support.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

using namespace crus;
using namespace crus::motion;

namespace {
const MotionModel& model() { return crus::test::motion_model(); }
const MuscleSet& muscles() { return crus::test::motion_muscles(); }
const Scene* atlas() { return crus::test::light_atlas(); }
LegPoser& poser() {
  static LegPoser p(model(), muscles(), *atlas());
  return p;
}
// The posed scene with the bulge (LegPoser) and without it (skinning alone).
struct Posed {
  Scene bulged, plain;
};
Posed posed_at(const Pose& pose) {
  Posed out{*atlas(), *atlas()};
  poser().apply(pose, out.bulged);
  pose_scene(poser().skin(), *atlas(), pose_bodies(model(), pose), out.plain);
  return out;
}
const StructureSkin& skin_of(const std::string& id) {
  const int si = atlas()->index_of(id);
  for (const auto& ss : poser().skin().structures)
    if (static_cast<int>(ss.structure) == si) return ss;
  throw std::runtime_error("no skin for " + id);
}
// Mean distance of the belly's vertices (bulge weight over a half) from the
// centre line at their level, carried by the same skinning as the vertex:
// the belly's thickness at the pose.
double belly_thickness(const Mesh& mesh, const StructureSkin& ss, const std::vector<Rigid>& bodies) {
  double d = 0.0;
  std::size_t n = 0;
  for (std::size_t v = 0; v < mesh.positions.size(); ++v)
    if (ss.bulge.vertices[v].weight > 0.5f) {
      d += glm::length(mesh.positions[v] - skin_point(ss.vertices[v], bodies, ss.bulge.vertices[v].centre));
      ++n;
    }
  return d / static_cast<double>(std::max<std::size_t>(n, 1));
}
#define REQUIRE_ATLAS() ASSERT_TRUE(atlas()) << "the bundled atlas is missing; it is part of the repository"
} // namespace

TEST(MotionBulge, ShortenedBellyWidensAndVolumeStaysNearRest) {
  REQUIRE_ATLAS();
  struct Case {
    const char* muscle;
    Pose pose;
    bool shortens;
  };
  const Case cases[] = {
      {"gastrocnemius_medial_head", {0.0, -40.0, 0.0, 0.0}, true},
      {"gastrocnemius_lateral_head", {0.0, -40.0, 0.0, 0.0}, true},
      {"soleus", {0.0, -40.0, 0.0, 0.0}, true},
      {"tibialis_anterior", {0.0, -40.0, 0.0, 0.0}, false},
      {"gastrocnemius_medial_head", {0.0, 30.0, 0.0, 0.0}, false},
      {"soleus", {0.0, 30.0, 0.0, 0.0}, false},
      {"tibialis_anterior", {0.0, 30.0, 0.0, 0.0}, true},
      // Deep flexion with plantarflexion: the gastrocnemius path shortens most;
      // the clamp holds what the bulge adds (the skinning itself loses a
      // quarter of the heads' volume where they fold over the condyles at
      // knee 120, so this case is measured against skinning alone).
      {"gastrocnemius_medial_head", {120.0, -40.0, 0.0, 0.0}, true},
      {"gastrocnemius_lateral_head", {120.0, -40.0, 0.0, 0.0}, true},
  };
  for (const Case& c : cases) {
    const Posed posed = posed_at(c.pose);
    const int si = atlas()->index_of(c.muscle);
    ASSERT_GE(si, 0) << c.muscle;
    const auto i = static_cast<std::size_t>(si);
    const StructureSkin& ss = skin_of(c.muscle);
    ASSERT_GE(ss.bulge.muscle, 0) << c.muscle << " has no bulge bound";
    std::size_t belly = 0;
    for (const auto& b : ss.bulge.vertices) belly += b.weight > 0.5f ? 1 : 0;
    EXPECT_GT(belly, ss.bulge.vertices.size() / 8) << c.muscle << ": the fleshy belly takes the bulge";
    const auto bodies = pose_bodies(model(), c.pose);
    const double wide = belly_thickness(posed.bulged.structures[i].mesh, ss, bodies);
    const double plain = belly_thickness(posed.plain.structures[i].mesh, ss, bodies);
    const double rest_volume = signed_volume(atlas()->structures[i].mesh);
    const double volume = signed_volume(posed.bulged.structures[i].mesh);
    const std::string what =
        std::string(c.muscle) + " at knee " + std::to_string(c.pose.knee_deg) + ", ankle " + std::to_string(c.pose.ankle_deg);
    if (c.shortens) {
      EXPECT_GT(wide, plain * 1.01) << what << ": a shortened belly widens";
    } else {
      EXPECT_LT(wide, plain * 0.995) << what << ": a lengthened belly thins";
    }
    const double plain_volume = signed_volume(posed.plain.structures[i].mesh);
    if (c.pose.knee_deg == 0.0) {
      EXPECT_NEAR(volume / rest_volume, 1.0, 0.10) << what;
    }
    EXPECT_NEAR(volume / plain_volume, 1.0, 0.20) << what;
    if (c.shortens) {
      EXPECT_GT(volume, plain_volume) << what;
    }
    std::cout << what << ": belly thickness " << wide / plain << " of skinning alone, volume " << volume / rest_volume
              << " of rest\n";
    for (const auto& n : posed.bulged.structures[i].mesh.normals) ASSERT_NEAR(glm::length(n), 1.0f, 1e-3f) << what;
  }
}

TEST(MotionBulge, AttachmentsAndTendonsDoNotBulge) {
  REQUIRE_ATLAS();
  ASSERT_TRUE(atlas()->manifest);
  const Pose pose{0.0, -40.0, 0.0, 0.0};
  const Posed posed = posed_at(pose);
  // Every vertex on an attachment capsule of the triceps surae stays where
  // skinning alone puts it: the bulge is blended out there.
  std::size_t checked = 0;
  for (const char* id : {"gastrocnemius_medial_head", "gastrocnemius_lateral_head", "soleus", "tibialis_anterior"}) {
    const auto i = static_cast<std::size_t>(atlas()->index_of(id));
    const Mesh& rest = atlas()->structures[i].mesh;
    for (const AttachmentSite* site : atlas()->manifest->sites_of(id))
      for (std::size_t v = 0; v < rest.positions.size(); ++v) {
        float d = 1e9f;
        for (const Capsule& c : site->patches) d = std::min(d, distance_to_capsule(c, rest.positions[v]));
        if (d > 0.003f) continue;
        ++checked;
        ASSERT_LT(glm::length(posed.bulged.structures[i].mesh.positions[v] - posed.plain.structures[i].mesh.positions[v]), 1e-4f)
            << id << " vertex " << v << " at an attachment moved with the bulge";
      }
  }
  EXPECT_GT(checked, 20u);
}

TEST(MotionBulge, NeutralPoseHasNoBulge) {
  REQUIRE_ATLAS();
  const Posed posed = posed_at(Pose{});
  for (std::size_t i = 0; i < posed.bulged.structures.size(); ++i)
    for (std::size_t v = 0; v < posed.bulged.structures[i].mesh.positions.size(); ++v)
      ASSERT_LT(glm::length(posed.bulged.structures[i].mesh.positions[v] - atlas()->structures[i].mesh.positions[v]), 1e-6f)
          << posed.bulged.structures[i].id;
}
