// The pick index after a pose of the full atlas: building every mesh's
// hierarchy again (what the viewer did while bones were posed copies) against
// giving each bone its matrix and building only the deformed soft tissue
// (Session::pose_picks(true)), and the bones' matrices alone (pose_picks(false),
// what a moving leg pays at every frame).
#include "core/document/session.hpp"
#include "core/io/file_io.hpp"
#include "core/motion/posed_leg.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <optional>

namespace {
using namespace crus;

struct PosedAtlas {
  motion::MotionModel model = motion::load_motion_model(std::string(CRUS_ASSETS_DIR) + "/motion/joints.json");
  motion::MuscleSet muscles = motion::load_muscles(std::string(CRUS_ASSETS_DIR) + "/motion/muscles.json", model);
  Scene scene;
  std::optional<Session> session;
  explicit PosedAtlas(Scene rest) : scene(rest) {
    motion::LegPoser poser(model, muscles, std::move(rest));
    poser.apply(motion::Pose{70.0, -20.0, 5.0, 10.0}, scene);
    session.emplace(scene);
    (void)session->picks();
  }
};

PosedAtlas* posed_atlas() {
  static std::optional<PosedAtlas> atlas = []() -> std::optional<PosedAtlas> {
    const std::string path = std::string(CRUS_ASSETS_DIR) + "/atlas/lower_leg_right.glb";
    if (!std::filesystem::exists(path)) return std::nullopt;
    return std::optional<PosedAtlas>(std::in_place, load_scene(path));
  }();
  return atlas ? &*atlas : nullptr;
}

void BM_PickIndexRebuildAll(benchmark::State& state) {
  PosedAtlas* a = posed_atlas();
  if (!a) return state.SkipWithError("the bundled atlas is absent");
  for (auto _ : state) a->session->rebuild_picks();
}
BENCHMARK(BM_PickIndexRebuildAll)->Unit(benchmark::kMillisecond);

void BM_PickIndexSoftTissueOnly(benchmark::State& state) {
  PosedAtlas* a = posed_atlas();
  if (!a) return state.SkipWithError("the bundled atlas is absent");
  for (auto _ : state) a->session->pose_picks(true);
}
BENCHMARK(BM_PickIndexSoftTissueOnly)->Unit(benchmark::kMillisecond);

void BM_PickIndexBoneMatrices(benchmark::State& state) {
  PosedAtlas* a = posed_atlas();
  if (!a) return state.SkipWithError("the bundled atlas is absent");
  for (auto _ : state) a->session->pose_picks(false);
}
BENCHMARK(BM_PickIndexBoneMatrices)->Unit(benchmark::kMicrosecond);
} // namespace
