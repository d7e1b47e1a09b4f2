// SM-2 with a fake clock: intervals grow after right answers and shrink
// after lapses; a session takes due cards (weakest first), then new ones.
#include "core/teaching/srs.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace crus {
namespace {

constexpr std::int64_t kStart = 1'800'000'000; // any fixed time

TEST(Sm2, IntervalsGrowOneSixThenByEase) {
  CardState s;
  std::int64_t now = kStart;
  s = schedule(s, Grade::good, now);
  EXPECT_DOUBLE_EQ(s.interval_days, 1.0);
  EXPECT_EQ(s.due, now + kSecondsPerDay);
  now = s.due;
  s = schedule(s, Grade::good, now);
  EXPECT_DOUBLE_EQ(s.interval_days, 6.0);
  now = s.due;
  s = schedule(s, Grade::good, now);
  EXPECT_DOUBLE_EQ(s.interval_days, 15.0); // round(6 * 2.5)
  EXPECT_DOUBLE_EQ(s.ease, 2.5);           // q = 4 leaves EF unchanged
  now = s.due;
  double before = s.interval_days;
  s = schedule(s, Grade::easy, now);
  EXPECT_NEAR(s.ease, 2.6, 1e-9);
  EXPECT_GT(s.interval_days, before);
  EXPECT_EQ(s.reviews, 4);
}

TEST(Sm2, LapseShrinksTheIntervalAndLowersTheEase) {
  CardState s;
  std::int64_t now = kStart;
  for (int i = 0; i < 4; ++i) {
    s = schedule(s, Grade::good, now);
    now = s.due;
  }
  ASSERT_GT(s.interval_days, 10.0);
  double ease = s.ease;
  s = schedule(s, Grade::again, now);
  EXPECT_DOUBLE_EQ(s.interval_days, 1.0);
  EXPECT_EQ(s.repetitions, 0);
  EXPECT_EQ(s.lapses, 1);
  // SM-2 step 5 with q = 1: EF + 0.1 - 4 * (0.08 + 4 * 0.02) = EF - 0.54.
  EXPECT_NEAR(s.ease, ease - 0.54, 1e-9);
  EXPECT_EQ(s.due, now + kSecondsPerDay);
  // Relearnt after the lapse: 1 day, 6 days, then by the lowered ease, so
  // the third interval is shorter than it was before the lapse.
  const double lowered = s.ease;
  for (int i = 0; i < 3; ++i) {
    now = s.due;
    s = schedule(s, Grade::good, now);
  }
  EXPECT_DOUBLE_EQ(s.interval_days, std::round(6.0 * lowered));
  EXPECT_LT(s.interval_days, 15.0);
}

TEST(Sm2, RepeatedLapsesStopAtTheFloor) {
  CardState s;
  for (int i = 0; i < 5; ++i) s = schedule(s, Grade::again, kStart + i * kSecondsPerDay);
  EXPECT_DOUBLE_EQ(s.ease, 1.3);
  EXPECT_EQ(s.lapses, 0); // never right, so never lapsed
  EXPECT_DOUBLE_EQ(s.interval_days, 1.0);
}

TEST(Sm2, HardLowersTheEaseButNeverBelowTheFloor) {
  CardState s;
  for (int i = 0; i < 30; ++i) s = schedule(s, Grade::hard, kStart + i);
  EXPECT_DOUBLE_EQ(s.ease, 1.3);
  CardState t = schedule(CardState{}, Grade::hard, kStart);
  EXPECT_NEAR(t.ease, 2.36, 1e-9); // 2.5 + 0.1 - 2 * (0.08 + 2 * 0.02)
}

TEST(Sm2, GradesFromAnswers) {
  EXPECT_EQ(grade_from_answer(false, 1.0), Grade::again);
  EXPECT_EQ(grade_from_answer(true, 2.0), Grade::easy);
  EXPECT_EQ(grade_from_answer(true, 20.0), Grade::good);
  EXPECT_EQ(parse_grade("hard"), Grade::hard);
  EXPECT_FALSE(parse_grade("meh"));
}

TEST(Session, DueCardsWeakestFirstThenNewOnes) {
  std::vector<CardKey> available = {
      {"a", "point_to"}, {"b", "point_to"}, {"c", "point_to"}, {"d", "point_to"}, {"e", "point_to"}};
  std::vector<ScheduledCard> known;
  CardState strong = schedule(schedule(CardState{}, Grade::easy, kStart), Grade::easy, kStart + kSecondsPerDay);
  CardState weak = schedule(schedule(CardState{}, Grade::hard, kStart), Grade::hard, kStart + kSecondsPerDay);
  CardState later = schedule(CardState{}, Grade::good, kStart + 10 * kSecondsPerDay);
  known.push_back({{"a", "point_to"}, strong});
  known.push_back({{"b", "point_to"}, weak});
  known.push_back({{"c", "point_to"}, later}); // not due yet
  std::int64_t now = kStart + 30 * kSecondsPerDay;
  auto plan = plan_session(available, known, kStart + 8 * kSecondsPerDay, 10);
  ASSERT_EQ(plan.size(), 4u);
  EXPECT_EQ(plan[0].structure, "b"); // weaker due card first
  EXPECT_EQ(plan[1].structure, "a");
  EXPECT_EQ(plan[2].structure, "d"); // then the new ones
  EXPECT_EQ(plan[3].structure, "e");
  EXPECT_EQ(plan_session(available, known, now, 2).size(), 2u);
}

TEST(DueToday, EndsAtLocalMidnightNotTwentyFourHoursOn) {
  // 2027-01-15 20:00 UTC; in a zone 5 h west of UTC that is 15:00 local, so
  // "today" ends at 05:00 UTC the next morning, nine hours on.
  const std::int64_t now = 1'800'000'000 - 1'800'000'000 % kSecondsPerDay + 20 * 3600;
  const std::int64_t west = -5 * 3600;
  auto card = [](std::int64_t due, int reviews) {
    ScheduledCard c;
    c.card = {"soleus", "name"};
    c.state.due = due;
    c.state.reviews = reviews;
    return c;
  };
  std::vector<ScheduledCard> cards = {
      card(now - 3600, 1),      // overdue
      card(now + 8 * 3600, 1),  // 04:00 UTC: still today, locally
      card(now + 10 * 3600, 1), // 06:00 UTC: tomorrow locally, though within 24 h
      card(now + 3600, 0),      // new, never reviewed: not due
  };
  EXPECT_EQ(count_due_today(cards, now, west), 2u);
  // At UTC, today ends four hours on: the 04:00 card is tomorrow's.
  EXPECT_EQ(count_due_today(cards, now, 0), 1u);
  // Fourteen hours east it is already 10:00 the next day, and that day ends
  // fourteen hours on: all three reviewed cards are due.
  EXPECT_EQ(count_due_today(cards, now, 14 * 3600), 3u);
}

} // namespace
} // namespace crus
