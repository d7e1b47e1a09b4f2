#pragma once
// What the info panel's toggles add to the 3D view for the selection:
// attachment patches on the bones, the supplying nerve lit from the sciatic
// nerve down, and arrows along the line of action.
#include "core/document/draw_builder.hpp"
#include "core/anatomy/knowledge.hpp"
#include "core/document/scene.hpp"
#include <string>
#include <vector>

namespace crus {

struct HighlightPalette {
  glm::vec3 origin{1.00f, 0.50f, 0.05f};    // orange
  glm::vec3 insertion{0.10f, 0.55f, 1.00f}; // blue: tells apart from orange for every common colour vision
  glm::vec3 nerve_glow{0.45f, 0.38f, 0.0f};
  glm::vec3 arrow{0.15f, 0.95f, 0.35f};
};

// The nerve ids from the sciatic nerve down to `nerve` (parent first), using
// the knowledge base's branch_of links.
std::vector<std::string> nerve_path(const KnowledgeBase& knowledge, const std::string& nerve);

// Where the muscle's tendon turns on its way to the insertion (a pulley such
// as the lateral malleolus), as a landmark id, or empty when it runs straight.
std::string pulley_landmark(const std::string& muscle);

// The bone an attachment capsule (in the scene's current frame) lies on: the
// one whose surface is nearest both its ends, within its radius and 5 mm;
// -1 when none is (then every bone takes it).
int patch_owner(const Scene& scene, const Capsule& capsule);

struct LabelAnchor {
  std::string text;
  glm::vec3 position{0.0f};
  glm::vec3 colour{1.0f};
};

struct SelectionHighlights {
  HighlightInputs inputs;
  std::vector<LabelAnchor> labels;                       // e.g. "Origin: ..." on the patches
  std::vector<std::pair<glm::vec3, std::string>> legend; // colour, meaning
};

// `muscle` is a structure index in the scene (or -1: nothing).
SelectionHighlights compute_highlights(const Scene& scene, const KnowledgeBase* knowledge, int muscle, const Highlights& toggles,
                                       const HighlightPalette& palette = {});

} // namespace crus
