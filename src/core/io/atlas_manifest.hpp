#pragma once
// The atlas manifest (assets/atlas/atlas.json): what each mesh node is, the
// named bony landmarks and the muscle attachment sites. Written by the atlas
// generator, read by the viewer, the CLI and the tests.
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <optional>
#include <string>
#include <vector>

namespace crus {

enum class StructureKind { bone, muscle, tendon, nerve, skin, ligament, other };
const char* to_string(StructureKind kind);
std::optional<StructureKind> parse_structure_kind(const std::string& text);

struct StructureInfo {
  std::string id;   // e.g. "gastrocnemius_medial_head"
  std::string name; // display name
  StructureKind kind = StructureKind::other;
  std::string node;                         // mesh node name in the glTF file
  glm::vec4 colour{0.8f, 0.8f, 0.8f, 1.0f}; // linear RGBA, alpha < 1 for skin
};

struct Landmark {
  std::string id; // e.g. "medial_malleolus"
  std::string name;
  std::string bone; // structure id of the bone it lies on
  glm::vec3 position{0.0f};
};

// One capsule of an attachment patch: the segment a-b swept by `radius`.
// A point patch has a == b. Patches are drawn as glowing areas on the bone.
struct Capsule {
  glm::vec3 a{0.0f};
  glm::vec3 b{0.0f};
  float radius = 0.0f;
};
float distance_to_capsule(const Capsule& c, const glm::vec3& p); // <0 inside

enum class SiteRole { origin, insertion };
const char* to_string(SiteRole role);

struct AttachmentSite {
  std::string id;     // "<muscle>_<role>", or "<muscle>_<role>_<bone>" where it spans bones
  std::string muscle; // structure id of the muscle (or tendon)
  SiteRole role = SiteRole::origin;
  std::string bone; // structure id of the one bone all its patches lie on
  std::string description;
  glm::vec3 centroid{0.0f};
  std::vector<Capsule> patches;
};

// A nerve's muscular (motor) branch: it leaves the trunk at path.front() and
// enters the muscle it supplies at path.back(). Its tube is part of the
// nerve's mesh; the path lets a highlight point at the branch itself.
struct MotorBranch {
  std::string nerve;  // structure id of the nerve whose trunk it leaves
  std::string muscle; // structure id of the muscle it supplies
  std::vector<glm::vec3> path;
};

struct JointCentre {
  std::string id; // e.g. "knee", "ankle", "subtalar", "mtp"
  glm::vec3 position{0.0f};
};

struct AtlasManifest {
  std::string mesh_file; // relative to the manifest, e.g. "lower_leg_right.glb"
  std::string side = "right";
  std::vector<StructureInfo> structures;
  std::vector<Landmark> landmarks;
  std::vector<AttachmentSite> sites;
  std::vector<JointCentre> joints;
  std::vector<MotorBranch> branches; // optional in the file (older atlases have none)

  const StructureInfo* find_structure(const std::string& id) const;
  const StructureInfo* find_by_node(const std::string& node) const;
  const Landmark* find_landmark(const std::string& id) const;
  const AttachmentSite* find_site(const std::string& id) const;
  std::vector<const AttachmentSite*> sites_of(const std::string& muscle) const;
  // The sites of one attachment: the site `ref` itself, or, where the atlas
  // splits an attachment per bone ("soleus_origin" into "soleus_origin_tibia"
  // and "soleus_origin_fibula"), every site "<ref>_<bone>" of it.
  std::vector<const AttachmentSite*> attachment(const std::string& ref) const;
  std::vector<const MotorBranch*> branches_to(const std::string& muscle) const;
};

// Throws InputError naming the file and the JSON path of the bad field.
AtlasManifest load_manifest(const std::string& path);
AtlasManifest parse_manifest(const std::string& json_text, const std::string& source_name);
std::string manifest_to_json(const AtlasManifest& manifest); // stable, pretty
// Writes atomically (temporary file, then rename).
void save_manifest(const AtlasManifest& manifest, const std::string& path);

} // namespace crus
