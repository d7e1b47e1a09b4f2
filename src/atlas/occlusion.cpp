#include "atlas/occlusion.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <thread>

namespace crus::atlas {

namespace {

struct Triangle {
  glm::vec3 a, e1, e2; // a corner and the two edges from it
  std::uint32_t mesh;
  int layer;
};

struct Node {
  glm::vec3 lo, hi;
  std::uint32_t first = 0;  // leaf: first triangle; inner: left child
  std::uint32_t second = 0; // inner: right child
  std::uint32_t count = 0;  // triangles in a leaf, 0 for an inner node
  int min_layer = 0;        // the lowest layer below (a subtree above the ray's layer is skipped)
  int axis = 0;             // inner: the axis split on (the left child holds the lower centroids)
};

constexpr std::uint32_t kLeafSize = 4;

// Slab test: whether the ray enters the box before `t_max`.
bool hits_box(const glm::vec3& lo, const glm::vec3& hi, const glm::vec3& o, const glm::vec3& inv, float t_max) {
  const glm::vec3 t0 = (lo - o) * inv, t1 = (hi - o) * inv;
  const glm::vec3 near = glm::min(t0, t1), far = glm::max(t0, t1);
  const float enter = std::max(std::max(near.x, near.y), std::max(near.z, 0.0f));
  const float leave = std::min(std::min(far.x, far.y), std::min(far.z, t_max));
  return enter <= leave;
}

// Moller-Trumbore, both sides: the distance along the ray, or a negative value.
float hit_triangle(const Triangle& t, const glm::vec3& o, const glm::vec3& d) {
  const glm::vec3 p = glm::cross(d, t.e2);
  const float det = glm::dot(t.e1, p);
  if (std::abs(det) < 1e-20f) return -1.0f;
  const float inv = 1.0f / det;
  const glm::vec3 s = o - t.a;
  const float u = glm::dot(s, p) * inv;
  if (u < 0.0f || u > 1.0f) return -1.0f;
  const glm::vec3 q = glm::cross(s, t.e1);
  const float v = glm::dot(d, q) * inv;
  if (v < 0.0f || u + v > 1.0f) return -1.0f;
  return glm::dot(t.e2, q) * inv;
}

// Cosine-weighted directions about +z on a Fibonacci spiral: even coverage
// with a fixed set, so every run gives the same numbers.
std::vector<glm::vec3> hemisphere(int n) {
  std::vector<glm::vec3> dirs;
  const float golden = 2.39996323f;
  for (int i = 0; i < n; ++i) {
    const float r = std::sqrt((float(i) + 0.5f) / float(n));
    const float phi = golden * float(i);
    dirs.emplace_back(r * std::cos(phi), r * std::sin(phi), std::sqrt(std::max(0.0f, 1.0f - r * r)));
  }
  return dirs;
}

} // namespace

struct OcclusionBaker::Impl {
  std::vector<Triangle> tris;
  std::vector<Node> nodes;
  std::vector<glm::vec3> dirs;
  OcclusionOptions options;

  // Median split on the longest axis of the centroids' box; the order of
  // equal keys is fixed by the triangle index, so the tree is the same on
  // every run.
  void build(std::vector<std::uint32_t>& order, const std::vector<glm::vec3>& centroid) {
    struct Job {
      std::uint32_t node, begin, end;
    };
    nodes.reserve(2 * order.size() / kLeafSize + 2);
    nodes.emplace_back();
    std::vector<Job> stack{{0, 0, std::uint32_t(order.size())}};
    while (!stack.empty()) {
      const Job job = stack.back();
      stack.pop_back();
      glm::vec3 lo(1e30f), hi(-1e30f), clo(1e30f), chi(-1e30f);
      int min_layer = 1 << 30;
      for (std::uint32_t i = job.begin; i < job.end; ++i) {
        const Triangle& t = tris[order[i]];
        for (const glm::vec3& p : {t.a, t.a + t.e1, t.a + t.e2}) {
          lo = glm::min(lo, p);
          hi = glm::max(hi, p);
        }
        clo = glm::min(clo, centroid[order[i]]);
        chi = glm::max(chi, centroid[order[i]]);
        min_layer = std::min(min_layer, t.layer);
      }
      nodes[job.node].lo = lo;
      nodes[job.node].hi = hi;
      nodes[job.node].min_layer = min_layer;
      const std::uint32_t n = job.end - job.begin;
      if (n <= kLeafSize) {
        nodes[job.node].first = job.begin;
        nodes[job.node].count = n;
        continue;
      }
      const glm::vec3 ext = chi - clo;
      const int axis = ext.x >= ext.y && ext.x >= ext.z ? 0 : (ext.y >= ext.z ? 1 : 2);
      const std::uint32_t mid = job.begin + n / 2;
      std::nth_element(order.begin() + job.begin, order.begin() + mid, order.begin() + job.end,
                       [&](std::uint32_t a, std::uint32_t b) {
                         const float ka = centroid[a][axis], kb = centroid[b][axis];
                         return ka < kb || (ka == kb && a < b);
                       });
      const auto left = std::uint32_t(nodes.size());
      nodes.emplace_back();
      const auto right = std::uint32_t(nodes.size());
      nodes.emplace_back();
      nodes[job.node].first = left;
      nodes[job.node].second = right;
      nodes[job.node].count = 0;
      nodes[job.node].axis = axis;
      stack.push_back({right, mid, job.end});
      stack.push_back({left, job.begin, mid});
    }
    // Triangles in leaf order, so a leaf's triangles lie side by side.
    std::vector<Triangle> sorted(tris.size());
    for (std::size_t i = 0; i < order.size(); ++i) sorted[i] = tris[order[i]];
    tris = std::move(sorted);
  }

  // The nearest hit within `t_max` among the triangles the filter accepts.
  float nearest(const glm::vec3& o, const glm::vec3& d, float t_max, int layer, std::uint32_t self) const {
    const glm::vec3 inv(1.0f / (std::abs(d.x) > 1e-12f ? d.x : 1e-12f), 1.0f / (std::abs(d.y) > 1e-12f ? d.y : 1e-12f),
                        1.0f / (std::abs(d.z) > 1e-12f ? d.z : 1e-12f));
    float best = t_max;
    std::array<std::uint32_t, 64> stack;
    int top = 0;
    stack[std::size_t(top++)] = 0;
    while (top > 0) {
      const Node& node = nodes[stack[std::size_t(--top)]];
      if (layer >= 0 && node.min_layer > layer) continue;
      if (!hits_box(node.lo, node.hi, o, inv, best)) continue;
      if (node.count > 0) {
        for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
          const Triangle& t = tris[i];
          if (layer >= 0 ? (t.layer < 0 || t.layer > layer) : t.mesh != self) continue;
          const float h = hit_triangle(t, o, d);
          if (h > 0.0f && h < best) best = h;
        }
        continue;
      }
      // A median split is about log2(n) deep: 64 entries hold any mesh.
      if (top + 2 > int(stack.size())) continue;
      // The child on the ray's side first: a near hit found early lets the
      // box test skip more of the far one (the nearest hit is the same in
      // any order, short of rounding in the box test when two hits are
      // nearly equally far; the bundled atlas's shading did not change).
      const bool forward = d[node.axis] >= 0.0f;
      stack[std::size_t(top++)] = forward ? node.second : node.first;
      stack[std::size_t(top++)] = forward ? node.first : node.second;
    }
    return best;
  }
};

OcclusionBaker::OcclusionBaker(const std::vector<const Mesh*>& occluders, const std::vector<int>& layers,
                               OcclusionOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->dirs = hemisphere(options.rays);
  std::vector<glm::vec3> centroid;
  for (std::size_t m = 0; m < occluders.size(); ++m) {
    const Mesh& mesh = *occluders[m];
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
      const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                      c = mesh.positions[mesh.indices[t + 2]];
      impl_->tris.push_back({a, b - a, c - a, std::uint32_t(m), layers[m]});
      centroid.push_back((a + b + c) / 3.0f);
    }
  }
  std::vector<std::uint32_t> order(impl_->tris.size());
  std::iota(order.begin(), order.end(), 0u);
  if (!order.empty()) impl_->build(order, centroid);
}

OcclusionBaker::~OcclusionBaker() = default;

std::size_t OcclusionBaker::triangle_count() const { return impl_->tris.size(); }

std::vector<float> OcclusionBaker::bake(const Mesh& target, int layer, std::size_t self, unsigned threads) const {
  const std::size_t nv = target.positions.size();
  std::vector<float> open(nv, 1.0f);
  if (impl_->nodes.empty() || target.normals.size() != nv) return open;
  const OcclusionOptions& opt = impl_->options;
  auto one = [&](std::size_t v) {
    const glm::vec3 n = target.normals[v];
    // A frame about the normal, turned by a per-vertex angle (a hash of the
    // index, not a random generator), so neighbours sample different
    // directions and the smoothing averages the pattern away.
    const glm::vec3 helper = std::abs(n.x) < 0.8f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
    glm::vec3 t = glm::normalize(glm::cross(helper, n));
    glm::vec3 b = glm::cross(n, t);
    const std::uint32_t h = std::uint32_t(v) * 2654435761u;
    const float angle = float(h >> 8) * (6.2831853f / 16777216.0f);
    const float c = std::cos(angle), s = std::sin(angle);
    const glm::vec3 t2 = c * t + s * b, b2 = -s * t + c * b;
    const glm::vec3 origin = target.positions[v] + opt.lift * n;
    float shade = 0.0f;
    for (const glm::vec3& d : impl_->dirs) {
      const glm::vec3 dir = d.x * t2 + d.y * b2 + d.z * n;
      const float hit = impl_->nearest(origin, dir, opt.reach, layer, std::uint32_t(self));
      // A near wall shades fully, one at the edge of the reach hardly at all.
      if (hit < opt.reach) shade += 1.0f - hit / opt.reach;
    }
    open[v] = 1.0f - shade / float(impl_->dirs.size());
  };
  threads = std::max(1u, threads);
  std::vector<std::thread> pool;
  for (unsigned k = 1; k < threads; ++k)
    pool.emplace_back([&, k] {
      for (std::size_t v = k; v < nv; v += threads) one(v);
    });
  for (std::size_t v = 0; v < nv; v += threads) one(v);
  for (auto& th : pool) th.join();

  // Neighbour averaging over the mesh's edges.
  std::vector<float> sum(nv), weight(nv);
  for (int pass = 0; pass < opt.smoothing; ++pass) {
    std::fill(sum.begin(), sum.end(), 0.0f);
    std::fill(weight.begin(), weight.end(), 0.0f);
    for (std::size_t i = 0; i + 2 < target.indices.size(); i += 3)
      for (int e = 0; e < 3; ++e) {
        const std::uint32_t a = target.indices[i + std::size_t(e)], bb = target.indices[i + std::size_t((e + 1) % 3)];
        sum[a] += open[bb];
        weight[a] += 1.0f;
      }
    for (std::size_t v = 0; v < nv; ++v)
      if (weight[v] > 0.0f) open[v] = 0.5f * open[v] + 0.5f * sum[v] / weight[v];
  }
  for (float& o : open) o = std::clamp(o, 0.0f, 1.0f);
  return open;
}

} // namespace crus::atlas
