// crus search, crus validate and crus referral: the knowledge base and the
// trigger-point maps from the command line.
#include "app/commands.hpp"
#include "app/scene_setup.hpp"
#include "core/error.hpp"
#include "core/file_io.hpp"
#include "core/knowledge.hpp"
#include "core/red_flags.hpp"
#include "core/referral.hpp"
#include "core/search.hpp"
#include "core/trigger_points.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <nlohmann/json.hpp>

namespace crus::app {
namespace fs = std::filesystem;

std::string knowledge_dir() { return (fs::path(assets_dir()) / "knowledge").string(); }

int run_search(const AtlasOptions& atlas, const std::string& text, bool json, int limit) {
  Scene scene = load_atlas(atlas, true);
  KnowledgeBase knowledge = load_knowledge_reporting("the search covers structure ids and atlas names only where entries are missing");
  SearchIndex index = make_search_index(scene, knowledge);
  auto results = index.search(text, static_cast<std::size_t>(std::max(1, limit)));
  if (json) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& r : results)
      arr.push_back({{"id", r.id}, {"name", r.name}, {"matched", r.matched}, {"score", r.score}});
    std::cout << dump_json(arr) << "\n";
  } else if (results.empty()) {
    std::cout << "nothing matches \"" << text << "\"\n";
  } else {
    for (const auto& r : results) {
      std::cout << std::left << std::setw(30) << r.id << r.name;
      if (r.matched != r.name && r.matched != r.id) std::cout << "  (" << r.matched << ")";
      std::cout << "\n";
    }
  }
  return 0;
}

int run_validate(const AtlasOptions& atlas) {
  std::vector<std::string> problems;
  std::string path = atlas.resolved_atlas();
  std::optional<Scene> scene;
  try {
    scene = load_atlas(atlas, true);
    if (!scene->manifest) problems.push_back(path + ": no atlas.json manifest beside it");
    else {
      for (const auto& s : scene->manifest->structures)
        if (!scene->find(s.id)) problems.push_back(path + ": structure " + s.id + " (node " + s.node + ") has no mesh");
      for (const auto& s : scene->structures)
        if (!s.labelled) problems.push_back(path + ": node " + s.node + " is not in the manifest");
    }
  } catch (const InputError& e) {
    problems.push_back(e.what());
  }
  KnowledgeBase knowledge = load_knowledge(knowledge_dir());
  for (const auto& p : knowledge.problems) problems.push_back(knowledge_dir() + "/" + to_string(p));
  if (scene && scene->manifest)
    for (const auto& p : cross_check(knowledge, *scene->manifest)) problems.push_back(knowledge_dir() + "/" + to_string(p));
  else
    for (const auto& p : check_knowledge(knowledge)) problems.push_back(knowledge_dir() + "/" + to_string(p));
  std::size_t trigger_points = 0, red_flags = 0;
  try {
    std::vector<Landmark> landmarks = (scene && scene->manifest) ? scene->manifest->landmarks : std::vector<Landmark>{};
    TriggerPointSet tps = load_trigger_points((fs::path(knowledge_dir()) / "trigger_points.json").string(), landmarks);
    trigger_points = tps.trigger_points.size();
    for (const auto& tp : tps.trigger_points)
      if (scene && !scene->find(tp.muscle)) problems.push_back("trigger_points.json: " + tp.id + ": muscle " + tp.muscle + " is not in the atlas");
  } catch (const InputError& e) {
    problems.push_back(e.what());
  }
  try {
    red_flags = load_red_flags((fs::path(knowledge_dir()) / "red_flags.json").string()).red_flags.size();
  } catch (const InputError& e) {
    problems.push_back(e.what());
  }
  for (const auto& p : problems) std::cout << p << "\n";
  if (!problems.empty()) {
    std::cerr << "crus validate: " << problems.size() << " problem(s)\n";
    return 2;
  }
  std::cout << "ok: " << (scene ? scene->structures.size() : 0) << " structures, " << knowledge.entries.size()
            << " knowledge entries, " << knowledge.sources.size() << " sources, " << trigger_points << " trigger points, "
            << red_flags << " red flags\n";
  return 0;
}

int run_referral(const AtlasOptions& atlas, const std::string& at, bool json, float max_distance) {
  if (!std::isfinite(max_distance) || max_distance <= 0.0f || max_distance > 1.0f)
    throw InputError("--max-distance", "expected a distance in metres above 0 and at most 1, got " + (std::ostringstream() << max_distance).str());
  glm::vec3 p = parse_model_point(at, "--at");
  Scene scene = load_atlas(atlas, true);
  const SceneStructure* skin = nullptr;
  for (const auto& s : scene.structures)
    if (s.kind == StructureKind::skin) skin = &s;
  if (!skin) throw InputError(atlas.resolved_atlas(), "the atlas has no skin to snap the point to");
  if (!scene.manifest) throw InputError(atlas.resolved_atlas(), "the atlas has no manifest (landmarks) for the trigger-point zones");
  TriggerPointSet tps = load_trigger_points((fs::path(knowledge_dir()) / "trigger_points.json").string(), scene.manifest->landmarks);
  SurfacePoint snapped = snap_to_surface(skin->mesh, p);
  if (snapped.distance > max_distance) {
    std::ostringstream msg;
    msg << std::fixed << std::setprecision(3) << "the point is " << snapped.distance
        << " m from the skin (more than " << max_distance << " m): not on the leg; coordinates are metres in the model frame (X anterior, Y up, Z lateral)";
    throw InputError("--at", msg.str());
  }
  auto candidates = lookup_referral(tps, {snapped.point});
  if (json) {
    nlohmann::ordered_json j;
    j["point"] = {snapped.point.x, snapped.point.y, snapped.point.z};
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& c : candidates)
      arr.push_back({{"muscle", c.muscle}, {"trigger_point", c.trigger_point}, {"zone", to_string(c.zone)}, {"score", c.score}});
    j["candidates"] = arr;
    std::cout << dump_json(j) << "\n";
  } else {
    std::cout << std::fixed << std::setprecision(3) << "skin point " << snapped.point.x << ", " << snapped.point.y << ", "
              << snapped.point.z << "\n";
    if (candidates.empty()) std::cout << "no trigger point in the atlas refers pain here\n";
    for (const auto& c : candidates) {
      const TriggerPoint* tp = tps.find(c.trigger_point);
      std::cout << "  " << std::setw(5) << std::setprecision(2) << c.score << "  " << (tp ? tp->label : c.trigger_point) << " ("
                << to_string(c.zone) << " zone)\n";
    }
    if (!tps.disclaimer.empty()) std::cout << tps.disclaimer << "\n";
  }
  return 0;
}

} // namespace crus::app
