// Grading of quiz answers, topic parsing and the version of the question
// source. Split from quiz.cpp, which makes the questions.
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/teaching/quiz.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace crus {

std::string normalise_answer(const std::string& text) {
  std::string out;
  bool space = false;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(std::tolower(c));
    } else {
      space = true;
    }
  }
  return out;
}

std::size_t bounded_edit_distance(const std::string& a, const std::string& b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows for the optimal-string-alignment recurrence.
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

std::size_t typo_allowance(std::size_t length) {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  return 2;
}

bool grade_typed_name(const QuizBank& bank, const Question& q, const std::string& typed) {
  const std::string answer = normalise_answer(typed);
  if (answer.empty() || q.accepted.empty()) return false;
  std::size_t best = std::string::npos;
  std::vector<std::string> accepted;
  for (const auto& name : q.accepted) {
    std::string n = normalise_answer(name);
    accepted.push_back(n);
    std::size_t allow = typo_allowance(n.size());
    std::size_t d = bounded_edit_distance(answer, n, allow);
    if (d <= allow) best = std::min(best, d);
  }
  if (best == std::string::npos) return false;
  if (best == 0) return true;
  // A typo of this name must not be an exact or nearer match of another
  // structure's name that this one does not share.
  for (const auto& card : bank.cards({{QuestionType::name_it}, {}})) {
    if (card.structure == q.card.structure) continue;
    for (const auto& name : bank.accepted_names(card.structure)) {
      std::string n = normalise_answer(name);
      if (std::find(accepted.begin(), accepted.end(), n) != accepted.end()) continue;
      if (bounded_edit_distance(answer, n, best) <= best) return false;
    }
  }
  return true;
}

bool grade_choice(const Question& q, const std::string& id) {
  return std::find(q.correct.begin(), q.correct.end(), id) != q.correct.end();
}

QuizTopic parse_topic(const std::string& text) {
  QuizTopic topic;
  if (text.empty() || text == "all" || text == "everything") return topic;
  auto colon = text.find(':');
  std::string kind = text.substr(0, colon), value = colon == std::string::npos ? "" : text.substr(colon + 1);
  const char* allowed = "all, region:NAME, compartment:NAME, system:muscles|bones|nerves|trigger-points or lesson:ID";
  if (value.empty()) throw InputError("--topic", "\"" + text + "\" is not a topic; use " + std::string(allowed));
  topic.value = value;
  if (kind == "region") topic.kind = QuizTopic::Kind::region;
  else if (kind == "compartment") topic.kind = QuizTopic::Kind::compartment;
  else if (kind == "system") {
    topic.kind = QuizTopic::Kind::system;
    if (value != "muscles" && value != "bones" && value != "nerves" && value != "trigger-points")
      throw InputError("--topic", "system \"" + value + "\" is unknown; use muscles, bones, nerves or trigger-points");
  } else if (kind == "lesson") {
    topic.kind = QuizTopic::Kind::lesson;
  } else {
    throw InputError("--topic", "\"" + kind + "\" is not a kind of topic; use " + std::string(allowed));
  }
  return topic;
}

std::string content_version(const std::vector<std::string>& paths) {
  std::uint64_t hash = fnv1a64("");
  for (const auto& path : paths) {
    std::string text = read_text_file(path);
    text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
    hash = fnv1a64(text, hash);
    hash = fnv1a64(std::string_view("\0", 1), hash); // file boundary
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string("fnv1a64:") + hex;
}

} // namespace crus
