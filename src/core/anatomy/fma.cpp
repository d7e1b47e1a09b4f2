#include "core/anatomy/fma.hpp"

#include "core/anatomy/knowledge.hpp"

#include <cctype>
#include <limits>

namespace crus {

const char* to_string(Side side) {
  switch (side) {
    case Side::right: return "right";
    case Side::left: return "left";
    case Side::unsided: break;
  }
  return "";
}

namespace {
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
} // namespace

std::optional<std::uint32_t> find_fma_number(std::string_view text) {
  for (std::size_t i = 0; i + 3 < text.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[i])) != 'F' ||
        std::toupper(static_cast<unsigned char>(text[i + 1])) != 'M' ||
        std::toupper(static_cast<unsigned char>(text[i + 2])) != 'A')
      continue;
    if (i > 0 && is_alpha(text[i - 1])) continue; // "XFMA1" is another word
    std::size_t p = i + 3;
    if (p < text.size() && (text[p] == ':' || text[p] == '_' || text[p] == '-')) ++p;
    std::size_t start = p;
    std::uint64_t n = 0;
    while (p < text.size() && is_digit(text[p]) && p - start < 10) n = n * 10 + static_cast<std::uint64_t>(text[p++] - '0');
    if (p == start || (p < text.size() && (is_digit(text[p]) || is_alpha(text[p])))) continue;
    if (n == 0 || n > std::numeric_limits<std::uint32_t>::max()) continue;
    return static_cast<std::uint32_t>(n);
  }
  return std::nullopt;
}

bool FmaIndex::add(const std::string& fma, const std::string& id, Side side) {
  // Recorded ids are exactly "FMA:<digits>" (the schema says so).
  if (fma.rfind("FMA:", 0) != 0) return false;
  auto n = find_fma_number(fma);
  if (!n) return false;
  return by_number_.emplace(*n, FmaMatch{id, side, fma}).second;
}

const FmaMatch* FmaIndex::find(std::uint32_t number) const {
  auto it = by_number_.find(number);
  return it == by_number_.end() ? nullptr : &it->second;
}

FmaIndex make_fma_index(const KnowledgeBase& knowledge, std::vector<std::string>* clashes) {
  FmaIndex index;
  for (const auto& e : knowledge.entries) {
    const std::pair<const std::optional<std::string>*, Side> ids[] = {
        {&e.fma_id, Side::unsided}, {&e.fma_id_right, Side::right}, {&e.fma_id_left, Side::left}};
    for (const auto& [fma, side] : ids)
      if (*fma && !index.add(**fma, e.id, side) && clashes)
        clashes->push_back(e.id + ": " + **fma + " is already the id of another structure");
  }
  return index;
}

} // namespace crus
