#include "core/teaching/srs.hpp"

#include <ctime>

#include <algorithm>
#include <cmath>
#include <map>

namespace crus {

const char* to_string(Grade grade) {
  switch (grade) {
    case Grade::again: return "again";
    case Grade::hard: return "hard";
    case Grade::good: return "good";
    case Grade::easy: return "easy";
  }
  return "?";
}

std::optional<Grade> parse_grade(const std::string& text) {
  for (Grade g : {Grade::again, Grade::hard, Grade::good, Grade::easy})
    if (text == to_string(g)) return g;
  return std::nullopt;
}

CardState schedule(const CardState& state, Grade grade, std::int64_t now) {
  CardState next = state;
  const int q = static_cast<int>(grade);
  next.reviews += 1;
  next.last_review = now;
  // Step 5 of SM-2, on every answer (srs.hpp).
  const double d = 5 - q;
  next.ease = std::max(1.3, state.ease + (0.1 - d * (0.08 + d * 0.02)));
  if (q < 3) {
    if (state.repetitions > 0) next.lapses += 1;
    next.repetitions = 0;
    next.interval_days = 1.0;
  } else {
    if (state.repetitions == 0) next.interval_days = 1.0;
    else if (state.repetitions == 1) next.interval_days = 6.0;
    // The E-Factor as this answer has just changed it (steps 4 then 2 of SM-2).
    else next.interval_days = std::round(state.interval_days * next.ease);
    next.repetitions = state.repetitions + 1;
  }
  next.due = now + static_cast<std::int64_t>(next.interval_days * kSecondsPerDay);
  return next;
}

Grade grade_from_answer(bool correct, double seconds, double fast_seconds) {
  if (!correct) return Grade::again;
  return seconds <= fast_seconds ? Grade::easy : Grade::good;
}

std::vector<CardKey> plan_session(const std::vector<CardKey>& available, const std::vector<ScheduledCard>& known,
                                  std::int64_t now, std::size_t count) {
  std::map<CardKey, const CardState*> state;
  for (const auto& k : known) state[k.card] = &k.state;
  std::vector<const ScheduledCard*> due;
  std::vector<CardKey> fresh;
  for (const auto& card : available) {
    auto it = state.find(card);
    if (it == state.end() || it->second->reviews == 0) fresh.push_back(card);
  }
  for (const auto& k : known)
    if (k.state.reviews > 0 && k.state.due <= now && std::find(available.begin(), available.end(), k.card) != available.end())
      due.push_back(&k);
  std::sort(due.begin(), due.end(), [](const ScheduledCard* a, const ScheduledCard* b) {
    if (a->state.ease != b->state.ease) return a->state.ease < b->state.ease;
    if (a->state.lapses != b->state.lapses) return a->state.lapses > b->state.lapses;
    if (a->state.due != b->state.due) return a->state.due < b->state.due;
    return a->card < b->card;
  });
  std::vector<CardKey> out;
  for (const auto* d : due)
    if (out.size() < count) out.push_back(d->card);
  for (const auto& f : fresh)
    if (out.size() < count) out.push_back(f);
  return out;
}

std::int64_t local_utc_offset(std::int64_t now) {
  std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm.tm_gmtoff;
}

std::size_t count_due_today(const std::vector<ScheduledCard>& cards, std::int64_t now, std::int64_t utc_offset_seconds) {
  // Floor division, so a zone west of UTC near the epoch still lands on the right day.
  const std::int64_t local = now + utc_offset_seconds;
  const std::int64_t day = local >= 0 ? local / kSecondsPerDay : -((-local + kSecondsPerDay - 1) / kSecondsPerDay);
  const std::int64_t end_of_today = (day + 1) * kSecondsPerDay - utc_offset_seconds;
  std::size_t due = 0;
  for (const auto& c : cards) due += c.state.reviews > 0 && c.state.due < end_of_today ? 1 : 0;
  return due;
}

} // namespace crus
