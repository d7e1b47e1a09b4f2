#include "app/scene_setup.hpp"

#include "core/checked_cast.hpp"
#include "core/error.hpp"
#include "core/limits.hpp"
#include "core/anatomy/red_flags.hpp"
#include "core/anatomy/trigger_points.hpp"
#include "core/io/utf8.hpp"
#include "core/io/file_io.hpp"
#include "core/anatomy/search.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <algorithm>
#include <cctype>
#include <iostream>
#include <sstream>

namespace crus::app {

std::string AtlasOptions::resolved_atlas() const {
  if (!atlas.empty()) return atlas;
  return (std::filesystem::path(assets_dir()) / "atlas" / (lod == 1 ? "lower_leg_right_lod1.glb" : "lower_leg_right.glb"))
      .string();
}

glm::vec3 parse_model_point(const std::string& text, const std::string& option) {
  const std::string expected = "expected X,Y,Z in metres (model frame: X anterior, Y up, Z lateral), got \"" + text + "\"";
  glm::vec3 p{0.0f};
  const char* s = text.data();
  const char* end = s + text.size();
  for (int i = 0; i < 3; ++i) {
    while (s != end && *s == ' ') ++s;
    double v = 0.0;
    auto r = std::from_chars(s, end, v);
    if (r.ec != std::errc() || !std::isfinite(v)) throw InputError(option, expected);
    if (std::fabs(v) > limits::kPointCoordinateMetres) {
      char limit[32];
      std::snprintf(limit, sizeof limit, "%g", limits::kPointCoordinateMetres);
      throw InputError(option, "coordinate " + std::string(s, r.ptr) + " is more than " + limit +
                                   " m from the model's origin (the leg is under a metre long; units are metres)");
    }
    p[i] = checked_narrow<float>(v, option);
    s = r.ptr;
    while (s != end && *s == ' ') ++s;
    if (i < 2) {
      if (s == end || *s != ',') throw InputError(option, expected);
      ++s;
    }
  }
  if (s != end) throw InputError(option, expected);
  return p;
}

KnowledgeBase load_knowledge_reporting(const std::string& still_works) {
  const std::string dir = knowledge_dir();
  KnowledgeBase knowledge = load_knowledge(dir);
  if (knowledge.problems.empty()) return knowledge;
  constexpr std::size_t shown = 5;
  for (std::size_t i = 0; i < knowledge.problems.size() && i < shown; ++i)
    std::cerr << "crus: warning: " << dir << "/" << to_string(knowledge.problems[i]) << "\n";
  if (knowledge.problems.size() > shown)
    std::cerr << "crus: warning: ... and " << knowledge.problems.size() - shown << " more (crus validate lists them all)\n";
  std::cerr << "crus: warning: the knowledge base is incomplete (" << knowledge.entries.size() << " entries loaded); "
            << still_works << "\n";
  return knowledge;
}

void report_unloadable_clinical_data(const Scene& scene, const std::string& still_works) {
  const std::string dir = knowledge_dir();
  try {
    (void)load_red_flags(dir + "/red_flags.json");
  } catch (const std::exception& e) {
    std::cerr << "crus: warning: red flags not loaded: " << e.what() << "; " << still_works << "\n";
  }
  if (!scene.manifest) return; // without landmarks there is nothing to anchor the zones to; commands that need them say so
  try {
    (void)load_trigger_points(dir + "/trigger_points.json", scene.manifest->landmarks);
  } catch (const std::exception& e) {
    std::cerr << "crus: warning: trigger points not loaded: " << e.what() << "; " << still_works << "\n";
  }
}

Scene load_atlas(const AtlasOptions& options, bool strict) {
  if (options.atlas.empty() && !options.atlas_map.empty())
    throw InputError("--atlas-map", "needs --atlas FILE: a map names the nodes of another atlas, not of the bundled one");
  SceneLoadOptions o;
  o.strict = strict;
  if (!options.atlas_map.empty()) o.map_path = options.atlas_map;
  std::string path = options.resolved_atlas();
  if (options.atlas.empty() && !std::filesystem::exists(path))
    throw InputError(path,
                     "the bundled atlas is missing; make it with `crus atlas build --out assets/atlas`, or pass --atlas FILE");
  // Another atlas may name its nodes by FMA ids (BodyParts3D); the knowledge
  // base knows them. Its problems are reported by the command that uses it.
  FmaIndex fma;
  if (!options.atlas.empty()) {
    fma = make_fma_index(load_knowledge(knowledge_dir()));
    o.fma = &fma;
  }
  Scene scene = load_scene(path, o);
  // The command line shows what the viewer lists under Problems.
  if (strict)
    for (const auto& w : scene.warnings) std::cerr << "crus: warning: " << w << "\n";
  return scene;
}

int resolve_id(const Scene& scene, const std::string& id, const std::string& option) {
  int i = scene.index_of(sanitize_utf8(id)); // names were sanitised the same way when loaded
  if (i >= 0) return i;
  // Ids are lower case; "Soleus" means soleus.
  for (std::size_t k = 0; k < scene.structures.size(); ++k) {
    const std::string& candidate = scene.structures[k].id;
    if (candidate.size() == id.size() && std::equal(candidate.begin(), candidate.end(), id.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        }))
      return static_cast<int>(k);
  }
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
