#include "core/motion/producer_colours.hpp"

#include <algorithm>
#include <cmath>

namespace crus::motion {

namespace {
float to_linear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }
glm::vec4 linear(const glm::vec3& srgb, float alpha) { return {to_linear(srgb.r), to_linear(srgb.g), to_linear(srgb.b), alpha}; }
// ColorBrewer Oranges (5 classes), light to dark; the weakest producer keeps
// the second stop so that it still differs from the grey of the others.
constexpr glm::vec3 kOranges[] = {glm::vec3(0xfd, 0xbe, 0x85) / 255.0f, glm::vec3(0xfd, 0x8d, 0x3c) / 255.0f,
                                  glm::vec3(0xe6, 0x55, 0x0d) / 255.0f, glm::vec3(0xa6, 0x36, 0x03) / 255.0f};
} // namespace

glm::vec3 producer_srgb(double fraction) {
  // Strongest darkest: on the dark background and on skin-toned muscle a
  // deep orange reads as "most".
  const double x = std::clamp(fraction, 0.0, 1.0) * 3.0;
  const auto i = std::min<std::size_t>(static_cast<std::size_t>(x), 2);
  const auto f = static_cast<float>(x - static_cast<double>(i));
  return kOranges[i] * (1.0f - f) + kOranges[i + 1] * f;
}

std::vector<RankedProducer> ranked_structures(const ProducerRanking& ranking, const Scene& scene) {
  std::vector<RankedProducer> out;
  const double strongest = ranking.ranked.empty() ? 0.0 : ranking.ranked.front().capacity_nm;
  int rank = 0;
  for (const auto& p : ranking.ranked)
    out.push_back({scene.index_of(p.muscle), ++rank, strongest > 0.0 ? p.capacity_nm / strongest : 0.0, &p});
  for (const auto& p : ranking.without_parameters) out.push_back({scene.index_of(p.muscle), 0, 0.0, &p});
  return out;
}

std::size_t colour_by_producers(DrawList& list, const Scene& scene, const MuscleSet& muscles, const ProducerRanking& ranking) {
  const auto ranked = ranked_structures(ranking, scene);
  std::size_t coloured = 0;
  for (auto& item : list.items) {
    if (item.structure < 0 || static_cast<std::size_t>(item.structure) >= scene.structures.size()) continue;
    const std::string& id = scene.structures[static_cast<std::size_t>(item.structure)].id;
    if (!muscles.find(id)) continue;
    auto it = std::find_if(ranked.begin(), ranked.end(), [&](const RankedProducer& r) { return r.structure == item.structure; });
    glm::vec3 c = kNotProducingSrgb;
    if (it != ranked.end()) {
      c = it->rank > 0 ? producer_srgb(it->fraction) : kUnrankedProducerSrgb;
      ++coloured;
    }
    item.colour = linear(c, item.colour.a);
    item.flat_colour = true;
  }
  return coloured;
}

} // namespace crus::motion
