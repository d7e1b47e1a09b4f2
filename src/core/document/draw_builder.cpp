#include "core/document/draw_builder.hpp"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>

namespace crus {

void add_painted_zones(HighlightInputs& inputs, const std::vector<glm::vec3>& painted, float radius) {
  const std::size_t room = kMaxPaintedZones;
  if (painted.empty()) return;
  const std::size_t stride = painted.size() > room ? (painted.size() + room - 1) / room : 1;
  for (std::size_t k = 0; k < painted.size(); k += stride) {
    ZoneShape z;
    z.kind = ZoneShape::Kind::ellipsoid;
    z.a = painted[k];
    z.b = glm::vec3(radius);
    z.colour = glm::vec3(0.55f, 0.25f, 0.85f);
    z.essential = true;
    inputs.zones.push_back(z);
  }
}

glm::mat4 mirror_matrix() { return glm::scale(glm::mat4(1.0f), glm::vec3(1.0f, 1.0f, -1.0f)); }

Aabb mirrored(const Aabb& box) {
  Aabb m = box;
  m.min.z = -box.max.z;
  m.max.z = -box.min.z;
  return m;
}

bool is_drawn(const DocumentState& state, const std::vector<int>& layers, std::size_t i) {
  if (i >= state.visibility.size() || state.visibility[i] == Visibility::hidden) return false;
  if (state.peel_layer > 0 && i < layers.size() && layers[i] > 0 && layers[i] <= state.peel_layer) return false;
  return true;
}

DrawList make_draw_list(const Scene& scene, const DocumentState& state, int hovered, const std::vector<int>& layers,
                        const HighlightInputs& extra) {
  DrawList list;
  list.model = state.mirror ? mirror_matrix() : glm::mat4(1.0f);
  list.patches = extra.patches;
  list.zones = extra.zones;
  list.arrows = extra.arrows;
  list.markers = extra.markers;
  for (std::size_t i = 0; i < scene.structures.size(); ++i) {
    if (!is_drawn(state, layers, i)) continue;
    const SceneStructure& s = scene.structures[i];
    DrawItem item;
    item.structure = static_cast<int>(i);
    item.transform = s.transform;
    item.colour = s.colour;
    bool ghosted = state.visibility[i] == Visibility::ghosted;
    // A ghost is clearly fainter than the structure was, also for one that is
    // translucent already (the skin): a third of its opacity at most.
    if (ghosted) item.colour.a = std::min(item.colour.a < 0.999f ? item.colour.a * 0.3f : 0.16f, 0.16f);
    item.translucent = ghosted || item.colour.a < 0.999f;
    if (static_cast<int>(i) == state.selected) {
      item.emphasis = glm::vec3(0.10f, 0.08f, 0.02f);
      item.rim = 0.9f;
      if (ghosted) item.colour.a = 0.45f;
    } else if (static_cast<int>(i) == hovered) {
      item.emphasis = glm::vec3(0.06f);
    }
    for (const auto& [index, glow] : extra.lit)
      if (index == static_cast<int>(i)) {
        item.emphasis += glow;
        item.rim = std::max(item.rim, 0.6f);
      }
    item.patches = !extra.patches.empty() && s.kind == StructureKind::bone;
    bool lit = false;
    for (const auto& [index, glow] : extra.lit) lit = lit || index == static_cast<int>(i);
    if (s.kind == StructureKind::nerve && !lit && !extra.lit.empty()) {
      item.colour.a = 0.15f; // only the supplying nerve stands out
      item.translucent = true;
    }
    if (!extra.patches.empty() && s.kind != StructureKind::bone && s.kind != StructureKind::nerve) {
      // While attachments are shown the other soft tissue turns to a faint
      // ghost and the skin steps aside, but the muscle being taught stays
      // solid with its outline: the renderer draws the patches over it.
      if (s.kind == StructureKind::skin && extra.zones.empty()) continue;
      if (static_cast<int>(i) != state.selected) {
        item.colour.a = std::min(item.colour.a, 0.10f);
        item.translucent = true;
      }
    }
    item.zones = !extra.zones.empty() && s.kind == StructureKind::skin;
    if (item.zones) item.colour.a = std::max(item.colour.a, 0.5f);
    list.items.push_back(item);
  }
  // The skin is see-through so that what lies under it shows. With nothing
  // under it drawn (the skin isolated, or every other structure hidden), its
  // see-through surface showed only its own inside, the far wall's folds and
  // grooves through the near one: alone, it is drawn solid, as the surface
  // anatomy it then shows. A ghost stays a ghost.
  const auto is_skin = [&](const DrawItem& it) {
    return it.structure >= 0 && scene.structures[static_cast<std::size_t>(it.structure)].kind == StructureKind::skin;
  };
  if (!list.items.empty() && std::all_of(list.items.begin(), list.items.end(), is_skin))
    for (DrawItem& it : list.items)
      if (state.visibility[static_cast<std::size_t>(it.structure)] != Visibility::ghosted) {
        it.colour.a = 1.0f;
        it.translucent = false;
      }
  return list;
}

} // namespace crus
