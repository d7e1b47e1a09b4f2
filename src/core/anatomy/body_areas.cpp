#include "core/anatomy/body_areas.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace crus {

namespace {

constexpr std::array<const char*, kBodyAreaCount> kNames = {"knee", "calf", "shin", "outer_leg", "ankle", "heel", "foot", "toes"};
constexpr std::array<const char*, kBodyAreaCount> kPlain = {"knee",  "calf", "shin", "outer side of the leg",
                                                            "ankle", "heel", "foot", "toes"};

const Landmark* find(const std::vector<Landmark>& landmarks, const std::string& id) {
  for (const Landmark& l : landmarks)
    if (l.id == id) return &l;
  return nullptr;
}

} // namespace

const char* to_string(BodyArea area) { return kNames[static_cast<std::size_t>(area)]; }
const char* plain_name(BodyArea area) { return kPlain[static_cast<std::size_t>(area)]; }

std::optional<BodyArea> parse_body_area(const std::string& text) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (text == kNames[i]) return static_cast<BodyArea>(i);
  return std::nullopt;
}

std::vector<BodyArea> all_body_areas() {
  std::vector<BodyArea> out;
  for (int i = 0; i < kBodyAreaCount; ++i) out.push_back(static_cast<BodyArea>(i));
  return out;
}

const std::vector<std::string>& BodyAreaMap::required_landmarks() {
  static const std::vector<std::string> ids = {"medial_tibial_condyle",    "lateral_tibial_condyle",  "medial_malleolus",
                                               "lateral_malleolus",        "calcaneal_tuberosity",    "head_of_talus",
                                               "head_of_first_metatarsal", "head_of_fifth_metatarsal"};
  return ids;
}

std::optional<BodyAreaMap> BodyAreaMap::from_landmarks(const std::vector<Landmark>& landmarks) {
  std::array<glm::vec3, 8> p{};
  for (std::size_t i = 0; i < p.size(); ++i) {
    const Landmark* l = find(landmarks, required_landmarks()[i]);
    if (!l) return std::nullopt;
    p[i] = l->position;
  }
  BodyAreaMap m;
  m.knee_centre_ = (p[0] + p[1]) * 0.5f;
  m.ankle_centre_ = (p[2] + p[3]) * 0.5f;
  m.knee_y_ = m.knee_centre_.y;
  m.ankle_y_ = m.ankle_centre_.y;
  m.heel_x_ = p[4].x;
  m.midfoot_x_ = p[5].x;
  m.mt1_ = p[6];
  m.mt5_ = p[7];
  m.lateral_sign_ = p[3].z >= p[2].z ? 1.0f : -1.0f; // the lateral malleolus marks the outer side
  return m;
}

BodyArea BodyAreaMap::classify(const glm::vec3& p) const {
  const float leg = std::max(knee_y_ - ankle_y_, 1e-3f);
  // The knee: from a sixth of the leg below the plateau upwards (the back of
  // the knee and the fibular head included).
  if (p.y >= knee_y_ - leg * 0.17f) return BodyArea::knee;
  // The leg proper: down to a little above the malleoli. Which side of the
  // leg's axis the point lies on decides calf, shin or outer side.
  if (p.y >= ankle_y_ + leg * 0.14f) {
    const float t = (p.y - ankle_y_) / leg;
    const glm::vec3 axis = ankle_centre_ + (knee_centre_ - ankle_centre_) * t;
    const float ax = p.x - axis.x;                   // + anterior
    const float az = (p.z - axis.z) * lateral_sign_; // + lateral
    const float angle = std::atan2(az, ax);          // 0 front, +pi/2 outer side, pi back
    const float deg = angle * 57.29578f;
    if (deg > 35.0f && deg < 110.0f) return BodyArea::outer_leg;
    if (std::fabs(deg) >= 110.0f || deg <= -100.0f) return BodyArea::calf;
    return BodyArea::shin; // front and inner side, over the tibia
  }
  // Foot level. Toes: in front of the line through the metatarsal heads.
  const glm::vec3 line = mt5_ - mt1_;
  const glm::vec3 rel = p - mt1_;
  // In the X-Z plane, the side of the line that the toes are on is +X.
  const float forward = (line.z * rel.x - line.x * rel.z) * lateral_sign_;
  if (forward > 0.0f && p.y < ankle_y_) return BodyArea::toes;
  // Heel: the back of the heel bone up to the Achilles insertion, and the
  // heel pad underneath, which reaches further forward.
  const float heel_length = midfoot_x_ - heel_x_;
  if (p.x < heel_x_ + heel_length * 0.35f && p.y < ankle_y_ + leg * 0.03f) return BodyArea::heel;
  if (p.x < heel_x_ + heel_length * 0.6f && p.y < ankle_y_ - leg * 0.1f) return BodyArea::heel;
  // The midfoot starts a little behind the head of the talus: on the outer
  // side the base of the fifth metatarsal lies about that far back.
  if (p.x > midfoot_x_ - heel_length * 0.11f) return BodyArea::foot;
  return BodyArea::ankle;
}

std::vector<BodyArea> BodyAreaMap::areas_of(const std::vector<glm::vec3>& points, float min_fraction) const {
  std::array<std::size_t, kBodyAreaCount> count{};
  for (const glm::vec3& p : points) ++count[static_cast<std::size_t>(classify(p))];
  std::vector<BodyArea> out;
  if (points.empty()) return out;
  for (int i = 0; i < kBodyAreaCount; ++i) {
    const float fraction = static_cast<float>(count[static_cast<std::size_t>(i)]) / static_cast<float>(points.size());
    if (count[static_cast<std::size_t>(i)] > 0 && fraction >= min_fraction) out.push_back(static_cast<BodyArea>(i));
  }
  return out;
}

} // namespace crus
