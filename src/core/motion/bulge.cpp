#include "core/motion/bulge.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace crus::motion {

namespace {
constexpr double kMaxBulge = 0.08;
double smoothstep(double a, double b, double x) {
  const double t = std::clamp((x - a) / (b - a), 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}
} // namespace

MuscleBulge bind_bulge(int muscle, const MusclePath& path, const Mesh& mesh, const std::vector<float>& held,
                       const BulgeOptions& options) {
  MuscleBulge out;
  out.muscle = muscle;
  out.vertices.resize(mesh.positions.size());
  if (path.points.size() < 2 || mesh.positions.empty()) return out;
  const glm::dvec3 a = path.points.front().rest, b = path.points.back().rest;
  if (glm::length(b - a) < 1e-6) return out;
  const glm::vec3 axis(glm::normalize(b - a));
  out.axis = axis;
  // The mesh's extent along the axis, cut into levels; each level's centroid
  // is the centre line there and its mean distance from it the thickness.
  float lo = 1e30f, hi = -1e30f;
  for (const auto& p : mesh.positions) {
    const float t = glm::dot(p, axis);
    lo = std::min(lo, t);
    hi = std::max(hi, t);
  }
  const int n = std::max(2, options.slices);
  const float span = std::max(hi - lo, 1e-6f);
  auto level = [&](float t) {
    return std::clamp((t - lo) / span * static_cast<float>(n) - 0.5f, 0.0f, static_cast<float>(n - 1));
  };
  std::vector<glm::dvec3> sum(static_cast<std::size_t>(n), glm::dvec3(0.0));
  std::vector<double> count(static_cast<std::size_t>(n), 0.0), radius(static_cast<std::size_t>(n), 0.0);
  auto bin = [&](float t) {
    return static_cast<std::size_t>(std::clamp(static_cast<int>((t - lo) / span * static_cast<float>(n)), 0, n - 1));
  };
  for (const auto& p : mesh.positions) {
    const std::size_t k = bin(glm::dot(p, axis));
    sum[k] += glm::dvec3(p);
    count[k] += 1.0;
  }
  std::vector<glm::vec3> centre(static_cast<std::size_t>(n));
  for (std::size_t k = 0; k < centre.size(); ++k) centre[k] = count[k] > 0 ? glm::vec3(sum[k] / count[k]) : glm::vec3(0.0f);
  // Empty levels (a gap in a two-part mesh) take their nearest neighbour's centre.
  for (std::size_t k = 0; k < centre.size(); ++k)
    if (count[k] == 0)
      for (std::size_t d = 1; d < centre.size(); ++d) {
        if (k >= d && count[k - d] > 0) {
          centre[k] = centre[k - d];
          break;
        }
        if (k + d < centre.size() && count[k + d] > 0) {
          centre[k] = centre[k + d];
          break;
        }
      }
  for (const auto& p : mesh.positions) {
    const std::size_t k = bin(glm::dot(p, axis));
    const glm::vec3 off = p - centre[k];
    radius[k] += glm::length(off - axis * glm::dot(off, axis));
  }
  for (std::size_t k = 0; k < radius.size(); ++k) radius[k] = count[k] > 0 ? radius[k] / count[k] : 0.0;
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    const glm::vec3& p = mesh.positions[v];
    const float t = glm::dot(p, axis);
    // The centre line and thickness interpolated between levels, so the
    // scale has no steps where the levels meet.
    const float x = level(t);
    const auto k0 = static_cast<std::size_t>(std::floor(x));
    const std::size_t k1 = std::min(k0 + 1, centre.size() - 1);
    const float f = x - static_cast<float>(k0);
    BulgeVertex& bv = out.vertices[v];
    bv.centre = centre[k0] * (1.0f - f) + centre[k1] * f;
    const double r = radius[k0] * (1.0 - f) + radius[k1] * f;
    const double u = (t - lo) / span;
    double w = smoothstep(options.tendon_radius_m, options.belly_radius_m, r) * smoothstep(0.0, options.end_fraction, u) *
               smoothstep(0.0, options.end_fraction, 1.0 - u);
    if (v < held.size()) w *= 1.0 - static_cast<double>(held[v]);
    bv.weight = static_cast<float>(w);
  }
  return out;
}

std::vector<double> rest_lengths(const MotionModel& model, const MuscleSet& set) {
  const std::vector<Rigid> bodies = pose_bodies(model, Pose{});
  std::vector<double> out;
  for (const auto& m : set.muscles) out.push_back(path_length(set, m, bodies));
  return out;
}

void bulge_scales(const MuscleSet& set, const std::vector<Rigid>& bodies, const std::vector<double>& rest,
                  std::vector<float>& out) {
  out.resize(set.muscles.size());
  for (std::size_t i = 0; i < set.muscles.size(); ++i) {
    const double l = path_length(set, set.muscles[i], bodies);
    // Clamped: the skinned belly keeps its length while the path shortens
    // (the tendon and the joint take up the rest), so an unclamped scale
    // would grow a slack gastrocnemius in a deep squat by a fifth of its
    // volume; within +-8 % of the radius the volume stays within ~10 %.
    const double s = i < rest.size() && l > 0.0 ? std::sqrt(rest[i] / l) : 1.0;
    out[i] = static_cast<float>(std::clamp(s, 1.0 - kMaxBulge, 1.0 + kMaxBulge));
  }
}

} // namespace crus::motion
