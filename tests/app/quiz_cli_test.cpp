// crus quiz and crus progress on the bundled knowledge base: a seed gives
// the same quiz, bad options give one line and status 2, a terminal study
// session is saved and shows up in the dashboard and the export.
#include "core/teaching/lesson.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

using crus::test::run_command;

namespace {

std::string crus() { return crus::test::crus_binary(); }
int count_lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

TEST(QuizCli, SameSeedSameJsonWithEverythingATeacherNeeds) {
  auto a = run_command(crus() + " quiz --seed 77 --count 30 --json");
  auto b = run_command(crus() + " quiz --seed 77 --count 30 --json");
  auto c = run_command(crus() + " quiz --seed 78 --count 30 --json");
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out, c.out);
  auto j = nlohmann::json::parse(a.out);
  EXPECT_EQ(j["knowledge_version"].get<std::string>().rfind("fnv1a64:", 0), 0u);
  EXPECT_EQ(j["seed"], 77);
  ASSERT_EQ(j["questions"].size(), 30u);
  std::set<std::string> types;
  for (const auto& q : j["questions"]) {
    for (const char* key : {"number", "type", "kind", "structure", "prompt", "choices", "correct", "explanation", "source"})
      EXPECT_TRUE(q.contains(key)) << key << " in " << q.dump();
    EXPECT_FALSE(q["source"]["key"].get<std::string>().empty());
    EXPECT_FALSE(q["correct"].empty());
    types.insert(q["type"].get<std::string>());
    if (q["type"] == "point-to") continue;
    int shown_right = 0;
    for (const auto& choice : q["choices"])
      shown_right += std::count(q["correct"].begin(), q["correct"].end(), choice["id"]) ? 1 : 0;
    EXPECT_EQ(shown_right, 1) << q.dump();
  }
  EXPECT_GE(types.size(), 3u);
}

TEST(QuizCli, SeveralTypesTakeTurns) {
  // The facts outnumber every other type many times over: drawn as one
  // shuffled pool, 14 questions of six types came out as 10 facts and three
  // types missing. Types take turns, so each is asked about as often.
  for (int seed : {1, 22, 77, 1000}) {
    auto r = run_command(crus() + " quiz --seed " + std::to_string(seed) +
                         " --count 14 --types point-to,name-it,facts,trigger-point,movement,section --json");
    ASSERT_EQ(r.status, 0) << r.err;
    std::map<std::string, int> per_type;
    const auto quiz = nlohmann::json::parse(r.out);
    for (const auto& q : quiz["questions"]) ++per_type[q["type"].get<std::string>()];
    ASSERT_EQ(per_type.size(), 6u) << "seed " << seed;
    for (const auto& [type, n] : per_type) {
      EXPECT_GE(n, 2) << type << ", seed " << seed;
      EXPECT_LE(n, 3) << type << ", seed " << seed;
    }
  }
}

TEST(QuizCli, TypesAndTopicNarrowTheQuiz) {
  auto r = run_command(crus() + " quiz --seed 1 --count 50 --types facts --topic system:nerves --json");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["types"], nlohmann::json::array({"facts"}));
  ASSERT_FALSE(j["questions"].empty());
  for (const auto& q : j["questions"]) {
    EXPECT_EQ(q["type"], "facts");
    EXPECT_NE(q["structure"].get<std::string>().find("nerve"), std::string::npos) << q["structure"];
  }
  EXPECT_EQ(j["questions"].size(), j["available"]); // fewer cards than asked: each once
}

TEST(QuizCli, BadOptionsSayOneLineAndExit2) {
  for (const char* args : {"--count 0", "--types banana", "--topic region:moon", "--topic system:skin", "--topic nonsense",
                           "--seed -1", "--seed 12x", "--types point-to --study"}) {
    auto r = run_command(crus() + " quiz " + args);
    EXPECT_EQ(r.status, 2) << args << ": " << r.err;
    EXPECT_EQ(count_lines(r.err), 1) << args << ": " << r.err;
  }
  auto r = run_command(crus() + " progress --db /dev/null/x.db --export out.txt");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
}

TEST(QuizCli, AStudySessionIsSavedAndReported) {
  auto dir = crus::test::scratch_dir("quiz_cli_study");
  std::string db = (dir / "progress.db").string();
  std::ofstream(dir / "answers.txt") << "1\n2\n1\nq\n";
  auto r = run_command("sh -c '" + crus() + " quiz --study --count 5 --seed 3 --db " + db + " < " +
                       (dir / "answers.txt").string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Stopped:"), std::string::npos) << r.out;
  auto p = run_command(crus() + " progress --json --db " + db);
  ASSERT_EQ(p.status, 0) << p.err;
  auto j = nlohmann::json::parse(p.out);
  EXPECT_EQ(j["reviews"], 3);
  EXPECT_EQ(j["streak_days"], 1);
  EXPECT_TRUE(j["mastery"].contains("nerves"));
  EXPECT_TRUE(j["mastery_by_region"].contains("leg")) << j.dump();
  auto e = run_command(crus() + " progress --db " + db + " --export " + (dir / "log.json").string());
  ASSERT_EQ(e.status, 0) << e.err;
  std::ifstream in(dir / "log.json");
  auto log = nlohmann::json::parse(in);
  EXPECT_EQ(log["reviews"].size(), 3u);
  // A second session: the same database, more reviews, nothing lost.
  r = run_command("sh -c '" + crus() + " quiz --study --count 5 --seed 4 --db " + db + " < " + (dir / "answers.txt").string() +
                  "'");
  ASSERT_EQ(r.status, 0) << r.err;
  p = run_command(crus() + " progress --json --db " + db);
  EXPECT_EQ(nlohmann::json::parse(p.out)["reviews"], 6);
}

} // namespace

namespace {

// A lesson's structures as a topic: only what the lesson names is asked,
// and a lesson that does not exist is one line and status 2.
TEST(QuizCli, ALessonTopicAsksOnlyTheLessonsStructures) {
  const std::string lesson = crus::test::source_dir() + "/assets/lessons/anterior_compartment.json";
  auto ids = crus::lesson_structure_ids(crus::load_lesson(lesson));
  ASSERT_FALSE(ids.empty());
  auto r = run_command(crus() + " quiz --seed 5 --count 40 --types point-to,facts --topic lesson:anterior_compartment --json");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j["questions"].empty());
  std::set<std::string> asked;
  for (const auto& q : j["questions"]) {
    const std::string s = q["structure"];
    EXPECT_NE(std::find(ids.begin(), ids.end(), s), ids.end()) << s;
    asked.insert(s);
  }
  EXPECT_TRUE(asked.count("tibialis_anterior") || asked.size() > 3) << r.out;
  auto bad = run_command(crus() + " quiz --seed 5 --count 4 --topic lesson:no_such_lesson --json");
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(count_lines(bad.err), 1) << bad.err;
  EXPECT_NE(bad.err.find("--topic"), std::string::npos) << bad.err;
}

} // namespace
