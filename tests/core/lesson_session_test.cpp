// Stepping and editing a lesson headless, as the Lesson panel and presenter
// mode do, and saving what the editor made.
#include "core/error.hpp"
#include "core/teaching/lesson.hpp"
#include "core/teaching/lesson_session.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

using namespace crus;

TEST(LessonSession, StepsStopAtTheEnds) {
  LessonSession s;
  s.open(load_lesson(resolve_lesson("triceps_surae", "LESSON")), "");
  ASSERT_EQ(s.current(), 0);
  EXPECT_FALSE(s.previous());
  int moves = 0;
  while (s.next()) ++moves;
  EXPECT_EQ(moves, s.count() - 1);
  EXPECT_EQ(s.current(), s.count() - 1);
  EXPECT_FALSE(s.next());
  EXPECT_TRUE(s.go_to(2));
  EXPECT_EQ(s.step()->caption, s.lesson().steps[2].caption);
  EXPECT_FALSE(s.go_to(99));
  EXPECT_FALSE(s.dirty()); // moving is not editing
}

TEST(LessonSession, EditAndSaveRoundTrip) {
  LessonSession s;
  s.start_new("Calf in three views");
  EXPECT_EQ(s.current(), -1);
  const std::string path = (crus::test::scratch_dir("lesson_session") / "mine.json").string();
  EXPECT_THROW(s.save(path), InputError); // no steps yet
  SceneSpec a, b, c;
  a.view = AnatomicalView::anterior;
  b.view = AnatomicalView::posterior;
  c.view = AnatomicalView::lateral;
  c.selected = "soleus";
  s.add_step(a, "Front");
  s.add_step(b, "Back");
  s.add_step(c, "Side");
  EXPECT_EQ(s.current(), 2);
  EXPECT_TRUE(s.move_up()); // Side before Back
  EXPECT_EQ(s.lesson().steps[1].caption, "Side");
  EXPECT_TRUE(s.duplicate()); // Front, Side, Side, Back
  s.set_caption("Side again");
  s.set_notes("Point at the soleus.");
  EXPECT_TRUE(s.go_to(3));
  EXPECT_TRUE(s.remove()); // Back gone
  EXPECT_EQ(s.count(), 3);
  EXPECT_EQ(s.current(), 2);
  EXPECT_FALSE(s.move_down());
  s.go_to(1);
  s.set_caption("");
  EXPECT_THROW(s.save(path), InputError); // an empty caption would not open again
  s.set_caption("Side");
  ASSERT_TRUE(s.dirty());
  s.save(path);
  EXPECT_FALSE(s.dirty());
  const Lesson back = load_lesson(path);
  ASSERT_EQ(back.steps.size(), 3u);
  EXPECT_EQ(back.steps[0].caption, "Front");
  EXPECT_EQ(back.steps[1].caption, "Side");
  EXPECT_EQ(back.steps[2].caption, "Side again");
  EXPECT_EQ(back.steps[2].notes, "Point at the soleus.");
  EXPECT_EQ(back.steps[2].scene.selected, "soleus");
  EXPECT_EQ(back, s.lesson());
}
