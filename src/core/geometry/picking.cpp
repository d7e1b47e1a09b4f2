#include "core/geometry/picking.hpp"

#include "core/error.hpp"

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string>

namespace crus {
namespace {

constexpr float float_max = std::numeric_limits<float>::max();
constexpr float infinity = std::numeric_limits<float>::infinity();

// Build parameters. Leaves hold at most max_leaf triangles; past
// sah_depth_limit levels the build falls back to median splits, which halve
// every node, so the depth (and the traversal stack) stays bounded.
constexpr int bin_count = 16;
constexpr std::uint32_t max_leaf = 8;
constexpr int sah_depth_limit = 64;
constexpr int stack_size = 128;
constexpr float traversal_cost = 1.0f; // relative to one triangle test

struct Box {
  glm::vec3 min{float_max};
  glm::vec3 max{-float_max};
  void grow(const glm::vec3& p) {
    min = glm::min(min, p);
    max = glm::max(max, p);
  }
  void grow(const Box& b) {
    min = glm::min(min, b.min);
    max = glm::max(max, b.max);
  }
  bool empty() const { return min.x > max.x; }
  float half_area() const {
    if (empty()) return 0.0f;
    const glm::vec3 d = max - min;
    return d.x * d.y + d.y * d.z + d.z * d.x;
  }
};

struct BuildItem {
  std::uint32_t node;
  std::uint32_t begin;
  std::uint32_t end;
  int depth;
};

inline int bin_of(float value, float lo, float scale) { return std::min(bin_count - 1, static_cast<int>((value - lo) * scale)); }

struct SahSplit {
  int axis = -1; // -1: no axis has any extent
  int bin = 0;   // triangles in bins below this one go left
  float cost = infinity;
};

// Binned surface area heuristic over the three axes of the centroid bounds.
SahSplit find_sah_split(const std::uint32_t* first, const std::uint32_t* last, const Box& centre_bounds,
                        const std::vector<Box>& boxes, const std::vector<glm::vec3>& centres) {
  SahSplit best;
  const glm::vec3 extent = centre_bounds.max - centre_bounds.min;
  for (int axis = 0; axis < 3; ++axis) {
    if (!(extent[axis] > 0.0f)) continue;
    const float scale = static_cast<float>(bin_count) / extent[axis];
    std::array<Box, bin_count> bin_boxes{};
    std::array<std::uint32_t, bin_count> bin_counts{};
    for (const std::uint32_t* it = first; it != last; ++it) {
      const int b = bin_of(centres[*it][axis], centre_bounds.min[axis], scale);
      bin_boxes[b].grow(boxes[*it]);
      ++bin_counts[b];
    }
    std::array<float, bin_count - 1> left_cost{};
    Box left;
    std::uint32_t left_count = 0;
    for (int b = 0; b < bin_count - 1; ++b) {
      left.grow(bin_boxes[b]);
      left_count += bin_counts[b];
      left_cost[b] = left.half_area() * static_cast<float>(left_count);
    }
    Box right;
    std::uint32_t right_count = 0;
    for (int b = bin_count - 1; b > 0; --b) {
      right.grow(bin_boxes[b]);
      right_count += bin_counts[b];
      const float cost = left_cost[b - 1] + right.half_area() * static_cast<float>(right_count);
      if (cost < best.cost) best = SahSplit{axis, b, cost};
    }
  }
  return best;
}

// Entry and exit of the ray with a box, clipped to [0, t_max]; a miss when
// the entry is past the exit.
inline float slab_entry(const glm::vec3& bmin, const glm::vec3& bmax, const glm::vec3& origin, const glm::vec3& inv_dir,
                        float t_max) {
  const glm::vec3 t0 = (bmin - origin) * inv_dir;
  const glm::vec3 t1 = (bmax - origin) * inv_dir;
  const glm::vec3 lo = glm::min(t0, t1);
  const glm::vec3 hi = glm::max(t0, t1);
  const float enter = std::max(std::max(lo.x, lo.y), std::max(lo.z, 0.0f));
  const float exit = std::min(std::min(hi.x, hi.y), std::min(hi.z, t_max));
  return enter <= exit ? enter : infinity;
}

inline float box_distance2(const glm::vec3& bmin, const glm::vec3& bmax, const glm::vec3& p) {
  const glm::vec3 d = glm::max(glm::max(bmin - p, p - bmax), glm::vec3(0.0f));
  return glm::dot(d, d);
}

// Zero direction components become tiny ones so that the slab test never
// computes 0 * inf.
glm::vec3 safe_inverse(const glm::vec3& d) {
  glm::vec3 inv;
  for (int i = 0; i < 3; ++i) {
    const float c = std::abs(d[i]) < 1e-30f ? std::copysign(1e-30f, d[i]) : d[i];
    inv[i] = 1.0f / c;
  }
  return inv;
}

struct ClosestOnTriangle {
  glm::vec3 point;
  float u; // weight of v0 + e1
  float v; // weight of v0 + e2
};

inline float ratio(float a, float b) { return b != 0.0f ? a / b : 0.0f; }

// Ericson, Real-Time Collision Detection, 5.1.5, with guards for degenerate
// triangles.
ClosestOnTriangle closest_on_triangle(const glm::vec3& p, const PickIndex::Triangle& tri) {
  const glm::vec3 a = tri.v0;
  const glm::vec3 b = tri.v0 + tri.e1;
  const glm::vec3 c = tri.v0 + tri.e2;
  const glm::vec3 ab = tri.e1;
  const glm::vec3 ac = tri.e2;
  const glm::vec3 ap = p - a;
  const float d1 = glm::dot(ab, ap);
  const float d2 = glm::dot(ac, ap);
  if (d1 <= 0.0f && d2 <= 0.0f) return {a, 0.0f, 0.0f};
  const glm::vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp);
  const float d4 = glm::dot(ac, bp);
  if (d3 >= 0.0f && d4 <= d3) return {b, 1.0f, 0.0f};
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) {
    const float w = ratio(d1, d1 - d3);
    return {a + w * ab, w, 0.0f};
  }
  const glm::vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp);
  const float d6 = glm::dot(ac, cp);
  if (d6 >= 0.0f && d5 <= d6) return {c, 0.0f, 1.0f};
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) {
    const float w = ratio(d2, d2 - d6);
    return {a + w * ac, 0.0f, w};
  }
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f) {
    const float w = ratio(d4 - d3, (d4 - d3) + (d5 - d6));
    return {b + w * (c - b), 1.0f - w, w};
  }
  const float denom = 1.0f / (va + vb + vc);
  const float v = vb * denom;
  const float w = vc * denom;
  return {a + ab * v + ac * w, v, w};
}

struct Candidate {
  float enter;
  int mesh;
};

} // namespace

Ray ray_from_screen(glm::vec2 pixel, glm::vec2 viewport_size, const glm::mat4& view, const glm::mat4& projection) {
  const glm::vec2 size = glm::max(viewport_size, glm::vec2(1.0f));
  const float x = 2.0f * pixel.x / size.x - 1.0f;
  const float y = 1.0f - 2.0f * pixel.y / size.y;
#if defined(GLM_FORCE_DEPTH_ZERO_TO_ONE)
  constexpr float near_depth = 0.0f;
  constexpr float mid_depth = 0.5f;
#else
  constexpr float near_depth = -1.0f;
  constexpr float mid_depth = 0.0f;
#endif
  // The second point is between the planes rather than on the far plane so
  // that an infinite far plane works too.
  const glm::mat4 inverse = glm::inverse(projection * view);
  const glm::vec4 near_h = inverse * glm::vec4(x, y, near_depth, 1.0f);
  const glm::vec4 mid_h = inverse * glm::vec4(x, y, mid_depth, 1.0f);
  const glm::vec3 near_point = glm::vec3(near_h) / near_h.w;
  const glm::vec3 mid_point = glm::vec3(mid_h) / mid_h.w;
  return Ray{near_point, glm::normalize(mid_point - near_point)};
}

PickIndex::MeshBvh PickIndex::build_mesh(const Mesh& mesh, const CancelToken* cancel) {
  MeshBvh bvh;
  const auto triangle_total = static_cast<std::uint32_t>(mesh.triangle_count());
  if (triangle_total == 0) return bvh;

  std::vector<Box> boxes(triangle_total);
  std::vector<glm::vec3> centres(triangle_total);
  const std::size_t vertex_total = mesh.positions.size();
  for (std::uint32_t t = 0; t < triangle_total; ++t) {
    Box box;
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t index = mesh.indices[3 * t + k];
      if (index >= vertex_total)
        throw InputError("triangle " + std::to_string(t),
                         "vertex index " + std::to_string(index) + " is past the " + std::to_string(vertex_total) + " positions");
      const glm::vec3& p = mesh.positions[index];
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
        throw InputError("vertex " + std::to_string(index), "position is not finite");
      box.grow(p);
    }
    boxes[t] = box;
    centres[t] = (box.min + box.max) * 0.5f;
  }

  std::vector<std::uint32_t> order(triangle_total);
  std::iota(order.begin(), order.end(), 0u);
  bvh.nodes.reserve(2 * static_cast<std::size_t>(triangle_total));
  bvh.nodes.push_back(Node{});

  std::vector<BuildItem> work{{0, 0, triangle_total, 0}};
  for (std::size_t items = 0; !work.empty(); ++items) {
    if (cancelled_at(cancel, items)) return bvh;
    const BuildItem item = work.back();
    work.pop_back();
    Box bounds;
    Box centre_bounds;
    for (std::uint32_t i = item.begin; i < item.end; ++i) {
      bounds.grow(boxes[order[i]]);
      centre_bounds.grow(centres[order[i]]);
    }
    Node& node = bvh.nodes[item.node];
    node.min = bounds.min;
    node.max = bounds.max;
    const std::uint32_t count = item.end - item.begin;
    auto make_leaf = [&] {
      Node& leaf = bvh.nodes[item.node];
      leaf.first = item.begin;
      leaf.count = count;
    };
    if (count <= 2) {
      make_leaf();
      continue;
    }

    const glm::vec3 extent = centre_bounds.max - centre_bounds.min;
    std::uint32_t middle = item.begin;
    bool split = false;
    if (item.depth < sah_depth_limit) {
      const SahSplit best = find_sah_split(&order[item.begin], &order[item.begin] + count, centre_bounds, boxes, centres);
      const float best_cost = best.cost;
      const int best_axis = best.axis;
      const int best_bin = best.bin;
      const float leaf_cost = bounds.half_area() * static_cast<float>(count);
      const float split_cost = traversal_cost * bounds.half_area() + best_cost;
      if (best_axis >= 0 && (split_cost < leaf_cost || count > max_leaf)) {
        const float scale = static_cast<float>(bin_count) / extent[best_axis];
        const float lo = centre_bounds.min[best_axis];
        auto it = std::stable_partition(order.begin() + item.begin, order.begin() + item.end,
                                        [&](std::uint32_t t) { return bin_of(centres[t][best_axis], lo, scale) < best_bin; });
        middle = static_cast<std::uint32_t>(it - order.begin());
        split = middle > item.begin && middle < item.end;
      } else if (count <= max_leaf) {
        make_leaf();
        continue;
      }
    }
    if (!split) {
      // Object median on the widest centroid axis; ties by triangle index
      // keep it deterministic.
      int axis = 0;
      if (extent.y > extent[axis]) axis = 1;
      if (extent.z > extent[axis]) axis = 2;
      middle = item.begin + count / 2;
      std::nth_element(order.begin() + item.begin, order.begin() + middle, order.begin() + item.end,
                       [&](std::uint32_t a, std::uint32_t b) {
                         if (centres[a][axis] != centres[b][axis]) return centres[a][axis] < centres[b][axis];
                         return a < b;
                       });
    }
    const auto left_index = static_cast<std::uint32_t>(bvh.nodes.size());
    bvh.nodes[item.node].first = left_index;
    bvh.nodes[item.node].count = 0;
    bvh.nodes.push_back(Node{});
    bvh.nodes.push_back(Node{});
    // Right first so the left subtree is built next (better locality).
    work.push_back({left_index + 1, middle, item.end, item.depth + 1});
    work.push_back({left_index, item.begin, middle, item.depth + 1});
  }
  bvh.nodes.shrink_to_fit();

  bvh.triangles.resize(triangle_total);
  bvh.source = std::move(order);
  for (std::uint32_t slot = 0; slot < triangle_total; ++slot) {
    const std::size_t t = bvh.source[slot];
    const glm::vec3& a = mesh.positions[mesh.indices[3 * t]];
    const glm::vec3& b = mesh.positions[mesh.indices[3 * t + 1]];
    const glm::vec3& c = mesh.positions[mesh.indices[3 * t + 2]];
    bvh.triangles[slot] = Triangle{a, b - a, c - a};
  }
  bvh.indices = mesh.indices;
  if (mesh.normals.size() == mesh.positions.size()) bvh.normals = mesh.normals;
  return bvh;
}

void PickIndex::build(const std::vector<const Mesh*>& meshes, const CancelToken* cancel) {
  std::vector<MeshBvh> built;
  built.reserve(meshes.size());
  for (std::size_t i = 0; i < meshes.size(); ++i) {
    if (meshes[i] == nullptr) {
      built.emplace_back();
      continue;
    }
    try {
      built.push_back(build_mesh(*meshes[i], cancel));
    } catch (const InputError& e) {
      throw InputError("pick mesh " + std::to_string(i), e.what());
    }
    if (cancelled(cancel)) {
      meshes_.clear();
      return;
    }
  }
  meshes_ = std::move(built);
}

std::size_t PickIndex::triangle_count() const {
  std::size_t total = 0;
  for (const MeshBvh& m : meshes_) total += m.triangles.size();
  return total;
}

PickIndex::LocalRay PickIndex::local_ray(const MeshBvh& bvh, const Ray& unit_ray, const glm::vec3& inv_direction) {
  if (!bvh.moved) return {unit_ray.origin, unit_ray.direction, inv_direction};
  const glm::vec3 d = glm::mat3(bvh.to_rest) * unit_ray.direction;
  return {glm::vec3(bvh.to_rest * glm::vec4(unit_ray.origin, 1.0f)), d, safe_inverse(d)};
}

bool PickIndex::intersect(const MeshBvh& bvh, const glm::vec3& origin, const glm::vec3& inv_dir, const glm::vec3& dir,
                          float t_max, RayHit& hit) {
  if (bvh.nodes.empty()) return false;
  struct Entry {
    std::uint32_t node;
    float enter;
  };
  std::array<Entry, stack_size> stack;
  int top = 0;
  bool found = false;
  const Node* nodes = bvh.nodes.data();
  const Triangle* triangles = bvh.triangles.data();
  if (slab_entry(nodes[0].min, nodes[0].max, origin, inv_dir, t_max) == infinity) return false;
  std::uint32_t current = 0;
  for (;;) {
    const Node& node = nodes[current];
    if (node.count > 0) {
      for (std::uint32_t slot = node.first; slot < node.first + node.count; ++slot) {
        // Moller-Trumbore, two-sided.
        const Triangle& tri = triangles[slot];
        const glm::vec3 p = glm::cross(dir, tri.e2);
        const float det = glm::dot(tri.e1, p);
        if (det == 0.0f) continue;
        const float inv_det = 1.0f / det;
        const glm::vec3 s = origin - tri.v0;
        const float u = glm::dot(s, p) * inv_det;
        if (u < 0.0f || u > 1.0f) continue;
        const glm::vec3 q = glm::cross(s, tri.e1);
        const float v = glm::dot(dir, q) * inv_det;
        if (v < 0.0f || u + v > 1.0f) continue;
        const float t = glm::dot(tri.e2, q) * inv_det;
        if (t > 0.0f && t < t_max) {
          t_max = t;
          hit = RayHit{t, slot, u, v};
          found = true;
        }
      }
    } else {
      const std::uint32_t left = node.first;
      const std::uint32_t right = node.first + 1;
      float enter_left = slab_entry(nodes[left].min, nodes[left].max, origin, inv_dir, t_max);
      float enter_right = slab_entry(nodes[right].min, nodes[right].max, origin, inv_dir, t_max);
      if (enter_left != infinity || enter_right != infinity) {
        std::uint32_t near = left;
        std::uint32_t far = right;
        if (enter_right < enter_left) {
          std::swap(near, far);
          std::swap(enter_left, enter_right);
        }
        if (enter_right != infinity) stack[top++] = Entry{far, enter_right};
        current = near;
        continue;
      }
    }
    // Pop the next node that can still hold a nearer hit.
    bool next = false;
    while (top > 0) {
      const Entry e = stack[--top];
      if (e.enter < t_max) {
        current = e.node;
        next = true;
        break;
      }
    }
    if (!next) break;
  }
  return found;
}

PickHit PickIndex::make_hit(int mesh, const Ray& unit_ray, const RayHit& hit) const {
  const MeshBvh& bvh = meshes_[mesh];
  const Triangle& tri = bvh.triangles[hit.slot];
  const std::size_t source = bvh.source[hit.slot];
  PickHit result;
  result.mesh = mesh;
  result.triangle = static_cast<int>(source);
  result.distance = hit.t;
  result.point = unit_ray.origin + hit.t * unit_ray.direction;
  glm::vec3 normal{0.0f};
  if (!bvh.normals.empty()) {
    normal = (1.0f - hit.u - hit.v) * bvh.normals[bvh.indices[3 * source]] + hit.u * bvh.normals[bvh.indices[3 * source + 1]] +
             hit.v * bvh.normals[bvh.indices[3 * source + 2]];
  }
  if (glm::dot(normal, normal) < 1e-12f) normal = glm::cross(tri.e1, tri.e2);
  if (bvh.moved) normal = glm::mat3(bvh.to_current) * normal; // the hierarchy is at rest
  const float length = glm::length(normal);
  result.normal = length > 0.0f ? normal / length : glm::vec3(0.0f);
  return result;
}

std::optional<PickHit> PickIndex::pick(const Ray& ray, const std::vector<std::uint8_t>& pickable) const {
  const float length = glm::length(ray.direction);
  if (!(length > 0.0f) || !std::isfinite(length)) return std::nullopt;
  const Ray unit{ray.origin, ray.direction / length};
  const glm::vec3 inv = safe_inverse(unit.direction);

  // Meshes whose bounds the ray enters, nearest entry first, so that a hit
  // on a near mesh rules out the farther ones without visiting them.
  std::vector<Candidate> candidates;
  candidates.reserve(meshes_.size());
  const std::size_t flagged = std::min(pickable.size(), meshes_.size());
  for (std::size_t i = 0; i < flagged; ++i) {
    if (pickable[i] == pick_hidden || meshes_[i].nodes.empty()) continue;
    const Node& root = meshes_[i].nodes.front();
    const LocalRay r = local_ray(meshes_[i], unit, inv);
    const float enter = slab_entry(root.min, root.max, r.origin, r.inv_direction, infinity);
    if (enter != infinity) candidates.push_back({enter, static_cast<int>(i)});
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.enter != b.enter ? a.enter < b.enter : a.mesh < b.mesh; });

  // Opaque meshes first: a hit on one makes every ghosted mesh irrelevant,
  // so those are only visited when the ray meets no opaque mesh.
  RayHit opaque{infinity, 0, 0, 0};
  int opaque_mesh = -1;
  bool any_ghosted = false;
  for (const Candidate& c : candidates) {
    if (c.enter >= opaque.t) break;
    if (pickable[c.mesh] == pick_ghosted) {
      any_ghosted = true;
      continue;
    }
    const LocalRay r = local_ray(meshes_[c.mesh], unit, inv);
    if (intersect(meshes_[c.mesh], r.origin, r.inv_direction, r.direction, opaque.t, opaque)) opaque_mesh = c.mesh;
  }
  RayHit ghosted{infinity, 0, 0, 0};
  int ghosted_mesh = -1;
  if (opaque_mesh < 0 && any_ghosted) {
    for (const Candidate& c : candidates) {
      if (c.enter >= ghosted.t) break;
      if (pickable[c.mesh] != pick_ghosted) continue;
      const LocalRay r = local_ray(meshes_[c.mesh], unit, inv);
      if (intersect(meshes_[c.mesh], r.origin, r.inv_direction, r.direction, ghosted.t, ghosted)) ghosted_mesh = c.mesh;
    }
  }
  if (opaque_mesh >= 0) return make_hit(opaque_mesh, unit, opaque);
  if (ghosted_mesh >= 0) return make_hit(ghosted_mesh, unit, ghosted);
  return std::nullopt;
}

std::optional<PickHit> PickIndex::pick_all(const Ray& ray) const {
  return pick(ray, std::vector<std::uint8_t>(meshes_.size(), pick_opaque));
}

std::vector<PickHit> PickIndex::hits_along(const Ray& ray, const std::vector<std::uint8_t>& pickable) const {
  std::vector<PickHit> hits;
  const float length = glm::length(ray.direction);
  if (!(length > 0.0f) || !std::isfinite(length)) return hits;
  const Ray unit{ray.origin, ray.direction / length};
  const glm::vec3 inv = safe_inverse(unit.direction);
  const std::size_t flagged = std::min(pickable.size(), meshes_.size());
  for (std::size_t i = 0; i < flagged; ++i) {
    if (pickable[i] == pick_hidden) continue;
    RayHit hit{infinity, 0, 0, 0};
    const LocalRay r = local_ray(meshes_[i], unit, inv);
    if (intersect(meshes_[i], r.origin, r.inv_direction, r.direction, infinity, hit))
      hits.push_back(make_hit(static_cast<int>(i), unit, hit));
  }
  std::sort(hits.begin(), hits.end(), [](const PickHit& a, const PickHit& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.mesh < b.mesh;
  });
  return hits;
}

std::optional<PickHit> PickIndex::nearest_point(glm::vec3 p, int mesh, float max_distance) const {
  if (mesh < 0 || static_cast<std::size_t>(mesh) >= meshes_.size()) return std::nullopt;
  const MeshBvh& bvh = meshes_[mesh];
  if (bvh.nodes.empty()) return std::nullopt;
  if (bvh.moved) p = glm::vec3(bvh.to_rest * glm::vec4(p, 1.0f)); // the hierarchy is at rest
  float best = max_distance == infinity ? infinity : max_distance * max_distance;
  std::uint32_t best_slot = 0;
  ClosestOnTriangle best_point{};
  bool found = false;

  struct Entry {
    std::uint32_t node;
    float distance2;
  };
  std::array<Entry, stack_size> stack;
  int top = 0;
  const Node* nodes = bvh.nodes.data();
  if (box_distance2(nodes[0].min, nodes[0].max, p) > best) return std::nullopt;
  std::uint32_t current = 0;
  for (;;) {
    const Node& node = nodes[current];
    if (node.count > 0) {
      for (std::uint32_t slot = node.first; slot < node.first + node.count; ++slot) {
        const ClosestOnTriangle c = closest_on_triangle(p, bvh.triangles[slot]);
        const glm::vec3 d = c.point - p;
        const float d2 = glm::dot(d, d);
        if (d2 < best || (!found && d2 <= best)) {
          best = d2;
          best_slot = slot;
          best_point = c;
          found = true;
        }
      }
    } else {
      std::uint32_t near = node.first;
      std::uint32_t far = node.first + 1;
      float d_near = box_distance2(nodes[near].min, nodes[near].max, p);
      float d_far = box_distance2(nodes[far].min, nodes[far].max, p);
      if (d_far < d_near) {
        std::swap(near, far);
        std::swap(d_near, d_far);
      }
      if (d_near <= best) {
        if (d_far <= best) stack[top++] = Entry{far, d_far};
        current = near;
        continue;
      }
    }
    bool next = false;
    while (top > 0) {
      const Entry e = stack[--top];
      if (e.distance2 <= best) {
        current = e.node;
        next = true;
        break;
      }
    }
    if (!next) break;
  }
  if (!found) return std::nullopt;

  const Ray at_point{best_point.point, glm::vec3(0.0f)};
  PickHit hit = make_hit(mesh, at_point, RayHit{0.0f, best_slot, best_point.u, best_point.v});
  hit.distance = std::sqrt(best);
  hit.point = bvh.moved ? glm::vec3(bvh.to_current * glm::vec4(best_point.point, 1.0f)) : best_point.point;
  return hit;
}

} // namespace crus
