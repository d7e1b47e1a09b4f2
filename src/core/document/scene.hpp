#pragma once
// A loaded atlas: one structure per mesh node, with its identity (from the
// atlas manifest or an atlas map) and its mesh in the model frame.
#include "core/io/atlas_manifest.hpp"
#include "core/anatomy/fma.hpp"
#include "core/geometry/mesh.hpp"
#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <optional>
#include <string>
#include <vector>

namespace crus {

struct SceneStructure {
  std::string id;   // structure id, or "unlabelled:<node>" when nothing matched
  std::string name; // display name
  std::string node; // node name in the file
  StructureKind kind = StructureKind::other;
  glm::vec4 colour{0.8f, 0.8f, 0.8f, 1.0f};
  bool labelled = false;     // matched a known structure
  Side side = Side::unsided; // from a sided FMA id in the node's name
  Mesh mesh;                 // soft tissue: where it is now; a bone: its rest mesh (see transform)
  Aabb box;                  // where it is now (of `mesh` moved by `transform`)
  // Rest-to-current transform of a structure carried rigidly (a bone): it
  // stands at transform * mesh, and posing it changes this matrix only.
  // Identity at rest and for soft tissue, whose mesh is deformed vertex by
  // vertex (its rest is mesh.rest_positions). Whatever asks where a bone is
  // (the renderer, picking, labels, bounds, sections) reads both
  // (core/geometry/rest_frame.hpp).
  glm::mat4 transform{1.0f};
};

// How the nodes of a foreign mesh file map to structure ids, and how its units
// and axes map to the model frame (--atlas-map MAP.json).
struct AtlasMapRule {
  std::string pattern; // exact node name, or a glob with * and ?
  std::string id;
};
struct AtlasMap {
  float scale = 1.0f;   // from "units" (m, cm, mm) or "scale"
  glm::mat3 axes{1.0f}; // model = axes * (scale * source) + offset
  glm::vec3 offset{0.0f};
  std::vector<AtlasMapRule> rules;
  std::string source; // the file it came from
  // The id of the first rule matching `node`, if any.
  std::optional<std::string> match(const std::string& node) const;
};
bool glob_match(const std::string& pattern, const std::string& text);
// Throws InputError naming the file and field; `known_ids` are checked when
// not empty.
AtlasMap load_atlas_map(const std::string& path, const std::vector<std::string>& known_ids);
struct Scene;
// Adds warnings to `scene` for map patterns matching none of `nodes` (the
// file's nodes with meshes), a single-node file, and a size no leg has.
void check_map_against_scene(const AtlasMap& map, const std::vector<std::string>& nodes, Scene& scene);

struct Scene {
  std::string source; // the mesh file
  std::vector<SceneStructure> structures;
  std::optional<AtlasManifest> manifest;
  std::vector<std::string> warnings; // one line each: "file: problem"
  Aabb box;
  std::size_t triangle_count() const;
  const SceneStructure* find(const std::string& id) const;
  int index_of(const std::string& id) const; // -1 when absent
};

struct SceneLoadOptions {
  // Strict (the CLI): any problem with a mesh throws InputError. Lenient (the
  // viewer): bad meshes are left out and each problem becomes a warning.
  bool strict = true;
  std::optional<std::string> map_path;
  // Manifest to name the nodes; by default atlas.json beside the mesh file.
  std::optional<std::string> manifest_path;
  // FMA ids of the knowledge base: nodes (or a single-node file) named by an
  // FMA id and matched by nothing else are labelled by it.
  const FmaIndex* fma = nullptr;
};

// Loads any file Assimp reads. Throws InputError when the file cannot be
// used at all (missing, empty, unreadable, not a mesh format, no meshes).
Scene load_scene(const std::string& path, const SceneLoadOptions& options = {});

// Default colour for a kind when neither manifest nor material gives one.
glm::vec4 default_colour(StructureKind kind);

} // namespace crus
