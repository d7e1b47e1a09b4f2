#pragma once
// "Where does it hurt?": which trigger points could refer pain to a painted
// area of skin, and snapping points onto the skin. Plain maths: no GL.
#include "core/geometry/mesh.hpp"
#include "core/anatomy/trigger_points.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace crus {

struct ReferralCandidate {
  std::string muscle;
  std::string trigger_point;
  ZoneKind zone = ZoneKind::essential;
  float coverage = 0.0f; // mean membership of the painted points in that zone, [0, 1]
  float score = 0.0f;    // [0, 1]; see lookup_referral
};

struct ReferralOptions {
  // A zone counts when it covers at least this fraction of the painted area.
  float min_coverage = 0.05f;
  std::size_t max_results = 0; // 0: all
};

// Ranks the trigger points whose zones cover `painted_points` (points on the
// skin, equally weighted). A trigger point is listed once, with its essential
// zone when that covers at least min_coverage, else with its spillover zone.
// Essential candidates always rank above spillover ones:
//   essential: score = 0.5 + 0.5 * coverage, spillover: score = 0.5 * coverage,
// so the score is in [0, 1] and ties break by trigger-point id. Empty when
// nothing is painted or nothing covers it.
std::vector<ReferralCandidate> lookup_referral(const TriggerPointSet& set, const std::vector<glm::vec3>& painted_points,
                                               const ReferralOptions& options = {});

struct SurfacePoint {
  glm::vec3 point{0.0f};
  float distance = 0.0f;
  std::uint32_t triangle = 0;
};

// A uniform grid over the skin's triangles, built once, for nearest-point
// queries well under a millisecond on a skin of ~100k triangles.
class SkinIndex {
public:
  SkinIndex() = default;
  explicit SkinIndex(const Mesh& skin);

  bool empty() const { return indices_.empty(); }
  // The nearest point of the surface to p, or nullopt when the mesh is empty
  // or nothing lies within max_distance.
  std::optional<SurfacePoint> nearest(const glm::vec3& p, float max_distance = std::numeric_limits<float>::infinity()) const;

private:
  void test_cell(std::size_t cell, const glm::vec3& p, SurfacePoint& best, float& best_d2) const;

  std::vector<glm::vec3> positions_;
  std::vector<std::uint32_t> indices_;
  glm::vec3 origin_{0.0f};
  float cell_size_ = 1.0f;
  int dims_[3] = {0, 0, 0};
  std::vector<std::uint32_t> cell_start_; // size cells + 1 (CSR)
  std::vector<std::uint32_t> cell_triangles_;
};

// Nearest skin point through an index (fast) or by scanning every triangle
// (for one-off use). Throws InputError when the skin has no triangles.
SurfacePoint snap_to_surface(const SkinIndex& skin, const glm::vec3& p);
SurfacePoint snap_to_surface(const Mesh& skin, const glm::vec3& p);

// Closest point of triangle abc to p (Ericson, Real-Time Collision Detection 5.1.5).
glm::vec3 closest_point_on_triangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);

} // namespace crus
