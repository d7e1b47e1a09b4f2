#include "core/geometry/overlay_geometry.hpp"

#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

namespace crus {
namespace {

void basis(const glm::vec3& axis, glm::vec3& u, glm::vec3& v) {
  glm::vec3 helper = std::abs(axis.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
  u = glm::normalize(glm::cross(axis, helper));
  v = glm::cross(axis, u);
}

// A closed frustum from a (radius ra) to b (radius rb), with caps.
void add_frustum(Mesh& m, glm::vec3 a, glm::vec3 b, float ra, float rb, int sides = 16) {
  glm::vec3 axis = b - a;
  float len = glm::length(axis);
  if (len < 1e-7f) return;
  axis /= len;
  glm::vec3 u, v;
  basis(axis, u, v);
  auto base = static_cast<std::uint32_t>(m.positions.size());
  float slope = (ra - rb) / len;
  for (int i = 0; i < sides; ++i) {
    float t = glm::two_pi<float>() * static_cast<float>(i) / static_cast<float>(sides);
    glm::vec3 dir = u * std::cos(t) + v * std::sin(t);
    glm::vec3 n = glm::normalize(dir + axis * slope);
    m.positions.push_back(a + dir * ra);
    m.normals.push_back(n);
    m.positions.push_back(b + dir * rb);
    m.normals.push_back(n);
  }
  auto ca = static_cast<std::uint32_t>(m.positions.size());
  m.positions.push_back(a);
  m.normals.push_back(-axis);
  m.positions.push_back(b);
  m.normals.push_back(axis);
  for (int i = 0; i < sides; ++i) {
    std::uint32_t i0 = base + 2 * static_cast<std::uint32_t>(i);
    std::uint32_t i1 = base + 2 * static_cast<std::uint32_t>((i + 1) % sides);
    m.indices.insert(m.indices.end(), {i0, i1, i0 + 1, i1, i1 + 1, i0 + 1});
    m.indices.insert(m.indices.end(), {ca, i1, i0});
    m.indices.insert(m.indices.end(), {ca + 1, i0 + 1, i1 + 1});
  }
}

} // namespace

Mesh overlay_mesh(const std::vector<Arrow>& arrows, const std::vector<Marker>& markers) {
  Mesh m;
  for (const auto& a : arrows) {
    glm::vec3 d = a.to - a.from;
    float len = glm::length(d);
    if (len < 1e-6f) continue;
    glm::vec3 dir = d / len;
    if (!a.head) {
      add_frustum(m, a.from, a.to, a.width, a.width);
      continue;
    }
    float head = std::min(len * 0.35f, a.width * 6.0f);
    glm::vec3 neck = a.to - dir * head;
    add_frustum(m, a.from, neck, a.width, a.width);
    add_frustum(m, neck, a.to, a.width * 2.6f, 0.0001f);
  }
  for (const auto& k : markers) {
    glm::vec3 n = glm::length(k.normal) > 1e-6f ? glm::normalize(k.normal) : glm::vec3(1, 0, 0);
    glm::vec3 u, v;
    basis(n, u, v);
    glm::vec3 d1 = glm::normalize(u + v) * k.size, d2 = glm::normalize(u - v) * k.size;
    float w = k.size * 0.18f;
    add_frustum(m, k.position - d1, k.position + d1, w, w, 8);
    add_frustum(m, k.position - d2, k.position + d2, w, w, 8);
  }
  return m;
}

} // namespace crus
