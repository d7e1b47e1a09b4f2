#pragma once
// What the knowledge base adds to a loaded scene: the names, each structure's
// layer and the search index. Plain C++, so that the session (and every
// command that goes through it) makes them the same way.
#include "core/anatomy/knowledge.hpp"
#include "core/document/scene.hpp"
#include "core/anatomy/search.hpp"
#include "core/anatomy/trigger_points.hpp"

#include <string>
#include <vector>

namespace crus {
// One name everywhere: gives each structure the knowledge base's name
// (Terminologia Anatomica) and returns each structure's layer (0: unknown).
std::vector<int> apply_knowledge(Scene& scene, const KnowledgeBase& knowledge);
// One line per structure an atlas map labelled with an id the knowledge
// base does not have (a typo in the map, or a structure Crus lacks).
std::vector<std::string> unknown_structure_ids(const Scene& scene, const KnowledgeBase& knowledge);
// Search entries from the names, Latin names and synonyms.
// Facts too (actions, nerves and roots, clinical notes, and the symptoms of
// `trigger_points` when given), found by what a structure does.
SearchIndex make_search_index(const Scene& scene, const KnowledgeBase& knowledge,
                              const TriggerPointSet* trigger_points = nullptr);
} // namespace crus
