#pragma once
// The labels of a view, below the ui layer: which structures are named and
// where on them each leader line ends (view_labels), and where each label's
// box goes on screen (place_labels, over core/geometry/label_layout). The viewer
// (ui/label_overlay, drawn with ImGui) and the headless figures take the
// same labels from here; only the text drawing differs.
#include "core/document/document.hpp"
#include "core/document/highlights.hpp"
#include "core/document/panel_layout.hpp"
#include "core/document/scene.hpp"

#include <functional>
#include <glm/mat4x4.hpp>
#include <string>
#include <vector>

namespace crus {

struct LabelView {
  glm::mat4 view_projection{1.0f}; // model frame -> clip (mirror included)
  glm::vec2 screen{1.0f};          // logical pixels
  float top = 0.0f;                // reserved at the top (menu bar)
  float bottom = 0.0f;             // reserved at the bottom (status bar)
  // The free band between the panels docked at the sides (logical pixels);
  // right <= left means the whole width.
  float left = 0.0f, right = 0.0f;
};

// Where each label goes: its index in the list, its anchor on screen and its
// box (logical pixels). Labels with no room or behind the eye are left out.
struct PlacedLabel {
  std::size_t index = 0;
  glm::vec2 anchor{0.0f}, top_left{0.0f}, bottom_right{0.0f};
};

// The size of a text in logical pixels, from whoever draws it.
using MeasureText = std::function<glm::vec2(const std::string&)>;
constexpr float kLabelPad = 4.0f; // text inset in its box

// `keep_out` is the model's bounding box in the model frame (labels go
// beside it); labels stay inside the band between view.left and view.right.
// `font_px` sets how wide a column of labels needs to be.
std::vector<PlacedLabel> place_labels(const std::vector<LabelAnchor>& labels, const LabelView& view, const Aabb& keep_out,
                                      const MeasureText& measure, float font_px);

// The screen rectangle of `box` (model frame) under `view`.
ScreenRect screen_rect(const Aabb& box, const LabelView& view);

// The labels of the 3D view: the selection's name (gold), the highlight
// labels (origin, insertion, nerve), the pinned structures and the section's
// cuts. `eye` is in the model frame (un-mirrored); each leader line ends on
// the structure's surface facing it.
std::vector<LabelAnchor> view_labels(const Scene& scene, const DocumentState& state, const std::vector<int>& layers,
                                     const std::vector<LabelAnchor>& highlight_labels,
                                     const std::vector<LabelAnchor>& section_labels, glm::vec3 eye);

} // namespace crus
