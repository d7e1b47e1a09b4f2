// The soft tissue bound on a worker thread (LegPoser::bind_in_background, as
// the viewer does right after an atlas loads) poses the leg exactly as the
// binding on the caller's thread does; a bind can be stopped part-way.
#include "core/motion/posed_leg.hpp"
#include "support/motion_fixture.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <thread>

using namespace crus;
using namespace crus::motion;

namespace {
const MotionModel& model() { return crus::test::motion_model(); }
const MuscleSet& muscles() { return crus::test::motion_muscles(); }
const Scene* atlas() { return crus::test::light_atlas(); }
double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}
#define REQUIRE_ATLAS() ASSERT_TRUE(atlas()) << "the bundled atlas is missing; it is part of the repository"
} // namespace

TEST(MotionBackgroundBind, PosesTheSameVerticesAsTheSynchronousBind) {
  REQUIRE_ATLAS();
  const Pose pose{90.0, -20.0, 10.0, 15.0};
  LegPoser here(model(), muscles(), *atlas());
  Scene expected = *atlas();
  here.apply(pose, expected);
  EXPECT_EQ(here.binds_on_caller(), 1);

  LegPoser background(model(), muscles(), *atlas());
  std::promise<std::thread::id> done;
  std::future<std::thread::id> finished = done.get_future();
  background.bind_in_background([&done] { done.set_value(std::this_thread::get_id()); });
  // Generous: a bind is about a second in Release, far longer under ASan on a loaded machine.
  ASSERT_EQ(finished.wait_for(std::chrono::minutes(10)), std::future_status::ready);
  EXPECT_NE(finished.get(), std::this_thread::get_id()) << "the bind ran on the caller's thread";
  EXPECT_TRUE(background.bound());
  Scene posed = *atlas();
  background.apply(pose, posed);
  EXPECT_EQ(background.binds_on_caller(), 0) << "apply() bound again instead of taking the worker's skin";

  ASSERT_EQ(posed.structures.size(), expected.structures.size());
  std::size_t moved = 0;
  for (std::size_t i = 0; i < posed.structures.size(); ++i) {
    const Mesh& a = posed.structures[i].mesh;
    const Mesh& b = expected.structures[i].mesh;
    ASSERT_EQ(a.positions.size(), b.positions.size()) << posed.structures[i].id;
    for (std::size_t v = 0; v < a.positions.size(); ++v) {
      ASSERT_EQ(a.positions[v], b.positions[v]) << posed.structures[i].id << " vertex " << v;
      if (!a.normals.empty()) {
        ASSERT_EQ(a.normals[v], b.normals[v]) << posed.structures[i].id << " vertex " << v;
      }
      if (a.positions[v] != atlas()->structures[i].mesh.positions[v]) ++moved;
    }
  }
  EXPECT_GT(moved, 10000u) << "the pose should move most of the leg";
}

TEST(MotionBackgroundBind, ApplyWaitsForABindStillRunning) {
  REQUIRE_ATLAS();
  // What the headless CLI would get if it started a background bind: apply()
  // right away joins the worker instead of binding a second time.
  LegPoser poser(model(), muscles(), *atlas());
  poser.bind_in_background();
  Scene posed = *atlas();
  poser.apply(Pose{45.0, 10.0, 0.0, 0.0}, posed);
  EXPECT_TRUE(poser.bound());
  EXPECT_EQ(poser.binds_on_caller(), 0);
}

TEST(MotionBackgroundBind, ACancelledBindStopsAndADestroyedPoserJoinsItsWorker) {
  REQUIRE_ATLAS();
  CancelToken cancel;
  cancel.cancel();
  SoftTissueOptions options;
  options.cancel = &cancel;
  const LegSkin skin = bind_soft_tissue(model(), muscles(), *atlas(), options);
  EXPECT_TRUE(skin.structures.empty()) << "a cancelled bind returns before binding any structure";

  // The viewer loads another atlas (or closes) while a bind runs: the poser
  // goes away at once; the callback never runs after the destructor returned.
  std::atomic<int> calls{0};
  {
    LegPoser poser(model(), muscles(), *atlas());
    poser.bind_in_background([&calls] { ++calls; });
  }
  const int after_destruction = calls.load();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(calls.load(), after_destruction);
  EXPECT_LE(after_destruction, 1);
}

// What closing may wait. The bind looks at its cancel token every few
// milliseconds of work in the Release build; under ASan the same work takes
// several times as long, and make asan runs this beside the sanitized atlas
// generation on two cores (once 123 ms, at 3 s into the bind). Either limit
// still fails the waits this test was written for (up to 3 s).
#if defined(__SANITIZE_ADDRESS__)
constexpr double kClosingLimitMs = 300.0;
#else
constexpr double kClosingLimitMs = 100.0;
#endif

TEST(MotionBackgroundBind, ClosingDuringTheBindWaitsAFewMillisecondsAtAnyStage) {
  // The viewer closes (or opens another atlas) while the full atlas binds:
  // whatever stage the bind is in (indexing the bones, weighing each
  // structure, the skin's layer and settle), the poser goes away at once.
  // Before the bind checked the cancel every few hundred vertices, closing
  // waited for the stage to end: up to 3 s.
  const Scene* full = crus::test::full_atlas();
  ASSERT_TRUE(full) << "the bundled atlas is missing; it is part of the repository";
  for (int delay_ms : {0, 10, 50, 150, 400, 800, 1300, 2000, 3000, 4500}) {
    auto poser = std::make_unique<LegPoser>(model(), muscles(), *full);
    poser->bind_in_background();
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    if (poser->bound()) break; // the bind was over before the cancel: nothing left to stop
    const auto start = std::chrono::steady_clock::now();
    poser.reset();
    const double waited = ms_since(start);
    EXPECT_LT(waited, kClosingLimitMs) << "closing " << delay_ms << " ms into the bind waited " << waited << " ms";
  }
}

TEST(MotionBackgroundBind, ACancelledBindLeavesThePoserUnboundAndReadyToBindAgain) {
  REQUIRE_ATLAS();
  std::atomic<int> calls{0};
  LegPoser poser(model(), muscles(), *atlas());
  poser.bind_in_background([&calls] { ++calls; });
  const auto start = std::chrono::steady_clock::now();
  poser.cancel_bind();
  const double waited = ms_since(start);
  EXPECT_LT(waited, 100.0) << "cancel_bind() waited " << waited << " ms for the bind";
  EXPECT_FALSE(poser.bound()) << "a bind cancelled right away left a skin";
  EXPECT_EQ(calls.load(), 0) << "the callback ran for a cancelled bind";
  poser.cancel_bind(); // nothing running: nothing to do

  // Bound again afterwards, it poses the leg as a bind never cancelled does.
  std::promise<void> done;
  std::future<void> finished = done.get_future();
  poser.bind_in_background([&done] { done.set_value(); });
  ASSERT_EQ(finished.wait_for(std::chrono::minutes(10)), std::future_status::ready);
  EXPECT_TRUE(poser.bound());
  const Pose pose{120.0, 30.0, 0.0, 0.0};
  Scene posed = *atlas();
  poser.apply(pose, posed);
  EXPECT_EQ(poser.binds_on_caller(), 0);
  LegPoser here(model(), muscles(), *atlas());
  Scene expected = *atlas();
  here.apply(pose, expected);
  ASSERT_EQ(posed.structures.size(), expected.structures.size());
  for (std::size_t i = 0; i < posed.structures.size(); ++i)
    EXPECT_EQ(posed.structures[i].mesh.positions, expected.structures[i].mesh.positions) << posed.structures[i].id;
}
