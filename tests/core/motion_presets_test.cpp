// The Motion panel's presets: each within the model's ranges, ids unique,
// and the ones named for a movement really move that way; the sweep parser
// behind --animate; describing a pose in words.
#include "core/error.hpp"
#include "core/motion/presets.hpp"
#include "core/motion/sweep.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace crus::motion;

namespace {
const MotionModel& model() {
  static const MotionModel m = load_motion_model(crus::test::source_dir() + "/assets/motion/joints.json");
  return m;
}
} // namespace

TEST(MotionPresets, WithinRangeUniqueAndPointingTheRightWay) {
  std::set<std::string> ids;
  for (const auto& p : pose_presets()) {
    EXPECT_NO_THROW(check_pose(model(), p.pose, p.id)) << p.id;
    EXPECT_TRUE(ids.insert(p.id).second) << p.id;
    EXPECT_FALSE(p.note.empty()) << p.id;
  }
  EXPECT_EQ(find_preset("neutral")->pose, Pose{});
  EXPECT_LT(find_preset("tiptoe")->pose.ankle_deg, 0.0);
  EXPECT_GT(find_preset("deep_squat")->pose.knee_deg, 90.0);
  EXPECT_GT(find_preset("deep_squat")->pose.ankle_deg, 0.0);
  EXPECT_GT(find_preset("silfverskiold_bent")->pose.knee_deg, find_preset("silfverskiold_straight")->pose.knee_deg);
  EXPECT_LT(find_preset("eversion")->pose.subtalar_deg, 0.0);
  EXPECT_EQ(find_preset("nothing"), nullptr);
}

TEST(MotionSweep, ParsesEndsKeepsTheBaseAndRefusesBadInput) {
  Pose base;
  base.knee_deg = 30.0;
  const Sweep s = parse_sweep(model(), "ankle=-40:30", "--animate", base);
  EXPECT_EQ(s.from.ankle_deg, -40.0);
  EXPECT_EQ(s.to.ankle_deg, 30.0);
  EXPECT_EQ(s.from.knee_deg, 30.0);
  const auto frames = s.frames(8);
  ASSERT_EQ(frames.size(), 8u);
  EXPECT_EQ(frames.front(), s.from);
  EXPECT_EQ(frames.back(), s.to);
  EXPECT_NEAR(frames[1].ankle_deg, -30.0, 1e-9);
  const Sweep two = parse_sweep(model(), "knee=0:90,ankle=0:20", "x");
  EXPECT_EQ(two.at(0.5).knee_deg, 45.0);
  for (const char* bad :
       {"", "ankle=-40", "ankle=-40:30:10", "hip=0:10", "ankle=-40:90", "ankle=a:b", "ankle=0:10,ankle=0:20", "ankle:0=10"})
    EXPECT_THROW(parse_sweep(model(), bad, "--animate"), crus::InputError) << bad;
}

TEST(MotionSweep, DescribesAPoseInAnatomicalWords) {
  EXPECT_EQ(describe_pose(model(), Pose{}), "neutral");
  EXPECT_EQ(describe_pose(model(), Pose{90.0, -20.0, 0.0, 30.0}),
            "knee 90\u00b0 flexion, ankle 20\u00b0 plantarflexion, toes 30\u00b0 extension");
  EXPECT_EQ(describe_pose(model(), Pose{0.0, 0.0, -10.0, 0.0}), "subtalar 10\u00b0 eversion");
}
