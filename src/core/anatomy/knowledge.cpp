#include "core/anatomy/knowledge.hpp"

#include "core/error.hpp"
#include "core/checked_cast.hpp"
#include "core/limits.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

namespace crus {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kSchemaFile = "schema.json";
constexpr const char* kSourcesFile = "sources.json";
constexpr const char* kSourcesRef = "#/$defs/sources_file";

// ---- reading helpers (the data has been validated; these only guard) ----

std::string get_string(const json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::string> get_optional(const json& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::vector<std::string> get_strings(const json& o, const char* key) {
  std::vector<std::string> out;
  auto it = o.find(key);
  if (it == o.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

template <typename T, typename F>
std::vector<T> get_objects(const json& o, const char* key, F convert) {
  std::vector<T> out;
  auto it = o.find(key);
  if (it == o.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_object()) out.push_back(convert(v));
  return out;
}

Attachment to_attachment(const json& v) { return {get_string(v, "text"), get_string(v, "site")}; }

KnowledgeEntry entry_from_json(const json& o, const std::string& file, const std::string& path) {
  KnowledgeEntry e;
  e.file = file;
  e.path = path;
  for (const auto& item : o.items()) e.fields.push_back(item.key());
  e.id = get_string(o, "id");
  e.kind = get_string(o, "kind");
  e.name = get_string(o, "name");
  e.latin = get_string(o, "latin");
  e.synonyms = get_strings(o, "synonyms");
  e.fma_id = get_optional(o, "fma_id");
  e.fma_id_right = get_optional(o, "fma_id_right");
  e.fma_id_left = get_optional(o, "fma_id_left");
  e.region = get_string(o, "region");
  e.compartment = get_optional(o, "compartment");
  if (auto it = o.find("layer"); it != o.end() && it->is_number_integer())
    e.layer = checked_narrow<int>(it->get<double>(), path + ".layer"); // range checked in add_knowledge_text
  e.description = get_string(o, "description");
  e.origin = get_objects<Attachment>(o, "origin", to_attachment);
  e.insertion = get_objects<Attachment>(o, "insertion", to_attachment);
  if (auto it = o.find("innervation"); it != o.end() && it->is_object()) {
    Innervation n;
    n.nerve = get_string(*it, "nerve");
    n.roots = get_strings(*it, "roots");
    n.text = get_string(*it, "text");
    n.disagreement = get_optional(*it, "disagreement");
    e.innervation = std::move(n);
  }
  e.arterial_supply = get_optional(o, "arterial_supply");
  e.actions = get_objects<MuscleAction>(o, "actions", [](const json& v) {
    return MuscleAction{get_string(v, "joint"), get_string(v, "movement"), get_string(v, "role"), get_optional(v, "note")};
  });
  e.synergists = get_strings(o, "synergists");
  e.antagonists = get_strings(o, "antagonists");
  e.fibre_types = get_optional(o, "fibre_types");
  e.variation = get_optional(o, "variation");
  e.clinical = get_objects<ClinicalNote>(o, "clinical", [](const json& v) {
    return ClinicalNote{get_string(v, "title"), get_string(v, "text")};
  });
  e.patient_summary = get_optional(o, "patient_summary");
  e.patient_red_flags = get_strings(o, "patient_red_flags");
  e.landmarks = get_objects<LandmarkNote>(o, "landmarks", [](const json& v) {
    return LandmarkNote{get_string(v, "id"), get_string(v, "text")};
  });
  e.attachments = get_strings(o, "attachments");
  e.roots = get_strings(o, "roots");
  e.supplies = get_strings(o, "supplies");
  e.sensory = get_optional(o, "sensory");
  e.branch_of = get_optional(o, "branch_of");
  e.course = get_optional(o, "course");
  e.muscles = get_strings(o, "muscles");
  e.dermatomes = get_objects<Dermatome>(o, "dermatomes", [](const json& v) {
    return Dermatome{get_string(v, "root"), get_string(v, "text")};
  });
  e.cutaneous_nerves = get_objects<CutaneousNerve>(o, "cutaneous_nerves", [](const json& v) {
    return CutaneousNerve{get_string(v, "name"), get_optional(v, "nerve"), get_string(v, "text")};
  });
  if (auto it = o.find("sources"); it != o.end() && it->is_object()) {
    for (const auto& [section, keys] : it->items()) {
      std::vector<std::string> list;
      if (keys.is_array())
        for (const auto& k : keys)
          if (k.is_string()) list.push_back(k.get<std::string>());
      e.sources.emplace_back(section, std::move(list));
    }
  }
  return e;
}

bool path_within(const std::string& path, const std::string& prefix) {
  if (path.compare(0, prefix.size(), prefix) != 0) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[';
}

// Reads a file; false (and `text` says why) when it cannot be read or is
// larger than a JSON file may be.
bool read_file(const fs::path& path, std::string& text) {
  std::error_code ec;
  if (const auto size = fs::file_size(path, ec); !ec && size > limits::kJsonFileBytes) {
    text = "the file is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(limits::kJsonFileBytes);
    return false;
  }
  text = "cannot read the file";
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  text = ss.str();
  return static_cast<bool>(in) || in.eof();
}

// Which definition a knowledge file follows: "#" (entries), the sources
// definition, or nullopt when its "$schema" names another schema file.
std::optional<std::string> schema_ref_for(const json& doc, const std::string& file_name) {
  if (doc.is_object()) {
    if (auto it = doc.find("$schema"); it != doc.end() && it->is_string()) {
      const auto& declared = it->get_ref<const std::string&>();
      const std::string own = kSchemaFile;
      if (declared == own) return std::string("#");
      if (declared.compare(0, own.size() + 1, own + "#") == 0) return declared.substr(own.size());
      return std::nullopt;
    }
  }
  return file_name == kSourcesFile ? std::string(kSourcesRef) : std::string("#");
}

const char* kind_name(StructureKind kind) {
  switch (kind) {
    case StructureKind::bone: return "bone";
    case StructureKind::muscle: return "muscle";
    case StructureKind::tendon: return "tendon";
    case StructureKind::nerve: return "nerve";
    case StructureKind::skin: return "skin";
    case StructureKind::ligament: return "ligament";
    case StructureKind::other: break;
  }
  return "other";
}

const char* role_name(SiteRole role) { return role == SiteRole::origin ? "origin" : "insertion"; }

} // namespace

// ---- problems and lookups ----

std::string to_string(const KnowledgeProblem& p) {
  std::string out;
  if (!p.file.empty()) out += p.file;
  if (p.line > 0) out += ":" + std::to_string(p.line);
  if (!out.empty()) out += ": ";
  if (!p.field.empty()) out += p.field + ": ";
  return out + p.message;
}

bool KnowledgeEntry::has(const std::string& field) const {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

const std::vector<std::string>* KnowledgeEntry::sources_of(const std::string& section) const {
  for (const auto& [name, keys] : sources)
    if (name == section) return &keys;
  return nullptr;
}

const KnowledgeEntry* KnowledgeBase::find(const std::string& id) const {
  for (const auto& e : entries)
    if (e.id == id) return &e;
  return nullptr;
}

const SourceInfo* KnowledgeBase::find_source(const std::string& key) const {
  for (const auto& s : sources)
    if (s.key == key) return &s;
  return nullptr;
}

int KnowledgeBase::line_of(const std::string& file, const std::string& path) const {
  auto it = line_maps.find(file);
  return it == line_maps.end() ? 0 : it->second.line_of(path);
}

bool is_unsourced_field(const std::string& field) {
  static const std::set<std::string> unsourced{"id",     "kind", "layer", "region", "patient_summary", "patient_red_flags",
                                               "sources"};
  return unsourced.count(field) > 0;
}

// ---- loading ----

void add_knowledge_text(KnowledgeBase& base, const JsonSchema& schema, const std::string& text, const std::string& file_name) {
  JsonParseFailure failure;
  std::optional<json> doc = parse_json_text(text, &failure);
  if (!doc) {
    base.problems.push_back(
        {file_name, failure.line, "", "malformed JSON at column " + std::to_string(failure.column) + ": " + failure.message});
    return;
  }
  std::optional<std::string> ref = schema_ref_for(*doc, file_name);
  if (!ref) return; // follows another schema (trigger points, red flags): not a knowledge file
  JsonLineMap index = JsonLineMap::build(text);
  base.files.push_back(file_name);

  auto report = [&](std::vector<SchemaViolation> violations) {
    with_lines(violations, index);
    for (const auto& v : violations) base.problems.push_back({file_name, v.line, v.path, v.message});
    return violations;
  };

  if (!schema.has(*ref)) {
    base.problems.push_back({file_name, index.line_of("$schema"), "$schema", "schema.json has no definition '" + *ref + "'"});
    base.line_maps[file_name] = std::move(index);
    return;
  }
  const std::vector<SchemaViolation> violations = report(schema.validate(*doc, *ref));
  auto clean = [&](const std::string& path, const std::vector<SchemaViolation>& found) {
    return std::none_of(found.begin(), found.end(), [&](const SchemaViolation& v) { return path_within(v.path, path); });
  };

  if (*ref == kSourcesRef) {
    if (doc->contains("sources") && (*doc)["sources"].is_array()) {
      const auto& list = (*doc)["sources"];
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (!clean(json_path_index("sources", i), violations) || !list[i].is_object()) continue;
        const auto& s = list[i];
        base.sources.push_back({get_string(s, "key"), get_string(s, "kind"), get_string(s, "citation"), get_optional(s, "url")});
      }
    }
  } else if (doc->is_object() && doc->contains("entries") && (*doc)["entries"].is_array()) {
    const auto& list = (*doc)["entries"];
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = json_path_index("entries", i);
      std::vector<SchemaViolation> kind_violations;
      const auto& item = list[i];
      if (item.is_object()) {
        static const std::set<std::string> kinds{"bone", "muscle", "tendon", "nerve", "skin", "ligament"};
        const std::string kind = get_string(item, "kind");
        if (kinds.count(kind) && schema.has("#/$defs/" + kind))
          kind_violations = report(schema.validate(item, "#/$defs/" + kind, path));
      }
      if (!item.is_object() || !clean(path, violations) || !kind_violations.empty()) continue;
      if (auto layer = item.find("layer"); layer != item.end() && layer->is_number()) {
        try {
          (void)checked_narrow<int>(layer->get<double>(), "");
        } catch (const InputError& e) {
          const std::string at = json_path_member(path, "layer");
          base.problems.push_back({file_name, index.line_of(at), at, e.what()});
          continue;
        }
      }
      base.entries.push_back(entry_from_json(item, file_name, path));
    }
  }
  base.line_maps[file_name] = std::move(index);
}

KnowledgeBase load_knowledge(const std::string& dir) {
  KnowledgeBase base;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    base.problems.push_back({dir, 0, "", "knowledge folder not found"});
    return base;
  }
  std::string schema_text;
  if (!read_file(fs::path(dir) / kSchemaFile, schema_text)) {
    base.problems.push_back({kSchemaFile, 0, "", "cannot read the knowledge schema in " + dir + ": " + schema_text});
    return base;
  }
  JsonParseFailure failure;
  std::optional<json> schema_doc = parse_json_text(schema_text, &failure);
  if (!schema_doc) {
    base.problems.push_back(
        {kSchemaFile, failure.line, "", "malformed JSON at column " + std::to_string(failure.column) + ": " + failure.message});
    return base;
  }
  std::optional<JsonSchema> schema;
  try {
    schema.emplace(std::move(*schema_doc), kSchemaFile);
  } catch (const InputError& e) {
    base.problems.push_back({kSchemaFile, 0, "", e.what()});
    return base;
  }

  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(dir, ec)) {
    const std::string name = item.path().filename().string();
    if (!item.is_regular_file() || item.path().extension() != ".json") continue;
    const bool schema_file = name.size() >= 11 && name.compare(name.size() - 11, 11, "schema.json") == 0;
    if (schema_file || name.rfind("trigger_points", 0) == 0) continue;
    files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::string text;
    const std::string name = path.filename().string();
    if (!read_file(path, text)) {
      base.problems.push_back({name, 0, "", text});
      continue;
    }
    add_knowledge_text(base, *schema, text, name);
  }
  if (base.entries.empty() && base.problems.empty()) base.problems.push_back({dir, 0, "", "no knowledge entries found"});
  return base;
}

// ---- checks ----

std::vector<KnowledgeProblem> check_knowledge(const KnowledgeBase& base) {
  std::vector<KnowledgeProblem> out;
  auto at = [&](const KnowledgeEntry& e, const std::string& field, const std::string& message) {
    const std::string path = field.empty() ? e.path : e.path + (field[0] == '[' ? "" : ".") + field;
    out.push_back({e.file, base.line_of(e.file, path), path, message});
  };

  std::set<std::string> keys;
  for (std::size_t i = 0; i < base.sources.size(); ++i) {
    if (!keys.insert(base.sources[i].key).second) {
      const std::string path = json_path_member(json_path_index("sources", i), "key");
      out.push_back(
          {kSourcesFile, base.line_of(kSourcesFile, path), path, "source key '" + base.sources[i].key + "' is defined twice"});
    }
  }

  std::unordered_map<std::string, const KnowledgeEntry*> by_id;
  for (const auto& e : base.entries) {
    if (!by_id.emplace(e.id, &e).second) at(e, "id", "entry '" + e.id + "' appears more than once");
  }
  auto expect_kind = [&](const KnowledgeEntry& e, const std::string& field, const std::string& id, const std::string& kind) {
    auto it = by_id.find(id);
    if (it == by_id.end()) at(e, field, "'" + id + "' has no knowledge entry");
    else if (it->second->kind != kind) at(e, field, "'" + id + "' is a " + it->second->kind + ", not a " + kind);
  };

  for (const auto& e : base.entries) {
    // Every section has sources; every source names a present section and a defined key.
    for (const auto& field : e.fields)
      if (!is_unsourced_field(field) && !e.sources_of(field)) at(e, field, "section '" + field + "' has no source in 'sources'");
    for (const auto& [section, list] : e.sources) {
      const std::string where = json_path_member("sources", section);
      if (!e.has(section)) at(e, where, "sources name section '" + section + "', which the entry does not have");
      for (std::size_t j = 0; j < list.size(); ++j)
        if (!keys.count(list[j])) at(e, json_path_index(where, j), "source key '" + list[j] + "' is not defined in sources.json");
    }
    // References between entries.
    if (e.innervation) {
      expect_kind(e, "innervation.nerve", e.innervation->nerve, "nerve");
      auto it = by_id.find(e.innervation->nerve);
      if (it != by_id.end() && it->second->kind == "nerve") {
        const auto& supplies = it->second->supplies;
        if (std::find(supplies.begin(), supplies.end(), e.id) == supplies.end())
          at(e, "innervation.nerve", "nerve '" + e.innervation->nerve + "' does not list '" + e.id + "' in its supplies");
      }
    }
    auto list_of = [&](const std::vector<std::string>& ids, const std::string& field, const std::string& kind) {
      for (std::size_t j = 0; j < ids.size(); ++j) expect_kind(e, json_path_index(field, j), ids[j], kind);
    };
    list_of(e.synergists, "synergists", "muscle");
    list_of(e.antagonists, "antagonists", "muscle");
    list_of(e.supplies, "supplies", "muscle");
    list_of(e.muscles, "muscles", "muscle");
    if (e.branch_of) expect_kind(e, "branch_of", *e.branch_of, "nerve");
    for (std::size_t j = 0; j < e.cutaneous_nerves.size(); ++j)
      if (e.cutaneous_nerves[j].nerve)
        expect_kind(e, json_path_member(json_path_index("cutaneous_nerves", j), "nerve"), *e.cutaneous_nerves[j].nerve, "nerve");
    for (std::size_t j = 0; j < e.supplies.size(); ++j) {
      auto it = by_id.find(e.supplies[j]);
      if (it == by_id.end() || it->second->kind != "muscle") continue;
      const auto& m = *it->second;
      if (!m.innervation || m.innervation->nerve != e.id)
        at(e, json_path_index("supplies", j),
           "'" + m.id + "' names " + (m.innervation ? "'" + m.innervation->nerve + "'" : std::string("no nerve")) +
               " as its nerve, not '" + e.id + "'");
    }
  }
  return out;
}

std::vector<KnowledgeProblem> cross_check(const KnowledgeBase& base, const AtlasManifest& atlas) {
  std::vector<KnowledgeProblem> out = check_knowledge(base);
  auto at = [&](const KnowledgeEntry& e, const std::string& field, const std::string& message) {
    const std::string path = e.path + "." + field;
    out.push_back({e.file, base.line_of(e.file, path), path, message});
  };

  std::unordered_map<std::string, const StructureInfo*> structures;
  for (const auto& s : atlas.structures) structures.emplace(s.id, &s);
  std::unordered_map<std::string, const Landmark*> landmarks;
  for (const auto& l : atlas.landmarks) landmarks.emplace(l.id, &l);

  for (const auto& s : atlas.structures)
    if (!base.find(s.id))
      out.push_back(
          {"", 0, s.id, std::string("atlas structure '") + s.id + "' (" + kind_name(s.kind) + ") has no knowledge entry"});

  auto expect_structure = [&](const KnowledgeEntry& e, const std::string& field, const std::string& id, StructureKind kind) {
    auto it = structures.find(id);
    if (it == structures.end()) at(e, field, "'" + id + "' is not an atlas structure");
    else if (it->second->kind != kind)
      at(e, field, "'" + id + "' is an atlas " + kind_name(it->second->kind) + ", not a " + kind_name(kind));
  };
  auto expect_site = [&](const KnowledgeEntry& e, const std::string& field, const std::string& id, std::optional<SiteRole> role) {
    // A reference names one site or, where the atlas splits an attachment
    // per bone, all of its parts.
    const std::vector<const AttachmentSite*> parts = atlas.attachment(id);
    if (parts.empty()) {
      at(e, field, "site '" + id + "' is not in the atlas");
      return;
    }
    const AttachmentSite& site = *parts.front();
    if (role && (site.muscle != e.id || site.role != *role))
      at(e, field,
         "site '" + id + "' is the " + role_name(site.role) + " of '" + site.muscle + "', not the " + role_name(*role) + " of '" +
             e.id + "'");
  };

  for (const auto& e : base.entries) {
    auto it = structures.find(e.id);
    if (it == structures.end()) {
      at(e, "id", "entry '" + e.id + "' has no atlas structure");
    } else if (e.kind != kind_name(it->second->kind)) {
      at(e, "kind", "entry is a " + e.kind + " but the atlas structure is a " + kind_name(it->second->kind));
    }
    for (std::size_t j = 0; j < e.origin.size(); ++j)
      expect_site(e, json_path_member(json_path_index("origin", j), "site"), e.origin[j].site, SiteRole::origin);
    for (std::size_t j = 0; j < e.insertion.size(); ++j)
      expect_site(e, json_path_member(json_path_index("insertion", j), "site"), e.insertion[j].site, SiteRole::insertion);
    for (std::size_t j = 0; j < e.attachments.size(); ++j)
      expect_site(e, json_path_index("attachments", j), e.attachments[j], std::nullopt);
    for (std::size_t j = 0; j < e.landmarks.size(); ++j) {
      const std::string field = json_path_member(json_path_index("landmarks", j), "id");
      auto lm = landmarks.find(e.landmarks[j].id);
      if (lm == landmarks.end()) at(e, field, "landmark '" + e.landmarks[j].id + "' is not in the atlas");
      else if (lm->second->bone != e.id)
        at(e, field, "landmark '" + e.landmarks[j].id + "' lies on '" + lm->second->bone + "', not on '" + e.id + "'");
    }
    if (e.innervation) expect_structure(e, "innervation.nerve", e.innervation->nerve, StructureKind::nerve);
    auto list_of = [&](const std::vector<std::string>& ids, const std::string& field, StructureKind kind) {
      for (std::size_t j = 0; j < ids.size(); ++j) expect_structure(e, json_path_index(field, j), ids[j], kind);
    };
    list_of(e.synergists, "synergists", StructureKind::muscle);
    list_of(e.antagonists, "antagonists", StructureKind::muscle);
    list_of(e.supplies, "supplies", StructureKind::muscle);
    list_of(e.muscles, "muscles", StructureKind::muscle);
    if (e.branch_of) expect_structure(e, "branch_of", *e.branch_of, StructureKind::nerve);
    for (std::size_t j = 0; j < e.cutaneous_nerves.size(); ++j)
      if (e.cutaneous_nerves[j].nerve)
        expect_structure(e, json_path_member(json_path_index("cutaneous_nerves", j), "nerve"), *e.cutaneous_nerves[j].nerve,
                         StructureKind::nerve);
  }

  // Every atlas site is described by its own muscle's entry.
  for (const auto& s : atlas.sites) {
    const KnowledgeEntry* e = base.find(s.muscle);
    if (!e) continue; // already reported as a structure without an entry
    const auto& list = s.role == SiteRole::origin ? e->origin : e->insertion;
    const bool described = std::any_of(list.begin(), list.end(), [&](const Attachment& a) {
      const auto parts = atlas.attachment(a.site);
      return std::find(parts.begin(), parts.end(), &s) != parts.end();
    });
    if (!described) at(*e, role_name(s.role), "atlas site '" + s.id + "' is not described here");
  }
  return out;
}

} // namespace crus
