#pragma once
// Coarse body areas of the leg model (knee, calf, shin, outer leg, ankle,
// heel, foot, toes), found from the atlas landmarks so that they fit any
// atlas built on the same landmarks. The red flags name the areas where
// their symptoms are felt; the pain map and the handouts offer a red flag
// when the painted region (or a trigger point's zones) touches one of them.
// Plain maths: no GL.
#include "core/io/atlas_manifest.hpp"

#include <glm/vec3.hpp>
#include <optional>
#include <string>
#include <vector>

namespace crus {

enum class BodyArea { knee, calf, shin, outer_leg, ankle, heel, foot, toes };
constexpr int kBodyAreaCount = 8;
const char* to_string(BodyArea area);  // "outer_leg"
const char* plain_name(BodyArea area); // "outer side of the leg"
std::optional<BodyArea> parse_body_area(const std::string& text);
std::vector<BodyArea> all_body_areas();

// The landmark frame the areas are measured in (model frame: X anterior,
// Y superior, Z lateral for a right leg; `lateral_sign` is -1 for a left or
// mirrored leg whose lateral side is -Z).
class BodyAreaMap {
public:
  // nullopt when one of the landmarks it needs is missing (another atlas):
  // callers then treat every area as touched, which errs on the safe side.
  static std::optional<BodyAreaMap> from_landmarks(const std::vector<Landmark>& landmarks);
  // The landmarks from_landmarks needs.
  static const std::vector<std::string>& required_landmarks();

  BodyArea classify(const glm::vec3& p) const;
  // The areas holding at least `min_fraction` of the points (and at least
  // one point), in enum order. Empty for no points.
  std::vector<BodyArea> areas_of(const std::vector<glm::vec3>& points, float min_fraction = 0.05f) const;

private:
  float knee_y_ = 0.0f;  // tibial plateau
  float ankle_y_ = 0.0f; // malleoli
  glm::vec3 knee_centre_{0.0f}, ankle_centre_{0.0f};
  float heel_x_ = 0.0f;             // back of the calcaneal tuberosity
  float midfoot_x_ = 0.0f;          // head of the talus: behind it is ankle or heel
  glm::vec3 mt1_{0.0f}, mt5_{0.0f}; // metatarsal heads: in front of their line are the toes
  float lateral_sign_ = 1.0f;
};

} // namespace crus
