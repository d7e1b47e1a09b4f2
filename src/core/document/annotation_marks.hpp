#pragma once
// Pins, arrows and ink over the 3D view, recorded onto a canvas with the
// label renderer's pen (core/publish/figure_overlays.hpp): the same marks in the
// viewer (replayed into ImGui) and in headless figures (painted by cairo).
#include "core/document/annotations.hpp"
#include "core/document/document.hpp"
#include "core/publish/figure_overlays.hpp"
#include "core/geometry/picking.hpp"
#include "core/document/scene.hpp"

#include <functional>
#include <map>
#include <optional>
#include <tuple>

namespace crus {

// Where each stored point sits on its rest mesh (found once per point).
using AnchorCache = std::map<std::tuple<std::string, float, float, float>, std::optional<SurfaceAnchor>>;

// Where a stored point is shown: its anchor on the `rest` mesh evaluated on
// the mesh as drawn in `shown` (posed when the leg is), in the model frame.
// nullopt when the atlas lacks the structure.
std::optional<glm::vec3> shown_point(const Scene& rest, const Scene& shown, const AnatomyPoint& point, AnchorCache& anchors);

// Per structure, how a click or a pin test sees it: pick_hidden, pick_ghosted or pick_opaque.
std::vector<std::uint8_t> drawn_pick_flags(const Scene& scene, const DocumentState& state, const std::vector<int>& layers);

// A point of the view as the marks need it: where on screen, and whether
// something drawn hides it (then it is drawn faded).
struct ShownMark {
  glm::vec2 at{0.0f};
  bool hidden = false;
};
using ProjectMark = std::function<std::optional<ShownMark>(const AnatomyPoint&)>;

// The usual ProjectMark: `model_to_view` includes the mirror; `picks` (may
// be null: nothing counts as hidden) over the meshes as drawn, with `flags`.
// Keeps references to its arguments.
ProjectMark mark_projector(const Scene& rest, const Scene& shown, AnchorCache& anchors, const glm::mat4& model_to_view,
                           const glm::mat4& projection, glm::vec2 viewport, const PickIndex* picks,
                           const std::vector<std::uint8_t>& flags);

// Records the pins, arrows and ink of `a` (ink is viewport-normalised).
// `stroke`: a stroke being drawn, not yet in the document (may be null).
void draw_annotation_marks(const CanvasPen& pen, const Annotations& a, const ProjectMark& project, glm::vec2 viewport,
                           const InkStroke* stroke = nullptr);
// An arrow from `from` to `to` as the annotations draw it.
void draw_arrow(Canvas& canvas, glm::vec2 from, glm::vec2 to, CanvasColour colour, float width);

} // namespace crus
