#include "core/geometry/polygon_triangulate.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace crus {

namespace {

using P = glm::dvec2;

double cross(const P& o, const P& a, const P& b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

double area(const std::vector<P>& l) {
  double s = 0.0;
  for (std::size_t i = 0, n = l.size(); i < n; ++i) s += l[i].x * l[(i + 1) % n].y - l[(i + 1) % n].x * l[i].y;
  return 0.5 * s;
}

bool inside(const P& q, const std::vector<P>& l) { // even-odd
  bool in = false;
  for (std::size_t i = 0, j = l.size() - 1; i < l.size(); j = i++)
    if ((l[i].y > q.y) != (l[j].y > q.y) && q.x < (l[j].x - l[i].x) * (q.y - l[i].y) / (l[j].y - l[i].y) + l[i].x) in = !in;
  return in;
}

// Proper crossing of segments ab and cd (touching at an end does not count).
bool crosses(const P& a, const P& b, const P& c, const P& d) {
  double d1 = cross(a, b, c), d2 = cross(a, b, d), d3 = cross(c, d, a), d4 = cross(c, d, b);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

bool collinear(const P& a, const P& b, const P& c) {
  return std::abs(cross(a, b, c)) <= 1e-12 * glm::length(b - a) * glm::length(c - b);
}

// A polygon as indices into the shared vertex list.
using Ring = std::vector<std::uint32_t>;

// Joins a hole (clockwise) into the polygon with a bridge from its rightmost
// vertex to the nearest polygon vertex that sees it: the polygon walks in,
// round the hole, and back out along the bridge.
void bridge(Ring& poly, const Ring& hole, const std::vector<P>& v, const std::vector<Ring>& other_holes) {
  std::size_t m = 0;
  for (std::size_t i = 1; i < hole.size(); ++i)
    if (v[hole[i]].x > v[hole[m]].x) m = i;
  const P M = v[hole[m]];
  std::vector<std::size_t> order(poly.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return glm::distance(v[poly[a]], M) < glm::distance(v[poly[b]], M); });
  auto visible = [&](const P& p) {
    auto blocked = [&](const Ring& r) {
      for (std::size_t i = 0, n = r.size(); i < n; ++i)
        if (crosses(M, p, v[r[i]], v[r[(i + 1) % n]])) return true;
      return false;
    };
    if (blocked(poly) || blocked(hole)) return false;
    for (const Ring& h : other_holes)
      if (blocked(h)) return false;
    return true;
  };
  std::size_t pick = poly.size();
  for (std::size_t k : order) {
    // To the right of M the segment cannot pass through the hole itself.
    if (v[poly[k]].x < M.x) continue;
    if (visible(v[poly[k]])) {
      pick = k;
      break;
    }
  }
  if (pick == poly.size()) pick = order.front(); // degenerate input: join at the nearest vertex anyway
  Ring merged(poly.begin(), poly.begin() + static_cast<long>(pick) + 1);
  for (std::size_t i = 0; i <= hole.size(); ++i) merged.push_back(hole[(m + i) % hole.size()]);
  merged.insert(merged.end(), poly.begin() + static_cast<long>(pick), poly.end());
  poly.swap(merged);
}

void clip_ears(const Ring& ring, const std::vector<P>& v, Triangulation& out) {
  std::size_t n = ring.size();
  if (n < 3) return;
  std::vector<std::size_t> prev(n), next(n);
  for (std::size_t i = 0; i < n; ++i) prev[i] = (i + n - 1) % n, next[i] = (i + 1) % n;
  auto pos = [&](std::size_t i) { return v[ring[i]]; };
  auto remove = [&](std::size_t i) {
    next[prev[i]] = next[i];
    prev[next[i]] = prev[i];
    --n;
  };
  auto is_ear = [&](std::size_t b) {
    std::size_t a = prev[b], c = next[b];
    P A = pos(a), B = pos(b), C = pos(c);
    if (cross(A, B, C) <= 0.0) return false;
    for (std::size_t p = next[c]; p != a; p = next[p]) {
      P q = pos(p);
      if (q == A || q == B || q == C) continue;
      if (cross(A, B, q) >= 0 && cross(B, C, q) >= 0 && cross(C, A, q) >= 0) return false;
    }
    return true;
  };
  std::size_t cur = 0;
  while (n > 3) {
    // Drop repeated and collinear points first: they are never ears.
    std::size_t guard = n;
    while (n > 3 && guard-- > 0) {
      if (pos(cur) == pos(next[cur]) || collinear(pos(prev[cur]), pos(cur), pos(next[cur]))) {
        std::size_t p = prev[cur];
        remove(cur);
        cur = p;
        guard = n;
      } else {
        cur = next[cur];
      }
    }
    if (n <= 3) break;
    bool clipped = false;
    std::size_t i = cur;
    for (std::size_t tries = 0; tries < n; ++tries, i = next[i])
      if (is_ear(i)) {
        clipped = true;
        break;
      }
    if (!clipped) {
      // A self-touching input: clip the most convex corner to make progress.
      ++out.forced;
      double best = -1e300;
      std::size_t j = cur;
      for (std::size_t tries = 0; tries < n; ++tries, j = next[j]) {
        double c = cross(pos(prev[j]), pos(j), pos(next[j]));
        if (c > best) best = c, i = j;
      }
    }
    if (cross(pos(prev[i]), pos(i), pos(next[i])) > 0.0)
      out.indices.insert(out.indices.end(), {ring[prev[i]], ring[i], ring[next[i]]});
    cur = next[i];
    remove(i);
  }
  if (n == 3) {
    std::size_t b = next[cur];
    if (cross(pos(cur), pos(b), pos(next[b])) > 0.0) out.indices.insert(out.indices.end(), {ring[cur], ring[b], ring[next[b]]});
  }
}

} // namespace

Triangulation triangulate_polygons(const std::vector<std::vector<glm::dvec2>>& loops) {
  Triangulation out;
  std::vector<Ring> outers, holes;
  std::vector<double> outer_area;
  for (const auto& l : loops) {
    if (l.size() < 3) continue;
    double a = area(l);
    if (a == 0.0) continue;
    Ring r;
    for (const P& p : l) {
      r.push_back(static_cast<std::uint32_t>(out.vertices.size()));
      out.vertices.push_back(p);
    }
    if (a > 0.0) outers.push_back(std::move(r)), outer_area.push_back(a);
    else holes.push_back(std::move(r));
  }
  // Each hole to the smallest outer loop that holds it.
  std::vector<std::vector<Ring>> owned(outers.size());
  for (Ring& h : holes) {
    std::vector<P> first{out.vertices[h[0]]};
    std::size_t best = outers.size();
    for (std::size_t o = 0; o < outers.size(); ++o) {
      std::vector<P> ol;
      for (auto i : outers[o]) ol.push_back(out.vertices[i]);
      if (inside(first[0], ol) && (best == outers.size() || outer_area[o] < outer_area[best])) best = o;
    }
    if (best < outers.size()) owned[best].push_back(std::move(h));
  }
  for (std::size_t o = 0; o < outers.size(); ++o) {
    auto& hs = owned[o];
    auto max_x = [&](const Ring& r) {
      double m = -1e300;
      for (auto i : r) m = std::max(m, out.vertices[i].x);
      return m;
    };
    std::sort(hs.begin(), hs.end(), [&](const Ring& a, const Ring& b) { return max_x(a) > max_x(b); });
    Ring poly = outers[o];
    for (std::size_t h = 0; h < hs.size(); ++h) {
      std::vector<Ring> rest(hs.begin() + static_cast<long>(h) + 1, hs.end());
      bridge(poly, hs[h], out.vertices, rest);
    }
    clip_ears(poly, out.vertices, out);
  }
  return out;
}

} // namespace crus
