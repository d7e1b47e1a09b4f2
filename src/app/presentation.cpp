#include "app/presentation.hpp"

#include "app/offscreen.hpp"
#include "app/scene_setup.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/document/highlights.hpp"
#include "core/anatomy/referral_overlay.hpp"
#include "core/anatomy/search.hpp"
#include "core/publish/canvas_paint.hpp"
#include "core/document/view_labels.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace crus::app {

Presentation::Presentation(Scene& scene, bool with_knowledge) : scene_(scene), session_(scene) {
  if (with_knowledge)
    session_.set_knowledge(load_knowledge_reporting("the picture is drawn; labels use atlas names where entries are missing"));
}

void Presentation::load_trigger_points() {
  if (session_.trigger_points()) return;
  if (!scene_.manifest)
    throw InputError(scene_.source, "the atlas has no manifest with landmarks, which the referral zones are anchored to");
  session_.set_trigger_points(crus::load_trigger_points(knowledge_dir() + "/trigger_points.json", scene_.manifest->landmarks));
  session_.set_red_flags(load_red_flags(knowledge_dir() + "/red_flags.json"));
}

void Presentation::apply_render_options(const RenderOptions& o) {
  ambient_occlusion = o.ambient_occlusion; // --no-ao
  // Options that contradict each other can only be a mistake.
  if (o.overlays.size() > 1) throw InputError("--overlay", "give one --overlay; the figure shows one referral map at a time");
  if (!o.ghost.empty() && !o.hide.empty()) {
    for (int g : resolve_ids(scene_, o.ghost, "--ghost"))
      for (int h : resolve_ids(scene_, o.hide, "--hide"))
        if (g == h)
          throw InputError("--ghost", scene_.structures[static_cast<std::size_t>(g)].id +
                                          " is both ghosted and hidden (--hide); choose one");
  }
  if (!o.highlight.empty() && !o.select.empty()) {
    const SceneStructure& s = scene_.structures[static_cast<std::size_t>(resolve_id(scene_, o.select, "--select"))];
    const bool attachments =
        o.highlight.find("origin") != std::string::npos || o.highlight.find("insertion") != std::string::npos ||
        o.highlight.find("innervation") != std::string::npos || o.highlight.find("function") != std::string::npos;
    if (attachments && s.kind != StructureKind::muscle && s.kind != StructureKind::tendon && s.kind != StructureKind::other)
      throw InputError("--highlight",
                       s.id + " is a " + to_string(s.kind) + "; origin, insertion, innervation and function belong to muscles");
  }
  if (!o.isolate.empty()) session_.document().isolate(resolve_ids(scene_, o.isolate, "--isolate"));
  if (!o.ghost.empty()) session_.document().set_visibility(resolve_ids(scene_, o.ghost, "--ghost"), Visibility::ghosted);
  if (!o.hide.empty()) session_.document().set_visibility(resolve_ids(scene_, o.hide, "--hide"), Visibility::hidden);
  if (!o.select.empty()) session_.document().select(resolve_id(scene_, o.select, "--select"));
  if (!o.highlight.empty()) {
    if (o.select.empty()) throw InputError("--highlight", "needs --select ID: highlights belong to the selected muscle");
    Highlights h;
    std::stringstream ss(o.highlight);
    std::string item;
    while (std::getline(ss, item, ',')) {
      if (item == "origin") h.origin = true;
      else if (item == "insertion") h.insertion = true;
      else if (item == "innervation") h.innervation = true;
      else if (item == "function") h.function = true;
      else if (item == "all") h = {true, true, true, true};
      else throw InputError("--highlight", "expected origin, insertion, innervation, function or all, got \"" + item + "\"");
    }
    session_.document().set_highlights(h);
  }
  for (const std::string& overlay : o.overlays) {
    Overlay ov;
    if (overlay == "trigger-points") {
      ov.mode = OverlayMode::all;
    } else if (overlay.rfind("referral:", 0) == 0) {
      ov.target = overlay.substr(9);
      load_trigger_points();
      if (select_trigger_points(*session_.trigger_points(), ov.target).empty()) {
        std::vector<std::string> ids;
        for (const auto& tp : session_.trigger_points()->trigger_points) {
          ids.push_back(tp.id);
          ids.push_back(tp.muscle);
          if (!tp.group.empty()) ids.push_back(tp.group);
        }
        std::string message = "no trigger point, muscle or group is called \"" + ov.target + "\"";
        auto close = closest_ids(ids, ov.target, 3);
        for (std::size_t k = 0; k < close.size(); ++k) message += (k ? ", " : "; did you mean ") + close[k];
        throw InputError("--overlay", message + (close.empty() ? "" : "?"));
      }
      ov.mode = session_.trigger_points()->find(ov.target) ? OverlayMode::trigger_point : OverlayMode::muscle;
    } else if (overlay == "trigger-points-safe") {
      ov.mode = OverlayMode::all;
      ov.colour_blind_safe = true;
    } else {
      throw InputError("--overlay",
                       "expected referral:ID (a muscle or trigger-point id) or trigger-points, got \"" + overlay + "\"");
    }
    load_trigger_points();
    session_.document().set_overlay(ov);
  }
  if (o.mirror) session_.document().set_mirror(true);
}

DrawList Presentation::draw_list() {
  session_.overlay();
  if (std::exception_ptr e = session_.overlay_error()) std::rethrow_exception(e); // a command stops with its one line
  DrawList list = session_.draw_list({painted, brush_radius, std::nullopt});
  list.ambient_occlusion = ambient_occlusion;
  return list;
}

std::vector<std::string> Presentation::apply_scene(const SceneSpec& spec) {
  AppliedScene applied = apply_scene_spec(spec, scene_);
  if (applied.state.overlay.mode != OverlayMode::none) {
    load_trigger_points();
    const std::string& target = applied.state.overlay.target;
    if (applied.state.overlay.mode != OverlayMode::all && select_trigger_points(*session_.trigger_points(), target).empty()) {
      applied.unknown_ids.push_back(target); // reported and kept in the spec; nothing to draw for it here
      applied.state.overlay = Overlay{};
    } else if (applied.state.overlay.mode != OverlayMode::all) {
      applied.state.overlay.mode = session_.trigger_points()->find(target) ? OverlayMode::trigger_point : OverlayMode::muscle;
    }
  }
  // Pins and arrows back onto the surface (the atlas may have been
  // regenerated since they were placed); the scene is at rest here.
  if (std::string moved = describe_snap(snap_annotations(applied.state.annotations, scene_)); !moved.empty())
    std::fprintf(stderr, "crus: %s\n", moved.c_str());
  session_.document().load_state(applied.state, "Open scene");
  painted = spec.painted;
  brush_radius = spec.brush_radius;
  return applied.unknown_ids;
}

OrbitCamera Presentation::camera_for_scene(const SceneSpec& spec, AnatomicalView fallback, float aspect, float free_min_y) {
  OrbitCamera camera;
  if (spec.camera) {
    camera.set_pose(*spec.camera);
    return camera;
  }
  camera = camera_for(spec.view.value_or(fallback), aspect);
  if (free_min_y > -1.0f)
    camera.set_pose(camera.framing_pose(drawn_box(), aspect, glm::vec2(-1.0f, free_min_y), glm::vec2(1.0f)));
  return camera;
}

Image Presentation::render(OffscreenRenderer& renderer, const OrbitCamera& camera, bool labels, const Overdraw& extra,
                           bool transparent) {
  if (!transparent) return render_pass(renderer, camera, labels, extra, std::nullopt);
  // Difference matting: the same frame on black and on white. A pixel that
  // lets a fraction t of the background through differs by t between the
  // two, so alpha = 1 - t and the colour is the black frame / alpha. This is
  // exact for blended (ghosted, antialiased) pixels and for the labels,
  // without a renderer that writes alpha itself.
  Image black = render_pass(renderer, camera, labels, extra, glm::vec3(0.0f));
  Image white = render_pass(renderer, camera, labels, extra, glm::vec3(1.0f));
  Image out = black;
  for (std::size_t i = 0; i + 3 < out.rgba.size(); i += 4) {
    int through = 0;
    for (int c = 0; c < 3; ++c)
      through += static_cast<int>(white.rgba[i + static_cast<std::size_t>(c)]) - black.rgba[i + static_cast<std::size_t>(c)];
    const int alpha = std::clamp(255 - through / 3, 0, 255);
    out.rgba[i + 3] = static_cast<std::uint8_t>(alpha);
    for (int c = 0; c < 3; ++c) {
      const std::size_t k = i + static_cast<std::size_t>(c);
      out.rgba[k] = alpha == 0 ? 0 : static_cast<std::uint8_t>(std::min(255, black.rgba[k] * 255 / alpha));
    }
  }
  return out;
}

Image Presentation::render_pass(OffscreenRenderer& renderer, const OrbitCamera& camera, bool labels, const Overdraw& extra,
                                std::optional<glm::vec3> background) {
  draw(renderer, camera, labels, extra, background);
  return read(renderer);
}

Image Presentation::read(OffscreenRenderer& renderer) const {
  Image image = renderer.read();
  paint_canvas(image, overlay_);
  return image;
}

void Presentation::draw(OffscreenRenderer& renderer, const OrbitCamera& camera, bool labels, const Overdraw& extra,
                        std::optional<glm::vec3> background) {
  DrawList list = draw_list();
  if (decorate) decorate(list);
  if (background) list.background = *background;
  renderer.draw(scene_, list, camera);
  camera_ = camera;
  overlay_.clear();
  const DocumentState& state = session_.document().state();
  const bool annotations = !state.annotations.empty();
  if (!labels && !annotate && !extra && !annotations) return;
  const glm::vec2 size(static_cast<float>(renderer.width()), static_cast<float>(renderer.height()));
  const CanvasPen pen{overlay_, figure_text_metrics(), label_font_px > 0.0f ? label_font_px : std::max(14.0f, size.y / 48.0f)};
  const glm::mat4 model = state.mirror ? mirror_matrix() : glm::mat4(1.0f);
  const glm::mat4 projection = camera.projection(size.x / size.y);
  if (labels) {
    LabelView view;
    view.view_projection = projection * camera.view() * model;
    view.screen = size;
    glm::vec3 eye = camera.eye();
    if (state.mirror) eye.z = -eye.z; // labels are placed in the model frame
    const SelectionHighlights& highlights = session_.highlights();
    Legend legend = highlights.legend;
    const OverlayInputs& overlay = session_.overlay();
    legend.insert(legend.end(), overlay.legend.begin(), overlay.legend.end());
    draw_figure_labels(pen, view_labels(scene_, state, session_.layers(), highlights.labels, {}, eye), legend, view, scene_.box);
  }
  if (annotations) {
    // Pins behind the model are drawn faded, as in the viewer: that needs the pick index.
    const std::vector<std::uint8_t> flags = drawn_pick_flags(scene_, state, session_.layers());
    draw_annotation_marks(pen, state.annotations,
                          mark_projector(rest ? *rest : scene_, scene_, anchors_, camera.view() * model, projection, size,
                                         &session_.picks(), flags),
                          size);
  }
  if (annotate) annotate(pen);
  if (extra) extra(pen);
}

} // namespace crus::app
