#include "core/motion/soft_tissue.hpp"

#include "core/geometry/rest_frame.hpp"

#include "core/motion/joint_clearance.hpp"
#include "core/motion/skin_layer.hpp"
#include "core/parallel.hpp"
#include "core/document/scene.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

namespace crus::motion {

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
// Bodies farther than the nearest by this many blend widths weigh under
// e^-6 (0.25 %): they are not looked for and get no weight.
constexpr double kCutoffWidths = 6.0;

// Nearest-point queries against one body's bones: the bone vertices thinned
// to one per voxel (bone meshes are finer than the blend needs) in a uniform
// grid searched ring by ring from the query's cell.
class BonePoints {
public:
  BonePoints() = default;
  BonePoints(const std::vector<glm::vec3>& points, float cell) : cell_(cell) {
    if (points.empty()) return;
    lo_ = hi_ = points.front();
    for (const auto& p : points) {
      lo_ = glm::min(lo_, p);
      hi_ = glm::max(hi_, p);
    }
    for (int a = 0; a < 3; ++a) dims_[a] = std::max(1, static_cast<int>(std::floor((hi_[a] - lo_[a]) / cell_)) + 1);
    // One point per 3 mm voxel, then bucketed by grid cell (counting sort).
    std::unordered_set<std::uint64_t> seen;
    std::vector<glm::vec3> kept;
    for (const auto& p : points) {
      const glm::vec3 v = (p - lo_) / 0.003f;
      const auto key =
          (static_cast<std::uint64_t>(v.x) << 42) | (static_cast<std::uint64_t>(v.y) << 21) | static_cast<std::uint64_t>(v.z);
      if (seen.insert(key).second) kept.push_back(p);
    }
    start_.assign(static_cast<std::size_t>(dims_[0] * dims_[1] * dims_[2]) + 1, 0);
    for (const auto& p : kept) ++start_[cell_of(p) + 1];
    for (std::size_t i = 1; i < start_.size(); ++i) start_[i] += start_[i - 1];
    points_.resize(kept.size());
    std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
    for (const auto& p : kept) points_[fill[cell_of(p)]++] = p;
  }
  bool empty() const { return points_.empty(); }

  // Distance from p to the box of the points (a lower bound of nearest()).
  float box_distance(const glm::vec3& p) const {
    const glm::vec3 d = glm::max(glm::max(lo_ - p, p - hi_), glm::vec3(0.0f));
    return glm::length(d);
  }

  // Distance to the nearest point, or kInf when none is within `cutoff`.
  float nearest(const glm::vec3& p, float cutoff) const {
    if (points_.empty() || box_distance(p) > cutoff) return kInf;
    int c[3];
    for (int a = 0; a < 3; ++a) c[a] = static_cast<int>(std::floor((p[a] - lo_[a]) / cell_));
    int reach = 0; // the ring beyond which no cell of the grid lies
    for (int a = 0; a < 3; ++a) reach = std::max({reach, std::abs(c[a]), std::abs(dims_[a] - 1 - c[a])});
    float best2 = kInf;
    for (int k = 0; k <= reach; ++k) {
      const float ring_gap = static_cast<float>(k - 1) * cell_; // no point of ring k is nearer
      if (k > 0 && (ring_gap > cutoff || ring_gap * ring_gap > best2)) break;
      for (int x = std::max(0, c[0] - k); x <= std::min(dims_[0] - 1, c[0] + k); ++x)
        for (int y = std::max(0, c[1] - k); y <= std::min(dims_[1] - 1, c[1] + k); ++y) {
          const bool edge = std::abs(x - c[0]) == k || std::abs(y - c[1]) == k;
          auto visit = [&](int z) {
            if (z < 0 || z >= dims_[2]) return;
            const std::size_t cell = static_cast<std::size_t>((x * dims_[1] + y) * dims_[2] + z);
            for (std::uint32_t i = start_[cell]; i < start_[cell + 1]; ++i) {
              const glm::vec3 d = points_[i] - p;
              best2 = std::min(best2, glm::dot(d, d));
            }
          };
          if (edge || k == 0) {
            for (int z = std::max(0, c[2] - k); z <= std::min(dims_[2] - 1, c[2] + k); ++z) visit(z);
          } else { // inside the ring's x-y square only its two z faces are on the ring
            visit(c[2] - k);
            visit(c[2] + k);
          }
        }
    }
    const float best = std::sqrt(best2);
    return best <= cutoff ? best : kInf;
  }

private:
  std::size_t cell_of(const glm::vec3& p) const {
    int c[3];
    for (int a = 0; a < 3; ++a) c[a] = std::clamp(static_cast<int>(std::floor((p[a] - lo_[a]) / cell_)), 0, dims_[a] - 1);
    return static_cast<std::size_t>((c[0] * dims_[1] + c[1]) * dims_[2] + c[2]);
  }
  float cell_ = 0.015f;
  glm::vec3 lo_{0.0f}, hi_{0.0f};
  int dims_[3] = {1, 1, 1};
  std::vector<std::uint32_t> start_;
  std::vector<glm::vec3> points_;
};

// The bodies a muscle's path runs through and every body between them on
// the chain (each path body up to the lowest common ancestor of them all).
std::vector<bool> path_bodies(const MotionModel& model, const MusclePath& muscle) {
  std::vector<bool> in(model.bodies.size(), false);
  auto ancestors = [&](int b) {
    std::vector<int> chain;
    for (; b >= 0; b = model.bodies[static_cast<std::size_t>(b)].parent) chain.push_back(b);
    return chain;
  };
  std::vector<int> common;
  for (const auto& pt : muscle.points) {
    auto chain = ancestors(pt.body);
    if (common.empty()) {
      common = chain;
    } else {
      std::erase_if(common, [&](int b) { return std::find(chain.begin(), chain.end(), b) == chain.end(); });
    }
  }
  const int lca = common.empty() ? -1 : common.front();
  for (const auto& pt : muscle.points)
    for (int b = pt.body; b >= 0; b = model.bodies[static_cast<std::size_t>(b)].parent) {
      in[static_cast<std::size_t>(b)] = true;
      if (b == lca) break;
    }
  return in;
}

double smoothstep(double a, double b, double x) {
  const double t = std::clamp((x - a) / (b - a), 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

// The one body each vertex moves with wholly (-1 where it blends).
std::vector<int> sole_bodies(const std::vector<VertexWeights>& weights) {
  std::vector<int> out(weights.size(), -1);
  for (std::size_t v = 0; v < weights.size(); ++v)
    if (weights[v].weight[1] == 0.0f) out[v] = weights[v].body[0];
  return out;
}

// A rigid transform as a unit dual quaternion (real part: the rotation;
// dual part: half the translation times it).
struct DualQuat {
  glm::quat real{1.0f, 0.0f, 0.0f, 0.0f};
  glm::quat dual{0.0f, 0.0f, 0.0f, 0.0f};
};
DualQuat to_dual_quat(const Rigid& t) {
  DualQuat q;
  q.real = glm::normalize(glm::quat_cast(glm::mat3(t.r)));
  q.dual = glm::quat(0.0f, glm::vec3(t.t)) * q.real * 0.5f;
  return q;
}

struct PosedBody {
  DualQuat dq;
  glm::mat3 r{1.0f};
  glm::vec3 t{0.0f};
};

// The blended rotation and translation of one vertex.
inline void blend(const VertexWeights& w, const PosedBody* bodies, glm::quat& rotation, glm::vec3& translation) {
  const DualQuat& first = bodies[w.body[0]].dq;
  glm::quat r = first.real * w.weight[0];
  glm::quat d = first.dual * w.weight[0];
  for (std::size_t i = 1; i < kMaxInfluences && w.weight[i] > 0.0f; ++i) {
    const DualQuat& q = bodies[w.body[i]].dq;
    // The shorter way round: q and -q are the same rotation.
    const float s = glm::dot(q.real, first.real) < 0.0f ? -w.weight[i] : w.weight[i];
    r = r + q.real * s;
    d = d + q.dual * s;
  }
  const float inv = 1.0f / glm::length(r);
  r = r * inv;
  d = d * inv;
  const glm::vec3 rv(r.x, r.y, r.z), dv(d.x, d.y, d.z);
  rotation = r;
  translation = 2.0f * (r.w * dv - d.w * rv + glm::cross(rv, dv));
}

// Whether the far end of a carrier moves other than its origin: when not
// (the rest pose, or a pose of the foot alone) the carrier is the origin
// body's rigid move, which the skinning already gives there exactly.
bool carrier_bends(const OriginCarrier& c, const std::vector<PosedBody>& pb) {
  const PosedBody& o = pb[static_cast<std::size_t>(c.origin_body)];
  for (std::size_t i = 0; i < kMaxInfluences && c.far.weight[i] > 0.0f; ++i) {
    const PosedBody& b = pb[c.far.body[i]];
    const glm::mat3 dr = b.r - o.r;
    if (glm::length(b.t - o.t) > 1e-5f || glm::length(dr[0]) + glm::length(dr[1]) + glm::length(dr[2]) > 1e-5f) return true;
  }
  return false;
}

void posed_bodies(const std::vector<Rigid>& bodies, std::vector<PosedBody>& out) {
  out.resize(bodies.size());
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    out[i].dq = to_dual_quat(bodies[i]);
    out[i].r = glm::mat3(bodies[i].r);
    out[i].t = glm::vec3(bodies[i].t);
  }
}

// Over this distance beyond the attachment's hold the carrier takes over.
// Chosen on the light atlas at knee 120: 1 mm stretched edges beside the
// lateral head's origin to 4.5 times their length (the carrier has turned
// where the bone still holds), 30 mm folded the medial head's origin again
// (48 edges); 15 mm keeps both low (docs/motion/README.md).
constexpr double kCarrierHandoverM = 0.015;
// Where the carried muscle's folds are relaxed (fold_relax.hpp): not within
// kFoldHeldM of its origin's capsules, wholly from kFoldFreeM, and fading out
// down the carried length as the carrier hands over to the skinning. Chosen
// on the full atlas at knee 120 (docs/motion/README.md): relaxed from the
// attachment's hold (3 mm) on, the tissue embedded in the femur at rest was
// smoothed through the bone's surface and the tip of the lateral head's
// origin showed a ragged rim, and the medial head folded more (22-23 edges,
// 18 unrelaxed).
constexpr double kFoldHeldM = 0.008, kFoldFreeM = 0.013;

// The origin of a muscle whose path wraps the condyles from a femoral origin
// (the gastrocnemius heads, the plantaris), carried whole (origin_carrier.hpp).
OriginCarrier bind_carrier(const MotionModel& model, const MuscleSet& muscles, const MusclePath& path, const Scene& scene,
                           const SceneStructure& s, const std::vector<VertexWeights>& weights, double hold_m, FoldRelax* folds) {
  if (path.wraps.empty() || path.points.size() < 2 || !scene.manifest) return {};
  const int femur = path.points.front().body;
  // Only a path that wraps a surface on its origin's body: the bend is over
  // that body's end (the condyles).
  const auto wrap = static_cast<std::size_t>(path.wraps.front());
  if (wrap >= muscles.wraps.size() || muscles.wraps[wrap].body != femur) return {};
  std::vector<const AttachmentSite*> origins;
  for (const AttachmentSite* site : scene.manifest->sites_of(s.id))
    if (site->role == SiteRole::origin && model.body_of_structure(site->bone) == femur) origins.push_back(site);
  if (origins.empty()) return {};
  const AttachmentSite* origin = origins.front();
  OriginCarrier c = bind_origin_carrier(s.mesh, femur, origin->centroid, glm::vec3(path.points[1].rest), weights);
  // What the attachment holds stays on the bone (as the skinning holds it,
  // within attachment_hold_m of the site); the carrier takes over beyond it.
  // Where it is carried clear of the attachment, what still folds is relaxed.
  std::vector<float> free(folds ? s.mesh.positions.size() : 0, 0.0f);
  for (CarrierVertex& cv : c.vertices) {
    float d = std::numeric_limits<float>::infinity();
    for (const AttachmentSite* site : origins)
      for (const Capsule& cap : site->patches) d = std::min(d, distance_to_capsule(cap, s.mesh.positions[cv.index]));
    cv.share *= static_cast<float>(smoothstep(hold_m, hold_m + kCarrierHandoverM, d));
    if (folds && cv.share > 0.0f)
      free[cv.index] = static_cast<float>(smoothstep(kFoldHeldM, kFoldFreeM, d)) *
                       (1.0f - glm::smoothstep(CarrierOptions{}.fade_from, 1.0f, cv.level));
  }
  std::erase_if(c.vertices, [](const CarrierVertex& cv) { return cv.share <= 0.0f; });
  if (folds && !c.vertices.empty()) *folds = bind_fold_relax(s.mesh, std::move(free));
  return c;
}

} // namespace

LegSkin bind_soft_tissue(const MotionModel& model, const MuscleSet& muscles, const Scene& scene,
                         const SoftTissueOptions& options) {
  LegSkin skin;
  const CancelToken* cancel = options.cancel;
  const std::size_t body_count = model.bodies.size();
  // Each body's bone vertices, for the distance weights.
  std::vector<std::vector<glm::vec3>> bone_points(body_count);
  for (const auto& s : scene.structures)
    if (model.is_rigid_bone(s.id)) {
      auto& pts = bone_points[static_cast<std::size_t>(model.body_of_structure(s.id))];
      pts.insert(pts.end(), s.mesh.positions.begin(), s.mesh.positions.end());
    }
  std::vector<BonePoints> grids;
  for (const auto& pts : bone_points) grids.emplace_back(pts, 0.015f);

  // Each stage below stops part-way when cancelled (and leaves what it made
  // unusable): the bind returns nothing after it.
  if (cancelled(cancel)) return {};
  // One index of the bone meshes serves the clearance and the collision.
  const BoneMeshes bones = index_bone_meshes(model, scene, cancel);
  if (cancelled(cancel)) return {};
  const JointClearance clearance(model, bones, cancel);
  if (cancelled(cancel)) return {};
  auto collision = std::make_shared<BoneCollision>();
  if (options.bone_collision) collision->bind_bones(model, bones, {}, cancel);
  std::vector<double> w(body_count);
  std::vector<float> dist(body_count);
  std::vector<std::size_t> order(body_count);
  for (std::size_t si = 0; si < scene.structures.size(); ++si) {
    if (cancelled(cancel)) return {};
    const SceneStructure& s = scene.structures[si];
    const int carrier = model.body_of_structure(s.id);
    if (carrier < 0) continue;
    StructureSkin out;
    out.structure = si;
    if (model.is_rigid_bone(s.id)) {
      out.rigid_body = carrier;
      skin.rigid_vertices += s.mesh.positions.size();
      skin.structures.push_back(std::move(out));
      continue;
    }
    std::vector<bool> candidate(body_count, true);
    if (const MusclePath* path = muscles.find(s.id)) candidate = path_bodies(model, *path);
    // Its attachments, each held by the body of its bone.
    std::vector<std::pair<const AttachmentSite*, int>> sites;
    if (scene.manifest)
      for (const AttachmentSite* site : scene.manifest->sites_of(s.id)) {
        const int b = model.body_of_structure(site->bone);
        if (b < 0) continue;
        sites.emplace_back(site, b);
        candidate[static_cast<std::size_t>(b)] = true;
      }
    candidate[static_cast<std::size_t>(carrier)] = true;
    for (std::size_t b = 0; b < body_count; ++b)
      if (grids[b].empty()) candidate[b] = false;

    const double width = s.kind == StructureKind::skin ? options.skin_blend_width_m : options.blend_width_m;
    const auto cutoff_extra = static_cast<float>(kCutoffWidths * width);
    out.vertices.resize(s.mesh.positions.size());
    std::vector<float> held(s.mesh.positions.size(), 0.0f);
    for (std::size_t v = 0; v < s.mesh.positions.size(); ++v) {
      if (cancelled_at(cancel, v)) return {};
      const glm::vec3& p = s.mesh.positions[v];
      // Nearest bodies first, so the cutoff prunes the far ones early.
      for (std::size_t b = 0; b < body_count; ++b) {
        order[b] = b;
        dist[b] = candidate[b] ? grids[b].box_distance(p) : kInf;
      }
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return dist[a] < dist[b]; });
      float best = kInf;
      for (std::size_t b : order) {
        if (!candidate[b]) {
          dist[b] = kInf;
          continue;
        }
        dist[b] = grids[b].nearest(p, best == kInf ? kInf : best + cutoff_extra);
        best = std::min(best, dist[b]);
      }
      for (std::size_t b = 0; b < body_count; ++b)
        w[b] = dist[b] == kInf ? 0.0 : std::exp(-(static_cast<double>(dist[b]) - best) / width);
      if (best == kInf) w[static_cast<std::size_t>(carrier)] = 1.0;
      // Held at its attachments.
      double hold = 0.0;
      int hold_body = -1;
      for (const auto& [site, b] : sites) {
        float d = kInf;
        for (const Capsule& c : site->patches) d = std::min(d, distance_to_capsule(c, p));
        const double h = 1.0 - smoothstep(options.attachment_hold_m, options.attachment_release_m, d);
        if (h > hold) {
          hold = h;
          hold_body = b;
        }
      }
      held[v] = static_cast<float>(hold);
      if (hold_body >= 0) {
        double total = 0.0;
        for (double x : w) total += x;
        for (std::size_t b = 0; b < body_count; ++b)
          w[b] = (1.0 - hold) * w[b] / total + (static_cast<int>(b) == hold_body ? hold : 0.0);
      }
      out.vertices[v] = top_weights(w);
    }
    // The skin takes the tissue's weights below, after this.
    if (s.kind != StructureKind::skin) clearance.apply(s.mesh, held, out.vertices, cancel);
    if (const MusclePath* path = muscles.find(s.id); options.origin_carrier && path && s.kind == StructureKind::muscle)
      out.carrier = bind_carrier(model, muscles, *path, scene, s, out.vertices, options.attachment_hold_m,
                                 options.relax_folds ? &out.folds : nullptr);
    if (options.bone_collision &&
        (s.kind == StructureKind::muscle || s.kind == StructureKind::tendon || s.kind == StructureKind::nerve)) {
      // A carried vertex no longer moves with the one body its weights
      // name, so it is tested against that body's bones too.
      std::vector<int> body_only = sole_bodies(out.vertices);
      for (const CarrierVertex& cv : out.carrier.vertices) body_only[cv.index] = -1;
      collision->bind_structure(si, s.mesh, held, body_only, cancel);
    }
    if (cancelled(cancel)) return {};
    if (const MusclePath* path = muscles.find(s.id); path && s.kind == StructureKind::muscle)
      out.bulge = bind_bulge(static_cast<int>(path - muscles.muscles.data()), *path, s.mesh, held);
    skin.skinned_vertices += out.vertices.size();
    skin.structures.push_back(std::move(out));
  }
  if (cancelled(cancel)) return {};
  follow_underlying_tissue(skin, scene, body_count, cancel);
  if (cancelled(cancel)) return {};
  // The skin (the first deformed one) is settled over the deformed muscles,
  // tendons and nerves.
  std::size_t skin_index = static_cast<std::size_t>(-1);
  std::vector<std::size_t> tissue;
  for (const StructureSkin& ss : skin.structures) {
    if (ss.rigid_body >= 0) continue;
    const StructureKind kind = scene.structures[ss.structure].kind;
    if (kind == StructureKind::skin && skin_index == static_cast<std::size_t>(-1)) skin_index = ss.structure;
    if (kind == StructureKind::muscle || kind == StructureKind::tendon || kind == StructureKind::nerve)
      tissue.push_back(ss.structure);
  }
  skin.settle = bind_skin_settle(scene, skin_index, tissue, cancel);
  if (cancelled(cancel)) return {};
  skin.collision = std::move(collision);
  return skin;
}

void pose_scene(const LegSkin& skin, const Scene& rest, const std::vector<Rigid>& bodies, Scene& posed,
                const std::vector<float>* bulge) {
  if (posed.structures.size() != rest.structures.size()) posed = rest;
  std::vector<PosedBody> pb; // six bodies: not worth keeping between calls
  posed_bodies(bodies, pb);
  // Each structure is posed from its own rest mesh into its own posed mesh,
  // so the structures are shared out among threads, the biggest first; each
  // thread has its own scratch. The result does not depend on the sharing.
  struct Scratch {
    std::vector<glm::vec3> bulged, bulged_normals;
    CarrierPath path;
    FoldScratch folds;
  };
  std::vector<std::size_t> order(skin.structures.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto cost = [&](std::size_t i) {
    const StructureSkin& ss = skin.structures[i];
    return ss.rigid_body >= 0 ? std::size_t{0} : rest.structures[ss.structure].mesh.positions.size();
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost(a) > cost(b); });
  const std::size_t workers = parallel_workers(order.size());
  std::vector<Scratch> scratch(workers);
  parallel_for(
      order.size(),
      [&](std::size_t item, std::size_t worker) {
        const StructureSkin& ss = skin.structures[order[item]];
        std::vector<glm::vec3>& bulged = scratch[worker].bulged;
        std::vector<glm::vec3>& bulged_normals = scratch[worker].bulged_normals;
        CarrierPath& path = scratch[worker].path;
        const Mesh& from = rest.structures[ss.structure].mesh;
        Mesh& to = posed.structures[ss.structure].mesh;
        if (to.positions.size() != from.positions.size() || to.normals.size() != from.normals.size()) to = from;
        const bool normals = !from.normals.empty();
        if (ss.rigid_body >= 0) {
          const PosedBody& b = pb[static_cast<std::size_t>(ss.rigid_body)];
          // Carried whole: its mesh stays the rest mesh and its pose is this
          // matrix alone. The renderer draws the rest vertices through it;
          // picking, labels, bounds and sections read it too (rest_frame.hpp).
          glm::mat4& m = posed.structures[ss.structure].transform;
          m = glm::mat4(b.r);
          m[3] = glm::vec4(b.t, 1.0f);
          if (!to.rest_positions.empty()) to = from;                  // was deformed: back to the rest mesh
          posed.structures[ss.structure].box = moved_bounds(from, m); // read, not written
          return;
        } else {
          const MuscleBulge& mb = ss.bulge;
          const float scale = mb.muscle >= 0 && bulge && static_cast<std::size_t>(mb.muscle) < bulge->size()
                                  ? (*bulge)[static_cast<std::size_t>(mb.muscle)]
                                  : 1.0f;
          const bool widen = scale != 1.0f && mb.vertices.size() == from.positions.size();
          if (widen) { // where each vertex was before the blend, for the collision pass and the carrier
            bulged.resize(from.positions.size());
            if (normals && ss.carrier.origin_body >= 0) bulged_normals.resize(from.normals.size());
          }
          // Deformed vertex by vertex: keep where each vertex lies at rest, for
          // the overlays (attribute a_rest), which must not slide on it.
          posed.structures[ss.structure].transform = glm::mat4(1.0f);
          if (to.rest_positions.size() != from.positions.size()) to.rest_positions = from.positions;
          for (std::size_t v = 0; v < from.positions.size(); ++v) {
            const VertexWeights& w = ss.vertices[v];
            glm::vec3 p = from.positions[v];
            glm::vec3 n = normals ? from.normals[v] : glm::vec3(0.0f);
            if (widen && mb.vertices[v].weight > 0.0f) bulge_vertex(mb.vertices[v], mb.axis, scale, p, normals ? &n : nullptr);
            if (widen) {
              bulged[v] = p;
              if (normals && ss.carrier.origin_body >= 0) bulged_normals[v] = n;
            }
            if (w.weight[1] == 0.0f) { // one body: its rigid transform, no blending
              const PosedBody& b = pb[w.body[0]];
              to.positions[v] = b.r * p + b.t;
              if (normals) to.normals[v] = b.r * n;
              continue;
            }
            glm::quat r;
            glm::vec3 t;
            blend(w, pb.data(), r, t);
            to.positions[v] = r * p + t;
            if (normals) to.normals[v] = r * n;
          }
          const OriginCarrier& oc = ss.carrier;
          const bool bends = oc.origin_body >= 0 && carrier_bends(oc, pb);
          if (bends) {
            CarrierPose cp;
            const PosedBody& o = pb[static_cast<std::size_t>(oc.origin_body)];
            cp.origin_r = o.r;
            cp.origin_t = o.t;
            glm::quat r;
            blend(oc.far, pb.data(), r, cp.far_t);
            cp.far_r = glm::mat3_cast(r);
            carrier_path(oc, cp, path);
            apply_origin_carrier(oc, path, widen ? bulged : from.positions,
                                 normals ? (widen ? &bulged_normals : &from.normals) : nullptr, to.positions,
                                 normals ? &to.normals : nullptr);
          }
          if (skin.collision)
            skin.collision->apply(ss.structure, widen ? bulged : from.positions, bodies, to.positions,
                                  normals ? &to.normals : nullptr);
          // What still folds next to a carried origin, relaxed (the bend
          // the carrier and the collision pass leave there).
          if (bends && !ss.folds.empty()) relax_folds(ss.folds, to, scratch[worker].folds);
        }
        posed.structures[ss.structure].box = bounds(to);
      },
      static_cast<unsigned>(workers));
  bool first = true;
  for (const auto& s : posed.structures) {
    if (s.mesh.positions.empty()) continue;
    if (first) {
      posed.box = s.box;
      first = false;
    } else {
      posed.box.min = glm::min(posed.box.min, s.box.min);
      posed.box.max = glm::max(posed.box.max, s.box.max);
    }
  }
}

glm::vec3 skin_point(const VertexWeights& w, const std::vector<Rigid>& bodies, const glm::vec3& p) {
  std::vector<PosedBody> pb;
  posed_bodies(bodies, pb);
  glm::quat r;
  glm::vec3 t;
  blend(w, pb.data(), r, t);
  return r * p + t;
}

} // namespace crus::motion
