#include "core/io/json_schema.hpp"

#include "core/error.hpp"
#include "core/io/json_input.hpp"
#include "core/limits.hpp"
#include "core/io/utf8.hpp"
#include "core/io/file_io.hpp"

#include <algorithm>
#include <filesystem>
#include <cctype>
#include <set>

namespace crus {

namespace {

bool is_identifier(const std::string& name) {
  if (name.empty()) return false;
  auto first = static_cast<unsigned char>(name[0]);
  if (!(std::isalpha(first) || name[0] == '_' || name[0] == '$')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '$';
  });
}

// Parent of a path built by json_path_member / json_path_index, or nullopt
// for the document itself. Member names that need quoting never contain a
// raw '"', and plain names never contain '.', '[' or ']'.
std::optional<std::string> parent_path(const std::string& path) {
  if (path.empty()) return std::nullopt;
  if (path.back() == ']') {
    const bool quoted = path.size() >= 2 && path[path.size() - 2] == '"';
    const std::size_t open = quoted ? path.rfind("[\"", path.size() - 3) : path.rfind('[');
    return open == std::string::npos ? std::string() : path.substr(0, open);
  }
  const std::size_t dot = path.rfind('.');
  return dot == std::string::npos ? std::string() : path.substr(0, dot);
}

std::string type_name(const nlohmann::json& v) {
  if (v.is_number_integer()) return "integer";
  if (v.is_number()) return "number";
  if (v.is_boolean()) return "boolean";
  return v.type_name(); // null, object, array, string
}

bool matches_type(const nlohmann::json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  if (type == "null") return v.is_null();
  return false;
}

std::string short_json(const nlohmann::json& v) {
  std::string s = v.dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

const std::set<std::string>& checked_keywords() {
  static const std::set<std::string> k{"type",     "required",  "properties", "additionalProperties",
                                       "items",    "enum",      "pattern",    "minItems",
                                       "maxItems", "minLength", "minimum",    "maximum",
                                       "$ref"};
  return k;
}
const std::set<std::string>& annotation_keywords() {
  static const std::set<std::string> k{"$schema", "$id", "title", "description", "$defs", "$comment"};
  return k;
}

} // namespace

std::string json_path_member(const std::string& parent, const std::string& name) {
  if (is_identifier(name)) return parent.empty() ? name : parent + "." + name;
  return parent + "[\"" + name + "\"]";
}

std::string json_path_index(const std::string& parent, std::size_t index) { return parent + "[" + std::to_string(index) + "]"; }

// Walks JSON text once, recording the line on which each value starts. It
// trusts the text to be valid JSON and stops quietly at anything unexpected.
// It keeps its own stack of open containers instead of recursing, stops
// descending below limits::kJsonDepth and stops recording once the paths it
// holds pass limits::kJsonLineMapBytes, so hostile nesting costs neither
// stack nor memory (lines beyond fall back to the nearest recorded ancestor).
class JsonLineMapScanner {
public:
  JsonLineMapScanner(const std::string& text, JsonLineMap& index) : text_(text), index_(index) {
    if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  }

  void run() {
    skip_space();
    if (!begin_value("")) return;
    while (!stack_.empty()) {
      Frame& top = stack_.back();
      skip_space();
      if (!top.first) {
        if (peek() == ',') {
          ++pos_;
          skip_space();
        } else if (peek() == (top.array ? ']' : '}')) {
          ++pos_;
          stack_.pop_back();
          continue;
        } else {
          return;
        }
      } else if (peek() == (top.array ? ']' : '}')) {
        ++pos_;
        stack_.pop_back();
        continue;
      }
      top.first = false;
      std::string child;
      if (top.array) {
        child = json_path_index(top.path, top.next_index++);
      } else {
        std::string key;
        if (peek() != '"' || !string(key)) return;
        skip_space();
        if (peek() != ':') return;
        ++pos_;
        skip_space();
        child = json_path_member(top.path, key);
      }
      // `top` may dangle once begin_value pushes a frame.
      if (!begin_value(std::move(child))) return;
    }
  }

private:
  struct Frame {
    std::string path;
    bool array = false;
    bool first = true;
    std::size_t next_index = 0;
  };

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  void skip_space() {
    while (!at_end()) {
      char c = text_[pos_];
      if (c == '\n') {
        ++line_;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      ++pos_;
    }
  }

  void record(const std::string& path) {
    if (recorded_bytes_ + path.size() > limits::kJsonLineMapBytes) return;
    if (index_.lines_.emplace(path, line_).second) recorded_bytes_ += path.size() + 16;
  }

  // Records the value at pos_; a scalar is skipped, a container opens a frame.
  bool begin_value(std::string path) {
    if (at_end()) return false;
    record(path);
    const char c = peek();
    if (c == '{' || c == '[') {
      if (static_cast<int>(stack_.size()) >= limits::kJsonDepth) return false;
      ++pos_;
      stack_.push_back({std::move(path), c == '[', true, 0});
      return true;
    }
    if (c == '"') {
      std::string ignored;
      return string(ignored);
    }
    // Number or literal: runs to the next delimiter.
    while (!at_end()) {
      char d = peek();
      if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\t' || d == '\r') break;
      ++pos_;
    }
    return true;
  }

  // Reads a string literal at pos_, decoding escapes so that member names
  // match the keys nlohmann-json reports.
  bool string(std::string& out) {
    ++pos_; // opening quote
    while (!at_end()) {
      char c = text_[pos_++];
      if (c == '"') return true;
      if (c == '\n') ++line_; // not valid JSON, but keep the count honest
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_end()) return false;
      char e = text_[pos_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          unsigned code = read_hex4();
          if (code >= 0xD800 && code < 0xDC00 && text_.compare(pos_, 2, "\\u") == 0) {
            pos_ += 2;
            unsigned low = read_hex4();
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, code);
          break;
        }
        default: out += e; break; // \" \\ \/
      }
    }
    return false;
  }

  unsigned read_hex4() {
    unsigned code = 0;
    for (int i = 0; i < 4 && !at_end(); ++i) {
      char h = text_[pos_++];
      code <<= 4;
      if (h >= '0' && h <= '9') code |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') code |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') code |= static_cast<unsigned>(h - 'A' + 10);
    }
    return code;
  }

  const std::string& text_;
  JsonLineMap& index_;
  std::vector<Frame> stack_;
  std::size_t pos_ = 0;
  std::size_t recorded_bytes_ = 0;
  int line_ = 1;
};

JsonLineMap JsonLineMap::build(const std::string& text) {
  JsonLineMap index;
  JsonLineMapScanner(text, index).run();
  return index;
}

int JsonLineMap::line_of(const std::string& path) const {
  std::optional<std::string> p = path;
  while (p) {
    auto it = lines_.find(*p);
    if (it != lines_.end()) return it->second;
    p = parent_path(*p);
  }
  return 0;
}

std::optional<nlohmann::json> parse_json_text(const std::string& text, JsonParseFailure* failure) {
  if (auto fault = find_json_limit_fault(text)) {
    if (failure) *failure = {fault->line, fault->column, fault->message};
    return std::nullopt;
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    if (failure) {
      // e.byte is 1-based and points at (or just past) the offending byte.
      std::size_t end = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
      int line = 1;
      std::size_t line_start = 0;
      for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
          ++line;
          line_start = i + 1;
        }
      }
      failure->line = line;
      failure->column = static_cast<int>(end - line_start) + 1;
      std::string what = e.what();
      // Drop nlohmann's "[json.exception.parse_error.101] " prefix.
      auto bracket = what.find("] ");
      failure->message = bracket == std::string::npos ? what : what.substr(bracket + 2);
    }
    return std::nullopt;
  } catch (const nlohmann::json::exception& e) {
    // Anything else the library refuses after the limit scan; it gives no position.
    if (failure) *failure = {1, 1, e.what()};
    return std::nullopt;
  }
}

JsonSchema::JsonSchema(nlohmann::json schema, std::string name) : schema_(std::move(schema)), name_(std::move(name)) {
  if (!schema_.is_object()) throw InputError(name_, "a schema must be a JSON object");
  check_subset(schema_, "#", 0);
}

void JsonSchema::check_subset(const nlohmann::json& node, const std::string& where, int depth) {
  if (node.is_boolean()) return;
  // Schemas are checked recursively, one frame per nested schema: bound it.
  if (depth > limits::kJsonDepth)
    throw InputError(name_, where + ": nesting deeper than " + std::to_string(limits::kJsonDepth) + " levels");
  if (!node.is_object()) throw InputError(name_, where + ": a schema must be an object or a boolean");
  for (const auto& [key, value] : node.items()) {
    const std::string at = where + "/" + key;
    if (annotation_keywords().count(key)) {
      if (key == "$defs") {
        if (!value.is_object()) throw InputError(name_, at + ": $defs must be an object");
        for (const auto& [def_name, def] : value.items()) check_subset(def, at + "/" + def_name, depth + 1);
      }
      continue;
    }
    if (!checked_keywords().count(key)) throw InputError(name_, at + ": keyword '" + key + "' is outside the supported subset");
    if (key == "type") {
      auto check_type = [&](const nlohmann::json& t) {
        static const std::set<std::string> known{"object", "array", "string", "integer", "number", "boolean", "null"};
        if (!t.is_string() || !known.count(t.get<std::string>())) throw InputError(name_, at + ": unknown type " + short_json(t));
      };
      if (value.is_array()) {
        for (const auto& t : value) check_type(t);
      } else {
        check_type(value);
      }
    } else if (key == "required") {
      if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_string(); }))
        throw InputError(name_, at + ": required must be an array of strings");
    } else if (key == "properties") {
      if (!value.is_object()) throw InputError(name_, at + ": properties must be an object");
      for (const auto& [prop, sub] : value.items()) check_subset(sub, at + "/" + prop, depth + 1);
    } else if (key == "additionalProperties" || key == "items") {
      check_subset(value, at, depth + 1);
    } else if (key == "enum") {
      if (!value.is_array() || value.empty()) throw InputError(name_, at + ": enum must be a non-empty array");
    } else if (key == "pattern") {
      if (!value.is_string()) throw InputError(name_, at + ": pattern must be a string");
      const auto text = value.get<std::string>();
      try {
        if (!patterns_.count(text)) patterns_.emplace(text, Pattern(text));
      } catch (const std::invalid_argument& e) {
        const std::string shown = text.size() > 60 ? text.substr(0, 57) + "..." : text;
        throw InputError(name_, at + ": unusable pattern '" + shown + "': " + e.what());
      }
    } else if (key == "minItems" || key == "maxItems" || key == "minLength") {
      if (!value.is_number_unsigned()) throw InputError(name_, at + ": " + key + " must be a non-negative integer");
    } else if (key == "minimum" || key == "maximum") {
      if (!value.is_number()) throw InputError(name_, at + ": " + key + " must be a number");
    } else if (key == "$ref") {
      if (!value.is_string()) throw InputError(name_, at + ": $ref must be a string");
      if (!resolve(value.get<std::string>()))
        throw InputError(name_, at + ": $ref '" + value.get<std::string>() + "' does not resolve in this schema");
    }
  }
}

const nlohmann::json* JsonSchema::resolve(const std::string& ref) const {
  if (ref == "#" || ref.empty()) return &schema_;
  if (ref.rfind("#/", 0) != 0) return nullptr; // only local references
  try {
    const nlohmann::json::json_pointer pointer(ref.substr(1));
    if (!schema_.contains(pointer)) return nullptr;
    return &schema_.at(pointer);
  } catch (const nlohmann::json::exception&) {
    return nullptr;
  }
}

bool JsonSchema::has(const std::string& ref) const { return resolve(ref) != nullptr; }

std::vector<SchemaViolation> JsonSchema::validate(const nlohmann::json& doc, const std::string& ref,
                                                  const std::string& base_path) const {
  std::vector<SchemaViolation> out;
  const nlohmann::json* root = resolve(ref);
  if (!root) {
    out.push_back({base_path, "schema " + name_ + " has no definition '" + ref + "'", 0});
    return out;
  }
  validate_node(doc, *root, base_path, out, 0);
  return out;
}

void JsonSchema::validate_node(const nlohmann::json& value, const nlohmann::json& schema, const std::string& path,
                               std::vector<SchemaViolation>& out, int depth) const {
  if (schema.is_boolean()) {
    if (!schema.get<bool>()) out.push_back({path, "no value is allowed here", 0});
    return;
  }
  if (depth > limits::kJsonDepth) {
    out.push_back({path,
                   "nesting deeper than " + std::to_string(limits::kJsonDepth) + " levels (deeply nested values or a $ref cycle)",
                   0});
    return;
  }
  if (auto it = schema.find("$ref"); it != schema.end()) {
    // Sibling keywords of $ref are applied as well (2020-12 semantics).
    if (const nlohmann::json* target = resolve(it->get<std::string>())) validate_node(value, *target, path, out, depth + 1);
  }
  if (auto it = schema.find("type"); it != schema.end()) {
    bool ok = false;
    std::string wanted;
    if (it->is_array()) {
      for (const auto& t : *it) {
        ok = ok || matches_type(value, t.get<std::string>());
        wanted += (wanted.empty() ? "" : " or ") + t.get<std::string>();
      }
    } else {
      wanted = it->get<std::string>();
      ok = matches_type(value, wanted);
    }
    if (!ok) {
      out.push_back({path, "expected " + wanted + ", found " + type_name(value), 0});
      return; // the remaining keywords would only repeat the same fault
    }
  }
  if (auto it = schema.find("enum"); it != schema.end()) {
    if (std::find(it->begin(), it->end(), value) == it->end()) {
      std::string allowed;
      for (const auto& a : *it) allowed += (allowed.empty() ? "" : ", ") + a.dump();
      out.push_back({path, short_json(value) + " is not one of: " + allowed, 0});
    }
  }
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (auto it = schema.find("minLength"); it != schema.end() && utf8_length(text) < it->get<std::size_t>())
      out.push_back({path, "text shorter than " + std::to_string(it->get<std::size_t>()) + " character(s)", 0});
    if (auto it = schema.find("pattern"); it != schema.end()) {
      if (!patterns_.at(it->get<std::string>()).search(text))
        out.push_back({path, short_json(value) + " does not match pattern " + it->get<std::string>(), 0});
    }
  }
  if (value.is_number()) {
    const double x = value.get<double>();
    if (auto it = schema.find("minimum"); it != schema.end() && x < it->get<double>())
      out.push_back({path, short_json(value) + " is below the minimum " + it->dump(), 0});
    if (auto it = schema.find("maximum"); it != schema.end() && x > it->get<double>())
      out.push_back({path, short_json(value) + " is above the maximum " + it->dump(), 0});
  }
  if (value.is_array()) {
    if (auto it = schema.find("minItems"); it != schema.end() && value.size() < it->get<std::size_t>())
      out.push_back({path,
                     "needs at least " + std::to_string(it->get<std::size_t>()) + " item(s), has " + std::to_string(value.size()),
                     0});
    if (auto it = schema.find("maxItems"); it != schema.end() && value.size() > it->get<std::size_t>())
      out.push_back(
          {path, "has " + std::to_string(value.size()) + " items, at most " + std::to_string(it->get<std::size_t>()) + " allowed",
           0});
    if (auto it = schema.find("items"); it != schema.end()) {
      for (std::size_t i = 0; i < value.size(); ++i) validate_node(value[i], *it, json_path_index(path, i), out, depth + 1);
    }
  }
  if (value.is_object()) {
    if (auto it = schema.find("required"); it != schema.end()) {
      for (const auto& name : *it) {
        const auto& key = name.get_ref<const std::string&>();
        if (!value.contains(key)) out.push_back({json_path_member(path, key), "missing required field '" + key + "'", 0});
      }
    }
    const auto props = schema.find("properties");
    const auto extra = schema.find("additionalProperties");
    for (const auto& [key, member] : value.items()) {
      const std::string member_path = json_path_member(path, key);
      if (props != schema.end() && props->contains(key)) {
        validate_node(member, (*props)[key], member_path, out, depth + 1);
      } else if (extra != schema.end()) {
        if (extra->is_boolean() && !extra->get<bool>()) out.push_back({member_path, "unknown field '" + key + "'", 0});
        else validate_node(member, *extra, member_path, out, depth + 1);
      }
    }
  }
}

void with_lines(std::vector<SchemaViolation>& violations, const JsonLineMap& index) {
  for (auto& v : violations) v.line = index.line_of(v.path);
}

namespace {
std::string first_with_count(const std::vector<std::string>& problems) {
  if (problems.empty()) return "";
  std::string first = problems.front();
  if (problems.size() > 1)
    first += " (and " + std::to_string(problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") +
             "; crus validate lists them all)";
  return first;
}
} // namespace

namespace {
// "file:line: field: problem" -> {"file:line", "field: problem"}, so that
// where() names the place as every other InputError does; what() is unchanged.
std::pair<std::string, std::string> split_place(const std::string& problem) {
  const std::size_t colon = problem.find(": ");
  if (colon == std::string::npos) return {"", problem};
  return {problem.substr(0, colon), problem.substr(colon + 2)};
}
} // namespace

DataFileError::DataFileError(std::vector<std::string> problems)
    : InputError(split_place(first_with_count(problems)).first, split_place(first_with_count(problems)).second),
      problems_(std::move(problems)) {}

void check_named_schema(const nlohmann::json& doc, const std::string& text, const std::string& source_path) {
  if (!doc.is_object()) return; // the loader says what it expected
  const auto named = doc.find("$schema");
  if (named == doc.end() || !named->is_string()) return;
  check_schema_file(doc, text, source_path, named->get<std::string>());
}

void check_schema_file(const nlohmann::json& doc, const std::string& text, const std::string& source_path,
                       const std::string& schema) {
  const std::size_t hash = schema.find('#');
  const std::string file = schema.substr(0, hash);
  const std::string ref = hash == std::string::npos ? "#" : schema.substr(hash);
  // A plain file name only: "$schema" must not send us elsewhere on disk.
  if (file.empty() || file.find('/') != std::string::npos || file.find('\\') != std::string::npos || file == "." || file == "..")
    return;
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path path = fs::path(source_path).parent_path() / file;
  for (const char* folder : {"knowledge", "formats"})
    if (!fs::is_regular_file(path, ec)) path = fs::path(assets_dir()) / folder / file;
  if (!fs::is_regular_file(path, ec)) return;
  const std::string schema_text = read_text_file(path.string());
  JsonParseFailure failure;
  std::optional<nlohmann::json> schema_doc = parse_json_text(schema_text, &failure);
  if (!schema_doc) throw InputError(path.string() + ":" + std::to_string(failure.line), "not valid JSON: " + failure.message);
  const JsonSchema checker(std::move(*schema_doc), path.string());
  // The line index only when there is something to report (the atlas
  // manifest is checked on every start).
  if (!checker.has(ref))
    throw InputError(source_path + ":" + std::to_string(std::max(1, JsonLineMap::build(text).line_of("$schema"))),
                     "$schema: " + file + " has no definition '" + ref + "'");
  std::vector<SchemaViolation> violations = checker.validate(doc, ref);
  if (violations.empty()) return;
  with_lines(violations, JsonLineMap::build(text));
  std::vector<std::string> problems;
  for (const auto& v : violations)
    problems.push_back(source_path + ":" + std::to_string(std::max(1, v.line)) + ": " +
                       (v.path.empty() ? std::string("(root)") : v.path) + ": " + v.message);
  throw DataFileError(std::move(problems));
}

} // namespace crus
