#pragma once
// What the CLI's render and bench commands show: a document over a scene,
// with the knowledge base, made into a draw list, labels and a camera the
// same way the viewer does.
#include "app/commands.hpp"
#include "core/camera.hpp"
#include "core/document.hpp"
#include "core/draw_builder.hpp"
#include "core/image.hpp"
#include "core/knowledge.hpp"
#include "core/scene.hpp"
#include "core/picking.hpp"
#include "core/red_flags.hpp"
#include "core/search.hpp"
#include "core/trigger_points.hpp"
#include <functional>
#include <optional>
#include "ui/viewer_context.hpp"

namespace crus::app {

class OffscreenRenderer;

class Presentation {
public:
  // Loads the bundled knowledge base when `with_knowledge`.
  Presentation(Scene& scene, bool with_knowledge);
  // Loads trigger points and red flags (needs the atlas landmarks); throws
  // InputError naming the file, line and field when they are malformed.
  void load_trigger_points();
  const TriggerPointSet* trigger_points() const { return trigger_points_ ? &*trigger_points_ : nullptr; }
  const RedFlagSet* red_flags() const { return red_flags_ ? &*red_flags_ : nullptr; }
  // --select, --isolate, --ghost, --hide, --highlight, --overlay, --mirror
  void apply_render_options(const RenderOptions& options);
  Document& document() { return document_; }
  const KnowledgeBase& knowledge() const { return knowledge_; }
  ui::ViewerContext& context() { return ctx_; }
  DrawList draw_list();
  OrbitCamera camera_for(AnatomicalView view, float aspect) const;
  // Framing `box` instead of what is drawn (an animation frames every pose).
  OrbitCamera camera_for(AnatomicalView view, float aspect, const Aabb& box) const;
  Aabb drawn_box() const; // of the structures drawn now
  // Changes the draw list before it is drawn (muscles coloured by length).
  std::function<void(DrawList&)> decorate;
  // Draws over the picture after the labels (a caption, a legend), in the
  // picture's logical pixels.
  std::function<void()> annotate;
  // Draws the scene, then (when `labels`) the labels and legend on top.
  void draw(OffscreenRenderer& renderer, const OrbitCamera& camera, bool labels);
  // draw, then read the picture back.
  Image render(OffscreenRenderer& renderer, const OrbitCamera& camera, bool labels);

private:
  Scene& scene_;
  Document document_;
  OrbitCamera camera_;
  KnowledgeBase knowledge_;
  SearchIndex search_;
  std::optional<TriggerPointSet> trigger_points_;
  std::optional<RedFlagSet> red_flags_;
  PickIndex picks_;
  bool picks_built_ = false;
  ui::ViewerContext ctx_;
};

} // namespace crus::app
