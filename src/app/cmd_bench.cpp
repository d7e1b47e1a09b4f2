#include "app/commands.hpp"
#include "app/leg_motion.hpp"
#include "app/offscreen.hpp"
#include "app/presentation.hpp"
#include "app/scene_setup.hpp"
#include "core/geometry/section_view.hpp"
#include "core/motion/sweep.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <optional>
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

// A moving leg (--moving): each frame the next pose of the sweep is posed on
// the CPU (LegPoser::apply, as the viewer's Play does), the deformed meshes
// are sent to the GL and the frame is drawn; each step timed on its own.
struct MovingRun {
  std::vector<motion::Pose> poses;
  double bind_ms = 0.0;
  std::vector<double> pose_ms, upload_ms, draw_ms, frame_ms;
  std::size_t vertices_sent = 0; // per frame, the deformed meshes' vertices
};

void run_moving(LegMotion& motion, MovingRun& run, Scene& scene, Presentation& presentation, OffscreenRenderer& renderer,
                float aspect) {
  auto ms_since = [](Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); };
  const auto b0 = Clock::now();
  motion.poser.emplace(motion.model, motion.muscles, scene);
  (void)motion.poser->skin(); // the binding, once per atlas (the viewer does it on a worker)
  run.bind_ms = ms_since(b0);
  // One camera framing both ends of the movement, as crus render --animate.
  Aabb box{glm::vec3(1e30f), glm::vec3(-1e30f)};
  for (const motion::Pose* p : {&run.poses.front(), &run.poses.back()}) {
    motion.poser->apply(*p, scene);
    presentation.scene_changed();
    const Aabb b = presentation.drawn_box();
    box = {glm::min(box.min, b.min), glm::max(box.max, b.max)};
  }
  renderer.update_pose(scene); // the first send of the deformed buffers, untimed
  const OrbitCamera camera = presentation.camera_for(AnatomicalView::lateral, aspect, box);
  for (const motion::Pose& pose : run.poses) {
    const auto t0 = Clock::now();
    motion.poser->apply(pose, scene);
    presentation.scene_changed();
    const DrawList list = presentation.draw_list();
    run.pose_ms.push_back(ms_since(t0));
    const std::vector<std::size_t> before = renderer.vertex_uploads();
    const auto t1 = Clock::now();
    renderer.update_pose(scene);
    run.upload_ms.push_back(ms_since(t1));
    const auto t2 = Clock::now();
    renderer.draw(scene, list, camera); // waits for the GL to finish, the sends included
    run.draw_ms.push_back(ms_since(t2));
    run.frame_ms.push_back(ms_since(t0));
    const std::vector<std::size_t>& after = renderer.vertex_uploads();
    std::size_t sent = 0;
    for (std::size_t i = 0; i < after.size() && i < before.size(); ++i)
      if (after[i] != before[i]) sent += scene.structures[i].mesh.positions.size();
    run.vertices_sent = std::max(run.vertices_sent, sent);
  }
}
} // namespace

int run_bench(const BenchOptions& options) {
  auto [width, height] = parse_size(options.size, "--size");
  // The movement is checked before anything is loaded (a bad sweep: exit 2 at once).
  std::optional<LegMotion> motion;
  MovingRun moving;
  if (!options.moving.empty()) {
    motion.emplace();
    moving.poses = motion::parse_sweep(motion->model, options.moving, "--moving").frames(std::max(2, options.frames));
  }
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
  // Peak memory of the orbit and the section drag, as without --moving (the
  // poser's copy of the scene and its binding come after).
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  double peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  if (motion) run_moving(*motion, moving, scene, presentation, renderer, aspect);

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
  if (motion) {
    auto median = [&](const std::vector<double>& v) { return percentile_of(v, 0.5); };
    nlohmann::ordered_json m;
    m["sweep"] = options.moving;
    m["frames"] = moving.poses.size();
    m["bind_ms"] = moving.bind_ms;
    m["pose_ms_median"] = median(moving.pose_ms);
    m["pose_ms_p95"] = percentile_of(moving.pose_ms, 0.95);
    m["upload_ms_median"] = median(moving.upload_ms);
    m["draw_ms_median"] = median(moving.draw_ms);
    m["frame_ms_median"] = median(moving.frame_ms);
    m["frame_ms_p95"] = percentile_of(moving.frame_ms, 0.95);
    m["vertices_sent_per_frame"] = moving.vertices_sent;
    j["moving"] = m;
  }
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
    if (motion)
      std::cout << "moving leg      " << options.moving << ", " << moving.poses.size() << " frames, bound in " << moving.bind_ms
                << " ms\n"
                << "  pose          " << percentile_of(moving.pose_ms, 0.5) << " ms median\n"
                << "  upload        " << percentile_of(moving.upload_ms, 0.5) << " ms median (" << moving.vertices_sent
                << " vertices a frame)\n"
                << "  draw          " << percentile_of(moving.draw_ms, 0.5) << " ms median\n"
                << "  whole frame   " << percentile_of(moving.frame_ms, 0.5) << " ms median, "
                << percentile_of(moving.frame_ms, 0.95) << " ms p95\n";
  }
  return 0;
}

} // namespace crus::app
