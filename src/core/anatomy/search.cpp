#include "core/anatomy/search.hpp"

#include "core/io/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <limits>

namespace crus {
namespace {

// ASCII spelling of U+00C0..U+017F; "" means a separator.
constexpr std::array<const char*, 64> latin1_fold{
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",  // C0
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss", // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",  // E0
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",  // F0
};

struct FoldRange {
  char32_t first;
  char32_t last;
  const char* ascii;
};
// Latin Extended-A, U+0100..U+017F.
constexpr std::array<FoldRange, 22> extended_a_fold{{
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},  {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"}, {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},
    {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
    {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"},
    {0x174, 0x175, "w"}, {0x176, 0x178, "y"},  {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
}};

// Decodes the UTF-8 sequence at text[i]. A malformed byte comes back as
// itself, so stray Latin-1 text still folds sensibly.
char32_t decode(std::string_view text, std::size_t i, std::size_t& length) {
  if (auto cp = decode_utf8_at(text, i, length)) return *cp;
  return static_cast<unsigned char>(text[i]);
}

bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::vector<std::string> split_words(const std::string& folded) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.emplace_back(folded, start, end - start);
    start = end + 1;
  }
  return words;
}

// Edit distance with adjacent transpositions (optimal string alignment)
// between `a` and the closest prefix of `b` (prefix = true) or all of `b`;
// anything above `limit` comes back as limit + 1.
int edit_distance(std::string_view a, std::string_view b, int limit, bool prefix) {
  const int m = static_cast<int>(a.size());
  const int n = static_cast<int>(b.size());
  if (!prefix && std::abs(m - n) > limit) return limit + 1;
  if (prefix && n < m - limit) return limit + 1;
  constexpr int max_length = 64;
  if (m > max_length || n > max_length) return limit + 1;
  if (m == 0) return prefix ? 0 : std::min(n, limit + 1);
  std::array<int, max_length + 1> rows[3];
  int* two_back = rows[0].data();
  int* previous = rows[1].data();
  int* current = rows[2].data();
  for (int j = 0; j <= n; ++j) previous[j] = j;
  int previous_min = 0;
  for (int i = 1; i <= m; ++i) {
    current[0] = i;
    int row_min = i;
    const char ai = a[i - 1];
    for (int j = 1; j <= n; ++j) {
      const int cost = ai == b[j - 1] ? 0 : 1;
      int d = std::min(std::min(previous[j], current[j - 1]) + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, two_back[j - 2] + 1);
      current[j] = d;
      row_min = std::min(row_min, d);
    }
    if (i == m) return std::min(prefix ? row_min : current[n], limit + 1);
    // A transposition can skip one row, so both rows must be over the limit.
    if (row_min > limit && previous_min > limit) return limit + 1;
    previous_min = row_min;
    int* const recycled = two_back;
    two_back = previous;
    previous = current;
    current = recycled;
  }
  return limit + 1;
}

// Typos allowed in a word of this many letters.
int allowed_errors(std::size_t length) {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

// Score bands, one per tier; the refinements inside a band stay below its
// width so that tiers never mix.
constexpr double exact_base = 0.95;
constexpr double word_prefix_base = 0.75;
constexpr double substring_base = 0.60;
constexpr double fuzzy_base = 0.40;
constexpr double initials_base = 0.20;
constexpr double name_bonus = 0.03;

enum class TokenMatch { none = 0, fuzzy = 1, substring = 2, prefix = 3, word = 4 };

struct Query {
  std::string folded;
  std::vector<std::string> tokens;
  std::string letters; // folded without spaces
};

double coverage(const std::string& query, const std::string& text) {
  return text.empty() ? 0.0 : std::min(1.0, static_cast<double>(query.size()) / static_cast<double>(text.size()));
}

// The fewest pieces into which `letters` splits so that each piece begins a
// word of `words`, in order ("tibant": "tib" + "ant" of "tibialis
// anterior"); 0 when it does not split so.
int initials_pieces(const std::string& letters, const std::vector<std::string>& words) {
  constexpr int unreachable = std::numeric_limits<int>::max() / 2;
  constexpr std::size_t max_letters = 64;
  const std::size_t m = letters.size();
  if (m == 0 || m > max_letters) return 0;
  // Cheap refusal first: the query must begin some word.
  bool begins_a_word = false;
  for (const std::string& word : words) begins_a_word = begins_a_word || word.front() == letters.front();
  if (!begins_a_word) return 0;
  std::array<int, max_letters + 1> reach;
  std::fill_n(reach.begin(), m + 1, unreachable);
  reach[0] = 0;
  for (const std::string& word : words) {
    // Longer reaches first, so that reach[qi] is still the count before this
    // word when it is read.
    for (std::size_t qi = m; qi-- > 0;) {
      if (reach[qi] == unreachable) continue;
      for (std::size_t l = 0; l < word.size() && qi + l < m && word[l] == letters[qi + l]; ++l)
        reach[qi + l + 1] = std::min(reach[qi + l + 1], reach[qi] + 1);
    }
    if (reach[m] == 1) break;
  }
  return reach[m] == unreachable ? 0 : reach[m];
}

struct TokenResult {
  TokenMatch match = TokenMatch::none;
  int errors = 0;
};

// How one query word meets the best word of a text.
TokenResult match_token(const std::string& token, const std::vector<std::string>& words) {
  TokenResult result;
  for (const std::string& word : words) {
    if (word == token) return {TokenMatch::word, 0};
    if (word.starts_with(token)) result.match = TokenMatch::prefix;
    else if (result.match < TokenMatch::substring && word.find(token) != std::string::npos) result.match = TokenMatch::substring;
  }
  if (result.match != TokenMatch::none) return result;
  const int limit = allowed_errors(token.size());
  if (limit == 0) return result;
  int fewest = limit + 1;
  for (const std::string& word : words) fewest = std::min(fewest, edit_distance(token, word, limit, true));
  if (fewest <= limit) result = {TokenMatch::fuzzy, fewest};
  return result;
}

// 0 when the text does not match; otherwise a score in its tier's band.
double score_text(const Query& query, const std::string& folded, const std::vector<std::string>& words, bool is_name) {
  const double name = is_name ? name_bonus : 0.0;
  if (folded == query.folded) return is_name ? 1.0 : exact_base + name_bonus;
  TokenMatch worst = TokenMatch::word;
  int whole_words = 0;
  int errors = 0;
  for (const std::string& token : query.tokens) {
    const TokenResult r = match_token(token, words);
    worst = std::min(worst, r.match);
    if (worst == TokenMatch::none) break;
    whole_words += r.match == TokenMatch::word ? 1 : 0;
    errors += r.errors;
  }
  // Refinements inside a band: the text begins with the query, query words
  // that are whole words, how much of the text the query covers.
  const double cover = coverage(query.letters, folded);
  const double whole = static_cast<double>(whole_words) / static_cast<double>(query.tokens.size());
  switch (worst) {
    case TokenMatch::word:
    case TokenMatch::prefix:
      return word_prefix_base + (folded.starts_with(query.folded) ? 0.08 : 0.0) + 0.05 * whole + 0.02 * cover + name;
    case TokenMatch::substring: return substring_base + 0.1 * cover + name;
    case TokenMatch::fuzzy: return fuzzy_base + 0.1 / (1.0 + errors) + 0.05 * cover + name;
    case TokenMatch::none: break;
  }
  if (query.letters.size() < 2) return 0.0;
  const int pieces = initials_pieces(query.letters, words);
  return pieces > 0 ? initials_base + 0.1 * cover + 0.05 / pieces + name : 0.0;
}

} // namespace

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  auto emit = [&](std::string_view piece) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.append(piece);
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const char32_t c = decode(text, i, length);
    const std::size_t at = i;
    i += length;
    if (c < 0x80) {
      if (is_ascii_alnum(c)) {
        const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        emit(std::string_view(&lower, 1));
      } else if (c != '\'') {
        pending_space = true;
      }
    } else if (c >= 0xC0 && c <= 0xFF) {
      const std::string_view ascii = latin1_fold[c - 0xC0];
      if (ascii.empty()) pending_space = true;
      else emit(ascii);
    } else if (c >= 0x100 && c <= 0x17F) {
      for (const FoldRange& r : extended_a_fold)
        if (c >= r.first && c <= r.last) {
          emit(r.ascii);
          break;
        }
    } else if ((c >= 0x300 && c <= 0x36F) || c == 0x2018 || c == 0x2019) {
      // Combining accents (decomposed text) are dropped; typographic
      // apostrophes join like ASCII ones.
    } else if (c < 0xC0 || (c >= 0x2000 && c <= 0x206F)) {
      // Latin-1 punctuation, no-break space, general punctuation.
      pending_space = true;
    } else {
      // Other scripts: kept as they are.
      emit(text.substr(at, length));
    }
  }
  return out;
}

SearchIndex::SearchIndex(std::vector<SearchEntry> entries) : entries_(std::move(entries)) {
  texts_.reserve(entries_.size());
  for (const SearchEntry& entry : entries_) {
    std::vector<Text> texts;
    auto add = [&](const std::string& original, std::size_t source) {
      std::string folded = fold_for_search(original);
      if (folded.empty()) return;
      for (const Text& t : texts)
        if (t.folded == folded) return;
      Text text;
      text.words = split_words(folded);
      text.folded = std::move(folded);
      text.source = source;
      texts.push_back(std::move(text));
    };
    add(entry.name, 0);
    for (std::size_t a = 0; a < entry.aliases.size(); ++a) add(entry.aliases[a], a + 1);
    add(entry.id, entry.aliases.size() + 1);
    for (std::size_t f = 0; f < entry.facts.size(); ++f) add(entry.facts[f].second, entry.aliases.size() + 2 + f);
    texts_.push_back(std::move(texts));
  }
}

std::vector<SearchResult> SearchIndex::search(std::string_view query_text, std::size_t limit) const {
  std::vector<SearchResult> results;
  if (limit == 0) return results;
  Query query;
  query.folded = fold_for_search(query_text);
  if (query.folded.empty()) return results;
  query.tokens = split_words(query.folded);
  for (const std::string& token : query.tokens) query.letters += token;

  struct Scored {
    std::size_t entry;
    std::size_t source;
    double score;
    bool by_fact;
  };
  std::vector<Scored> scored;
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    double best = 0.0, best_fact = 0.0;
    std::size_t best_source = 0, best_fact_source = 0;
    const std::size_t first_fact = entries_[e].aliases.size() + 2;
    for (const Text& text : texts_[e]) {
      const double score = score_text(query, text.folded, text.words, text.source == 0);
      if (text.source >= first_fact) {
        // Facts are long sentences: only whole words or words being typed
        // count, no typos or initials, or everything would match.
        if (score >= word_prefix_base && score > best_fact) {
          best_fact = score;
          best_fact_source = text.source;
        }
      } else if (score > best) {
        best = score;
        best_source = text.source;
      }
    }
    if (best > 0.0) scored.push_back({e, best_source, best, false});
    else if (best_fact > 0.0) scored.push_back({e, best_fact_source, best_fact * 0.5, true});
  }

  auto better = [&](const Scored& a, const Scored& b) {
    if (a.by_fact != b.by_fact) return !a.by_fact; // names first
    if (a.score != b.score) return a.score > b.score;
    const SearchEntry& ea = entries_[a.entry];
    const SearchEntry& eb = entries_[b.entry];
    if (ea.name != eb.name) return ea.name < eb.name;
    if (ea.id != eb.id) return ea.id < eb.id;
    return a.entry < b.entry;
  };
  const std::size_t count = std::min(limit, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(count), scored.end(), better);
  results.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const SearchEntry& entry = entries_[scored[i].entry];
    const std::size_t source = scored[i].source;
    std::string matched = source == 0 ? entry.name : source <= entry.aliases.size() ? entry.aliases[source - 1] : entry.id;
    if (scored[i].by_fact) {
      const auto& fact = entry.facts[source - entry.aliases.size() - 2];
      matched = fact.first + ": " + fact.second;
    }
    results.push_back(SearchResult{entry.id, entry.name, matched, scored[i].score});
  }
  return results;
}

std::vector<SearchResult> search(const SearchIndex& index, std::string_view query, std::size_t limit) {
  return index.search(query, limit);
}

std::vector<std::string> closest_ids(const std::vector<std::string>& ids, std::string_view wrong, std::size_t n) {
  std::vector<std::string> out;
  const std::string folded = fold_for_search(wrong);
  if (folded.empty() || n == 0) return out;
  // About one typo in three letters; farther ids would be guesses, not typos.
  const int limit = std::max(2, static_cast<int>(folded.size()) / 3);
  std::vector<std::pair<int, const std::string*>> ranked;
  for (const std::string& id : ids) {
    const std::string candidate = fold_for_search(id);
    int distance = edit_distance(folded, candidate, limit, false);
    // A typed beginning of a longer id ("gastrocnemius" for
    // gastrocnemius_medial_head) is close too, a little less than a typo.
    if (folded.size() < candidate.size()) distance = std::min(distance, edit_distance(folded, candidate, limit, true) + 1);
    if (distance <= limit) ranked.emplace_back(distance, &id);
  }
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : *a.second < *b.second; });
  for (std::size_t i = 0; i < ranked.size() && out.size() < n; ++i) {
    if (std::find(out.begin(), out.end(), *ranked[i].second) == out.end()) out.push_back(*ranked[i].second);
  }
  return out;
}

} // namespace crus
