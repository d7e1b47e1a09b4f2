#include "core/motion/joint_clearance.hpp"

#include "core/geometry/picking.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace crus::motion {

namespace {
constexpr float kTolerance = 0.001f; // deeper than this (beyond rest) counts as inside
constexpr int kSplits = 20;          // candidate splits 0, 1/20 .. 1
constexpr float kMixed = 0.02f;      // both bodies must weigh at least this
constexpr float kStretch = 2.8f;     // no edge stretched past this (or past what the bind gave)
constexpr float kSlope = 15.0f;
constexpr int kScaleBackPasses = 8; // per metre: how fast a change of the split fades over the mesh

struct JointCase {
  int parent = -1, child = -1;
  std::vector<std::vector<Rigid>> poses; // every body's transform at the test angles
  std::vector<int> bones;                // PickIndex meshes of the two bodies
  std::vector<int> bone_body;            // the body of each
};

float weight_of(const VertexWeights& w, int body) {
  for (std::size_t i = 0; i < kMaxInfluences; ++i)
    if (w.weight[i] > 0.0f && w.body[i] == body) return w.weight[i];
  return 0.0f;
}

// The weights with body `a`'s and body `b`'s shares set (others kept), sorted largest first.
VertexWeights with_split(const VertexWeights& w, int a, float wa, int b, float wb) {
  std::array<std::pair<float, int>, kMaxInfluences + 2> all{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < kMaxInfluences; ++i)
    if (w.weight[i] > 0.0f && w.body[i] != a && w.body[i] != b) all[n++] = {w.weight[i], w.body[i]};
  all[n++] = {wa, a};
  all[n++] = {wb, b};
  for (std::size_t i = 1; i < n; ++i) // insertion sort, largest first
    for (std::size_t k = i;
         k > 0 && (all[k].first > all[k - 1].first || (all[k].first == all[k - 1].first && all[k].second < all[k - 1].second));
         --k)
      std::swap(all[k], all[k - 1]);
  VertexWeights out;
  float total = 0.0f;
  for (std::size_t i = 0; i < std::min(n, kMaxInfluences); ++i) total += all[i].first;
  for (std::size_t i = 0, k = 0; i < std::min(n, kMaxInfluences); ++i)
    if (all[i].first > 0.0f) {
      out.body[k] = static_cast<std::uint8_t>(all[i].second);
      out.weight[k++] = all[i].first / total;
    }
  return out;
}
} // namespace

struct JointClearance::Impl {
  const PickIndex* bones = nullptr;
  std::vector<Aabb> boxes;
  std::vector<JointCase> joints;

  // How far p (rest) lies inside bone mesh m (0 outside), by the nearest
  // surface point's normal.
  float depth(int m, const glm::vec3& p) const {
    const Aabb& box = boxes[static_cast<std::size_t>(m)]; // outside its box: not inside it
    if (glm::any(glm::lessThan(p, box.min)) || glm::any(glm::greaterThan(p, box.max))) return 0.0f;
    const auto hit = bones->nearest_point(p, m, 0.05f);
    if (!hit || glm::dot(p - hit->point, hit->normal) >= 0.0f) return 0.0f;
    return hit->distance;
  }
  // Whether weights w take rest point r into a bone of the joint at any test pose.
  bool collides(const JointCase& j, const VertexWeights& w, const glm::vec3& r, const std::vector<float>& rest_depth) const {
    for (const auto& bodies : j.poses) {
      const glm::vec3 p = skin_point(w, bodies, r);
      for (std::size_t k = 0; k < j.bones.size(); ++k) {
        const Rigid back = bodies[static_cast<std::size_t>(j.bone_body[k])].inverse();
        if (depth(j.bones[k], glm::vec3(back(glm::dvec3(p)))) > rest_depth[k] + kTolerance) return true;
      }
    }
    return false;
  }
};

JointClearance::JointClearance(const MotionModel& model, const BoneMeshes& bones, const CancelToken* cancel) : impl_(new Impl) {
  const std::vector<int>& body_of_mesh = bones.body;
  impl_->bones = bones.index.get();
  for (std::size_t m = 0; m < bones.meshes.size(); ++m) impl_->boxes.push_back(impl_->bones->mesh_bounds(static_cast<int>(m)));
  for (const Joint& joint : model.joints) {
    if (cancelled(cancel)) return;
    if (std::any_of(impl_->joints.begin(), impl_->joints.end(),
                    [&](const JointCase& c) { return c.parent == joint.parent && c.child == joint.child; }))
      continue;
    JointCase c;
    c.parent = joint.parent;
    c.child = joint.child;
    const CoordinateInfo& info = model.info(joint.coordinate);
    for (double q : {info.min_deg, 0.5 * info.min_deg, 0.5 * info.max_deg, info.max_deg}) {
      if (q == 0.0) continue;
      Pose pose;
      pose[joint.coordinate] = q;
      c.poses.push_back(pose_bodies(model, pose));
    }
    for (std::size_t m = 0; m < body_of_mesh.size(); ++m)
      if (body_of_mesh[m] == c.parent || body_of_mesh[m] == c.child) {
        c.bones.push_back(static_cast<int>(m));
        c.bone_body.push_back(body_of_mesh[m]);
      }
    if (!c.poses.empty() && !c.bones.empty()) impl_->joints.push_back(std::move(c));
  }
}

JointClearance::~JointClearance() { delete impl_; }

void JointClearance::apply(const Mesh& mesh, const std::vector<float>& held, std::vector<VertexWeights>& weights,
                           const CancelToken* cancel) const {
  const std::size_t nv = std::min(weights.size(), mesh.positions.size());
  struct Edge {
    std::uint32_t a, b;
    float length;
  };
  std::vector<Edge> edges;
  for (const JointCase& j : impl_->joints) {
    // The child's share of the pair, and the nearest split clearing the
    // bones on each side of it (towards the child, towards the parent).
    std::vector<float> up(nv, 0.0f), down(nv, 0.0f);
    std::vector<bool> moves(nv, false);
    float cost_up = 0.0f, cost_down = 0.0f;
    bool any = false;
    std::vector<float> rest_depth(j.bones.size());
    for (std::size_t v = 0; v < nv; ++v) {
      if (cancelled_at(cancel, v)) return;
      const VertexWeights& w = weights[v];
      const float wp = weight_of(w, j.parent), wc = weight_of(w, j.child);
      if (wp < kMixed || wc < kMixed || held[v] > 0.05f) continue;
      const glm::vec3& r = mesh.positions[v];
      for (std::size_t k = 0; k < j.bones.size(); ++k) rest_depth[k] = impl_->depth(j.bones[k], r);
      if (!impl_->collides(j, w, r, rest_depth)) continue;
      const float pair = wp + wc, s0 = wc / pair;
      auto clear = [&](float s) {
        return !impl_->collides(j, with_split(w, j.parent, pair * (1.0f - s), j.child, pair * s), r, rest_depth);
      };
      up[v] = 1.0f - s0; // none clears it: all the way
      for (int i = 1; i <= kSplits; ++i) {
        const float s = std::min(1.0f, s0 + static_cast<float>(i) / kSplits);
        if (clear(s)) {
          up[v] = s - s0;
          break;
        }
      }
      down[v] = -s0;
      for (int i = 1; i <= kSplits; ++i) {
        const float s = std::max(0.0f, s0 - static_cast<float>(i) / kSplits);
        if (clear(s)) {
          down[v] = s - s0;
          break;
        }
      }
      cost_up += up[v];
      cost_down -= down[v];
      moves[v] = any = true;
    }
    // One direction for the whole structure, the cheaper in all, so that
    // neighbours never turn opposite ways and tear the mesh between them.
    std::vector<float> change(nv, 0.0f);
    for (std::size_t v = 0; v < nv; ++v)
      if (moves[v]) change[v] = cost_up <= cost_down ? up[v] : down[v];
    if (!any) continue;
    if (edges.empty())
      for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
          const std::uint32_t u = mesh.indices[t + static_cast<std::size_t>(e)],
                              w = mesh.indices[t + static_cast<std::size_t>((e + 1) % 3)];
          if (u < nv && w < nv) edges.push_back({u, w, glm::length(mesh.positions[u] - mesh.positions[w])});
        }
    // The change may differ between two vertices by at most kSlope times
    // their distance: it fades around each vertex that needs it, and it
    // fades to nothing towards the vertices an attachment holds, so no edge
    // stretches more than the joint itself makes it.
    const float sign = cost_up <= cost_down ? 1.0f : -1.0f;
    std::vector<float> size(nv), cap(nv);
    for (std::size_t v = 0; v < nv; ++v) {
      size[v] = std::abs(change[v]);
      cap[v] = held[v] > 0.05f ? 0.0f : 1.0f;
    }
    for (bool moved = true; moved;) {
      if (cancelled(cancel)) return;
      moved = false;
      for (const Edge& e : edges) {
        const float fall = kSlope * e.length;
        auto relax = [&](std::uint32_t x, std::uint32_t y) {
          if (size[y] - fall > size[x] + 1e-4f) {
            size[x] = size[y] - fall;
            moved = true;
          }
          if (cap[y] + fall < cap[x] - 1e-4f) {
            cap[x] = cap[y] + fall;
            moved = true;
          }
        };
        relax(e.a, e.b);
        relax(e.b, e.a);
      }
    }
    for (std::size_t v = 0; v < nv; ++v) change[v] = sign * std::min(size[v], cap[v]);
    // The change scaled per vertex, applied to the pair's split.
    auto changed = [&](const std::vector<float>& factor) {
      std::vector<VertexWeights> out = weights;
      for (std::size_t v = 0; v < nv; ++v) {
        const float d = change[v] * factor[v];
        if (std::abs(d) < 1e-4f) continue;
        const VertexWeights& w = weights[v];
        const float wp = weight_of(w, j.parent), wc = weight_of(w, j.child);
        const float pair = wp + wc;
        if (pair <= 0.0f) continue;
        const float s = std::clamp(wc / pair + d, 0.0f, 1.0f);
        out[v] = with_split(w, j.parent, pair * (1.0f - s), j.child, pair * s);
      }
      return out;
    };
    // Each edge's greatest stretch over the test poses; only the vertices
    // whose weights changed are posed again.
    std::vector<std::vector<glm::vec3>> bound_posed(j.poses.size(), std::vector<glm::vec3>(nv));
    for (std::size_t k = 0; k < j.poses.size(); ++k)
      for (std::size_t v = 0; v < nv; ++v) bound_posed[k][v] = skin_point(weights[v], j.poses[k], mesh.positions[v]);
    auto stretches = [&](const std::vector<VertexWeights>& ws) {
      std::vector<float> out(edges.size(), 0.0f);
      std::vector<glm::vec3> posed;
      for (std::size_t k = 0; k < j.poses.size(); ++k) {
        posed = bound_posed[k];
        for (std::size_t v = 0; v < nv; ++v)
          if (&ws != &weights && std::memcmp(&ws[v], &weights[v], sizeof(VertexWeights)) != 0)
            posed[v] = skin_point(ws[v], j.poses[k], mesh.positions[v]);
        for (std::size_t e = 0; e < edges.size(); ++e)
          if (edges[e].length > 1e-4f)
            out[e] = std::max(out[e], glm::length(posed[edges[e].a] - posed[edges[e].b]) / edges[e].length);
      }
      return out;
    };
    // Where the change stretches an edge past kStretch (or past what the
    // bind gave it), it is halved at both ends, again until none does; the
    // rest of the change, away from that edge, is kept.
    const std::vector<float> bound = stretches(weights);
    std::vector<float> factor(nv, 1.0f);
    for (int pass = 0; pass < kScaleBackPasses; ++pass) {
      if (cancelled(cancel)) return;
      const std::vector<float> now = stretches(changed(factor));
      bool over = false;
      std::vector<float> next = factor;
      for (std::size_t e = 0; e < edges.size(); ++e)
        if (now[e] > std::max(kStretch, bound[e])) {
          over = true;
          const float f = pass + 1 == kScaleBackPasses ? 0.0f : 0.5f * std::min(factor[edges[e].a], factor[edges[e].b]);
          next[edges[e].a] = std::min(next[edges[e].a], f);
          next[edges[e].b] = std::min(next[edges[e].b], f);
        }
      if (!over) break;
      factor.swap(next);
    }
    std::vector<VertexWeights> out = changed(factor);
    const std::vector<float> now = stretches(out);
    bool over = false;
    for (std::size_t e = 0; e < edges.size(); ++e) over = over || now[e] > std::max(kStretch, bound[e]) + 1e-3f;
    if (!over) weights = std::move(out);
  }
}

} // namespace crus::motion
