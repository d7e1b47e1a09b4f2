// The viewer binds the soft tissue on a worker thread as soon as an atlas
// has loaded (app/viewer_panels.cpp). A pose asked for before that bind has
// finished does not block the frame: the Motion panel says motion is being
// prepared, the meshes stay as they are, the worker wakes the event loop
// once, and the next update applies the pose that waited, as the
// synchronous bind would have posed it, without binding on the UI thread.
#include "app/scene_setup.hpp"
#include "app/viewer_panels.hpp"
#include "core/document/session.hpp"
#include "support/motion_fixture.hpp"
#include "support/test_support.hpp"
#include "ui/viewer_context.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace crus {
namespace {

// The light bundled atlas loaded into a session, and a viewer context that
// points at it as the viewer's would.
struct LoadedViewer {
  app::AtlasOptions atlas;
  Session session;
  ui::ViewerContext ctx;
  LoadedViewer() {
    atlas.lod = 1;
    ctx.scene = &session.scene();
    ctx.document = &session.document();
  }
  void load() {
    session.set_scene(app::load_atlas(atlas, true));
    ctx.picks = &session.picks();
  }
};

TEST(ViewerBackgroundBind, APoseAskedForBeforeTheBindIsAppliedOnceItCompletes) {
  LoadedViewer viewer;
  CRUS_REQUIRE_BUNDLED(viewer.atlas.resolved_atlas());
  viewer.load();
  Session& session = viewer.session;
  ui::ViewerContext& ctx = viewer.ctx;
  const Scene rest = session.scene();

  std::mutex mutex;
  std::condition_variable woken;
  int wakes = 0;
  app::ViewerPanels panels(session);
  panels.set_wake([&] {
    std::lock_guard lock(mutex);
    ++wakes;
    woken.notify_all();
  });
  panels.on_scene_loaded(ctx); // starts the bind
  ASSERT_NE(ctx.motion.model, nullptr) << ctx.motion.problem;

  // The first pose change, straight after the load: the bind (about 0.3 s
  // for this atlas in Release) cannot have finished.
  const motion::Pose pose{90.0, -20.0, 0.0, 0.0};
  session.document().set_pose(pose, "Deep squat");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(panels.update_pose(ctx)) << "the pose was applied before any bind could finish";
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(ctx.motion.preparing);
  EXPECT_LT(ms, 100.0) << "update_pose blocked on the bind";
  EXPECT_EQ(session.scene().structures[0].mesh.positions, rest.structures[0].mesh.positions);
  // The Info panel's lengths follow the pose asked for already.
  ASSERT_FALSE(ctx.motion.states.empty());
  const auto at_pose = motion::muscle_states(*ctx.motion.model, *ctx.motion.muscles, pose);
  EXPECT_EQ(ctx.motion.states.front().length_m, at_pose.front().length_m);

  // Waiting is the event loop's sleep: the worker's wake ends it, once.
  {
    std::unique_lock lock(mutex);
    ASSERT_TRUE(woken.wait_for(lock, std::chrono::minutes(10), [&] { return wakes > 0; }));
  }
  EXPECT_TRUE(panels.update_pose(ctx)) << "the pose that waited was not applied after the bind";
  EXPECT_FALSE(ctx.motion.preparing);
  EXPECT_EQ(panels.binds_on_ui_thread(), 0);
  EXPECT_FALSE(panels.update_pose(ctx)) << "applied once, not on every frame after";
  EXPECT_EQ(wakes, 1);

  // The same leg as a pose bound and applied on one thread.
  motion::LegPoser here(*ctx.motion.model, *ctx.motion.muscles, rest);
  Scene expected = rest;
  here.apply(pose, expected);
  ASSERT_EQ(session.scene().structures.size(), expected.structures.size());
  for (std::size_t i = 0; i < expected.structures.size(); ++i)
    EXPECT_EQ(session.scene().structures[i].mesh.positions, expected.structures[i].mesh.positions) << expected.structures[i].id;
}

TEST(ViewerBackgroundBind, LoadingAnotherAtlasDuringTheBindDropsTheStaleOne) {
  LoadedViewer viewer;
  CRUS_REQUIRE_BUNDLED(viewer.atlas.resolved_atlas());
  viewer.load();
  Session& session = viewer.session;
  ui::ViewerContext& ctx = viewer.ctx;
  app::ViewerPanels panels(session);
  panels.on_scene_loaded(ctx);
  // A second load straight away (File > Open while the first bind runs):
  // the first bind is stopped and joined, a new one begins for the new scene.
  viewer.load();
  panels.on_scene_loaded(ctx);
  ASSERT_NE(ctx.motion.model, nullptr) << ctx.motion.problem;
  session.document().set_pose(motion::Pose{30.0, 0.0, 0.0, 0.0}, "Knee");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(10);
  bool applied = false;
  // No wake was set: poll as a test may (the viewer sleeps instead).
  while (!(applied = panels.update_pose(ctx)) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_TRUE(applied);
  EXPECT_EQ(panels.binds_on_ui_thread(), 0);
}

} // namespace
} // namespace crus
