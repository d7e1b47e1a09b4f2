#include "core/motion/skin_layer.hpp"

#include "core/document/scene.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace crus::motion {

namespace {
constexpr int kSmoothing = 16;
struct TissuePoint {
  glm::vec3 p;
  const VertexWeights* w;
};
std::int64_t key(int x, int y, int z) {
  return (static_cast<std::int64_t>(x) * 73856093) ^ (static_cast<std::int64_t>(y) * 19349663) ^
         (static_cast<std::int64_t>(z) * 83492791);
}
} // namespace

void follow_underlying_tissue(LegSkin& skin, const Scene& scene, std::size_t body_count, const CancelToken* cancel,
                              float radius) {
  // Muscle and tendon vertices (thinned to one per 4 mm cell), hashed by 1 cm cells.
  const float cell = radius / 2.0f;
  std::unordered_map<std::int64_t, std::vector<TissuePoint>> grid;
  std::unordered_map<std::int64_t, bool> thinned;
  auto cell_of = [&](const glm::vec3& p, float size, int c[3]) {
    for (int a = 0; a < 3; ++a) c[a] = static_cast<int>(std::floor(p[a] / size));
  };
  for (const StructureSkin& ss : skin.structures) {
    const SceneStructure& s = scene.structures[ss.structure];
    if (ss.rigid_body >= 0 ||
        (s.kind != StructureKind::muscle && s.kind != StructureKind::tendon && s.kind != StructureKind::nerve))
      continue;
    for (std::size_t v = 0; v < s.mesh.positions.size(); ++v) {
      if (cancelled_at(cancel, v)) return;
      const glm::vec3& p = s.mesh.positions[v];
      int t[3];
      cell_of(p, 0.004f, t);
      if (!thinned.emplace(key(t[0], t[1], t[2]), true).second) continue;
      int c[3];
      cell_of(p, cell, c);
      grid[key(c[0], c[1], c[2])].push_back({p, &ss.vertices[v]});
    }
  }
  std::vector<double> w(body_count);
  const double sigma = radius / 3.0;
  for (StructureSkin& ss : skin.structures) {
    const SceneStructure& s = scene.structures[ss.structure];
    if (s.kind != StructureKind::skin || ss.rigid_body >= 0) continue;
    const std::size_t nv = s.mesh.positions.size();
    std::vector<double> dense(nv * body_count, 0.0); // every body's weight per vertex
    std::vector<bool> inherits(nv, false);
    for (std::size_t v = 0; v < nv; ++v) {
      if (cancelled_at(cancel, v)) return;
      const glm::vec3& p = s.mesh.positions[v];
      int c[3];
      cell_of(p, cell, c);
      std::fill(w.begin(), w.end(), 0.0);
      double total = 0.0;
      float nearest = radius;
      for (int x = c[0] - 2; x <= c[0] + 2; ++x)
        for (int y = c[1] - 2; y <= c[1] + 2; ++y)
          for (int z = c[2] - 2; z <= c[2] + 2; ++z) {
            const auto it = grid.find(key(x, y, z));
            if (it == grid.end()) continue;
            for (const TissuePoint& t : it->second) {
              const float d = glm::length(t.p - p);
              if (d >= radius) continue;
              nearest = std::min(nearest, d);
              const double g = std::exp(-0.5 * (d / sigma) * (d / sigma));
              for (std::size_t i = 0; i < kMaxInfluences && t.w->weight[i] > 0.0f; ++i) w[t.w->body[i]] += g * t.w->weight[i];
              total += g;
            }
          }
      // Tissue right under the skin: its weights; fading to the skin's own by `radius`.
      const double u = std::clamp((nearest - radius * 0.2) / (radius * 0.8), 0.0, 1.0);
      const double f = total > 0.0 ? 1.0 - u * u * (3.0 - 2.0 * u) : 0.0;
      inherits[v] = f > 0.0;
      const VertexWeights& own = ss.vertices[v];
      double* out = &dense[v * body_count];
      for (std::size_t b = 0; b < body_count; ++b) out[b] = total > 0.0 ? f * w[b] / total : 0.0;
      for (std::size_t i = 0; i < kMaxInfluences && own.weight[i] > 0.0f; ++i) out[own.body[i]] += (1.0 - f) * own.weight[i];
    }
    // Where the tissue beneath changes (one muscle's edge, an attachment
    // held to another bone) neighbouring skin vertices would take different
    // transforms and the skin would stretch between them: the weights are
    // smoothed over the skin's edges (Jacobi averaging with the neighbours);
    // skin with no tissue beneath keeps its own weights and anchors the rest.
    std::vector<std::vector<std::uint32_t>> ring(nv);
    for (std::size_t t = 0; t + 2 < s.mesh.indices.size(); t += 3)
      for (int e = 0; e < 3; ++e) {
        const std::uint32_t a = s.mesh.indices[t + static_cast<std::size_t>(e)],
                            b = s.mesh.indices[t + static_cast<std::size_t>((e + 1) % 3)];
        if (a < nv && b < nv) {
          ring[a].push_back(b);
          ring[b].push_back(a);
        }
      }
    std::vector<double> next(dense.size());
    for (int iteration = 0; iteration < kSmoothing; ++iteration) {
      if (cancelled(cancel)) return;
      for (std::size_t v = 0; v < nv; ++v) {
        double* out = &next[v * body_count];
        const double* self = &dense[v * body_count];
        if (ring[v].empty() || !inherits[v]) {
          std::copy(self, self + body_count, out);
          continue;
        }
        for (std::size_t b = 0; b < body_count; ++b) out[b] = 0.5 * self[b];
        const double share = 0.5 / static_cast<double>(ring[v].size());
        for (std::uint32_t u : ring[v])
          for (std::size_t b = 0; b < body_count; ++b) out[b] += share * dense[u * body_count + b];
      }
      dense.swap(next);
    }
    for (std::size_t v = 0; v < nv; ++v) {
      if (cancelled_at(cancel, v)) return;
      const double* d = &dense[v * body_count];
      std::vector<std::size_t> order(body_count);
      for (std::size_t b = 0; b < body_count; ++b) order[b] = b;
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return d[a] > d[b] || (d[a] == d[b] && a < b); });
      VertexWeights out;
      double sum = 0.0;
      const std::size_t n = std::min(kMaxInfluences, body_count);
      for (std::size_t i = 0; i < n && d[order[i]] > 1e-3 * d[order[0]]; ++i) sum += d[order[i]];
      for (std::size_t i = 0; i < n && d[order[i]] > 1e-3 * d[order[0]]; ++i) {
        out.body[i] = static_cast<std::uint8_t>(order[i]);
        out.weight[i] = static_cast<float>(d[order[i]] / sum);
      }
      ss.vertices[v] = out;
    }
  }
}

} // namespace crus::motion
