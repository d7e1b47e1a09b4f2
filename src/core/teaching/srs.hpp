#pragma once
// Spaced repetition with SM-2: P. A. Wozniak, "Optimization of learning",
// master's thesis, Poznan University of Technology, 1990, ch. 3.2 (the
// SuperMemo 2 algorithm; https://super-memory.com/english/ol/sm2.htm):
//   I(1) = 1 day, I(2) = 6 days, I(n) = I(n-1) * EF for n > 2;
//   EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), never below 1.3,
//   starting at 2.5, after each repetition (step 5: every answer, wrong
//   ones too, so again (q = 1) lowers EF by 0.54); a response of quality
//   q < 3 also starts the repetitions again from I(1) (step 6). Step 6's
//   "without changing the E-Factor" is read as: the restart does not reset
//   EF to 2.5; the step-5 change still applies, as the common SM-2
//   implementations do (e.g. the Dart `sm2` package, "each call adjusts
//   the ease factor up or down based on quality"). Otherwise a card missed
//   over and over would keep the ease of one never missed.
// Grades map to SM-2's qualities as Anki's buttons do: again 1, hard 3,
// good 4, easy 5. Times are whole seconds (Unix time) passed in by the
// caller, so tests drive the scheduler with a fake clock.
#include "core/teaching/quiz.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crus {

enum class Grade { again = 1, hard = 3, good = 4, easy = 5 };
const char* to_string(Grade grade); // "again", "hard", "good", "easy"
std::optional<Grade> parse_grade(const std::string& text);

struct CardState {
  int repetitions = 0;        // successful reviews in a row
  double ease = 2.5;          // SM-2's E-Factor
  double interval_days = 0.0; // 0: never reviewed
  std::int64_t due = 0;       // Unix seconds; 0: new
  int lapses = 0;             // times answered "again" after a success
  int reviews = 0;
  std::int64_t last_review = 0;
};

constexpr std::int64_t kSecondsPerDay = 86400;

// The state after answering `grade` at time `now`.
CardState schedule(const CardState& state, Grade grade, std::int64_t now);

// Plain correctness to a grade: wrong is again, right is good, right within
// `fast_seconds` is easy.
Grade grade_from_answer(bool correct, double seconds, double fast_seconds = 6.0);

struct ScheduledCard {
  CardKey card;
  CardState state;
};

// A study session of up to `count` cards: due cards first (weakest first:
// lowest ease, then most lapses, then longest overdue), then new cards in
// the order given. Cards reviewed and not yet due are left out.
std::vector<CardKey> plan_session(const std::vector<CardKey>& available, const std::vector<ScheduledCard>& known,
                                  std::int64_t now, std::size_t count);

// The local time zone's offset east of UTC at `now`, in seconds (from the C
// library's localtime_r, so it follows the user's TZ and daylight saving).
std::int64_t local_utc_offset(std::int64_t now);

// Reviewed cards due before the end of the local calendar day that contains
// `now` (the day in the zone `utc_offset_seconds` east of UTC): "due today"
// as both `crus progress` and the viewer's quiz panel show it, so the two
// never disagree.
std::size_t count_due_today(const std::vector<ScheduledCard>& cards, std::int64_t now, std::int64_t utc_offset_seconds);

} // namespace crus
