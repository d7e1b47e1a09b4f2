#pragma once
// The Quiz panel: asks the due cards of the spaced-repetition schedule (then
// new ones), takes a click on the model for point-to questions (the click
// selects a structure as usual; the panel reads the selection), options for
// name-it and fact questions, shows right or wrong with the right answer lit
// on the model, one sentence of explanation and its source, and logs each
// answer in the progress database. A small dashboard: due today, streak,
// mastery by system, weakest cards.
// Name-it takes a typed name (graded against names, Latin names and
// synonyms, small typos allowed) or an option. Trigger-point questions paint
// the referral zone without its marker (Overlay::zone_only); after the answer
// the marker shows and every right muscle is listed. Movement and section
// questions are asked in the terminal and on worksheets: the panel has no
// motion player or section view to show them.
#include "core/progress_store.hpp"
#include "core/quiz.hpp"
#include "ui/panel.hpp"

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
  // Answers the current question with a choice id or a clicked structure id.
  void answer(ViewerContext& ctx, const std::string& id);
  // Answers a name-it question with a typed name.
  void answer_typed(ViewerContext& ctx, const std::string& typed);
  void next(ViewerContext& ctx);

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
  std::string lit_; // what the feedback selected on the model
  std::vector<Visibility> saved_visibility_; // name-it ghosts the rest; put back after
  std::optional<Overlay> saved_overlay_;      // trigger-point questions paint their zone
  char typed_[128] = {};
  // Which types a session asks (the student's choice, in the panel).
  bool ask_point_to_ = true, ask_name_it_ = true, ask_facts_ = true, ask_trigger_points_ = true;
  int right_ = 0, asked_ = 0;
  bool started_ = false;
  std::uint64_t draws_ = 0;
};

} // namespace crus::ui
