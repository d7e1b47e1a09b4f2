#include "core/motion/vertex_weights.hpp"

#include <algorithm>

namespace crus::motion {

VertexWeights top_weights(const std::vector<double>& w) {
  VertexWeights out;
  std::vector<std::size_t> order(w.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return w[a] > w[b] || (w[a] == w[b] && a < b); });
  double total = 0.0;
  const std::size_t n = std::min(kMaxInfluences, order.size());
  for (std::size_t i = 0; i < n; ++i)
    if (w[order[i]] > 1e-3 * w[order[0]]) total += w[order[i]];
  for (std::size_t i = 0; i < n; ++i) {
    if (w[order[i]] <= 1e-3 * w[order[0]]) break;
    out.body[i] = static_cast<std::uint8_t>(order[i]);
    out.weight[i] = static_cast<float>(w[order[i]] / total);
  }
  return out;
}

} // namespace crus::motion
