#include "core/document/document.hpp"
#include "core/document/draw_builder.hpp"

#include <gtest/gtest.h>

using namespace crus;

TEST(Document, ActionsChangeStateAndUndoRestoresIt) {
  Document doc(4);
  auto rev = doc.revision();
  doc.select(2);
  EXPECT_EQ(doc.state().selected, 2);
  EXPECT_GT(doc.revision(), rev);
  doc.set_visibility({1}, Visibility::hidden);
  doc.isolate({2});
  EXPECT_EQ(doc.state().visibility[0], Visibility::hidden);
  EXPECT_EQ(doc.state().visibility[2], Visibility::shown);
  EXPECT_EQ(doc.undo_name(), "Isolate");
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.state().visibility[0], Visibility::shown);
  EXPECT_EQ(doc.state().visibility[1], Visibility::hidden);
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.state().visibility[1], Visibility::shown);
  ASSERT_TRUE(doc.redo());
  EXPECT_EQ(doc.state().visibility[1], Visibility::hidden);
  ASSERT_TRUE(doc.undo());
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.state().selected, -1);
  EXPECT_FALSE(doc.undo());
}

TEST(Document, NoOpActionsLeaveNoHistory) {
  Document doc(3);
  doc.show_all();
  EXPECT_FALSE(doc.can_undo());
  doc.select(5); // out of range: clears, which is already the case
  EXPECT_FALSE(doc.can_undo());
}

TEST(Document, NewActionClearsRedo) {
  Document doc(3);
  doc.select(1);
  doc.undo();
  EXPECT_TRUE(doc.can_redo());
  doc.select(2);
  EXPECT_FALSE(doc.can_redo());
}

TEST(Document, HoverIsNotInTheHistory) {
  Document doc(3);
  doc.set_hovered(1);
  EXPECT_EQ(doc.hovered(), 1);
  EXPECT_FALSE(doc.can_undo());
}

TEST(DrawBuilder, HiddenPeeledAndGhostedStructures) {
  Scene scene;
  for (int i = 0; i < 4; ++i) {
    SceneStructure s;
    s.id = "s" + std::to_string(i);
    s.colour = {1, 0, 0, 1};
    scene.structures.push_back(s);
  }
  Document doc(4);
  doc.set_visibility({0}, Visibility::hidden);
  doc.set_visibility({1}, Visibility::ghosted);
  doc.set_peel_layer(1);
  std::vector<int> layers{3, 3, 1, 2}; // s2 is the most superficial: peeled
  DrawList list = make_draw_list(scene, doc.state(), -1, layers);
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].structure, 1);
  EXPECT_TRUE(list.items[0].translucent);
  EXPECT_LT(list.items[0].colour.a, 0.5f);
  EXPECT_EQ(list.items[1].structure, 3);
  EXPECT_FALSE(list.items[1].translucent);
}

TEST(DrawBuilder, SkinAloneIsDrawnSolid) {
  // The skin is see-through over the muscles; drawn alone (isolated), it
  // showed its own far wall through the near one, so it is drawn solid.
  Scene scene;
  for (int i = 0; i < 3; ++i) {
    SceneStructure s;
    s.id = i == 0 ? "skin" : "m" + std::to_string(i);
    s.kind = i == 0 ? StructureKind::skin : StructureKind::muscle;
    s.colour = i == 0 ? glm::vec4(0.9f, 0.8f, 0.7f, 0.35f) : glm::vec4(1, 0, 0, 1);
    scene.structures.push_back(s);
  }
  Document doc(3);
  DrawList all = make_draw_list(scene, doc.state(), -1);
  ASSERT_EQ(all.items.size(), 3u);
  EXPECT_TRUE(all.items[0].translucent) << "over the muscles the skin stays see-through";
  EXPECT_FLOAT_EQ(all.items[0].colour.a, 0.35f);

  doc.set_visibility({1, 2}, Visibility::hidden);
  DrawList alone = make_draw_list(scene, doc.state(), -1);
  ASSERT_EQ(alone.items.size(), 1u);
  EXPECT_FALSE(alone.items[0].translucent);
  EXPECT_FLOAT_EQ(alone.items[0].colour.a, 1.0f);

  // A ghosted skin stays a ghost, alone or not.
  doc.set_visibility({0}, Visibility::ghosted);
  DrawList ghost = make_draw_list(scene, doc.state(), -1);
  ASSERT_EQ(ghost.items.size(), 1u);
  EXPECT_TRUE(ghost.items[0].translucent);
  EXPECT_LT(ghost.items[0].colour.a, 0.2f);
}

TEST(DrawBuilder, MirrorReflectsAcrossTheMidline) {
  Scene scene;
  Document doc(0);
  doc.set_mirror(true);
  DrawList list = make_draw_list(scene, doc.state(), -1);
  glm::vec4 p = list.model * glm::vec4(0.1f, 0.2f, 0.08f, 1.0f);
  EXPECT_FLOAT_EQ(p.z, -0.08f);
  EXPECT_FLOAT_EQ(p.x, 0.1f);
}

TEST(Document, PoseAndColourByLengthAreNamedUndoableSteps) {
  crus::Document doc(3);
  crus::motion::Pose squat;
  squat.knee_deg = 120.0;
  squat.ankle_deg = 25.0;
  doc.set_pose(squat, "Pose: deep squat");
  EXPECT_EQ(doc.state().pose, squat);
  EXPECT_EQ(doc.undo_name(), "Pose: deep squat");
  doc.set_colour_by_length(true);
  EXPECT_TRUE(doc.state().colour_by_length);
  doc.set_pose(squat, "Pose: again"); // no change, no step
  EXPECT_EQ(doc.undo_name(), "Colour by length");
  ASSERT_TRUE(doc.undo());
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.state().pose, crus::motion::Pose{});
  EXPECT_FALSE(doc.state().colour_by_length);
  ASSERT_TRUE(doc.redo());
  EXPECT_EQ(doc.state().pose.knee_deg, 120.0);
  doc.reset(3); // a new scene starts neutral
  EXPECT_EQ(doc.state().pose, crus::motion::Pose{});
}
