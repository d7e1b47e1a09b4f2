// The Motion panel's movement ("which muscles produce this movement?") in
// saved scenes and in the document: it round-trips by id, a scene without it
// opens with none, an unknown id is one line naming the file, line and
// field, and choosing it is one undo step like the pose.
#include "core/document/document.hpp"
#include "core/error.hpp"
#include "core/motion/producers.hpp"
#include "core/document/scene.hpp"
#include "core/document/scene_file.hpp"

#include "support/test_support.hpp"

#include <gtest/gtest.h>

using namespace crus;

namespace {
std::string with_movement(const std::string& movement) {
  return R"({
  "format": "crus-scene",
  "version": 2,
  "atlas": { "name": "bundled", "fingerprint": "0123abcd" },
  "scene": {
    "pose": { "knee": 90 },
    "movement": )" +
         movement + R"(
  }
})";
}

std::string fault(const std::string& text) { return test::scene_file_fault(text); }
} // namespace

TEST(SceneMovement, EveryMovementRoundTripsByItsId) {
  for (const motion::Movement& m : motion::all_movements()) {
    SceneFile f;
    f.atlas.fingerprint = "0123abcd";
    f.scene.movement = m;
    const std::string text = scene_file_to_json(f);
    EXPECT_NE(text.find("\"movement\": \"" + motion::movement_id(m) + "\""), std::string::npos) << text;
    const SceneFile back = parse_scene_file(text, "round.json");
    ASSERT_TRUE(back.scene.movement) << text;
    EXPECT_EQ(*back.scene.movement, m);
    EXPECT_EQ(back.scene, f.scene);
  }
  // None chosen: no field written.
  SceneFile none;
  EXPECT_EQ(scene_file_to_json(none).find("movement"), std::string::npos);
}

TEST(SceneMovement, ScenesWithoutItOpenWithNone) {
  const SceneFile f =
      parse_scene_file(R"({ "format": "crus-scene", "version": 2, "atlas": { "name": "bundled", "fingerprint": "0123abcd" },
    "scene": { "pose": { "ankle": -20 } } })",
                       "old.json");
  EXPECT_FALSE(f.scene.movement);
  const SceneFile v1 = parse_scene_file(
      R"({ "format": "crus-scene", "version": 1, "atlas": { "name": "bundled", "fingerprint": "0123abcd" }, "scene": {} })",
      "v1.json");
  EXPECT_FALSE(v1.scene.movement);
  const SceneFile knee = parse_scene_file(with_movement("\"knee_flexion\""), "fig.json");
  ASSERT_TRUE(knee.scene.movement);
  EXPECT_EQ(*knee.scene.movement, (motion::Movement{motion::Coordinate::knee, +1}));
}

TEST(SceneMovement, AnUnknownMovementIsOneLineNamingFileAndField) {
  const std::string e = fault(with_movement("\"ankle_inversion\""));
  EXPECT_EQ(e.rfind("fig.json:7: scene.movement: unknown movement 'ankle_inversion' (expected one of knee_flexion, ", 0), 0u)
      << e;
  EXPECT_NE(e.find("toe_flexion)"), std::string::npos) << e;
  EXPECT_EQ(e.find('\n'), std::string::npos) << e;
  // The display name is not the id; a number is not a movement at all.
  EXPECT_NE(fault(with_movement("\"ankle plantarflexion\"")).find("fig.json:7: scene.movement"), std::string::npos);
  EXPECT_NE(fault(with_movement("3")).find("scene.movement"), std::string::npos);
}

TEST(SceneMovement, ApplyingAndCapturingCarryIt) {
  Scene scene;
  SceneStructure s;
  s.id = "soleus";
  scene.structures.push_back(s);
  SceneSpec spec;
  spec.movement = motion::Movement{motion::Coordinate::ankle, -1};
  const AppliedScene applied = apply_scene_spec(spec, scene);
  EXPECT_EQ(applied.state.movement, spec.movement);
  EXPECT_EQ(capture_scene_spec(applied.state, scene, CameraPose{}).movement, spec.movement);
}

TEST(SceneMovement, ChoosingAMovementIsOneUndoStep) {
  Document doc(3);
  const motion::Movement pf{motion::Coordinate::ankle, -1}, inv{motion::Coordinate::subtalar, +1};
  doc.set_movement(pf);
  EXPECT_EQ(doc.undo_name(), "Producers of ankle plantarflexion");
  doc.set_movement(inv);
  doc.set_movement(inv); // no change: no step
  doc.set_movement(std::nullopt);
  EXPECT_EQ(doc.undo_name(), "No movement's producers");
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.state().movement, inv);
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.state().movement, pf);
  ASSERT_TRUE(doc.undo());
  EXPECT_FALSE(doc.state().movement);
  EXPECT_FALSE(doc.can_undo());
  ASSERT_TRUE(doc.redo());
  EXPECT_EQ(doc.state().movement, pf);
}
