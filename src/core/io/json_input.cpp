#include "core/io/json_input.hpp"

#include "core/error.hpp"
#include "core/io/json_schema.hpp"
#include "core/limits.hpp"

#include <cmath>
#include <cstdlib>

namespace crus {

std::optional<JsonTextFault> find_json_limit_fault(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  auto fault = [&](std::size_t at, std::string message) {
    return JsonTextFault{line, static_cast<int>(at - line_start) + 1, std::move(message)};
  };
  if (text.size() > limits::kJsonFileBytes)
    return JsonTextFault{1, 1,
                         "the file is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                             std::to_string(limits::kJsonFileBytes)};
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    } else if (c == '[' || c == '{') {
      if (++depth > limits::kJsonDepth)
        return fault(i, "nesting deeper than " + std::to_string(limits::kJsonDepth) + " levels of [ and {");
    } else if (c == ']' || c == '}') {
      if (depth > 0) --depth;
    } else if (c == '"') {
      const std::size_t start = i++;
      while (i < text.size() && text[i] != '"') {
        if (text[i] == '\\') ++i;
        else if (text[i] == '\n') break; // not valid JSON: the parser will say where
        ++i;
      }
      if (i >= text.size() || text[i] == '\n') {
        if (i < text.size()) --i; // count the newline on the next turn
      }
      if (i - start > limits::kJsonStringBytes)
        return fault(start, "a string of " + std::to_string(i - start) + " bytes, more than the limit of " +
                                std::to_string(limits::kJsonStringBytes));
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i;
      while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '-' || text[end] == '+' ||
                                   text[end] == '.' || text[end] == 'e' || text[end] == 'E'))
        ++end;
      const std::string number(text.substr(i, end - i));
      const double value = std::strtod(number.c_str(), nullptr);
      if (std::isinf(value)) {
        const std::string shown = number.size() > 24 ? number.substr(0, 21) + "..." : number;
        return fault(i, "the number " + shown + " is too large for a double (at most about 1.8e308)");
      }
      i = end - 1;
    }
  }
  return std::nullopt;
}

void check_json_limits(std::string_view text, const std::string& source) {
  if (auto f = find_json_limit_fault(text))
    throw InputError(source + ":" + std::to_string(f->line), f->message + " (column " + std::to_string(f->column) + ")");
}

namespace {
template <typename Json>
Json parse_input(const std::string& text, const std::string& source) {
  check_json_limits(text, source);
  JsonParseFailure failure;
  try {
    return Json::parse(text);
  } catch (const nlohmann::json::parse_error&) {
    // parse_json_text finds the line and column of the fault.
    (void)parse_json_text(text, &failure);
    throw InputError(source + ":" + std::to_string(std::max(1, failure.line)),
                     "not valid JSON at column " + std::to_string(failure.column) + ": " + failure.message);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(source, std::string("not valid JSON: ") + e.what());
  }
}
} // namespace

nlohmann::json parse_json_input(const std::string& text, const std::string& source) {
  return parse_input<nlohmann::json>(text, source);
}

nlohmann::ordered_json parse_ordered_json_input(const std::string& text, const std::string& source) {
  return parse_input<nlohmann::ordered_json>(text, source);
}

} // namespace crus
