#pragma once
// Study progress in an SQLite database, the way Anki keeps its collection:
// one row per card (its SM-2 state) and one per review (card, time, answer,
// grade, interval). Each answer is one transaction with synchronous=FULL, so
// a crash or kill loses nothing already answered. The schema carries a
// version (PRAGMA user_version) and migrates forward step by step. A file
// that is not a Crus progress database, or is corrupt, is renamed aside with
// a timestamp and a fresh one started: never overwritten or lost. Cards whose
// structure the atlas no longer has stay in the database and are reported.
#include "core/teaching/srs.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace crus {

struct ReviewRecord {
  CardKey card;
  std::int64_t time = 0;
  std::string answer;
  Grade grade = Grade::again;
  std::optional<double> interval_days; // unknown for reviews logged by schema 1
};

// $XDG_DATA_HOME/crus/progress.db, else ~/.local/share/crus/progress.db; the
// folder is created on demand.
std::string default_progress_path();

class ProgressStore {
public:
  static constexpr int kSchemaVersion = 2;

  // Opens or creates the database. Throws InputError when the file was made
  // by a newer Crus (higher schema), RuntimeError when it cannot be opened
  // or set aside.
  explicit ProgressStore(std::string path, std::int64_t now);
  ~ProgressStore();
  ProgressStore(const ProgressStore&) = delete;
  ProgressStore& operator=(const ProgressStore&) = delete;

  const std::string& path() const { return path_; }
  // What happened on opening (set aside, migrated), empty when nothing did.
  const std::string& notice() const { return notice_; }

  std::vector<ScheduledCard> cards() const;
  std::optional<CardState> state(const CardKey& card) const;
  std::vector<ReviewRecord> reviews() const;
  // Schedules the card and logs the review in one transaction.
  CardState record(const CardKey& card, const std::string& answer, Grade grade, std::int64_t now);

  // Moves the database aside ("<path>.reset-<UTC time>") and starts an empty
  // one; returns where the old one went.
  std::string reset(std::int64_t now);
  // Cards whose structure `known` rejects: kept, listed here.
  std::vector<CardKey> orphans(const std::function<bool(const std::string&)>& known) const;
  // Days in a row, ending today or yesterday, with at least one review;
  // days are counted in the time zone `utc_offset_seconds` east of UTC.
  int streak_days(std::int64_t now, std::int64_t utc_offset_seconds = 0) const;

  std::string export_json() const; // {"schema", "cards": [...], "reviews": [...]}
  std::string export_csv() const;  // the review log, one row per review

private:
  void open_or_set_aside(std::int64_t now);
  void close();

  std::string path_;
  std::string notice_;
  sqlite3* db_ = nullptr;
};

// Creates an empty database at `path` with the schema of `version`
// (1 .. kSchemaVersion), as that version of Crus wrote it: for migration
// tests and nothing else.
void create_progress_database(const std::string& path, int version);

} // namespace crus
