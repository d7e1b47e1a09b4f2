// Question types whose answers are computed rather than read: movement
// (muscle lengths and moment arms of the motion model) and section (what a
// plane through the atlas cuts). Nothing here is written down per muscle: a
// change in the model or the meshes changes the answers with it.
#include "core/motion/musculotendon.hpp"
#include "core/motion/producers.hpp"
#include "core/teaching/quiz.hpp"
#include "core/document/scene.hpp"
#include "core/publish/section_page.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

namespace crus {

namespace {

std::string lower_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

std::string fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// Shared with quiz.cpp's draw(): each tier shuffled, tier 1 first, no repeats.
std::vector<Choice> draw_distractors(SplitMix64& rng, std::vector<Choice> near, std::vector<Choice> far, std::size_t want) {
  rng.shuffle(near);
  rng.shuffle(far);
  std::vector<Choice> out;
  for (auto* tier : {&near, &far})
    for (const auto& c : *tier) {
      if (out.size() >= want) return out;
      if (std::none_of(out.begin(), out.end(), [&](const Choice& o) { return o.id == c.id || o.text == c.text; }))
        out.push_back(c);
    }
  return out;
}

bool place_right(Question& q, SplitMix64& rng, const Choice& right, std::vector<Choice> distractors) {
  if (distractors.empty()) return false;
  distractors.push_back(right);
  rng.shuffle(distractors);
  q.choices = std::move(distractors);
  return true;
}

constexpr std::size_t kDistractors = 3;
// "Shortens most": a muscle within this of the largest shortening is also
// right (the model cannot tell them apart); a distractor shortens at least
// kClearMm and at least half the largest shortening less, so that it is
// clearly wrong (a muscle shortening nearly as much is offered as neither).
constexpr double kTieMm = 1.0;
constexpr double kClearMm = 3.0;
// A moment arm smaller than this (either way) is neither a producer nor a
// clear antagonist: such muscles are never offered.
constexpr double kMomentArmM = 0.001;
// A marked structure must be large enough to see on a printed section.
constexpr double kMinSectionAreaM2 = 20e-6;

// The pose a movement question plays: half of the published range in the
// movement's direction (knee flexion 60, plantarflexion 20, dorsiflexion 15,
// inversion and eversion 10, toe flexion and extension 15 degrees).
std::optional<double> movement_angle(const motion::MotionModel& model, const motion::Movement& m) {
  const auto& info = model.info(m.coordinate);
  const double end = m.direction > 0 ? info.max_deg : info.min_deg;
  if (end * m.direction <= 0.0) return std::nullopt; // knee extension: neutral is the end of the range
  return std::round(end * 0.5);
}

motion::Pose pose_for(const motion::Movement& m, double angle) {
  motion::Pose pose;
  pose[m.coordinate] = angle;
  return pose;
}

// Even-odd rule over every loop of the cut (plane frame).
bool point_in_section(const MeshSection& s, const glm::dvec2& p) {
  bool in = false;
  for (const auto& loop : s.loops)
    for (std::size_t a = 0, b = loop.points.size() - 1; a < loop.points.size(); b = a++) {
      const glm::dvec2& u = loop.points[a];
      const glm::dvec2& v = loop.points[b];
      if ((u.y > p.y) != (v.y > p.y) && p.x < (v.x - u.x) * (p.y - u.y) / (v.y - u.y) + u.x) in = !in;
    }
  return in;
}

} // namespace

AnatomicalView view_facing(const Scene& scene, const glm::vec3& point) {
  glm::vec3 axis = (scene.box.min + scene.box.max) * 0.5f;
  if (const auto* tibia = scene.find("tibia")) axis = (tibia->box.min + tibia->box.max) * 0.5f;
  const glm::vec3 d = point - axis;
  // Model frame: +X anterior, +Z lateral (right leg).
  if (std::abs(d.x) >= std::abs(d.z)) return d.x >= 0.0f ? AnatomicalView::anterior : AnatomicalView::posterior;
  return d.z >= 0.0f ? AnatomicalView::lateral : AnatomicalView::medial;
}

std::string near_miss_relation(const Scene& scene, const std::string& clicked, const std::string& target,
                               const std::string& target_name, const std::vector<int>* layers) {
  const SceneStructure* a = scene.find(clicked);
  const SceneStructure* b = scene.find(target);
  auto extent = [](const Aabb& box) { return box.valid() && glm::length(box.size()) > 0.0f; };
  if (!a || !b || clicked == target || !extent(a->box) || !extent(b->box)) return "";
  const glm::vec3 ca = (a->box.min + a->box.max) * 0.5f;
  const glm::vec3 cb = (b->box.min + b->box.max) * 0.5f;
  const glm::vec3 d = cb - ca;
  // Model frame: +X anterior, +Y up, +Z lateral (core/document/scene.hpp).
  const float overlap_y = std::min(a->box.max.y, b->box.max.y) - std::max(a->box.min.y, b->box.min.y);
  std::string where;
  // How much of the smaller box the two share.
  const glm::vec3 shared = glm::max(glm::min(a->box.max, b->box.max) - glm::max(a->box.min, b->box.min), glm::vec3(0.0f));
  const glm::vec3 sa = a->box.size(), sb = b->box.size();
  const float smaller = std::min(sa.x * sa.y * sa.z, sb.x * sb.y * sb.z);
  const float share = smaller > 0.0f ? shared.x * shared.y * shared.z / smaller : 0.0f;
  const int ia = scene.index_of(clicked), ib = scene.index_of(target);
  const int la = layers && ia < static_cast<int>(layers->size()) ? (*layers)[static_cast<std::size_t>(ia)] : 0;
  const int lb = layers && ib < static_cast<int>(layers->size()) ? (*layers)[static_cast<std::size_t>(ib)] : 0;
  if (share > 0.25f && la > 0 && lb > 0 && la != lb) {
    where = lb > la ? "deep to it" : "superficial to it";
  } else if (overlap_y > 0.0f) {
    if (std::abs(d.x) >= std::abs(d.z)) where = d.x >= 0.0f ? "in front of it" : "behind it";
    else where = d.z >= 0.0f ? "lateral to it" : "medial to it";
  } else {
    where = d.y >= 0.0f ? "above it" : "below it";
  }
  // Gap between the boxes (0 when they overlap).
  glm::vec3 gap(0.0f);
  for (int i = 0; i < 3; ++i) gap[i] = std::max(0.0f, std::max(a->box.min[i] - b->box.max[i], b->box.min[i] - a->box.max[i]));
  const float metres = glm::length(gap);
  std::string name = target_name.empty() ? b->name : target_name;
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  if (metres <= 0.005f) return name + " lies just " + where + ".";
  return name + " lies " + where + ", about " + fixed1(metres * 100.0) + " cm away.";
}

std::optional<glm::vec3> zone_centre(const TriggerPoint& tp) {
  if (tp.essential.shapes.empty()) return std::nullopt;
  const auto& s = tp.essential.shapes.front();
  return s.kind == ShapeKind::ellipsoid ? s.centre : (s.a + s.b) * 0.5f;
}

std::vector<SceneSection> section_quiz_levels(const Scene& scene) {
  std::vector<SceneSection> out;
  for (double f : QuizBank::section_levels()) {
    try {
      out.push_back(section_scene(scene, section_plane_for(std::to_string(std::lround(f * 100.0)) + "%", 0.0, scene)));
    } catch (const std::exception&) {
      // An atlas without joint centres, or one this level misses: no questions there.
    }
  }
  return out;
}

void QuizBank::use_motion(const motion::MotionModel& model, const motion::MuscleSet& muscles) {
  motion_ = &model;
  muscles_ = &muscles;
}

void QuizBank::use_sections(std::vector<SceneSection> levels) { sections_ = std::move(levels); }

const SceneSection* QuizBank::section_at(double fraction) const {
  for (const auto& s : sections_)
    if (s.plane.fraction && std::abs(*s.plane.fraction - fraction) < 1e-9) return &s;
  return nullptr;
}

bool QuizBank::knows_movement(const std::string& movement) const {
  return motion_ && motion::parse_movement(*motion_, movement).has_value();
}

void QuizBank::add_computed_cards(const std::function<void(const std::string&, const std::string&)>& add) const {
  if (motion_)
    for (const auto& m : motion::all_movements()) {
      if (!movement_angle(*motion_, m)) continue;
      const std::string name = motion::to_string(*motion_, m);
      add(name, "movement.shortens");
      add(name, "movement.produces");
    }
  if (!sections_.empty())
    for (const auto& e : kb_.entries)
      if (entry(e.id) && largest_cut(e.id, nullptr)) add(e.id, "section");
}

const StructureSection* QuizBank::largest_cut(const std::string& id, const SceneSection** level) const {
  const StructureSection* best = nullptr;
  for (const auto& s : sections_) {
    const StructureSection* cut = s.find(id);
    if (!cut || !s.plane.fraction || cut->measure.area_m2 < kMinSectionAreaM2) continue;
    if (!best || cut->measure.area_m2 > best->measure.area_m2) {
      best = cut;
      if (level) *level = &s;
    }
  }
  return best;
}

std::optional<Question> QuizBank::make_movement(const CardKey& card, SplitMix64& rng) const {
  if (!motion_ || !muscles_) return std::nullopt;
  auto movement = motion::parse_movement(*motion_, card.structure);
  if (!movement) return std::nullopt;
  auto angle = movement_angle(*motion_, *movement);
  if (!angle) return std::nullopt;
  Question q;
  q.card = card;
  q.type = QuestionType::movement;
  const int whole = static_cast<int>(*angle); // movement_angle() rounds
  q.pose = std::string(motion::to_string(movement->coordinate)) + "=" + std::to_string(whole);
  q.source = "motion";
  q.citation = muscles_->source;
  const std::string what = card.structure;
  const std::string degrees = std::to_string(std::abs(whole));
  std::vector<Choice> near, far;
  Choice right;

  if (card.kind == "movement.shortens") {
    auto states = motion::muscle_states(*motion_, *muscles_, pose_for(*movement, *angle));
    double most = 0.0;
    for (std::size_t i = 0; i < states.size(); ++i)
      if (entry(muscles_->muscles[i].id)) most = std::min(most, states[i].change_mm);
    if (most > -1.5) return std::nullopt; // nothing shortens clearly
    std::vector<std::pair<double, std::string>> shortest;
    for (std::size_t i = 0; i < states.size(); ++i) {
      const std::string& id = muscles_->muscles[i].id;
      if (!entry(id)) continue;
      const double change = states[i].change_mm;
      if (change <= most + kTieMm) {
        q.correct.push_back(id);
        shortest.push_back({change, id});
      } else if (change >= most + std::max(kClearMm, 0.5 * -most)) {
        // Muscles that also shorten are the plausible wrong answers.
        (change < 0.0 ? near : far).push_back({id, entry(id)->name});
      }
    }
    std::sort(shortest.begin(), shortest.end());
    right = {shortest.front().second, entry(shortest.front().second)->name};
    q.prompt =
        "Starting from neutral, the leg is moved to " + degrees + " degrees of " + what + ". Which muscle shortens the most?";
    std::string names;
    for (const auto& [change, id] : shortest)
      names += (names.empty() ? "the " : " and the ") + lower_first(entry(id)->name) + " (" + fixed1(-change) + " mm)";
    q.explanation = "Along the muscle paths of the motion model, " + names + " shorten" + (shortest.size() == 1 ? "s" : "") +
                    " the most between neutral and " + degrees + " degrees of " + what + ".";
  } else if (card.kind == "movement.produces") {
    const motion::Pose neutral;
    auto ranking = motion::rank_producers(*motion_, *muscles_, neutral, *movement, kMomentArmM);
    std::vector<const motion::Producer*> producers;
    for (const auto& p : ranking.ranked)
      if (entry(p.muscle)) producers.push_back(&p);
    for (const auto& p : ranking.without_parameters)
      if (entry(p.muscle)) producers.push_back(&p);
    if (producers.empty()) return std::nullopt;
    for (const auto* p : producers) q.correct.push_back(p->muscle);
    // Wrong: clear antagonists, whose moment arm points the other way.
    auto states = motion::muscle_states(*motion_, *muscles_, neutral);
    const auto c = static_cast<std::size_t>(movement->coordinate);
    for (std::size_t i = 0; i < states.size(); ++i) {
      const std::string& id = muscles_->muscles[i].id;
      if (entry(id) && !contains(q.correct, id) && states[i].moment_arm_m[c] * movement->direction <= -kMomentArmM)
        near.push_back({id, entry(id)->name});
    }
    const auto* pick = producers[rng.below(producers.size())];
    right = {pick->muscle, entry(pick->muscle)->name};
    q.prompt = "Which of these muscles produces " + what + " (from neutral to " + degrees + " degrees)?";
    std::string names;
    for (std::size_t i = 0; i < producers.size() && i < 3; ++i)
      names += (i == 0 ? "the " : (i + 1 == std::min<std::size_t>(producers.size(), 3) ? " and the " : ", the ")) +
               lower_first(entry(producers[i]->muscle)->name);
    q.explanation = "At neutral, " + std::to_string(producers.size()) + " muscles of the model have a moment arm for " + what +
                    "; the strongest are " + names + ".";
  } else {
    return std::nullopt;
  }
  if (!place_right(q, rng, right, draw_distractors(rng, near, far, kDistractors))) return std::nullopt;
  return q;
}

std::optional<Question> QuizBank::make_section(const KnowledgeEntry& e, const CardKey& card, SplitMix64& rng) const {
  const SceneSection* level = nullptr;
  const StructureSection* cut = largest_cut(e.id, &level);
  if (!cut || !level) return std::nullopt;
  Question q;
  q.card = card;
  q.type = QuestionType::section;
  q.correct = {e.id};
  q.accepted = accepted_names(e.id);
  q.section_fraction = level->plane.fraction;
  q.section_mark = label_anchor(cut->section);
  // Where the atlas lets two structures overlap (a nerve still running inside
  // a muscle), the mark would name both: no fair question there.
  for (const StructureSection& other : level->structures)
    if (other.id != e.id && other.kind != StructureKind::skin && point_in_section(other.section, q.section_mark))
      return std::nullopt;
  const std::string percent = std::to_string(static_cast<int>(std::lround(*level->plane.fraction * 100.0))) + "%";
  q.prompt = "Name the structure marked in this section, " + percent + " of the way from the knee to the ankle.";
  q.explanation = "At " + percent + " of the way down the leg the mark lies in the " + lower_first(e.name) + " (" +
                  fixed1(cut->measure.area_m2 * 1e6) + " square mm cut), a " + e.kind +
                  (e.compartment ? " of the " + *e.compartment + " compartment" : "") + ".";
  cite(q, e, "name");
  // Wrong: other structures the same plane cuts (what the student sees
  // beside it), same system first; never a name the grader would accept.
  std::vector<Choice> near, far;
  for (const auto& other : level->structures) {
    const auto* o = entry(other.id);
    if (!o || o->id == e.id || other.measure.area_m2 < kMinSectionAreaM2) continue;
    const std::string n = normalise_answer(o->name);
    if (std::any_of(q.accepted.begin(), q.accepted.end(), [&](const std::string& a) {
          const std::string t = normalise_answer(a);
          return bounded_edit_distance(n, t, typo_allowance(t.size())) <= typo_allowance(t.size());
        }))
      continue;
    (system_of({o->id, ""}) == system_of({e.id, ""}) ? near : far).push_back({o->id, o->name});
  }
  if (!place_right(q, rng, {e.id, e.name}, draw_distractors(rng, near, far, kDistractors))) return std::nullopt;
  return q;
}

} // namespace crus
