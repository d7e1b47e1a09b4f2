#include "core/highlights.hpp"

#include <glm/geometric.hpp>

namespace crus {

std::vector<std::string> nerve_path(const KnowledgeBase& knowledge, const std::string& nerve) {
  std::vector<std::string> path;
  std::string current = nerve;
  for (int guard = 0; guard < 8 && !current.empty(); ++guard) {
    path.insert(path.begin(), current);
    const KnowledgeEntry* e = knowledge.find(current);
    if (!e || !e->branch_of) break;
    current = *e->branch_of;
  }
  return path;
}

std::string pulley_landmark(const std::string& muscle) {
  // Tendons that turn behind a malleolus on their way into the foot.
  if (muscle == "fibularis_longus" || muscle == "fibularis_brevis") return "lateral_malleolus";
  if (muscle == "tibialis_posterior" || muscle == "flexor_digitorum_longus" || muscle == "flexor_hallucis_longus")
    return "medial_malleolus";
  return {};
}

namespace {

void add_site(SelectionHighlights& out, const AttachmentSite& site, const glm::vec3& colour, const std::string& role_name,
              const std::string& text) {
  // Unowned (-1): a site's patches still reach over more than one bone (the
  // soleus origin covers tibia and fibula under one site); they move to their
  // own bone once the atlas splits sites per bone (issue 11).
  for (const Capsule& c : site.patches) out.inputs.patches.push_back({-1, c.a, c.b, c.radius, colour});
  out.labels.push_back({role_name + ": " + text, site.centroid, colour});
}

// Labels name the bone; the info panel has the full wording.
std::string bone_name(const Scene& scene, const std::string& bone) {
  const SceneStructure* s = scene.find(bone);
  return s ? s->name : bone;
}

} // namespace

SelectionHighlights compute_highlights(const Scene& scene, const KnowledgeBase* knowledge, int muscle,
                                       const Highlights& toggles, const HighlightPalette& palette) {
  SelectionHighlights out;
  if (muscle < 0 || static_cast<std::size_t>(muscle) >= scene.structures.size()) return out;
  const SceneStructure& s = scene.structures[static_cast<std::size_t>(muscle)];
  const KnowledgeEntry* entry = knowledge ? knowledge->find(s.id) : nullptr;
  const AtlasManifest* manifest = scene.manifest ? &*scene.manifest : nullptr;

  const AttachmentSite* origin = manifest ? manifest->find_site(s.id + "_origin") : nullptr;
  const AttachmentSite* insertion = manifest ? manifest->find_site(s.id + "_insertion") : nullptr;

  if (toggles.origin && origin) {
    add_site(out, *origin, palette.origin, "Origin", bone_name(scene, origin->bone));
    out.legend.push_back({palette.origin, "Origin"});
  }
  if (toggles.insertion && insertion) {
    add_site(out, *insertion, palette.insertion, "Insertion", bone_name(scene, insertion->bone));
    out.legend.push_back({palette.insertion, "Insertion"});
  }
  if (toggles.innervation && entry && entry->innervation && knowledge) {
    for (const std::string& nerve : nerve_path(*knowledge, entry->innervation->nerve)) {
      int idx = scene.index_of(nerve);
      if (idx >= 0) out.inputs.lit.push_back({idx, palette.nerve_glow});
    }
    std::string roots;
    for (const auto& r : entry->innervation->roots) roots += (roots.empty() ? "" : ", ") + r;
    const KnowledgeEntry* nerve_entry = knowledge->find(entry->innervation->nerve);
    int nerve_index = scene.index_of(entry->innervation->nerve);
    if (nerve_index >= 0) {
      const SceneStructure& n = scene.structures[static_cast<std::size_t>(nerve_index)];
      // Label the nerve near where it meets the muscle.
      glm::vec3 near_muscle = n.box.centre();
      float best = 1e9f;
      for (const auto& p : n.mesh.positions) {
        float d = glm::length(p - s.box.centre());
        if (d < best) {
          best = d;
          near_muscle = p;
        }
      }
      out.labels.push_back({(nerve_entry ? nerve_entry->name : n.name) + (roots.empty() ? "" : " (" + roots + ")"), near_muscle,
                            glm::vec3(1.0f, 0.85f, 0.2f)});
    }
    out.legend.push_back({glm::vec3(1.0f, 0.85f, 0.2f), "Supplying nerve" + (roots.empty() ? std::string() : ": " + roots)});
  }
  if (toggles.function && origin && insertion) {
    glm::vec3 from = origin->centroid;
    glm::vec3 to = insertion->centroid;
    std::string pulley = pulley_landmark(s.id);
    if (const Landmark* lm = (manifest && !pulley.empty()) ? manifest->find_landmark(pulley) : nullptr) {
      // The pull on the foot runs from the pulley, not from the origin.
      out.inputs.arrows.push_back({from, lm->position, palette.arrow * 0.7f, 0.002f, false});
      from = lm->position;
    }
    // The muscle pulls its insertion toward its origin.
    glm::vec3 dir = from - to;
    float len = glm::length(dir);
    if (len > 1e-4f) {
      glm::vec3 tip = to + dir / len * std::min(len * 0.6f, 0.09f);
      out.inputs.arrows.push_back({to, tip, palette.arrow, 0.004f});
    }
    out.legend.push_back({palette.arrow, "Line of pull"});
  }
  return out;
}

} // namespace crus
