#pragma once
// A small JSON Schema validator for the subset the knowledge base uses:
// type, required, properties, additionalProperties (bool or schema), items,
// enum, pattern, minItems, maxItems, minLength, minimum, maximum and $ref to
// a local pointer (#/$defs/x).
// Annotation keywords ($schema, $id, title, description, $defs, $comment) are
// ignored. A schema that uses anything else is rejected when it is loaded, so
// that a keyword we do not check can never pass silently.
//
// nlohmann-json does not keep source positions, so JsonLineMap re-reads the
// text with a light tokenizer and records the line on which every value
// starts, keyed by its path (e.g. `entries[3].innervation.roots[0]`).
#include "core/error.hpp"
#include "core/io/pattern.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace crus {

// Paths: "" is the document; members join with '.', array items with [i].
// A member name that is not a plain identifier is written ["name"].
std::string json_path_member(const std::string& parent, const std::string& name);
std::string json_path_index(const std::string& parent, std::size_t index);

class JsonLineMap {
public:
  // `text` should be valid JSON (parse it first); on malformed text the index
  // holds whatever was read before the fault.
  static JsonLineMap build(const std::string& text);
  // 1-based line on which the value at `path` starts. A path that is not in
  // the text (a missing field) falls back to its nearest ancestor; 0 if none.
  int line_of(const std::string& path) const;
  std::size_t size() const { return lines_.size(); }

private:
  std::unordered_map<std::string, int> lines_;
  friend class JsonLineMapScanner;
};

struct JsonParseFailure {
  int line = 0;
  int column = 0;
  std::string message;
};
// Parses text; on failure returns nullopt and says where.
std::optional<nlohmann::json> parse_json_text(const std::string& text, JsonParseFailure* failure);

struct SchemaViolation {
  std::string path; // of the offending value, or of the missing field
  std::string message;
  int line = 0; // filled by validate_text / with_lines
};

class JsonSchema {
public:
  // Throws InputError (where = `name`) when the schema uses a keyword outside
  // the subset, a $ref that does not resolve, nesting deeper than
  // limits::kJsonDepth, or a pattern outside what crus::Pattern matches.
  explicit JsonSchema(nlohmann::json schema, std::string name = "schema");

  // Validates `doc` against the root, or against the sub-schema at the local
  // pointer `ref` (e.g. "#/$defs/muscle"). Paths start at `base_path`.
  std::vector<SchemaViolation> validate(const nlohmann::json& doc, const std::string& ref = "#",
                                        const std::string& base_path = "") const;
  // Whether `ref` resolves in this schema.
  bool has(const std::string& ref) const;
  const nlohmann::json& document() const { return schema_; }
  const std::string& name() const { return name_; }

private:
  const nlohmann::json* resolve(const std::string& ref) const;
  void check_subset(const nlohmann::json& node, const std::string& where, int depth);
  void validate_node(const nlohmann::json& value, const nlohmann::json& schema, const std::string& path,
                     std::vector<SchemaViolation>& out, int depth) const;

  nlohmann::json schema_;
  std::string name_;
  std::map<std::string, Pattern> patterns_;
};

// Fills each violation's line from the index.
void with_lines(std::vector<SchemaViolation>& violations, const JsonLineMap& index);

// Every problem found in one data file, each a line "file:line: path:
// problem". what() is the first, saying how many more there are, so a
// command that prints one line still names the file, place and problem;
// `crus validate` prints them all.
class DataFileError : public InputError {
public:
  explicit DataFileError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

private:
  std::vector<std::string> problems_;
};

// The one way a Crus data file is checked against its JSON Schema: the
// schema its "$schema" member names ("x.schema.json" or
// "x.schema.json#/$defs/y"), read from beside the file, else from the
// bundled assets/knowledge. Throws DataFileError listing every violation
// with its line. A file that names no schema, or a schema found in neither
// place (text parsed from memory with no assets), is left to the loader's
// own checks, which run in every case.
void check_named_schema(const nlohmann::json& doc, const std::string& text, const std::string& source_path);
// The same check against a schema the caller names ("x.schema.json" or
// "x.schema.json#/$defs/y"), for files that do not name their own (the
// atlas manifest): found beside the file, else in the bundled
// assets/knowledge or assets/formats.
void check_schema_file(const nlohmann::json& doc, const std::string& text, const std::string& source_path,
                       const std::string& schema);

} // namespace crus
