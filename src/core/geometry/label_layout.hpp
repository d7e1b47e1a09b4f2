#pragma once
// Places text labels for points on screen in two columns beside the model,
// with leader lines to their anchors, so that labels never overlap each other
// and never run off screen. Plain maths, no drawing.
#include <glm/vec2.hpp>
#include <vector>

namespace crus {

struct LabelRequest {
  glm::vec2 anchor{0.0f}; // screen pixels, top-left origin
  glm::vec2 size{0.0f};   // of the text box
  int priority = 0;       // higher is kept first when space runs out
};

struct LabelPlacement {
  glm::vec2 top_left{0.0f};
  bool visible = false;
};

// `keep_out_min/max` is the screen box of the model: columns go beside it
// when there is room, else at the screen edges.
std::vector<LabelPlacement> layout_labels(const std::vector<LabelRequest>& labels, glm::vec2 screen, glm::vec2 keep_out_min,
                                          glm::vec2 keep_out_max, float margin = 8.0f, float top = 0.0f,
                                          float bottom_reserved = 0.0f);

} // namespace crus
