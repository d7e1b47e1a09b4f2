#include "core/motion/origin_carrier.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cmath>

namespace crus::motion {

namespace {

// The least rotation taking unit `a` onto unit `b`.
glm::mat3 turn_between(const glm::vec3& a, const glm::vec3& b) {
  const glm::vec3 axis = glm::cross(a, b);
  const float s = glm::length(axis);
  const float c = glm::dot(a, b);
  if (s < 1e-7f) {
    if (c > 0.0f) return glm::mat3(1.0f); // parallel
    // Doubled back: half a turn about any axis across the tangent.
    glm::vec3 across = glm::cross(a, glm::vec3(1.0f, 0.0f, 0.0f));
    if (glm::length(across) < 1e-3f) across = glm::cross(a, glm::vec3(0.0f, 0.0f, 1.0f));
    return glm::mat3_cast(glm::angleAxis(glm::pi<float>(), glm::normalize(across)));
  }
  return glm::mat3_cast(glm::angleAxis(std::atan2(s, c), axis / s));
}

glm::mat3 turn_about(const glm::vec3& axis, float angle) { return glm::mat3_cast(glm::angleAxis(angle, axis)); }

// Cubic Hermite point and derivative at u in [0, 1].
struct Hermite {
  glm::vec3 p0, m0, p1, m1;
  glm::vec3 at(float u) const {
    const float u2 = u * u, u3 = u2 * u;
    return (2 * u3 - 3 * u2 + 1) * p0 + (u3 - 2 * u2 + u) * m0 + (-2 * u3 + 3 * u2) * p1 + (u3 - u2) * m1;
  }
  glm::vec3 tangent(float u) const {
    const float u2 = u * u;
    return (6 * u2 - 6 * u) * p0 + (3 * u2 - 4 * u + 1) * m0 + (-6 * u2 + 6 * u) * p1 + (3 * u2 - 2 * u) * m1;
  }
};

} // namespace

OriginCarrier bind_origin_carrier(const Mesh& mesh, int origin_body, const glm::vec3& origin, const glm::vec3& toward,
                                  const std::vector<VertexWeights>& weights, const CarrierOptions& options) {
  OriginCarrier c;
  glm::vec3 axis = toward - origin;
  if (glm::length(axis) < 1e-6f || mesh.positions.empty() || weights.size() != mesh.positions.size()) return c;
  axis = glm::normalize(axis);
  float extent = 0.0f;
  for (const glm::vec3& p : mesh.positions) extent = std::max(extent, glm::dot(p - origin, axis));
  const float len = std::min(options.length_m, options.length_fraction * extent);
  if (len <= 2.0f * options.level_halfwidth_m) return c; // too short to carry

  // The axis through the centre of the muscle's level a carried length down
  // (twice: the first guess of the level leans with the path).
  std::vector<std::size_t> slab;
  for (int pass = 0; pass < 2; ++pass) {
    glm::vec3 sum(0.0f);
    slab.clear();
    for (std::size_t v = 0; v < mesh.positions.size(); ++v)
      if (std::abs(glm::dot(mesh.positions[v] - origin, axis) - len) <= options.level_halfwidth_m) {
        sum += mesh.positions[v];
        slab.push_back(v);
      }
    if (slab.empty()) return c; // the muscle is shorter than the carried length
    const glm::vec3 refined = sum / static_cast<float>(slab.size()) - origin;
    if (glm::length(refined) < 1e-6f || glm::dot(refined, axis) <= 0.0f) return c; // the muscle does not run that way
    axis = glm::normalize(refined);
  }
  // The skinning's weights of that level, averaged: where the far end goes.
  std::vector<double> far;
  for (std::size_t v : slab)
    for (std::size_t i = 0; i < kMaxInfluences && weights[v].weight[i] > 0.0f; ++i) {
      const std::size_t b = weights[v].body[i];
      if (far.size() <= b) far.resize(b + 1, 0.0);
      far[b] += weights[v].weight[i];
    }
  c.far = top_weights(far);
  c.origin_body = origin_body;
  c.origin = origin;
  c.axis = axis;
  c.length = len;
  c.tangent_scale = options.tangent_scale;
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    const float s = glm::dot(mesh.positions[v] - origin, axis) / len;
    if (s >= 1.0f) continue;
    CarrierVertex cv;
    cv.index = static_cast<std::uint32_t>(v);
    cv.level = std::max(s, 0.0f);
    cv.share = 1.0f - glm::smoothstep(options.fade_from, 1.0f, cv.level);
    c.vertices.push_back(cv);
  }
  return c;
}

void carrier_path(const OriginCarrier& c, const CarrierPose& pose, CarrierPath& out) {
  constexpr int n = CarrierPath::kSteps;
  const glm::vec3 far_rest = c.origin + c.length * c.axis;
  Hermite h;
  h.p0 = pose.origin_r * c.origin + pose.origin_t;
  h.p1 = pose.far_r * far_rest + pose.far_t;
  const glm::vec3 t0 = pose.origin_r * c.axis, t1 = pose.far_r * c.axis;
  const float span = glm::length(h.p1 - h.p0);
  h.m0 = c.tangent_scale * span * t0;
  h.m1 = c.tangent_scale * span * t1;
  // Fine samples, then points at even fractions of the arc length, so each
  // level of the muscle keeps its share of the length.
  constexpr int fine = 4 * n;
  std::array<float, fine + 1> arc{};
  glm::vec3 prev = h.p0;
  for (int i = 1; i <= fine; ++i) {
    const glm::vec3 p = h.at(static_cast<float>(i) / fine);
    arc[static_cast<std::size_t>(i)] = arc[static_cast<std::size_t>(i - 1)] + glm::length(p - prev);
    prev = p;
  }
  std::array<glm::vec3, n + 1> tangent{};
  int seg = 0;
  for (int j = 0; j <= n; ++j) {
    const float target = arc[fine] * static_cast<float>(j) / n;
    while (seg < fine - 1 && arc[static_cast<std::size_t>(seg + 1)] < target) ++seg;
    const float a0 = arc[static_cast<std::size_t>(seg)], a1 = arc[static_cast<std::size_t>(seg + 1)];
    const float f = a1 > a0 ? std::clamp((target - a0) / (a1 - a0), 0.0f, 1.0f) : 0.0f;
    const float u = (static_cast<float>(seg) + f) / fine;
    out.point[static_cast<std::size_t>(j)] = h.at(u);
    const glm::vec3 d = h.tangent(u);
    tangent[static_cast<std::size_t>(j)] = glm::length(d) > 1e-9f ? glm::normalize(d) : t0;
  }
  out.point[0] = h.p0;
  out.point[n] = h.p1;
  tangent[0] = t0;
  tangent[n] = t1;
  // Frames: the origin body's rotation carried along with the least turning,
  // then the twist left against the far end's rotation shared out evenly.
  out.frame[0] = pose.origin_r;
  for (std::size_t j = 1; j <= n; ++j) out.frame[j] = turn_between(tangent[j - 1], tangent[j]) * out.frame[j - 1];
  glm::vec3 side = glm::cross(c.axis, glm::vec3(0.0f, 0.0f, 1.0f));
  if (glm::length(side) < 1e-3f) side = glm::cross(c.axis, glm::vec3(1.0f, 0.0f, 0.0f));
  side = glm::normalize(side);
  const glm::vec3 got = out.frame[n] * side, want = pose.far_r * side;
  const float twist = std::atan2(glm::dot(glm::cross(got, want), t1), glm::dot(got, want));
  for (std::size_t j = 1; j <= n; ++j) out.frame[j] = turn_about(tangent[j], twist * static_cast<float>(j) / n) * out.frame[j];
  for (std::size_t j = 0; j <= n; ++j) {
    out.turn[j] = glm::normalize(glm::quat_cast(out.frame[j]));
    if (j > 0 && glm::dot(out.turn[j], out.turn[j - 1]) < 0.0f) out.turn[j] = -out.turn[j];
  }
}

void apply_origin_carrier(const OriginCarrier& c, const CarrierPath& path, const std::vector<glm::vec3>& rest,
                          const std::vector<glm::vec3>* rest_normals, std::vector<glm::vec3>& posed,
                          std::vector<glm::vec3>* posed_normals) {
  constexpr int n = CarrierPath::kSteps;
  for (const CarrierVertex& cv : c.vertices) {
    const float f = cv.level * n;
    const int j = std::min(static_cast<int>(f), n - 1);
    const float a = f - static_cast<float>(j);
    const auto j0 = static_cast<std::size_t>(j), j1 = j0 + 1;
    const glm::vec3 offset = rest[cv.index] - (c.origin + cv.level * c.length * c.axis);
    // Between two frames the rotation is interpolated (normalised lerp of
    // the quaternions), not the two placements: blending placements a
    // steep step apart would pull the section in along the chord.
    const glm::quat q = glm::normalize(path.turn[j0] * (1.0f - a) + path.turn[j1] * a);
    const glm::vec3 carried = path.point[j0] + a * (path.point[j1] - path.point[j0]) + q * offset;
    glm::vec3& p = posed[cv.index];
    p += cv.share * (carried - p);
    if (rest_normals && posed_normals) {
      const glm::vec3 nc = q * (*rest_normals)[cv.index];
      glm::vec3& pn = (*posed_normals)[cv.index];
      const glm::vec3 m = pn + cv.share * (nc - pn);
      const float l = glm::length(m);
      if (l > 0.0f) pn = m / l;
    }
  }
}

} // namespace crus::motion
