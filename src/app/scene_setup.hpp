#pragma once
#include "app/commands.hpp"
#include "core/anatomy/knowledge.hpp"
#include "core/document/scene.hpp"
#include "core/anatomy/scene_knowledge.hpp"
#include "core/anatomy/search.hpp"
#include "core/anatomy/trigger_points.hpp"

#include <glm/vec3.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace crus::app {
// X,Y,Z in metres (model frame) from an option such as --at; anything that is
// not three finite numbers within limits::kPointCoordinateMetres is an
// InputError naming `option`.
// JSON for stdout that cannot fail: text that is not UTF-8 (a node name in a
// foreign file) comes out with U+FFFD instead of an exception.
template <typename Json>
std::string dump_json(const Json& j, int indent = 2) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}
glm::vec3 parse_model_point(const std::string& text, const std::string& option);
// Loads the knowledge base for a command that can do without parts of it
// (render, info, list, search, handout): each problem goes to stderr with
// what still works, instead of passing silently.
KnowledgeBase load_knowledge_reporting(const std::string& still_works);
// The same for the trigger-point and red-flag files, which `scene` needs
// only for overlays and handouts: says on stderr which cannot be loaded.
void report_unloadable_clinical_data(const Scene& scene, const std::string& still_works);
// Loads the atlas named by the options (strict: any problem is an InputError).
Scene load_atlas(const AtlasOptions& options, bool strict);
// Splits "a,b,c" and resolves each id in the scene; an unknown one is an
// InputError naming `option` with the closest ids.
std::vector<int> resolve_ids(const Scene& scene, const std::string& list, const std::string& option);
int resolve_id(const Scene& scene, const std::string& id, const std::string& option);
// Moved below ui (core/anatomy/scene_knowledge.hpp): the session names the structures.
using crus::apply_knowledge;
using crus::make_search_index;
using crus::unknown_structure_ids;
} // namespace crus::app
