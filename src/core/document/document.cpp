#include "core/document/document.hpp"

#include "core/motion/producers.hpp"

#include <algorithm>

namespace crus {

Document::Document(std::size_t structure_count) { reset(structure_count); }

void Document::reset(std::size_t structure_count) {
  state_ = DocumentState{};
  state_.visibility.assign(structure_count, Visibility::shown);
  undo_.clear();
  redo_.clear();
  hovered_ = -1;
  ++revision_;
}

void Document::apply(const std::string& name, DocumentState next) {
  if (next == state_) return;
  undo_.push_back({name, state_});
  if (undo_.size() > kMaxHistory) undo_.erase(undo_.begin());
  redo_.clear();
  state_ = std::move(next);
  ++revision_;
}

namespace {
bool valid(const DocumentState& s, int i) { return i >= 0 && static_cast<std::size_t>(i) < s.visibility.size(); }
} // namespace

void Document::select(int structure) {
  if (!valid(state_, structure)) return clear_selection();
  DocumentState next = state_;
  next.selected = structure;
  apply("Select", std::move(next));
}

void Document::clear_selection() {
  DocumentState next = state_;
  next.selected = -1;
  apply("Clear selection", std::move(next));
}

void Document::set_visibility(const std::vector<int>& structures, Visibility v, const std::string& action_name) {
  DocumentState next = state_;
  for (int i : structures)
    if (valid(next, i)) next.visibility[static_cast<std::size_t>(i)] = v;
  static const char* names[] = {"Show", "Ghost", "Hide"};
  apply(action_name.empty() ? names[static_cast<int>(v)] : action_name, std::move(next));
}

void Document::isolate(const std::vector<int>& structures) {
  DocumentState next = state_;
  std::fill(next.visibility.begin(), next.visibility.end(), Visibility::hidden);
  for (int i : structures)
    if (valid(next, i)) next.visibility[static_cast<std::size_t>(i)] = Visibility::shown;
  next.peel_layer = 0;
  apply("Isolate", std::move(next));
}

void Document::show_all() {
  DocumentState next = state_;
  std::fill(next.visibility.begin(), next.visibility.end(), Visibility::shown);
  next.peel_layer = 0;
  apply("Show all", std::move(next));
}

void Document::set_pinned(int structure, bool pinned) {
  if (!valid(state_, structure)) return;
  DocumentState next = state_;
  if (pinned) next.pinned.insert(structure);
  else next.pinned.erase(structure);
  apply(pinned ? "Pin label" : "Unpin label", std::move(next));
}

void Document::set_highlights(const Highlights& h) {
  DocumentState next = state_;
  next.highlights = h;
  apply("Highlight", std::move(next));
}

void Document::set_peel_layer(int layer) {
  DocumentState next = state_;
  next.peel_layer = std::max(0, layer);
  apply("Peel layers", std::move(next));
}

void Document::set_mirror(bool mirror) {
  DocumentState next = state_;
  next.mirror = mirror;
  apply(mirror ? "Show left leg" : "Show right leg", std::move(next));
}

void Document::set_overlay(const Overlay& overlay) {
  DocumentState next = state_;
  next.overlay = overlay;
  apply("Overlay", std::move(next));
}

bool Document::load_state(const DocumentState& state, const std::string& action_name) {
  if (state.visibility.size() != state_.visibility.size()) return false;
  apply(action_name, state);
  return true;
}

bool Document::undo() {
  if (undo_.empty()) return false;
  Step step = std::move(undo_.back());
  undo_.pop_back();
  redo_.push_back({step.name, state_});
  state_ = std::move(step.before);
  ++revision_;
  return true;
}

bool Document::redo() {
  if (redo_.empty()) return false;
  Step step = std::move(redo_.back());
  redo_.pop_back();
  undo_.push_back({step.name, state_});
  state_ = std::move(step.before);
  ++revision_;
  return true;
}

void Document::set_hovered(int structure) {
  if (structure == hovered_) return;
  hovered_ = structure;
  ++revision_;
}

void Document::set_pose(const motion::Pose& pose, const std::string& name) {
  DocumentState next = state_;
  next.pose = pose;
  apply(name, std::move(next));
}

void Document::set_colour_by_length(bool on) {
  DocumentState next = state_;
  next.colour_by_length = on;
  apply(on ? "Colour by length" : "Colours of the atlas", std::move(next));
}

void Document::set_movement(const std::optional<motion::Movement>& movement) {
  DocumentState next = state_;
  next.movement = movement;
  apply(movement ? "Producers of " + motion::to_string(*movement) : std::string("No movement's producers"), std::move(next));
}

void Document::set_annotations(const Annotations& annotations, const std::string& name) {
  DocumentState next = state_;
  next.annotations = annotations;
  apply(name, std::move(next));
}

void Document::set_section(const SectionView& section, const std::string& name) {
  DocumentState next = state_;
  next.section = section;
  next.section.fraction = std::clamp(section.fraction, 0.0, 1.0);
  next.section.tilt_deg = std::clamp(section.tilt_deg, -80.0, 80.0);
  apply(name, std::move(next));
}

} // namespace crus
