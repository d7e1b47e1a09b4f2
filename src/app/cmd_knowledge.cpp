// crus search, crus validate and crus referral: the knowledge base and the
// trigger-point maps from the command line.
#include "app/commands.hpp"
#include "app/scene_setup.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/anatomy/knowledge.hpp"
#include "core/io/json_schema.hpp"
#include "core/anatomy/red_flags.hpp"
#include "core/anatomy/referral.hpp"
#include "core/anatomy/search.hpp"
#include "core/anatomy/trigger_points.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <nlohmann/json.hpp>

namespace crus::app {
namespace fs = std::filesystem;

std::string knowledge_dir() { return (fs::path(assets_dir()) / "knowledge").string(); }

int run_search(const AtlasOptions& atlas, const std::string& text, bool json, int limit) {
  Scene scene = load_atlas(atlas, true);
  KnowledgeBase knowledge =
      load_knowledge_reporting("the search covers structure ids and atlas names only where entries are missing");
  std::optional<TriggerPointSet> trigger_points;
  try {
    if (scene.manifest)
      trigger_points =
          load_trigger_points((fs::path(knowledge_dir()) / "trigger_points.json").string(), scene.manifest->landmarks);
  } catch (const std::exception&) {
    // Search still finds structures by their names and knowledge.
  }
  SearchIndex index = make_search_index(scene, knowledge, trigger_points ? &*trigger_points : nullptr);
  auto results = index.search(text, static_cast<std::size_t>(std::max(1, limit)));
  if (json) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& r : results) arr.push_back({{"id", r.id}, {"name", r.name}, {"matched", r.matched}, {"score", r.score}});
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
    for (const auto& w : scene->warnings) problems.push_back(w);
    if (!scene->manifest) {
      // Another atlas: fine without a manifest, but the referral maps need
      // its landmarks, so they are checked against the bundled atlas only.
      if (atlas.atlas.empty()) problems.push_back(path + ": no atlas.json manifest beside it");
      else
        std::cout << "note: " << path << " has no landmarks (atlas.json); the trigger-point referral maps need landmarks this "
                  << "atlas lacks, so they will not show on it. Everything else is checked.\n";
    } else {
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
  if (scene)
    for (const auto& p : unknown_structure_ids(*scene, knowledge)) problems.push_back(p);
  if (scene && scene->manifest)
    for (const auto& p : cross_check(knowledge, *scene->manifest)) problems.push_back(knowledge_dir() + "/" + to_string(p));
  else
    for (const auto& p : check_knowledge(knowledge)) problems.push_back(knowledge_dir() + "/" + to_string(p));
  std::size_t trigger_points = 0, red_flags = 0;
  const bool external_without_landmarks = scene && !scene->manifest && !atlas.atlas.empty();
  try {
    // An atlas without landmarks: check the trigger points against the
    // bundled atlas's landmarks instead of blaming trigger_points.json.
    std::vector<Landmark> landmarks = (scene && scene->manifest) ? scene->manifest->landmarks : std::vector<Landmark>{};
    if (external_without_landmarks) {
      try {
        landmarks = load_manifest((fs::path(assets_dir()) / "atlas" / "atlas.json").string()).landmarks;
      } catch (const std::exception&) {}
    }
    TriggerPointSet tps = load_trigger_points((fs::path(knowledge_dir()) / "trigger_points.json").string(), landmarks);
    trigger_points = tps.trigger_points.size();
    for (const auto& tp : tps.trigger_points)
      if (scene && !external_without_landmarks && !scene->find(tp.muscle))
        problems.push_back("trigger_points.json: " + tp.id + ": muscle " + tp.muscle + " is not in the atlas");
  } catch (const DataFileError& e) {
    problems.insert(problems.end(), e.problems().begin(), e.problems().end()); // every fault, one a line
  } catch (const InputError& e) {
    problems.push_back(e.what());
  }
  try {
    red_flags = load_red_flags((fs::path(knowledge_dir()) / "red_flags.json").string()).red_flags.size();
  } catch (const DataFileError& e) {
    problems.insert(problems.end(), e.problems().begin(), e.problems().end());
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
    throw InputError("--max-distance",
                     "expected a distance in metres above 0 and at most 1, got " + (std::ostringstream() << max_distance).str());
  glm::vec3 p = parse_model_point(at, "--at");
  Scene scene = load_atlas(atlas, true);
  const SceneStructure* skin = nullptr;
  for (const auto& s : scene.structures)
    if (s.kind == StructureKind::skin) skin = &s;
  if (!skin) throw InputError(atlas.resolved_atlas(), "the atlas has no skin to snap the point to");
  if (!scene.manifest)
    throw InputError(atlas.resolved_atlas(), "the atlas has no manifest (landmarks) for the trigger-point zones");
  TriggerPointSet tps =
      load_trigger_points((fs::path(knowledge_dir()) / "trigger_points.json").string(), scene.manifest->landmarks);
  SurfacePoint snapped = snap_to_surface(skin->mesh, p);
  if (snapped.distance > max_distance) {
    std::ostringstream msg;
    msg << std::fixed << std::setprecision(3) << "the point is " << snapped.distance << " m from the skin (more than "
        << max_distance << " m): not on the leg; coordinates are metres in the model frame (X anterior, Y up, Z lateral)";
    throw InputError("--at", msg.str());
  }
  auto candidates = lookup_referral(tps, {snapped.point});
  // The red flags felt where the point lies (every one when the atlas lacks
  // the landmarks the body areas need): the lookup never offers trigger
  // points without them.
  const RedFlagSet flags = load_red_flags((fs::path(knowledge_dir()) / "red_flags.json").string());
  const std::optional<BodyAreaMap> map = BodyAreaMap::from_landmarks(scene.manifest->landmarks);
  const std::vector<BodyArea> areas = map ? map->areas_of({snapped.point}) : std::vector<BodyArea>{};
  const std::vector<const RedFlag*> fitting = flags.for_areas(areas);
  if (json) {
    nlohmann::ordered_json j;
    j["point"] = {snapped.point.x, snapped.point.y, snapped.point.z};
    nlohmann::ordered_json names = nlohmann::ordered_json::array();
    for (BodyArea a : areas) names.push_back(to_string(a));
    j["areas"] = names;
    nlohmann::ordered_json red = nlohmann::ordered_json::array();
    for (const RedFlag* f : fitting) red.push_back({{"id", f->id}, {"title", f->title}, {"urgency", to_string(f->urgency)}});
    j["red_flags"] = red;
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& c : candidates)
      arr.push_back({{"muscle", c.muscle}, {"trigger_point", c.trigger_point}, {"zone", to_string(c.zone)}, {"score", c.score}});
    j["candidates"] = arr;
    std::cout << dump_json(j) << "\n";
  } else {
    std::cout << std::fixed << std::setprecision(3) << "skin point " << snapped.point.x << ", " << snapped.point.y << ", "
              << snapped.point.z;
    for (std::size_t i = 0; i < areas.size(); ++i)
      std::cout << (i == 0 ? " (" : ", ") << plain_name(areas[i]) << (i + 1 == areas.size() ? ")" : "");
    std::cout << "\n";
    auto print_flags = [&](const char* heading, bool urgent) {
      bool first = true;
      for (const RedFlag* f : fitting) {
        if ((f->urgency != Urgency::soon) != urgent) continue;
        if (first) std::cout << heading << "\n";
        first = false;
        std::cout << "  " << std::left << std::setw(10) << to_string(f->urgency) << std::right << " " << f->title << "\n";
      }
    };
    // Urgent ones before the trigger points, the others after them.
    print_flags("Check these first (red flags for this place; the viewer's Red flags window lists their signs):", true);
    if (candidates.empty()) std::cout << "no trigger point in the atlas refers pain here\n";
    else std::cout << "Trigger points that can refer pain here:\n";
    for (const auto& c : candidates) {
      const TriggerPoint* tp = tps.find(c.trigger_point);
      std::cout << "  " << std::setw(5) << std::setprecision(2) << c.score << "  " << (tp ? tp->label : c.trigger_point) << " ("
                << to_string(c.zone) << " zone)\n";
    }
    print_flags("Also possible (see a doctor within days):", false);
    if (!tps.disclaimer.empty()) std::cout << tps.disclaimer << "\n";
  }
  return 0;
}

} // namespace crus::app
