#include "core/anatomy/referral_overlay.hpp"

#include "core/error.hpp"

#include <glm/geometric.hpp>
#include <map>

namespace crus {

glm::vec3 overlay_colour(const std::string& group, bool colour_blind_safe, bool single) {
  // One trigger point or one muscle: Travell & Simons' red.
  if (single) return colour_blind_safe ? glm::vec3(0.84f, 0.37f, 0.0f) : glm::vec3(0.85f, 0.04f, 0.04f);
  // Thirteen groups, but only seven Okabe-Ito colours: in the colour-blind
  // safe palette a colour is shared only by groups whose zones never meet on
  // the skin (a graph colouring, checked on the bundled atlas by
  // tests/app/referral_real_skin_test.cpp). The vivid palette gives every
  // group its own colour.
  struct Entry {
    const char* group;
    int safe;
  };
  static const Entry order[] = {{"gastrocnemius", 0},
                                {"soleus", 1},
                                {"plantaris", 2},
                                {"tibialis_anterior", 3},
                                {"fibularis_longus", 0},
                                {"fibularis_brevis", 5},
                                {"fibularis_tertius", 6},
                                {"popliteus", 3},
                                {"tibialis_posterior", 4},
                                {"flexor_digitorum_longus", 5},
                                {"flexor_hallucis_longus", 0},
                                {"extensor_digitorum_longus", 2},
                                {"extensor_hallucis_longus", 1}};
  constexpr std::size_t n = sizeof(order) / sizeof(order[0]);
  // Okabe-Ito: vermillion, blue, bluish green, orange, sky blue, reddish purple, yellow.
  static const glm::vec3 safe[] = {{0.84f, 0.37f, 0.0f},  {0.0f, 0.45f, 0.70f},  {0.0f, 0.62f, 0.45f}, {0.90f, 0.62f, 0.0f},
                                   {0.34f, 0.71f, 0.91f}, {0.80f, 0.47f, 0.65f}, {0.94f, 0.89f, 0.26f}};
  static const glm::vec3 vivid[n] = {{0.86f, 0.08f, 0.08f}, {0.15f, 0.35f, 0.95f}, {0.05f, 0.70f, 0.25f}, {0.95f, 0.55f, 0.0f},
                                     {0.60f, 0.15f, 0.80f}, {0.0f, 0.75f, 0.80f},  {0.90f, 0.20f, 0.65f}, {0.55f, 0.33f, 0.12f},
                                     {0.95f, 0.85f, 0.10f}, {0.50f, 0.55f, 0.05f}, {0.10f, 0.15f, 0.50f}, {0.55f, 0.90f, 0.55f},
                                     {1.0f, 0.55f, 0.50f}};
  std::size_t i = 0;
  while (i < n && order[i].group != group) ++i;
  if (i == n) i = std::hash<std::string>{}(group) % n;
  return colour_blind_safe ? safe[order[i].safe] : vivid[i];
}

std::vector<const TriggerPoint*> overlay_trigger_points(const TriggerPointSet& set, const Overlay& overlay) {
  switch (overlay.mode) {
    case OverlayMode::none: return {};
    case OverlayMode::all: {
      std::vector<const TriggerPoint*> all;
      for (const auto& tp : set.trigger_points) all.push_back(&tp);
      return all;
    }
    case OverlayMode::trigger_point:
    case OverlayMode::muscle: {
      auto chosen = select_trigger_points(set, overlay.target);
      if (chosen.empty()) throw InputError("overlay", "no trigger point, muscle or group is called \"" + overlay.target + "\"");
      return chosen;
    }
  }
  return {};
}

OverlayInputs make_overlay(const TriggerPointSet& set, const Overlay& overlay, const Scene& scene, const PickIndex* picks) {
  OverlayInputs out;
  out.shown = overlay_trigger_points(set, overlay);
  bool single = overlay.mode != OverlayMode::all;
  std::map<std::string, glm::vec3> groups;
  for (const TriggerPoint* tp : out.shown) {
    std::string group = tp->group.empty() ? tp->muscle : tp->group;
    glm::vec3 colour = overlay_colour(group, overlay.colour_blind_safe, single);
    groups.emplace(group, colour);
    for (int kind = 0; kind < 2; ++kind) {
      const ReferralZone& zone = kind == 0 ? tp->essential : tp->spillover;
      for (const ReferralShape& s : zone.shapes) {
        ZoneShape z;
        z.kind = s.kind == ShapeKind::ellipsoid ? ZoneShape::Kind::ellipsoid : ZoneShape::Kind::capsule;
        z.a = s.kind == ShapeKind::ellipsoid ? s.centre : s.a;
        z.b = s.kind == ShapeKind::ellipsoid ? s.radii : s.b;
        z.radius = s.radius;
        z.colour = colour;
        z.essential = kind == 0;
        out.zones.push_back(z);
      }
    }
    Marker m;
    m.position = tp->location;
    m.colour = single ? glm::vec3(0.05f) : colour;
    m.size = 0.012f;
    int muscle = scene.index_of(tp->muscle);
    const Mesh* mesh = muscle >= 0 ? &scene.structures[static_cast<std::size_t>(muscle)].mesh : nullptr;
    if (mesh && mesh->rest_positions.size() == mesh->positions.size() && !mesh->positions.empty()) {
      // A posed muscle: the X goes where the vertex nearest the point at
      // rest has moved to, so it stays on the muscle (the point is stored at rest).
      std::size_t nearest = 0;
      float best = 1e30f;
      for (std::size_t v = 0; v < mesh->rest_positions.size(); ++v) {
        const glm::vec3 d = mesh->rest_positions[v] - tp->location;
        const float d2 = glm::dot(d, d);
        if (d2 < best) {
          best = d2;
          nearest = v;
        }
      }
      m.position = mesh->positions[nearest];
      if (mesh->normals.size() == mesh->positions.size()) m.normal = mesh->normals[nearest];
    } else if (picks && muscle >= 0) {
      if (auto hit = picks->nearest_point(tp->location, muscle, 0.05f)) {
        m.position = hit->point;
        m.normal = hit->normal;
      }
    }
    if (!overlay.zone_only) out.markers.push_back(m);
  }
  if (single && !out.shown.empty()) {
    glm::vec3 c = overlay_colour("", overlay.colour_blind_safe, true);
    // Built in place: GCC 12 at -O3 warned (-Warray-bounds, a known false
    // positive) on the string copied out of a temporary pair.
    out.legend.emplace_back(c, "Essential zone (solid)");
    out.legend.emplace_back(c * 0.75f, "Spillover zone (hatched)");
    if (!overlay.zone_only) out.legend.emplace_back(glm::vec3(0.05f), "X: trigger point");
  } else {
    for (const auto& [g, c] : groups) {
      std::string name = g;
      for (auto& ch : name)
        if (ch == '_') ch = ' ';
      if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
      out.legend.push_back({c, name});
    }
  }
  return out;
}

} // namespace crus
