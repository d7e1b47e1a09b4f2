#include "core/motion/posed_queries.hpp"

#include "core/error.hpp"

#include <glm/geometric.hpp>

namespace crus::motion {

glm::vec3 carry_surface_point(const Mesh& from, const Mesh& to, std::uint32_t triangle, const glm::vec3& point) {
  if (from.positions.size() != to.positions.size() || from.indices != to.indices)
    throw InputError("posed mesh", "the posed and rest meshes differ in their vertices or triangles");
  if (static_cast<std::size_t>(triangle) * 3 + 2 >= from.indices.size())
    throw InputError("posed mesh", "triangle " + std::to_string(triangle) + " is past the mesh");
  const std::uint32_t* t = &from.indices[static_cast<std::size_t>(triangle) * 3];
  const glm::vec3 a = from.positions[t[0]], b = from.positions[t[1]], c = from.positions[t[2]];
  // Barycentric coordinates of the point's projection onto the triangle's plane
  // (Ericson, Real-Time Collision Detection 3.4).
  const glm::vec3 e0 = b - a, e1 = c - a, e2 = point - a;
  const float d00 = glm::dot(e0, e0), d01 = glm::dot(e0, e1), d11 = glm::dot(e1, e1);
  const float d20 = glm::dot(e2, e0), d21 = glm::dot(e2, e1);
  const float den = d00 * d11 - d01 * d01;
  float v = 0.0f, w = 0.0f;
  if (std::abs(den) > 1e-20f) {
    v = (d11 * d20 - d01 * d21) / den;
    w = (d00 * d21 - d01 * d20) / den;
  }
  const float u = 1.0f - v - w;
  return u * to.positions[t[0]] + v * to.positions[t[1]] + w * to.positions[t[2]];
}

std::vector<glm::vec3> to_rest_skin(const Mesh& rest_skin, const Mesh& posed_skin, const SkinIndex& posed_index,
                                    const std::vector<glm::vec3>& points) {
  std::vector<glm::vec3> out;
  out.reserve(points.size());
  for (const auto& p : points) {
    const SurfacePoint s = snap_to_surface(posed_index, p);
    out.push_back(carry_surface_point(posed_skin, rest_skin, s.triangle, s.point));
  }
  return out;
}

SectionPlane carry_section_plane(const SectionPlane& rest, const Rigid& shank) {
  SectionPlane p = rest;
  p.point = shank(rest.point);
  p.normal = shank.r * rest.normal;
  p.u = shank.r * rest.u;
  p.v = shank.r * rest.v;
  return p;
}

} // namespace crus::motion
