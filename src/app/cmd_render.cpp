#include "app/commands.hpp"
#include "app/offscreen.hpp"
#include "app/presentation.hpp"
#include "app/scene_setup.hpp"
#include "core/cross_section.hpp"
#include "core/error.hpp"
#include "core/file_io.hpp"
#include "core/knowledge.hpp"
#include "core/section_cut.hpp"
#include "core/section_page.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <filesystem>
#include <iostream>

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

std::string percent_text(double fraction) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(std::abs(fraction * 100.0 - std::round(fraction * 100.0)) < 1e-9 ? 0 : 1) << fraction * 100.0;
  return o.str();
}

// The section page needs no GL: it is drawn on the CPU from the contours.
int render_section(const RenderOptions& options, int width, int height) {
  Scene scene = load_atlas(options.atlas, true);
  SceneSection section = section_scene(scene, section_plane_for(options.section, options.tilt, scene, "--section"));
  KnowledgeBase knowledge = load_knowledge(knowledge_dir());
  apply_knowledge(scene, knowledge);
  std::vector<int> hidden;
  if (!options.hide.empty()) hidden = resolve_ids(scene, options.hide, "--hide");
  if (!options.isolate.empty()) {
    std::vector<int> keep = resolve_ids(scene, options.isolate, "--isolate");
    for (int i = 0; i < static_cast<int>(scene.structures.size()); ++i)
      if (std::find(keep.begin(), keep.end(), i) == keep.end()) hidden.push_back(i);
  }
  std::erase_if(section.structures, [&](const StructureSection& s) { return std::find(hidden.begin(), hidden.end(), s.index) != hidden.end(); });
  if (section.structures.empty())
    throw InputError(options.isolate.empty() ? "--hide" : "--isolate", "nothing left to draw: the structures shown are not cut at " + options.section);
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
               (plane.fraction ? percent_text(*plane.fraction) + "% of the way from the knee to the ankle" : "at y = " + options.section + " m");
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
} // namespace

int run_render(const RenderOptions& options) {
  auto view = parse_view(options.view);
  if (!view) throw InputError("--view", "expected anterior, posterior, medial, lateral, superior or inferior, got \"" + options.view + "\"");
  auto [width, height] = parse_size(options.size, "--size");
  check_writable_file(options.out, "--out"); // before any rendering work
  {
    std::string ext = std::filesystem::path(options.out).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".png") throw InputError("--out", options.out + ": crus render writes PNG images; give a file name ending in .png");
  }

  if (options.section_style != "page" && options.section_style != "model")
    throw InputError("--section-style", "expected page or model, got \"" + options.section_style + "\"");
  if (!options.section.empty() && options.section_style == "page") return render_section(options, width, height);

  Timings timings;
  Scene scene = load_atlas(options.atlas, true);
  if (!options.section.empty()) cut_scene(scene, section_plane_for(options.section, options.tilt, scene, "--section"));
  timings.lap("import");
  Presentation presentation(scene, /*with_knowledge=*/true);
  presentation.apply_render_options(options); // overlays that need the trigger points fail here (exit 2)
  if (options.overlays.empty()) report_unloadable_clinical_data(scene, "the picture is drawn; overlays would need them");
  timings.lap("knowledge");

  OffscreenRenderer renderer(width, height);
  timings.lap("context");
  renderer.upload(scene);
  timings.lap("upload");
  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  OrbitCamera camera = presentation.camera_for(*view, aspect);
  if (!options.section.empty() && *view != AnatomicalView::superior && *view != AnatomicalView::inferior) {
    // Look down on the cut from 35 degrees above the horizontal, so the caps show.
    CameraPose pose = camera.pose();
    pose.pitch = 0.61f;
    pose.distance = camera.fit_distance(scene.box, pose.yaw, pose.pitch, aspect);
    camera.set_pose(pose);
  }
  presentation.draw(renderer, camera, options.labels);
  timings.lap("first frame");
  Image image = renderer.read();
  timings.lap("read-back");
  write_png(image, options.out);
  timings.lap("png");
  const double process_s = seconds_since_process_start(); // the picture is written: what a user waits for
  std::cout << options.out << ": " << width << "x" << height << ", " << to_string(*view) << " view, "
            << scene.structures.size() << " structures\n";
  if (options.timings) {
    // The same frame again, after the picture is written: what the first
    // frame cost beyond it is start-up (llvmpipe compiles shaders on first use).
    presentation.draw(renderer, camera, options.labels);
    timings.lap("second frame");
    std::cout << timings.line(process_s) << "\n";
  }
  return 0;
}

} // namespace crus::app
