#pragma once
// The producers of a movement shown on the model (no GL): each producing
// muscle coloured by what it can give relative to the strongest, on a
// sequential single-hue ramp (ColorBrewer's Oranges, readable with the
// common colour-vision deficiencies: rank shows as lightness, not hue); the
// muscles without published parameters in a separate blue-grey, and every
// other muscle a plain grey, so that the ranking is what stands out.
#include "core/document/draw_list.hpp"
#include "core/motion/producers.hpp"
#include "core/document/scene.hpp"

#include <string>
#include <vector>

namespace crus::motion {

// sRGB of a producer that can give `fraction` (0..1) of the strongest one's moment.
glm::vec3 producer_srgb(double fraction);
inline constexpr glm::vec3 kUnrankedProducerSrgb{0.55f, 0.64f, 0.78f}; // no published parameters
inline constexpr glm::vec3 kNotProducingSrgb{0.50f, 0.50f, 0.50f};

struct RankedProducer {
  int structure = -1;    // index into the scene; -1 when the atlas lacks it
  int rank = 0;          // 1 = strongest; 0 for those without parameters
  double fraction = 0.0; // capacity / the strongest's capacity
  const Producer* producer = nullptr;
};
// The ranking's muscles as they stand in `scene`, strongest first, then
// those without parameters.
std::vector<RankedProducer> ranked_structures(const ProducerRanking& ranking, const Scene& scene);

// Colours every muscle `muscles` measures: producers by rank, the rest grey;
// returns how many producers it coloured.
std::size_t colour_by_producers(DrawList& list, const Scene& scene, const MuscleSet& muscles, const ProducerRanking& ranking);

} // namespace crus::motion
