#pragma once
// A cross-section (core/geometry/cross_section.hpp) drawn into the current ImGui
// window, for the quiz's section questions: each cut filled in its colour
// and outlined, seen from above (anterior up, lateral to the right, as the
// section page and printed atlases show it), with a ring marking a point.
// After the answer the marked structure is outlined in the highlight colour
// and named. ImGui fills only convex polygons, so each cut is triangulated
// once (core/geometry/polygon_triangulate) when the section is set.
#include "core/geometry/cross_section.hpp"

#include <glm/common.hpp>
#include <glm/vec2.hpp>
#include <string>
#include <vector>

namespace crus::ui {

class SectionFigure {
public:
  // `section` must outlive the figure's use; null clears it.
  void set(const SceneSection* section);
  const SceneSection* section() const { return section_; }
  // Draws at the cursor, `width` wide (height from the section's shape, at
  // most `max_height`). `reveal`: the structure to outline and name, or empty.
  void draw(const glm::dvec2& mark, const std::string& reveal, float width, float max_height) const;

private:
  struct Piece {
    std::string id, name;
    unsigned fill = 0;                             // ImU32
    std::vector<glm::dvec2> triangles;             // three points each
    std::vector<std::vector<glm::dvec2>> outlines; // closed loops
  };
  const SceneSection* section_ = nullptr;
  std::vector<Piece> pieces_; // drawing order: skin, muscles, tendons, bones, nerves
  glm::dvec2 lo_{0.0}, hi_{0.0};
};

} // namespace crus::ui
