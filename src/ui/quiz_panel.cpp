#include "ui/quiz_panel.hpp"

#include "ui/wrapped_button.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <map>

namespace crus::ui {

namespace {

std::int64_t system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string structure_id(const ViewerContext& ctx, int index) {
  if (!ctx.scene || index < 0 || index >= static_cast<int>(ctx.scene->structures.size())) return "";
  return ctx.scene->structures[static_cast<std::size_t>(index)].id;
}

} // namespace

QuizPanel::QuizPanel(std::string progress_path, std::function<std::int64_t()> clock)
    : progress_path_(std::move(progress_path)), clock_(clock ? std::move(clock) : system_now) {
  open = false; // from the View menu
}

QuizPanel::~QuizPanel() = default;

// The bank follows the loaded knowledge base; the store opens on first use
// so that a viewer never touches the database unless the quiz is used.
bool QuizPanel::ready(ViewerContext& ctx) {
  if (!ctx.knowledge || !ctx.scene || !ctx.scene->manifest) return false;
  if (bank_knowledge_ != ctx.knowledge || !bank_) {
    bank_ = std::make_unique<QuizBank>(*ctx.knowledge, *ctx.scene->manifest, ctx.trigger_points);
    bank_knowledge_ = ctx.knowledge;
    queue_.clear();
    current_.reset();
    sections_made_ = false;
    topics_.clear();
    use_computed(ctx);
    make_sections(ctx);
  }
  if (!store_ && store_problem_.empty()) {
    try {
      store_ = std::make_unique<ProgressStore>(progress_path_.empty() ? default_progress_path() : progress_path_, clock_());
      if (!store_->notice().empty()) {
        ctx.messages.push_back(store_->notice());
        ctx.show_messages = true;
      }
    } catch (const std::exception& e) {
      store_problem_ = e.what();
    }
  }
  return store_ != nullptr;
}

void QuizPanel::start_session(ViewerContext& ctx, std::size_t count) {
  if (!ready(ctx)) return;
  QuizFilter filter;
  filter.topic = topic_;
  if (ask_point_to_) filter.types.push_back(QuestionType::point_to);
  if (ask_name_it_) filter.types.push_back(QuestionType::name_it);
  if (ask_facts_) filter.types.push_back(QuestionType::fact);
  if (ask_trigger_points_) filter.types.push_back(QuestionType::trigger_point);
  if (ask_movement_) filter.types.push_back(QuestionType::movement);
  if (ask_section_) filter.types.push_back(QuestionType::section);
  if (filter.types.empty()) return; // nothing chosen; the panel says so
  make_sections(ctx);
  // New cards in a shuffled order (the same all day), so that one
  // structure's point-to and name-it cards do not follow each other.
  auto cards = bank_->cards(filter);
  SplitMix64 order(static_cast<std::uint64_t>(clock_() / kSecondsPerDay));
  order.shuffle(cards);
  queue_ = plan_session(cards, store_->cards(), clock_(), count);
  right_ = asked_ = 0;
  started_ = true;
  ask(ctx);
}

void QuizPanel::set_types(const std::vector<QuestionType>& types) {
  auto on = [&](QuestionType t) { return types.empty() || std::count(types.begin(), types.end(), t) > 0; };
  ask_point_to_ = on(QuestionType::point_to);
  ask_name_it_ = on(QuestionType::name_it);
  ask_facts_ = on(QuestionType::fact);
  ask_trigger_points_ = on(QuestionType::trigger_point);
  ask_movement_ = on(QuestionType::movement);
  ask_section_ = on(QuestionType::section);
}

void QuizPanel::ask(ViewerContext& ctx) {
  restore_view(ctx);
  release_pose(ctx);
  ctx.motion.producers_hidden = false;
  figure_.set(nullptr);
  near_miss_.clear();
  current_.reset();
  answered_ = false;
  while (!queue_.empty() && !current_) {
    CardKey card = queue_.front();
    queue_.erase(queue_.begin());
    // A different draw for every question of every session.
    SplitMix64 rng(static_cast<std::uint64_t>(clock_()) * 1000003u + draws_++);
    current_ = bank_->make(card, rng);
  }
  if (!current_) return;
  asked_at_ = clock_();
  typed_[0] = '\0';
  Document& doc = *ctx.document;
  doc.clear_selection();
  if (current_->type == QuestionType::trigger_point) {
    // The zone, not the trigger point's marker: that would be the answer.
    saved_overlay_ = doc.state().overlay;
    Overlay overlay;
    overlay.mode = OverlayMode::trigger_point;
    overlay.target = current_->zone_trigger_point;
    overlay.colour_blind_safe = saved_overlay_->colour_blind_safe;
    overlay.zone_only = true;
    doc.set_overlay(overlay);
    // Turn the leg so the zone faces the student.
    if (const auto* tp = ctx.trigger_points ? ctx.trigger_points->find(overlay.target) : nullptr)
      if (auto centre = zone_centre(*tp); centre && ctx.camera) go_to_view(ctx, view_facing(*ctx.scene, *centre));
  }
  if (current_->type == QuestionType::point_to) {
    // A hidden or ghosted target could not be clicked (a ghost lets clicks
    // through to what is behind it): it is shown for the question.
    int target = ctx.scene->index_of(current_->card.structure);
    if (target >= 0 && doc.state().visibility[static_cast<std::size_t>(target)] != Visibility::shown) {
      saved_visibility_ = doc.state().visibility;
      doc.set_visibility({target}, Visibility::shown, "Quiz: point to");
    }
  }
  if (current_->type == QuestionType::name_it) {
    // The structure stands out: everything else is ghosted until the answer.
    int target = ctx.scene->index_of(current_->card.structure);
    saved_visibility_ = doc.state().visibility;
    std::vector<int> others;
    for (int i = 0; i < static_cast<int>(saved_visibility_.size()); ++i)
      if (i != target && saved_visibility_[static_cast<std::size_t>(i)] == Visibility::shown) others.push_back(i);
    doc.set_visibility(others, Visibility::ghosted, "Quiz: name it");
    if (target >= 0) doc.set_visibility({target}, Visibility::shown, "Quiz: name it");
    if (target >= 0) ctx.frame_request = target;
  }
  if (current_->type == QuestionType::movement) {
    // The Motion panel's ranking of a movement's producers would answer it.
    ctx.motion.producers_hidden = true;
    ask_movement(ctx);
  }
  if (current_->type == QuestionType::section) ask_section(ctx);
}

void QuizPanel::restore_view(ViewerContext& ctx) {
  if (saved_overlay_ && ctx.document) {
    ctx.document->set_overlay(*saved_overlay_);
    saved_overlay_.reset();
  }
  if (saved_visibility_.empty() || !ctx.document) return;
  std::map<Visibility, std::vector<int>> groups;
  for (int i = 0; i < static_cast<int>(saved_visibility_.size()); ++i)
    groups[saved_visibility_[static_cast<std::size_t>(i)]].push_back(i);
  for (const auto& [v, ids] : groups) ctx.document->set_visibility(ids, v, "Quiz: view back");
  saved_visibility_.clear();
}

void QuizPanel::answer(ViewerContext& ctx, const std::string& id) {
  if (!current_ || answered_ || !store_) return;
  record(ctx, id, grade_choice(*current_, id));
}

void QuizPanel::answer_typed(ViewerContext& ctx, const std::string& typed) {
  if (!current_ || answered_ || !store_) return;
  if (current_->type != QuestionType::name_it && current_->type != QuestionType::section) return;
  record(ctx, typed, grade_typed_name(*bank_, *current_, typed));
}

void QuizPanel::record(ViewerContext& ctx, const std::string& id, bool correct) {
  last_correct_ = correct;
  last_answer_ = id;
  answered_ = true;
  ctx.motion.producers_hidden = false; // answered: the producers may show again
  ++asked_;
  right_ += last_correct_ ? 1 : 0;
  const std::int64_t now = clock_();
  store_->record(current_->card, id, grade_from_answer(last_correct_, static_cast<double>(now - asked_at_)), now);
  restore_view(ctx);
  if (current_->type == QuestionType::trigger_point) {
    // Feedback: the zone with its trigger point marked.
    Overlay overlay = ctx.document->state().overlay;
    overlay.mode = OverlayMode::trigger_point;
    overlay.target = current_->zone_trigger_point;
    overlay.zone_only = false;
    if (!saved_overlay_) saved_overlay_ = ctx.document->state().overlay;
    ctx.document->set_overlay(overlay);
  }
  if (current_->type == QuestionType::point_to && !correct && !id.empty())
    near_miss_ = near_miss_relation(*ctx.scene, id, current_->card.structure, bank_->display_name(current_->card.structure),
                                    ctx.layers.empty() ? nullptr : &ctx.layers);
  if (current_->type == QuestionType::movement) {
    light_movement_answers(ctx, correct ? id : "");
    return;
  }
  // Lit on the model: the answer when it is a structure (a bone, nerve or
  // muscle), else the structure the question is about.
  lit_.clear();
  int lit = ctx.scene->index_of(current_->correct.front());
  if (current_->type == QuestionType::trigger_point && last_correct_) lit = ctx.scene->index_of(id);
  else if (lit < 0 || (current_->type != QuestionType::fact && current_->type != QuestionType::trigger_point))
    lit = ctx.scene->index_of(current_->card.structure);
  if (lit >= 0) {
    ctx.document->select(lit);
    lit_ = bank_->display_name(ctx.scene->structures[static_cast<std::size_t>(lit)].id);
  }
}

void QuizPanel::next(ViewerContext& ctx) { ask(ctx); } // ask() puts the view, overlay and pose back

void QuizPanel::stop(ViewerContext& ctx) {
  queue_.clear();
  ask(ctx); // nothing left: puts everything back and asks nothing
}

bool QuizPanel::choose(ViewerContext& ctx, std::size_t index) {
  if (!current_ || answered_ || index >= current_->choices.size()) return false;
  answer(ctx, current_->choices[index].id);
  return true;
}

void QuizPanel::draw(ViewerContext& ctx) {
  if (!ready(ctx)) {
    ImGui::TextWrapped("%s", store_problem_.empty() ? "The quiz needs the knowledge base and an atlas with a manifest."
                                                    : ("Progress cannot be kept: " + store_problem_).c_str());
    return;
  }
  advance(ctx, ImGui::GetIO().DeltaTime);
  if (current_) draw_question(ctx);
  else {
    if (asked_ > 0) ImGui::Text("Session done: %d of %d right.", right_, asked_);
    ImGui::TextUnformatted("Ask:");
    // Two to a row where they fit; with big text in a narrow panel, one.
    wrapped_checkbox("Point to", &ask_point_to_);
    same_line_if_fits_width(checkbox_width("Name it"));
    wrapped_checkbox("Name it", &ask_name_it_);
    wrapped_checkbox("Facts", &ask_facts_);
    same_line_if_fits_width(checkbox_width("Trigger points"));
    wrapped_checkbox("Trigger points", &ask_trigger_points_);
    if (ctx.motion.model) {
      wrapped_checkbox("Movement", &ask_movement_);
      same_line_if_fits_width(checkbox_width("Section"));
    } else {
      ask_movement_ = false; // an atlas the leg cannot be posed with
    }
    wrapped_checkbox("Section", &ask_section_);
    // The topic: one combo over every kind (core/teaching/quiz.hpp QuizTopic).
    std::string label = "Everything";
    for (const auto& [text, t] : topics(ctx))
      if (t.kind == topic_.kind && t.value == topic_.value) label = text;
    if (begin_wrapped_combo("##topic", "Topic: " + label, "Change...")) {
      for (const auto& [text, t] : topics(ctx))
        if (ImGui::Selectable(text.c_str(), t.kind == topic_.kind && t.value == topic_.value)) topic_ = t;
      ImGui::EndCombo();
    }
    const bool any = ask_point_to_ || ask_name_it_ || ask_facts_ || ask_trigger_points_ || ask_movement_ || ask_section_;
    if (!any) wrapped_dim("Choose at least one kind of question.");
    if (any && wrapped_button("Start a session of 10")) start_session(ctx, 10);
    if (started_ && asked_ == 0) ImGui::TextUnformatted("Nothing is due and every card has been seen.");
    if (ask_section_ && !sections_made_ && ctx.scene && !ctx.scene->structures.empty())
      wrapped_dim("Section questions are cut with the leg in neutral: reset the pose (Motion panel) to have them.");
  }
  ImGui::Separator();
  draw_dashboard(ctx);
}

void QuizPanel::draw_question(ViewerContext& ctx) {
  const Question& q = *current_;
  ImGui::TextDisabled("%s  -  %zu more after this", to_string(q.type), queue_.size());
  ImGui::TextWrapped("%s", q.prompt.c_str());
  ImGui::Spacing();
  if (q.type == QuestionType::section && figure_.section()) {
    const float w = ImGui::GetContentRegionAvail().x;
    figure_.draw(q.section_mark, answered_ ? q.card.structure : "", w, w * 0.9f);
  }
  if (q.type == QuestionType::movement) {
    if (ImGui::Button(play_ ? "Playing..." : "Play the movement again")) replay(ctx);
  }
  if (!answered_) {
    if (q.type == QuestionType::movement) {
      wrapped_dim("Click the muscle in the 3D view, or choose:");
      if (int selected = ctx.document->state().selected; selected >= 0) answer(ctx, structure_id(ctx, selected));
    }
    if (q.type == QuestionType::movement && answered_) {
      // Answered this frame by the click above: feedback below.
    } else if (q.type == QuestionType::point_to) {
      wrapped_dim("Click it in the 3D view.");
      // A click in the view selects; that selection is the answer.
      if (int selected = ctx.document->state().selected; selected >= 0) answer(ctx, structure_id(ctx, selected));
      if (!answered_ && ImGui::Button("I don't know")) answer(ctx, "");
    } else {
      if (q.type == QuestionType::name_it || q.type == QuestionType::section) {
        ImGui::SetNextItemWidth(-80.0f);
        bool enter = ImGui::InputText("##typed", typed_, sizeof typed_, ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if ((ImGui::Button("Check") || enter) && typed_[0]) answer_typed(ctx, typed_);
        if (!answered_) wrapped_dim("Type its name (English or Latin), or choose:");
      }
      for (std::size_t i = 0; i < q.choices.size() && !answered_; ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Button(q.choices[i].text.c_str(), ImVec2(-1.0f, 0.0f))) answer(ctx, q.choices[i].id);
        ImGui::PopID();
      }
    }
    if (!answered_) return; // a click this frame shows its feedback at once
  }
  const ImVec4 colour = last_correct_ ? ImVec4(0.35f, 0.85f, 0.45f, 1.0f) : ImVec4(0.95f, 0.45f, 0.35f, 1.0f);
  ImGui::TextColored(colour, "%s", last_correct_ ? "Right." : "Not quite.");
  if (q.type == QuestionType::point_to && !last_correct_ && !last_answer_.empty())
    ImGui::TextWrapped("You clicked %s.%s%s", bank_->display_name(last_answer_).c_str(), near_miss_.empty() ? "" : " ",
                       near_miss_.c_str());
  if (q.type == QuestionType::movement && !last_correct_ && bank_->knows(last_answer_))
    ImGui::TextWrapped("You chose %s.", bank_->display_name(last_answer_).c_str());
  if ((q.type == QuestionType::name_it || q.type == QuestionType::section) && !last_answer_.empty() &&
      std::none_of(q.choices.begin(), q.choices.end(), [&](const Choice& c) { return c.id == last_answer_; }))
    ImGui::TextWrapped("You typed \"%s\".", last_answer_.c_str());
  std::string right;
  for (const auto& c : q.correct) {
    std::string text = bank_->display_name(c);
    for (const auto& choice : q.choices)
      if (choice.id == c) text = choice.text;
    right += (right.empty() ? "" : "; ") + text;
  }
  ImGui::TextWrapped("%s %s", q.correct.size() > 1 ? "Right answers (any one):" : "Answer:", right.c_str());
  if (!lit_.empty()) wrapped_dim("Lit on the model: " + lit_);
  ImGui::TextWrapped("%s", q.explanation.c_str());
  wrapped_dim("Source: " + (q.citation.empty() ? q.source : q.citation));
  if (ImGui::Button(queue_.empty() ? "Finish" : "Next question")) next(ctx);
}

void QuizPanel::draw_dashboard(ViewerContext&) {
  if (!wrapped_header("Progress", ImGuiTreeNodeFlags_DefaultOpen)) return;
  const std::int64_t now = clock_();
  auto cards = store_->cards();
  std::map<CardKey, const CardState*> by_key;
  for (const auto& c : cards) by_key[c.card] = &c.state;
  // "Today" is the local calendar day, counted as crus progress counts it.
  const std::int64_t offset = local_utc_offset(now);
  const std::size_t due = count_due_today(cards, now, offset);
  const int streak = store_->streak_days(now, offset);
  ImGui::TextWrapped("Due today: %zu   Streak: %d %s", due, streak, streak == 1 ? "day" : "days");
  // Mastery as in crus progress: mean of interval / 21 days, capped at 1.
  // By system and by region (cards without a region, such as movements, count in the systems only).
  std::map<std::string, std::pair<double, int>> by_system, by_region;
  for (const auto& card : bank_->cards()) {
    auto it = by_key.find(card);
    const double value = it == by_key.end() ? 0.0 : std::min(1.0, it->second->interval_days / 21.0);
    for (auto* m : {&by_system[bank_->system_of(card)], &by_region[bank_->region_of(card)]}) {
      m->first += value;
      m->second += 1;
    }
  }
  by_region.erase("");
  for (const auto* table : {&by_system, &by_region}) {
    wrapped_dim(table == &by_system ? "Mastery by system" : "Mastery by region");
    for (const auto& [name, m] : *table) {
      float value = m.second ? static_cast<float>(m.first / m.second) : 0.0f;
      ImGui::ProgressBar(value, ImVec2(ImGui::GetContentRegionAvail().x * 0.55f, 0.0f));
      std::string shown = name; // "trigger-points": words that can wrap
      std::replace(shown.begin(), shown.end(), '-', ' ');
      same_line_if_fits(shown.c_str(), true); // a long name goes under its bar
      ImGui::TextWrapped("%s", shown.c_str());
    }
  }
  std::vector<const ScheduledCard*> weak;
  for (const auto& c : cards)
    if (c.state.reviews > 0 && bank_->knows(c.card.structure)) weak.push_back(&c);
  std::sort(weak.begin(), weak.end(), [](const ScheduledCard* a, const ScheduledCard* b) {
    if (a->state.ease != b->state.ease) return a->state.ease < b->state.ease;
    return a->state.lapses > b->state.lapses;
  });
  if (!weak.empty()) ImGui::TextUnformatted("Weakest:");
  for (std::size_t i = 0; i < weak.size() && i < 3; ++i) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s (%s)", bank_->display_name(weak[i]->card.structure).c_str(), weak[i]->card.kind.c_str());
  }
}

} // namespace crus::ui
