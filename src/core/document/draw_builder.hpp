#pragma once
// Makes the renderer's flat DrawList from the scene and the document.
#include "core/document/document.hpp"
#include "core/document/draw_list.hpp"
#include "core/document/scene.hpp"
#include <cstddef>
#include <utility>
#include <vector>

namespace crus {

// What the knowledge layer adds for the selection (attachment patches, the
// supplying nerve lit up, arrows of action, referral zones, TrP markers).
struct HighlightInputs {
  std::vector<PatchHighlight> patches;        // painted on bones
  std::vector<std::pair<int, glm::vec3>> lit; // structure, glow colour
  std::vector<Arrow> arrows;
  std::vector<ZoneShape> zones; // painted on the skin
  std::vector<Marker> markers;
};

// The painted pain area ("Where does it hurt?"): a violet disc of `radius`
// on the skin round each point, thinned out evenly when there are more
// points than the renderer's zone slots left after the referral zones.
void add_painted_zones(HighlightInputs& inputs, const std::vector<glm::vec3>& painted, float radius);

// `layers` gives each structure's layer (1 = most superficial), or is empty.
DrawList make_draw_list(const Scene& scene, const DocumentState& state, int hovered, const std::vector<int>& layers = {},
                        const HighlightInputs& extra = {});

// The reflection that turns the right leg into a left one (about the body's
// midline plane z = 0 of the model frame).
glm::mat4 mirror_matrix();
Aabb mirrored(const Aabb& box);

// Whether structure i is drawn at all under this state.
bool is_drawn(const DocumentState& state, const std::vector<int>& layers, std::size_t i);

} // namespace crus
