#pragma once
// Typed reading of the motion data files (assets/motion/*.json): each getter
// checks the type it expects and throws InputError "file:line: field:
// problem" naming the first fault, so a bad data file gets one clear line.
#include "core/io/json_schema.hpp"

#include <glm/mat3x3.hpp>
#include <glm/vec3.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace crus::motion {

class JsonDocument;

class JsonReader {
public:
  JsonReader(const JsonDocument& doc, const nlohmann::json& value, std::string path)
      : doc_(&doc), value_(&value), path_(std::move(path)) {}
  bool has(const char* key) const;
  bool is_null(const char* key) const;
  std::size_t size() const { return value_->size(); }
  std::vector<std::string> keys() const; // of an object, in the file's order as nlohmann keeps it (sorted)
  JsonReader object(const char* key) const;
  JsonReader array(const char* key) const;
  JsonReader item(std::size_t i) const;
  std::string string(const char* key) const;
  double number(const char* key) const;
  std::vector<double> numbers(const char* key) const;
  std::vector<std::string> strings(const char* key) const;
  glm::dvec3 vec3(const char* key) const;
  glm::dmat3 mat3_rows(const char* key) const; // three rows of three, as written
  [[noreturn]] void fail(const std::string& key, const std::string& problem) const;

private:
  const nlohmann::json& member(const char* key) const;
  const JsonDocument* doc_;
  const nlohmann::json* value_;
  std::string path_;
};

class JsonDocument {
public:
  // Throws InputError "name:line: not valid JSON ..." or when the root is not an object.
  JsonDocument(const std::string& text, std::string name);
  JsonReader root() const { return JsonReader(*this, json_, ""); }
  [[noreturn]] void fail(const std::string& path, const std::string& problem) const;

private:
  std::string name_;
  nlohmann::json json_;
  JsonLineMap lines_;
};

} // namespace crus::motion
