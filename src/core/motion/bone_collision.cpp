#include "core/motion/bone_collision.hpp"

#include "core/geometry/picking.hpp"
#include "core/document/scene.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace crus::motion {

namespace {
constexpr float kTolerance = 0.0002f; // deeper than the rest depth by less than this: left alone
constexpr float kMaxDepth = 0.03f;    // nearest-point search radius inside a bone
constexpr int kRounds = 2;            // push and spread, then once more for what the spread left inside
constexpr int kMaxSpreadPasses = 64;
constexpr float kSlack = 0.0002f;     // rounding, and the bent normals at a bone's surface
constexpr float kSkim = 2.0f;         // the way back may be this many times the nearest depth (+ 2 mm)
constexpr float kStretchLimit = 2.5f; // no edge pushed past this times its rest length (or its blended length)
constexpr float kBlendLimit = 2.8f;   // nor left past this by the blend itself (a weight step over a bent joint)
constexpr int kStretchPasses = 12;

struct Pair {
  std::uint32_t vertex = 0;
  std::uint8_t body = 0;
  float clearance = 0.0f; // signed distance to the body's bones at rest (negative: inside)
};
struct Edge {
  std::uint32_t a = 0, b = 0;
  float length = 0.0f;
};
struct Bound {
  std::vector<Pair> pairs;
  std::vector<Edge> edges;
  std::vector<float> mobility; // 1 - held
  // Each vertex's neighbours (CSR over `edges`) and triangles (CSR into
  // `indices`), for the normals of what the pass moves.
  std::vector<std::uint32_t> ring_start, ring, tri_start, tris, indices;
};
// Which cells of a coarse grid over one bone may hold bone (surface or
// inside): a point in any other cell is outside, for one look-up instead of
// a nearest-point search. Cells holding a vertex, grown by one cell (the
// triangles are far smaller than a cell), then everything the outside
// cannot reach round them.
class Occupancy {
public:
  Occupancy() = default;
  Occupancy(const Mesh& mesh, float cell) : cell_(cell) {
    if (mesh.positions.empty()) return;
    lo_ = hi_ = mesh.positions.front();
    for (const auto& p : mesh.positions) {
      lo_ = glm::min(lo_, p);
      hi_ = glm::max(hi_, p);
    }
    lo_ -= glm::vec3(2.0f * cell);
    for (int a = 0; a < 3; ++a) n_[a] = static_cast<int>(std::ceil((hi_[a] - lo_[a]) / cell)) + 3;
    std::vector<std::uint8_t> surface(static_cast<std::size_t>(n_[0] * n_[1] * n_[2]), 0);
    auto mark = [&](const glm::vec3& p) {
      const glm::ivec3 c = glm::ivec3((p - lo_) / cell_);
      for (int x = -1; x <= 1; ++x)
        for (int y = -1; y <= 1; ++y)
          for (int z = -1; z <= 1; ++z) surface[index(c.x + x, c.y + y, c.z + z)] = 1;
    };
    for (const auto& p : mesh.positions) mark(p);
    // Triangles longer than a cell (the light atlas's shafts) are sampled
    // across, so the shell has no gap for the flood to leak through.
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
      const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                      c = mesh.positions[mesh.indices[t + 2]];
      const float longest = std::max({glm::length(b - a), glm::length(c - b), glm::length(a - c)});
      const int n = static_cast<int>(std::ceil(longest / cell_));
      if (n <= 1) continue;
      for (int i = 0; i <= n; ++i)
        for (int j = 0; i + j <= n; ++j) {
          const float u = static_cast<float>(i) / static_cast<float>(n), v = static_cast<float>(j) / static_cast<float>(n);
          mark(a + u * (b - a) + v * (c - a));
        }
    }
    // Flood the outside from a corner cell (never surface: the grid has a
    // margin of two cells); what it does not reach may hold bone.
    may_.assign(surface.size(), 1);
    std::vector<std::size_t> stack{0};
    may_[0] = 0;
    while (!stack.empty()) {
      const std::size_t i = stack.back();
      stack.pop_back();
      const int z = static_cast<int>(i % static_cast<std::size_t>(n_[2])),
                y = static_cast<int>((i / static_cast<std::size_t>(n_[2])) % static_cast<std::size_t>(n_[1])),
                x = static_cast<int>(i / static_cast<std::size_t>(n_[2] * n_[1]));
      const int next[6][3] = {{x - 1, y, z}, {x + 1, y, z}, {x, y - 1, z}, {x, y + 1, z}, {x, y, z - 1}, {x, y, z + 1}};
      for (const auto& c : next) {
        if (c[0] < 0 || c[1] < 0 || c[2] < 0 || c[0] >= n_[0] || c[1] >= n_[1] || c[2] >= n_[2]) continue;
        const std::size_t j = index(c[0], c[1], c[2]);
        if (may_[j] && !surface[j]) {
          may_[j] = 0;
          stack.push_back(j);
        }
      }
    }
  }
  bool may_hold_bone(const glm::vec3& p) const {
    if (may_.empty()) return false;
    const glm::vec3 f = (p - lo_) / cell_;
    if (f.x < 0.0f || f.y < 0.0f || f.z < 0.0f) return false;
    const glm::ivec3 c(f);
    if (c.x >= n_[0] || c.y >= n_[1] || c.z >= n_[2]) return false;
    return may_[index(c.x, c.y, c.z)] != 0;
  }

private:
  std::size_t index(int x, int y, int z) const {
    return (static_cast<std::size_t>(x) * static_cast<std::size_t>(n_[1]) + static_cast<std::size_t>(y)) *
               static_cast<std::size_t>(n_[2]) +
           static_cast<std::size_t>(z);
  }
  float cell_ = 0.005f;
  glm::vec3 lo_{0.0f}, hi_{0.0f};
  int n_[3] = {0, 0, 0};
  std::vector<std::uint8_t> may_;
};

struct InverseBody {
  glm::mat3 r{1.0f}; // transpose of the body's rotation
  glm::vec3 t{0.0f};
  glm::mat3 forward{1.0f};
};
} // namespace

struct BoneCollision::Impl {
  BoneCollisionOptions options;
  std::shared_ptr<const PickIndex> bones = std::make_shared<const PickIndex>();
  std::vector<Aabb> boxes;                     // per bone mesh, rest frame
  std::vector<Occupancy> occupancy;            // per bone mesh
  std::vector<std::vector<int>> body_meshes;   // bone meshes of each body
  std::vector<std::vector<std::uint8_t>> only; // per bone mesh: pick flags selecting it alone
  std::unordered_map<std::size_t, Bound> structures;

  // Signed distance from p to bone mesh m (negative inside), or reach when
  // farther than that. Inside by the normal at the nearest surface point.
  float signed_distance(int m, const glm::vec3& p, float reach, glm::vec3* nearest = nullptr) const {
    const Aabb& box = boxes[static_cast<std::size_t>(m)];
    const glm::vec3 gap = glm::max(glm::max(box.min - p, p - box.max), glm::vec3(0.0f));
    if (glm::length(gap) >= reach) return reach;
    const auto hit = bones->nearest_point(p, m, reach);
    if (!hit) return reach;
    if (nearest) *nearest = hit->point;
    return glm::dot(p - hit->point, hit->normal) < 0.0f ? -hit->distance : hit->distance;
  }
};

BoneCollision::BoneCollision() : impl_(std::make_unique<Impl>()) {}
BoneCollision::~BoneCollision() = default;
BoneCollision::BoneCollision(BoneCollision&&) noexcept = default;
BoneCollision& BoneCollision::operator=(BoneCollision&&) noexcept = default;

BoneMeshes index_bone_meshes(const MotionModel& model, const Scene& scene, const CancelToken* cancel) {
  BoneMeshes out;
  for (const auto& s : scene.structures)
    if (model.is_rigid_bone(s.id) && !s.mesh.indices.empty()) {
      out.meshes.push_back(&s.mesh);
      out.body.push_back(model.body_of_structure(s.id));
    }
  auto index = std::make_shared<PickIndex>();
  index->build(out.meshes, cancel);
  out.index = std::move(index);
  return out;
}

void BoneCollision::bind_bones(const MotionModel& model, const BoneMeshes& bones, const BoneCollisionOptions& options,
                               const CancelToken* cancel) {
  impl_->options = options;
  const std::vector<const Mesh*>& meshes = bones.meshes;
  impl_->body_meshes.assign(model.bodies.size(), {});
  for (std::size_t m = 0; m < meshes.size(); ++m)
    impl_->body_meshes[static_cast<std::size_t>(bones.body[m])].push_back(static_cast<int>(m));
  impl_->bones = bones.index;
  impl_->boxes.clear();
  impl_->occupancy.clear();
  for (const Mesh* m : meshes) {
    if (cancelled(cancel)) return;
    impl_->occupancy.emplace_back(*m, 0.003f);
  }
  impl_->only.assign(meshes.size(), std::vector<std::uint8_t>(meshes.size(), pick_hidden));
  for (std::size_t m = 0; m < meshes.size(); ++m) impl_->only[m][m] = pick_opaque;
  for (std::size_t m = 0; m < meshes.size(); ++m) impl_->boxes.push_back(impl_->bones->mesh_bounds(static_cast<int>(m)));
}

void BoneCollision::bind_structure(std::size_t structure, const Mesh& mesh, const std::vector<float>& held,
                                   const std::vector<int>& body_only, const CancelToken* cancel) {
  Bound out;
  const float reach = impl_->options.reach_m;
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    if (cancelled_at(cancel, v)) return;
    for (std::size_t b = 0; b < impl_->body_meshes.size(); ++b) {
      if (v < held.size() && held[v] >= 1.0f) break;
      if (v < body_only.size() && body_only[v] == static_cast<int>(b)) continue;
      float clearance = reach;
      for (int m : impl_->body_meshes[b]) clearance = std::min(clearance, impl_->signed_distance(m, mesh.positions[v], reach));
      if (clearance < reach) out.pairs.push_back({static_cast<std::uint32_t>(v), static_cast<std::uint8_t>(b), clearance});
    }
  }
  if (out.pairs.empty() || cancelled(cancel)) return;
  out.mobility.resize(mesh.positions.size());
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) out.mobility[v] = v < held.size() ? 1.0f - held[v] : 1.0f;
  std::vector<std::uint64_t> keys;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      std::uint32_t a = mesh.indices[t + static_cast<std::size_t>(e)],
                    b = mesh.indices[t + static_cast<std::size_t>((e + 1) % 3)];
      if (a > b) std::swap(a, b);
      if (a != b && b < mesh.positions.size()) keys.push_back((static_cast<std::uint64_t>(a) << 32) | b);
    }
  if (cancelled(cancel)) return;
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  if (cancelled(cancel)) return;
  for (std::uint64_t k : keys) {
    const auto a = static_cast<std::uint32_t>(k >> 32), b = static_cast<std::uint32_t>(k & 0xffffffffu);
    out.edges.push_back({a, b, glm::length(mesh.positions[a] - mesh.positions[b])});
  }
  const std::size_t nv = mesh.positions.size();
  out.ring_start.assign(nv + 1, 0);
  for (const Edge& e : out.edges) {
    ++out.ring_start[e.a + 1];
    ++out.ring_start[e.b + 1];
  }
  for (std::size_t v = 0; v < nv; ++v) out.ring_start[v + 1] += out.ring_start[v];
  out.ring.resize(out.ring_start.back());
  std::vector<std::uint32_t> fill(out.ring_start.begin(), out.ring_start.end() - 1);
  for (const Edge& e : out.edges) {
    out.ring[fill[e.a]++] = e.b;
    out.ring[fill[e.b]++] = e.a;
  }
  if (cancelled(cancel)) return;
  out.indices.assign(mesh.indices.begin(), mesh.indices.begin() + static_cast<std::ptrdiff_t>(mesh.indices.size() / 3 * 3));
  out.tri_start.assign(nv + 1, 0);
  for (std::uint32_t i : out.indices)
    if (i < nv) ++out.tri_start[i + 1];
  for (std::size_t v = 0; v < nv; ++v) out.tri_start[v + 1] += out.tri_start[v];
  out.tris.resize(out.tri_start.back());
  fill.assign(out.tri_start.begin(), out.tri_start.end() - 1);
  for (std::size_t t = 0; t < out.indices.size(); ++t)
    if (out.indices[t] < nv) out.tris[fill[out.indices[t]]++] = static_cast<std::uint32_t>(t / 3);
  impl_->structures[structure] = std::move(out);
}

bool BoneCollision::bound(std::size_t structure) const { return impl_->structures.count(structure) != 0; }

std::size_t BoneCollision::apply(std::size_t structure, const std::vector<glm::vec3>& rest, const std::vector<Rigid>& bodies,
                                 std::vector<glm::vec3>& positions, std::vector<glm::vec3>* normals) const {
  const auto it = impl_->structures.find(structure);
  if (it == impl_->structures.end()) return 0;
  const Bound& bound = it->second;
  const std::size_t nv = positions.size();
  if (rest.size() != nv || bound.mobility.size() != nv) return 0;
  std::vector<InverseBody> inv(bodies.size());
  for (std::size_t b = 0; b < bodies.size(); ++b) {
    inv[b].forward = glm::mat3(bodies[b].r);
    inv[b].r = glm::transpose(inv[b].forward);
    inv[b].t = glm::vec3(bodies[b].t);
  }
  const auto& o = impl_->options;
  std::vector<glm::vec3> push(nv), spread;
  std::vector<float> size, fixed;
  std::vector<char> pinned(nv), moved;
  std::size_t pushed_total = 0;
  std::vector<glm::vec3> blended;
  for (int round = 0; round < kRounds; ++round) {
    std::fill(push.begin(), push.end(), glm::vec3(0.0f));
    std::fill(pinned.begin(), pinned.end(), 0);
    std::size_t pushed = 0;
    for (const Pair& pair : bound.pairs) {
      if (pair.body >= bodies.size()) continue;
      if (round > 0 && !moved[pair.vertex]) continue; // as the first round found it
      const InverseBody& body = inv[pair.body];
      const glm::vec3 p = positions[pair.vertex] + push[pair.vertex];
      const glm::vec3 q = body.r * (p - body.t); // in the body's rest frame
      const glm::vec3& r = rest[pair.vertex];
      // Moved less than its clearance relative to this body: still outside.
      // Else no deeper than it moved beyond its clearance (the ball of
      // that radius about its rest place holds no bone), which bounds the
      // nearest-point search.
      const float moved_by = glm::length(q - r);
      if (moved_by < pair.clearance - kSlack) continue;
      const float rest_depth = std::max(0.0f, -pair.clearance);
      const float search = pair.clearance > 0.0f ? moved_by - pair.clearance + kSlack : kMaxDepth;
      for (int m : impl_->body_meshes[pair.body]) {
        if (!impl_->occupancy[static_cast<std::size_t>(m)].may_hold_bone(q)) continue;
        glm::vec3 nearest(0.0f); // set wherever d < 0
        const float d = impl_->signed_distance(m, q, search, &nearest);
        if (d >= 0.0f || -d <= rest_depth + kTolerance) continue;
        // Tissue that lay outside at rest goes back out the way it came in,
        // relative to this bone (from here towards its rest place), so that
        // neighbours leave by the same face: by the nearest surface point, a
        // vertex deep in a thin bone would leave by the far side while its
        // neighbour left by the near one, tearing the sheet between them.
        // Tissue the atlas lays inside at rest goes back to its rest depth.
        glm::vec3 way = (nearest - q) / -d;
        float by = -d - rest_depth;
        if (rest_depth == 0.0f && glm::length(r - q) > 1e-6f) {
          const Ray back{q, r - q};
          const auto hits = impl_->bones->hits_along(back, impl_->only[static_cast<std::size_t>(m)]);
          // Not where the way back skims the bone: leaving along it would
          // carry the vertex far along the bone (the nearest point is then
          // the better way out).
          if (!hits.empty() && hits.front().distance <= glm::length(r - q) && hits.front().distance <= kSkim * -d + 0.002f) {
            way = glm::normalize(r - q);
            by = hits.front().distance;
          }
        }
        if (rest_depth == 0.0f) by += o.margin_m;
        push[pair.vertex] += body.forward * (way * by);
        pinned[pair.vertex] = 1;
        ++pushed;
      }
    }
    if (pushed == 0) break;
    if (pushed_total == 0) blended = positions;
    pushed_total += pushed;
    // Spread: each vertex takes the largest push of any pushed vertex less
    // `slope` times the edge path to it, in that vertex's direction.
    size.assign(nv, 0.0f);
    spread = push;
    for (std::size_t v = 0; v < nv; ++v) size[v] = glm::length(push[v]);
    for (int pass = 0; pass < kMaxSpreadPasses; ++pass) {
      bool moved = false;
      auto relax = [&](std::uint32_t x, std::uint32_t y, float fall) {
        if (size[y] - fall > size[x] + 1e-5f) {
          size[x] = size[y] - fall;
          spread[x] = spread[y] * (size[x] / size[y]);
          moved = true;
        }
      };
      for (const Edge& e : bound.edges) {
        const float fall = o.slope * e.length;
        relax(e.a, e.b, fall);
        relax(e.b, e.a, fall);
      }
      if (!moved) break;
    }
    // Smoothed where not pinned, so neighbours taking different pushes'
    // directions do not shear the sheet between them.
    for (int pass = 0; pass < o.smooth_passes; ++pass) {
      std::vector<glm::vec3> sum(spread);
      fixed.assign(nv, 1.0f);
      for (const Edge& e : bound.edges) {
        sum[e.a] += spread[e.b];
        sum[e.b] += spread[e.a];
        fixed[e.a] += 1.0f;
        fixed[e.b] += 1.0f;
      }
      for (std::size_t v = 0; v < nv; ++v)
        if (!pinned[v]) spread[v] = sum[v] / fixed[v];
    }
    if (moved.empty()) moved.assign(nv, 0);
    for (std::size_t v = 0; v < nv; ++v) {
      const glm::vec3 by = spread[v] * bound.mobility[v];
      positions[v] += by;
      moved[v] = by != glm::vec3(0.0f);
    }
  }
  if (pushed_total == 0) return 0;
  // Where pushes in different directions (two faces of a bone's crest)
  // still pull an edge apart, its ends are drawn together, the freer end
  // the more: a little tissue left in the bone rather than a torn sheet.
  for (int pass = 0; pass < kStretchPasses; ++pass) {
    bool over = false;
    for (const Edge& e : bound.edges) {
      const float limit =
          std::max(kStretchLimit * e.length, std::min(glm::length(blended[e.a] - blended[e.b]), kBlendLimit * e.length));
      const glm::vec3 d = positions[e.b] - positions[e.a];
      const float l = glm::length(d);
      const float ma = bound.mobility[e.a], mb = bound.mobility[e.b];
      if (l <= limit || ma + mb <= 0.0f) continue;
      const glm::vec3 fix = d * ((l - limit) / l / (ma + mb));
      positions[e.a] += fix * ma;
      positions[e.b] -= fix * mb;
      over = true;
    }
    if (!over) break;
  }
  // The blend's normals no longer fit where the pass moved the surface: the
  // area-weighted normals of the moved vertices and their neighbours (whose
  // triangles the move tilted) are remade from the posed triangles.
  if (normals && normals->size() == nv) {
    std::vector<char> again(nv, 0);
    for (std::size_t v = 0; v < nv; ++v) {
      if (positions[v] == blended[v]) continue;
      again[v] = 1;
      for (std::uint32_t k = bound.ring_start[v]; k < bound.ring_start[v + 1]; ++k) again[bound.ring[k]] = 1;
    }
    for (std::size_t v = 0; v < nv; ++v) {
      if (!again[v]) continue;
      glm::vec3 sum(0.0f);
      for (std::uint32_t k = bound.tri_start[v]; k < bound.tri_start[v + 1]; ++k) {
        const std::uint32_t* t = &bound.indices[3 * static_cast<std::size_t>(bound.tris[k])];
        if (t[0] >= nv || t[1] >= nv || t[2] >= nv) continue;
        sum += glm::cross(positions[t[1]] - positions[t[0]], positions[t[2]] - positions[t[0]]);
      }
      const float len = glm::length(sum);
      if (len > 0.0f) (*normals)[v] = sum / len;
    }
  }
  return pushed_total;
}

} // namespace crus::motion
