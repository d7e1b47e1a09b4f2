#pragma once
// The Quiz panel: asks the due cards of the spaced-repetition schedule (then
// new ones), takes a click on the model for point-to questions (the click
// selects a structure as usual; the panel reads the selection), options for
// name-it and fact questions, shows right or wrong with the right answer lit
// on the model, one sentence of explanation and its source, and logs each
// answer in the progress database. A small dashboard: due within a day,
// streak, mastery by system and by region, weakest cards. A session asks
// about one topic: everything, a region, compartment, system or a bundled
// lesson's structures.
// Name-it takes a typed name (graded against names, Latin names and
// synonyms, small typos allowed) or an option. Trigger-point questions paint
// the referral zone without its marker (Overlay::zone_only); after the answer
// the marker shows and every right muscle is listed. Movement questions
// play the action on the leg (a preview pose, from neutral to the question's
// angle, then held) and take an option or a click on a muscle; the feedback
// ghosts every other muscle so that all right answers stand out. Section
// questions draw the 2D section beside the questions (ui/section_figure)
// with the structure marked, and take a typed name or an option. A wrong
// click on a point-to question says what was clicked and where the target
// lies from it. Every action is also a named command (bind_quiz_commands).
#include "core/commands/command_registry.hpp"
#include "core/motion/sweep.hpp"
#include "core/teaching/progress_store.hpp"
#include "core/teaching/quiz.hpp"
#include "ui/panel.hpp"
#include "ui/section_figure.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace crus::ui {

class QuizPanel : public Panel {
public:
  // `progress_path` empty: the XDG data folder. `clock` gives Unix seconds
  // (tests pass a fake one).
  explicit QuizPanel(std::string progress_path = "", std::function<std::int64_t()> clock = {});
  ~QuizPanel() override;
  const char* title() const override { return "Quiz"; }
  void draw(ViewerContext& ctx) override;
  void default_placement(float& x, float& y, float& w, float& h) const override {
    x = 0.73f;
    y = 0.05f;
    w = 0.26f;
    h = 0.7f;
  }

  // The actions behind the controls, for the viewer and the tests.
  void start_session(ViewerContext& ctx, std::size_t count = 10);
  // The types a session asks; empty: all the panel can show.
  void set_types(const std::vector<QuestionType>& types);
  // What a session asks about (everything by default).
  void set_topic(const QuizTopic& topic) { topic_ = topic; }
  // The topics the panel offers: everything, each region, compartment and
  // system, and each bundled lesson's structures (label, topic).
  const std::vector<std::pair<std::string, QuizTopic>>& topics(ViewerContext& ctx);
  // Answers the current question with a choice id or a clicked structure id.
  void answer(ViewerContext& ctx, const std::string& id);
  // Answers a name-it or section question with a typed name.
  void answer_typed(ViewerContext& ctx, const std::string& typed);
  // Answers with the option at `index` (0-based, as listed); false when there is none.
  bool choose(ViewerContext& ctx, std::size_t index);
  void next(ViewerContext& ctx);
  // Ends the session: the view, overlay and pose are put back.
  void stop(ViewerContext& ctx);
  // Movement questions: plays the action again from neutral; advances it by
  // `dt` seconds (draw() does, with the frame time).
  void replay(ViewerContext& ctx);
  void advance(ViewerContext& ctx, double dt);
  bool playing() const { return play_.has_value(); }
  // The section a section question shows (null otherwise).
  const SceneSection* shown_section() const { return figure_.section(); }
  // After a wrong point-to click: where the target lies from what was clicked.
  const std::string& near_miss() const { return near_miss_; }

  const Question* current() const { return current_ ? &*current_ : nullptr; }
  bool answered() const { return answered_; }
  bool last_correct() const { return last_correct_; }
  std::size_t remaining() const { return queue_.size(); }
  ProgressStore* store() { return store_.get(); }

private:
  bool ready(ViewerContext& ctx);
  void ask(ViewerContext& ctx);
  void restore_view(ViewerContext& ctx);
  void record(ViewerContext& ctx, const std::string& answer, bool correct);
  void draw_question(ViewerContext& ctx);
  void draw_dashboard(ViewerContext& ctx);
  // quiz_panel_play.cpp: movement and section questions.
  void ask_movement(ViewerContext& ctx);
  void ask_section(ViewerContext& ctx);
  void release_pose(ViewerContext& ctx);
  void light_movement_answers(ViewerContext& ctx, const std::string& answer);
  void use_computed(ViewerContext& ctx);
  void make_sections(ViewerContext& ctx);

  std::string progress_path_;
  std::function<std::int64_t()> clock_;
  const KnowledgeBase* bank_knowledge_ = nullptr;
  std::unique_ptr<QuizBank> bank_;
  std::unique_ptr<ProgressStore> store_;
  std::string store_problem_;
  std::vector<CardKey> queue_;
  std::optional<Question> current_;
  std::int64_t asked_at_ = 0;
  bool answered_ = false;
  bool last_correct_ = false;
  std::string last_answer_;
  std::string lit_;                          // what the feedback selected on the model
  std::vector<Visibility> saved_visibility_; // name-it ghosts the rest; put back after
  std::optional<Overlay> saved_overlay_;     // trigger-point questions paint their zone
  char typed_[128] = {};
  // Which types a session asks (the student's choice, in the panel).
  bool ask_point_to_ = true, ask_name_it_ = true, ask_facts_ = true, ask_trigger_points_ = true;
  bool ask_movement_ = true, ask_section_ = true;
  bool sections_made_ = false;
  QuizTopic topic_;
  std::vector<std::pair<std::string, QuizTopic>> topics_;
  struct Play {
    motion::Sweep sweep;
    double t = 0.0; // 0..1 of the way
  };
  std::optional<Play> play_;
  bool holding_pose_ = false;
  SectionFigure figure_;
  std::string near_miss_;
  int right_ = 0, asked_ = 0;
  bool started_ = false;
  std::uint64_t draws_ = 0;
};

// Binds the quiz commands of the catalogue (quiz.start, quiz.start_<type>,
// quiz.next, quiz.dont_know, quiz.replay, quiz.choose_1 .. quiz.choose_4,
// quiz.stop) to `panel`; both must outlive the registry's use.
void bind_quiz_commands(CommandRegistry& commands, QuizPanel& panel, ViewerContext& ctx);

} // namespace crus::ui
