#include "core/motion/skin_settle.hpp"

#include "core/document/scene.hpp"
#include "core/parallel.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace crus::motion {

namespace {

constexpr int kStretchSweeps = 24;
constexpr int kCoverRings = 6; // the push fades over this many rings of neighbours
constexpr int kWalkSteps = 256;
// Rounds of cover, folds and stretch. Pushed skin can bring another vertex
// nearest the tissue. Covers run back to back, without the fold pass between
// them, deepened the fold behind the bent knee (three: 8.7 mm out); with it,
// two rounds leave nothing more than a millimetre out at knee 120 and fewer
// folds at knee 90 than one (0-8 folded edges against 4-12). A third round
// covered no more (4-11 folded at knee 120 against 8-12) for another walk of
// every tissue point. Two covers back to back, the fold pass only after
// both, left the lateral head 5.5 mm out.
constexpr int kCoverRounds = 2;
constexpr float kThin = 0.0015f; // tissue vertices kept: one per voxel this size (m)
constexpr int kFullRings = 2;    // rings round the nearest vertex that take its whole push
// The fold pass (settle_skin, after each cover): where the skin folded over itself
// behind the bent knee, it is smoothed, outwards only.
constexpr float kHalfPi = 1.5707964f;
constexpr int kFoldRings = 3;   // rings round a fold relaxed whole (and as many again fading)
constexpr int kFoldSweeps = 20; // smoothing sweeps per round
constexpr int kFoldRounds = 4;  // rounds of finding folds and relaxing them
// The skin's top is the cut across the thigh, rounded over a centimetre:
// relaxed whole from kCutFree below it, held within kCutHeld of it.
constexpr float kCutFree = 0.030f, kCutHeld = 0.012f;

// A uniform grid of points for nearest-point queries at bind time.
class PointGrid {
public:
  PointGrid(const std::vector<glm::vec3>& points, const std::vector<std::uint32_t>& ids, float cell)
      : points_(points), cell_(cell) {
    if (ids.empty()) return;
    lo_ = hi_ = points[ids.front()];
    for (std::uint32_t i : ids) {
      lo_ = glm::min(lo_, points[i]);
      hi_ = glm::max(hi_, points[i]);
    }
    for (int a = 0; a < 3; ++a) dims_[a] = std::max(1, static_cast<int>(std::floor((hi_[a] - lo_[a]) / cell_)) + 1);
    start_.assign(
        static_cast<std::size_t>(dims_[0]) * static_cast<std::size_t>(dims_[1]) * static_cast<std::size_t>(dims_[2]) + 1, 0);
    for (std::uint32_t i : ids) ++start_[index(clamped(points[i])) + 1];
    for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
    ids_.resize(ids.size());
    std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
    for (std::uint32_t i : ids) ids_[fill[index(clamped(points[i]))]++] = i;
  }

  // The nearest point within `reach`, or -1.
  std::int64_t nearest(const glm::vec3& p, float reach) const {
    if (ids_.empty()) return -1;
    const glm::vec3 outside = glm::max(glm::max(lo_ - p, p - hi_), glm::vec3(0.0f));
    if (glm::length(outside) > reach) return -1;
    int c[3];
    for (int a = 0; a < 3; ++a) c[a] = static_cast<int>(std::floor((p[a] - lo_[a]) / cell_));
    const int rings = static_cast<int>(std::ceil(reach / cell_)) + 1;
    float best2 = reach * reach;
    std::int64_t best = -1;
    for (int k = 0; k <= rings; ++k) {
      const float gap = static_cast<float>(k - 1) * cell_;
      if (k > 0 && gap > 0.0f && gap * gap > best2) break;
      for (int x = c[0] - k; x <= c[0] + k; ++x)
        for (int y = c[1] - k; y <= c[1] + k; ++y)
          for (int z = c[2] - k; z <= c[2] + k; ++z) {
            if (std::max({std::abs(x - c[0]), std::abs(y - c[1]), std::abs(z - c[2])}) != k) continue;
            if (x < 0 || y < 0 || z < 0 || x >= dims_[0] || y >= dims_[1] || z >= dims_[2]) continue;
            const int cc[3] = {x, y, z};
            const std::size_t cell = index(cc);
            for (std::uint32_t i = start_[cell]; i < start_[cell + 1]; ++i) {
              const glm::vec3 d = points_[ids_[i]] - p;
              const float d2 = glm::dot(d, d);
              if (d2 < best2) {
                best2 = d2;
                best = ids_[i];
              }
            }
          }
    }
    return best;
  }

private:
  std::array<int, 3> clamped(const glm::vec3& p) const {
    std::array<int, 3> c{};
    for (int a = 0; a < 3; ++a) c[a] = std::clamp(static_cast<int>(std::floor((p[a] - lo_[a]) / cell_)), 0, dims_[a] - 1);
    return c;
  }
  std::size_t index(const std::array<int, 3>& c) const { return index(c.data()); }
  std::size_t index(const int* c) const {
    return (static_cast<std::size_t>(c[0]) * static_cast<std::size_t>(dims_[1]) + static_cast<std::size_t>(c[1])) *
               static_cast<std::size_t>(dims_[2]) +
           static_cast<std::size_t>(c[2]);
  }
  const std::vector<glm::vec3>& points_;
  float cell_;
  glm::vec3 lo_{0.0f}, hi_{0.0f};
  int dims_[3] = {1, 1, 1};
  std::vector<std::uint32_t> start_, ids_;
};

// Area-weighted normal of vertex v from its triangles; `fallback` when they
// have no area.
glm::vec3 vertex_normal(const SkinSettle& s, const Mesh& m, std::uint32_t v, const glm::vec3& fallback) {
  glm::vec3 n(0.0f);
  for (std::uint32_t k = s.tri_start[v]; k < s.tri_start[v + 1]; ++k) {
    const std::size_t t = static_cast<std::size_t>(s.tris[k]) * 3;
    const glm::vec3& a = m.positions[m.indices[t]];
    n += glm::cross(m.positions[m.indices[t + 1]] - a, m.positions[m.indices[t + 2]] - a);
  }
  const float len = glm::length(n);
  return len > 1e-12f ? n / len : fallback;
}

} // namespace

SkinSettle bind_skin_settle(const Scene& rest, std::size_t skin, const std::vector<std::size_t>& structures,
                            const CancelToken* cancel, float reach) {
  SkinSettle out;
  if (skin >= rest.structures.size()) return out;
  const Mesh& m = rest.structures[skin].mesh;
  const auto nv = static_cast<std::uint32_t>(m.positions.size());
  if (nv == 0 || m.indices.empty()) return out;
  out.skin = skin;

  // Seams: vertices at the same place (to a micrometre) are one.
  out.rep.resize(nv);
  std::unordered_map<std::uint64_t, std::uint32_t> at;
  for (std::uint32_t v = 0; v < nv; ++v) {
    const glm::vec3 q = glm::round(m.positions[v] * 1e6f);
    const auto key = (static_cast<std::uint64_t>(static_cast<std::int64_t>(q.x) & 0x1fffff) << 42) |
                     (static_cast<std::uint64_t>(static_cast<std::int64_t>(q.y) & 0x1fffff) << 21) |
                     static_cast<std::uint64_t>(static_cast<std::int64_t>(q.z) & 0x1fffff);
    out.rep[v] = at.emplace(key, v).first->second;
  }

  // Edges between representatives, each once, then each one's ring.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  edges.reserve(m.indices.size() * 2);
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
    for (std::size_t e = 0; e < 3; ++e) {
      const std::uint32_t a = m.indices[t + e], b = m.indices[t + (e + 1) % 3];
      if (a >= nv || b >= nv) continue;
      const std::uint32_t ra = out.rep[a], rb = out.rep[b];
      if (ra == rb) continue;
      edges.emplace_back(ra, rb);
      edges.emplace_back(rb, ra);
    }
  if (cancelled(cancel)) return out;
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  if (cancelled(cancel)) return out;
  out.ring_start.assign(nv + 1, 0);
  for (const auto& e : edges) ++out.ring_start[e.first + 1];
  for (std::uint32_t v = 0; v < nv; ++v) out.ring_start[v + 1] += out.ring_start[v];
  out.ring.resize(edges.size());
  out.ring_rest.resize(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) { // sorted by first: already in CSR order
    out.ring[i] = edges[i].second;
    out.ring_rest[i] = glm::length(m.positions[edges[i].first] - m.positions[edges[i].second]);
  }

  out.tri_start.assign(nv + 1, 0);
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
    for (std::size_t e = 0; e < 3; ++e)
      if (m.indices[t + e] < nv) ++out.tri_start[m.indices[t + e] + 1];
  for (std::uint32_t v = 0; v < nv; ++v) out.tri_start[v + 1] += out.tri_start[v];
  out.tris.resize(out.tri_start[nv]);
  {
    std::vector<std::uint32_t> fill(out.tri_start.begin(), out.tri_start.end() - 1);
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      const bool inside = m.indices[t] < nv && m.indices[t + 1] < nv && m.indices[t + 2] < nv;
      for (std::size_t e = 0; e < 3; ++e)
        if (m.indices[t + e] < nv) out.tris[fill[m.indices[t + e]]++] = inside ? static_cast<std::uint32_t>(t / 3) : 0;
    }
  }

  // Hinges: the edges shared by exactly two triangles, with their rest turn.
  {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> sides; // (edge key, triangle)
    sides.reserve(m.indices.size());
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      if (m.indices[t] >= nv || m.indices[t + 1] >= nv || m.indices[t + 2] >= nv) continue;
      for (std::size_t e = 0; e < 3; ++e) {
        const std::uint32_t a = out.rep[m.indices[t + e]], b = out.rep[m.indices[t + (e + 1) % 3]];
        sides.emplace_back((static_cast<std::uint64_t>(std::min(a, b)) << 32) | std::max(a, b),
                           static_cast<std::uint32_t>(t / 3));
      }
    }
    std::sort(sides.begin(), sides.end());
    for (std::size_t i = 0; i < sides.size();) {
      std::size_t j = i + 1;
      while (j < sides.size() && sides[j].first == sides[i].first) ++j;
      if (j - i == 2) out.hinges.push_back({sides[i].second, sides[i + 1].second, 0.0f});
      i = j;
    }
    for (SkinSettle::Hinge& h : out.hinges) {
      // Turned more than 90 degrees at rest: it cannot turn 90 more.
      const float rest = std::acos(std::clamp(glm::dot(triangle_normal(m, h.a), triangle_normal(m, h.b)), -1.0f, 1.0f));
      h.folded_below = rest > kHalfPi ? -2.0f : -std::sin(rest);
    }
    // The skin's top is the cut across the thigh, rounded over a centimetre:
    // relaxing that lip flattened it into bumps, so it is held.
    const float top = bounds(m).max.y;
    out.free.resize(nv);
    for (std::uint32_t v = 0; v < nv; ++v) out.free[v] = 1.0f - glm::smoothstep(top - kCutFree, top - kCutHeld, m.positions[v].y);
  }
  if (cancelled(cancel)) return out;

  // The tissue near the skin, each vertex with its nearest skin vertex at
  // rest and how far above (or below) that vertex's tangent plane it lies.
  std::vector<std::uint32_t> reps;
  for (std::uint32_t v = 0; v < nv; ++v)
    if (out.rep[v] == v && out.ring_start[v + 1] > out.ring_start[v]) reps.push_back(v);
  const PointGrid grid(m.positions, reps, 0.006f);
  std::unordered_map<std::uint64_t, std::pair<std::size_t, float>> voxel; // thinning: kept tissue entry and its height
  for (std::size_t si : structures) {
    if (si >= rest.structures.size() || si == skin) continue;
    const Mesh& tm = rest.structures[si].mesh;
    for (std::size_t v = 0; v < tm.positions.size(); ++v) {
      if (cancelled_at(cancel, v)) return out;
      const glm::vec3& p = tm.positions[v];
      const std::int64_t s = grid.nearest(p, reach);
      if (s < 0) continue;
      const auto sv = static_cast<std::uint32_t>(s);
      // The normal posing carries (the mesh's own), as settle_skin reads it.
      const glm::vec3 n = m.normals.size() == nv ? m.normals[sv] : vertex_normal(out, m, sv, glm::vec3(0.0f));
      if (glm::dot(n, n) < 0.5f) continue;
      const float h = glm::dot(p - m.positions[sv], n);
      // One vertex per kThin voxel of each structure, the one nearest the
      // skin's surface at rest: a finer atlas costs no more to settle.
      const glm::ivec3 c(glm::floor(p / kThin));
      const auto key = (static_cast<std::uint64_t>(si) << 48) ^ (static_cast<std::uint64_t>(c.x & 0xffff) << 32) ^
                       (static_cast<std::uint64_t>(c.y & 0xffff) << 16) ^ static_cast<std::uint64_t>(c.z & 0xffff);
      const SkinSettle::Tissue t{static_cast<std::uint32_t>(si), static_cast<std::uint32_t>(v), sv, std::max(-kMargin, h)};
      const auto [it, fresh] = voxel.emplace(key, std::make_pair(out.tissue.size(), h));
      if (fresh) {
        out.tissue.push_back(t);
      } else if (h > it->second.second) {
        out.tissue[it->second.first] = t;
        it->second.second = h;
      }
    }
  }
  return out;
}

namespace {
// Where one tissue point stands against the skin: the skin vertex nearest
// it (a walk over the skin's edges from the one nearest at rest) and how
// far past that vertex's normal, less what it may, the point lies.
struct Walk {
  std::uint32_t vertex = 0;
  float excess = 0.0f;
  glm::vec3 normal{0.0f};
};
constexpr std::size_t kWalkBlock = 1024; // tissue points per block of work

Walk walk_to_skin(const SkinSettle& s, const Mesh& m, const SkinSettle::Tissue& t, const Scene& posed) {
  const Mesh& tm = posed.structures[t.structure].mesh;
  if (t.vertex >= tm.positions.size()) return {};
  const std::vector<glm::vec3>& x = m.positions;
  const glm::vec3& p = tm.positions[t.vertex];
  std::uint32_t v = t.skin_vertex;
  glm::vec3 d = x[v] - p;
  float best = glm::dot(d, d);
  for (int step = 0; step < kWalkSteps; ++step) {
    std::uint32_t next = v;
    for (std::uint32_t k = s.ring_start[v]; k < s.ring_start[v + 1]; ++k) {
      d = x[s.ring[k]] - p;
      const float d2 = glm::dot(d, d);
      if (d2 < best) {
        best = d2;
        next = s.ring[k];
      }
    }
    if (next == v) break;
    v = next;
  }
  const glm::vec3 n = m.normals.size() == x.size() ? m.normals[v] : vertex_normal(s, m, v, glm::vec3(0.0f));
  return {v, glm::dot(p - x[v], n) - t.allowed, n};
}
} // namespace

void settle_skin(const SkinSettle& s, const Scene& rest, Scene& posed) {
  if (s.skin >= posed.structures.size() || s.skin >= rest.structures.size()) return;
  Mesh& m = posed.structures[s.skin].mesh;
  const auto nv = static_cast<std::uint32_t>(m.positions.size());
  if (nv != s.rep.size() || rest.structures[s.skin].mesh.positions.size() != nv) return;
  std::vector<glm::vec3>& x = m.positions;
  // What each pass moves, listed once per pass: its normals (and its
  // neighbours') are remade after it.
  std::vector<int> moved(nv, -1); // the last pass that moved the vertex
  int pass = 0;
  std::vector<std::uint32_t> touched;
  auto touch = [&](std::uint32_t v) {
    if (moved[v] != pass) {
      moved[v] = pass;
      touched.push_back(v);
    }
  };

  // 1. Stretch: shorten every edge past kMaxStretch, both ends halfway.
  auto unstretch = [&]() {
    std::vector<std::uint32_t> hot;
    std::vector<char> in(nv, 0);
    for (std::uint32_t v = 0; v < nv; ++v)
      for (std::uint32_t k = s.ring_start[v]; k < s.ring_start[v + 1]; ++k) {
        const float lim = kMaxStretch * s.ring_rest[k];
        const glm::vec3 d = x[s.ring[k]] - x[v];
        if (glm::dot(d, d) > lim * lim && !in[v]) {
          in[v] = 1;
          hot.push_back(v);
        }
      }
    for (int sweep = 0; sweep < kStretchSweeps && !hot.empty(); ++sweep) {
      bool any = false;
      for (std::size_t i = 0; i < hot.size(); ++i) {
        const std::uint32_t v = hot[i];
        for (std::uint32_t k = s.ring_start[v]; k < s.ring_start[v + 1]; ++k) {
          const std::uint32_t u = s.ring[k];
          // Slightly inside the limit, so a sweep's last moves do not leave
          // the edge a hair over it.
          const float lim = 0.98f * kMaxStretch * s.ring_rest[k];
          const glm::vec3 d = x[u] - x[v];
          const float len = glm::length(d);
          if (len <= kMaxStretch * s.ring_rest[k] * (sweep == 0 ? 1.0f : 0.99f) || len <= 0.0f) continue;
          const glm::vec3 c = 0.5f * (len - lim) / len * d;
          x[v] += c;
          x[u] -= c;
          any = true;
          touch(v);
          touch(u);
          if (!in[u]) {
            in[u] = 1;
            hot.push_back(u);
          }
        }
      }
      if (!any) break;
    }
  };
  unstretch();

  // Normals of what a pass moved (from `touched[from]` on) and of their
  // neighbours: the stretch pass's, for the cover's directions.
  // Each vertex once (a stamp per call, not a sort): a vertex's normal reads
  // the positions and its own old normal alone, so the order does not matter.
  std::vector<std::uint32_t> remade(nv, 0);
  std::uint32_t remake_call = 0;
  auto remake_normals = [&](std::size_t from) {
    if (m.normals.size() != nv) return;
    ++remake_call;
    auto remake = [&](std::uint32_t v) {
      if (remade[v] == remake_call) return;
      remade[v] = remake_call;
      m.normals[v] = vertex_normal(s, m, v, m.normals[v]);
    };
    for (std::size_t i = from; i < touched.size(); ++i) {
      const std::uint32_t v = touched[i];
      remake(v);
      for (std::uint32_t k = s.ring_start[v]; k < s.ring_start[v + 1]; ++k) remake(s.ring[k]);
    }
  };
  // Seams: the duplicates of a representative go where it went.
  auto follow_reps = [&]() {
    for (std::uint32_t v = 0; v < nv; ++v)
      if (s.rep[v] != v) x[v] = x[s.rep[v]];
  };
  follow_reps();
  remake_normals(0);

  // 3. Folds (after each cover): where two triangles turned against each
  // other by more than 90 degrees beyond their rest angle, the skin round them
  // is smoothed (umbrella steps, full weight over kFoldRings rings, fading
  // over as many more), and only outwards: a step's inward part along the
  // vertex normal is dropped, so the skin fills the crease instead of folding
  // and never sinks back into the tissue the cover pass has just covered. Smoothed in both directions it folded less but let the
  // gastrocnemius 3.5 to 5.7 mm out through the skin at knee 120; run before
  // the first cover as well, it tore the cut at the thigh.
  auto relax_folds = [&]() {
    std::vector<glm::vec3> normals(m.indices.size() / 3);
    for (int round = 0; round < kFoldRounds; ++round) {
      std::vector<float> w(nv, -1.0f); // negative: not in the region
      std::vector<std::uint32_t> region;
      for (std::size_t t = 0; t < normals.size(); ++t) normals[t] = triangle_normal(m, static_cast<std::uint32_t>(t));
      for (const SkinSettle::Hinge& h : s.hinges) {
        if (glm::dot(normals[h.a], normals[h.b]) >= h.folded_below) continue;
        for (std::uint32_t t : {h.a, h.b})
          for (std::size_t c = 0; c < 3; ++c) {
            const std::uint32_t v = s.rep[m.indices[static_cast<std::size_t>(t) * 3 + c]];
            if (w[v] < 0.0f) region.push_back(v);
            w[v] = s.free[v];
          }
      }
      if (region.empty()) return;
      // Full weight over kFoldRings rings round the fold, fading over as many again.
      for (int r = 0; r < 2 * kFoldRings; ++r) {
        const float wr =
            r < kFoldRings ? 1.0f : 1.0f - static_cast<float>(r - kFoldRings + 1) / static_cast<float>(kFoldRings + 1);
        const std::size_t n = region.size();
        for (std::size_t i = 0; i < n; ++i)
          for (std::uint32_t k = s.ring_start[region[i]]; k < s.ring_start[region[i] + 1]; ++k) {
            const std::uint32_t u = s.ring[k];
            if (w[u] < 0.0f) {
              w[u] = wr * s.free[u];
              region.push_back(u);
            }
          }
      }
      std::vector<glm::vec3> next(region.size());
      for (int sweep = 0; sweep < kFoldSweeps; ++sweep) {
        for (std::size_t i = 0; i < region.size(); ++i) {
          const std::uint32_t v = region[i];
          glm::vec3 sum(0.0f);
          for (std::uint32_t k = s.ring_start[v]; k < s.ring_start[v + 1]; ++k) sum += x[s.ring[k]];
          const std::uint32_t count = s.ring_start[v + 1] - s.ring_start[v];
          glm::vec3 step = count ? 0.5f * w[v] * (sum / static_cast<float>(count) - x[v]) : glm::vec3(0.0f);
          if (m.normals.size() == nv) step -= std::min(0.0f, glm::dot(step, m.normals[v])) * m.normals[v];
          next[i] = x[v] + step;
        }
        for (std::size_t i = 0; i < region.size(); ++i) x[region[i]] = next[i];
      }
      for (std::uint32_t v : region) touch(v);
      follow_reps();
    }
  };

  // 2. Cover: the push each skin vertex needs to lie kMargin over the
  // tissue nearest it (no nearer than at rest), along its normal.
  std::vector<glm::vec3> push(nv);
  std::vector<float> size(nv);
  std::vector<std::uint32_t> pushed;
  std::vector<Walk> walks;
  auto cover_round = [&]() -> bool {
    std::fill(push.begin(), push.end(), glm::vec3(0.0f));
    std::fill(size.begin(), size.end(), 0.0f);
    pushed.clear();
    // Each tissue point's walk reads the skin and writes only its own
    // result, so the walks are shared out among threads in blocks; the
    // results are then taken in the tissue's order, as one thread would.
    walks.resize(s.tissue.size());
    const std::size_t blocks = (s.tissue.size() + kWalkBlock - 1) / kWalkBlock;
    parallel_for(blocks, [&](std::size_t block, std::size_t) {
      const std::size_t end = std::min(s.tissue.size(), (block + 1) * kWalkBlock);
      for (std::size_t i = block * kWalkBlock; i < end; ++i) walks[i] = walk_to_skin(s, m, s.tissue[i], posed);
    });
    for (const Walk& w : walks) {
      if (w.excess <= 1e-5f) continue; // rounding at rest is no push
      const std::uint32_t v = w.vertex;
      if (size[v] == 0.0f) pushed.push_back(v);
      if (w.excess > size[v]) {
        size[v] = w.excess;
        push[v] = w.excess * w.normal;
      }
    }
    if (pushed.empty()) return false;
    {
      ++pass;
      const std::size_t from = touched.size();
      // The push is a displacement, spread as one: the nearest vertex's
      // neighbours take it whole (the tissue point lies over one of its
      // triangles), then it fades ring by ring, each vertex keeping the larger
      // of its own and its neighbours' mean. Spread as a vector, not as a
      // depth along each vertex's own normal, so a sharp fold of the skin is
      // not torn open by its two sides moving apart.
      std::vector<char> in(nv, 0);
      std::vector<std::uint32_t> region;
      auto add = [&](std::uint32_t v) {
        if (!in[v]) {
          in[v] = 1;
          region.push_back(v);
        }
      };
      for (std::uint32_t v : pushed) add(v);
      for (int r = 0; r < kFullRings; ++r) {
        const std::vector<glm::vec3> held(push);
        const std::size_t n = region.size();
        for (std::size_t i = 0; i < n; ++i) {
          const std::uint32_t v = region[i];
          const float sv = glm::dot(held[v], held[v]);
          for (std::uint32_t k = s.ring_start[v]; k < s.ring_start[v + 1]; ++k) {
            const std::uint32_t u = s.ring[k];
            if (sv > glm::dot(push[u], push[u])) push[u] = held[v];
            add(u);
          }
        }
      }
      std::vector<glm::vec3> next;
      for (int r = 0; r < kCoverRings; ++r) {
        const std::size_t n = region.size();
        for (std::size_t i = 0; i < n; ++i)
          for (std::uint32_t k = s.ring_start[region[i]]; k < s.ring_start[region[i] + 1]; ++k) add(s.ring[k]);
        next.resize(region.size());
        for (std::size_t i = 0; i < region.size(); ++i) {
          const std::uint32_t v = region[i];
          glm::vec3 sum(0.0f);
          for (std::uint32_t k = s.ring_start[v]; k < s.ring_start[v + 1]; ++k) sum += push[s.ring[k]];
          const std::uint32_t count = s.ring_start[v + 1] - s.ring_start[v];
          const glm::vec3 mean = count ? sum / static_cast<float>(count) : glm::vec3(0.0f);
          next[i] = glm::dot(mean, mean) > glm::dot(push[v], push[v]) ? mean : push[v];
        }
        for (std::size_t i = 0; i < region.size(); ++i) push[region[i]] = next[i];
      }
      for (std::uint32_t v : region) {
        if (glm::dot(push[v], push[v]) <= 0.0f) continue;
        x[v] += push[v];
        touch(v);
      }
      follow_reps();
      remake_normals(from);
    }
    return true;
  };
  // Each round: the cover, then the folds it and the skinning left, then the
  // stretch at the rim of a push. One round left the medial gastrocnemius
  // head 4 mm out through the skin in the crease at knee 120 (its push, along
  // one vertex's normal, lands beside a vertex that took less of it, and the
  // stretch pass pulls the rim back in); the second round's push starts from
  // the relaxed skin and covers it.
  for (int round = 0; round < kCoverRounds; ++round) {
    if (!cover_round() && round > 0) break;
    ++pass;
    const std::size_t from = touched.size();
    relax_folds();
    unstretch();
    follow_reps();
    remake_normals(from);
  }
  if (touched.empty()) return;
  // A duplicate at a seam keeps the normal of its own triangles.
  if (m.normals.size() == nv)
    for (std::uint32_t v = 0; v < nv; ++v)
      if (s.rep[v] != v && moved[s.rep[v]] >= 0) m.normals[v] = vertex_normal(s, m, v, m.normals[v]);
  posed.structures[s.skin].box = bounds(m);
  posed.box.min = glm::min(posed.box.min, posed.structures[s.skin].box.min);
  posed.box.max = glm::max(posed.box.max, posed.structures[s.skin].box.max);
}

} // namespace crus::motion
