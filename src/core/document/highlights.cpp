#include "core/document/highlights.hpp"
#include "core/geometry/rest_frame.hpp"

#include <algorithm>
#include <glm/geometric.hpp>
#include <glm/matrix.hpp>
#include <glm/vector_relational.hpp>

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

int patch_owner(const Scene& scene, const Capsule& c) {
  // A site may still span two bones (the soleus origin covers tibia and
  // fibula under one site until the atlas splits sites per bone), so each
  // capsule is owned by the bone it lies on: the one whose surface is nearest
  // both its ends, within the capsule's radius and a few millimetres.
  const float reach = c.radius + 0.005f;
  int best = -1;
  float best_d = reach;
  for (std::size_t i = 0; i < scene.structures.size(); ++i) {
    const SceneStructure& s = scene.structures[i];
    if (s.kind != StructureKind::bone) continue;
    auto within = [&](const glm::vec3& p) {
      return glm::all(glm::greaterThanEqual(p, s.box.min - reach)) && glm::all(glm::lessThanEqual(p, s.box.max + reach));
    };
    if (!within(c.a) || !within(c.b)) continue;
    // The capsule where the leg is now; a posed bone's mesh is at rest.
    const glm::mat4 back = rigid_inverse(s.transform);
    const glm::vec3 a = moved_point(back, c.a), b = moved_point(back, c.b);
    float da = 1e9f, db = 1e9f;
    for (const glm::vec3& v : s.mesh.positions) {
      da = std::min(da, glm::distance(v, a));
      db = std::min(db, glm::distance(v, b));
    }
    const float d = std::max(da, db);
    if (d < best_d) {
      best_d = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

namespace {

void add_site(SelectionHighlights& out, const Scene& scene, const AttachmentSite& site, const glm::vec3& colour,
              const std::string& role_name, const std::string& text) {
  // The manifest is where the leg is now; the shader paints patches on each
  // vertex's rest position, so each capsule goes back by the transform of the
  // bone that carried it (core/motion/posed_leg.cpp moves a site with its bone).
  // Each site lies on one bone (the atlas splits attachments per bone), which
  // owns its patches; an atlas that still names no bone falls back to the
  // bone nearest each capsule.
  const SceneStructure* bone = scene.find(site.bone);
  const glm::mat4 to_rest = bone ? glm::inverse(bone->transform) : glm::mat4(1.0f);
  auto back = [&](const glm::vec3& p) { return glm::vec3(to_rest * glm::vec4(p, 1.0f)); };
  const int owner = bone ? scene.index_of(site.bone) : -1;
  for (const Capsule& c : site.patches)
    out.inputs.patches.push_back({owner >= 0 ? owner : patch_owner(scene, c), back(c.a), back(c.b), c.radius, colour});
  out.labels.push_back({role_name + ": " + text, site.centroid, colour});
}

// Where the parts of an attachment pull from together: their mean, each
// weighted by its patches' length.
glm::vec3 attachment_centroid(const std::vector<const AttachmentSite*>& parts) {
  glm::vec3 sum(0.0f);
  float weight = 0.0f;
  for (const AttachmentSite* site : parts)
    for (const Capsule& c : site->patches) {
      const float w = glm::length(c.b - c.a) + 2.0f * c.radius;
      sum += w * 0.5f * (c.a + c.b);
      weight += w;
    }
  return weight > 0.0f ? sum / weight : parts.front()->centroid;
}

// Labels name the bone; the info panel has the full wording.
std::string bone_name(const Scene& scene, const std::string& bone) {
  const SceneStructure* s = scene.find(bone);
  return s ? s->name : bone;
}

} // namespace

SelectionHighlights compute_highlights(const Scene& scene, const KnowledgeBase* knowledge, int muscle, const Highlights& toggles,
                                       const HighlightPalette& palette) {
  SelectionHighlights out;
  if (muscle < 0 || static_cast<std::size_t>(muscle) >= scene.structures.size()) return out;
  const SceneStructure& s = scene.structures[static_cast<std::size_t>(muscle)];
  const KnowledgeEntry* entry = knowledge ? knowledge->find(s.id) : nullptr;
  const AtlasManifest* manifest = scene.manifest ? &*scene.manifest : nullptr;

  // An attachment may be split per bone (the soleus origin on tibia and
  // fibula): every part is lit and labelled with its own bone.
  const std::vector<const AttachmentSite*> origin =
      manifest ? manifest->attachment(s.id + "_origin") : std::vector<const AttachmentSite*>{};
  const std::vector<const AttachmentSite*> insertion =
      manifest ? manifest->attachment(s.id + "_insertion") : std::vector<const AttachmentSite*>{};

  if (toggles.origin && !origin.empty()) {
    for (const AttachmentSite* site : origin) add_site(out, scene, *site, palette.origin, "Origin", bone_name(scene, site->bone));
    out.legend.push_back({palette.origin, "Origin"});
  }
  if (toggles.insertion && !insertion.empty()) {
    for (const AttachmentSite* site : insertion)
      add_site(out, scene, *site, palette.insertion, "Insertion", bone_name(scene, site->bone));
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
    const std::string nerve_label =
        (nerve_entry ? nerve_entry->name : entry->innervation->nerve) + (roots.empty() ? "" : " (" + roots + ")");
    const glm::vec3 nerve_colour(1.0f, 0.85f, 0.2f);
    // Point at the muscle's own motor branches (from the manifest): a thin
    // arrow along each, its head where the branch enters the muscle, and the
    // label there, not on the trunk passing by.
    const std::vector<const MotorBranch*> branches = manifest ? manifest->branches_to(s.id) : std::vector<const MotorBranch*>{};
    for (const MotorBranch* b : branches)
      for (std::size_t k = 0; k + 1 < b->path.size(); ++k)
        out.inputs.arrows.push_back({b->path[k], b->path[k + 1], nerve_colour, 0.0012f, k + 2 == b->path.size()});
    int nerve_index = scene.index_of(entry->innervation->nerve);
    if (!branches.empty()) {
      out.labels.push_back({nerve_label, branches.front()->path.back(), nerve_colour});
    } else if (nerve_index >= 0) {
      const SceneStructure& n = scene.structures[static_cast<std::size_t>(nerve_index)];
      // Without branches in the manifest: the nerve near where it meets the muscle.
      glm::vec3 near_muscle = n.box.centre();
      float best = 1e9f;
      for (const auto& p : n.mesh.positions) {
        float d = glm::length(p - s.box.centre());
        if (d < best) {
          best = d;
          near_muscle = p;
        }
      }
      out.labels.push_back({nerve_label, near_muscle, nerve_colour});
    }
    out.legend.push_back({glm::vec3(1.0f, 0.85f, 0.2f), "Supplying nerve" + (roots.empty() ? std::string() : ": " + roots)});
  }
  if (toggles.function && !origin.empty() && !insertion.empty()) {
    glm::vec3 from = attachment_centroid(origin);
    glm::vec3 to = attachment_centroid(insertion);
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
