// crus quiz and crus progress: reproducible quizzes for teachers, a study
// session in the terminal and the student's progress (dashboard, export,
// reset).
#include "app/commands.hpp"
#include "app/quiz_context.hpp"
#include "app/quiz_worksheet.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/teaching/lesson.hpp"
#include "core/teaching/progress_store.hpp"
#include "core/teaching/quiz.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

namespace crus::app {
namespace fs = std::filesystem;

namespace {

QuizFilter parse_filter(const std::string& types, const std::string& topic) {
  QuizFilter filter;
  filter.topic = parse_topic(topic);
  if (filter.topic.kind == QuizTopic::Kind::lesson) {
    // A file or a bundled lesson's id; its faults name the file and line.
    filter.topic.structures = lesson_structure_ids(load_lesson(resolve_lesson(filter.topic.value, "--topic")));
    if (filter.topic.structures.empty())
      throw InputError("--topic", "lesson \"" + filter.topic.value + "\" names no structures to ask about");
  }
  std::size_t start = 0;
  while (start <= types.size() && !types.empty()) {
    std::size_t end = types.find(',', start);
    if (end == std::string::npos) end = types.size();
    std::string name = types.substr(start, end - start);
    auto type = parse_question_type(name);
    if (!type)
      throw InputError(
          "--types", "\"" + name + "\" is not a question type; use point-to, name-it, facts, trigger-point, movement or section");
    filter.types.push_back(*type);
    start = end + 1;
  }
  return filter;
}

void check_topic_exists(const QuizBank& bank, const QuizTopic& topic) {
  auto known = topic.kind == QuizTopic::Kind::region        ? bank.regions()
               : topic.kind == QuizTopic::Kind::compartment ? bank.compartments()
                                                            : std::vector<std::string>{};
  if (known.empty() || std::count(known.begin(), known.end(), topic.value)) return;
  if (topic.kind == QuizTopic::Kind::compartment && topic.value == "posterior") return;
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  throw InputError("--topic", "no " + std::string(topic.kind == QuizTopic::Kind::region ? "region" : "compartment") + " \"" +
                                  topic.value + "\"; there are: " + list);
}

nlohmann::ordered_json question_json(const Question& q, std::size_t number) {
  nlohmann::ordered_json j;
  j["number"] = number;
  j["type"] = to_string(q.type);
  j["kind"] = q.card.kind;
  j["structure"] = q.card.structure;
  j["prompt"] = q.prompt;
  j["choices"] = nlohmann::ordered_json::array();
  for (const auto& c : q.choices) j["choices"].push_back({{"id", c.id}, {"text", c.text}});
  j["correct"] = q.correct;
  if (!q.accepted.empty()) j["accepted_answers"] = q.accepted;
  if (!q.zone_trigger_point.empty())
    j["zone"] = {{"trigger_point", q.zone_trigger_point}, {"zone", "essential"}, {"regions", q.zone_regions}};
  if (!q.pose.empty()) j["pose"] = q.pose;
  if (q.section_fraction) j["section"] = {{"level", *q.section_fraction}, {"mark_uv_m", {q.section_mark.x, q.section_mark.y}}};
  j["explanation"] = q.explanation;
  j["source"] = {{"key", q.source}, {"citation", q.citation}};
  return j;
}

std::uint64_t parse_seed(const std::string& text) {
  std::uint64_t seed = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    throw InputError("--seed", "\"" + text + "\" is not a whole number from 0 to 18446744073709551615");
  return seed;
}

std::string choice_text(const Question& q, const std::string& id) {
  for (const auto& c : q.choices)
    if (c.id == id) return c.text;
  return id;
}

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Asks the session's questions on stdin/stdout and logs each answer.
int run_study(const QuizContext& ctx, const QuizOptions& o, QuizFilter filter) {
  // The terminal can neither show the model nor take a click: it asks the
  // questions that are answered in words.
  if (filter.types.empty()) filter.types = {QuestionType::fact, QuestionType::trigger_point, QuestionType::movement};
  std::erase_if(filter.types, [](QuestionType t) {
    return t == QuestionType::point_to || t == QuestionType::name_it || t == QuestionType::section;
  });
  if (filter.types.empty())
    throw InputError(
        "--types", "point-to, name-it and section questions need a picture; the terminal asks facts, trigger-point and movement");
  ProgressStore store(o.db.empty() ? default_progress_path() : o.db, now_seconds());
  if (!store.notice().empty()) std::cerr << "crus: " << store.notice() << "\n";
  SplitMix64 rng(o.seed.empty() ? static_cast<std::uint64_t>(now_seconds()) : parse_seed(o.seed));
  auto cards = ctx.bank->cards(filter);
  rng.shuffle(cards); // new cards in a random order, not one structure's cards in a row
  auto plan = plan_session(cards, store.cards(), now_seconds(), static_cast<std::size_t>(o.count));
  int right = 0, asked = 0;
  for (const auto& card : plan) {
    auto q = ctx.bank->make(card, rng);
    if (!q) continue;
    std::cout << "\n" << (asked + 1) << ". " << q->prompt << "\n";
    for (std::size_t i = 0; i < q->choices.size(); ++i) std::cout << "   " << (i + 1) << ") " << q->choices[i].text << "\n";
    std::cout << "Answer (number, q to stop): " << std::flush;
    auto start = std::chrono::steady_clock::now();
    std::string line;
    int pick = 0;
    for (;;) {
      if (!std::getline(std::cin, line) || line == "q") {
        std::cout << "\nStopped: " << right << " of " << asked << " right; progress saved in " << store.path() << "\n";
        return 0;
      }
      try {
        pick = std::stoi(line);
      } catch (...) {
        pick = 0;
      }
      if (pick >= 1 && pick <= static_cast<int>(q->choices.size())) break;
      std::cout << "Type a number from 1 to " << q->choices.size() << ": " << std::flush;
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string& id = q->choices[static_cast<std::size_t>(pick - 1)].id;
    bool correct = grade_choice(*q, id);
    Grade grade = grade_from_answer(correct, seconds);
    CardState next = store.record(card, id, grade, now_seconds());
    ++asked;
    right += correct ? 1 : 0;
    std::string answers;
    for (const auto& c : q->correct) answers += (answers.empty() ? "" : "; ") + choice_text(*q, c);
    std::cout << (correct ? "Right. " : "Wrong: ") << (q->correct.size() > 1 ? "right answers: " : "answer: ") << answers << "\n"
              << q->explanation << " [" << q->source << "]\n"
              << "Next review in " << next.interval_days << (next.interval_days == 1.0 ? " day" : " days") << ".\n";
  }
  std::cout << "\nDone: " << right << " of " << asked << " right; progress saved in " << store.path() << "\n";
  return 0;
}

} // namespace

int run_quiz(const QuizOptions& o) {
  if (o.worksheet && o.out.empty())
    throw InputError("--worksheet", "name the file with --out quiz.pdf (or quiz.png for PNG pages)");
  if (!o.worksheet && !o.out.empty()) throw InputError("--out", "only a worksheet is written to a file; add --worksheet");
  if (o.worksheet && (o.json || o.study))
    throw InputError("--worksheet", "a worksheet is not printed as JSON nor studied: one at a time");
  const auto paper = parse_paper(o.paper);
  if (!paper) throw InputError("--paper", "expected a4 or letter, got \"" + o.paper + "\"");
  if (o.worksheet) {
    std::string ext = fs::path(o.out).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".pdf" && ext != ".png") throw InputError("--out", o.out + ": a worksheet is a .pdf file or .png pages");
  }
  QuizFilter filter = parse_filter(o.types, o.topic);
  const std::uint64_t seed = o.seed.empty() ? 1 : parse_seed(o.seed);
  const bool sections =
      !o.study && (filter.types.empty() || std::count(filter.types.begin(), filter.types.end(), QuestionType::section));
  QuizContext ctx(sections || o.worksheet);
  check_topic_exists(*ctx.bank, filter.topic);
  if (o.study) return run_study(ctx, o, filter);
  Quiz quiz = generate_quiz(*ctx.bank, seed, static_cast<std::size_t>(o.count), filter);
  if (quiz.questions.empty()) throw InputError("--topic", "no questions for this topic and these types");
  if (o.worksheet) {
    WorksheetResult r = write_quiz_worksheet(ctx, quiz, *paper, o.out);
    std::cout << "worksheet: " << quiz.questions.size() << " questions, " << r.pages << " pages (the last is the answer key)\n";
    for (const auto& f : r.files) std::cout << "wrote " << f << "\n";
    return 0;
  }
  if (o.json) {
    nlohmann::ordered_json out;
    out["knowledge_version"] = ctx.version;
    out["generator"] = "SplitMix64 (see src/core/teaching/prng.hpp)";
    out["seed"] = seed;
    out["topic"] = o.topic.empty() ? "all" : o.topic;
    out["types"] = nlohmann::ordered_json::array();
    for (auto t : kQuestionTypes)
      if (filter.types.empty() || std::count(filter.types.begin(), filter.types.end(), t)) out["types"].push_back(to_string(t));
    out["available"] = quiz.available;
    out["questions"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < quiz.questions.size(); ++i) out["questions"].push_back(question_json(quiz.questions[i], i + 1));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::cout << "Quiz (seed " << seed << ", knowledge " << ctx.version << ")\n";
  for (std::size_t i = 0; i < quiz.questions.size(); ++i) {
    const auto& q = quiz.questions[i];
    std::cout << "\n" << (i + 1) << ". [" << to_string(q.type) << ": " << q.card.structure << "] " << q.prompt << "\n";
    for (std::size_t c = 0; c < q.choices.size(); ++c) std::cout << "   " << char('a' + c) << ") " << q.choices[c].text << "\n";
  }
  std::cout << "\nAnswer key\n";
  for (std::size_t i = 0; i < quiz.questions.size(); ++i) {
    const auto& q = quiz.questions[i];
    std::string answers;
    for (const auto& c : q.correct)
      answers += (answers.empty() ? "" : "; ") + (q.choices.empty() ? ctx.bank->display_name(c) : choice_text(q, c));
    std::cout << (i + 1) << ". " << answers << " - " << q.explanation << " [" << q.source << "]\n";
  }
  return 0;
}

int run_progress(const ProgressOptions& o) {
  const std::int64_t now = now_seconds();
  const std::string ext = fs::path(o.export_path).extension().string();
  if (!o.export_path.empty() && ext != ".json" && ext != ".csv")
    throw InputError("--export", o.export_path + ": name a .json or .csv file");
  if (!o.export_path.empty() && o.reset) throw InputError("--reset", "export first, then reset: one at a time");
  ProgressStore store(o.db.empty() ? default_progress_path() : o.db, now);
  if (!store.notice().empty()) std::cerr << "crus: " << store.notice() << "\n";
  if (o.reset) {
    std::string aside = store.reset(now);
    std::cout << "progress reset; the old database is kept as " << aside << "\n";
    return 0;
  }
  if (!o.export_path.empty()) {
    write_file_atomic(o.export_path, ext == ".json" ? store.export_json() : store.export_csv());
    std::cout << "wrote " << o.export_path << "\n";
    return 0;
  }
  QuizContext ctx(false);
  auto cards = store.cards();
  const std::int64_t offset = local_utc_offset(now);
  const std::size_t due = count_due_today(cards, now, offset);
  // Mastery: the mean over every card of the system of interval / 21 days
  // (capped at 1): a card is mastered once reviews are three weeks apart.
  // The same by region (leg, foot ...; movement cards have none).
  std::map<std::string, std::pair<double, int>> mastery, by_region;
  std::map<CardKey, CardState> by_key;
  for (const auto& c : cards) by_key[c.card] = c.state;
  for (const auto& card : ctx.bank->cards()) {
    auto it = by_key.find(card);
    const double value = it == by_key.end() ? 0.0 : std::min(1.0, it->second.interval_days / 21.0);
    for (auto* m : {&mastery[ctx.bank->system_of(card)], &by_region[ctx.bank->region_of(card)]}) {
      m->first += value;
      m->second += 1;
    }
  }
  by_region.erase("");
  std::vector<ScheduledCard> weakest;
  for (const auto& c : cards)
    if (c.state.reviews > 0 && ctx.bank->knows(c.card.structure)) weakest.push_back(c);
  std::sort(weakest.begin(), weakest.end(), [](const ScheduledCard& a, const ScheduledCard& b) {
    if (a.state.ease != b.state.ease) return a.state.ease < b.state.ease;
    if (a.state.lapses != b.state.lapses) return a.state.lapses > b.state.lapses;
    return a.card < b.card;
  });
  if (weakest.size() > 5) weakest.resize(5);
  auto orphans = store.orphans([&](const std::string& id) { return ctx.bank->knows(id); });
  nlohmann::ordered_json out;
  out["database"] = store.path();
  out["due_today"] = due;
  out["streak_days"] = store.streak_days(now, offset);
  out["reviews"] = store.reviews().size();
  out["mastery"] = nlohmann::ordered_json::object();
  for (const auto& [system, m] : mastery) out["mastery"][system] = m.second ? m.first / m.second : 0.0;
  out["mastery_by_region"] = nlohmann::ordered_json::object();
  for (const auto& [region, m] : by_region) out["mastery_by_region"][region] = m.second ? m.first / m.second : 0.0;
  out["weakest"] = nlohmann::ordered_json::array();
  for (const auto& w : weakest)
    out["weakest"].push_back(
        {{"structure", w.card.structure}, {"kind", w.card.kind}, {"ease", w.state.ease}, {"lapses", w.state.lapses}});
  out["orphans"] = nlohmann::ordered_json::array();
  for (const auto& c : orphans) out["orphans"].push_back({{"structure", c.structure}, {"kind", c.kind}});
  if (o.json) {
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::cout << "Progress in " << store.path() << "\n"
            << "Due today: " << due << "   streak: " << out["streak_days"].get<int>()
            << (out["streak_days"].get<int>() == 1 ? " day" : " days") << "   reviews: " << out["reviews"].get<std::size_t>()
            << "\n"
            << "Mastery:";
  for (const auto& [system, m] : mastery)
    std::cout << "  " << system << " " << int(100.0 * (m.second ? m.first / m.second : 0.0) + 0.5) << "%";
  std::cout << "\nBy region:";
  for (const auto& [region, m] : by_region)
    std::cout << "  " << region << " " << int(100.0 * (m.second ? m.first / m.second : 0.0) + 0.5) << "%";
  std::cout << "\n";
  for (const auto& w : weakest)
    std::cout << "Weak: " << ctx.bank->display_name(w.card.structure) << " (" << w.card.kind << "), ease " << w.state.ease
              << "\n";
  for (const auto& c : orphans) std::cout << "Kept, but no longer in the atlas: " << c.structure << " (" << c.kind << ")\n";
  return 0;
}

} // namespace crus::app
