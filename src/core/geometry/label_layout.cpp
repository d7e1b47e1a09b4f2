#include "core/geometry/label_layout.hpp"

#include <algorithm>
#include <numeric>

namespace crus {

namespace {

// Spreads boxes (sorted by wanted y) so none overlap, inside [lo, hi].
// Returns false when they cannot all fit.
bool spread(std::vector<float>& y, const std::vector<float>& h, float gap, float lo, float hi) {
  float total = 0.0f;
  for (float v : h) total += v + gap;
  if (total - gap > hi - lo) return false;
  for (std::size_t i = 0; i < y.size(); ++i) {
    y[i] = std::max(y[i], lo);
    if (i > 0) y[i] = std::max(y[i], y[i - 1] + h[i - 1] + gap);
  }
  // Push back up from the bottom where the sweep overflowed.
  for (std::size_t k = y.size(); k-- > 0;) {
    float limit = (k + 1 < y.size()) ? y[k + 1] - gap - h[k] : hi - h[k];
    y[k] = std::min(y[k], limit);
  }
  return true;
}

} // namespace

std::vector<LabelPlacement> layout_labels(const std::vector<LabelRequest>& labels, glm::vec2 screen, glm::vec2 keep_out_min,
                                          glm::vec2 keep_out_max, float margin, float top, float bottom_reserved) {
  std::vector<LabelPlacement> out(labels.size());
  if (labels.empty() || screen.x <= 0.0f || screen.y <= 0.0f) return out;
  const float lo = top + margin;
  const float hi = screen.y - bottom_reserved - margin;
  const float centre_x = (keep_out_min.x + keep_out_max.x) * 0.5f;

  for (int side = 0; side < 2; ++side) {
    std::vector<std::size_t> column;
    for (std::size_t i = 0; i < labels.size(); ++i)
      if ((labels[i].anchor.x < centre_x) == (side == 0)) column.push_back(i);
    // Keep the most important labels when they do not all fit.
    std::stable_sort(column.begin(), column.end(), [&](auto a, auto b) { return labels[a].priority > labels[b].priority; });
    while (!column.empty()) {
      std::vector<std::size_t> by_y = column;
      std::stable_sort(by_y.begin(), by_y.end(), [&](auto a, auto b) { return labels[a].anchor.y < labels[b].anchor.y; });
      std::vector<float> y, h;
      for (auto i : by_y) {
        y.push_back(labels[i].anchor.y - labels[i].size.y * 0.5f);
        h.push_back(labels[i].size.y);
      }
      if (spread(y, h, 4.0f, lo, hi)) {
        for (std::size_t k = 0; k < by_y.size(); ++k) {
          const LabelRequest& r = labels[by_y[k]];
          float x = side == 0 ? keep_out_min.x - margin * 2.0f - r.size.x : keep_out_max.x + margin * 2.0f;
          x = std::clamp(x, margin, std::max(margin, screen.x - margin - r.size.x));
          out[by_y[k]] = {glm::vec2(x, y[k]), true};
        }
        break;
      }
      column.pop_back(); // drop the least important and try again
    }
  }
  return out;
}

} // namespace crus
