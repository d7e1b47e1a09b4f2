// Quadric-error edge collapse that keeps a closed 2-manifold closed and
// 2-manifold: every collapse must pass the link condition and may not flip
// or squash a triangle. meshoptimizer's simplifier is faster but can pinch
// thin parts into non-manifold edges, which the atlas does not allow.
#include "atlas/mesher.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <unordered_map>

namespace crus::atlas {

namespace {

struct Quadric {
  // Symmetric 4x4 matrix, upper triangle: a2 ab ac ad b2 bc bd c2 cd d2.
  std::array<double, 10> q{};
  void add_plane(const glm::dvec3& n, double d, double w) {
    const double a = n.x, b = n.y, c = n.z;
    const double v[10] = {a * a, a * b, a * c, a * d, b * b, b * c, b * d, c * c, c * d, d * d};
    for (int i = 0; i < 10; ++i) q[std::size_t(i)] += w * v[i];
  }
  void add(const Quadric& o) {
    for (int i = 0; i < 10; ++i) q[std::size_t(i)] += o.q[std::size_t(i)];
  }
  double error(const glm::dvec3& p) const {
    const double x = p.x, y = p.y, z = p.z;
    return q[0] * x * x + 2 * q[1] * x * y + 2 * q[2] * x * z + 2 * q[3] * x + q[4] * y * y + 2 * q[5] * y * z + 2 * q[6] * y +
           q[7] * z * z + 2 * q[8] * z + q[9];
  }
};

struct Candidate {
  double cost;
  std::uint32_t a, b;
  glm::vec3 target;
};

// What the queue holds of a candidate: its order (cost, then a, then b:
// total over the keys, and a key has at most one live entry, since each
// push carries new stamps, so the pops are deterministic) and the stamps
// that tell a stale entry. The target is worked out again when an entry is
// popped: with the stamps unchanged, a's and b's positions and quadrics are
// those it was computed from. 24 bytes instead of 40, in a four-way heap:
// the queue's memory traffic was about a third of the simplifier's time.
struct Queued {
  double cost;
  std::uint32_t a, b;
  std::uint32_t stamp_a, stamp_b;
  bool before(const Queued& o) const {
    if (cost != o.cost) return cost < o.cost;
    if (a != o.a) return a < o.a;
    return b < o.b;
  }
};

constexpr std::uint32_t kSwapped = 1u << 31; // stamps count collapses, far below 2^31

// A sweep's first candidates, every edge at once, are sorted into a run read
// front to back; the few pushed after each collapse go to a heap beside it,
// and each pop takes the lesser of the two fronts. The pops come in the same
// order as from one heap holding everything (the order is total over the
// keys, and of entries with equal keys at most one is live), but a sweep's
// hundreds of thousands of entries are no longer sifted through a heap far
// larger than the cache: the heap's pops had been about 45% of the
// simplifier's own time.
class CandidateQueue {
public:
  bool empty() const { return next_ == run_.size() && items_.empty(); }
  void clear() {
    items_.clear();
    run_.clear();
    next_ = 0;
  }
  // Replaces the run with `run`, sorted; the heap is left as it is.
  void load(std::vector<Queued>&& run) {
    run_ = std::move(run);
    next_ = 0;
    std::sort(run_.begin(), run_.end(), [](const Queued& x, const Queued& y) { return x.before(y); });
  }
  Queued pop() {
    if (next_ < run_.size() && (items_.empty() || !items_.front().before(run_[next_]))) return run_[next_++];
    return pop_heap();
  }
  void push(const Queued& q) {
    std::size_t i = items_.size();
    items_.push_back(q);
    while (i > 0) {
      const std::size_t parent = (i - 1) / 4;
      if (!q.before(items_[parent])) break;
      items_[i] = items_[parent];
      i = parent;
    }
    items_[i] = q;
  }

private:
  Queued pop_heap() {
    const Queued top = items_.front();
    const Queued last = items_.back();
    items_.pop_back();
    const std::size_t n = items_.size();
    if (n == 0) return top;
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = 4 * i + 1;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t end = std::min(first + 4, n);
      for (std::size_t c = first + 1; c < end; ++c)
        if (items_[c].before(items_[best])) best = c;
      if (!items_[best].before(last)) break;
      items_[i] = items_[best];
      i = best;
    }
    items_[i] = last;
    return top;
  }

  std::vector<Queued> items_; // a four-way heap
  std::vector<Queued> run_;   // sorted
  std::size_t next_ = 0;      // the run's front
};

// A triangle's bounding box: two triangles whose boxes do not meet cannot
// cross, so the crossing test is skipped for them. (In float the test could
// report a nearly coplanar pair whose boxes do not meet; such a false
// crossing no longer refuses a collapse. The bundled atlas did not change.)
struct Box {
  glm::vec3 lo, hi;
};
Box box_of(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  return {glm::min(a, glm::min(b, c)), glm::max(a, glm::max(b, c))};
}
bool boxes_meet(const Box& p, const Box& q) {
  return p.lo.x <= q.hi.x && q.lo.x <= p.hi.x && p.lo.y <= q.hi.y && q.lo.y <= p.hi.y && p.lo.z <= q.hi.z && q.lo.z <= p.hi.z;
}

} // namespace

Mesh simplify(const Mesh& mesh, std::size_t target_triangles, float max_error, float min_normal_cos, bool avoid_crossings) {
  if (mesh.triangle_count() <= target_triangles) return mesh;
  const std::size_t nv = mesh.positions.size(), nt = mesh.triangle_count();
  std::vector<glm::vec3> pos = mesh.positions;
  std::vector<std::array<std::uint32_t, 3>> tri(nt);
  std::vector<char> alive(nt, 1);
  std::vector<std::vector<std::uint32_t>> vtris(nv);
  std::vector<Quadric> quadric(nv);
  std::vector<std::uint32_t> stamp(nv, 0);
  std::vector<char> removed(nv, 0);
  for (std::size_t t = 0; t < nt; ++t) {
    tri[t] = {mesh.indices[3 * t], mesh.indices[3 * t + 1], mesh.indices[3 * t + 2]};
    const glm::dvec3 p0 = pos[tri[t][0]], p1 = pos[tri[t][1]], p2 = pos[tri[t][2]];
    glm::dvec3 n = glm::cross(p1 - p0, p2 - p0);
    const double len = glm::length(n);
    if (len > 0.0) n /= len;
    for (std::uint32_t v : tri[t]) {
      vtris[v].push_back(std::uint32_t(t));
      quadric[v].add_plane(n, -glm::dot(n, p0), 0.5 * len);
    }
  }
  const double max_cost = double(max_error) * double(max_error);

  // With avoid_crossings: a spatial hash of the triangles (a triangle that
  // moves is filed again under its new cells; stale entries are harmless,
  // since the test uses the current positions).
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grid;
  float cell = 1.0f;
  std::vector<std::uint32_t> seen(nt, 0);
  std::uint32_t seen_stamp = 0;
  auto cell_range = [&](glm::vec3 lo, glm::vec3 hi, auto&& visit) {
    const glm::ivec3 a(glm::floor(lo / cell)), b(glm::floor(hi / cell));
    for (int x = a.x; x <= b.x; ++x)
      for (int y = a.y; y <= b.y; ++y)
        for (int z = a.z; z <= b.z; ++z)
          visit((std::uint64_t(std::uint32_t(x + 100000)) << 40) ^ (std::uint64_t(std::uint32_t(y + 100000)) << 20) ^
                std::uint64_t(std::uint32_t(z + 100000)));
  };
  auto file_triangle = [&](std::uint32_t t) {
    const Box b = box_of(pos[tri[t][0]], pos[tri[t][1]], pos[tri[t][2]]);
    cell_range(b.lo, b.hi, [&](std::uint64_t k) { grid[k].push_back(t); });
  };
  // The hash is built afresh whenever the live count has halved, so that
  // its cells follow the growing triangles and stale entries do not pile up.
  std::size_t rebuild_below = 0;
  auto rebuild_grid = [&](std::size_t live_now) {
    grid.clear();
    double edge = 0.0;
    std::size_t count = 0;
    for (std::size_t t = 0; t < nt; ++t)
      if (alive[t]) {
        edge += glm::length(pos[tri[t][0]] - pos[tri[t][1]]);
        ++count;
      }
    cell = float(std::max(3.0 * edge / double(std::max<std::size_t>(count, 1)), 1e-4));
    for (std::size_t t = 0; t < nt; ++t)
      if (alive[t]) file_triangle(std::uint32_t(t));
    rebuild_below = live_now / 2;
  };
  if (avoid_crossings) rebuild_grid(nt);
  std::vector<std::array<std::uint32_t, 3>> star_ids;
  std::vector<std::array<glm::vec3, 3>> star_pos;
  std::vector<Box> star_box;

  auto old_longest_sq = [&](std::size_t t) {
    const glm::vec3 p0 = pos[tri[t][0]], p1 = pos[tri[t][1]], p2 = pos[tri[t][2]];
    return std::max({glm::dot(p1 - p0, p1 - p0), glm::dot(p2 - p1, p2 - p1), glm::dot(p0 - p2, p0 - p2)});
  };
  auto neighbours = [&](std::uint32_t v, std::vector<std::uint32_t>& out) {
    out.clear();
    for (std::uint32_t t : vtris[v])
      for (std::uint32_t u : tri[t])
        if (u != v) out.push_back(u);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  };

  auto make_candidate = [&](std::uint32_t a, std::uint32_t b) {
    Quadric q = quadric[a];
    q.add(quadric[b]);
    const glm::dvec3 pa = pos[a], pb = pos[b], pm = 0.5 * (pa + pb);
    double best = q.error(pm);
    glm::dvec3 target = pm;
    for (const glm::dvec3& p : {pa, pb}) {
      const double e = q.error(p);
      if (e < best) {
        best = e;
        target = p;
      }
    }
    return Candidate{std::max(best, 0.0), std::min(a, b), std::max(a, b), glm::vec3(target)};
  };

  CandidateQueue heap;
  // make_candidate prefers the first of a and b on a tie, so the order they
  // came in is kept (the top bit of stamp_b) for the recomputation.
  auto queued = [&](std::uint32_t a, std::uint32_t b) -> std::optional<Queued> {
    const Candidate c = make_candidate(a, b);
    if (!(c.cost <= max_cost)) return std::nullopt; // NaN too: the sort needs a strict order
    return Queued{c.cost, c.a, c.b, stamp[c.a], stamp[c.b] | (a > b ? kSwapped : 0u)};
  };
  auto push = [&](std::uint32_t a, std::uint32_t b) {
    if (const auto q = queued(a, b)) heap.push(*q);
  };
  std::size_t live = nt;
  std::vector<std::uint32_t> na, nb, shared;
  // A collapse refused now may pass once its neighbourhood has changed:
  // sweep again over all edges until a sweep makes no progress.
  for (int sweep = 0; sweep < 8 && live > target_triangles; ++sweep) {
    const std::size_t live_before = live;
    heap.clear();
    std::vector<Queued> run;
    for (std::size_t t = 0; t < nt; ++t) {
      if (!alive[t]) continue;
      for (int e = 0; e < 3; ++e) {
        const std::uint32_t a = tri[t][std::size_t(e)], b = tri[t][std::size_t((e + 1) % 3)];
        if (a < b) // each edge once (the other side has b > a)
          if (const auto q = queued(a, b)) run.push_back(*q);
      }
    }
    heap.load(std::move(run));
    while (live > target_triangles && !heap.empty()) {
      const Queued q = heap.pop();
      const bool swapped = (q.stamp_b & kSwapped) != 0;
      if (removed[q.a] || removed[q.b] || stamp[q.a] != q.stamp_a || stamp[q.b] != (q.stamp_b & ~kSwapped)) continue;
      const Candidate c = swapped ? make_candidate(q.b, q.a) : make_candidate(q.a, q.b);
      const std::uint32_t a = c.a, b = c.b;
      // The edge must still exist, with exactly two triangles on it.
      std::array<std::uint32_t, 2> edge_tris{};
      int on_edge = 0;
      for (std::uint32_t t : vtris[a])
        if (tri[t][0] == b || tri[t][1] == b || tri[t][2] == b) {
          if (on_edge < 2) edge_tris[std::size_t(on_edge)] = t;
          ++on_edge;
        }
      if (on_edge != 2) continue;
      // Link condition: the common neighbours of a and b are exactly the two
      // apexes of the edge's triangles.
      neighbours(a, na);
      neighbours(b, nb);
      shared.clear();
      std::set_intersection(na.begin(), na.end(), nb.begin(), nb.end(), std::back_inserter(shared));
      if (shared.size() != 2) continue;
      // No triangle may flip or become a sliver.
      bool ok = true;
      for (std::uint32_t v : {a, b}) {
        for (std::uint32_t t : vtris[v]) {
          if (t == edge_tris[0] || t == edge_tris[1]) continue;
          std::array<glm::vec3, 3> p{pos[tri[t][0]], pos[tri[t][1]], pos[tri[t][2]]};
          const glm::vec3 before = glm::cross(p[1] - p[0], p[2] - p[0]);
          for (int i = 0; i < 3; ++i)
            if (tri[t][std::size_t(i)] == a || tri[t][std::size_t(i)] == b) p[std::size_t(i)] = c.target;
          const glm::vec3 after = glm::cross(p[1] - p[0], p[2] - p[0]);
          const float la = glm::length(after), lb = glm::length(before);
          const float longest = std::max({glm::length(p[1] - p[0]), glm::length(p[2] - p[1]), glm::length(p[0] - p[2])});
          // Shape ratio (twice the area over the longest edge squared): a
          // collapse may not make a thin triangle thinner.
          const float ratio_after = la / std::max(longest * longest, 1e-30f);
          const float ratio_before = lb / std::max(old_longest_sq(t), 1e-30f);
          const bool squashed = ratio_after < 0.01f && ratio_after < 0.5f * ratio_before;
          if (squashed || glm::dot(after, before) < min_normal_cos * la * lb) {
            ok = false;
            break;
          }
        }
        if (!ok) break;
      }
      if (!ok) continue;
      if (avoid_crossings) {
        if (live < rebuild_below) rebuild_grid(live);
        // The triangles round the merged vertex, as they would be, may not
        // cross any triangle near them.
        star_ids.clear();
        star_pos.clear();
        star_box.clear();
        glm::vec3 lo(1e30f), hi(-1e30f);
        for (std::uint32_t v : {a, b})
          for (std::uint32_t t : vtris[v]) {
            if (t == edge_tris[0] || t == edge_tris[1] || !alive[t]) continue;
            std::array<std::uint32_t, 3> ids = tri[t];
            std::array<glm::vec3, 3> p{};
            for (std::size_t i = 0; i < 3; ++i) {
              if (ids[i] == b) ids[i] = a;
              p[i] = ids[i] == a ? c.target : pos[ids[i]];
              lo = glm::min(lo, p[i]);
              hi = glm::max(hi, p[i]);
            }
            star_ids.push_back(ids);
            star_pos.push_back(p);
            star_box.push_back(box_of(p[0], p[1], p[2]));
          }
        ++seen_stamp;
        cell_range(lo, hi, [&](std::uint64_t k) {
          if (!ok) return;
          const auto it = grid.find(k);
          if (it == grid.end()) return;
          for (std::uint32_t u : it->second) {
            if (!ok) return;
            if (!alive[u] || seen[u] == seen_stamp) continue;
            seen[u] = seen_stamp;
            const auto& ui = tri[u];
            if (ui[0] == a || ui[1] == a || ui[2] == a || ui[0] == b || ui[1] == b || ui[2] == b) continue; // part of the star
            const Box ubox = box_of(pos[ui[0]], pos[ui[1]], pos[ui[2]]);
            if (!boxes_meet(Box{lo, hi}, ubox)) continue;
            for (std::size_t n = 0; n < star_ids.size() && ok; ++n) {
              const auto& si = star_ids[n];
              bool share = false;
              for (std::size_t i = 0; i < 3; ++i)
                for (std::size_t j = 0; j < 3; ++j) share = share || si[i] == ui[j];
              if (share) continue;
              const auto& sp = star_pos[n];
              if (!boxes_meet(star_box[n], ubox)) continue; // disjoint boxes: the triangles cannot cross
              if (triangles_cross(sp[0], sp[1], sp[2], pos[ui[0]], pos[ui[1]], pos[ui[2]])) ok = false;
            }
          }
        });
        if (!ok) continue;
      }
      // Collapse b into a.
      for (std::uint32_t t : edge_tris) {
        alive[t] = 0;
        --live;
      }
      pos[a] = c.target;
      quadric[a].add(quadric[b]);
      removed[b] = 1;
      std::vector<std::uint32_t> merged;
      for (std::uint32_t t : vtris[a])
        if (alive[t]) merged.push_back(t);
      for (std::uint32_t t : vtris[b]) {
        if (!alive[t]) continue;
        for (auto& v : tri[t])
          if (v == b) v = a;
        merged.push_back(t);
      }
      std::sort(merged.begin(), merged.end());
      if (avoid_crossings)
        for (std::uint32_t t : merged) file_triangle(t);
      vtris[a] = std::move(merged);
      vtris[b].clear();
      for (std::uint32_t apex : shared) {
        auto& list = vtris[apex];
        list.erase(std::remove_if(list.begin(), list.end(), [&](std::uint32_t t) { return !alive[t]; }), list.end());
      }
      // Only a's quadric changed: re-queue its edges; the others stay valid
      // (their geometry checks run again when they are popped).
      ++stamp[a];
      neighbours(a, na);
      for (std::uint32_t u : na) push(a, u);
    }
    if (live == live_before) break;
  }

  Mesh out;
  std::vector<std::uint32_t> remap(nv, ~0u);
  for (std::size_t t = 0; t < nt; ++t) {
    if (!alive[t]) continue;
    for (std::uint32_t v : tri[t]) {
      if (remap[v] == ~0u) {
        remap[v] = std::uint32_t(out.positions.size());
        out.positions.push_back(pos[v]);
      }
      out.indices.push_back(remap[v]);
    }
  }
  return out;
}

Mesh merge_close_vertices(Mesh mesh, float min_edge) {
  const std::size_t nv = mesh.positions.size();
  std::vector<std::uint32_t> root(nv);
  for (std::size_t v = 0; v < nv; ++v) root[v] = std::uint32_t(v);
  auto find = [&](std::uint32_t v) {
    while (root[v] != v) v = root[v] = root[root[v]];
    return v;
  };
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
    for (int e = 0; e < 3; ++e) {
      const std::uint32_t a = mesh.indices[i + std::size_t(e)], b = mesh.indices[i + std::size_t((e + 1) % 3)];
      if (glm::distance(mesh.positions[a], mesh.positions[b]) >= min_edge) continue;
      const std::uint32_t ra = find(a), rb = find(b);
      if (ra != rb) root[std::max(ra, rb)] = std::min(ra, rb); // the lower index stands for the cluster
    }
  std::vector<glm::dvec3> sum(nv, glm::dvec3(0.0));
  std::vector<std::uint32_t> members(nv, 0), clusters;
  for (std::size_t v = 0; v < nv; ++v) {
    const std::uint32_t r = find(std::uint32_t(v));
    sum[r] += glm::dvec3(mesh.positions[v]);
    if (++members[r] == 2) clusters.push_back(r);
  }
  // A chain of short edges can reach further than min_edge (round a thin
  // tube, say): only clusters whose every vertex lies within min_edge of
  // their mean are merged.
  std::vector<char> wide(nv, 0);
  for (std::size_t v = 0; v < nv; ++v) {
    const std::uint32_t r = find(std::uint32_t(v));
    if (members[r] > 1 && glm::distance(glm::dvec3(mesh.positions[v]), sum[r] / double(members[r])) > double(min_edge))
      wide[r] = 1;
  }
  clusters.erase(std::remove_if(clusters.begin(), clusters.end(), [&](std::uint32_t r) { return wide[r] != 0; }), clusters.end());
  if (clusters.empty()) return mesh;
  // The mesh with the chosen clusters merged, each at the mean of its
  // vertices; triangles that lose a corner to a merge go. `turned`: a
  // triangle left at a merged vertex turns by more than 90 degrees.
  struct Merged {
    Mesh mesh;
    bool turned = false;
  };
  std::vector<char> chosen(nv, 0);
  auto merged = [&]() {
    Merged result;
    Mesh& out = result.mesh;
    std::vector<std::uint32_t> remap(nv, ~0u);
    auto to = [&](std::uint32_t v) { return chosen[find(v)] ? find(v) : v; };
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
      std::array<std::uint32_t, 3> t{};
      for (std::size_t k = 0; k < 3; ++k) t[k] = to(mesh.indices[i + k]);
      if (t[0] == t[1] || t[1] == t[2] || t[2] == t[0]) continue;
      for (std::uint32_t r : t) {
        if (remap[r] == ~0u) {
          remap[r] = std::uint32_t(out.positions.size());
          out.positions.push_back(chosen[r] ? glm::vec3(sum[r] / double(members[r])) : mesh.positions[r]);
        }
        out.indices.push_back(remap[r]);
      }
      if (chosen[t[0]] || chosen[t[1]] || chosen[t[2]]) {
        const glm::vec3 *p0 = &mesh.positions[mesh.indices[i]], *p1 = &mesh.positions[mesh.indices[i + 1]],
                        *p2 = &mesh.positions[mesh.indices[i + 2]];
        const glm::vec3 before = glm::cross(*p1 - *p0, *p2 - *p0);
        const std::size_t o = out.indices.size() - 3;
        const glm::vec3 &q0 = out.positions[out.indices[o]], &q1 = out.positions[out.indices[o + 1]],
                        &q2 = out.positions[out.indices[o + 2]];
        if (glm::dot(before, glm::cross(q1 - q0, q2 - q0)) <= 0.0f) result.turned = true;
      }
    }
    return result;
  };
  // A merge that would open, pinch or turn the surface is not made: all at
  // once if they all keep it whole, else one cluster at a time. A part
  // thinner than min_edge merged flat leaves two triangles on the same three
  // vertices, back to back, which the edge checks alone take for a surface;
  // a pinch (two sheets meeting at one vertex) keeps every edge shared by
  // two triangles but changes the Euler characteristic.
  auto euler = [](const Mesh& m) {
    std::vector<std::uint64_t> edges;
    edges.reserve(m.indices.size());
    std::vector<char> used(m.positions.size(), 0);
    for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3)
      for (std::size_t e = 0; e < 3; ++e) {
        const std::uint64_t a = m.indices[i + e], b = m.indices[i + (e + 1) % 3];
        used[a] = 1;
        edges.push_back(std::min(a, b) << 32 | std::max(a, b));
      }
    std::sort(edges.begin(), edges.end());
    const auto e = std::unique(edges.begin(), edges.end()) - edges.begin();
    return std::int64_t(std::count(used.begin(), used.end(), 1)) - std::int64_t(e) + std::int64_t(m.triangle_count());
  };
  const MeshCheck before = check_mesh(mesh);
  const std::int64_t characteristic = euler(mesh);
  auto whole = [&](const Merged& merge) {
    const Mesh& m = merge.mesh;
    const MeshCheck after = check_mesh(m);
    if (merge.turned || m.empty() || after.boundary_edges > before.boundary_edges ||
        after.non_manifold_edges > before.non_manifold_edges || after.degenerate_triangles > before.degenerate_triangles ||
        (before.oriented && !after.oriented) || euler(m) != characteristic)
      return false;
    std::vector<std::array<std::uint32_t, 3>> corners(m.triangle_count());
    for (std::size_t t = 0; t < corners.size(); ++t) {
      corners[t] = {m.indices[3 * t], m.indices[3 * t + 1], m.indices[3 * t + 2]};
      std::sort(corners[t].begin(), corners[t].end());
    }
    std::sort(corners.begin(), corners.end());
    return std::adjacent_find(corners.begin(), corners.end()) == corners.end();
  };
  // One cluster at a time rebuilds and checks the whole mesh for each: fine
  // for the tens of clusters the atlas's meshes have.
  for (std::uint32_t r : clusters) chosen[r] = 1;
  if (Merged all = merged(); whole(all)) return std::move(all.mesh);
  std::fill(chosen.begin(), chosen.end(), 0);
  bool any = false;
  // A cluster refused is often the middle of a crumple a little wider than
  // min_edge: slivers fanned round it out to a vertex or two about 0.1 mm
  // off (at the skin over the medial malleolus, three vertices within
  // 0.02 mm and a fourth 0.1 mm away, whose slivers turned at any merge
  // without it). Such a cluster is tried once more with the single vertices
  // joined to it that lie within kGrow times min_edge of its mean.
  constexpr double kGrow = 2.5;
  std::vector<std::vector<std::uint32_t>> around(nv);
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
    for (std::size_t e = 0; e < 3; ++e) {
      const std::uint32_t a = mesh.indices[i + e], b = mesh.indices[i + (e + 1) % 3];
      around[a].push_back(b);
      around[b].push_back(a);
    }
  for (std::uint32_t r : clusters) {
    chosen[r] = 1;
    if (whole(merged())) {
      any = true;
      continue;
    }
    std::vector<std::uint32_t> grown;
    const glm::dvec3 mean = sum[r] / double(members[r]);
    for (std::size_t v = 0; v < nv; ++v) {
      if (find(std::uint32_t(v)) != r) continue;
      for (std::uint32_t u : around[v])
        if (members[find(u)] <= 1 && std::find(grown.begin(), grown.end(), u) == grown.end() &&
            glm::distance(glm::dvec3(mesh.positions[u]), mean) <= kGrow * double(min_edge))
          grown.push_back(u);
    }
    for (std::uint32_t u : grown) {
      root[u] = r;
      sum[r] += glm::dvec3(mesh.positions[u]);
      ++members[r];
    }
    if (!grown.empty() && whole(merged())) {
      any = true;
      continue;
    }
    for (std::uint32_t u : grown) {
      root[u] = u;
      sum[r] -= glm::dvec3(mesh.positions[u]);
      --members[r];
    }
    chosen[r] = 0;
  }
  if (!any) return mesh;
  return merged().mesh;
}

} // namespace crus::atlas
