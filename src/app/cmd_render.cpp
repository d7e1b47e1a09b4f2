#include "app/commands.hpp"
#include "app/offscreen.hpp"
#include "app/presentation.hpp"
#include "app/scene_setup.hpp"
#include "core/cross_section.hpp"
#include "core/error.hpp"
#include "core/file_io.hpp"
#include "core/knowledge.hpp"
#include "core/scene_file.hpp"
#include "core/section_cut.hpp"
#include "core/section_page.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <filesystem>
#include <iostream>
#include <optional>

namespace crus::app {

namespace {
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

void warn_about_scene(const SceneFile& file, const std::string& path, const Scene& scene, const std::vector<std::string>& unknown) {
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

} // namespace

int run_render(const RenderOptions& given) {
  RenderOptions options = given;
  std::optional<SceneFile> from_scene = load_render_scene(options); // a bad scene fails before any work
  auto view = parse_view(options.view);
  if (!view) throw InputError("--view", "expected anterior, posterior, medial, lateral, superior or inferior, got \"" + options.view + "\"");
  if (from_scene && !options.size_given && from_scene->scene.width > 0)
    options.size = std::to_string(from_scene->scene.width) + "x" + std::to_string(from_scene->scene.height);
  auto [width, height] = parse_size(options.size, "--size");
  check_writable_file(options.out, "--out"); // before any rendering work
  {
    std::string ext = std::filesystem::path(options.out).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".png") throw InputError("--out", options.out + ": crus render writes PNG images; give a file name ending in .png");
  }
  if (!options.save_scene.empty()) check_writable_file(options.save_scene, "--save-scene");

  if (options.section_style != "page" && options.section_style != "model")
    throw InputError("--section-style", "expected page or model, got \"" + options.section_style + "\"");
  if (!options.section.empty() && options.section_style == "page") {
    if (from_scene || !options.save_scene.empty() || options.transparent)
      throw InputError(from_scene ? "--scene" : !options.save_scene.empty() ? "--save-scene" : "--transparent",
                       "the section page (--section) is a flat drawing, not a scene; use --section-style model");
    return render_section(options, width, height);
  }

  Scene scene = load_atlas(options.atlas, true);
  if (!options.section.empty()) cut_scene(scene, section_plane_for(options.section, options.tilt, scene, "--section"));
  Presentation presentation(scene, /*with_knowledge=*/true);
  std::vector<std::string> unknown;
  if (from_scene) {
    unknown = presentation.apply_scene(from_scene->scene);
    warn_about_scene(*from_scene, options.scene, scene, unknown);
    if (!from_scene->scene.labels) options.labels = false;
  }
  presentation.apply_render_options(options); // overlays that need the trigger points fail here (exit 2)
  if (options.overlays.empty() && !(from_scene && from_scene->scene.overlay.mode != OverlayMode::none))
    report_unloadable_clinical_data(scene, "the picture is drawn; overlays would need them");

  OffscreenRenderer renderer(width, height);
  renderer.upload(scene);
  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  OrbitCamera camera;
  if (from_scene && !options.view_given) {
    camera = presentation.camera_for_scene(from_scene->scene, *view, aspect);
  } else {
    camera = presentation.camera_for(*view, aspect);
    if (!options.section.empty() && *view != AnatomicalView::superior && *view != AnatomicalView::inferior) {
      // Look down on the cut from 35 degrees above the horizontal, so the caps show.
      CameraPose pose = camera.pose();
      pose.pitch = 0.61f;
      pose.distance = camera.fit_distance(scene.box, pose.yaw, pose.pitch, aspect);
      camera.set_pose(pose);
    }
  }
  Image image = presentation.render(renderer, camera, options.labels, {}, options.transparent);
  write_png(image, options.out);
  if (!options.save_scene.empty()) {
    SceneFile saved;
    if (from_scene) saved = *from_scene;
    saved.atlas = scene_atlas_of(options.atlas, scene);
    const SceneSpec* previous = from_scene ? &from_scene->scene : nullptr;
    saved.scene = capture_scene_spec(presentation.document().state(), scene, camera.pose(), previous);
    saved.scene.painted = presentation.context().painted;
    saved.scene.brush_radius = presentation.context().brush_radius;
    saved.scene.labels = options.labels;
    saved.scene.width = width;
    saved.scene.height = height;
    save_scene_file(options.save_scene, saved);
  }
  std::cout << options.out << ": " << width << "x" << height << ", "
            << (from_scene && !options.view_given ? "scene " + options.scene : to_string(*view) + std::string(" view")) << ", "
            << scene.structures.size() << " structures" << (options.transparent ? ", transparent background" : "") << "\n";
  if (!options.save_scene.empty()) std::cout << options.save_scene << ": the scene of this render\n";
  return 0;
}

} // namespace crus::app
