// The pose in saved scenes (format version 2): it round-trips, a version 1
// scene still opens (neutral), an angle out of range is one located line,
// the ranges the file checks are the motion model's, and applying a scene
// puts its pose and length colouring into the document.
#include "core/error.hpp"
#include "core/motion/kinematics.hpp"
#include "core/document/scene.hpp"
#include "core/document/scene_file.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

using namespace crus;

namespace {
const char* kVersion1 = R"({
  "format": "crus-scene",
  "version": 1,
  "atlas": { "name": "bundled", "fingerprint": "0123abcd" },
  "scene": { "selected": "soleus" }
})";

std::string posed(const std::string& pose) {
  return R"({
  "format": "crus-scene",
  "version": 2,
  "atlas": { "name": "bundled", "fingerprint": "0123abcd" },
  "scene": {
    "selected": "soleus",
    "pose": )" +
         pose + R"(
  }
})";
}

std::string fault(const std::string& text) { return test::scene_file_fault(text); }
} // namespace

TEST(ScenePose, RoundTripsWithColourByLength) {
  SceneFile f;
  f.atlas.fingerprint = "0123abcd";
  f.scene.selected = "soleus";
  f.scene.pose = motion::Pose{90.0, -20.0, -7.5, 12.0};
  f.scene.colour_by_length = true;
  const std::string text = scene_file_to_json(f);
  EXPECT_NE(text.find("\"version\": 2"), std::string::npos) << text;
  EXPECT_NE(text.find("\"knee\": 90"), std::string::npos) << text;
  const SceneFile back = parse_scene_file(text, "round.json");
  EXPECT_EQ(back.scene.pose, f.scene.pose);
  EXPECT_TRUE(back.scene.colour_by_length);
  EXPECT_EQ(back.scene, f.scene);
  // A neutral scene writes no pose at all.
  f.scene.pose = {};
  f.scene.colour_by_length = false;
  EXPECT_EQ(scene_file_to_json(f).find("pose"), std::string::npos);
}

TEST(ScenePose, Version1ScenesStillOpenInTheNeutralPose) {
  const SceneFile old = parse_scene_file(kVersion1, "old.json");
  EXPECT_EQ(old.version, 1);
  EXPECT_EQ(old.scene.pose, motion::Pose{});
  EXPECT_FALSE(old.scene.colour_by_length);
  EXPECT_EQ(old.scene.selected, "soleus");
}

TEST(ScenePose, AJointLeftOutIsNeutral) {
  const SceneFile f = parse_scene_file(posed(R"({ "ankle": -40 })"), "fig.json");
  EXPECT_EQ(f.scene.pose, (motion::Pose{0.0, -40.0, 0.0, 0.0}));
}

TEST(ScenePose, BadPosesAreOneLocatedLine) {
  EXPECT_EQ(fault(posed(R"({ "knee": 150 })")), "fig.json:7: scene.pose.knee: 150 is out of range (0 to 120)");
  EXPECT_EQ(fault(posed(R"({ "ankle": 31 })")), "fig.json:7: scene.pose.ankle: 31 is out of range (-40 to 30)");
  EXPECT_NE(fault(posed(R"({ "hip": 10 })")).find("scene.pose"), std::string::npos);
  EXPECT_NE(fault(posed(R"({ "knee": "bent" })")).find("scene.pose.knee"), std::string::npos);
  EXPECT_NE(fault(posed(R"([90, 0])")).find("scene.pose"), std::string::npos);
}

TEST(ScenePose, TheRangesAreTheMotionModels) {
  const motion::MotionModel model = motion::load_motion_model(test::source_dir() + "/assets/motion/joints.json");
  for (const SceneJointRange& r : kSceneJointRanges) {
    EXPECT_STREQ(r.key, motion::to_string(r.coordinate));
    EXPECT_DOUBLE_EQ(r.min_deg, model.info(r.coordinate).min_deg) << r.key;
    EXPECT_DOUBLE_EQ(r.max_deg, model.info(r.coordinate).max_deg) << r.key;
  }
}

TEST(ScenePose, ApplyingAndCapturingCarryThePose) {
  Scene scene;
  for (const char* id : {"tibia", "soleus"}) {
    SceneStructure s;
    s.id = id;
    scene.structures.push_back(s);
  }
  SceneSpec spec;
  spec.pose = motion::Pose{60.0, 10.0, 0.0, 0.0};
  spec.colour_by_length = true;
  const AppliedScene applied = apply_scene_spec(spec, scene);
  EXPECT_EQ(applied.state.pose, spec.pose);
  EXPECT_TRUE(applied.state.colour_by_length);
  const SceneSpec captured = capture_scene_spec(applied.state, scene, CameraPose{});
  EXPECT_EQ(captured.pose, spec.pose);
  EXPECT_TRUE(captured.colour_by_length);
}
