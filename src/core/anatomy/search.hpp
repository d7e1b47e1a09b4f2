#pragma once
// Fuzzy search as you type over structure names, Latin names and synonyms,
// and "did you mean" suggestions for unknown ids. Case- and
// accent-insensitive; results are deterministic.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crus {

struct SearchEntry {
  std::string id;
  std::string name;
  std::vector<std::string> aliases; // Latin name, synonyms
  // What the knowledge says the structure does or suffers from, as
  // (what, text): ("action", "plantarflexion at the ankle"), ("nerve root",
  // "S1"), ("clinical", "Foot drop ..."). Found when every query word begins
  // a word of the text; always ranked after matches of names.
  std::vector<std::pair<std::string, std::string>> facts;
};

struct SearchResult {
  std::string id;
  std::string name;
  std::string matched; // the name, alias or id that matched, as given, or "what: text" of a fact
  double score = 0.0;  // in (0, 1]; higher is better
};

// Folds text for matching: lower case, accents dropped (é -> e, æ -> ae,
// ß -> ss), every run of characters other than letters and digits turned
// into one space, trimmed. UTF-8 in, ASCII out for Latin scripts.
std::string fold_for_search(std::string_view text);

class SearchIndex {
public:
  SearchIndex() = default;
  explicit SearchIndex(std::vector<SearchEntry> entries);

  const std::vector<SearchEntry>& entries() const { return entries_; }

  // Ranked best first; one result per entry. Ranking, by tiers that never
  // overlap: the whole text equals the query; every query word begins a
  // word of the text (best when the text begins with the query); every query
  // word lies inside a word; every query word is a word of the text with a
  // few typos (or a word being typed, with typos so far); the query's letters
  // begin words of the text in order ("fdl", "tibant"). Within a tier, a
  // closer fit and the name over an alias score higher; ties go by name, then
  // id. A blank query finds nothing.
  std::vector<SearchResult> search(std::string_view query, std::size_t limit) const;

private:
  struct Text {
    std::string folded;             // fold_for_search of the original
    std::vector<std::string> words; // folded, split at spaces
    std::size_t source = 0;         // 0 the name, 1.. the aliases, then the id
  };

  std::vector<SearchEntry> entries_;
  std::vector<std::vector<Text>> texts_; // per entry
};

std::vector<SearchResult> search(const SearchIndex& index, std::string_view query, std::size_t limit);

// The n ids most like `wrong` (edit distance, case-insensitive, a typed
// prefix counting as close), nearest first, ties by id; ids too different
// to be a plausible typo are left out, so the list may be shorter or empty.
std::vector<std::string> closest_ids(const std::vector<std::string>& ids, std::string_view wrong, std::size_t n);

} // namespace crus
