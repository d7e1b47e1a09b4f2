// "Where does it hurt?" lookup: snapping a click onto the skin and ranking
// the trigger points for a painted area must stay under 1 ms on a skin of
// ~100k triangles. The skin here is a synthetic subdivided tube with a foot
// shape's bounding size, so the benchmark does not depend on the atlas.
#include "core/anatomy/referral.hpp"
#include "core/anatomy/trigger_points.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

namespace {
using namespace crus;

std::vector<Landmark> bench_landmarks() {
  auto lm = [](const char* id, float x, float y, float z) { return Landmark{id, id, "", glm::vec3(x, y, z)}; };
  return {
      lm("popliteal_surface", -0.085f, 0.50f, 0.075f),
      lm("fibular_head", -0.075f, 0.405f, 0.110f),
      lm("tibial_tuberosity", -0.025f, 0.395f, 0.075f),
      lm("lateral_malleolus", -0.075f, 0.045f, 0.110f),
      lm("medial_malleolus", -0.060f, 0.065f, 0.045f),
      lm("calcaneal_tuberosity", -0.125f, 0.030f, 0.080f),
      lm("head_of_first_metatarsal", 0.065f, 0.015f, 0.050f),
      lm("head_of_fifth_metatarsal", 0.040f, 0.012f, 0.125f),
      lm("fifth_metatarsal_tuberosity", -0.015f, 0.015f, 0.125f),
      lm("distal_phalanx_of_hallux", 0.120f, 0.015f, 0.060f),
  };
}

const TriggerPointSet& trigger_points() {
  static const TriggerPointSet set =
      load_trigger_points(std::string(CRUS_ASSETS_DIR) + "/knowledge/trigger_points.json", bench_landmarks());
  return set;
}

// An elliptic tube around the leg axis with 2 * rings * segments triangles.
Mesh tube_skin(int rings, int segments) {
  Mesh m;
  for (int r = 0; r <= rings; ++r) {
    const float y = 0.55f * static_cast<float>(r) / static_cast<float>(rings);
    for (int s = 0; s < segments; ++s) {
      const float a = 6.2831853f * static_cast<float>(s) / static_cast<float>(segments);
      m.positions.push_back({-0.06f + 0.055f * std::cos(a), y, 0.075f + 0.05f * std::sin(a)});
    }
  }
  for (int r = 0; r < rings; ++r)
    for (int s = 0; s < segments; ++s) {
      const auto i0 = static_cast<std::uint32_t>(r * segments + s);
      const auto i1 = static_cast<std::uint32_t>(r * segments + (s + 1) % segments);
      const auto i2 = i0 + static_cast<std::uint32_t>(segments), i3 = i1 + static_cast<std::uint32_t>(segments);
      m.indices.insert(m.indices.end(), {i0, i2, i1, i1, i2, i3});
    }
  return m;
}

const Mesh& skin_100k() {
  static const Mesh mesh = tube_skin(250, 200); // 100,000 triangles
  return mesh;
}

const SkinIndex& skin_index() {
  static const SkinIndex index(skin_100k());
  return index;
}

std::vector<glm::vec3> random_points_near_skin(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> angle(0.0f, 6.2831853f), height(0.01f, 0.54f), off(-0.01f, 0.02f);
  std::vector<glm::vec3> out;
  for (std::size_t i = 0; i < n; ++i) {
    const float a = angle(rng), o = off(rng);
    out.push_back({-0.06f + (0.055f + o) * std::cos(a), height(rng), 0.075f + (0.05f + o) * std::sin(a)});
  }
  return out;
}

void BM_SkinIndexBuild(benchmark::State& state) {
  for (auto _ : state) {
    SkinIndex index(skin_100k());
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_SkinIndexBuild)->Unit(benchmark::kMillisecond);

// One click: snap to the skin, then rank the trigger points for that point.
void BM_ClickLookup(benchmark::State& state) {
  const std::vector<glm::vec3> clicks = random_points_near_skin(256, 1);
  const TriggerPointSet& set = trigger_points();
  const SkinIndex& index = skin_index();
  std::size_t i = 0;
  for (auto _ : state) {
    const SurfacePoint s = snap_to_surface(index, clicks[i++ % clicks.size()]);
    benchmark::DoNotOptimize(lookup_referral(set, {s.point}));
  }
}
BENCHMARK(BM_ClickLookup)->Unit(benchmark::kMicrosecond);

// A brush stroke of N painted points, each snapped, then one ranking.
void BM_BrushLookup(benchmark::State& state) {
  const std::vector<glm::vec3> stroke = random_points_near_skin(static_cast<std::size_t>(state.range(0)), 2);
  const TriggerPointSet& set = trigger_points();
  const SkinIndex& index = skin_index();
  std::vector<glm::vec3> painted(stroke.size());
  for (auto _ : state) {
    for (std::size_t i = 0; i < stroke.size(); ++i) painted[i] = snap_to_surface(index, stroke[i]).point;
    benchmark::DoNotOptimize(lookup_referral(set, painted));
  }
}
BENCHMARK(BM_BrushLookup)->Arg(16)->Arg(64)->Arg(256)->Unit(benchmark::kMicrosecond);

// Ranking alone for a large painted area.
void BM_RankOnly(benchmark::State& state) {
  const std::vector<glm::vec3> painted = random_points_near_skin(static_cast<std::size_t>(state.range(0)), 3);
  const TriggerPointSet& set = trigger_points();
  for (auto _ : state) benchmark::DoNotOptimize(lookup_referral(set, painted));
}
BENCHMARK(BM_RankOnly)->Arg(1)->Arg(256)->Arg(1024)->Unit(benchmark::kMicrosecond);

// Per-vertex overlay weights for every trigger point on the 100k skin.
void BM_ZoneWeightsAll(benchmark::State& state) {
  const TriggerPointSet& set = trigger_points();
  std::vector<const TriggerPoint*> all;
  for (const TriggerPoint& tp : set.trigger_points) all.push_back(&tp);
  for (auto _ : state) benchmark::DoNotOptimize(zone_weights(skin_100k(), all));
}
BENCHMARK(BM_ZoneWeightsAll)->Unit(benchmark::kMillisecond);

} // namespace
