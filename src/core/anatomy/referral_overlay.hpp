#pragma once
// What the trigger-point overlay adds to the 3D view: referral zones painted
// on the skin (essential solid, spillover hatched) and an X on the muscle
// at each trigger point, with a colour per muscle and a legend.
#include "core/document/document.hpp"
#include "core/document/draw_list.hpp"
#include "core/geometry/picking.hpp"
#include "core/document/scene.hpp"
#include "core/anatomy/trigger_points.hpp"
#include <string>
#include <utility>
#include <vector>

namespace crus {

// Colours per muscle group for the "all trigger points" mode. The
// colour-blind-safe palette is Okabe and Ito's (2008), distinguishable with
// every common colour-vision deficiency.
glm::vec3 overlay_colour(const std::string& group, bool colour_blind_safe, bool single);

struct OverlayInputs {
  std::vector<ZoneShape> zones;
  std::vector<Marker> markers;
  std::vector<std::pair<glm::vec3, std::string>> legend;
  std::vector<const TriggerPoint*> shown;
};

// The trigger points the overlay shows: one (mode trigger_point), those of a
// muscle or group (mode muscle), or all. Throws InputError for an unknown id.
std::vector<const TriggerPoint*> overlay_trigger_points(const TriggerPointSet& set, const Overlay& overlay);

// `picks` (optional) snaps each X onto its muscle's surface.
OverlayInputs make_overlay(const TriggerPointSet& set, const Overlay& overlay, const Scene& scene, const PickIndex* picks);

} // namespace crus
