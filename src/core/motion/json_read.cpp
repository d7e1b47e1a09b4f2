#include "core/motion/json_read.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>

namespace crus::motion {

JsonDocument::JsonDocument(const std::string& text, std::string name) : name_(std::move(name)) {
  JsonParseFailure failure;
  auto doc = parse_json_text(text, &failure);
  if (!doc) throw InputError(name_ + ":" + std::to_string(failure.line), "not valid JSON: " + failure.message);
  json_ = std::move(*doc);
  lines_ = JsonLineMap::build(text);
  if (!json_.is_object()) fail("", "expected an object");
}

void JsonDocument::fail(const std::string& path, const std::string& problem) const {
  throw InputError(name_ + ":" + std::to_string(std::max(1, lines_.line_of(path))),
                   (path.empty() ? std::string("(root)") : path) + ": " + problem);
}

void JsonReader::fail(const std::string& key, const std::string& problem) const {
  doc_->fail(key.empty() ? path_ : json_path_member(path_, key), problem);
}

bool JsonReader::has(const char* key) const { return value_->is_object() && value_->contains(key); }
bool JsonReader::is_null(const char* key) const { return !has(key) || (*value_)[key].is_null(); }

const nlohmann::json& JsonReader::member(const char* key) const {
  if (!value_->is_object()) fail("", "expected an object");
  auto it = value_->find(key);
  if (it == value_->end()) fail(key, "is missing");
  return *it;
}

std::vector<std::string> JsonReader::keys() const {
  if (!value_->is_object()) fail("", "expected an object");
  std::vector<std::string> out;
  for (auto it = value_->begin(); it != value_->end(); ++it) out.push_back(it.key());
  return out;
}

JsonReader JsonReader::object(const char* key) const {
  const auto& v = member(key);
  if (!v.is_object()) fail(key, "expected an object");
  return JsonReader(*doc_, v, json_path_member(path_, key));
}

JsonReader JsonReader::array(const char* key) const {
  const auto& v = member(key);
  if (!v.is_array()) fail(key, "expected an array");
  return JsonReader(*doc_, v, json_path_member(path_, key));
}

JsonReader JsonReader::item(std::size_t i) const {
  if (!value_->is_array() || i >= value_->size()) fail("", "expected an item " + std::to_string(i));
  return JsonReader(*doc_, (*value_)[i], json_path_index(path_, i));
}

std::string JsonReader::string(const char* key) const {
  const auto& v = member(key);
  if (!v.is_string() || v.get_ref<const std::string&>().empty()) fail(key, "expected a non-empty string");
  return v.get<std::string>();
}

double JsonReader::number(const char* key) const {
  const auto& v = member(key);
  if (!v.is_number() || !std::isfinite(v.get<double>())) fail(key, "expected a finite number");
  return v.get<double>();
}

std::vector<double> JsonReader::numbers(const char* key) const {
  const auto& v = member(key);
  if (!v.is_array()) fail(key, "expected an array of numbers");
  std::vector<double> out;
  for (const auto& x : v) {
    if (!x.is_number() || !std::isfinite(x.get<double>())) fail(key, "expected an array of finite numbers");
    out.push_back(x.get<double>());
  }
  return out;
}

std::vector<std::string> JsonReader::strings(const char* key) const {
  const auto& v = member(key);
  if (!v.is_array()) fail(key, "expected an array of strings");
  std::vector<std::string> out;
  for (const auto& x : v) {
    if (!x.is_string()) fail(key, "expected an array of strings");
    out.push_back(x.get<std::string>());
  }
  return out;
}

glm::dvec3 JsonReader::vec3(const char* key) const {
  auto n = numbers(key);
  if (n.size() != 3) fail(key, "expected three numbers");
  return {n[0], n[1], n[2]};
}

glm::dmat3 JsonReader::mat3_rows(const char* key) const {
  JsonReader rows = array(key);
  if (rows.size() != 3) fail(key, "expected three rows");
  glm::dmat3 m(1.0);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& row = (*rows.value_)[i];
    if (!row.is_array() || row.size() != 3) fail(key, "expected three rows of three numbers");
    for (std::size_t j = 0; j < 3; ++j) {
      if (!row[j].is_number()) fail(key, "expected three rows of three numbers");
      m[static_cast<glm::length_t>(j)][static_cast<glm::length_t>(i)] = row[j].get<double>(); // glm: m[column][row]
    }
  }
  return m;
}

} // namespace crus::motion
