// How far the posed leg passes into itself at the ends of the ranges: skin
// into bone, muscles, tendons and nerves into bone or out through the skin,
// bone into bone. Measured as the depth each vertex of A lies inside
// the closed mesh B (generalized winding number over a half; depth = its
// distance to B's surface), less the depth it already had at rest, since the
// atlas lets some structures touch by design (the tibial nerve in the
// soleus). Vertices within an attachment's release distance are excepted:
// there a muscle is meant to meet its bone. Calf against thigh at full knee
// flexion is skin against skin, which is not measured.
#include "core/motion/posed_leg.hpp"
#include "core/document/scene_picks.hpp"
#include "core/geometry/rest_frame.hpp"
#include "core/motion/presets.hpp"
#include "core/geometry/picking.hpp"
#include "support/motion_fixture.hpp"
#include "support/test_support.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <map>
#include <sstream>

using namespace crus;
using namespace crus::motion;

namespace {
const MotionModel& model() { return crus::test::motion_model(); }
const MuscleSet& muscles() { return crus::test::motion_muscles(); }
const Scene* atlas() { return crus::test::light_atlas(); }

// Generalized winding number of a mesh about p (Jacobson et al. 2013):
// the sum of the triangles' solid angles over 4 pi; 1 inside a closed
// mesh, 0 outside, and a fair answer near the openings of an open one.
double winding(const Mesh& m, const glm::vec3& p) {
  double total = 0.0;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    const glm::dvec3 a = glm::dvec3(m.positions[m.indices[t]] - p), b = glm::dvec3(m.positions[m.indices[t + 1]] - p),
                     c = glm::dvec3(m.positions[m.indices[t + 2]] - p);
    const double la = glm::length(a), lb = glm::length(b), lc = glm::length(c);
    const double num = glm::dot(a, glm::cross(b, c));
    const double den = la * lb * lc + glm::dot(a, b) * lc + glm::dot(b, c) * la + glm::dot(c, a) * lb;
    total += 2.0 * std::atan2(num, den);
  }
  return total / (4.0 * 3.14159265358979);
}

struct Probe {
  const Scene& scene;
  PickIndex picks;
  explicit Probe(const Scene& s) : scene(s) { picks = pick_index_of(s); }
  // A posed bone's mesh is its rest mesh: the point goes back by its matrix.
  glm::vec3 in_mesh_frame(const glm::vec3& p, int b) const {
    return moved_point(rigid_inverse(scene.structures[static_cast<std::size_t>(b)].transform), p);
  }
  // Depth of p inside structure b (0 when outside).
  float inside(const glm::vec3& p, int b) const {
    const Aabb& box = scene.structures[static_cast<std::size_t>(b)].box;
    if (glm::any(glm::lessThan(p, box.min)) || glm::any(glm::greaterThan(p, box.max))) return 0.0f;
    if (winding(scene.structures[static_cast<std::size_t>(b)].mesh, in_mesh_frame(p, b)) < 0.5) return 0.0f;
    const auto hit = picks.nearest_point(p, b);
    return hit ? hit->distance : 0.0f;
  }
  // Depth of p outside structure b (0 when inside).
  float outside(const glm::vec3& p, int b) const {
    if (winding(scene.structures[static_cast<std::size_t>(b)].mesh, in_mesh_frame(p, b)) >= 0.5) return 0.0f;
    const auto hit = picks.nearest_point(p, b);
    return hit ? hit->distance : 0.0f;
  }
};

struct Worst {
  float depth = 0.0f;
  std::string what;
  void take(float d, const std::string& w) {
    if (d > depth) {
      depth = d;
      what = w;
    }
  }
};

bool near_attachment(const std::string& id, const glm::vec3& p) {
  for (const AttachmentSite* site : atlas()->manifest->sites_of(id))
    for (const Capsule& c : site->patches)
      if (distance_to_capsule(c, p) < 0.03f) return true;
  return false;
}

// Each class of contact at one pose, the worst new depth (m) and where.
std::map<std::string, Worst> measure(const Scene& posed, const Probe& rest, const Probe& now) {
  std::map<std::string, Worst> out;
  std::vector<int> bones;
  const int skin = atlas()->index_of("skin");
  for (std::size_t i = 0; i < atlas()->structures.size(); ++i)
    if (atlas()->structures[i].kind == StructureKind::bone) bones.push_back(static_cast<int>(i));
  for (std::size_t a = 0; a < atlas()->structures.size(); ++a) {
    const SceneStructure& s = atlas()->structures[a];
    const bool soft = s.kind == StructureKind::muscle || s.kind == StructureKind::tendon || s.kind == StructureKind::nerve;
    for (std::size_t v = 0; v < s.mesh.positions.size(); ++v) {
      // A posed bone's mesh is its rest mesh: where the vertex is now comes from its matrix.
      const glm::vec3 r = s.mesh.positions[v], p = current_point(posed.structures[a], posed.structures[a].mesh.positions[v]);
      if (soft && near_attachment(s.id, r)) continue;
      const std::string where = s.id + " vertex " + std::to_string(v);
      for (int b : bones) {
        if (b == static_cast<int>(a)) continue;
        const std::string into = " into " + atlas()->structures[static_cast<std::size_t>(b)].id;
        const float d = now.inside(p, b);
        if (d <= 0.0f) continue;
        const float extra = d - rest.inside(r, b);
        if (s.kind == StructureKind::skin) out["skin into bone"].take(extra, where + into);
        else if (s.kind == StructureKind::bone) out["bone into bone"].take(extra, where + into);
        else out["soft tissue into bone"].take(extra, where + into);
      }
      if (soft && skin >= 0) {
        const float d = now.outside(p, skin);
        if (d > 0.0f) out["soft tissue out through the skin"].take(d - rest.outside(r, skin), where);
      }
    }
  }
  return out;
}
#define REQUIRE_ATLAS() ASSERT_TRUE(atlas()) << "the bundled atlas is missing; it is part of the repository"
} // namespace

TEST(MotionInterpenetration, EndsOfTheRangesPassNoMoreThanAFewMillimetres) {
  REQUIRE_ATLAS();
  ASSERT_TRUE(atlas()->manifest);
  const Probe rest(*atlas());
  LegPoser poser(model(), muscles(), *atlas());
  // Knee 0 and 120 with the ankle at both ends and neutral, the subtalar and
  // MTP ends, and every preset.
  std::vector<Pose> poses;
  for (double knee : {0.0, 120.0})
    for (double ankle : {-40.0, 0.0, 30.0})
      if (knee != 0.0 || ankle != 0.0) poses.push_back({knee, ankle, 0, 0});
  for (double subtalar : {-20.0, 20.0}) poses.push_back({0, 0, subtalar, 0});
  for (double mtp : {-30.0, 30.0}) poses.push_back({0, 0, 0, mtp});
  for (const PosePreset& preset : pose_presets()) poses.push_back(preset.pose);
  // Soft tissue may pass at most 3 mm into a bone or out through the skin;
  // skin and bones 5 mm. Where the leg still passes further the miss is
  // named with its figure (plus 1 mm for rounding across compilers), so any
  // worsening fails; see docs/motion/README.md.
  constexpr float kSoftLimit = 0.003f, kLimit = 0.005f;
  const std::map<std::pair<std::string, std::string>, float> known{
      // Soft tissue into bone: none any more. What the blend still takes
      // into a bone at a pose (the popliteus and the medial gastrocnemius
      // head into the back of the tibia at full knee flexion, the common
      // fibular nerve into its lateral condyle) is pushed out of the bone as
      // it stands (src/core/motion/bone_collision.cpp), so no entry.
      // Out through the skin: none any more. The posed skin is settled over
      // the posed tissue (skin_settle.hpp), so the plantaris tendon behind
      // the ankle in full plantarflexion (6.6 mm before) and the
      // gastrocnemius at knee 90 (7.0 mm) stay under it. At knee 120 the
      // medial and lateral gastrocnemius heads still came 3.5 to 5.7 mm out
      // in the crease behind the knee, where the calf's skin folded against
      // the thigh's; the fold pass (outwards only) fills that crease and
      // covers them, so no entry.
      // Bone into bone: none any more (the bones are cleared across the
      // ankle's ranges, src/atlas/joint_range.cpp), so no entry.
  };

  for (const Pose& pose : poses) {
    Scene posed = *atlas();
    poser.apply(pose, posed);
    const Probe now(posed);
    const auto worst = measure(posed, rest, now);
    std::ostringstream name;
    name << "knee " << pose.knee_deg << " ankle " << pose.ankle_deg;
    if (pose.subtalar_deg != 0.0) name << " subtalar " << pose.subtalar_deg;
    if (pose.mtp_deg != 0.0) name << " mtp " << pose.mtp_deg;
    std::cout << name.str() << ":";
    for (const auto& [kind, w] : worst)
      std::cout << "  " << kind << " " << std::fixed << std::setprecision(1) << w.depth * 1000.0f << " mm (" << w.what << ")";
    std::cout << "\n";
    for (const auto& [kind, w] : worst) {
      float limit = kind.rfind("soft tissue", 0) == 0 ? kSoftLimit : kLimit;
      if (const auto k = known.find({name.str(), kind}); k != known.end()) limit = k->second;
      EXPECT_LT(w.depth, limit) << name.str() << ": " << kind << ", worst " << w.what;
    }
  }
}
