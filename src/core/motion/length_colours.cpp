#include "core/motion/length_colours.hpp"

#include <algorithm>
#include <cmath>

namespace crus::motion {

namespace {
float to_linear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }
} // namespace

glm::vec3 length_change_srgb(double change_pct, double full_scale_pct) {
  const double s = full_scale_pct > 0.0 ? std::clamp(change_pct / full_scale_pct, -1.0, 1.0) : 0.0;
  const double x = (s + 1.0) * 0.5 * static_cast<double>(kLengthPalette.size() - 1); // 0 .. 4
  const auto i = std::min(static_cast<std::size_t>(x), kLengthPalette.size() - 2);
  const auto f = static_cast<float>(x - static_cast<double>(i));
  return kLengthPalette[i] * (1.0f - f) + kLengthPalette[i + 1] * f;
}

std::size_t colour_by_length(DrawList& list, const Scene& scene, const MuscleSet& muscles, const std::vector<MuscleState>& states,
                             double full_scale_pct) {
  std::size_t coloured = 0;
  for (auto& item : list.items) {
    if (item.structure < 0 || static_cast<std::size_t>(item.structure) >= scene.structures.size()) continue;
    const std::string& id = scene.structures[static_cast<std::size_t>(item.structure)].id;
    for (std::size_t m = 0; m < muscles.muscles.size() && m < states.size(); ++m) {
      if (muscles.muscles[m].id != id) continue;
      const glm::vec3 c = length_change_srgb(states[m].change_pct, full_scale_pct);
      item.colour = glm::vec4(to_linear(c.r), to_linear(c.g), to_linear(c.b), item.colour.a);
      item.flat_colour = true;
      ++coloured;
    }
  }
  return coloured;
}

} // namespace crus::motion
