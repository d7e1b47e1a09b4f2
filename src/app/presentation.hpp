#pragma once
// What the CLI's render, bench, handout and lesson commands show: a
// session (core/document/session.hpp) over the command's scene, which makes the draw
// list, highlights and camera exactly as it does for the viewer; this class
// adds the offscreen drawing and, on top, the labels, pins and captions from
// the label renderer (core/publish/figure_overlays.hpp) painted with cairo: no ImGui,
// so the headless commands link none (the crus_headless library).
#include "app/commands.hpp"
#include "core/geometry/camera.hpp"
#include "core/document/document.hpp"
#include "core/document/draw_builder.hpp"
#include "core/io/image.hpp"
#include "core/anatomy/knowledge.hpp"
#include "core/document/scene.hpp"
#include "core/geometry/picking.hpp"
#include "core/anatomy/red_flags.hpp"
#include "core/anatomy/search.hpp"
#include "core/anatomy/trigger_points.hpp"
#include "core/document/scene_file.hpp"
#include "core/document/annotation_marks.hpp"
#include "core/publish/figure_overlays.hpp"
#include "core/document/session.hpp"
#include <functional>
#include <optional>

namespace crus::app {

class OffscreenRenderer;

class Presentation {
public:
  // Loads the bundled knowledge base when `with_knowledge`.
  Presentation(Scene& scene, bool with_knowledge);
  // Loads trigger points and red flags (needs the atlas landmarks); throws
  // InputError naming the file, line and field when they are malformed.
  void load_trigger_points();
  const TriggerPointSet* trigger_points() const { return session_.trigger_points(); }
  const RedFlagSet* red_flags() const { return session_.red_flags(); }
  // --select, --isolate, --ghost, --hide, --highlight, --overlay, --mirror
  void apply_render_options(const RenderOptions& options);
  // A saved scene (or a lesson step) as the document, painted area and
  // overlay; returns the ids it names that the atlas lacks (kept, not
  // fatal). An overlay needs the trigger points: loads them (InputError).
  std::vector<std::string> apply_scene(const SceneSpec& spec);
  // The camera a scene asks for: its exact camera, else its view (or
  // `fallback`) framed on what is drawn.
  // `free_min_y` (normalised device coordinates, -1 is the bottom) keeps a
  // band at the bottom clear for a caption when the camera is framed.
  OrbitCamera camera_for_scene(const SceneSpec& spec, AnatomicalView fallback, float aspect, float free_min_y = -1.0f);
  Document& document() { return session_.document(); }
  const KnowledgeBase& knowledge() const { return session_.knowledge(); }
  Session& session() { return session_; }
  // The scene's meshes moved (a pose): bounds, highlights and overlays follow.
  void scene_changed() {
    session_.scene_changed();
    session_.pose_picks(true); // an index built before the pose follows it
  }
  // The painted pain-map points and their brush (a saved scene's), drawn on the skin.
  std::vector<glm::vec3> painted;
  float brush_radius = 0.015f;
  bool ambient_occlusion = true; // --no-ao
  // The atlas at rest when the scene is posed: pins and arrows are stored at
  // rest, found on the rest meshes and drawn on the posed ones. Null: at rest.
  const Scene* rest = nullptr;
  DrawList draw_list();
  OrbitCamera camera_for(AnatomicalView view, float aspect) { return session_.camera_for(view, aspect); }
  // Framing `box` instead of what is drawn (an animation frames every pose).
  OrbitCamera camera_for(AnatomicalView view, float aspect, const Aabb& box) const {
    return session_.camera_for(view, aspect, box);
  }
  Aabb drawn_box() { return session_.drawn_box(); } // of the structures drawn (the whole scene when none)
  // Changes the draw list before it is drawn (muscles coloured by length).
  std::function<void(DrawList&)> decorate;
  // Records over the picture after the labels (a caption, a legend), in the
  // picture's pixels, with the labels' pen.
  using Overdraw = std::function<void(const CanvasPen&)>;
  Overdraw annotate;
  // Draws the scene and records (when `labels`) the labels and legend to go
  // on top, the pins and arrows, then `annotate` and `extra` (a slide's
  // caption); `background` replaces the list's background colour. read()
  // gives the picture with them.
  void draw(OffscreenRenderer& renderer, const OrbitCamera& camera, bool labels, const Overdraw& extra = {},
            std::optional<glm::vec3> background = std::nullopt);
  // The picture of the last draw(), read back, with its labels painted on (cairo).
  Image read(OffscreenRenderer& renderer) const;
  // The labels, marks and captions of the last draw().
  const Canvas& overlay() const { return overlay_; }
  // draw, then read. `transparent`: the background comes out with alpha 0 (see .cpp).
  Image render(OffscreenRenderer& renderer, const OrbitCamera& camera, bool labels, const Overdraw& extra = {},
               bool transparent = false);
  // The labels' font size in pixels; 0: from the height.
  float label_font_px = 0.0f;

private:
  Scene& scene_;
  Session session_;
  OrbitCamera camera_;
  Image render_pass(OffscreenRenderer& renderer, const OrbitCamera& camera, bool labels, const Overdraw& extra,
                    std::optional<glm::vec3> background);
  Canvas overlay_;
  AnchorCache anchors_;
};

} // namespace crus::app
