// Dragging the section plane in the viewer (issue 11): each step of a drag
// remakes the cut on the CPU (every structure sliced into contours, the caps
// triangulated, outlines and label anchors), then uploads the caps. Measured
// on the bundled atlas at both levels of detail; each iteration cuts at
// another height between 25% and 55% of the leg, as a drag down the calf.
#include "app/commands.hpp"
#include "app/scene_setup.hpp"
#include "core/geometry/section_view.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>

namespace {
using namespace crus;

void BM_SectionRemake(benchmark::State& state) {
  setenv("CRUS_ASSETS", CRUS_ASSETS_DIR, 0);
  app::AtlasOptions options;
  options.lod = static_cast<int>(state.range(0));
  Scene scene;
  try {
    scene = app::load_atlas(options, true);
  } catch (const std::exception& error) {
    state.SkipWithError(error.what());
    return;
  }
  std::vector<bool> drawn(scene.structures.size(), true);
  std::int64_t i = 0;
  std::size_t triangles = 0;
  for (auto _ : state) {
    SectionView view;
    view.on = true;
    view.fraction = 0.25 + 0.01 * static_cast<double>(i++ % 31);
    SectionGeometry g = build_section_geometry(scene, view, drawn);
    triangles = g.caps.triangle_count();
    benchmark::DoNotOptimize(g);
  }
  state.counters["atlas_triangles"] = static_cast<double>(scene.triangle_count());
  state.counters["cap_triangles"] = static_cast<double>(triangles);
}
BENCHMARK(BM_SectionRemake)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace
