#include "app/scene_setup.hpp"

#include "core/error.hpp"
#include "core/file_io.hpp"
#include "core/search.hpp"

#include <filesystem>
#include <sstream>

namespace crus::app {

std::string AtlasOptions::resolved_atlas() const {
  if (!atlas.empty()) return atlas;
  return (std::filesystem::path(assets_dir()) / "atlas" / (lod == 1 ? "lower_leg_right_lod1.glb" : "lower_leg_right.glb")).string();
}

Scene load_atlas(const AtlasOptions& options, bool strict) {
  SceneLoadOptions o;
  o.strict = strict;
  if (!options.atlas_map.empty()) o.map_path = options.atlas_map;
  std::string path = options.resolved_atlas();
  if (options.atlas.empty() && !std::filesystem::exists(path))
    throw InputError(path, "the bundled atlas is missing; make it with `crus atlas build --out assets/atlas`, or pass --atlas FILE");
  return load_scene(path, o);
}

int resolve_id(const Scene& scene, const std::string& id, const std::string& option) {
  int i = scene.index_of(id);
  if (i >= 0) return i;
  std::vector<std::string> ids;
  for (const auto& s : scene.structures) ids.push_back(s.id);
  std::string message = "unknown structure id \"" + id + "\"";
  auto close = closest_ids(ids, id, 3);
  if (!close.empty()) {
    message += "; did you mean ";
    for (std::size_t k = 0; k < close.size(); ++k) message += (k ? ", " : "") + close[k];
    message += "?";
  }
  throw InputError(option, message);
}

std::vector<int> apply_knowledge(Scene& scene, const KnowledgeBase& knowledge) {
  std::vector<int> layers(scene.structures.size(), 0);
  for (std::size_t i = 0; i < scene.structures.size(); ++i)
    if (const KnowledgeEntry* k = knowledge.find(scene.structures[i].id)) {
      scene.structures[i].name = k->name;
      layers[i] = k->layer;
    }
  return layers;
}

SearchIndex make_search_index(const Scene& scene, const KnowledgeBase& knowledge) {
  std::vector<SearchEntry> entries;
  for (const auto& s : scene.structures) {
    SearchEntry e{s.id, s.name, {}};
    if (const KnowledgeEntry* k = knowledge.find(s.id)) {
      e.name = k->name;
      if (!k->latin.empty()) e.aliases.push_back(k->latin);
      e.aliases.insert(e.aliases.end(), k->synonyms.begin(), k->synonyms.end());
    }
    entries.push_back(std::move(e));
  }
  return SearchIndex(std::move(entries));
}

std::vector<int> resolve_ids(const Scene& scene, const std::string& list, const std::string& option) {
  std::vector<int> out;
  std::stringstream ss(list);
  std::string item;
  while (std::getline(ss, item, ',')) {
    auto b = item.find_first_not_of(" \t");
    auto e = item.find_last_not_of(" \t");
    if (b == std::string::npos) continue;
    out.push_back(resolve_id(scene, item.substr(b, e - b + 1), option));
  }
  return out;
}

} // namespace crus::app
