// Lesson step actions: parsed and saved with the lesson, located faults, a
// timeline that lights each structure in turn and eases the leg from one
// pose to the other, and bundled lessons that use them.
#include "core/error.hpp"
#include "core/teaching/lesson.hpp"
#include "core/teaching/lesson_action.hpp"

#include <gtest/gtest.h>

using namespace crus;

namespace {

std::string lesson_with(const std::string& action) {
  return R"({"format": "crus-lesson", "version": 2, "id": "t", "title": "T", "summary": "S",
  "steps": [{"scene": {"view": "posterior"}, "caption": "C", "notes": "",
             "action": )" +
         action + "}]}";
}

std::string fault(const std::string& action) {
  try {
    parse_lesson(lesson_with(action), "a.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "accepted";
}

} // namespace

TEST(LessonAction, ParsesAndRoundTrips) {
  Lesson l = parse_lesson(lesson_with(R"({"highlight": ["gastrocnemius_medial_head", "soleus"], "seconds_each": 1.5,
      "movement": {"from": {"ankle": 20}, "to": {"ankle": -30, "knee": 10}, "seconds": 3}})"),
                          "a.json");
  ASSERT_TRUE(l.steps[0].action);
  const StepAction& a = *l.steps[0].action;
  EXPECT_EQ(a.highlight, (std::vector<std::string>{"gastrocnemius_medial_head", "soleus"}));
  EXPECT_DOUBLE_EQ(a.seconds_each, 1.5);
  ASSERT_TRUE(a.movement);
  EXPECT_DOUBLE_EQ(a.movement->from.ankle_deg, 20.0);
  EXPECT_DOUBLE_EQ(a.movement->to.knee_deg, 10.0);
  EXPECT_EQ(parse_lesson(lesson_to_json(l), "again.json"), l);
  EXPECT_EQ(lesson_structure_ids(l), (std::vector<std::string>{"gastrocnemius_medial_head", "soleus"}));
}

TEST(LessonAction, FaultsAreLocated) {
  EXPECT_NE(fault("{}").find("steps[0].action: an action needs"), std::string::npos);
  EXPECT_NE(fault(R"({"highlight": []})").find("steps[0].action.highlight"), std::string::npos);
  EXPECT_NE(fault(R"({"highlight": ["soleus"], "seconds_each": 0})").find("seconds_each: 0 is out of range"), std::string::npos);
  EXPECT_NE(fault(R"({"movement": {"from": {"hip": 10}, "to": {}}})").find("steps[0].action.movement.from"), std::string::npos);
  EXPECT_NE(fault(R"({"movement": {"from": {"knee": 500}, "to": {}}})").find("movement.from.knee: 500 is out of range"),
            std::string::npos);
  EXPECT_NE(fault(R"({"highlight": ["soleus"], "play": true})").find("steps[0].action"), std::string::npos);
}

TEST(LessonAction, TimelineLightsEachInTurnAndEasesThePose) {
  StepAction a;
  a.highlight = {"tibialis_anterior", "extensor_digitorum_longus", "extensor_hallucis_longus"};
  a.seconds_each = 1.0;
  a.movement = StepMovement{motion::Pose{0, -20, 0, 0}, motion::Pose{0, 20, 0, 0}, 2.0};
  EXPECT_DOUBLE_EQ(action_duration(a), 3.0);
  EXPECT_EQ(action_frame(a, 0.1).lit, "tibialis_anterior");
  EXPECT_EQ(action_frame(a, 1.5).lit, "extensor_digitorum_longus");
  EXPECT_EQ(action_frame(a, 2.9).lit_index, 2);
  EXPECT_EQ(action_frame(a, 3.1).lit, "");
  EXPECT_FALSE(action_frame(a, 3.1).running);
  EXPECT_TRUE(action_frame(a, 2.5).running);
  EXPECT_DOUBLE_EQ(action_frame(a, 0.0).pose->ankle_deg, -20.0);
  EXPECT_DOUBLE_EQ(action_frame(a, 1.0).pose->ankle_deg, 0.0);         // halfway, eased symmetrically
  EXPECT_LT(action_frame(a, 0.2).pose->ankle_deg, -20.0 + 40.0 * 0.1); // slow start
  EXPECT_DOUBLE_EQ(action_frame(a, 2.5).pose->ankle_deg, 20.0);        // holds its end
}

TEST(LessonAction, AtLeastTwoBundledLessonsUseActions) {
  int with_highlight = 0, with_movement = 0, lessons = 0;
  for (const std::string& file : bundled_lesson_files()) {
    const Lesson l = load_lesson(file);
    bool any = false;
    for (const LessonStep& s : l.steps) {
      if (!s.action) continue;
      any = true;
      with_highlight += s.action->highlight.empty() ? 0 : 1;
      with_movement += s.action->movement ? 1 : 0;
    }
    lessons += any ? 1 : 0;
  }
  EXPECT_GE(lessons, 2);
  EXPECT_GE(with_highlight, 2);
  EXPECT_GE(with_movement, 1);
}
