// crus render starts the EGL context and the shaders on a second thread while
// it imports the atlas (app/offscreen PendingOffscreen): the renderer handed
// over must draw on the thread that takes it, and one never taken must be
// released without a crash.
#include "app/offscreen.hpp"
#include "core/geometry/camera.hpp"
#include "core/document/document.hpp"
#include "core/document/draw_builder.hpp"
#include "core/document/scene.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

using namespace crus;

TEST(PendingOffscreen, TheRendererMadeOnAnotherThreadDrawsOnThisOne) {
  app::PendingOffscreen pending(64, 48);
  auto dir = test::scratch_dir("offscreen_async");
  std::string path =
      test::write_box_gltf((dir / "box.gltf").string(), {{"box", {0, 0, 0}, glm::vec3(0.05f), {0.9f, 0.05f, 0.05f, 1}}});
  SceneLoadOptions o;
  o.strict = true;
  Scene scene = load_scene(path, o); // while the context starts
  std::unique_ptr<app::OffscreenRenderer> renderer = pending.get();
  renderer->upload(scene);
  Document doc(scene.structures.size());
  DrawList list = make_draw_list(scene, doc.state(), -1);
  OrbitCamera camera;
  camera.set_pose(camera.pose_for(AnatomicalView::anterior, scene.box));
  renderer->draw(scene, list, camera);
  Image img = renderer->read();
  const auto* middle = img.at(32, 24);
  EXPECT_GT(middle[0], 120);
  EXPECT_LT(middle[2], middle[0] / 2);
  const auto* corner = img.at(1, 1);
  EXPECT_NEAR(corner[0], list.background.r * 255, 2);
}

TEST(PendingOffscreen, OneNeverTakenIsReleased) {
  for (int i = 0; i < 3; ++i) app::PendingOffscreen pending(32, 32);
  app::PendingOffscreen pending(32, 32);
  EXPECT_NE(pending.get(), nullptr); // contexts made and dropped before do not disturb a new one
}
