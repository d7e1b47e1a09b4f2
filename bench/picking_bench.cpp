// Picking on a synthetic leg of the atlas's size: 45 meshes, about 600k
// triangles (the real atlas's full-detail count), nested like the real one
// (a skin around everything, bones and muscles inside).
#include "core/geometry/picking.hpp"

#if defined(CRUS_ASSETS_DIR)
#include "core/document/scene.hpp"
#include <filesystem>
#endif

#include <benchmark/benchmark.h>

#include <glm/geometric.hpp>

#include <cmath>
#include <random>
#include <vector>

namespace {

using crus::Mesh;
using crus::PickIndex;
using crus::Ray;

constexpr int mesh_total = 45;
constexpr int stacks = 58;
constexpr int slices = 116; // 2 * 58 * 116 - 2 * 116 = 13224 triangles a mesh

Mesh make_ellipsoid(glm::vec3 centre, glm::vec3 radii) {
  Mesh mesh;
  const float pi = 3.14159265358979f;
  for (int i = 0; i <= stacks; ++i) {
    const float theta = pi * static_cast<float>(i) / static_cast<float>(stacks);
    for (int j = 0; j <= slices; ++j) {
      const float phi = 2.0f * pi * static_cast<float>(j) / static_cast<float>(slices);
      const glm::vec3 n(std::sin(theta) * std::cos(phi), std::cos(theta), std::sin(theta) * std::sin(phi));
      mesh.positions.push_back(centre + radii * n);
      mesh.normals.push_back(glm::normalize(n / radii));
    }
  }
  const auto row = static_cast<std::uint32_t>(slices + 1);
  for (int i = 0; i < stacks; ++i) {
    for (int j = 0; j < slices; ++j) {
      const std::uint32_t a = static_cast<std::uint32_t>(i) * row + static_cast<std::uint32_t>(j);
      const std::uint32_t b = a + row;
      if (i != 0) mesh.indices.insert(mesh.indices.end(), {a, a + 1, b});
      if (i != stacks - 1) mesh.indices.insert(mesh.indices.end(), {a + 1, b + 1, b});
    }
  }
  return mesh;
}

// Mesh 0 is the skin; the others are long ellipsoids packed inside it
// around the leg's axis, like bones and muscles in the model frame.
struct Leg {
  std::vector<Mesh> meshes;
  PickIndex index;
  std::vector<Ray> hitting; // from a camera around the leg towards it
  std::vector<Ray> missing; // beside the leg
  std::vector<glm::vec3> near_skin;

  Leg() {
    const glm::vec3 axis_centre(-0.065f, 0.26f, 0.075f);
    meshes.push_back(make_ellipsoid(axis_centre, {0.075f, 0.27f, 0.075f}));
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (int m = 1; m < mesh_total; ++m) {
      const float angle = 6.2831853f * unit(rng);
      const float r = 0.045f * std::sqrt(unit(rng));
      const glm::vec3 centre = axis_centre + glm::vec3(r * std::cos(angle), 0.16f * (unit(rng) - 0.5f), r * std::sin(angle));
      meshes.push_back(
          make_ellipsoid(centre, {0.008f + 0.015f * unit(rng), 0.06f + 0.1f * unit(rng), 0.008f + 0.015f * unit(rng)}));
    }
    std::vector<const Mesh*> pointers;
    for (const Mesh& mesh : meshes) pointers.push_back(&mesh);
    index.build(pointers);

    for (int i = 0; i < 1024; ++i) {
      const float angle = 6.2831853f * unit(rng);
      const glm::vec3 eye = axis_centre + glm::vec3(0.8f * std::cos(angle), 0.4f * (unit(rng) - 0.5f), 0.8f * std::sin(angle));
      const glm::vec3 target =
          axis_centre + glm::vec3(0.1f * (unit(rng) - 0.5f), 0.45f * (unit(rng) - 0.5f), 0.1f * (unit(rng) - 0.5f));
      hitting.push_back(Ray{eye, target - eye});
      const glm::vec3 beside = axis_centre + glm::vec3(0.0f, 0.0f, 0.0f) +
                               glm::vec3(-std::sin(angle), 0.0f, std::cos(angle)) * (0.12f + 0.1f * unit(rng));
      missing.push_back(Ray{eye, beside - eye});
      near_skin.push_back(target + glm::vec3(0.05f * (unit(rng) - 0.5f), 0.0f, 0.05f * (unit(rng) - 0.5f)));
    }
  }
};

const Leg& leg() {
  static const Leg instance;
  return instance;
}

void pick_rays(benchmark::State& state, const std::vector<Ray>& rays, const std::vector<std::uint8_t>& flags) {
  const PickIndex& index = leg().index;
  std::size_t i = 0;
  std::size_t hits = 0;
  for (auto _ : state) {
    const auto hit = index.pick(rays[i++ & (rays.size() - 1)], flags);
    hits += hit ? 1 : 0;
    benchmark::DoNotOptimize(hit);
  }
  state.counters["triangles"] = static_cast<double>(index.triangle_count());
  state.counters["hit_rate"] = static_cast<double>(hits) / static_cast<double>(state.iterations());
}

void BM_PickAllOpaque(benchmark::State& state) {
  pick_rays(state, leg().hitting, std::vector<std::uint8_t>(mesh_total, crus::pick_opaque));
}
BENCHMARK(BM_PickAllOpaque);

// The usual teaching view: skin translucent, clicks go through it.
void BM_PickThroughGhostedSkin(benchmark::State& state) {
  std::vector<std::uint8_t> flags(mesh_total, crus::pick_opaque);
  flags[0] = crus::pick_ghosted;
  pick_rays(state, leg().hitting, flags);
}
BENCHMARK(BM_PickThroughGhostedSkin);

// Worst case for pruning: everything ghosted, so no hit ends the search early.
void BM_PickAllGhosted(benchmark::State& state) {
  pick_rays(state, leg().hitting, std::vector<std::uint8_t>(mesh_total, crus::pick_ghosted));
}
BENCHMARK(BM_PickAllGhosted);

void BM_PickIsolatedFew(benchmark::State& state) {
  std::vector<std::uint8_t> flags(mesh_total, crus::pick_hidden);
  for (int m = 1; m < mesh_total; m += 9) flags[m] = crus::pick_opaque;
  pick_rays(state, leg().hitting, flags);
}
BENCHMARK(BM_PickIsolatedFew);

void BM_PickMiss(benchmark::State& state) {
  pick_rays(state, leg().missing, std::vector<std::uint8_t>(mesh_total, crus::pick_opaque));
}
BENCHMARK(BM_PickMiss);

void BM_HitsAlong(benchmark::State& state) {
  const PickIndex& index = leg().index;
  const std::vector<std::uint8_t> flags(mesh_total, crus::pick_opaque);
  std::size_t i = 0;
  for (auto _ : state) {
    auto hits = index.hits_along(leg().hitting[i++ & 1023], flags);
    benchmark::DoNotOptimize(hits);
  }
}
BENCHMARK(BM_HitsAlong);

void BM_NearestPointOnSkin(benchmark::State& state) {
  const PickIndex& index = leg().index;
  std::size_t i = 0;
  for (auto _ : state) {
    const auto hit = index.nearest_point(leg().near_skin[i++ & 1023], 0);
    benchmark::DoNotOptimize(hit);
  }
}
BENCHMARK(BM_NearestPointOnSkin);

#if defined(CRUS_ASSETS_DIR)
// The built atlas itself, when assets/atlas holds it: rays from a camera
// circling the leg towards its bounding box, skin ghosted.
void BM_PickRealAtlas(benchmark::State& state) {
  const std::string path = std::string(CRUS_ASSETS_DIR) + "/atlas/lower_leg_right.glb";
  if (!std::filesystem::exists(path)) {
    state.SkipWithError("no built atlas at assets/atlas/lower_leg_right.glb");
    return;
  }
  crus::Scene scene;
  try {
    scene = crus::load_scene(path);
  } catch (const std::exception& error) {
    state.SkipWithError(error.what());
    return;
  }
  std::vector<const Mesh*> pointers;
  std::vector<std::uint8_t> flags;
  for (const crus::SceneStructure& s : scene.structures) {
    pointers.push_back(&s.mesh);
    flags.push_back(s.id == "skin" ? crus::pick_ghosted : crus::pick_opaque);
  }
  PickIndex index;
  index.build(pointers);
  const glm::vec3 centre = scene.box.centre();
  const glm::vec3 size = scene.box.size();
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> unit(-0.5f, 0.5f);
  std::vector<Ray> rays;
  for (int i = 0; i < 1024; ++i) {
    const float angle = 6.2831853f * (unit(rng) + 0.5f);
    const glm::vec3 eye = centre + glm::vec3(std::cos(angle), 0.3f * unit(rng), std::sin(angle)) * (2.0f * size.y);
    const glm::vec3 target = centre + glm::vec3(0.5f * size.x * unit(rng), size.y * unit(rng), 0.5f * size.z * unit(rng));
    rays.push_back(Ray{eye, target - eye});
  }
  std::size_t i = 0;
  std::size_t hits = 0;
  for (auto _ : state) {
    const auto hit = index.pick(rays[i++ & 1023], flags);
    hits += hit ? 1 : 0;
    benchmark::DoNotOptimize(hit);
  }
  state.counters["meshes"] = static_cast<double>(index.mesh_count());
  state.counters["triangles"] = static_cast<double>(index.triangle_count());
  state.counters["hit_rate"] = static_cast<double>(hits) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_PickRealAtlas);
#endif

void BM_BuildPickIndex(benchmark::State& state) {
  std::vector<const Mesh*> pointers;
  for (const Mesh& mesh : leg().meshes) pointers.push_back(&mesh);
  for (auto _ : state) {
    PickIndex index;
    index.build(pointers);
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_BuildPickIndex)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
