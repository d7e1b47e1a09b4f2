#include "core/geometry/mesh.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace crus {

Aabb bounds(const Mesh& mesh) {
  Aabb box;
  if (mesh.positions.empty()) {
    box.min = glm::vec3(1.0f);
    box.max = glm::vec3(-1.0f); // invalid on purpose: nothing to bound
    return box;
  }
  box.min = box.max = mesh.positions.front();
  for (const glm::vec3& p : mesh.positions) {
    box.min = glm::min(box.min, p);
    box.max = glm::max(box.max, p);
  }
  return box;
}

double signed_volume(const Mesh& mesh) {
  double sum = 0.0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::dvec3 a = mesh.positions[mesh.indices[t]];
    const glm::dvec3 b = mesh.positions[mesh.indices[t + 1]];
    const glm::dvec3 c = mesh.positions[mesh.indices[t + 2]];
    sum += glm::dot(a, glm::cross(b, c));
  }
  return sum / 6.0;
}

glm::vec3 area_weighted_centroid(const Mesh& mesh) {
  glm::dvec3 acc(0.0);
  double area_sum = 0.0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::dvec3 a = mesh.positions[mesh.indices[t]];
    const glm::dvec3 b = mesh.positions[mesh.indices[t + 1]];
    const glm::dvec3 c = mesh.positions[mesh.indices[t + 2]];
    const double area = 0.5 * glm::length(glm::cross(b - a, c - a));
    acc += area * (a + b + c) / 3.0;
    area_sum += area;
  }
  if (area_sum <= 0.0) return glm::vec3(0.0f);
  return glm::vec3(acc / area_sum);
}

glm::vec3 triangle_normal(const Mesh& mesh, std::size_t t) {
  const glm::vec3& a = mesh.positions[mesh.indices[3 * t]];
  const glm::vec3 n = glm::cross(mesh.positions[mesh.indices[3 * t + 1]] - a, mesh.positions[mesh.indices[3 * t + 2]] - a);
  const float len = glm::length(n);
  return len > 1e-12f ? n / len : glm::vec3(0.0f);
}

void compute_smooth_normals(Mesh& mesh) {
  std::vector<glm::dvec3> acc(mesh.positions.size(), glm::dvec3(0.0));
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t i0 = mesh.indices[t], i1 = mesh.indices[t + 1], i2 = mesh.indices[t + 2];
    const glm::dvec3 a = mesh.positions[i0], b = mesh.positions[i1], c = mesh.positions[i2];
    // The cross product's length is twice the area: area weighting for free.
    const glm::dvec3 n = glm::cross(b - a, c - a);
    acc[i0] += n;
    acc[i1] += n;
    acc[i2] += n;
  }
  mesh.normals.resize(mesh.positions.size());
  for (std::size_t i = 0; i < acc.size(); ++i) {
    const double len = glm::length(acc[i]);
    mesh.normals[i] = len > 0.0 ? glm::vec3(acc[i] / len) : glm::vec3(0.0f, 1.0f, 0.0f);
  }
}

MeshCheck check_mesh(const Mesh& mesh) {
  MeshCheck check;
  // Directed edges (a,b) as sorted keys: an edge must be matched by (b,a)
  // exactly once. A sorted array counts them several times faster than a
  // hash map (the generator checks every grid it polygonises).
  std::vector<std::uint64_t> directed;
  directed.reserve(mesh.indices.size());
  auto key = [](std::uint32_t a, std::uint32_t b) { return (std::uint64_t(a) << 32) | b; };
  const std::size_t n = mesh.positions.size();
  bool indices_ok = true;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t v[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
    if (v[0] >= n || v[1] >= n || v[2] >= n) {
      indices_ok = false;
      continue;
    }
    const glm::dvec3 a = mesh.positions[v[0]], b = mesh.positions[v[1]], c = mesh.positions[v[2]];
    const double area2 = glm::length(glm::cross(b - a, c - a));
    const double longest = std::max({glm::length(b - a), glm::length(c - b), glm::length(a - c)});
    if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2] || !(area2 > 1e-12 * longest * longest) || !(longest > 0.0))
      ++check.degenerate_triangles;
    for (int e = 0; e < 3; ++e) directed.push_back(key(v[e], v[(e + 1) % 3]));
  }
  std::sort(directed.begin(), directed.end());
  // How many times a directed edge occurs (0 when it does not).
  auto uses = [&](std::uint64_t k) {
    const auto range = std::equal_range(directed.begin(), directed.end(), k);
    return std::uint32_t(range.second - range.first);
  };
  bool oriented_edges = true;
  for (std::size_t i = 0; i < directed.size();) {
    const std::uint64_t k = directed[i];
    std::size_t j = i + 1;
    while (j < directed.size() && directed[j] == k) ++j;
    const std::uint32_t count = std::uint32_t(j - i);
    i = j;
    const std::uint32_t a = std::uint32_t(k >> 32), b = std::uint32_t(k & 0xffffffffu);
    const std::uint32_t back = uses(key(b, a));
    if (back == 0) {
      ++check.boundary_edges;
    } else if (count != 1 || back != 1) {
      // Counted once per direction; the pair is reported from both sides.
      ++check.non_manifold_edges;
      oriented_edges = false;
    }
  }
  check.non_manifold_edges /= 2;
  check.closed = indices_ok && !mesh.indices.empty() && check.boundary_edges == 0;
  check.manifold = check.closed && check.non_manifold_edges == 0;
  check.oriented = check.manifold && oriented_edges && signed_volume(mesh) > 0.0;
  return check;
}

} // namespace crus
