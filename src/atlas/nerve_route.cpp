#include "atlas/nerve_route.hpp"

#include "atlas/structures.hpp"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>

namespace crus::atlas {

namespace {

// Room for a nerve of radius r at p: how far its surface stays from the
// nearest structure (negative: it passes into one).
float room(const glm::vec3& p, float r, const std::vector<const StructureSpec*>& around) {
  float best = 1.0f;
  for (const StructureSpec* s : around) {
    if (box_distance(s->field.box, p) > r + best) continue;
    best = std::min(best, s->field(p) - r);
  }
  return best;
}

glm::vec3 any_perpendicular(const glm::vec3& t) {
  const glm::vec3 a = std::abs(t.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
  return glm::normalize(glm::cross(t, a));
}

} // namespace

std::vector<SweepKey> route_between(const std::vector<SweepKey>& keys, const std::vector<const StructureSpec*>& around,
                                    bool pin_first, bool pin_last, std::vector<glm::vec3>& moves, RouteReport& report,
                                    float clearance, float reach, float spacing) {
  moves.assign(keys.size(), glm::vec3(0.0f));
  if (keys.size() < 2) return keys;
  // Resample: the spline through the keys, a station about every `spacing`.
  float length = 0.0f;
  for (std::size_t i = 1; i < keys.size(); ++i) length += glm::distance(keys[i - 1].point, keys[i].point);
  const int per_span = std::max(1, static_cast<int>(std::ceil(length / spacing / float(keys.size() - 1))));
  const Sweep dense = make_sweep(keys, glm::vec3(1, 0, 0), per_span);
  const std::size_t n = dense.points.size();
  std::vector<glm::vec3> shift(n, glm::vec3(0.0f));
  for (std::size_t i = 0; i < n; ++i) {
    if ((i == 0 && pin_first) || (i + 1 == n && pin_last)) continue;
    ++report.stations;
    const glm::vec3 p = dense.points[i];
    const float r = std::max(dense.radii[i].x, dense.radii[i].y);
    if (room(p, r, around) >= clearance) continue;
    // Search the cross-section plane ring by ring; the first ring with a
    // clear point gives the nearest place, and of its points the roomiest.
    const glm::vec3 t = glm::normalize(dense.points[std::min(i + 1, n - 1)] - dense.points[i == 0 ? 0 : i - 1]);
    const glm::vec3 u = any_perpendicular(t), v = glm::cross(t, u);
    constexpr int kAngles = 32;
    glm::vec3 best_shift(0.0f); // fallback: the roomiest point seen
    float best_room = room(p, r, around);
    bool found = false;
    for (float radius = 0.0005f; radius <= reach && !found; radius += 0.0005f) {
      float ring_best = -1.0f;
      for (int a = 0; a < kAngles; ++a) {
        const float angle = 6.2831853f * float(a) / float(kAngles);
        const glm::vec3 d = radius * (std::cos(angle) * u + std::sin(angle) * v);
        const float q = room(p + d, r, around);
        if (q >= clearance && q > ring_best) {
          ring_best = q;
          best_shift = d;
          found = true;
        } else if (!found && q > best_room) {
          best_room = q;
          best_shift = d;
        }
      }
    }
    if (!found) ++report.cramped;
    ++report.moved;
    shift[i] = best_shift;
  }
  // Smooth the moves (three passes of a 1-2-1 filter) so the trunk bends
  // gently; pinned ends stay pinned.
  for (int pass = 0; pass < 3; ++pass) {
    std::vector<glm::vec3> s = shift;
    for (std::size_t i = 1; i + 1 < n; ++i) s[i] = 0.25f * shift[i - 1] + 0.5f * shift[i] + 0.25f * shift[i + 1];
    if (!pin_first) s[0] = 0.5f * (shift[0] + shift[1]);
    if (!pin_last) s[n - 1] = 0.5f * (shift[n - 1] + shift[n - 2]);
    shift = s;
  }
  std::vector<SweepKey> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back({dense.points[i] + shift[i], dense.radii[i].x, dense.radii[i].y});
    report.max_shift = std::max(report.max_shift, glm::length(shift[i]));
  }
  // The original keys sit every `per_span` stations along the dense path.
  for (std::size_t k = 0; k < keys.size(); ++k) moves[k] = shift[std::min(n - 1, k * std::size_t(per_span))];
  return out;
}

} // namespace crus::atlas
