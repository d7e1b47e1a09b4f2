// The Quiz panel's movement and section questions (ui/quiz_panel.hpp), and
// its named commands.
#include "ui/quiz_panel.hpp"

#include "core/teaching/lesson.hpp"
#include "core/motion/kinematics.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace crus::ui {

namespace {
// Neutral to the question's angle in this many seconds, then held: slow
// enough to follow which muscles shorten.
constexpr double kPlaySeconds = 1.6;
double ease(double t) { return t * t * (3.0 - 2.0 * t); }
} // namespace

void QuizPanel::use_computed(ViewerContext& ctx) {
  // Movement questions need the viewer's motion model (absent for an atlas
  // the leg cannot be posed with); sections are cut when first asked for.
  if (ctx.motion.model && ctx.motion.muscles) bank_->use_motion(*ctx.motion.model, *ctx.motion.muscles);
}

void QuizPanel::make_sections(ViewerContext& ctx) {
  // The levels are fractions of the knee-to-ankle distance at neutral and
  // the answers come from the meshes as they stand, so the cut (once, a
  // second or so) waits until the leg is in neutral and not held by a
  // movement question.
  if (sections_made_ || holding_pose_ || !(shown_pose(ctx) == motion::Pose{})) return;
  bank_->use_sections(section_quiz_levels(*ctx.scene));
  sections_made_ = true;
}

void QuizPanel::ask_movement(ViewerContext& ctx) {
  if (!ctx.motion.model) return;
  try {
    const motion::Pose end = motion::parse_pose(*ctx.motion.model, current_->pose, "quiz movement");
    play_ = Play{{motion::Pose{}, end}, 0.0};
    holding_pose_ = true;
    ctx.motion.preview = motion::Pose{};
    ctx.motion.preview_held = true;
    ctx.motion.animating = true;
  } catch (const std::exception& e) {
    // The bank made the pose from the same model, so this is not expected;
    // the question is still answerable by its options.
    ctx.messages.push_back(std::string("Quiz: ") + e.what());
  }
}

void QuizPanel::replay(ViewerContext& ctx) {
  if (!current_ || current_->type != QuestionType::movement) return;
  ask_movement(ctx);
}

void QuizPanel::advance(ViewerContext& ctx, double dt) {
  if (!play_) return;
  play_->t = std::min(1.0, play_->t + dt / kPlaySeconds);
  ctx.motion.preview = play_->sweep.at(ease(play_->t));
  if (play_->t >= 1.0) {
    play_.reset();
    ctx.motion.animating = false; // held at the end pose: no more frames needed
  }
}

void QuizPanel::release_pose(ViewerContext& ctx) {
  play_.reset();
  if (!holding_pose_) return;
  holding_pose_ = false;
  ctx.motion.preview.reset();
  ctx.motion.preview_held = false;
  ctx.motion.animating = false;
}

void QuizPanel::ask_section(ViewerContext& ctx) {
  (void)ctx;
  const SceneSection* section = current_->section_fraction ? bank_->section_at(*current_->section_fraction) : nullptr;
  figure_.set(section);
}

void QuizPanel::light_movement_answers(ViewerContext& ctx, const std::string& answer) {
  // Every right muscle stands out: the other muscles, tendons and the skin
  // are ghosted (put back by the next question), the leg stays in the pose.
  Document& doc = *ctx.document;
  saved_visibility_ = doc.state().visibility;
  std::vector<int> ghost, show;
  for (int i = 0; i < static_cast<int>(ctx.scene->structures.size()); ++i) {
    const SceneStructure& s = ctx.scene->structures[static_cast<std::size_t>(i)];
    const bool right = std::count(current_->correct.begin(), current_->correct.end(), s.id) > 0;
    if (right) show.push_back(i);
    else if ((s.kind == StructureKind::muscle || s.kind == StructureKind::tendon || s.kind == StructureKind::skin) &&
             saved_visibility_[static_cast<std::size_t>(i)] == Visibility::shown)
      ghost.push_back(i);
  }
  doc.set_visibility(ghost, Visibility::ghosted, "Quiz: movement answer");
  doc.set_visibility(show, Visibility::shown, "Quiz: movement answer");
  // Selected: the muscle chosen when it was right, else the first right one.
  int lit = answer.empty() ? -1 : ctx.scene->index_of(answer);
  if (lit < 0) lit = ctx.scene->index_of(current_->correct.front());
  lit_.clear();
  if (lit >= 0) doc.select(lit);
  for (const auto& id : current_->correct)
    if (ctx.scene->index_of(id) >= 0) lit_ += (lit_.empty() ? "" : ", ") + bank_->display_name(id);
}

const std::vector<std::pair<std::string, QuizTopic>>& QuizPanel::topics(ViewerContext& ctx) {
  if (!topics_.empty() || !ready(ctx)) return topics_;
  using Kind = QuizTopic::Kind;
  topics_.push_back({"Everything", {}});
  for (const auto& r : bank_->regions()) topics_.push_back({"Region: " + r, {Kind::region, r, {}}});
  topics_.push_back({"Compartment: posterior (both)", {Kind::compartment, "posterior", {}}});
  for (const auto& c : bank_->compartments()) topics_.push_back({"Compartment: " + c, {Kind::compartment, c, {}}});
  for (const char* sys : {"muscles", "bones", "nerves", "trigger-points"})
    topics_.push_back({std::string("System: ") + sys, {Kind::system, sys, {}}});
  // A bundled lesson's structures; one that does not load is left out and said.
  for (const auto& file : bundled_lesson_files()) {
    try {
      const Lesson lesson = load_lesson(file);
      topics_.push_back({"Lesson: " + lesson.title, {Kind::lesson, lesson.id, lesson_structure_ids(lesson)}});
    } catch (const std::exception& e) {
      ctx.messages.push_back(std::string("Quiz topics: ") + e.what());
    }
  }
  return topics_;
}

void bind_quiz_commands(CommandRegistry& r, QuizPanel& panel, ViewerContext& ctx) {
  // Each opens the panel, so that a command from the palette shows its question.
  auto ready = [&ctx] { return ctx.knowledge && ctx.scene && ctx.scene->manifest && ctx.document; };
  auto asking = [&panel] { return panel.current() && !panel.answered(); };
  r.bind(
      "quiz.start",
      [&panel, &ctx] {
        panel.open = true;
        panel.set_types({});
        panel.start_session(ctx, 10);
      },
      ready);
  for (QuestionType type : kQuestionTypes) {
    std::string id = std::string("quiz.start_") + to_string(type);
    std::replace(id.begin(), id.end(), '-', '_');
    r.bind(
        id,
        [&panel, &ctx, type] {
          panel.open = true;
          panel.set_types({type});
          panel.start_session(ctx, 10);
        },
        type == QuestionType::movement ? std::function<bool()>([ready, &ctx] { return ready() && ctx.motion.model; })
                                       : std::function<bool()>(ready));
  }
  r.bind(
      "quiz.next", [&panel, &ctx] { panel.next(ctx); }, [&panel] { return panel.current() && panel.answered(); });
  r.bind(
      "quiz.dont_know", [&panel, &ctx] { panel.answer(ctx, ""); }, asking);
  r.bind(
      "quiz.replay", [&panel, &ctx] { panel.replay(ctx); },
      [&panel] { return panel.current() && panel.current()->type == QuestionType::movement; });
  for (std::size_t i = 0; i < 4; ++i)
    r.bind(
        "quiz.choose_" + std::to_string(i + 1), [&panel, &ctx, i] { panel.choose(ctx, i); },
        [&panel, asking, i] { return asking() && i < panel.current()->choices.size(); });
  r.bind(
      "quiz.stop", [&panel, &ctx] { panel.stop(ctx); }, [&panel] { return panel.current() != nullptr; });
}

} // namespace crus::ui
