// Bones shaped for their joints' motion. A joint's surfaces are congruent in
// every position only if they are surfaces of revolution about its axis: the
// talar trochlea is close to a frustum of a cone whose axis is the ankle's
// (Inman, The Joints of the Ankle, 1976; see SOURCES.md "Ankle"), and the
// tibia's distal surface and the malleoli fit it. Elsewhere bones that move
// past each other need room across the whole range, not only at rest: each
// such bone leaves out what its partner would sweep through.
#include "atlas/joint_range.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace crus::atlas {

PinAxis ankle_axis() {
  return {{-0.066276f, 0.057085f, 0.075995f}, glm::normalize(glm::vec3(-0.105014f, -0.174022f, 0.979126f))};
}
PinAxis mtp_axis() { return {{0.063754f, 0.013135f, 0.084995f}, glm::normalize(glm::vec3(0.580955f, 0.000002f, -0.813936f))}; }
PinAxis subtalar_axis() {
  return {{-0.115046f, 0.015135f, 0.083915f}, glm::normalize(glm::vec3(0.78718f, 0.604747f, -0.120948f))};
}

namespace {
constexpr float kDeg = 3.14159265f / 180.0f;
// Ranges of Crus's motion model (assets/motion/joints.json), in degrees.
constexpr float kAnkle[] = {-40.0f, -30.0f, -20.0f, -10.0f, 0.0f, 10.0f, 20.0f, 30.0f};
constexpr float kSubtalar[] = {-20.0f, -10.0f, 0.0f, 10.0f, 20.0f};
constexpr float kMtp[] = {-30.0f, -15.0f, 0.0f, 15.0f, 30.0f};

glm::vec3 turn(const PinAxis& a, float angle, const glm::vec3& p) {
  const glm::vec3 v = p - a.centre;
  const float c = std::cos(angle), s = std::sin(angle);
  return a.centre + v * c + glm::cross(a.axis, v) * s + a.axis * glm::dot(a.axis, v) * (1.0f - c);
}

glm::vec3 apply(const RangePose& pose, glm::vec3 p) {
  for (const auto& [axis, angle] : pose.turns) p = turn(axis, angle, p);
  return p;
}

// Axis coordinates of p: distance along the ankle axis from its centre, and from the axis.
glm::vec2 axial(const glm::vec3& p) {
  const PinAxis a = ankle_axis();
  const glm::vec3 v = p - a.centre;
  const float s = glm::dot(v, a.axis);
  return {s, glm::length(v - s * a.axis)};
}

Aabb frustum_box(float r0, float slope, float s_medial, float s_lateral, float grow_by) {
  const PinAxis a = ankle_axis();
  const float r = r0 + std::max(std::abs(slope * s_medial), std::abs(slope * s_lateral)) + grow_by;
  const glm::vec3 m = a.centre + a.axis * (s_medial - grow_by), l = a.centre + a.axis * (s_lateral + grow_by);
  return {glm::min(m, l) - glm::vec3(r), glm::max(m, l) + glm::vec3(r)};
}
} // namespace

std::vector<RangePose> talus_against_leg() {
  std::vector<RangePose> out;
  for (float a : kAnkle) out.push_back({{{ankle_axis(), a * kDeg}}});
  return out;
}

std::vector<RangePose> foot_against_leg() {
  std::vector<RangePose> out;
  for (float a : kAnkle)
    for (float s : kSubtalar) out.push_back({{{subtalar_axis(), s * kDeg}, {ankle_axis(), a * kDeg}}});
  return out;
}

std::vector<RangePose> foot_against_talus() {
  std::vector<RangePose> out;
  for (float s : kSubtalar) out.push_back({{{subtalar_axis(), s * kDeg}}});
  return out;
}

std::vector<RangePose> toes_against_foot() {
  std::vector<RangePose> out;
  for (float m : kMtp) out.push_back({{{mtp_axis(), m * kDeg}}});
  return out;
}

Field clear_over_range(Field own, Field partner, std::vector<RangePose> poses, float gap) {
  // Only the poses that bring the partner's box near the bone's matter.
  std::vector<RangePose> near;
  const Aabb target = grow(partner.box, gap + 0.002f);
  for (const RangePose& pose : poses) {
    Aabb moved{glm::vec3(1e9f), glm::vec3(-1e9f)};
    for (int c = 0; c < 8; ++c) {
      const glm::vec3 corner((c & 1) ? own.box.max.x : own.box.min.x, (c & 2) ? own.box.max.y : own.box.min.y,
                             (c & 4) ? own.box.max.z : own.box.min.z);
      const glm::vec3 q = apply(pose, corner);
      moved = {glm::min(moved.min, q), glm::max(moved.max, q)};
    }
    // Rotations stretch a box's corners outwards, never inwards: the moved
    // corners' box holds the moved bone.
    const bool overlap = moved.min.x <= target.max.x && target.min.x <= moved.max.x && moved.min.y <= target.max.y &&
                         target.min.y <= moved.max.y && moved.min.z <= target.max.z && target.min.z <= moved.max.z;
    if (overlap) near.push_back(pose);
  }
  if (near.empty()) return own;
  Field f;
  f.box = own.box;
  f.eval = [own = std::move(own), partner = std::move(partner), near = std::move(near), gap, target](const glm::vec3& p) {
    const float raw = own.eval(p);
    // Far outside the bone the cut changes nothing the mesher sees.
    if (raw > 0.003f) return raw;
    float d = raw;
    for (const RangePose& pose : near) {
      const glm::vec3 q = apply(pose, p);
      if (box_distance(target, q) > 0.0f) continue;
      d = smax(d, gap - partner.eval(q), 0.0006f);
    }
    return d;
  };
  return f;
}

Field trochlea(float r0, float slope, float s_medial, float s_lateral, float rounding) {
  Field f;
  f.eval = [=](const glm::vec3& p) {
    const glm::vec2 a = axial(p);
    const float half = 0.5f * (s_lateral - s_medial), mid = 0.5f * (s_lateral + s_medial);
    // The radius grows laterally; the cone's slant is slight, so the radial
    // difference is close to the distance.
    // The shallow groove along the top between the medial and lateral
    // ridges (1 mm deep, 16 mm wide) is part of the surface of revolution,
    // so the tibia's matching ridge fits it in every position.
    const float g = std::max(0.0f, 1.0f - (a.x - mid) * (a.x - mid) / (0.008f * 0.008f));
    const glm::vec2 w(a.y - (r0 + slope * a.x - 0.0010f * g * g) + rounding, std::abs(a.x - mid) - half + rounding);
    return std::min(std::max(w.x, w.y), 0.0f) + glm::length(glm::max(w, 0.0f)) - rounding;
  };
  f.box = frustum_box(r0, slope, s_medial, s_lateral, 0.0f);
  return f;
}

Field trochlear_room(float r0, float slope, float s_medial, float s_lateral, float gap) {
  Field f = trochlea(r0 + gap, slope, s_medial - gap, s_lateral + gap, 0.0f);
  f.box = frustum_box(r0, slope, s_medial, s_lateral, gap);
  return f;
}

} // namespace crus::atlas
