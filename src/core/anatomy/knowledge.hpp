#pragma once
// The anatomy knowledge base (assets/knowledge/*.json): one entry per atlas
// structure with its names, attachments, innervation, actions, clinical notes
// and the sources behind each section. Loading never throws for bad content:
// every fault becomes a KnowledgeProblem (file, line, field, message) so that
// the viewer can still open and say what could not be loaded.
#include "core/io/atlas_manifest.hpp"
#include "core/io/json_schema.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace crus {

struct KnowledgeProblem {
  std::string file;  // file name inside the knowledge folder; empty for atlas-side faults
  int line = 0;      // 1-based; 0 when unknown
  std::string field; // JSON path, e.g. "entries[3].innervation.roots[0]"
  std::string message;
};
// "file:line: field: message", leaving out what is empty.
std::string to_string(const KnowledgeProblem& problem);

struct Attachment {
  std::string text;
  std::string site; // atlas attachment-site id
};

struct Innervation {
  std::string nerve;              // atlas nerve id
  std::vector<std::string> roots; // e.g. {"S1", "S2"}
  std::string text;
  std::optional<std::string> disagreement;
};

struct MuscleAction {
  std::string joint;    // "ankle (talocrural)", "knee", ...
  std::string movement; // "plantarflexion", ...
  std::string role;     // "primary" or "secondary"
  std::optional<std::string> note;
};

struct ClinicalNote {
  std::string title;
  std::string text;
};

struct LandmarkNote {
  std::string id; // atlas landmark id
  std::string text;
};

struct Dermatome {
  std::string root;
  std::string text;
};

struct CutaneousNerve {
  std::string name;
  std::optional<std::string> nerve; // atlas id when the nerve is in the atlas
  std::string text;
};

struct KnowledgeEntry {
  std::string id;
  std::string kind; // bone, muscle, tendon, nerve, skin
  std::string name;
  std::string latin;
  std::vector<std::string> synonyms;
  std::optional<std::string> fma_id;       // either side, e.g. FMA:22542 (soleus)
  std::optional<std::string> fma_id_right; // FMA:22558 (right soleus), as BodyParts3D names parts
  std::optional<std::string> fma_id_left;  // FMA:22559 (left soleus)
  std::string region;
  std::optional<std::string> compartment;
  int layer = 0;
  std::string description;
  // Muscles (insertion also for tendons).
  std::vector<Attachment> origin;
  std::vector<Attachment> insertion;
  std::optional<Innervation> innervation;
  std::optional<std::string> arterial_supply;
  std::vector<MuscleAction> actions;
  std::vector<std::string> synergists;
  std::vector<std::string> antagonists;
  std::optional<std::string> fibre_types;
  std::optional<std::string> variation;
  std::vector<ClinicalNote> clinical;
  std::optional<std::string> patient_summary;
  std::vector<std::string> patient_red_flags; // red-flag ids its safety net points to
  // Bones.
  std::vector<LandmarkNote> landmarks;
  std::vector<std::string> attachments; // site ids
  // Nerves.
  std::vector<std::string> roots;
  std::vector<std::string> supplies; // muscle ids
  std::optional<std::string> sensory;
  std::optional<std::string> branch_of;
  std::optional<std::string> course;
  // Tendons.
  std::vector<std::string> muscles;
  // Skin.
  std::vector<Dermatome> dermatomes;
  std::vector<CutaneousNerve> cutaneous_nerves;
  // Section name -> source keys (sorted by section name).
  std::vector<std::pair<std::string, std::vector<std::string>>> sources;

  // Where the entry came from, for messages.
  std::string file;
  std::string path;                // e.g. "entries[3]"
  std::vector<std::string> fields; // names of the fields present in the file

  bool has(const std::string& field) const;
  const std::vector<std::string>* sources_of(const std::string& section) const;
};

struct SourceInfo {
  std::string key;
  std::string kind;
  std::string citation;
  std::optional<std::string> url;
};

struct KnowledgeBase {
  std::vector<KnowledgeEntry> entries;
  std::vector<SourceInfo> sources;
  std::vector<KnowledgeProblem> problems;
  std::vector<std::string> files;               // knowledge files read, in order
  std::map<std::string, JsonLineMap> line_maps; // per file, for later messages

  const KnowledgeEntry* find(const std::string& id) const;
  const SourceInfo* find_source(const std::string& key) const;
  // Line of `path` in `file`, 0 when unknown.
  int line_of(const std::string& file, const std::string& path) const;
};

// Fields of an entry that need no source: identity, atlas bookkeeping and
// the patient summary (a plain retelling of the sourced sections).
bool is_unsourced_field(const std::string& field);

// Loads schema.json and every other *.json in `dir` except schema files,
// trigger_points*.json and files whose "$schema" names another schema.
// sources.json (its "$schema" is "schema.json#/$defs/sources_file") fills
// `sources`. Entries with schema violations are reported and left out.
KnowledgeBase load_knowledge(const std::string& dir);

// The same for text already in memory: validates one file against `schema`
// and adds its entries (or sources) and problems to `base`.
void add_knowledge_text(KnowledgeBase& base, const JsonSchema& schema, const std::string& text, const std::string& file_name);

// Checks inside the knowledge base: every section has sources, every source
// key is defined, nothing is sourced that is absent, ids are unique, and
// nerve/muscle cross-references agree (a muscle's nerve lists it in supplies).
std::vector<KnowledgeProblem> check_knowledge(const KnowledgeBase& base);

// check_knowledge plus the atlas: every atlas structure has an entry and
// every entry a structure of the same kind; every site, landmark, nerve,
// synergist, antagonist and supplied muscle id resolves; every atlas site is
// described by its muscle's entry.
std::vector<KnowledgeProblem> cross_check(const KnowledgeBase& base, const AtlasManifest& atlas);

// Readable plain text for `crus info ID`. With `base`, the sources section
// lists full citations.
std::string format_entry_text(const KnowledgeEntry& entry, const KnowledgeBase* base = nullptr);

// The entry as JSON with exactly the key names of the data files.
nlohmann::json entry_to_json(const KnowledgeEntry& entry);

} // namespace crus
