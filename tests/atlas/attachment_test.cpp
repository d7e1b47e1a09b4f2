// Issue 11, "attachments match the words": every attachment is a patch on
// the bone the knowledge base names, where the text puts it, and each site
// lies on one bone.
#include "atlas_fixture.hpp"
#include "support/test_support.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

namespace crus::test {
namespace {

struct BoneFrame {
  float top = 0.0f, bottom = 0.0f; // highest and lowest y of the bone mesh
  float fraction(const glm::vec3& p) const { return (top - p.y) / (top - bottom); }
};

BoneFrame frame_of(const std::string& bone) {
  const Mesh& m = atlas_mesh(bone);
  BoneFrame f{-1e9f, 1e9f};
  for (const auto& p : m.positions) {
    f.top = std::max(f.top, p.y);
    f.bottom = std::min(f.bottom, p.y);
  }
  return f;
}

// The middle of the bone's cross-section at the height of p.
glm::vec3 section_centre(const std::string& bone, const glm::vec3& p) {
  glm::vec3 sum(0.0f);
  int n = 0;
  for (const auto& q : atlas_mesh(bone).positions)
    if (std::abs(q.y - p.y) < 0.003f) {
      sum += q;
      ++n;
    }
  return n ? sum / float(n) : p;
}

// Where the words put each part, as fractions of its bone's length from the
// top, and which way its surface faces (Gray's 42nd ed.; Moore 8th ed.).
struct Region {
  const char* site;
  const char* bone;
  float from, to;
  glm::vec3 facing;
};
const glm::vec3 kPosterior{-1, 0, 0}, kAnterior{1, 0, 0}, kLateral{0, 0, 1}, kMedial{0, 0, -1};
const Region kRegions[] = {
    // "Soleal line and the middle third of the medial border of the tibia"
    {"soleus_origin_tibia", "tibia", 0.15f, 0.667f, kPosterior},
    // "Posterior surface of the head and upper quarter to third of the shaft"
    {"soleus_origin_fibula", "fibula", 0.0f, 0.333f, kPosterior},
    {"tibialis_anterior_origin", "tibia", 0.0f, 0.60f, kLateral},
    {"fibularis_longus_origin", "fibula", 0.0f, 0.667f, kLateral},
    {"fibularis_brevis_origin", "fibula", 0.333f, 0.90f, kLateral},
    {"fibularis_tertius_origin", "fibula", 0.60f, 0.90f, kAnterior},
    {"tibialis_posterior_origin_tibia", "tibia", 0.15f, 0.667f, kPosterior},
    {"tibialis_posterior_origin_fibula", "fibula", 0.05f, 0.667f, kPosterior},
    // "below the soleal line, down to about 7 to 8 cm above the ankle"
    {"flexor_digitorum_longus_origin", "tibia", 0.25f, 0.80f, kPosterior},
    {"flexor_hallucis_longus_origin", "fibula", 0.333f, 0.90f, kPosterior},
    {"extensor_digitorum_longus_origin_tibia", "tibia", 0.08f, 0.15f, kLateral},
    {"extensor_digitorum_longus_origin_fibula", "fibula", 0.0f, 0.75f, kAnterior},
    {"extensor_hallucis_longus_origin", "fibula", 0.25f, 0.75f, kAnterior},
    {"popliteus_insertion", "tibia", 0.07f, 0.22f, kPosterior},
};

TEST(AtlasAttachments, EverySiteLiesOnTheOneBoneItNames) {
  const auto& m = shared_atlas().manifest;
  for (const auto& s : m.sites) {
    const StructureInfo* bone = m.find_structure(s.bone);
    ASSERT_NE(bone, nullptr) << s.id;
    EXPECT_EQ(bone->kind, StructureKind::bone) << s.id;
    for (const auto& c : s.patches)
      for (const glm::vec3& p : {c.a, c.b, 0.5f * (c.a + c.b)})
        EXPECT_LT(distance_to_mesh(atlas_mesh(s.bone), p), 0.0025f) << s.id << " patch point off " << s.bone;
    // Each patch lies nearer its own bone than any other (the soleus
    // origin's fibular part is no longer filed under the tibia).
    for (const auto& [id, mesh] : shared_atlas().meshes) {
      const StructureInfo* other = m.find_structure(id);
      if (id == s.bone || other->kind != StructureKind::bone) continue;
      for (const auto& c : s.patches)
        for (const glm::vec3& p : {c.a, c.b})
          EXPECT_GT(distance_to_mesh(mesh, p), distance_to_mesh(atlas_mesh(s.bone), p)) << s.id << " lies on " << id;
    }
  }
}

TEST(AtlasAttachments, AttachmentsSpanningBonesAreSplitPerBone) {
  const auto& m = shared_atlas().manifest;
  const auto soleus = m.attachment("soleus_origin");
  ASSERT_EQ(soleus.size(), 2u);
  EXPECT_EQ(m.find_site("soleus_origin_tibia")->bone, "tibia");
  EXPECT_EQ(m.find_site("soleus_origin_fibula")->bone, "fibula");
  EXPECT_EQ(m.find_site("soleus_origin"), nullptr);
  EXPECT_EQ(m.attachment("flexor_digitorum_longus_insertion").size(), 4u);
  EXPECT_EQ(m.attachment("tibialis_posterior_origin").size(), 2u);
  // Single-bone attachments keep their plain id.
  ASSERT_NE(m.find_site("fibularis_brevis_origin"), nullptr);
  EXPECT_EQ(m.find_site("fibularis_brevis_origin")->bone, "fibula");
}

TEST(AtlasAttachments, PatchesLieWhereTheTextPutsThem) {
  const auto& m = shared_atlas().manifest;
  for (const Region& r : kRegions) {
    const AttachmentSite* s = m.find_site(r.site);
    ASSERT_NE(s, nullptr) << r.site;
    EXPECT_EQ(s->bone, r.bone) << r.site;
    const BoneFrame f = frame_of(r.bone);
    float lo = 1e9f, hi = -1e9f;
    for (const auto& c : s->patches)
      for (const glm::vec3& p : {c.a, c.b, 0.5f * (c.a + c.b)}) {
        const float t = f.fraction(p);
        lo = std::min(lo, t);
        hi = std::max(hi, t);
        EXPECT_GE(t, r.from - 0.05f) << r.site << " reaches above its region";
        EXPECT_LE(t, r.to + 0.05f) << r.site << " reaches below its region";
        EXPECT_GT(glm::dot(p - section_centre(r.bone, p), r.facing), -0.001f) << r.site << " on the wrong face at y " << p.y;
      }
    std::printf("%-42s %5.2f to %5.2f of the %s (text: %4.2f to %4.2f)\n", r.site, lo, hi, r.bone, r.from, r.to);
    EXPECT_GE(hi - lo, 0.6f * (r.to - r.from)) << r.site << " covers too little of its region";
  }
  // The soleus reaches the middle third of the medial tibial border, on its
  // medial side.
  const AttachmentSite* tibial = m.find_site("soleus_origin_tibia");
  const BoneFrame tibia = frame_of("tibia");
  bool middle_third = false;
  for (const auto& c : tibial->patches)
    for (const glm::vec3& p : {c.a, c.b})
      if (tibia.fraction(p) > 0.6f && glm::dot(p - section_centre("tibia", p), kMedial) > 0.0f) middle_third = true;
  EXPECT_TRUE(middle_third) << "the soleus origin stops short of the middle third of the medial border";
}

} // namespace
} // namespace crus::test
