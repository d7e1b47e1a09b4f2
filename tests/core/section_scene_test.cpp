// The section plane in documents and saved scenes: clamped, undoable, saved
// and read back, absent from version 1 files, bad values refused with place.
#include "core/document/document.hpp"
#include "core/error.hpp"
#include "core/document/scene.hpp"
#include "core/document/scene_file.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

using namespace crus;

namespace {

Scene box_scene() {
  auto dir = test::scratch_dir("section_scene");
  return load_scene(
      test::write_box_gltf((dir / "a.gltf").string(), {{"tibia", {0, 0.2f, 0.07f}, {0.04f, 0.2f, 0.04f}, {1, 1, 1, 1}}}));
}

TEST(SectionDocument, SetSectionClampsAndUndoes) {
  Document d(1);
  SectionView s;
  s.on = true;
  s.fraction = 1.7;
  s.tilt_deg = -120.0;
  d.set_section(s, "Section on");
  EXPECT_DOUBLE_EQ(d.state().section.fraction, 1.0);
  EXPECT_DOUBLE_EQ(d.state().section.tilt_deg, -80.0);
  EXPECT_EQ(d.undo_name(), "Section on");
  ASSERT_TRUE(d.undo());
  EXPECT_FALSE(d.state().section.on);
}

TEST(SectionScene, RoundTripKeepsTheSection) {
  Scene scene = box_scene();
  DocumentState state;
  state.visibility.assign(scene.structures.size(), Visibility::shown);
  state.section = {true, 0.55, -10.0, true, true};
  SceneFile file;
  file.atlas.fingerprint = atlas_fingerprint(scene);
  file.scene = capture_scene_spec(state, scene, CameraPose{});
  const std::string text = scene_file_to_json(file);
  EXPECT_NE(text.find("\"section\""), std::string::npos);
  EXPECT_NE(text.find("\"version\": 2"), std::string::npos);
  SceneFile back = parse_scene_file(text, "s.json");
  EXPECT_EQ(back.scene.section, state.section);
  EXPECT_EQ(apply_scene_spec(back.scene, scene).state.section, state.section);

  // A section that is off is not written.
  state.section.on = false;
  file.scene = capture_scene_spec(state, scene, CameraPose{});
  EXPECT_EQ(scene_file_to_json(file).find("\"section\""), std::string::npos);
}

TEST(SectionScene, Version1FilesOpenWithoutASection) {
  const std::string v1 = R"({"format": "crus-scene", "version": 1, "atlas": {"name": "bundled", "fingerprint": "00"},
    "scene": {"view": "anterior", "mirror": true}})";
  SceneFile f = parse_scene_file(v1, "old.json");
  EXPECT_EQ(f.version, 1);
  EXPECT_FALSE(f.scene.section.on);
  EXPECT_TRUE(f.scene.mirror);
}

TEST(SectionScene, BadSectionsAreRefusedWithTheirPlace) {
  auto fault = [](const std::string& section) {
    try {
      parse_scene_file(R"({"format": "crus-scene", "version": 2, "atlas": {"name": "bundled", "fingerprint": "00"},
  "scene": {"section": )" + section +
                           "}}",
                       "s.json");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(fault(R"({"height": 1.5})").find("s.json:2: scene.section.height"), std::string::npos) << fault(R"({"height": 1.5})");
  EXPECT_NE(fault(R"({"height": 0.4, "tilt": 95})").find("scene.section.tilt"), std::string::npos);
  EXPECT_NE(fault(R"({"tilt": 5})").find("scene.section"), std::string::npos);
  EXPECT_NE(fault(R"({"height": 0.4, "colour": 1})").find("scene.section"), std::string::npos);
}

} // namespace
