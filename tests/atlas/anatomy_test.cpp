// The atlas against the published figures it is built from: joint centres,
// muscle attachments and paths (Rajagopal 2016) and muscle volumes.
#include "atlas_fixture.hpp"
#include "atlas/reference_data.hpp"
#include "support/test_support.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <cstdio>
#include <map>

namespace crus::test {
namespace {

const std::map<std::string, std::string> kJointNames = {
    {"walker_knee_r", "knee"}, {"ankle_r", "ankle"}, {"subtalar_r", "subtalar"}, {"mtp_r", "mtp"}};

const std::map<std::string, std::string> kMuscleNames = {
    {"edl_r", "extensor_digitorum_longus"}, {"ehl_r", "extensor_hallucis_longus"},      {"fdl_r", "flexor_digitorum_longus"},
    {"fhl_r", "flexor_hallucis_longus"},    {"gaslat_r", "gastrocnemius_lateral_head"}, {"gasmed_r", "gastrocnemius_medial_head"},
    {"perbrev_r", "fibularis_brevis"},      {"perlong_r", "fibularis_longus"},          {"soleus_r", "soleus"},
    {"tibant_r", "tibialis_anterior"},      {"tibpost_r", "tibialis_posterior"}};

glm::vec3 manifest_joint(const std::string& id) {
  for (const auto& j : shared_atlas().manifest.joints)
    if (j.id == id) return j.position;
  ADD_FAILURE() << "manifest has no joint " << id;
  return glm::vec3(0.0f);
}

TEST(AtlasAnatomy, JointCentresMatchThePublishedModel) {
  CRUS_REQUIRE_REFERENCE();
  int seen = 0;
  for (const auto& ref : reference_joints()) {
    auto it = kJointNames.find(ref.name);
    if (it == kJointNames.end()) continue;
    ++seen;
    const float d = glm::length(manifest_joint(it->second) - ref.position);
    EXPECT_LE(d, 0.005f) << it->second;
  }
  EXPECT_EQ(seen, 4);
}

TEST(AtlasAnatomy, BonesAreBuiltAroundTheJointCentres) {
  const auto& m = shared_atlas().manifest;
  const glm::vec3 ankle = manifest_joint("ankle"), knee = manifest_joint("knee");
  // The ankle centre lies between the malleoli, inside the talus (trochlea).
  EXPECT_LT(m.find_landmark("medial_malleolus")->position.z, ankle.z);
  EXPECT_GT(m.find_landmark("lateral_malleolus")->position.z, ankle.z);
  EXPECT_TRUE(inside_mesh(atlas_mesh("talus"), ankle));
  EXPECT_GT(m.find_landmark("trochlea_of_talus")->position.y, ankle.y);
  // The knee centre lies between the femoral condyles, just above the tibia.
  EXPECT_LT(m.find_landmark("medial_femoral_condyle")->position.z, knee.z);
  EXPECT_GT(m.find_landmark("lateral_femoral_condyle")->position.z, knee.z);
  const Aabb tibia = bounds(atlas_mesh("tibia"));
  EXPECT_GT(knee.y, tibia.max.y);
  EXPECT_LT(knee.y - tibia.max.y, 0.03f);
  EXPECT_LT(distance_to_mesh(atlas_mesh("femur"), knee), 0.03f);
  // Subtalar and metatarsophalangeal centres sit at their bones.
  EXPECT_LT(distance_to_mesh(atlas_mesh("calcaneus"), manifest_joint("subtalar")), 0.02f);
  EXPECT_LT(distance_to_mesh(atlas_mesh("metatarsal_3"), manifest_joint("mtp")), 0.02f);
}

TEST(AtlasAnatomy, AttachmentSitesSitAtThePublishedPathEnds) {
  CRUS_REQUIRE_REFERENCE();
  const auto& m = shared_atlas().manifest;
  for (const auto& [model, points] : reference_muscle_paths()) {
    auto it = kMuscleNames.find(model);
    ASSERT_NE(it, kMuscleNames.end()) << model;
    // The published point lies on or beside the attachment (on one of its
    // bones' parts where the atlas splits it per bone).
    auto nearest = [](const std::vector<const AttachmentSite*>& parts, const glm::vec3& p) {
      float best = 1e9f;
      for (const AttachmentSite* s : parts)
        for (const Capsule& c : s->patches) best = std::min(best, std::max(0.0f, distance_to_capsule(c, p)));
      return best;
    };
    const auto origin = m.attachment(it->second + "_origin");
    const auto insertion = m.attachment(it->second + "_insertion");
    ASSERT_FALSE(origin.empty()) << it->second;
    ASSERT_FALSE(insertion.empty()) << it->second;
    const float d0 = nearest(origin, points.front());
    const float d1 = nearest(insertion, points.back());
    std::printf("%-28s origin %5.1f mm  insertion %5.1f mm\n", it->second.c_str(), d0 * 1e3f, d1 * 1e3f);
    // Within 20 mm: the patches follow the anatomical words (tests/atlas/
    // attachment_test.cpp), while the model's origin points for the long
    // muscles of the leg (fibularis longus and brevis, the long extensors,
    // flexor hallucis longus) lie on their lines of action, 12 to 19 mm off
    // the bony area (measured on the generated atlas, issue 11).
    EXPECT_LE(d0, 0.020f) << it->second << " origin";
    EXPECT_LE(d1, 0.012f) << it->second << " insertion";
  }
}

TEST(AtlasAnatomy, MusclesPassThroughThePublishedViaPoints) {
  CRUS_REQUIRE_REFERENCE();
  for (const auto& [model, points] : reference_muscle_paths()) {
    const std::string& id = kMuscleNames.at(model);
    for (std::size_t i = 1; i + 1 < points.size(); ++i) {
      const glm::vec3 p = points[i];
      float d = inside_mesh(atlas_mesh(id), p) ? 0.0f : distance_to_mesh(atlas_mesh(id), p);
      if (id == "soleus" || id.rfind("gastrocnemius", 0) == 0)
        d = std::min(d, distance_to_mesh(atlas_mesh("calcaneal_tendon"), p));
      EXPECT_LE(d, 0.010f) << id << " via point " << i << " at " << p.x << ", " << p.y << ", " << p.z;
    }
  }
}

TEST(AtlasAnatomy, MuscleVolumesMatchPublishedValues) {
  // Issue 11 (second edition): where the outline a teacher sees and the
  // published volume cannot both hold, the outline wins and the shortfall is
  // stated (docs/ATLAS-MEASUREMENTS.md). The muscles aim above their
  // published volumes (muscles.cpp) to fill the outline, and the sizing
  // follows each one's measured growth to its aim or its walls. Tibialis
  // anterior and extensor digitorum longus now hold (third round: the
  // anterolateral curve of the fascia and the septum between them over the
  // fibula's anterior border give them room). The medial head of
  // gastrocnemius, a sheet at most 25 mm thick (8% thicker took it to 29 mm)
  // whose width meets the fascia, reaches about 67%: held to the shortfall
  // measured, so that it cannot grow unnoticed.
  const std::map<std::string, double> outline_first{{"gastrocnemius_medial_head", 0.33}};
  for (const auto& v : atlas::published_volumes()) {
    const double volume = signed_volume(atlas_mesh(v.structure)) * 1e6;
    std::printf("%-28s %7.1f cm3 (published %6.1f, %s)\n", v.structure.c_str(), volume, v.volume_cm3, v.source);
    const auto wider = outline_first.find(v.structure);
    EXPECT_NEAR(volume, v.volume_cm3, (wider == outline_first.end() ? 0.2 : wider->second) * v.volume_cm3) << v.structure;
  }
}

TEST(AtlasAnatomy, PublishedVolumesAreTheModelsOwn) {
  // The volumes the generator aims at were typed in from the model's
  // parameters: a slip of a digit shows here.
  CRUS_REQUIRE_REFERENCE();
  const auto reference = reference_muscle_volumes();
  ASSERT_EQ(reference.size(), kMuscleNames.size());
  for (const auto& [model, volume] : reference) {
    const std::string& id = kMuscleNames.at(model);
    const atlas::PublishedVolume* published = nullptr;
    for (const auto& v : atlas::published_volumes())
      if (v.structure == id) published = &v;
    ASSERT_NE(published, nullptr) << id;
    EXPECT_NEAR(published->volume_cm3, volume, 0.01 * volume) << id;
  }
}

TEST(AtlasAnatomy, TendonsArePaleAndBelliesRed) {
  // Vertex colours: the fibularis longus tendon where it passes behind the
  // lateral malleolus, and the tibialis anterior tendon on the dorsum of the
  // foot, are tendon-coloured; the middle of each belly is muscle-coloured.
  const auto pale = [](const glm::vec3& c) { return c.g > 0.5f && c.b > 0.4f; };
  const auto red = [](const glm::vec3& c) { return c.r > 2.0f * c.g && c.r > 0.2f; };
  auto colour_near = [](const std::string& id, const glm::vec3& p) {
    const Mesh& m = atlas_mesh(id);
    EXPECT_EQ(m.colours.size(), m.positions.size()) << id;
    std::size_t best = 0;
    for (std::size_t i = 1; i < m.positions.size(); ++i)
      if (glm::length(m.positions[i] - p) < glm::length(m.positions[best] - p)) best = i;
    return m.colours.empty() ? glm::vec3(0.0f) : m.colours[best];
  };
  const glm::vec3 malleolus = shared_atlas().manifest.find_landmark("lateral_malleolus")->position;
  EXPECT_TRUE(pale(colour_near("fibularis_longus", malleolus - glm::vec3(0.02f, 0.0f, 0.0f))));
  EXPECT_TRUE(pale(colour_near("tibialis_anterior", {0.0f, 0.04f, 0.055f})));
  EXPECT_TRUE(red(colour_near("fibularis_longus", {-0.066f, 0.30f, 0.135f})));
  EXPECT_TRUE(red(colour_near("tibialis_anterior", {-0.02f, 0.30f, 0.10f})));
  // A muscle without a tendon of its own keeps one colour.
  EXPECT_TRUE(atlas_mesh("soleus").colours.empty());
}

TEST(AtlasAnatomy, ManifestNamesEveryStructureLandmarkAndSite) {
  const auto& m = shared_atlas().manifest;
  EXPECT_EQ(m.structures.size(), 44u);
  EXPECT_GE(m.landmarks.size(), 30u);
  for (const auto& s : m.structures) {
    EXPECT_EQ(s.node, s.id);
    if (s.kind == StructureKind::muscle) {
      EXPECT_FALSE(m.attachment(s.id + "_origin").empty()) << s.id;
      EXPECT_FALSE(m.attachment(s.id + "_insertion").empty()) << s.id;
    }
  }
  EXPECT_NE(m.find_site("calcaneal_tendon_insertion"), nullptr);
  // Every landmark lies on its bone, every patch touches its bone.
  for (const auto& l : m.landmarks) EXPECT_LT(distance_to_mesh(atlas_mesh(l.bone), l.position), 0.0015f) << l.id;
  for (const auto& s : m.sites) {
    float nearest = 1e9f;
    for (const auto& c : s.patches)
      for (const auto& [id, mesh] : shared_atlas().meshes) {
        const auto* info = m.find_structure(id);
        if (info->kind != StructureKind::bone) continue;
        nearest = std::min(nearest, distance_to_mesh(mesh, 0.5f * (c.a + c.b)) - c.radius);
      }
    EXPECT_LT(nearest, 0.0f) << s.id << ": its patches must cut a bone surface";
  }
}

} // namespace
} // namespace crus::test
