#include "atlas/mesher.hpp"

#include <glm/common.hpp>
#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

namespace crus::atlas {

namespace {

// The six tetrahedra of a cube around its main diagonal (corner bits x=1,
// y=2, z=4): the same split in every cube, so shared faces match.
constexpr std::array<std::array<int, 4>, 6> kTets = {{
    {0, 1, 3, 7}, {0, 1, 5, 7}, {0, 2, 3, 7}, {0, 2, 6, 7}, {0, 4, 5, 7}, {0, 4, 6, 7},
}};

constexpr int kBlock = 4; // cells per block side

Mesh polygonise_blocks(const Field& field, float cell, float reach_factor) {
  // The grid is padded so that its outer layer is outside: the surface is closed.
  const Aabb box = grow(field.box, 3.0f * cell);
  const glm::vec3 origin = box.min;
  const glm::ivec3 n = glm::ivec3(glm::ceil(box.size() / cell)) + 1; // points per axis
  const std::uint64_t total = std::uint64_t(n.x) * std::uint64_t(n.y) * std::uint64_t(n.z);
  auto point = [&](int i, int j, int k) { return origin + cell * glm::vec3(float(i), float(j), float(k)); };
  auto value = [&](int i, int j, int k) {
    float v = field.eval(point(i, j, k));
    if (!(v != 0.0f)) v = 1e-7f; // no sample exactly on the surface (NaN counts as outside)
    if (i == 0 || j == 0 || k == 0 || i == n.x - 1 || j == n.y - 1 || k == n.z - 1) v = std::max(v, 0.5f * cell);
    return v;
  };
  // Blocks far from the surface (by more than their half diagonal, with a
  // margin for fields that are not exact distances) hold no triangles.
  const float reach = reach_factor * 0.5f * std::sqrt(3.0f) * float(kBlock) * cell + 2.0f * cell;
  Mesh mesh;
  std::unordered_map<std::uint64_t, std::uint32_t> edge_vertex;
  std::vector<float> vals(std::size_t((kBlock + 1) * (kBlock + 1) * (kBlock + 1)));
  const glm::ivec3 cells = n - 1;
  for (int bk = 0; bk < cells.z; bk += kBlock)
    for (int bj = 0; bj < cells.y; bj += kBlock)
      for (int bi = 0; bi < cells.x; bi += kBlock) {
        const int ei = std::min(bi + kBlock, cells.x), ej = std::min(bj + kBlock, cells.y), ek = std::min(bk + kBlock, cells.z);
        const glm::vec3 centre = origin + cell * glm::vec3(0.5f * float(bi + ei), 0.5f * float(bj + ej), 0.5f * float(bk + ek));
        if (std::abs(field.eval(centre)) > reach) continue;
        const int sx = ei - bi + 1, sy = ej - bj + 1;
        auto at = [&](int i, int j, int k) -> float& { return vals[std::size_t(((k - bk) * sy + (j - bj)) * sx + (i - bi))]; };
        for (int k = bk; k <= ek; ++k)
          for (int j = bj; j <= ej; ++j)
            for (int i = bi; i <= ei; ++i) at(i, j, k) = value(i, j, k);
        for (int k = bk; k < ek; ++k)
          for (int j = bj; j < ej; ++j)
            for (int i = bi; i < ei; ++i) {
              std::array<std::uint64_t, 8> idx;
              std::array<float, 8> val;
              std::array<glm::vec3, 8> pos;
              int inside = 0;
              for (int c = 0; c < 8; ++c) {
                const int ci = i + (c & 1), cj = j + ((c >> 1) & 1), ck = k + ((c >> 2) & 1);
                idx[std::size_t(c)] = (std::uint64_t(ck) * std::uint64_t(n.y) + std::uint64_t(cj)) * std::uint64_t(n.x) + std::uint64_t(ci);
                val[std::size_t(c)] = at(ci, cj, ck);
                pos[std::size_t(c)] = point(ci, cj, ck);
                inside += val[std::size_t(c)] < 0.0f ? 1 : 0;
              }
              if (inside == 0 || inside == 8) continue;
              auto vertex_on_edge = [&](int a, int b) {
                const std::uint64_t lo = std::min(idx[std::size_t(a)], idx[std::size_t(b)]), hi = std::max(idx[std::size_t(a)], idx[std::size_t(b)]);
                auto [it, inserted] = edge_vertex.try_emplace(lo * total + hi, std::uint32_t(mesh.positions.size()));
                if (inserted) {
                  const float va = val[std::size_t(a)], vb = val[std::size_t(b)];
                  // Clamped so that no two edge vertices coincide at a grid point.
                  const float t = std::clamp(va / (va - vb), 0.002f, 0.998f);
                  mesh.positions.push_back(pos[std::size_t(a)] + t * (pos[std::size_t(b)] - pos[std::size_t(a)]));
                }
                return it->second;
              };
              for (const auto& tet : kTets) {
                int in[4], out[4], n_in = 0, n_out = 0;
                for (int c : tet) (val[std::size_t(c)] < 0.0f ? in[n_in++] : out[n_out++]) = c;
                if (n_in == 0 || n_out == 0) continue;
                glm::vec3 cin(0.0f), cout(0.0f);
                for (int a = 0; a < n_in; ++a) cin += pos[std::size_t(in[a])];
                for (int a = 0; a < n_out; ++a) cout += pos[std::size_t(out[a])];
                const glm::vec3 outward = cout / float(n_out) - cin / float(n_in);
                auto emit = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
                  const glm::vec3 nrm = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
                  if (glm::dot(nrm, outward) < 0.0f) std::swap(b, c);
                  mesh.indices.insert(mesh.indices.end(), {a, b, c});
                };
                if (n_in == 1) {
                  emit(vertex_on_edge(in[0], out[0]), vertex_on_edge(in[0], out[1]), vertex_on_edge(in[0], out[2]));
                } else if (n_in == 3) {
                  emit(vertex_on_edge(in[0], out[0]), vertex_on_edge(in[1], out[0]), vertex_on_edge(in[2], out[0]));
                } else {
                  const std::uint32_t a = vertex_on_edge(in[0], out[0]), b = vertex_on_edge(in[0], out[1]);
                  const std::uint32_t c = vertex_on_edge(in[1], out[1]), d = vertex_on_edge(in[1], out[0]);
                  emit(a, b, c);
                  emit(a, c, d);
                }
              }
            }
      }
  return mesh;
}

} // namespace

// Moller-Trumbore, restricted to the open segment and the triangle's interior.
static bool segment_hits_triangle(const glm::vec3& p, const glm::vec3& q, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 dir = q - p, e1 = b - a, e2 = c - a;
  const glm::vec3 h = glm::cross(dir, e2);
  const float det = glm::dot(e1, h);
  if (std::abs(det) < 1e-18f) return false;
  const float inv = 1.0f / det;
  const glm::vec3 s = p - a;
  const float u = glm::dot(s, h) * inv;
  if (u <= 1e-6f || u >= 1.0f - 1e-6f) return false;
  const glm::vec3 qv = glm::cross(s, e1);
  const float v = glm::dot(dir, qv) * inv;
  if (v <= 1e-6f || u + v >= 1.0f - 1e-6f) return false;
  const float t = glm::dot(e2, qv) * inv;
  return t > 1e-6f && t < 1.0f - 1e-6f;
}

bool triangles_cross(const glm::vec3& a0, const glm::vec3& a1, const glm::vec3& a2, const glm::vec3& b0, const glm::vec3& b1, const glm::vec3& b2) {
  return segment_hits_triangle(a0, a1, b0, b1, b2) || segment_hits_triangle(a1, a2, b0, b1, b2) || segment_hits_triangle(a2, a0, b0, b1, b2) ||
         segment_hits_triangle(b0, b1, a0, a1, a2) || segment_hits_triangle(b1, b2, a0, a1, a2) || segment_hits_triangle(b2, b0, a0, a1, a2);
}

Mesh polygonise(const Field& field, float cell) {
  // Fields built from approximate distances can understate how close the
  // surface is; a hole in the result means a block was skipped wrongly, so
  // look again with a wider margin.
  for (float reach_factor : {2.0f, 4.0f, 8.0f}) {
    Mesh mesh = polygonise_blocks(field, cell, reach_factor);
    if (check_mesh(mesh).boundary_edges == 0) return mesh;
  }
  return polygonise_blocks(field, cell, 1e6f);
}

void taubin_smooth(Mesh& mesh, int iterations, float lambda, float mu) {
  const std::size_t n = mesh.positions.size();
  // Unique neighbours per vertex, in a compact adjacency array.
  std::vector<std::vector<std::uint32_t>> adj(n);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const std::uint32_t a = mesh.indices[t + std::size_t(e)], b = mesh.indices[t + std::size_t((e + 1) % 3)];
      adj[a].push_back(b);
      adj[b].push_back(a);
    }
  for (auto& a : adj) {
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
  }
  std::vector<glm::vec3> next(n);
  auto step = [&](float factor) {
    for (std::size_t i = 0; i < n; ++i) {
      if (adj[i].empty()) {
        next[i] = mesh.positions[i];
        continue;
      }
      glm::vec3 avg(0.0f);
      for (std::uint32_t j : adj[i]) avg += mesh.positions[j];
      avg /= float(adj[i].size());
      next[i] = mesh.positions[i] + factor * (avg - mesh.positions[i]);
    }
    mesh.positions.swap(next);
  };
  for (int it = 0; it < iterations; ++it) {
    step(lambda);
    step(mu);
  }
}

std::size_t count_self_intersections(const Mesh& m) {
  const std::size_t nt = m.triangle_count();
  double edge = 0.0;
  for (std::size_t t = 0; t < nt; ++t) edge += glm::length(m.positions[m.indices[3 * t]] - m.positions[m.indices[3 * t + 1]]);
  const float cell = float(std::max(2.0 * edge / double(nt), 1e-4));
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grid;
  auto key = [](int x, int y, int z) { return (std::uint64_t(std::uint32_t(x + 100000)) << 40) ^ (std::uint64_t(std::uint32_t(y + 100000)) << 20) ^ std::uint64_t(std::uint32_t(z + 100000)); };
  for (std::size_t t = 0; t < nt; ++t) {
    glm::vec3 lo(1e9f), hi(-1e9f);
    for (int k = 0; k < 3; ++k) {
      lo = glm::min(lo, m.positions[m.indices[3 * t + std::size_t(k)]]);
      hi = glm::max(hi, m.positions[m.indices[3 * t + std::size_t(k)]]);
    }
    const glm::ivec3 a(glm::floor(lo / cell)), b(glm::floor(hi / cell));
    for (int x = a.x; x <= b.x; ++x)
      for (int y = a.y; y <= b.y; ++y)
        for (int z = a.z; z <= b.z; ++z) grid[key(x, y, z)].push_back(std::uint32_t(t));
  }
  std::size_t hits = 0;
  for (const auto& [k, tris] : grid)
    for (std::size_t i = 0; i < tris.size(); ++i)
      for (std::size_t j = i + 1; j < tris.size(); ++j) {
        const std::uint32_t* A = &m.indices[3 * tris[i]];
        const std::uint32_t* B = &m.indices[3 * tris[j]];
        bool share = false;
        for (int x = 0; x < 3; ++x)
          for (int y = 0; y < 3; ++y) share = share || A[x] == B[y];
        if (share) continue;
        const glm::vec3 a0 = m.positions[A[0]], a1 = m.positions[A[1]], a2 = m.positions[A[2]];
        const glm::vec3 b0 = m.positions[B[0]], b1 = m.positions[B[1]], b2 = m.positions[B[2]];
        if (triangles_cross(a0, a1, a2, b0, b1, b2)) ++hits;
      }
  return hits;
}

void normals_from_field(Mesh& mesh, const Field& field, float step) {
  mesh.normals.resize(mesh.positions.size());
  const glm::vec3 dx(step, 0, 0), dy(0, step, 0), dz(0, 0, step);
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    const glm::vec3 p = mesh.positions[i];
    const glm::vec3 g(field.eval(p + dx) - field.eval(p - dx), field.eval(p + dy) - field.eval(p - dy),
                      field.eval(p + dz) - field.eval(p - dz));
    const float len = glm::length(g);
    mesh.normals[i] = len > 1e-12f ? g / len : glm::vec3(0, 1, 0);
  }
}

} // namespace crus::atlas
