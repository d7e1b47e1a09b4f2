#pragma once
#include "app/commands.hpp"
#include "core/knowledge.hpp"
#include "core/scene.hpp"
#include "core/search.hpp"
#include "core/trigger_points.hpp"

namespace crus::app {
// Loads the atlas named by the options (strict: any problem is an InputError).
Scene load_atlas(const AtlasOptions& options, bool strict);
// Splits "a,b,c" and resolves each id in the scene; an unknown one is an
// InputError naming `option` with the closest ids.
std::vector<int> resolve_ids(const Scene& scene, const std::string& list, const std::string& option);
int resolve_id(const Scene& scene, const std::string& id, const std::string& option);
// One name everywhere: gives each structure the knowledge base's name
// (Terminologia Anatomica) and returns each structure's layer (0: unknown).
std::vector<int> apply_knowledge(Scene& scene, const KnowledgeBase& knowledge);
// One line per structure an atlas map labelled with an id the knowledge
// base does not have (a typo in the map, or a structure Crus lacks).
std::vector<std::string> unknown_structure_ids(const Scene& scene, const KnowledgeBase& knowledge);
// Search entries from the names, Latin names and synonyms.
// Facts too (actions, nerves and roots, clinical notes, and the symptoms of
// `trigger_points` when given), found by what a structure does.
SearchIndex make_search_index(const Scene& scene, const KnowledgeBase& knowledge, const TriggerPointSet* trigger_points = nullptr);
} // namespace crus::app
