#include "core/motion/wrap.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace crus::motion {

namespace {
double positive_angle(double a) { // into [0, 2 pi)
  const double two_pi = 2.0 * std::numbers::pi;
  a = std::fmod(a, two_pi);
  return a < 0.0 ? a + two_pi : a;
}
} // namespace

double wrapped_length(const glm::dvec3& a, const glm::dvec3& b, const Rigid& cylinder_to_model, double radius) {
  const double straight = glm::length(b - a);
  const Rigid to_cylinder = cylinder_to_model.inverse();
  const glm::dvec3 p = to_cylinder(a), s = to_cylinder(b);
  const double dp = std::hypot(p.x, p.y), ds = std::hypot(s.x, s.y);
  if (dp <= radius || ds <= radius) return straight;
  // Does the segment, seen along the axis, cross the circle?
  const glm::dvec2 p2(p.x, p.y), s2(s.x, s.y), d = s2 - p2;
  const double dd = glm::dot(d, d);
  const double t = dd > 0.0 ? std::clamp(-glm::dot(p2, d) / dd, 0.0, 1.0) : 0.0;
  if (glm::length(p2 + t * d) >= radius) return straight;
  // Tangent points: angle of each end +- acos(r / distance).
  const double tp = std::sqrt(dp * dp - radius * radius), ts = std::sqrt(ds * ds - radius * radius);
  const double ap = std::acos(radius / dp), as = std::acos(radius / ds);
  const double thp = std::atan2(p.y, p.x), ths = std::atan2(s.y, s.x);
  const double ccw = positive_angle((ths - as) - (thp + ap)); // around with increasing angle
  const double cw = positive_angle((thp - ap) - (ths + as));  // and the other way
  const double planar = tp + ts + radius * std::min(ccw, cw);
  const double axial = s.z - p.z;
  return std::sqrt(planar * planar + axial * axial);
}

} // namespace crus::motion
