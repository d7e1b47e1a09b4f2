#pragma once
// Signed-distance fields for organic shapes: negative inside, roughly the
// Euclidean distance near the surface. Each field carries a conservative box
// around its inside so that unions can skip far-away parts cheaply.
#include "core/geometry/mesh.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <functional>
#include <memory>
#include <vector>

namespace crus::atlas {

struct Field {
  std::function<float(const glm::vec3&)> eval;
  Aabb box; // encloses every point where eval <= 0

  float operator()(const glm::vec3& p) const { return eval(p); }
};

// Distance from p to the box (0 inside); a lower bound of any field inside it.
// Inline: the swept tube's search (sweep.cpp) tests a box per segment.
inline float box_distance(const Aabb& box, const glm::vec3& p) {
  const glm::vec3 d = glm::max(glm::max(box.min - p, p - box.max), glm::vec3(0.0f));
  return glm::length(d);
}
inline bool boxes_overlap(const Aabb& a, const Aabb& b) {
  return a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y && a.min.z <= b.max.z &&
         b.min.z <= a.max.z;
}
Aabb grow(const Aabb& box, float margin);
Aabb merge(const Aabb& a, const Aabb& b);
// f's central differences at p, h either side on each axis (not divided by
// 2h): the direction of its gradient.
inline glm::vec3 central_difference(const Field& f, const glm::vec3& p, float h = 2e-4f) {
  return {f(p + glm::vec3(h, 0, 0)) - f(p - glm::vec3(h, 0, 0)), f(p + glm::vec3(0, h, 0)) - f(p - glm::vec3(0, h, 0)),
          f(p + glm::vec3(0, 0, h)) - f(p - glm::vec3(0, 0, h))};
}
// The unit normal of f's level set through p (up where f is flat).
inline glm::vec3 unit_gradient(const Field& f, const glm::vec3& p) {
  const glm::vec3 g = central_difference(f, p);
  const float len = glm::length(g);
  return len > 1e-12f ? g / len : glm::vec3(0, 1, 0);
}

// An orthonormal frame whose columns are the local x, y, z axes; `x_hint`
// is projected to be perpendicular to `axis` (the local y).
glm::mat3 frame_from_axis(const glm::vec3& axis, const glm::vec3& x_hint);

Field ellipsoid(const glm::vec3& centre, const glm::vec3& radii, const glm::mat3& frame = glm::mat3(1.0f));
Field capsule(const glm::vec3& a, const glm::vec3& b, float radius);
// A cone with spherical ends: radius ra at a, rb at b.
Field round_cone(const glm::vec3& a, const glm::vec3& b, float ra, float rb);
// A box of half extents `half` with edges rounded by `rounding` (included in half).
Field rounded_box(const glm::vec3& centre, const glm::vec3& half, float rounding, const glm::mat3& frame = glm::mat3(1.0f));

// One station of a swept tube: a point on the path and the half widths of the
// elliptical cross-section along the frame's side axis (w) and normal axis (h).
struct SweepKey {
  glm::vec3 point{0.0f};
  float w = 0.0f;
  float h = 0.0f;
};
// A key at (x, y, z) with half-axes w and h (metres): the designs in
// bones.cpp, muscles.cpp and muscle_recipes.cpp are written with it.
inline SweepKey sweep_key(float x, float y, float z, float w, float h) { return {{x, y, z}, w, h}; }
// Sweeps an elliptical cross-section along a Catmull-Rom spline through the
// key points; `up` orients the cross-section's h axis (projected off the
// tangent). `samples_per_span` sets how finely the spline is followed.
struct Sweep {
  std::vector<glm::vec3> points; // dense polyline
  std::vector<glm::vec3> side;   // w axis per point
  std::vector<glm::vec3> normal; // h axis per point
  std::vector<glm::vec2> radii;  // (w, h) per point
  // Measure each section exactly (Newton's method on the ellipse) instead of
  // to first order. The first-order distance is exact on the surface and
  // along the section's axes, but off them, round a flat section, it falls
  // to a fraction of the true distance: a field measured from afar (the
  // skin's wrap of a flat tendon) needs the exact one.
  bool exact_sections = false;
  // With exact sections, also measure across the tube's slope where its
  // sections grow or shrink along the path: the distance in the section's
  // plane, over sqrt(1 + v^2) where v is how fast the section's edge moves
  // out per unit of path. Without it a flaring tube's field is the
  // section-plane distance, too long by that factor, and the minimum over
  // its short segments switches between slab and rim measures every
  // segment: the gradient, which gives the normals, ripples with the
  // segments' spacing (the tibia's metaphyses showed fine cross-hatching).
  bool across_slope = false;
};
Sweep make_sweep(const std::vector<SweepKey>& keys, const glm::vec3& up, int samples_per_span = 8);
// Recomputes the section axes from the path (after its points have moved).
void refresh_frames(Sweep& sweep, const glm::vec3& up);
Field sweep_field(std::shared_ptr<const Sweep> sweep);
Field sweep(const std::vector<SweepKey>& keys, const glm::vec3& up, int samples_per_span = 8, bool exact_sections = false);
// A sweep measured exactly and across its slope (see Sweep::across_slope),
// its path followed by 16 points a span (twice the plain sweep's), closed at
// each end by the plane across its path there, the rim rounded over 2 mm:
// for bone ends that flare fast along a nearly straight path (an end plane
// would cut a path that turned back on itself).
Field flared_sweep(const std::vector<SweepKey>& keys, const glm::vec3& up, int samples_per_span = 16);
// Where p lies relative to the sweep's path: its offsets along the section's
// side and normal axes at the closest path point, and the arc length of that
// point (x, y, z), with the distance to the path in `distance`.
glm::vec3 sweep_coordinates(const Sweep& sweep, const glm::vec3& p, float& distance);

// Smooth union (polynomial smooth minimum with blend radius k).
Field smooth_union(std::vector<Field> parts, float k);
Field unite(std::vector<Field> parts); // sharp union
// A smooth union whose blend swells at most max_bulge past the sharp union:
// chained blends of many close parts otherwise add up (k/4 each) to several
// millimetres of surface that no part supports.
Field smooth_union_bounded(std::vector<Field> parts, float k, float max_bulge);
// a minus b, blended over k (k = 0: sharp).
Field subtract(Field a, Field b, float k);
Field intersect(Field a, Field b, float k);
// Keeps the part of f with dot(p - point, normal) <= 0; a `round` > 0 rounds
// the rim where the plane meets the surface over about that width.
Field clip_half_space(Field f, const glm::vec3& point, const glm::vec3& normal, float round = 0.0f);
Field offset(Field f, float amount); // grows by amount (> 0) or shrinks

float smin(float a, float b, float k);
float smax(float a, float b, float k);

} // namespace crus::atlas
