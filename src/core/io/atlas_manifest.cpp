#include "core/io/atlas_manifest.hpp"

#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/io/json_input.hpp"
#include "core/io/json_schema.hpp"
#include "core/checked_cast.hpp"

#include <glm/geometric.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

namespace crus {
using Json = nlohmann::ordered_json;

const char* to_string(StructureKind kind) {
  switch (kind) {
    case StructureKind::bone: return "bone";
    case StructureKind::muscle: return "muscle";
    case StructureKind::tendon: return "tendon";
    case StructureKind::nerve: return "nerve";
    case StructureKind::skin: return "skin";
    case StructureKind::ligament: return "ligament";
    case StructureKind::other: return "other";
  }
  return "other";
}

std::optional<StructureKind> parse_structure_kind(const std::string& text) {
  for (StructureKind k : {StructureKind::bone, StructureKind::muscle, StructureKind::tendon, StructureKind::nerve,
                          StructureKind::skin, StructureKind::ligament, StructureKind::other})
    if (text == to_string(k)) return k;
  return std::nullopt;
}

const char* to_string(SiteRole role) { return role == SiteRole::origin ? "origin" : "insertion"; }

float distance_to_capsule(const Capsule& c, const glm::vec3& p) {
  const glm::vec3 ab = c.b - c.a;
  const float len2 = glm::dot(ab, ab);
  const float t = len2 > 0.0f ? std::clamp(glm::dot(p - c.a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (c.a + t * ab)) - c.radius;
}

const StructureInfo* AtlasManifest::find_structure(const std::string& id) const {
  for (const auto& s : structures)
    if (s.id == id) return &s;
  return nullptr;
}
const StructureInfo* AtlasManifest::find_by_node(const std::string& node) const {
  for (const auto& s : structures)
    if (s.node == node) return &s;
  return nullptr;
}
const Landmark* AtlasManifest::find_landmark(const std::string& id) const {
  for (const auto& l : landmarks)
    if (l.id == id) return &l;
  return nullptr;
}
const AttachmentSite* AtlasManifest::find_site(const std::string& id) const {
  for (const auto& s : sites)
    if (s.id == id) return &s;
  return nullptr;
}
std::vector<const AttachmentSite*> AtlasManifest::sites_of(const std::string& muscle) const {
  std::vector<const AttachmentSite*> out;
  for (const auto& s : sites)
    if (s.muscle == muscle) out.push_back(&s);
  return out;
}
std::vector<const MotorBranch*> AtlasManifest::branches_to(const std::string& muscle) const {
  std::vector<const MotorBranch*> out;
  for (const auto& b : branches)
    if (b.muscle == muscle) out.push_back(&b);
  return out;
}
std::vector<const AttachmentSite*> AtlasManifest::attachment(const std::string& ref) const {
  std::vector<const AttachmentSite*> out;
  for (const auto& s : sites)
    if (s.id == ref || (s.id.size() > ref.size() + 1 && s.id.compare(0, ref.size(), ref) == 0 && s.id[ref.size()] == '_'))
      out.push_back(&s);
  return out;
}

namespace {

// Walks the document keeping the JSON path, so every error names the field.
class Reader {
public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw InputError(source_, (path.empty() ? std::string("(root)") : path) + ": " + problem);
  }
  const Json& member(const Json& obj, const std::string& path, const char* key) const {
    if (!obj.is_object()) fail(path, "expected an object");
    auto it = obj.find(key);
    if (it == obj.end()) fail(join(path, key), "missing");
    return *it;
  }
  std::string string(const Json& obj, const std::string& path, const char* key, bool allow_empty = false) const {
    const Json& v = member(obj, path, key);
    if (!v.is_string()) fail(join(path, key), "expected a string");
    std::string s = v.get<std::string>();
    if (!allow_empty && s.empty()) fail(join(path, key), "must not be empty");
    return s;
  }
  const Json& array(const Json& obj, const std::string& path, const char* key) const {
    const Json& v = member(obj, path, key);
    if (!v.is_array()) fail(join(path, key), "expected an array");
    return v;
  }
  float number(const Json& v, const std::string& path) const {
    if (!v.is_number()) fail(path, "expected a number");
    const double d = v.get<double>();
    if (!std::isfinite(d) || std::abs(d) > 1e6) fail(path, "expected a finite number of sensible size");
    return float(d);
  }
  glm::vec3 vec3(const Json& obj, const std::string& path, const char* key) const {
    return vec3_at(member(obj, path, key), join(path, key));
  }
  glm::vec3 vec3_at(const Json& v, const std::string& p) const {
    if (!v.is_array() || v.size() != 3) fail(p, "expected 3 numbers");
    return {number(v[0], p + "[0]"), number(v[1], p + "[1]"), number(v[2], p + "[2]")};
  }
  glm::vec4 vec4(const Json& obj, const std::string& path, const char* key) const {
    const Json& v = member(obj, path, key);
    const std::string p = join(path, key);
    if (!v.is_array() || v.size() != 4) fail(p, "expected 4 numbers");
    glm::vec4 c;
    for (int i = 0; i < 4; ++i) {
      c[i] = number(v[std::size_t(i)], p + "[" + std::to_string(i) + "]");
      if (c[i] < 0.0f || c[i] > 1.0f) fail(p + "[" + std::to_string(i) + "]", "expected a value in [0, 1]");
    }
    return c;
  }
  static std::string join(const std::string& path, const char* key) { return path.empty() ? key : path + "." + key; }
  static std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

private:
  std::string source_;
};

Json vec_json(const glm::vec3& v) { return Json::array({v.x, v.y, v.z}); }

} // namespace

namespace {
AtlasManifest parse_document(const std::string& json_text, const std::string& source_name);
} // namespace

AtlasManifest parse_manifest(const std::string& json_text, const std::string& source_name) {
  try {
    return parse_document(json_text, source_name);
  } catch (const Json::exception& e) {
    // Anything the JSON library itself rejects (overflowing numbers, bad UTF-8).
    throw InputError(source_name, std::string("malformed JSON: ") + e.what());
  }
}

namespace {
// The rules a JSON Schema cannot say (references between the manifest's own
// lists, unique ids, a safe mesh path), each kept with its line so that all
// of them are reported together, as the schema's are.
class Problems {
public:
  Problems(const std::string& source, const std::string& text) : source_(source), text_(text) {}
  void add(const std::string& path, const std::string& problem) {
    if (!lines_) lines_ = JsonLineMap::build(text_); // only for a bad file
    list_.push_back(source_ + ":" + std::to_string(std::max(1, lines_->line_of(path))) + ": " + path + ": " + problem);
  }
  void throw_if_any() const {
    if (!list_.empty()) throw DataFileError(list_);
  }

private:
  std::string source_;
  const std::string& text_;
  std::optional<JsonLineMap> lines_;
  std::vector<std::string> list_;
};

AtlasManifest parse_document(const std::string& json_text, const std::string& source_name) {
  const Json doc = parse_ordered_json_input(json_text, source_name);
  // Every structural fault at once, with file, line and field; the Reader
  // below still checks each value, for a tree without the bundled schema.
  check_schema_file(nlohmann::json(doc), json_text, source_name, "atlas_manifest.schema.json");
  Reader r(source_name);
  Problems problems(source_name, json_text);
  if (!doc.is_object()) r.fail("", "expected an object");
  AtlasManifest m;
  m.mesh_file = r.string(doc, "", "mesh");
  if (m.mesh_file.find("..") != std::string::npos || std::filesystem::path(m.mesh_file).is_absolute())
    problems.add("mesh", "must be a file name relative to the manifest");
  m.side = r.string(doc, "", "side");
  if (m.side != "right" && m.side != "left") r.fail("side", "expected \"right\" or \"left\"");

  const Json& structures = r.array(doc, "", "structures");
  for (std::size_t i = 0; i < structures.size(); ++i) {
    const std::string p = Reader::index("structures", i);
    const Json& s = structures[i];
    StructureInfo info;
    info.id = r.string(s, p, "id");
    info.name = r.string(s, p, "name");
    const std::string kind = r.string(s, p, "kind");
    auto parsed = parse_structure_kind(kind);
    if (!parsed) r.fail(p + ".kind", "unknown kind \"" + kind + "\"");
    info.kind = *parsed;
    info.node = r.string(s, p, "node");
    info.colour = r.vec4(s, p, "colour");
    if (m.find_structure(info.id)) problems.add(p + ".id", "duplicate id \"" + info.id + "\"");
    m.structures.push_back(std::move(info));
  }

  const Json& landmarks = r.array(doc, "", "landmarks");
  for (std::size_t i = 0; i < landmarks.size(); ++i) {
    const std::string p = Reader::index("landmarks", i);
    Landmark l;
    l.id = r.string(landmarks[i], p, "id");
    l.name = r.string(landmarks[i], p, "name");
    l.bone = r.string(landmarks[i], p, "bone");
    if (!m.find_structure(l.bone)) problems.add(p + ".bone", "unknown structure \"" + l.bone + "\"");
    l.position = r.vec3(landmarks[i], p, "position");
    m.landmarks.push_back(std::move(l));
  }

  const Json& sites = r.array(doc, "", "sites");
  for (std::size_t i = 0; i < sites.size(); ++i) {
    const std::string p = Reader::index("sites", i);
    const Json& js = sites[i];
    AttachmentSite s;
    s.id = r.string(js, p, "id");
    s.muscle = r.string(js, p, "muscle");
    if (!m.find_structure(s.muscle)) problems.add(p + ".muscle", "unknown structure \"" + s.muscle + "\"");
    const std::string role = r.string(js, p, "role");
    if (role == "origin") s.role = SiteRole::origin;
    else if (role == "insertion") s.role = SiteRole::insertion;
    else r.fail(p + ".role", "expected \"origin\" or \"insertion\"");
    s.bone = r.string(js, p, "bone");
    if (!m.find_structure(s.bone)) problems.add(p + ".bone", "unknown structure \"" + s.bone + "\"");
    s.description = r.string(js, p, "description", true);
    s.centroid = r.vec3(js, p, "centroid");
    const Json& patches = r.array(js, p, "patches");
    for (std::size_t k = 0; k < patches.size(); ++k) {
      const std::string pp = Reader::index(p + ".patches", k);
      Capsule c;
      c.a = r.vec3(patches[k], pp, "a");
      c.b = r.vec3(patches[k], pp, "b");
      c.radius = r.number(r.member(patches[k], pp, "radius"), pp + ".radius");
      if (c.radius < 0.0f) r.fail(pp + ".radius", "must not be negative");
      s.patches.push_back(c);
    }
    m.sites.push_back(std::move(s));
  }

  const Json& joints = r.array(doc, "", "joints");
  for (std::size_t i = 0; i < joints.size(); ++i) {
    const std::string p = Reader::index("joints", i);
    JointCentre j;
    j.id = r.string(joints[i], p, "id");
    j.position = r.vec3(joints[i], p, "position");
    m.joints.push_back(std::move(j));
  }

  if (doc.contains("branches")) {
    const Json& branches = r.array(doc, "", "branches");
    for (std::size_t i = 0; i < branches.size(); ++i) {
      const std::string p = Reader::index("branches", i);
      MotorBranch b;
      b.nerve = r.string(branches[i], p, "nerve");
      if (!m.find_structure(b.nerve)) problems.add(p + ".nerve", "unknown structure \"" + b.nerve + "\"");
      b.muscle = r.string(branches[i], p, "muscle");
      if (!m.find_structure(b.muscle)) problems.add(p + ".muscle", "unknown structure \"" + b.muscle + "\"");
      const Json& path = r.array(branches[i], p, "path");
      if (path.size() < 2) r.fail(p + ".path", "needs at least two points");
      for (std::size_t k = 0; k < path.size(); ++k) b.path.push_back(r.vec3_at(path[k], Reader::index(p + ".path", k)));
      m.branches.push_back(std::move(b));
    }
  }
  problems.throw_if_any();
  return m;
}
} // namespace

AtlasManifest load_manifest(const std::string& path) { return parse_manifest(read_text_file(path), path); }

std::string manifest_to_json(const AtlasManifest& m) {
  Json doc;
  doc["mesh"] = m.mesh_file;
  doc["side"] = m.side;
  Json structures = Json::array();
  for (const auto& s : m.structures) {
    Json j;
    j["id"] = s.id;
    j["name"] = s.name;
    j["kind"] = to_string(s.kind);
    j["node"] = s.node;
    j["colour"] = Json::array({s.colour.x, s.colour.y, s.colour.z, s.colour.w});
    structures.push_back(std::move(j));
  }
  doc["structures"] = std::move(structures);
  Json landmarks = Json::array();
  for (const auto& l : m.landmarks) {
    Json j;
    j["id"] = l.id;
    j["name"] = l.name;
    j["bone"] = l.bone;
    j["position"] = vec_json(l.position);
    landmarks.push_back(std::move(j));
  }
  doc["landmarks"] = std::move(landmarks);
  Json sites = Json::array();
  for (const auto& s : m.sites) {
    Json j;
    j["id"] = s.id;
    j["muscle"] = s.muscle;
    j["role"] = to_string(s.role);
    j["bone"] = s.bone;
    j["description"] = s.description;
    j["centroid"] = vec_json(s.centroid);
    Json patches = Json::array();
    for (const auto& c : s.patches) {
      Json pj;
      pj["a"] = vec_json(c.a);
      pj["b"] = vec_json(c.b);
      pj["radius"] = c.radius;
      patches.push_back(std::move(pj));
    }
    j["patches"] = std::move(patches);
    sites.push_back(std::move(j));
  }
  doc["sites"] = std::move(sites);
  Json joints = Json::array();
  for (const auto& jc : m.joints) {
    Json j;
    j["id"] = jc.id;
    j["position"] = vec_json(jc.position);
    joints.push_back(std::move(j));
  }
  doc["joints"] = std::move(joints);
  Json branches = Json::array();
  for (const auto& b : m.branches) {
    Json j;
    j["nerve"] = b.nerve;
    j["muscle"] = b.muscle;
    Json path = Json::array();
    for (const auto& p : b.path) path.push_back(vec_json(p));
    j["path"] = std::move(path);
    branches.push_back(std::move(j));
  }
  doc["branches"] = std::move(branches);
  return doc.dump(2) + "\n";
}

void save_manifest(const AtlasManifest& manifest, const std::string& path) {
  write_file_atomic(path, manifest_to_json(manifest));
}

} // namespace crus
