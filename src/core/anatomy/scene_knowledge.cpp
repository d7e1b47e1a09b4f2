#include "core/anatomy/scene_knowledge.hpp"

#include "core/anatomy/search.hpp"

namespace crus {

std::vector<std::string> unknown_structure_ids(const Scene& scene, const KnowledgeBase& knowledge) {
  std::vector<std::string> out;
  if (knowledge.entries.empty()) return out;
  for (const auto& s : scene.structures)
    if (s.labelled && !knowledge.find(s.id)) {
      std::vector<std::string> ids;
      for (const auto& e : knowledge.entries) ids.push_back(e.id);
      std::string line = scene.source + ": node \"" + s.node + "\" is mapped to \"" + s.id + "\", which Crus does not know";
      auto close = closest_ids(ids, s.id, 2);
      if (!close.empty()) line += " (did you mean " + close.front() + "?)";
      out.push_back(line);
    }
  return out;
}

std::vector<int> apply_knowledge(Scene& scene, const KnowledgeBase& knowledge) {
  std::vector<int> layers(scene.structures.size(), 0);
  for (std::size_t i = 0; i < scene.structures.size(); ++i)
    if (const KnowledgeEntry* k = knowledge.find(scene.structures[i].id)) {
      scene.structures[i].name = k->name;
      if (scene.structures[i].side == Side::left) scene.structures[i].name += " (left side)";
      layers[i] = k->layer;
      // A structure mapped from another atlas takes its kind from its id,
      // so a mapped bone groups with the bones.
      if (scene.structures[i].kind == StructureKind::other) {
        for (auto kind : {StructureKind::bone, StructureKind::muscle, StructureKind::tendon, StructureKind::nerve,
                          StructureKind::skin, StructureKind::ligament})
          if (k->kind == to_string(kind)) scene.structures[i].kind = kind;
      }
    }
  return layers;
}

SearchIndex make_search_index(const Scene& scene, const KnowledgeBase& knowledge, const TriggerPointSet* trigger_points) {
  std::vector<SearchEntry> entries;
  for (const auto& s : scene.structures) {
    SearchEntry e{s.id, s.name, {}};
    if (const KnowledgeEntry* k = knowledge.find(s.id)) {
      e.name = k->name;
      if (!k->latin.empty()) e.aliases.push_back(k->latin);
      e.aliases.insert(e.aliases.end(), k->synonyms.begin(), k->synonyms.end());
      // Every field that says what the structure does, what supplies it and
      // what goes wrong with it, taken generically from the knowledge base.
      for (const auto& a : k->actions) e.facts.push_back({"action", a.movement + " at the " + a.joint + " (" + a.role + ")"});
      if (k->innervation) {
        const KnowledgeEntry* nerve = knowledge.find(k->innervation->nerve);
        e.facts.push_back({"nerve", nerve ? nerve->name : k->innervation->nerve});
        for (const auto& r : k->innervation->roots) e.facts.push_back({"nerve root", r});
      }
      for (const auto& r : k->roots) e.facts.push_back({"nerve root", r});
      for (const auto& m : k->supplies)
        if (const KnowledgeEntry* muscle = knowledge.find(m)) e.facts.push_back({"supplies", muscle->name});
      for (const auto& c : k->clinical) e.facts.push_back({"clinical", c.title + ". " + c.text});
    }
    if (trigger_points)
      for (const auto& tp : trigger_points->trigger_points) {
        if (tp.muscle != s.id) continue;
        for (const auto& symptom : tp.symptoms) e.facts.push_back({"trigger point", symptom});
        e.facts.push_back({"trigger point", tp.label + ": " + tp.location_text});
      }
    entries.push_back(std::move(e));
  }
  return SearchIndex(std::move(entries));
}

} // namespace crus
