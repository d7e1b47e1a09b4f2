// The generated bones moved through the motion model's ranges (ankle,
// subtalar, knee, toes; assets/motion/joints.json): no bone passes into
// another by more than a millimetre at the ends of the ranges or between
// them. Each vertex of a bone's generated mesh is carried to the pose, then
// back into the rest frame of every bone on another body, where that bone's
// signed distance field (what its mesh was made from) says how deep it lies.
#include "atlas/structures.hpp"
#include "atlas_fixture.hpp"
#include "core/motion/kinematics.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

namespace crus::test {
namespace {

TEST(AtlasBoneMotion, PosedBonesStayOutOfEachOther) {
  const motion::MotionModel model = motion::load_motion_model(source_dir() + "/assets/motion/joints.json");
  const std::vector<atlas::StructureSpec> bones = atlas::build_bones();
  std::map<std::string, const atlas::Field*> fields;
  for (const auto& b : bones) fields[b.id] = &b.field;
  // The ends of each range and points between them, the ankle's and the
  // subtalar joint's combined (they move the same bones against the leg).
  std::vector<motion::Pose> poses;
  for (double ankle : {-40.0, -20.0, 0.0, 15.0, 30.0})
    for (double subtalar : {-20.0, 0.0, 20.0}) poses.push_back({0.0, ankle, subtalar, 0.0});
  for (double knee : {60.0, 120.0}) poses.push_back({knee, 0.0, 0.0, 0.0});
  for (double mtp : {-30.0, 30.0})
    for (double ankle : {-40.0, 30.0}) poses.push_back({0.0, ankle, 0.0, mtp});
  // The patella rides on the femur through the model's patellofemoral
  // joint, which these shapes do not yet follow: 1.4 mm at 60 degrees of knee
  // flexion is named as a known miss (plus 0.1 mm), so any worsening fails.
  // Every other pair stays within 1 mm.
  float worst = 0.0f, worst_patella = 0.0f;
  std::string where;
  for (const motion::Pose& pose : poses) {
    const std::vector<motion::Rigid> bodies = motion::pose_bodies(model, pose);
    for (const auto& [a, mesh] : shared_atlas().meshes) {
      const int ba = model.body_of_structure(a);
      if (fields.count(a) == 0 || ba < 0) continue;
      for (const auto& [b, field] : fields) {
        const int bb = model.body_of_structure(b);
        if (b == a || bb < 0 || bb == ba) continue;
        const motion::Rigid to_b = bodies[std::size_t(bb)].inverse() * bodies[std::size_t(ba)];
        for (const glm::vec3& p : mesh.positions) {
          const glm::vec3 q(to_b(glm::dvec3(p)));
          if (atlas::box_distance(field->box, q) > 0.0f) continue;
          const float depth = -field->eval(q);
          if ((a == "patella" && b == "femur") || (a == "femur" && b == "patella")) {
            worst_patella = std::max(worst_patella, depth);
            continue;
          }
          if (depth > worst) {
            worst = depth;
            char buf[160];
            std::snprintf(buf, sizeof buf, "%s into %s at knee %.0f ankle %.0f subtalar %.0f mtp %.0f", a.c_str(), b.c_str(),
                          pose.knee_deg, pose.ankle_deg, pose.subtalar_deg, pose.mtp_deg);
            where = buf;
          }
        }
      }
    }
  }
  std::printf("deepest bone into bone: %.2f mm (%s)\n", worst * 1000.0f, where.c_str());
  std::printf("femur and patella: %.2f mm\n", worst_patella * 1000.0f);
  EXPECT_LE(worst, 0.001f) << where;
  EXPECT_LE(worst_patella, 0.0015f);
}

} // namespace
} // namespace crus::test
