#pragma once
// What the CLI's render and bench commands show: a document over a scene,
// made into a draw list and a camera, the same way the viewer does.
#include "app/commands.hpp"
#include "core/camera.hpp"
#include "core/document.hpp"
#include "core/draw_builder.hpp"
#include "core/image.hpp"
#include "core/scene.hpp"

namespace crus::app {

class Presentation {
public:
  explicit Presentation(const Scene& scene);
  // --select, --isolate, --ghost, --hide, --highlight, --overlay, --mirror
  void apply_render_options(const RenderOptions& options);
  Document& document() { return document_; }
  DrawList draw_list() const;
  OrbitCamera camera_for(AnatomicalView view, float aspect) const;
  void draw_labels(Image& image, const OrbitCamera& camera) const;

private:
  const Scene& scene_;
  Document document_;
  HighlightInputs highlights_;
};

} // namespace crus::app
