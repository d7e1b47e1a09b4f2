#pragma once
// Saved scenes: everything needed to show the same picture again, as a
// versioned JSON file (format "crus-scene", docs/SCENES.md, schema in
// assets/formats/teaching.schema.json). Structures are named by id, never
// by index, so a scene survives an atlas that gains or reorders structures;
// an id the atlas lacks is reported and kept, so saving again loses nothing.
#include "core/document/annotations.hpp"
#include "core/geometry/camera.hpp"
#include "core/document/document.hpp"

#include <glm/vec3.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace crus {

class JsonLineMap; // core/io/json_schema.hpp

struct Scene;

// 2: annotations (pins, arrows, ink), the section plane ("section"), the
//    pose, colour_by_length and movement. Version 1 files, and version 2
//    files written before movement, open unchanged (neutral pose, no movement).
constexpr int kSceneFormatVersion = 2;

// The joints' ranges a scene's pose must keep to (degrees, Crus's signs):
// those of assets/motion/joints.json, which a test holds these to.
struct SceneJointRange {
  motion::Coordinate coordinate;
  const char* key;
  double min_deg, max_deg;
};
inline constexpr SceneJointRange kSceneJointRanges[] = {{motion::Coordinate::knee, "knee", 0.0, 120.0},
                                                        {motion::Coordinate::ankle, "ankle", -40.0, 30.0},
                                                        {motion::Coordinate::subtalar, "subtalar", -20.0, 20.0},
                                                        {motion::Coordinate::mtp, "mtp", -30.0, 30.0}};

// The scene proper: also the "scene" of each lesson step.
struct SceneSpec {
  std::optional<AnatomicalView> view; // frame what is drawn from this view
  std::optional<CameraPose> camera;   // exact camera; wins over view
  std::optional<std::vector<std::string>> isolated;
  std::vector<std::string> hidden, ghosted, pinned;
  std::string selected; // empty: none
  Highlights highlights;
  int peel_layer = 0;
  bool mirror = false;
  Overlay overlay; // target is a trigger-point or muscle id
  std::vector<glm::vec3> painted;
  float brush_radius = 0.015f;
  SectionView section; // off unless the file has "section"
  bool labels = true;
  float text_size = 0.0f;    // points; 0: the viewer's own
  int width = 0, height = 0; // figure size; 0: the caller's
  Annotations annotations;   // pins, arrows, ink (core/document/annotations.hpp)
  motion::Pose pose;         // neutral when the file gives none
  bool colour_by_length = false;
  // The Motion panel's "which muscles produce this movement?" choice.
  std::optional<motion::Movement> movement;
  bool operator==(const SceneSpec&) const = default;
};

struct SceneAtlas {
  std::string name = "bundled"; // "bundled" or the mesh file path
  std::string map;              // --atlas-map, if any
  std::string fingerprint;      // atlas_fingerprint()
  int structures = 0;
  bool operator==(const SceneAtlas&) const = default;
};

struct SceneFile {
  int version = kSceneFormatVersion; // as read; saving writes the current one
  std::string title;
  SceneAtlas atlas;
  SceneSpec scene;
  bool operator==(const SceneFile&) const = default;
};

// fnv1a64 (hex) of the structure ids in order of id: changes when the atlas
// gains, loses or renames a structure, not when its meshes are refined.
std::string atlas_fingerprint(const Scene& scene);

// Parses and checks a scene file against the schema. Any fault is an
// InputError whose where() is "source:line" and whose message starts with
// the field's path, e.g. "scene.json:7: scene.camera.distance: ...".
SceneFile parse_scene_file(const std::string& text, const std::string& source);
// What scene and lesson files check first: the "format" names this kind
// (`format`, called `what` in messages), the version is at most
// `max_version` and at least 1, and the document meets `schema_def` of the
// teaching schema; InputError naming file, line and field otherwise.
void check_teaching_document(const nlohmann::json& doc, const JsonLineMap& lines, const std::string& source,
                             const std::string& format, const std::string& what, int max_version, const std::string& schema_def);
SceneFile load_scene_file(const std::string& path);
std::string scene_file_to_json(const SceneFile& file);
// Atomic (temporary file, then rename); RuntimeError when it cannot.
void save_scene_file(const std::string& path, const SceneFile& file);

// The "scene" object alone, for lessons: `json` was already checked against
// #/$defs/scene; range faults throw InputError at `where` / `path`.
SceneSpec scene_spec_from_json(const nlohmann::json& json, const std::string& path,
                               const std::function<std::string(const std::string&)>& locate);
nlohmann::ordered_json scene_spec_to_json(const SceneSpec& spec);

// The schema of scenes and lessons (assets/formats/teaching.schema.json).
class JsonSchema;
const JsonSchema& teaching_schema();

// A scene on an atlas: the document state it describes, and the ids it
// names that the atlas does not have (each once, in the order met).
struct AppliedScene {
  DocumentState state;
  std::vector<std::string> unknown_ids;
};
AppliedScene apply_scene_spec(const SceneSpec& spec, const Scene& scene);
// The reverse: `state` on `scene` as a spec (camera given), keeping the
// ids of `previous` that the atlas lacks, so reopening and saving a scene
// made on another atlas keeps them.
SceneSpec capture_scene_spec(const DocumentState& state, const Scene& scene, const CameraPose& camera,
                             const SceneSpec* previous = nullptr);
// "2 ids not in this atlas: foo, bar (kept in the scene)", or "" when none.
std::string describe_unknown_ids(const std::vector<std::string>& ids);

} // namespace crus
