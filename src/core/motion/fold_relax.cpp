#include "core/motion/fold_relax.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace crus::motion {

namespace {
constexpr float kHalfPi = 1.5707964f;
} // namespace

FoldRelax bind_fold_relax(const Mesh& rest, std::vector<float> free) {
  FoldRelax out;
  const auto nv = static_cast<std::uint32_t>(rest.positions.size());
  if (free.size() != nv || rest.indices.size() < 3) return out;
  const std::size_t nt = rest.indices.size() / 3;
  for (std::uint32_t i : rest.indices)
    if (i >= nv) return out;
  auto touches_free = [&](std::size_t t) {
    return free[rest.indices[3 * t]] > 0.0f || free[rest.indices[3 * t + 1]] > 0.0f || free[rest.indices[3 * t + 2]] > 0.0f;
  };
  // The triangles near a free vertex: those touching one, and their
  // neighbours by a vertex (a free vertex's ring and triangles are whole).
  std::vector<char> near(nv, 0);
  for (std::size_t t = 0; t < nt; ++t)
    if (touches_free(t))
      for (std::size_t c = 0; c < 3; ++c) near[rest.indices[3 * t + c]] = 1;

  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> sides; // (edge key, triangle)
  out.tri_start.assign(nv + 1, 0);
  for (std::size_t t = 0; t < nt; ++t) {
    const std::uint32_t* v = &rest.indices[3 * t];
    if (!near[v[0]] && !near[v[1]] && !near[v[2]]) continue;
    for (std::size_t e = 0; e < 3; ++e) {
      const std::uint32_t a = v[e], b = v[(e + 1) % 3];
      if (free[a] > 0.0f) edges.emplace_back(a, b);
      if (free[b] > 0.0f) edges.emplace_back(b, a);
      if (near[a]) ++out.tri_start[a + 1];
      sides.emplace_back((static_cast<std::uint64_t>(std::min(a, b)) << 32) | std::max(a, b), static_cast<std::uint32_t>(t));
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  out.ring_start.assign(nv + 1, 0);
  for (const auto& e : edges) ++out.ring_start[e.first + 1];
  for (std::uint32_t v = 0; v < nv; ++v) out.ring_start[v + 1] += out.ring_start[v];
  out.ring.resize(edges.size());
  out.ring_rest.resize(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) { // sorted by first: CSR order
    out.ring[i] = edges[i].second;
    out.ring_rest[i] = glm::length(rest.positions[edges[i].first] - rest.positions[edges[i].second]);
  }

  for (std::uint32_t v = 0; v < nv; ++v) out.tri_start[v + 1] += out.tri_start[v];
  out.tris.resize(out.tri_start[nv]);
  {
    std::vector<std::uint32_t> fill(out.tri_start.begin(), out.tri_start.end() - 1);
    for (std::size_t t = 0; t < nt; ++t) {
      const std::uint32_t* v = &rest.indices[3 * t];
      if (!near[v[0]] && !near[v[1]] && !near[v[2]]) continue;
      for (std::size_t c = 0; c < 3; ++c)
        if (near[v[c]]) out.tris[fill[v[c]]++] = static_cast<std::uint32_t>(t);
    }
  }

  std::sort(sides.begin(), sides.end());
  for (std::size_t i = 0; i < sides.size();) {
    std::size_t j = i + 1;
    while (j < sides.size() && sides[j].first == sides[i].first) ++j;
    if (j - i == 2 && (touches_free(sides[i].second) || touches_free(sides[i + 1].second))) {
      const float r = std::acos(
          std::clamp(glm::dot(triangle_normal(rest, sides[i].second), triangle_normal(rest, sides[i + 1].second)), -1.0f, 1.0f));
      // Turned more than 90 degrees at rest: it cannot turn 90 more.
      out.hinges.push_back({sides[i].second, sides[i + 1].second, r > kHalfPi ? -2.0f : -std::sin(r)});
    }
    i = j;
  }
  for (const FoldRelax::Hinge& h : out.hinges) out.hinge_triangles.insert(out.hinge_triangles.end(), {h.a, h.b});
  std::sort(out.hinge_triangles.begin(), out.hinge_triangles.end());
  out.hinge_triangles.erase(std::unique(out.hinge_triangles.begin(), out.hinge_triangles.end()), out.hinge_triangles.end());
  out.index_count = rest.indices.size();
  out.free = std::move(free);
  return out;
}

int relax_folds(const FoldRelax& relax, Mesh& m, FoldScratch& s, const FoldRelaxOptions& options) {
  const auto nv = static_cast<std::uint32_t>(m.positions.size());
  if (relax.empty() || relax.free.size() != nv || m.indices.size() != relax.index_count) return 0;
  std::vector<glm::vec3>& x = m.positions;
  s.face_normals.resize(m.indices.size() / 3);
  s.weight.assign(nv, -1.0f); // negative: not in the region
  s.seen.assign(nv, -1);      // the last round that reached the vertex
  s.region.clear();
  int first = 0;
  for (int round = 0; round < options.rounds; ++round) {
    for (std::uint32_t t : relax.hinge_triangles) s.face_normals[t] = triangle_normal(m, t);
    // This round's folds: their vertices take their whole freedom, and
    // the rings round them are reached from them afresh, so a fold found
    // again at the faded rim of an earlier round's region gets full rings.
    s.front.clear();
    int folded = 0;
    for (const FoldRelax::Hinge& h : relax.hinges) {
      if (glm::dot(s.face_normals[h.a], s.face_normals[h.b]) >= h.folded_below) continue;
      ++folded;
      for (std::uint32_t t : {h.a, h.b})
        for (std::size_t c = 0; c < 3; ++c) {
          const std::uint32_t v = m.indices[static_cast<std::size_t>(t) * 3 + c];
          if (relax.free[v] <= 0.0f || s.seen[v] == round) continue;
          s.seen[v] = round;
          if (s.weight[v] < 0.0f) s.region.push_back(v);
          s.weight[v] = relax.free[v];
          s.front.push_back(v);
        }
    }
    if (round == 0) first = folded;
    if (folded == 0) break;
    // Full weight over `rings` rings round the folds, fading over as many again.
    std::size_t ring_from = 0;
    for (int r = 0; r < 2 * options.rings; ++r) {
      const float wr =
          r < options.rings ? 1.0f : 1.0f - static_cast<float>(r - options.rings + 1) / static_cast<float>(options.rings + 1);
      const std::size_t n = s.front.size();
      for (std::size_t i = ring_from; i < n; ++i)
        for (std::uint32_t k = relax.ring_start[s.front[i]]; k < relax.ring_start[s.front[i] + 1]; ++k) {
          const std::uint32_t u = relax.ring[k];
          if (relax.free[u] <= 0.0f || s.seen[u] == round) continue;
          s.seen[u] = round;
          if (s.weight[u] < 0.0f) s.region.push_back(u);
          s.weight[u] = std::max(s.weight[u], wr * relax.free[u]);
          s.front.push_back(u);
        }
      ring_from = n;
    }
    s.next.resize(s.region.size());
    for (int sweep = 0; sweep < options.sweeps; ++sweep) {
      // Taubin's two steps: a smoothing step, then a smaller one back out,
      // so the region does not shrink as plain smoothing shrinks it.
      const float step = sweep % 2 == 0 ? options.smooth : options.inflate;
      for (std::size_t i = 0; i < s.region.size(); ++i) {
        const std::uint32_t v = s.region[i];
        glm::vec3 sum(0.0f);
        const std::uint32_t b = relax.ring_start[v], e = relax.ring_start[v + 1];
        for (std::uint32_t k = b; k < e; ++k) sum += x[relax.ring[k]];
        s.next[i] = e > b ? x[v] + step * s.weight[v] * (sum / static_cast<float>(e - b) - x[v]) : x[v];
      }
      for (std::size_t i = 0; i < s.region.size(); ++i) x[s.region[i]] = s.next[i];
    }
  }
  if (s.region.empty()) return first;
  // Smoothing next to vertices that are held (or free only in part) can
  // pull an edge out to several times its length: the edges of what moved
  // are shortened towards `max_stretch` times their rest length, their ends
  // moved by their freedom (a held end stays). A free neighbour moved so
  // joins what moved, and its own edges are looked at in the next sweep.
  for (int sweep = 0; sweep < options.stretch_sweeps; ++sweep) {
    bool any = false;
    for (std::size_t i = 0; i < s.region.size(); ++i) {
      const std::uint32_t v = s.region[i];
      for (std::uint32_t k = relax.ring_start[v]; k < relax.ring_start[v + 1]; ++k) {
        const std::uint32_t u = relax.ring[k];
        const glm::vec3 d = x[u] - x[v];
        const float len = glm::length(d), lim = options.max_stretch * relax.ring_rest[k];
        if (len <= lim || len <= 0.0f) continue;
        const float fv = relax.free[v], fu = relax.free[u]; // fv > 0: v has a ring
        const glm::vec3 c = (len - 0.98f * lim) / len * d / (fv + fu);
        x[v] += fv * c;
        x[u] -= fu * c;
        any = true;
        if (fu > 0.0f && s.weight[u] < 0.0f) {
          s.weight[u] = 0.0f;
          s.region.push_back(u);
        }
      }
    }
    if (!any) break;
  }
  // Normals of what moved and of its neighbours, from their triangles.
  if (m.normals.size() == nv) {
    const std::size_t moved = s.region.size();
    for (std::size_t i = 0; i < moved; ++i) {
      const std::uint32_t v = s.region[i];
      for (std::uint32_t k = relax.ring_start[v]; k < relax.ring_start[v + 1]; ++k)
        if (s.weight[relax.ring[k]] < 0.0f) {
          s.weight[relax.ring[k]] = 0.0f;
          s.region.push_back(relax.ring[k]);
        }
    }
    for (const std::uint32_t v : s.region) {
      glm::vec3 sum(0.0f);
      for (std::uint32_t k = relax.tri_start[v]; k < relax.tri_start[v + 1]; ++k) {
        const std::size_t i = static_cast<std::size_t>(relax.tris[k]) * 3;
        const glm::vec3& a = x[m.indices[i]];
        sum += glm::cross(x[m.indices[i + 1]] - a, x[m.indices[i + 2]] - a); // area-weighted
      }
      const float l = glm::length(sum);
      if (l > 0.0f) m.normals[v] = sum / l;
    }
  }
  return first;
}

} // namespace crus::motion
