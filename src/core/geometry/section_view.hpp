#pragma once
// The viewer's section plane made into what the renderer and the labels
// need: the plane, the clip plane for the shader, and one mesh holding every
// drawn structure's filled cap and dark outline, all from the CPU contours
// (core/geometry/cross_section). Plain C++: no GL.
#include "core/geometry/cross_section.hpp"
#include "core/document/document.hpp"
#include "core/document/highlights.hpp"
#include "core/geometry/mesh.hpp"

#include <glm/vec4.hpp>
#include <map>
#include <string>
#include <vector>

namespace crus {

struct Scene;

// One key press moves the plane 1% of the knee-to-ankle distance; a tilt
// step is 5 degrees.
constexpr double kSectionStep = 0.01;
constexpr double kSectionTiltStep = 5.0;

// The plane of `view` on `scene`: through the point `fraction` of the way
// from the knee joint centre to the ankle joint centre of the atlas
// manifest; for a scene without them, that fraction of the way down its box.
SectionPlane section_view_plane(const Scene& scene, const SectionView& view);

// Fraction of the knee-to-ankle distance that one metre along the leg is
// (for dragging the plane by a distance on screen).
double section_fraction_per_metre(const Scene& scene);

struct SectionGeometry {
  SceneSection section;                   // the structures drawn that the plane cuts
  glm::vec4 clip{0.0f, 1.0f, 0.0f, 0.0f}; // n.xyz, -n.p: dot(clip, (p, 1)) > 0 is above the plane (cut away)
  Mesh caps;                              // every cap and outline, vertex colours (linear)
  std::vector<LabelAnchor> labels; // per cut structure but the skin, on its cut; a nerve's branches too (section_piece_labels)
};

// `drawn[i]`: structure i is drawn (shown, not hidden or ghosted).
// `compartments`: structure id -> compartment (knowledge base); used when
// the view tints compartments.
SectionGeometry build_section_geometry(const Scene& scene, const SectionView& view, const std::vector<bool>& drawn,
                                       const std::map<std::string, std::string>& compartments = {});

} // namespace crus
