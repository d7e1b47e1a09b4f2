#include "atlas/mesher.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <thread>
#include <cmath>
#include <unordered_map>

namespace crus::atlas {

namespace {

// The six tetrahedra of a cube around its main diagonal (corner bits x=1,
// y=2, z=4): the same split in every cube, so shared faces match.
constexpr std::array<std::array<int, 4>, 6> kTets = {{
    {0, 1, 3, 7},
    {0, 1, 5, 7},
    {0, 2, 3, 7},
    {0, 2, 6, 7},
    {0, 4, 5, 7},
    {0, 4, 6, 7},
}};

constexpr int kBlock = 4; // cells per block side

// One layer of blocks (kBlock cells high in z) polygonised on its own: its
// triangles, its vertices in the order it first made them, and for each
// vertex the grid edge it lies on, so that layers can be joined exactly.
struct Slab {
  Mesh mesh;
  std::vector<std::uint64_t> edges;
};

// The values of one layer's grid points, kept across the passes of
// polygonise (a pass that leaves a hole is redone with a wider margin).
struct SlabCache {
  std::vector<float> value;
  std::vector<unsigned char> known;
};

struct Grid {
  glm::vec3 origin;
  glm::ivec3 n; // points per axis
  std::uint64_t total;
  float cell;
  glm::vec3 point(int i, int j, int k) const { return origin + cell * glm::vec3(float(i), float(j), float(k)); }
};

Slab polygonise_slab(const Field& field, const Grid& g, int bk, float reach, float sub_reach, float super_reach,
                     SlabCache& cache) {
  const glm::ivec3 n = g.n;
  const glm::ivec3 cells = n - 1;
  auto value = [&](int i, int j, int k) {
    float v = field.eval(g.point(i, j, k));
    if (!(v != 0.0f)) v = 1e-7f; // no sample exactly on the surface (NaN counts as outside)
    if (i == 0 || j == 0 || k == 0 || i == n.x - 1 || j == n.y - 1 || k == n.z - 1) v = std::max(v, 0.5f * g.cell);
    return v;
  };
  const int ek = std::min(bk + kBlock, cells.z);
  // The layer's grid points, each evaluated once however many blocks share
  // it (blocks overlap by a point on every side: evaluating per block cost
  // about twice as many field evaluations). A point's value depends only on
  // its indices, so caching changes no result.
  const std::size_t layer_points = std::size_t(n.x) * std::size_t(n.y);
  if (cache.value.empty()) {
    cache.value.resize(layer_points * std::size_t(ek - bk + 1));
    cache.known.assign(cache.value.size(), 0);
  }
  auto at = [&](int i, int j, int k) {
    const std::size_t c = std::size_t(k - bk) * layer_points + std::size_t(j) * std::size_t(n.x) + std::size_t(i);
    if (!cache.known[c]) {
      cache.value[c] = value(i, j, k);
      cache.known[c] = 1;
    }
    return cache.value[c];
  };
  Slab slab;
  Mesh& mesh = slab.mesh;
  std::unordered_map<std::uint64_t, std::uint32_t> edge_vertex;
  // Groups of four blocks (2 x 2 across x and y: 8 x 8 x 4 cells) whose
  // centre, a grid point, lies farther from the surface than their own reach
  // are skipped whole; their blocks are not evaluated even at their centres.
  const int wide = 2 * kBlock;
  const int supers_x = (cells.x + wide - 1) / wide, supers_y = (cells.y + wide - 1) / wide;
  std::vector<char> super_quiet(std::size_t(supers_x) * std::size_t(supers_y), 0);
  if (ek - bk == kBlock)
    for (int sj = 0; sj < supers_y; ++sj)
      for (int si = 0; si < supers_x; ++si) {
        const int bi = si * wide, bj = sj * wide;
        if (bi + wide > cells.x || bj + wide > cells.y) continue;
        super_quiet[std::size_t(sj) * std::size_t(supers_x) + std::size_t(si)] =
            std::abs(at(bi + kBlock, bj + kBlock, bk + kBlock / 2)) > super_reach;
      }
  for (int bj = 0; bj < cells.y; bj += kBlock)
    for (int bi = 0; bi < cells.x; bi += kBlock) {
      if (super_quiet[std::size_t(bj / wide) * std::size_t(supers_x) + std::size_t(bi / wide)]) continue;
      const int ei = std::min(bi + kBlock, cells.x), ej = std::min(bj + kBlock, cells.y);
      // A whole block's centre is one of its grid points (never on the
      // grid's edge), so its value is kept for the cells; a block cut short
      // by the grid's edge is measured at its own centre.
      const bool whole = ei - bi == kBlock && ej - bj == kBlock && ek - bk == kBlock;
      const float at_centre =
          whole ? at(bi + kBlock / 2, bj + kBlock / 2, bk + kBlock / 2)
                : field.eval(g.origin + g.cell * glm::vec3(0.5f * float(bi + ei), 0.5f * float(bj + ej), 0.5f * float(bk + ek)));
      if (std::abs(at_centre) > reach) continue;
      // Within a kept block, a 2x2x2-cell eighth whose centre (a grid
      // point) lies farther from the surface than its own reach holds no
      // triangles either: its cells are skipped and its points evaluated
      // only where a neighbouring eighth needs them.
      std::array<bool, 8> quiet{};
      for (int q = 0; q < 8; ++q) {
        const int qi = bi + 2 * (q & 1), qj = bj + 2 * ((q >> 1) & 1), qk = bk + 2 * ((q >> 2) & 1);
        if (qi + 2 > ei || qj + 2 > ej || qk + 2 > ek) continue;
        quiet[std::size_t(q)] = std::abs(at(qi + 1, qj + 1, qk + 1)) > sub_reach;
      }
      for (int k = bk; k < ek; ++k)
        for (int j = bj; j < ej; ++j)
          for (int i = bi; i < ei; ++i) {
            if (quiet[std::size_t(((i - bi) >> 1) | (((j - bj) >> 1) << 1) | (((k - bk) >> 1) << 2))]) continue;
            std::array<std::uint64_t, 8> idx;
            std::array<float, 8> val;
            std::array<glm::vec3, 8> pos;
            int inside = 0;
            for (int c = 0; c < 8; ++c) {
              const int ci = i + (c & 1), cj = j + ((c >> 1) & 1), ck = k + ((c >> 2) & 1);
              idx[std::size_t(c)] =
                  (std::uint64_t(ck) * std::uint64_t(n.y) + std::uint64_t(cj)) * std::uint64_t(n.x) + std::uint64_t(ci);
              val[std::size_t(c)] = at(ci, cj, ck);
              pos[std::size_t(c)] = g.point(ci, cj, ck);
              inside += val[std::size_t(c)] < 0.0f ? 1 : 0;
            }
            if (inside == 0 || inside == 8) continue;
            auto vertex_on_edge = [&](int a, int b) {
              const std::uint64_t lo = std::min(idx[std::size_t(a)], idx[std::size_t(b)]),
                                  hi = std::max(idx[std::size_t(a)], idx[std::size_t(b)]);
              auto [it, inserted] = edge_vertex.try_emplace(lo * g.total + hi, std::uint32_t(mesh.positions.size()));
              if (inserted) {
                const float va = val[std::size_t(a)], vb = val[std::size_t(b)];
                // Clamped so that no two edge vertices coincide at a grid point.
                const float t = std::clamp(va / (va - vb), 0.002f, 0.998f);
                mesh.positions.push_back(pos[std::size_t(a)] + t * (pos[std::size_t(b)] - pos[std::size_t(a)]));
                slab.edges.push_back(lo * g.total + hi);
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
  return slab;
}

// A grid's layers, each polygonised with its own reach factor: the factor
// is widened only where a layer's mesh left a hole (see polygonise).
struct Layers {
  Grid g;
  std::vector<Slab> slabs;
  std::vector<SlabCache> caches; // grid values, shared by the passes
  std::vector<int> step;         // index into kReachFactors, per layer
};

// Blocks far from the surface (by more than their half diagonal, with a
// margin for fields that are not exact distances) hold no triangles; a pass
// that leaves a hole is made again, in the layers round the hole, with the
// next factor (the last skips nothing).
constexpr std::array<float, 4> kReachFactors = {2.0f, 4.0f, 8.0f, 1e6f};

Layers make_layers(const Field& field, float cell) {
  // The grid is padded so that its outer layer is outside: the surface is closed.
  const Aabb box = grow(field.box, 3.0f * cell);
  Layers layers;
  Grid& g = layers.g;
  g.origin = box.min;
  g.n = glm::ivec3(glm::ceil(box.size() / cell)) + 1; // points per axis
  g.total = std::uint64_t(g.n.x) * std::uint64_t(g.n.y) * std::uint64_t(g.n.z);
  g.cell = cell;
  const std::size_t count = std::size_t((g.n.z - 1 + kBlock - 1) / kBlock);
  layers.slabs.resize(count);
  layers.caches.resize(count);
  layers.step.assign(count, 0);
  return layers;
}

// Polygonises the layers listed in `which`, each with its own factor.
void polygonise_layers(const Field& field, Layers& layers, const std::vector<std::size_t>& which, unsigned threads) {
  const float cell = layers.g.cell;
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(which.size());
  auto worker = [&]() {
    for (std::size_t w = next++; w < which.size(); w = next++) {
      const std::size_t s = which[w];
      const float reach_factor = kReachFactors[std::size_t(layers.step[s])];
      const float reach = reach_factor * 0.5f * std::sqrt(3.0f) * float(kBlock) * cell + 2.0f * cell;
      // The same test for groups of four blocks (8 x 8 x 4 cells, half
      // diagonal 6 cells) before their blocks, and for the 2 x 2 x 2-cell
      // eighths of a kept block, there without the two-cell allowance. An
      // eighth skipped wrongly next to the surface leaves a hole, and the
      // layer is made again with the next factor; a whole piece smaller
      // than an eighth vanishes without a hole only if the field overstates
      // its distance about six times (the block test alone allowed more).
      // The bundled atlas comes out byte for byte as without the eighths.
      const float super_reach = reach_factor * 6.0f * cell + 2.0f * cell;
      const float sub_reach = reach_factor * 0.5f * std::sqrt(3.0f) * 2.0f * cell;
      try {
        layers.slabs[s] = polygonise_slab(field, layers.g, int(s) * kBlock, reach, sub_reach, super_reach, layers.caches[s]);
      } catch (...) {
        errors[w] = std::current_exception();
      }
    }
  };
  threads = std::max(1u, std::min(threads, unsigned(which.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

// Layers are polygonised in parallel and joined in layer order. Within a
// layer the order of work is the serial one, and a vertex on the plane two
// layers share is always made first by the lower layer (every tetrahedron
// with a sign change on an edge puts a vertex on it), with the same value
// from the same corner: joined, the mesh is the one a single pass gives,
// vertex for vertex, whatever the thread count. `layer_of` receives, for
// each vertex, the layer of its grid edge's lower end (for an edge lying in
// the plane two layers share, the upper layer; the layers either side of a
// hole are looked at again too, so either would do).
Mesh join_layers(const Layers& layers, std::vector<std::uint32_t>& layer_of) {
  Mesh mesh;
  layer_of.clear();
  const std::uint64_t per_plane = std::uint64_t(layers.g.n.x) * std::uint64_t(layers.g.n.y);
  std::unordered_map<std::uint64_t, std::uint32_t> edge_vertex;
  std::vector<std::uint32_t> remap;
  for (const Slab& slab : layers.slabs) {
    remap.resize(slab.edges.size());
    for (std::size_t v = 0; v < slab.edges.size(); ++v) {
      auto [it, inserted] = edge_vertex.try_emplace(slab.edges[v], std::uint32_t(mesh.positions.size()));
      if (inserted) {
        mesh.positions.push_back(slab.mesh.positions[v]);
        // The edge's lower grid point: its plane, then its layer.
        const std::uint64_t lo = slab.edges[v] / layers.g.total;
        layer_of.push_back(std::uint32_t(lo / per_plane / std::uint64_t(kBlock)));
      }
      remap[v] = it->second;
    }
    for (std::uint32_t i : slab.mesh.indices) mesh.indices.push_back(remap[i]);
  }
  return mesh;
}

// The layers on either side of every boundary edge (a directed edge whose
// reverse no triangle has), each with its neighbours above and below: a
// block skipped in one layer can leave the hole's rim in the next.
std::vector<char> layers_round_holes(const Mesh& mesh, const std::vector<std::uint32_t>& layer_of, std::size_t count) {
  std::vector<std::uint64_t> directed;
  directed.reserve(mesh.indices.size());
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e)
      directed.push_back(std::uint64_t(mesh.indices[t + std::size_t(e)]) << 32 | mesh.indices[t + std::size_t((e + 1) % 3)]);
  std::sort(directed.begin(), directed.end());
  std::vector<char> near(count, 0);
  for (std::uint64_t k : directed) {
    const std::uint64_t back = (k & 0xffffffffu) << 32 | (k >> 32);
    if (std::binary_search(directed.begin(), directed.end(), back)) continue;
    for (std::uint32_t v : {std::uint32_t(k >> 32), std::uint32_t(k & 0xffffffffu)}) {
      const std::size_t s = layer_of[v];
      for (std::size_t n = s == 0 ? 0 : s - 1; n <= std::min(count - 1, s + 1); ++n) near[n] = 1;
    }
  }
  return near;
}

} // namespace

// Moller-Trumbore, restricted to the open segment and the triangle's interior.
static bool segment_hits_triangle(const glm::vec3& p, const glm::vec3& q, const glm::vec3& a, const glm::vec3& b,
                                  const glm::vec3& c) {
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

bool triangles_cross(const glm::vec3& a0, const glm::vec3& a1, const glm::vec3& a2, const glm::vec3& b0, const glm::vec3& b1,
                     const glm::vec3& b2) {
  return segment_hits_triangle(a0, a1, b0, b1, b2) || segment_hits_triangle(a1, a2, b0, b1, b2) ||
         segment_hits_triangle(a2, a0, b0, b1, b2) || segment_hits_triangle(b0, b1, a0, a1, a2) ||
         segment_hits_triangle(b1, b2, a0, a1, a2) || segment_hits_triangle(b2, b0, a0, a1, a2);
}

unsigned default_threads() { return std::max(1u, std::min(2u, std::thread::hardware_concurrency())); }

Mesh polygonise(const Field& field, float cell, unsigned threads) {
  if (threads == 0) threads = default_threads();
  // Fields built from approximate distances can understate how close the
  // surface is; a hole in the result means a block was skipped wrongly, so
  // the layers round it look again with a wider margin. A layer's mesh
  // depends only on its own factor, and one without a wrongly skipped block
  // is the same at any factor, so the result is the one a whole pass at the
  // widest factor used gives, unless a block skipped wrongly in a layer away
  // from every hole left no hole (a whole piece smaller than the block
  // vanished), which a whole pass found only when a hole elsewhere widened
  // every layer; the bundled atlas comes out byte for byte as with whole
  // passes. A pass over every layer for each factor had taken three passes
  // over extensor digitorum longus, a seventh of the generation
  // (docs/PERFORMANCE.md).
  Layers layers = make_layers(field, cell);
  std::vector<std::size_t> which(layers.slabs.size());
  for (std::size_t s = 0; s < which.size(); ++s) which[s] = s;
  std::vector<std::uint32_t> layer_of;
  for (;;) {
    polygonise_layers(field, layers, which, threads);
    Mesh mesh = join_layers(layers, layer_of);
    if (check_mesh(mesh).boundary_edges == 0) return mesh;
    const std::vector<char> near = layers_round_holes(mesh, layer_of, layers.slabs.size());
    which.clear();
    for (std::size_t s = 0; s < near.size(); ++s)
      if (near[s] && layers.step[s] + 1 < int(kReachFactors.size())) {
        ++layers.step[s];
        which.push_back(s);
      }
    if (which.empty()) return mesh; // every layer round a hole already skips nothing
  }
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
  auto key = [](int x, int y, int z) {
    return (std::uint64_t(std::uint32_t(x + 100000)) << 40) ^ (std::uint64_t(std::uint32_t(y + 100000)) << 20) ^
           std::uint64_t(std::uint32_t(z + 100000));
  };
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
