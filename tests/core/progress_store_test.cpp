// The SQLite progress store: answers survive a SIGKILL, corrupt and foreign
// files are set aside (never lost), old schemas migrate, cards of vanished
// structures are kept, export and reset.
#include "core/error.hpp"
#include "core/teaching/progress_store.hpp"

#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

namespace crus {
namespace {

namespace fs = std::filesystem;
constexpr std::int64_t kNow = 1'800'000'000;

std::vector<fs::path> siblings(const fs::path& db, const std::string& infix) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(db.parent_path()))
    if (e.path().filename().string().rfind(db.filename().string() + "." + infix, 0) == 0) out.push_back(e.path());
  return out;
}

TEST(ProgressStore, AnswersAreKeptBetweenRuns) {
  auto db = test::scratch_dir("progress_keep") / "sub" / "progress.db";
  {
    ProgressStore store(db.string(), kNow);
    EXPECT_TRUE(store.notice().empty());
    store.record({"soleus", "fact.nerve"}, "tibial_nerve", Grade::good, kNow);
    store.record({"soleus", "fact.nerve"}, "tibial_nerve", Grade::good, kNow + kSecondsPerDay);
    store.record({"tibia", "point_to"}, "fibula", Grade::again, kNow + 5);
  }
  ProgressStore store(db.string(), kNow + 10);
  auto s = store.state({"soleus", "fact.nerve"});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->reviews, 2);
  EXPECT_DOUBLE_EQ(s->interval_days, 6.0);
  auto reviews = store.reviews();
  ASSERT_EQ(reviews.size(), 3u);
  EXPECT_EQ(reviews[2].card.structure, "tibia");
  EXPECT_EQ(reviews[2].answer, "fibula");
  EXPECT_EQ(reviews[2].grade, Grade::again);
  ASSERT_TRUE(reviews[1].interval_days);
  EXPECT_DOUBLE_EQ(*reviews[1].interval_days, 6.0);
  EXPECT_EQ(store.cards().size(), 2u);
}

TEST(ProgressStore, AKillDuringAnswersLosesNothingCommitted) {
  auto db = test::scratch_dir("progress_kill") / "progress.db";
  { ProgressStore init(db.string(), kNow); }
  int pipefd[2];
  ASSERT_EQ(pipe(pipefd), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child answers as fast as it can and reports each commit.
    close(pipefd[0]);
    try {
      ProgressStore store(db.string(), kNow);
      for (int i = 0;; ++i) {
        store.record({"card" + std::to_string(i % 7), "point_to"}, "answer " + std::to_string(i), Grade::good, kNow + i);
        if (write(pipefd[1], &i, sizeof i) != sizeof i) _exit(3);
      }
    } catch (...) {
      _exit(4);
    }
  }
  close(pipefd[1]);
  int last = -1, got = 0;
  while (got < 40 && read(pipefd[0], &last, sizeof last) == sizeof last) ++got;
  kill(child, SIGKILL); // most likely in the middle of the next transaction
  int status = 0;
  waitpid(child, &status, 0);
  close(pipefd[0]);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child stopped by itself with " << status;
  ASSERT_EQ(got, 40);
  ProgressStore store(db.string(), kNow);
  EXPECT_TRUE(store.notice().empty()) << store.notice();
  auto reviews = store.reviews();
  ASSERT_GE(reviews.size(), static_cast<std::size_t>(last + 1)); // every reported commit is there
  for (int i = 0; i <= last; ++i) EXPECT_EQ(reviews[static_cast<std::size_t>(i)].answer, "answer " + std::to_string(i));
  int total = 0;
  for (const auto& c : store.cards()) total += c.state.reviews;
  EXPECT_EQ(static_cast<std::size_t>(total), reviews.size()); // cards and log agree: no half answer
}

TEST(ProgressStore, ACorruptFileIsSetAsideNotOverwritten) {
  auto dir = test::scratch_dir("progress_corrupt");
  auto db = dir / "progress.db";
  const std::string junk(8192, 'x');
  std::ofstream(db, std::ios::binary) << junk;
  ProgressStore store(db.string(), kNow);
  EXPECT_NE(store.notice().find("corrupt"), std::string::npos) << store.notice();
  auto aside = siblings(db, "corrupt-");
  ASSERT_EQ(aside.size(), 1u);
  EXPECT_EQ(aside[0].filename().string(), "progress.db.corrupt-20270115T080000Z");
  std::ifstream in(aside[0], std::ios::binary);
  std::string kept((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(kept, junk);
  store.record({"soleus", "name_it"}, "soleus", Grade::easy, kNow);
  EXPECT_EQ(store.reviews().size(), 1u);
}

TEST(ProgressStore, AForeignDatabaseIsSetAside) {
  auto db = test::scratch_dir("progress_foreign") / "progress.db";
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES('someone else''s data');", nullptr, nullptr,
               nullptr);
  sqlite3_close(raw);
  ProgressStore store(db.string(), kNow);
  EXPECT_NE(store.notice().find("not a Crus progress database"), std::string::npos) << store.notice();
  ASSERT_EQ(siblings(db, "foreign-").size(), 1u);
  EXPECT_TRUE(store.cards().empty());
}

TEST(ProgressStore, SchemaOneMigratesAndKeepsItsData) {
  auto db = test::scratch_dir("progress_migrate") / "progress.db";
  create_progress_database(db.string(), 1);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "INSERT INTO cards VALUES('soleus', 'fact.nerve', 2, 2.4, 6.0, 1800500000, 2, 1800000000);"
                         "INSERT INTO reviews(structure, kind, time, answer, grade) VALUES('soleus', 'fact.nerve', 1800000000, "
                         "'tibial_nerve', 'good');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  ProgressStore store(db.string(), kNow);
  EXPECT_NE(store.notice().find("migrated from schema 1 to 2"), std::string::npos) << store.notice();
  auto s = store.state({"soleus", "fact.nerve"});
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->ease, 2.4);
  EXPECT_EQ(s->lapses, 0);
  auto reviews = store.reviews();
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_FALSE(reviews[0].interval_days); // unknown before schema 2
  // The migrated database takes new answers with their intervals.
  store.record({"soleus", "fact.nerve"}, "tibial_nerve", Grade::good, kNow);
  EXPECT_DOUBLE_EQ(*store.reviews().back().interval_days, 14.0); // round(6 * 2.4)
}

TEST(ProgressStore, ANewerSchemaIsRefusedAndLeftAlone) {
  auto db = test::scratch_dir("progress_newer") / "progress.db";
  create_progress_database(db.string(), ProgressStore::kSchemaVersion);
  sqlite3* raw = nullptr;
  sqlite3_open(db.c_str(), &raw);
  sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  EXPECT_THROW(ProgressStore(db.string(), kNow), InputError);
  EXPECT_TRUE(fs::exists(db));
  EXPECT_TRUE(siblings(db, "corrupt-").empty());
}

TEST(ProgressStore, OrphansExportResetAndStreak) {
  auto dir = test::scratch_dir("progress_misc");
  auto db = dir / "progress.db";
  ProgressStore store(db.string(), kNow);
  store.record({"soleus", "point_to"}, "soleus", Grade::good, kNow - 2 * kSecondsPerDay);
  store.record({"old_muscle", "name_it"}, "with \"quotes\", commas", Grade::hard, kNow - kSecondsPerDay);
  store.record({"soleus", "point_to"}, "soleus", Grade::good, kNow);
  auto orphans = store.orphans([](const std::string& id) { return id == "soleus"; });
  ASSERT_EQ(orphans.size(), 1u);
  EXPECT_EQ(orphans[0].structure, "old_muscle");
  EXPECT_EQ(store.streak_days(kNow), 3);
  EXPECT_EQ(store.streak_days(kNow + kSecondsPerDay), 3);     // today not yet studied
  EXPECT_EQ(store.streak_days(kNow + 2 * kSecondsPerDay), 0); // a day missed
  auto json = nlohmann::json::parse(store.export_json());
  EXPECT_EQ(json["schema"], ProgressStore::kSchemaVersion);
  EXPECT_EQ(json["cards"].size(), 2u);
  EXPECT_EQ(json["reviews"].size(), 3u);
  EXPECT_EQ(json["reviews"][1]["answer"], "with \"quotes\", commas");
  std::string csv = store.export_csv();
  EXPECT_EQ(csv.rfind("structure,kind,time_utc,answer,grade,interval_days\n", 0), 0u);
  EXPECT_NE(csv.find("\"with \"\"quotes\"\", commas\""), std::string::npos) << csv;
  std::string aside = store.reset(kNow);
  EXPECT_TRUE(fs::exists(aside));
  EXPECT_TRUE(store.cards().empty());
  ProgressStore old(aside, kNow);
  EXPECT_EQ(old.reviews().size(), 3u); // the reset kept the old progress
}

TEST(ProgressStore, DefaultPathFollowsXdg) {
  auto dir = test::scratch_dir("progress_xdg");
  const char* old = std::getenv("XDG_DATA_HOME");
  std::string saved = old ? old : "";
  setenv("XDG_DATA_HOME", dir.c_str(), 1);
  EXPECT_EQ(default_progress_path(), (dir / "crus" / "progress.db").string());
  if (old) setenv("XDG_DATA_HOME", saved.c_str(), 1);
  else unsetenv("XDG_DATA_HOME");
}

} // namespace
} // namespace crus
