// The session makes what is drawn once per document revision: asking again
// in the same frame costs nothing, and any change to the document, the hover
// or the meshes makes it again.
#include "core/document/session.hpp"

#include "support/fixtures.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

namespace crus {
namespace {

// Boxes without a manifest may load as "unlabelled:NAME".
int structure(const Scene& scene, const std::string& name) {
  const int i = scene.index_of(name);
  return i >= 0 ? i : scene.index_of("unlabelled:" + name);
}

Scene three_boxes(const std::string& name) {
  auto dir = test::scratch_dir(name);
  const std::string path =
      test::write_box_gltf((dir / "boxes.gltf").string(), {{"tibia", {0, 0.3f, 0}, {0.02f, 0.2f, 0.02f}, {1, 1, 1, 1}},
                                                           {"soleus", {-0.03f, 0.3f, 0}, {0.03f, 0.1f, 0.03f}, {1, 0, 0, 1}},
                                                           {"talus", {0.01f, 0.05f, 0}, {0.02f, 0.01f, 0.02f}, {1, 1, 1, 1}}});
  return load_scene(path);
}

TEST(SessionModel, DerivesEachThingOncePerRevision) {
  Session session;
  session.set_scene(three_boxes("session_cache"));
  ASSERT_EQ(session.scene().structures.size(), 3u);
  const DrawList first = session.draw_list();
  (void)session.draw_list();
  (void)session.highlights();
  (void)session.drawn_box();
  (void)session.drawn_box();
  EXPECT_EQ(session.counts().draw_lists, 1);
  EXPECT_EQ(session.counts().highlights, 1);
  EXPECT_EQ(session.counts().boxes, 1);

  // A new revision: made again, and the selection shows in the new list.
  const int soleus = structure(session.scene(), "soleus");
  ASSERT_GE(soleus, 0);
  session.document().select(soleus);
  const DrawList selected = session.draw_list();
  EXPECT_EQ(session.counts().draw_lists, 2);
  EXPECT_EQ(session.counts().highlights, 2);
  float rim_before = 0.0f, rim_after = 0.0f;
  for (const auto& item : first.items)
    if (item.structure == soleus) rim_before = item.rim;
  for (const auto& item : selected.items)
    if (item.structure == soleus) rim_after = item.rim;
  EXPECT_GT(rim_after, rim_before);

  // Hover (a new revision of the document) changes the list, not the highlights.
  session.document().set_hovered(structure(session.scene(), "tibia"));
  (void)session.draw_list();
  EXPECT_EQ(session.counts().draw_lists, 3);
  EXPECT_EQ(session.counts().highlights, 2);

  // Other extras (a painted spot): a new list.
  DrawExtras extras;
  extras.painted = {glm::vec3(0.0f, 0.3f, 0.03f)};
  EXPECT_FALSE(session.draw_list(extras).zones.empty());
  EXPECT_EQ(session.counts().draw_lists, 4);
  (void)session.draw_list(extras);
  EXPECT_EQ(session.counts().draw_lists, 4);

  // The meshes moved (a pose): everything is made again.
  session.scene_changed();
  (void)session.draw_list(extras);
  (void)session.drawn_box();
  EXPECT_EQ(session.counts().draw_lists, 5);
  EXPECT_EQ(session.counts().highlights, 3);
  EXPECT_EQ(session.counts().boxes, 2);
}

// The viewer builds the pick index on its loading thread and hands it over
// with the scene (issue 9: the first frame sooner): the session keeps that
// index instead of building another, and it finds what a built one finds.
TEST(SessionModel, APickIndexBuiltWithTheSceneIsKept) {
  Scene scene = three_boxes("session_picks");
  std::vector<const Mesh*> meshes;
  for (const auto& s : scene.structures) meshes.push_back(&s.mesh);
  PickIndex built;
  built.build(meshes);
  const std::size_t triangles = built.triangle_count();
  ASSERT_GT(triangles, 0u);
  Session session;
  session.set_scene(std::move(scene), std::move(built));
  EXPECT_EQ(session.picks().mesh_count(), 3u);
  EXPECT_EQ(session.picks().triangle_count(), triangles);
  const int soleus = structure(session.scene(), "soleus");
  // A ray along -z through the soleus box's centre, from in front of it.
  const Ray ray{glm::vec3(-0.03f, 0.3f, 1.0f), glm::vec3(0.0f, 0.0f, -1.0f)};
  auto hit = session.picks().pick_all(ray);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->mesh, soleus);

  // A scene set without one still gets its index on first use.
  Session plain;
  plain.set_scene(three_boxes("session_picks_plain"));
  EXPECT_EQ(plain.picks().triangle_count(), triangles);
}

TEST(SessionModel, FramesWhatIsDrawnAndMirrorsIt) {
  Session session;
  session.set_scene(three_boxes("session_bounds"));
  const Scene& scene = session.scene();
  const int talus = structure(scene, "talus");
  ASSERT_GE(talus, 0);
  EXPECT_EQ(session.drawn_box().min, scene.box.min);
  session.document().isolate({talus});
  const Aabb isolated = session.drawn_box();
  EXPECT_EQ(isolated.min, scene.structures[static_cast<std::size_t>(talus)].box.min);
  EXPECT_EQ(isolated.max, scene.structures[static_cast<std::size_t>(talus)].box.max);
  EXPECT_EQ(drawn_bounds(scene, session.document().state(), session.layers()).max, isolated.max);
  session.document().set_mirror(true);
  EXPECT_EQ(session.visible_bounds().min, mirrored(isolated).min);
  EXPECT_NE(session.draw_list().model, glm::mat4(1.0f));
  // A handout is of the right leg whatever the document shows, on white.
  const DrawList handout = session.handout_draw_list(Overlay{}, {}, 0.015f);
  EXPECT_EQ(handout.model, glm::mat4(1.0f));
  EXPECT_EQ(handout.background, glm::vec3(1.0f));
}

TEST(SessionModel, ABorrowedSceneStaysTheCallers) {
  Scene scene = three_boxes("session_borrowed");
  Session session(scene);
  EXPECT_EQ(&session.scene(), &scene);
  EXPECT_EQ(session.document().state().visibility.size(), 3u);
  EXPECT_EQ(session.draw_list().items.size(), 3u);
}

TEST(SessionModel, AnUnknownOverlayTargetIsAnErrorNotAThrowFromTheFrame) {
  Session session;
  session.set_scene(three_boxes("session_overlay"));
  TriggerPointSet none;
  session.set_trigger_points(none);
  Overlay overlay;
  overlay.mode = OverlayMode::trigger_point;
  overlay.target = "no_such_point";
  session.document().set_overlay(overlay);
  EXPECT_NO_THROW((void)session.draw_list());
  EXPECT_TRUE(session.overlay().zones.empty());
  EXPECT_NE(session.overlay_error(), nullptr);
}

} // namespace
} // namespace crus
