#include "app/commands.hpp"
#include "app/leg_motion.hpp"
#include "app/offscreen.hpp"
#include "app/presentation.hpp"
#include "app/posed_section.hpp"
#include "app/scene_setup.hpp"
#include "core/geometry/cross_section.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/anatomy/knowledge.hpp"
#include "core/motion/length_colours.hpp"
#include "core/motion/posed_leg.hpp"
#include "core/motion/sweep.hpp"
#include "core/document/scene_file.hpp"
#include "core/geometry/section_cut.hpp"
#include "core/publish/section_page.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <sstream>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace crus::app {

namespace {

// Milliseconds per phase of crus render, in order.
class Timings {
public:
  void lap(const char* phase) {
    const auto now = std::chrono::steady_clock::now();
    phases_.emplace_back(phase, std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }
  // "timings ms: import 210.3, knowledge 40.2, ..., process 720.0": the
  // process figure counts from its start (before main) to the PNG written,
  // so it includes what the phases do not (loading the binary, the CLI) and
  // not the second frame.
  std::string line(double process_seconds) const {
    std::ostringstream o;
    o << std::fixed << std::setprecision(1) << "timings ms:";
    for (std::size_t i = 0; i < phases_.size(); ++i) o << (i ? ", " : " ") << phases_[i].first << " " << phases_[i].second;
    o << ", process " << process_seconds * 1000.0;
    return o.str();
  }

private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::vector<std::pair<const char*, double>> phases_;
};

// Pixels of `image` inside the rectangle that are not the background (the
// top-left pixel's colour).
std::size_t covered_pixels(const Image& image, const glm::vec2& top_left, const glm::vec2& size) {
  std::size_t n = 0;
  const std::uint8_t* bg = image.at(0, 0);
  const int x0 = std::max(0, static_cast<int>(top_left.x)), y0 = std::max(0, static_cast<int>(top_left.y));
  const int x1 = std::min(image.width, static_cast<int>(top_left.x + size.x)),
            y1 = std::min(image.height, static_cast<int>(top_left.y + size.y));
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const std::uint8_t* p = image.at(x, y);
      if (std::abs(p[0] - bg[0]) + std::abs(p[1] - bg[1]) + std::abs(p[2] - bg[2]) > 24) ++n;
    }
  return n;
}

std::string percent_text(double fraction) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(std::abs(fraction * 100.0 - std::round(fraction * 100.0)) < 1e-9 ? 0 : 1)
    << fraction * 100.0;
  return o.str();
}

// The section page needs no GL: it is drawn on the CPU from the contours.
int render_section(const RenderOptions& options, int width, int height) {
  Scene scene = load_atlas(options.atlas, true);
  SceneSection section = section_of_leg(scene, options.section, options.tilt, options.pose, "--section");
  KnowledgeBase knowledge = load_knowledge(knowledge_dir());
  apply_knowledge(scene, knowledge);
  std::vector<int> hidden;
  if (!options.hide.empty()) hidden = resolve_ids(scene, options.hide, "--hide");
  if (!options.isolate.empty()) {
    std::vector<int> keep = resolve_ids(scene, options.isolate, "--isolate");
    for (int i = 0; i < static_cast<int>(scene.structures.size()); ++i)
      if (std::find(keep.begin(), keep.end(), i) == keep.end()) hidden.push_back(i);
  }
  std::erase_if(section.structures,
                [&](const StructureSection& s) { return std::find(hidden.begin(), hidden.end(), s.index) != hidden.end(); });
  if (section.structures.empty())
    throw InputError(options.isolate.empty() ? "--hide" : "--isolate",
                     "nothing left to draw: the structures shown are not cut at " + options.section);
  for (auto& s : section.structures) s.name = scene.structures[static_cast<std::size_t>(s.index)].name;

  const SectionPlane& plane = section.plane;
  SectionPageOptions page;
  page.width = width;
  page.height = height;
  page.labels = options.labels;
  if (options.compartments)
    for (const auto& s : section.structures)
      if (const KnowledgeEntry* e = knowledge.find(s.id); e && e->compartment) page.compartments[s.id] = *e->compartment;
  std::string side = scene.manifest ? scene.manifest->side : "right";
  if (!side.empty()) side[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(side[0])));
  page.title = side + " leg: cross-section " +
               (plane.fraction ? percent_text(*plane.fraction) + "% of the way from the knee to the ankle"
                               : "at y = " + options.section + " m");
  std::ostringstream sub;
  sub << std::fixed << std::setprecision(3) << "y = " << plane.point.y << " m";
  if (plane.tilt_deg != 0.0) sub << std::setprecision(1) << ", tilted " << plane.tilt_deg << "\u00b0 (anterior side up)";
  sub << "; seen from above, anterior at the top";
  for (const auto& s : section.structures)
    if (s.kind == StructureKind::skin) {
      sub << std::setprecision(1) << "; circumference " << s.measure.hull_perimeter_m * 100.0 << " cm";
    }
  page.subtitle = sub.str();
  Image image = render_section_page(section, page);
  write_png(image, options.out);
  std::cout << options.out << ": " << width << "x" << height << ", section at " << options.section << ", "
            << section.structures.size() << " structures cut\n";
  return 0;
}

// The scene file named by --scene, with the atlas it was made on unless
// --atlas overrides it.
std::optional<SceneFile> load_render_scene(RenderOptions& options) {
  if (options.scene.empty()) return std::nullopt;
  SceneFile file = load_scene_file(options.scene);
  if (options.atlas.atlas.empty() && file.atlas.name != "bundled") {
    options.atlas.atlas = file.atlas.name;
    options.atlas.atlas_map = file.atlas.map;
  }
  return file;
}

void warn_about_scene(const SceneFile& file, const std::string& path, const Scene& scene,
                      const std::vector<std::string>& unknown) {
  if (!file.atlas.fingerprint.empty() && file.atlas.fingerprint != atlas_fingerprint(scene))
    std::cerr << "crus: warning: " << path << ": the atlas's structures have changed since the scene was saved (fingerprint "
              << file.atlas.fingerprint << ", now " << atlas_fingerprint(scene) << "); structures are matched by id\n";
  if (!unknown.empty()) std::cerr << "crus: warning: " << path << ": " << describe_unknown_ids(unknown) << "\n";
}

SceneAtlas scene_atlas_of(const AtlasOptions& atlas, const Scene& scene) {
  SceneAtlas a;
  a.name = atlas.atlas.empty() ? "bundled" : atlas.atlas;
  a.map = atlas.atlas_map;
  a.fingerprint = atlas_fingerprint(scene);
  a.structures = static_cast<int>(scene.structures.size());
  return a;
}

// Writes the scene a render used (--save-scene), so the figure can be made again.
void save_render_scene(const RenderOptions& options, const SceneFile* from_scene, Presentation& presentation, const Scene& scene,
                       const OrbitCamera& camera, int width, int height) {
  SceneFile saved;
  if (from_scene) saved = *from_scene;
  saved.atlas = scene_atlas_of(options.atlas, scene);
  const SceneSpec* previous = from_scene ? &from_scene->scene : nullptr;
  saved.scene = capture_scene_spec(presentation.document().state(), scene, camera.pose(), previous);
  saved.scene.painted = presentation.painted;
  saved.scene.brush_radius = presentation.brush_radius;
  saved.scene.labels = options.labels;
  saved.scene.width = width;
  saved.scene.height = height;
  save_scene_file(options.save_scene, saved);
}

// The picture and every file asked for are written and renamed into place:
// end the process without unwinding. Tearing down the GL context (llvmpipe's
// threads, the 66 MB of multisampled buffers), the atlas and Assimp's and
// LLVM's static state took 50-350 ms of a render's wall time on this machine
// (docs/PERFORMANCE.md) and frees nothing the kernel does not free at exit.
// Under AddressSanitizer the process ends normally instead, so the leak
// checker still runs at exit over everything a render allocated.
#if defined(__SANITIZE_ADDRESS__)
#define CRUS_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CRUS_UNDER_ASAN 1
#endif
#endif
#ifdef CRUS_UNDER_ASAN
void end_process_after_render() {}
#else
[[noreturn]] void end_process_after_render() {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(0);
}
#endif

} // namespace

int run_render(const RenderOptions& given) {
  RenderOptions options = given;
  std::optional<SceneFile> from_scene = load_render_scene(options); // a bad scene fails before any work
  auto view = parse_view(options.view);
  if (!view)
    throw InputError("--view",
                     "expected anterior, posterior, medial, lateral, superior or inferior, got \"" + options.view + "\"");
  if (from_scene && !options.size_given && from_scene->scene.width > 0)
    options.size = std::to_string(from_scene->scene.width) + "x" + std::to_string(from_scene->scene.height);
  auto [width, height] = parse_size(options.size, "--size");
  // A scene's own pose and colouring (version 2) are the base that --pose and
  // --colour-by-length add to.
  const motion::Pose scene_pose = from_scene ? from_scene->scene.pose : motion::Pose{};
  if (from_scene && from_scene->scene.colour_by_length) options.colour_by_length = true;
  const bool posing =
      !options.pose.empty() || !options.animate.empty() || options.colour_by_length || !(scene_pose == motion::Pose{});
  // A posed section page: the plane moves with the tibia (posed_section.hpp).
  // The 3D cut model, the movies and a scene's own pose are still cut at rest only.
  const bool posed_page =
      options.animate.empty() && !options.colour_by_length && options.section_style == "page" && scene_pose == motion::Pose{};
  if (posing && !options.section.empty() && !posed_page)
    throw InputError(!options.animate.empty()          ? "--animate"
                     : !options.pose.empty()           ? "--pose"
                     : !(scene_pose == motion::Pose{}) ? "--scene"
                                                       : "--colour-by-length",
                     "cannot be combined with --section yet, except --pose with the section page (the 3D cut is made at rest)");
  // The movement, one pose or the frames of a sweep, checked before any file is touched.
  std::unique_ptr<LegMotion> motion;
  std::vector<motion::Pose> poses{motion::Pose{}};
  if (posing) {
    motion = std::make_unique<LegMotion>();
    motion::Pose base = scene_pose;
    if (!options.pose.empty()) base = motion::parse_pose(motion->model, options.pose, "--pose", base);
    poses = {base};
    if (!options.animate.empty())
      poses = motion::parse_sweep(motion->model, options.animate, "--animate", base).frames(options.frames);
  }
  std::filesystem::path frames_dir;
  {
    std::string ext = std::filesystem::path(options.out).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!options.animate.empty()) {
      // A folder of frames: created when absent, checked before any work.
      if (ext == ".png")
        throw InputError("--out", options.out + ": with --animate, --out names a folder for the frames, not a .png file");
      frames_dir = options.out;
      std::error_code ec;
      std::filesystem::create_directories(frames_dir, ec);
      if (ec) throw InputError("--out", options.out + ": cannot create the folder (" + ec.message() + ")");
      check_writable_file((frames_dir / "frame_000.png").string(), "--out");
    } else {
      check_writable_file(options.out, "--out"); // before any rendering work
      if (ext != ".png")
        throw InputError("--out", options.out + ": crus render writes PNG images; give a file name ending in .png");
    }
  }
  if (!options.save_scene.empty()) check_writable_file(options.save_scene, "--save-scene");

  if (options.section_style != "page" && options.section_style != "model")
    throw InputError("--section-style", "expected page or model, got \"" + options.section_style + "\"");
  if (!options.section.empty() && options.section_style == "page") {
    if (from_scene || !options.save_scene.empty() || options.transparent)
      throw InputError(from_scene                    ? "--scene"
                       : !options.save_scene.empty() ? "--save-scene"
                                                     : "--transparent",
                       "the section page (--section) is a flat drawing, not a scene; use --section-style model");
    return render_section(options, width, height);
  }

  Timings timings;
  PendingOffscreen pending_renderer(width, height); // the context and shaders start while the atlas loads
  Scene scene = load_atlas(options.atlas, true);
  if (!options.section.empty()) cut_scene(scene, section_plane_for(options.section, options.tilt, scene, "--section"));
  timings.lap("import");
  if (motion) motion->poser.emplace(motion->model, motion->muscles, scene);
  Presentation presentation(scene, /*with_knowledge=*/true);
  presentation.ambient_occlusion = options.ambient_occlusion;
  // Pins and arrows are stored at rest: found on the rest meshes, drawn on the posed ones.
  if (motion) presentation.rest = &motion->poser->rest();
  std::vector<std::string> unknown;
  if (from_scene) {
    unknown = presentation.apply_scene(from_scene->scene);
    warn_about_scene(*from_scene, options.scene, scene, unknown);
    if (!from_scene->scene.labels) options.labels = false;
  }
  if (motion) {
    // What --save-scene writes: the pose drawn (the first frame of a sweep).
    presentation.document().set_pose(poses.front(), "Pose");
    presentation.document().set_colour_by_length(options.colour_by_length);
  }
  presentation.apply_render_options(options); // overlays that need the trigger points fail here (exit 2)
  if (options.overlays.empty() && !(from_scene && from_scene->scene.overlay.mode != OverlayMode::none))
    report_unloadable_clinical_data(scene, "the picture is drawn; overlays would need them");
  timings.lap("knowledge");

  std::unique_ptr<OffscreenRenderer> renderer_owner = pending_renderer.get();
  OffscreenRenderer& renderer = *renderer_owner;
  timings.lap("context"); // what is left of the context's start once the knowledge is in
  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  // One camera for every frame, framing the leg in all of its poses.
  Aabb frame_box{glm::vec3(1e30f), glm::vec3(-1e30f)};
  std::vector<std::vector<motion::MuscleState>> states;
  for (const auto& p : poses) {
    if (motion) {
      motion->poser->apply(p, scene);
      presentation.scene_changed();
      states.push_back(motion::muscle_states(motion->model, motion->muscles, p));
    }
    const Aabb b = presentation.drawn_box();
    frame_box = {glm::min(frame_box.min, b.min), glm::max(frame_box.max, b.max)};
  }
  const double full_scale = motion::kLengthFullScalePct;
  OrbitCamera camera = presentation.camera_for(*view, aspect, frame_box);
  if (from_scene && !options.view_given) {
    camera = presentation.camera_for_scene(from_scene->scene, *view, aspect);
  } else if (!options.section.empty() && *view != AnatomicalView::superior && *view != AnatomicalView::inferior) {
    // Look down on the cut from 35 degrees above the horizontal, so the caps show.
    CameraPose pose = camera.pose();
    pose.pitch = 0.61f;
    pose.distance = camera.fit_distance(scene.box, pose.yaw, pose.pitch, aspect);
    camera.set_pose(pose);
  }
  // The legend goes in the corner the leg leaves emptiest at both ends of the movement.
  glm::vec2 legend_corner{0.0f};
  bool legend_from_bottom = true;
  if (options.colour_by_length) {
    std::vector<Image> probes;
    for (const motion::Pose* p : {&poses.front(), &poses.back()}) {
      motion->poser->apply(*p, scene);
      presentation.scene_changed();
      renderer.update_pose(scene);
      probes.push_back(presentation.render(renderer, camera, false));
      if (poses.size() == 1) break;
    }
    const float margin = static_cast<float>(height) / 60.0f, fs = std::max(14.0f, static_cast<float>(height) / 48.0f);
    const glm::vec2 size{fs * 16.5f, fs * 7.5f};
    const std::array<std::pair<glm::vec2, bool>, 4> corners{
        {{{margin, static_cast<float>(height) - margin}, true},
         {{static_cast<float>(width) - margin - size.x, static_cast<float>(height) - margin}, true},
         {{static_cast<float>(width) - margin - size.x, margin * 4.0f}, false},
         {{margin, margin * 4.0f}, false}}};
    std::size_t best = ~std::size_t{0};
    for (const auto& [corner, from_bottom] : corners) {
      const glm::vec2 tl{corner.x, from_bottom ? corner.y - size.y : corner.y};
      std::size_t covered = 0;
      for (const Image& probe : probes) covered += covered_pixels(probe, tl, size);
      if (covered < best) {
        best = covered;
        legend_corner = corner;
        legend_from_bottom = from_bottom;
      }
    }
  }
  for (std::size_t i = 0; i < poses.size(); ++i) {
    if (motion) {
      motion->poser->apply(poses[i], scene);
      presentation.scene_changed();
      const float margin = static_cast<float>(height) / 60.0f;
      const std::string caption = "Right leg: " + motion::describe_pose(motion->model, poses[i]);
      presentation.annotate = [&, caption, margin](const CanvasPen& pen) {
        draw_caption_line(pen, {margin, margin}, caption);
        if (options.colour_by_length) draw_length_legend(pen, legend_corner, full_scale, legend_from_bottom);
      };
      if (options.colour_by_length)
        presentation.decorate = [&, i](DrawList& list) {
          motion::colour_by_length(list, scene, motion->muscles, states[i], full_scale);
        };
    }
    if (motion) renderer.update_pose(scene);
    else renderer.upload(scene);
    if (frames_dir.empty()) {
      timings.lap("upload");
      Image image;
      if (options.transparent) {
        image = presentation.render(renderer, camera, options.labels, {}, true); // two passes (see Presentation::render)
      } else {
        presentation.draw(renderer, camera, options.labels);
        timings.lap("first frame");
        image = presentation.read(renderer);
      }
      timings.lap("read-back");
      write_png(image, options.out);
      timings.lap("png");
      const double process_s = seconds_since_process_start(); // the picture is written: what a user waits for
      if (!options.save_scene.empty())
        save_render_scene(options, from_scene ? &*from_scene : nullptr, presentation, scene, camera, width, height);
      std::cout << options.out << ": " << width << "x" << height << ", "
                << (from_scene && !options.view_given ? "scene " + options.scene : to_string(*view) + std::string(" view"))
                << ", " << scene.structures.size() << " structures"
                << (motion ? ", " + motion::describe_pose(motion->model, poses[i]) : std::string())
                << (options.transparent ? ", transparent background" : "") << "\n";
      if (!options.save_scene.empty()) std::cout << options.save_scene << ": the scene of this render\n";
      if (options.timings) {
        // The same frame again, after the picture is written: what the first
        // frame cost beyond it is start-up (llvmpipe compiles shaders on first use).
        presentation.draw(renderer, camera, options.labels);
        timings.lap("second frame");
        std::cout << timings.line(process_s) << "\n";
      }
      end_process_after_render();
    } else {
      Image image = presentation.render(renderer, camera, options.labels, {}, options.transparent);
      char name[32];
      std::snprintf(name, sizeof name, "frame_%03zu.png", i);
      write_png(image, (frames_dir / name).string());
    }
  }
  if (!frames_dir.empty())
    std::cout << frames_dir.string() << ": " << poses.size() << " frames frame_000.png to frame_"
              << (poses.size() < 11    ? "00"
                  : poses.size() < 101 ? "0"
                                       : "")
              << poses.size() - 1 << ".png, " << width << "x" << height << ", " << to_string(*view) << " view, from "
              << motion::describe_pose(motion->model, poses.front()) << " to "
              << motion::describe_pose(motion->model, poses.back()) << "\n";
  return 0;
}

} // namespace crus::app
