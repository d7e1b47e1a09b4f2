#include "core/anatomy/referral.hpp"

#include "core/error.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace crus {

// ---------------------------------------------------------------------------
// Lookup

std::vector<ReferralCandidate> lookup_referral(const TriggerPointSet& set, const std::vector<glm::vec3>& painted_points,
                                               const ReferralOptions& options) {
  std::vector<ReferralCandidate> out;
  if (painted_points.empty()) return out;
  const float n = static_cast<float>(painted_points.size());
  for (const TriggerPoint& tp : set.trigger_points) {
    float covered[2] = {0.0f, 0.0f};
    for (ZoneKind kind : {ZoneKind::essential, ZoneKind::spillover}) {
      const ReferralZone& zone = tp.zone(kind);
      if (zone.empty()) continue;
      float sum = 0.0f;
      for (const glm::vec3& p : painted_points) sum += zone_membership(zone, p);
      covered[kind == ZoneKind::essential ? 0 : 1] = sum / n;
    }
    ReferralCandidate c;
    c.muscle = tp.muscle;
    c.trigger_point = tp.id;
    if (covered[0] >= options.min_coverage && covered[0] > 0.0f) {
      c.zone = ZoneKind::essential;
      c.coverage = covered[0];
      c.score = 0.5f + 0.5f * covered[0];
    } else if (covered[1] >= options.min_coverage && covered[1] > 0.0f) {
      c.zone = ZoneKind::spillover;
      c.coverage = covered[1];
      c.score = 0.5f * covered[1];
    } else {
      continue;
    }
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const ReferralCandidate& a, const ReferralCandidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.trigger_point < b.trigger_point;
  });
  if (options.max_results > 0 && out.size() > options.max_results) out.resize(options.max_results);
  return out;
}

// ---------------------------------------------------------------------------
// Nearest point on the skin

glm::vec3 closest_point_on_triangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0.0f && d2 <= 0.0f) return a;
  const glm::vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0.0f && d4 <= d3) return b;
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return a + ab * (d1 / (d1 - d3));
  const glm::vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0.0f && d5 <= d6) return c;
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return a + ac * (d2 / (d2 - d6));
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
  const float denom = 1.0f / (va + vb + vc);
  return a + ab * (vb * denom) + ac * (vc * denom);
}

namespace {
constexpr std::size_t kMaxCells = std::size_t(1) << 21;

float squared(float x) { return x * x; }

// Squared distance from p to an axis-aligned box (0 inside).
float box_distance2(const glm::vec3& p, const glm::vec3& lo, const glm::vec3& hi) {
  const glm::vec3 d = glm::max(glm::max(lo - p, p - hi), glm::vec3(0.0f));
  return glm::dot(d, d);
}
} // namespace

SkinIndex::SkinIndex(const Mesh& skin) : positions_(skin.positions), indices_(skin.indices) {
  indices_.resize(indices_.size() - indices_.size() % 3);
  const std::size_t triangles = indices_.size() / 3;
  for (std::uint32_t i : indices_)
    if (i >= positions_.size()) throw InputError("", "skin mesh has a triangle index out of range");
  if (triangles == 0) return;

  glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
  double edge_sum = 0.0;
  for (std::size_t t = 0; t < triangles; ++t) {
    const glm::vec3& a = positions_[indices_[3 * t]];
    const glm::vec3& b = positions_[indices_[3 * t + 1]];
    const glm::vec3& c = positions_[indices_[3 * t + 2]];
    lo = glm::min(lo, glm::min(a, glm::min(b, c)));
    hi = glm::max(hi, glm::max(a, glm::max(b, c)));
    edge_sum += glm::length(b - a) + glm::length(c - b) + glm::length(a - c);
  }
  const glm::vec3 size = glm::max(hi - lo, glm::vec3(1e-6f));
  // About two mean edges per cell keeps a handful of triangles in each cell
  // of a surface mesh; grow the cells if the grid would get too large.
  float cell = std::max(2.0f * static_cast<float>(edge_sum / (3.0 * static_cast<double>(triangles))), 1e-5f);
  while (true) {
    std::size_t count = 1;
    for (int k = 0; k < 3; ++k) {
      dims_[k] = std::max(1, static_cast<int>(std::ceil(size[k] / cell)));
      count *= static_cast<std::size_t>(dims_[k]);
    }
    if (count <= kMaxCells) break;
    cell *= 1.5f;
  }
  cell_size_ = cell;
  origin_ = lo;

  auto cell_range = [&](std::size_t t, glm::ivec3& c0, glm::ivec3& c1) {
    const glm::vec3& a = positions_[indices_[3 * t]];
    const glm::vec3& b = positions_[indices_[3 * t + 1]];
    const glm::vec3& c = positions_[indices_[3 * t + 2]];
    const glm::vec3 tlo = (glm::min(a, glm::min(b, c)) - origin_) / cell_size_;
    const glm::vec3 thi = (glm::max(a, glm::max(b, c)) - origin_) / cell_size_;
    for (int k = 0; k < 3; ++k) {
      c0[k] = std::clamp(static_cast<int>(std::floor(tlo[k])), 0, dims_[k] - 1);
      c1[k] = std::clamp(static_cast<int>(std::floor(thi[k])), 0, dims_[k] - 1);
    }
  };
  const std::size_t cells = static_cast<std::size_t>(dims_[0]) * dims_[1] * dims_[2];
  cell_start_.assign(cells + 1, 0);
  glm::ivec3 c0, c1;
  for (std::size_t t = 0; t < triangles; ++t) {
    cell_range(t, c0, c1);
    for (int z = c0.z; z <= c1.z; ++z)
      for (int y = c0.y; y <= c1.y; ++y)
        for (int x = c0.x; x <= c1.x; ++x) ++cell_start_[(static_cast<std::size_t>(z) * dims_[1] + y) * dims_[0] + x + 1];
  }
  for (std::size_t i = 0; i < cells; ++i) cell_start_[i + 1] += cell_start_[i];
  cell_triangles_.resize(cell_start_[cells]);
  std::vector<std::uint32_t> fill(cell_start_.begin(), cell_start_.end() - 1);
  for (std::size_t t = 0; t < triangles; ++t) {
    cell_range(t, c0, c1);
    for (int z = c0.z; z <= c1.z; ++z)
      for (int y = c0.y; y <= c1.y; ++y)
        for (int x = c0.x; x <= c1.x; ++x)
          cell_triangles_[fill[(static_cast<std::size_t>(z) * dims_[1] + y) * dims_[0] + x]++] = static_cast<std::uint32_t>(t);
  }
}

void SkinIndex::test_cell(std::size_t cell, const glm::vec3& p, SurfacePoint& best, float& best_d2) const {
  for (std::uint32_t i = cell_start_[cell]; i < cell_start_[cell + 1]; ++i) {
    const std::uint32_t t = cell_triangles_[i];
    const glm::vec3 q = closest_point_on_triangle(p, positions_[indices_[3 * t]], positions_[indices_[3 * t + 1]],
                                                  positions_[indices_[3 * t + 2]]);
    const glm::vec3 d = q - p;
    const float d2 = glm::dot(d, d);
    if (d2 < best_d2) {
      best_d2 = d2;
      best.point = q;
      best.triangle = t;
    }
  }
}

std::optional<SurfacePoint> SkinIndex::nearest(const glm::vec3& p, float max_distance) const {
  if (indices_.empty()) return std::nullopt;
  // The cell holding p, or the nearest cell when p lies outside the grid.
  const glm::vec3 rel = (p - origin_) / cell_size_;
  glm::ivec3 c;
  for (int k = 0; k < 3; ++k) c[k] = std::clamp(static_cast<int>(std::floor(rel[k])), 0, dims_[k] - 1);
  const glm::vec3 grid_hi = origin_ + cell_size_ * glm::vec3(dims_[0], dims_[1], dims_[2]);
  const float outside2 = box_distance2(p, origin_, grid_hi);
  const float limit2 = std::isfinite(max_distance) ? squared(max_distance) : std::numeric_limits<float>::infinity();

  SurfacePoint best;
  float best_d2 = std::numeric_limits<float>::infinity();
  const int max_ring = std::max({dims_[0], dims_[1], dims_[2]});
  for (int ring = 0; ring <= max_ring; ++ring) {
    // Every cell at Chebyshev distance `ring` from c lies at least
    // (ring - 1) cells away from p's projection onto the grid, on top of the
    // distance from p to the grid itself.
    const float lower2 = outside2 + squared(std::max(0, ring - 1) * cell_size_);
    if (lower2 >= best_d2 || lower2 > limit2) break;
    const int x0 = std::max(0, c.x - ring), x1 = std::min(dims_[0] - 1, c.x + ring);
    const int y0 = std::max(0, c.y - ring), y1 = std::min(dims_[1] - 1, c.y + ring);
    const int z0 = std::max(0, c.z - ring), z1 = std::min(dims_[2] - 1, c.z + ring);
    for (int z = z0; z <= z1; ++z) {
      for (int y = y0; y <= y1; ++y) {
        auto visit = [&](int x) {
          const glm::vec3 lo = origin_ + cell_size_ * glm::vec3(x, y, z);
          if (box_distance2(p, lo, lo + glm::vec3(cell_size_)) >= best_d2) return;
          test_cell((static_cast<std::size_t>(z) * dims_[1] + y) * dims_[0] + x, p, best, best_d2);
        };
        if (std::abs(z - c.z) == ring || std::abs(y - c.y) == ring) {
          for (int x = x0; x <= x1; ++x) visit(x);
        } else {
          // Inside the ring's cube only the two x faces belong to the ring.
          if (c.x - ring >= 0) visit(c.x - ring);
          if (ring > 0 && c.x + ring < dims_[0]) visit(c.x + ring);
        }
      }
    }
  }
  if (!std::isfinite(best_d2) || best_d2 > limit2) return std::nullopt;
  best.distance = std::sqrt(best_d2);
  return best;
}

SurfacePoint snap_to_surface(const SkinIndex& skin, const glm::vec3& p) {
  const std::optional<SurfacePoint> hit = skin.nearest(p);
  if (!hit) throw InputError("", "the skin mesh has no triangles");
  return *hit;
}

SurfacePoint snap_to_surface(const Mesh& skin, const glm::vec3& p) {
  SurfacePoint best;
  float best_d2 = std::numeric_limits<float>::infinity();
  for (std::size_t t = 0; t + 2 < skin.indices.size(); t += 3) {
    const glm::vec3 q = closest_point_on_triangle(p, skin.positions.at(skin.indices[t]), skin.positions.at(skin.indices[t + 1]),
                                                  skin.positions.at(skin.indices[t + 2]));
    const float d2 = glm::dot(q - p, q - p);
    if (d2 < best_d2) {
      best_d2 = d2;
      best.point = q;
      best.triangle = static_cast<std::uint32_t>(t / 3);
    }
  }
  if (!std::isfinite(best_d2)) throw InputError("", "the skin mesh has no triangles");
  best.distance = std::sqrt(best_d2);
  return best;
}

} // namespace crus
