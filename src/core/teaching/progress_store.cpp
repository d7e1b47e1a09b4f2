#include "core/teaching/progress_store.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <set>

namespace crus {

namespace fs = std::filesystem;

namespace {

constexpr const char* kApplication = "crus-progress";

// Schema steps: kMigrations[v] takes a database from version v to v + 1.
// Version 1 kept the card state and the review log without the interval;
// version 2 logs each review's new interval and counts lapses per card.
const char* const kMigrations[] = {
    // 0 -> 1
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "INSERT INTO meta(key, value) VALUES('application', 'crus-progress');"
    "CREATE TABLE cards(structure TEXT NOT NULL, kind TEXT NOT NULL, repetitions INTEGER NOT NULL,"
    " ease REAL NOT NULL, interval_days REAL NOT NULL, due INTEGER NOT NULL, reviews INTEGER NOT NULL,"
    " last_review INTEGER NOT NULL, PRIMARY KEY(structure, kind));"
    "CREATE TABLE reviews(id INTEGER PRIMARY KEY, structure TEXT NOT NULL, kind TEXT NOT NULL,"
    " time INTEGER NOT NULL, answer TEXT NOT NULL, grade TEXT NOT NULL);",
    // 1 -> 2 (intervals of reviews logged before stay NULL: unknown)
    "ALTER TABLE cards ADD COLUMN lapses INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE reviews ADD COLUMN interval_days REAL;",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == ProgressStore::kSchemaVersion);

std::string utc_stamp(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

void exec(sqlite3* db, const std::string& sql, const std::string& where) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = err ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    throw RuntimeError(where + ": " + message);
  }
}

// A prepared statement that finalises itself.
class Statement {
public:
  Statement(sqlite3* db, const char* sql, const std::string& where) : where_(where) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) throw RuntimeError(where + ": " + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  // True while there is a row.
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw RuntimeError(where_ + ": " + sqlite3_errmsg(sqlite3_db_handle(stmt_)));
  }
  std::string text(int i) const {
    const unsigned char* t = sqlite3_column_text(stmt_, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  std::int64_t integer(int i) const { return sqlite3_column_int64(stmt_, i); }
  double real(int i) const { return sqlite3_column_double(stmt_, i); }
  bool null(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }

private:
  sqlite3_stmt* stmt_ = nullptr;
  std::string where_;
};

int user_version(sqlite3* db, const std::string& where) {
  Statement s(db, "PRAGMA user_version", where);
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

void migrate(sqlite3* db, int from, int to, const std::string& where) {
  for (int v = from; v < to; ++v) {
    // One transaction per step: a crash mid-migration leaves the old version.
    exec(db, "BEGIN IMMEDIATE", where);
    try {
      exec(db, kMigrations[v], where + ": migration to schema " + std::to_string(v + 1));
      exec(db, "PRAGMA user_version = " + std::to_string(v + 1), where);
      exec(db, "COMMIT", where);
    } catch (...) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }
}

sqlite3* open_raw(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw RuntimeError(path + ": cannot open progress database: " + message);
  }
  sqlite3_busy_timeout(db, 5000);
  return db;
}

// Why the file is not ours, or empty when it is (or is empty).
std::string check_ours(sqlite3* db, const std::string& path) {
  try {
    Statement check(db, "PRAGMA quick_check", path);
    if (!check.step() || check.text(0) != "ok") return "corrupt (" + check.text(0) + ")";
    Statement tables(db, "SELECT count(*) FROM sqlite_master", path);
    tables.step();
    if (tables.integer(0) == 0) return "";
    Statement meta(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'", path);
    meta.step();
    if (meta.integer(0) == 0) return "not a Crus progress database";
    Statement app(db, "SELECT value FROM meta WHERE key = 'application'", path);
    if (!app.step() || app.text(0) != kApplication) return "not a Crus progress database";
    return "";
  } catch (const RuntimeError& e) {
    return std::string("corrupt (") + sqlite3_errmsg(db) + ")";
  }
}

CardState read_state(const Statement& s, int first) {
  CardState c;
  c.repetitions = static_cast<int>(s.integer(first));
  c.ease = s.real(first + 1);
  c.interval_days = s.real(first + 2);
  c.due = s.integer(first + 3);
  c.reviews = static_cast<int>(s.integer(first + 4));
  c.last_review = s.integer(first + 5);
  c.lapses = static_cast<int>(s.integer(first + 6));
  return c;
}

constexpr const char* kCardColumns = "repetitions, ease, interval_days, due, reviews, last_review, lapses";

} // namespace

std::string default_progress_path() {
  fs::path dir;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) dir = fs::path(xdg) / "crus";
  else if (const char* home = std::getenv("HOME"); home && *home) dir = fs::path(home) / ".local" / "share" / "crus";
  else dir = fs::temp_directory_path() / "crus-data";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw RuntimeError(dir.string() + ": cannot create data folder: " + ec.message());
  return (dir / "progress.db").string();
}

ProgressStore::ProgressStore(std::string path, std::int64_t now) : path_(std::move(path)) { open_or_set_aside(now); }

ProgressStore::~ProgressStore() { close(); }

void ProgressStore::close() {
  if (db_) sqlite3_close(db_);
  db_ = nullptr;
}

void ProgressStore::open_or_set_aside(std::int64_t now) {
  if (fs::path(path_).has_parent_path()) {
    std::error_code ec;
    fs::create_directories(fs::path(path_).parent_path(), ec);
  }
  db_ = open_raw(path_);
  std::string why = check_ours(db_, path_);
  if (!why.empty()) {
    close();
    const std::string aside = path_ + "." + (why.rfind("corrupt", 0) == 0 ? "corrupt" : "foreign") + "-" + utc_stamp(now);
    std::error_code ec;
    fs::rename(path_, aside, ec);
    if (ec) throw RuntimeError(path_ + ": " + why + ", and it cannot be moved aside: " + ec.message());
    fs::rename(path_ + "-journal", aside + "-journal", ec); // a hot journal belongs with its file
    notice_ = path_ + ": " + why + "; moved it to " + aside + " and started a new progress database";
    db_ = open_raw(path_);
  }
  exec(db_, "PRAGMA synchronous = FULL", path_);
  const int version = user_version(db_, path_);
  if (version > kSchemaVersion) {
    close();
    throw InputError(path_, "progress database has schema " + std::to_string(version) + ", newer than this Crus reads (" +
                                std::to_string(kSchemaVersion) + "); update Crus");
  }
  if (version < kSchemaVersion) {
    migrate(db_, version, kSchemaVersion, path_);
    if (version > 0) {
      if (!notice_.empty()) notice_ += "; ";
      notice_ +=
          path_ + ": progress database migrated from schema " + std::to_string(version) + " to " + std::to_string(kSchemaVersion);
    }
  }
}

std::vector<ScheduledCard> ProgressStore::cards() const {
  std::vector<ScheduledCard> out;
  Statement s(db_, (std::string("SELECT structure, kind, ") + kCardColumns + " FROM cards ORDER BY structure, kind").c_str(),
              path_);
  while (s.step()) out.push_back({{s.text(0), s.text(1)}, read_state(s, 2)});
  return out;
}

std::optional<CardState> ProgressStore::state(const CardKey& card) const {
  Statement s(db_, (std::string("SELECT ") + kCardColumns + " FROM cards WHERE structure = ?1 AND kind = ?2").c_str(), path_);
  s.bind(1, card.structure).bind(2, card.kind);
  if (!s.step()) return std::nullopt;
  return read_state(s, 0);
}

std::vector<ReviewRecord> ProgressStore::reviews() const {
  std::vector<ReviewRecord> out;
  Statement s(db_, "SELECT structure, kind, time, answer, grade, interval_days FROM reviews ORDER BY id", path_);
  while (s.step()) {
    ReviewRecord r;
    r.card = {s.text(0), s.text(1)};
    r.time = s.integer(2);
    r.answer = s.text(3);
    r.grade = parse_grade(s.text(4)).value_or(Grade::again);
    if (!s.null(5)) r.interval_days = s.real(5);
    out.push_back(std::move(r));
  }
  return out;
}

CardState ProgressStore::record(const CardKey& card, const std::string& answer, Grade grade, std::int64_t now) {
  exec(db_, "BEGIN IMMEDIATE", path_);
  try {
    CardState next = schedule(state(card).value_or(CardState{}), grade, now);
    Statement up(db_,
                 (std::string("INSERT OR REPLACE INTO cards(structure, kind, ") + kCardColumns +
                  ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                     .c_str(),
                 path_);
    up.bind(1, card.structure)
        .bind(2, card.kind)
        .bind(3, std::int64_t{next.repetitions})
        .bind(4, next.ease)
        .bind(5, next.interval_days)
        .bind(6, next.due)
        .bind(7, std::int64_t{next.reviews})
        .bind(8, next.last_review)
        .bind(9, std::int64_t{next.lapses});
    up.step();
    Statement log(db_, "INSERT INTO reviews(structure, kind, time, answer, grade, interval_days) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
                  path_);
    log.bind(1, card.structure)
        .bind(2, card.kind)
        .bind(3, now)
        .bind(4, answer)
        .bind(5, std::string(to_string(grade)))
        .bind(6, next.interval_days);
    log.step();
    exec(db_, "COMMIT", path_);
    return next;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::string ProgressStore::reset(std::int64_t now) {
  close();
  const std::string aside = path_ + ".reset-" + utc_stamp(now);
  std::error_code ec;
  fs::rename(path_, aside, ec);
  if (ec) throw RuntimeError(path_ + ": cannot move the progress database aside: " + ec.message());
  notice_.clear();
  open_or_set_aside(now);
  return aside;
}

std::vector<CardKey> ProgressStore::orphans(const std::function<bool(const std::string&)>& known) const {
  std::vector<CardKey> out;
  for (const auto& c : cards())
    if (!known(c.card.structure)) out.push_back(c.card);
  return out;
}

int ProgressStore::streak_days(std::int64_t now, std::int64_t utc_offset_seconds) const {
  auto day = [&](std::int64_t t) {
    std::int64_t local = t + utc_offset_seconds;
    return local >= 0 ? local / kSecondsPerDay : -((-local + kSecondsPerDay - 1) / kSecondsPerDay);
  };
  std::set<std::int64_t> days;
  Statement s(db_, "SELECT DISTINCT time FROM reviews", path_);
  while (s.step()) days.insert(day(s.integer(0)));
  std::int64_t d = day(now);
  if (!days.count(d)) --d; // today may still come; the streak holds until tomorrow
  int streak = 0;
  while (days.count(d)) {
    ++streak;
    --d;
  }
  return streak;
}

std::string ProgressStore::export_json() const {
  nlohmann::ordered_json out;
  out["schema"] = kSchemaVersion;
  out["scheduler"] = "SM-2 (Wozniak 1990)";
  out["cards"] = nlohmann::ordered_json::array();
  for (const auto& c : cards())
    out["cards"].push_back({{"structure", c.card.structure},
                            {"kind", c.card.kind},
                            {"repetitions", c.state.repetitions},
                            {"ease", c.state.ease},
                            {"interval_days", c.state.interval_days},
                            {"due", c.state.due},
                            {"reviews", c.state.reviews},
                            {"lapses", c.state.lapses},
                            {"last_review", c.state.last_review}});
  out["reviews"] = nlohmann::ordered_json::array();
  for (const auto& r : reviews()) {
    nlohmann::ordered_json j = {{"structure", r.card.structure},
                                {"kind", r.card.kind},
                                {"time", r.time},
                                {"answer", r.answer},
                                {"grade", to_string(r.grade)}};
    j["interval_days"] = r.interval_days ? nlohmann::ordered_json(*r.interval_days) : nlohmann::ordered_json(nullptr);
    out["reviews"].push_back(std::move(j));
  }
  return out.dump(2) + "\n";
}

std::string ProgressStore::export_csv() const {
  auto quote = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) q += (c == '"') ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::string out = "structure,kind,time_utc,answer,grade,interval_days\n";
  for (const auto& r : reviews()) {
    char interval[32] = "";
    if (r.interval_days) std::snprintf(interval, sizeof interval, "%g", *r.interval_days);
    out += quote(r.card.structure) + "," + quote(r.card.kind) + "," + utc_stamp(r.time) + "," + quote(r.answer) + "," +
           to_string(r.grade) + "," + interval + "\n";
  }
  return out;
}

void create_progress_database(const std::string& path, int version) {
  if (version < 1 || version > ProgressStore::kSchemaVersion) throw InputError(path, "no such schema version");
  sqlite3* db = open_raw(path);
  try {
    migrate(db, user_version(db, path), version, path);
  } catch (...) {
    sqlite3_close(db);
    throw;
  }
  sqlite3_close(db);
}

} // namespace crus
