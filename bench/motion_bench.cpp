// Posing the leg and measuring every muscle (issue 12): the kinematic chain
// alone, then the chain plus every musculotendon length, change and moment
// arm (nine posings: the pose and two per coordinate for the central
// differences), then the ranking of the producers of a movement. The posed
// centroid of the largest bone mesh of the atlas shows the cost of moving
// vertices rigidly. These are the CPU costs behind `crus pose` and a future
// Motion panel; deforming soft tissue will add to them.
#include "core/io/file_io.hpp"
#include "core/motion/posed_mesh.hpp"
#include "core/motion/producers.hpp"
#include "core/motion/posed_leg.hpp"
#include "core/motion/soft_tissue.hpp"
#include "core/document/scene.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <optional>

namespace {
using namespace crus;
using namespace crus::motion;

const MotionModel& model() {
  static const MotionModel m = load_motion_model(std::string(CRUS_ASSETS_DIR) + "/motion/joints.json");
  return m;
}
const MuscleSet& muscles() {
  static const MuscleSet s = load_muscles(std::string(CRUS_ASSETS_DIR) + "/motion/muscles.json", model());
  return s;
}
// A sweep through the ranges so no two iterations pose alike.
Pose pose_at(std::int64_t i) {
  Pose p;
  p.knee_deg = static_cast<double>(i % 121);
  p.ankle_deg = -40.0 + static_cast<double>(i % 71);
  p.subtalar_deg = -20.0 + static_cast<double>(i % 41);
  p.mtp_deg = -30.0 + static_cast<double>(i % 61);
  return p;
}

void BM_PoseBodies(benchmark::State& state) {
  std::vector<Rigid> bodies;
  std::int64_t i = 0;
  for (auto _ : state) {
    pose_bodies(model(), pose_at(i++), bodies);
    benchmark::DoNotOptimize(bodies.data());
  }
}
BENCHMARK(BM_PoseBodies);

void BM_PoseAndAllMuscles(benchmark::State& state) {
  MuscleWorkspace work;
  std::vector<MuscleState> out;
  std::int64_t i = 0;
  for (auto _ : state) {
    muscle_states(model(), muscles(), pose_at(i++), work, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["muscles"] = static_cast<double>(muscles().muscles.size());
}
BENCHMARK(BM_PoseAndAllMuscles);

void BM_RankPlantarflexors(benchmark::State& state) {
  std::int64_t i = 0;
  for (auto _ : state) {
    auto r = rank_producers(model(), muscles(), pose_at(i++), Movement{Coordinate::ankle, -1});
    benchmark::DoNotOptimize(r.ranked.data());
  }
}
BENCHMARK(BM_RankPlantarflexors);

void BM_PoseAtlasBonesRigidly(benchmark::State& state) {
  const std::string path = std::string(CRUS_ASSETS_DIR) + "/atlas/lower_leg_right.glb";
  if (!std::filesystem::exists(path)) {
    state.SkipWithError("the bundled atlas is absent");
    return;
  }
  static const Scene scene = load_scene(path);
  std::vector<Rigid> bodies;
  std::size_t vertices = 0;
  std::int64_t i = 0;
  for (auto _ : state) {
    pose_bodies(model(), pose_at(i++), bodies);
    vertices = 0;
    for (const auto& s : scene.structures) {
      const int b = model().body_of_structure(s.id);
      if (b < 0 || !model().is_rigid_bone(s.id)) continue;
      Mesh m = posed_mesh(s.mesh, bodies[static_cast<std::size_t>(b)]);
      vertices += m.positions.size();
      benchmark::DoNotOptimize(m.positions.data());
    }
  }
  state.counters["vertices"] = static_cast<double>(vertices);
}
BENCHMARK(BM_PoseAtlasBonesRigidly)->Unit(benchmark::kMillisecond);

const Scene* full_atlas() {
  static const std::optional<Scene> scene = []() -> std::optional<Scene> {
    const std::string path = std::string(CRUS_ASSETS_DIR) + "/atlas/lower_leg_right.glb";
    if (!std::filesystem::exists(path)) return std::nullopt;
    return load_scene(path);
  }();
  return scene ? &*scene : nullptr;
}

// Binding the skin weights, once per atlas (the viewer does it on the first
// pose change).
void BM_BindSoftTissue(benchmark::State& state) {
  if (!full_atlas()) {
    state.SkipWithError("the bundled atlas is absent");
    return;
  }
  for (auto _ : state) {
    LegSkin skin = bind_soft_tissue(model(), muscles(), *full_atlas());
    benchmark::DoNotOptimize(skin.structures.data());
  }
}
BENCHMARK(BM_BindSoftTissue)->Unit(benchmark::kMillisecond);

// The budget (30 ms): the whole full-detail atlas posed, bones
// rigidly and every soft-tissue vertex by its dual-quaternion blend, with
// normals and bounding boxes, into a scene kept between poses.
void BM_PoseWholeAtlas(benchmark::State& state) {
  if (!full_atlas()) {
    state.SkipWithError("the bundled atlas is absent");
    return;
  }
  // What the viewer and `crus render --pose` run per pose: the chain, the
  // muscle path lengths for the bulge, the skinning with the bellies
  // widened, the manifest's sites and landmarks.
  static LegPoser poser(model(), muscles(), *full_atlas());
  const LegSkin& skin = poser.skin(); // bound once, outside the timing
  Scene posed = *full_atlas();
  std::int64_t i = 0;
  for (auto _ : state) {
    poser.apply(pose_at(i++), posed);
    benchmark::DoNotOptimize(posed.structures.data());
  }
  state.counters["vertices"] = static_cast<double>(skin.skinned_vertices + skin.rigid_vertices);
  state.counters["blended"] = static_cast<double>(skin.skinned_vertices);
}
// Posing shares its structures and the skin's tissue walks among threads
// (core/parallel.hpp): the CPU column is every thread's, the time column
// the wall clock's.
BENCHMARK(BM_PoseWholeAtlas)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

// The part of the above that settles the skin over the tissue
// (skin_settle.hpp): eight poses across the ranges skinned beforehand, the
// skin put back as skinning left it (untimed) before each settle.
void BM_SettleSkin(benchmark::State& state) {
  if (!full_atlas()) {
    state.SkipWithError("the bundled atlas is absent");
    return;
  }
  static LegPoser poser(model(), muscles(), *full_atlas());
  const LegSkin& skin = poser.skin();
  std::vector<Scene> skinned(8, *full_atlas());
  for (std::size_t k = 0; k < skinned.size(); ++k)
    pose_scene(skin, *full_atlas(), pose_bodies(model(), pose_at(static_cast<std::int64_t>(k))), skinned[k]);
  Scene posed = *full_atlas();
  std::size_t k = 0;
  for (auto _ : state) {
    state.PauseTiming();
    posed.structures = skinned[k++ % skinned.size()].structures;
    state.ResumeTiming();
    settle_skin(skin.settle, *full_atlas(), posed);
    benchmark::DoNotOptimize(posed.structures.data());
  }
  state.counters["tissue"] = static_cast<double>(skin.settle.tissue.size());
}
BENCHMARK(BM_SettleSkin)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
} // namespace
