#include "app/commands.hpp"
#include "app/offscreen.hpp"
#include "app/presentation.hpp"
#include "app/scene_setup.hpp"
#include "core/geometry/section_view.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

namespace crus::app {

namespace {
using Clock = std::chrono::steady_clock;
const Clock::time_point g_main_start = Clock::now();

// How long before main the process began, from /proc/self/stat (field 22,
// start time in clock ticks since boot) and /proc/uptime.
double seconds_before_main() {
  std::ifstream stat("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  auto close = text.rfind(')');
  std::ifstream uptime_file("/proc/uptime");
  double uptime = 0.0;
  if (close == std::string::npos || !(uptime_file >> uptime)) return 0.0;
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  for (int i = 3; i <= 22 && fields >> field; ++i)
    if (i == 22) {
      double start = std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
      double since = uptime - start - std::chrono::duration<double>(Clock::now() - g_main_start).count();
      return std::clamp(since, 0.0, 5.0);
    }
  return 0.0;
}
const double g_before_main = seconds_before_main();
} // namespace

double seconds_since_process_start() {
  return g_before_main + std::chrono::duration<double>(Clock::now() - g_main_start).count();
}

namespace {
// CPU time of the whole process, every thread (llvmpipe rasterises on its own
// threads): steadier than wall time when other work shares the cores.
double process_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}
} // namespace

int run_bench(const BenchOptions& options) {
  auto [width, height] = parse_size(options.size, "--size");
  auto t0 = Clock::now();
  Scene scene = load_atlas(options.atlas, true);
  double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

  Presentation presentation(scene, /*with_knowledge=*/false);
  DrawList list = presentation.draw_list();
  OffscreenRenderer renderer(width, height);
  renderer.upload(scene);
  float aspect = static_cast<float>(width) / static_cast<float>(height);
  OrbitCamera camera = presentation.camera_for(AnatomicalView::anterior, aspect);
  CameraPose start = camera.pose();

  std::vector<double> frame_ms, frame_cpu_ms, bare_ms, bare_cpu_ms;
  double first_frame_ms = 0.0;
  std::size_t triangles = scene.triangle_count();
  auto timed = [](auto&& draw, std::vector<double>& wall, std::vector<double>& cpu) {
    auto f0 = Clock::now();
    const double c0 = process_cpu_ms();
    draw();
    wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - f0).count());
    cpu.push_back(process_cpu_ms() - c0);
  };
  // A fixed orbit: one full turn about the leg over the frames. At each step
  // the frame and then the same view with the bare shader (same target and
  // multisampling: the GL's own floor, issue 9), so that the machine's speed,
  // which drifts from minute to minute here, weighs on both alike.
  for (int f = 0; f < options.frames; ++f) {
    CameraPose p = start;
    p.yaw = start.yaw + 6.2831853f * static_cast<float>(f) / static_cast<float>(options.frames);
    p.pitch = 0.15f * std::sin(6.2831853f * static_cast<float>(f) / static_cast<float>(options.frames));
    camera.set_pose(p);
    timed([&] { renderer.draw(scene, list, camera); }, frame_ms, frame_cpu_ms);
    if (f == 0) {
      first_frame_ms = seconds_since_process_start() * 1000.0;
      // After the timing: the frame bench measures, for the test that it is
      // the frame users get (tests/app/bench_frame_test.cpp).
      if (!options.frame_out.empty()) write_png(renderer.read(), options.frame_out);
      renderer.draw_bare(list, camera); // compiles the bare shader, untimed
    }
    timed([&] { renderer.draw_bare(list, camera); }, bare_ms, bare_cpu_ms);
  }
  auto percentile_of = [](std::vector<double> sorted, double q) {
    std::sort(sorted.begin(), sorted.end());
    double pos = q * static_cast<double>(sorted.size() - 1);
    auto lo = static_cast<std::size_t>(std::floor(pos));
    auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - static_cast<double>(lo));
  };
  auto percentile = [&](double q) { return percentile_of(frame_ms, q); };
  const double bare_median = percentile_of(bare_ms, 0.5);
  const double ratio = bare_median > 0.0 ? percentile(0.5) / bare_median : 0.0;
  const double cpu_median = percentile_of(frame_cpu_ms, 0.5), bare_cpu_median = percentile_of(bare_cpu_ms, 0.5);
  const double cpu_ratio = bare_cpu_median > 0.0 ? cpu_median / bare_cpu_median : 0.0;
  // Dragging the section plane: each step of the drag remakes the cut
  // (contours, caps, outlines, label anchors) on the CPU; 30 heights from
  // 25% to 55% of the leg, as a drag down the calf.
  std::vector<double> section_ms;
  std::vector<bool> drawn(scene.structures.size(), true);
  for (int k = 0; k < 30; ++k) {
    SectionView view;
    view.on = true;
    view.fraction = 0.25 + 0.30 * k / 29.0;
    auto s0 = Clock::now();
    SectionGeometry g = build_section_geometry(scene, view, drawn);
    section_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s0).count());
    if (g.caps.empty()) section_ms.back() = 0.0;
  }
  std::sort(section_ms.begin(), section_ms.end());
  const double section_median = section_ms[section_ms.size() / 2], section_max = section_ms.back();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  double peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;

  nlohmann::ordered_json j;
  j["width"] = width;
  j["height"] = height;
  j["frames"] = options.frames;
  j["triangles"] = triangles;
  j["frame_ms_median"] = percentile(0.5);
  j["frame_ms_p95"] = percentile(0.95);
  j["bare_frame_ms_median"] = bare_median;
  j["frame_to_bare_ratio"] = ratio;
  j["frame_cpu_ms_median"] = cpu_median;
  j["bare_cpu_ms_median"] = bare_cpu_median;
  j["frame_to_bare_cpu_ratio"] = cpu_ratio;
  j["load_ms"] = load_ms;
  j["first_frame_ms"] = first_frame_ms;
  j["section_ms_median"] = section_median;
  j["section_ms_max"] = section_max;
  j["peak_rss_mb"] = peak_rss_mb;
  j["renderer"] = renderer.renderer();
  if (options.json) {
    std::cout << dump_json(j, -1) << "\n";
  } else {
    std::cout << "renderer        " << renderer.renderer() << "\n"
              << "frame size      " << width << "x" << height << ", " << triangles << " triangles\n"
              << "frames          " << options.frames << "\n"
              << "frame median    " << percentile(0.5) << " ms\n"
              << "frame p95       " << percentile(0.95) << " ms\n"
              << "bare draw       " << bare_median << " ms median (ratio " << ratio << ")\n"
              << "atlas load      " << load_ms << " ms\n"
              << "first frame     " << first_frame_ms << " ms after process start\n"
              << "section remake  " << section_median << " ms median, " << section_max << " ms max (a drag, 25-55%)\n"
              << "peak RSS        " << peak_rss_mb << " MB\n";
  }
  return 0;
}

} // namespace crus::app
