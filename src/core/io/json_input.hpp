#pragma once
// Every JSON file Crus reads (atlas manifest and map, knowledge, schemas,
// trigger points, red flags, settings) passes check_json_limits before any
// parser, line scanner or schema checker sees it. It is one iterative pass
// outside strings, so it cannot itself be exhausted, and it refuses what the
// later stages could not bound: nesting, huge strings, numbers a double
// cannot hold (nlohmann-json reports those without a position).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace crus {

struct JsonTextFault {
  int line = 0;   // 1-based
  int column = 0; // 1-based, in bytes
  std::string message;
};

// The first limit `text` breaks (see core/limits.hpp), or nullopt.
std::optional<JsonTextFault> find_json_limit_fault(std::string_view text);

// Throws InputError("source:line", problem) when `text` breaks a limit.
void check_json_limits(std::string_view text, const std::string& source);

// check_json_limits, then parse; any parse fault is an InputError naming the
// source, line and column.
nlohmann::json parse_json_input(const std::string& text, const std::string& source);
nlohmann::ordered_json parse_ordered_json_input(const std::string& text, const std::string& source);

} // namespace crus
