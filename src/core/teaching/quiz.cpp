// Question generation: which cards exist, and for each card a prompt, the
// right answer(s) and distractors that are plausible (same kind, same joint,
// same region first) but never also right.
#include "core/teaching/quiz.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace crus {

namespace {

std::string lower_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}
std::string upper_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}
std::string the(const KnowledgeEntry& e) { return "the " + lower_first(e.name); }

std::string join(const std::vector<std::string>& items, const std::string& last_sep = " and ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? last_sep : ", ";
    out += items[i];
  }
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// First word of a joint, lower case: "ankle (talocrural)" -> "ankle".
std::string joint_slug(const std::string& joint) {
  std::string out;
  for (char c : joint) {
    if (!std::isalnum(static_cast<unsigned char>(c))) break;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Draws up to `want` items, all of tier 1 before any of tier 2, each tier
// shuffled; the tiers must already be free of right answers.
std::vector<Choice> draw(SplitMix64& rng, std::vector<Choice> tier1, std::vector<Choice> tier2, std::size_t want) {
  rng.shuffle(tier1);
  rng.shuffle(tier2);
  std::vector<Choice> out;
  for (auto* tier : {&tier1, &tier2})
    for (const auto& c : *tier) {
      if (out.size() >= want) return out;
      bool seen = std::any_of(out.begin(), out.end(), [&](const Choice& o) { return o.id == c.id || o.text == c.text; });
      if (!seen) out.push_back(c);
    }
  return out;
}

// Puts the right choice among the distractors at a random place. A question
// needs at least one distractor.
bool finish_choices(Question& q, SplitMix64& rng, Choice right, std::vector<Choice> distractors) {
  if (distractors.empty()) return false;
  distractors.push_back(std::move(right));
  rng.shuffle(distractors);
  q.choices = std::move(distractors);
  return true;
}

constexpr std::size_t kDistractors = 3;

// Words of bone names that say nothing about which bone is meant.
const std::set<std::string> kGenericWords = {"medial", "lateral", "intermediate", "first", "second", "third", "fourth",
                                             "fifth",  "great",   "little",       "toe",   "bone",   "the",   "of"};

std::string normalise(const std::string& text) { return normalise_answer(text); }

} // namespace

const char* to_string(QuestionType type) {
  switch (type) {
    case QuestionType::point_to: return "point-to";
    case QuestionType::name_it: return "name-it";
    case QuestionType::fact: return "facts";
    case QuestionType::trigger_point: return "trigger-point";
    case QuestionType::movement: return "movement";
    case QuestionType::section: return "section";
  }
  return "?";
}

std::optional<QuestionType> parse_question_type(const std::string& text) {
  for (QuestionType t : kQuestionTypes)
    if (text == to_string(t)) return t;
  return std::nullopt;
}

QuestionType type_of_kind(const std::string& kind) {
  if (kind == "point_to") return QuestionType::point_to;
  if (kind == "name_it") return QuestionType::name_it;
  if (kind == "trigger_point") return QuestionType::trigger_point;
  if (kind.rfind("movement.", 0) == 0) return QuestionType::movement;
  if (kind == "section") return QuestionType::section;
  return QuestionType::fact;
}

QuizBank::QuizBank(const KnowledgeBase& knowledge, const AtlasManifest& atlas, const TriggerPointSet* trigger_points)
    : kb_(knowledge), atlas_(atlas), tps_(trigger_points) {}

QuizBank::~QuizBank() = default;

const KnowledgeEntry* QuizBank::entry(const std::string& id) const {
  const KnowledgeEntry* e = kb_.find(id);
  if (!e || e->kind == "skin" || !atlas_.find_structure(id)) return nullptr;
  return e;
}

bool QuizBank::knows(const std::string& structure) const {
  if (entry(structure) || knows_movement(structure)) return true;
  return tps_ && tps_->find(structure) && entry(tps_->find(structure)->muscle);
}

std::string QuizBank::display_name(const std::string& structure) const {
  if (const auto* e = kb_.find(structure)) return e->name;
  if (tps_)
    if (const auto* tp = tps_->find(structure)) return tp->label;
  return structure;
}

std::vector<std::string> QuizBank::accepted_names(const std::string& structure) const {
  const auto* e = entry(structure);
  if (!e) return {};
  std::vector<std::string> out = {e->name, e->latin};
  out.insert(out.end(), e->synonyms.begin(), e->synonyms.end());
  return out;
}

std::string QuizBank::system_of(const CardKey& card) const {
  if (card.kind == "trigger_point") return "trigger-points";
  if (type_of_kind(card.kind) == QuestionType::movement) return "muscles";
  const auto* e = kb_.find(card.structure);
  if (!e) return "";
  if (e->kind == "bone") return "bones";
  if (e->kind == "nerve") return "nerves";
  return "muscles"; // muscles and the calcaneal tendon
}

std::string QuizBank::region_of(const CardKey& card) const {
  std::string id = card.structure;
  if (card.kind == "trigger_point" && tps_ && tps_->find(id)) id = tps_->find(id)->muscle;
  const auto* e = kb_.find(id);
  return e ? e->region : "";
}

std::vector<std::string> QuizBank::regions() const {
  std::set<std::string> out;
  for (const auto& e : kb_.entries)
    if (entry(e.id)) out.insert(e.region);
  return {out.begin(), out.end()};
}

std::vector<std::string> QuizBank::compartments() const {
  std::set<std::string> out;
  for (const auto& e : kb_.entries)
    if (entry(e.id) && e.compartment) out.insert(*e.compartment);
  return {out.begin(), out.end()};
}

bool QuizBank::in_topic(const CardKey& card, const QuizTopic& topic) const {
  switch (topic.kind) {
    case QuizTopic::Kind::everything: return true;
    case QuizTopic::Kind::system: return system_of(card) == topic.value;
    case QuizTopic::Kind::region: return region_of(card) == topic.value;
    case QuizTopic::Kind::lesson: {
      std::string id = card.structure;
      if (card.kind == "trigger_point" && tps_ && tps_->find(id)) id = tps_->find(id)->muscle;
      return std::count(topic.structures.begin(), topic.structures.end(), id) > 0;
    }
    case QuizTopic::Kind::compartment: {
      std::string id = card.structure;
      if (card.kind == "trigger_point" && tps_ && tps_->find(id)) id = tps_->find(id)->muscle;
      const auto* e = kb_.find(id);
      if (!e || !e->compartment) return false;
      // "posterior" takes both posterior compartments.
      return *e->compartment == topic.value || e->compartment->rfind(topic.value + " ", 0) == 0;
    }
  }
  return false;
}

std::vector<CardKey> QuizBank::cards(const QuizFilter& filter) const {
  std::vector<CardKey> out;
  auto add = [&](const std::string& structure, const std::string& kind) {
    CardKey card{structure, kind};
    if (!filter.types.empty() && !std::count(filter.types.begin(), filter.types.end(), type_of_kind(kind))) return;
    if (!in_topic(card, filter.topic)) return;
    out.push_back(std::move(card));
  };
  for (const auto& e : kb_.entries) {
    if (!entry(e.id)) continue;
    add(e.id, "point_to");
    add(e.id, "name_it");
    if (!attachment_bones(e, true, true).empty()) add(e.id, "fact.origin");
    if (!attachment_bones(e, false, true).empty()) add(e.id, "fact.insertion");
    if (e.innervation && entry(e.innervation->nerve)) add(e.id, "fact.nerve");
    if ((e.innervation && !e.innervation->roots.empty()) || (e.kind == "nerve" && !e.roots.empty())) add(e.id, "fact.roots");
    if (e.compartment) add(e.id, "fact.compartment");
    if (e.kind == "nerve" && !e.supplies.empty()) add(e.id, "fact.supplies");
    std::set<std::string> joints;
    for (const auto& a : e.actions) joints.insert(joint_slug(a.joint));
    for (const auto& j : joints) add(e.id, "fact.action." + j);
  }
  if (tps_)
    for (const auto& tp : tps_->trigger_points)
      if (!tp.essential.empty() && entry(tp.muscle)) add(tp.id, "trigger_point");
  add_computed_cards(add);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  // A card with no safe distractor (the popliteus is the only muscle the
  // data gives knee rotation, and it acts on no other joint) is not asked.
  // Whether a question can be made does not depend on the draws.
  std::erase_if(out, [&](const CardKey& card) {
    if (card.kind == "point_to") return false;
    SplitMix64 probe(0);
    return !make(card, probe);
  });
  return out;
}

// The bones of a muscle's origin or insertion. main_only: the bones of its
// atlas sites (the answers asked for). Otherwise also every bone its
// attachment text names, even in passing ("the adjoining medial cuneiform"):
// none of those may be offered as a wrong answer.
std::vector<std::string> QuizBank::attachment_bones(const KnowledgeEntry& e, bool origin, bool main_only) const {
  std::vector<std::string> out;
  const auto& attachments = origin ? e.origin : e.insertion;
  std::string text;
  for (const auto& a : attachments) {
    for (const AttachmentSite* site : atlas_.attachment(a.site))
      if (entry(site->bone) && !contains(out, site->bone)) out.push_back(site->bone);
    text += ' ';
    text += normalise(a.text);
  }
  if (main_only) return out;
  for (const auto& bone : kb_.entries) {
    if (bone.kind != "bone" || contains(out, bone.id)) continue;
    std::vector<std::string> keys = {normalise(bone.name), normalise(bone.latin)};
    for (const auto& s : bone.synonyms) keys.push_back(normalise(s));
    std::string name = normalise(bone.name);
    for (std::size_t start = 0; start < name.size();) {
      std::size_t end = name.find(' ', start);
      if (end == std::string::npos) end = name.size();
      std::string word = name.substr(start, end - start);
      if (!kGenericWords.count(word) && word.size() >= 4) keys.push_back(word.substr(0, 6));
      start = end + 1;
    }
    if (std::any_of(keys.begin(), keys.end(),
                    [&](const std::string& k) { return !k.empty() && text.find(k) != std::string::npos; }))
      out.push_back(bone.id);
  }
  return out;
}

void QuizBank::cite(Question& q, const KnowledgeEntry& e, const char* section) const {
  const auto* keys = e.sources_of(section);
  if (!keys || keys->empty()) keys = e.sources_of("name");
  if (!keys || keys->empty()) return;
  q.source = keys->front();
  if (const auto* s = kb_.find_source(q.source)) q.citation = s->citation;
}

std::optional<Question> QuizBank::make(const CardKey& card, SplitMix64& rng) const {
  if (card.kind == "trigger_point") {
    if (!tps_) return std::nullopt;
    const auto* tp = tps_->find(card.structure);
    if (!tp) return std::nullopt;
    return make_trigger_point(*tp, card, rng);
  }
  if (type_of_kind(card.kind) == QuestionType::movement) return make_movement(card, rng);
  const auto* e = entry(card.structure);
  if (!e) return std::nullopt;
  if (card.kind == "section") return make_section(*e, card, rng);
  if (card.kind == "point_to" || card.kind == "name_it") return make_identify(*e, card, rng);
  if (card.kind.rfind("fact.action.", 0) == 0) return make_action(*e, card, rng);
  return make_fact(*e, card, rng);
}

std::optional<Question> QuizBank::make_identify(const KnowledgeEntry& e, const CardKey& card, SplitMix64& rng) const {
  Question q;
  q.card = card;
  q.type = type_of_kind(card.kind);
  q.correct = {e.id};
  std::string where = "the " + e.region;
  if (e.compartment) where += ", in the " + *e.compartment + " compartment";
  q.explanation = upper_first(e.name) + " (Latin " + e.latin + ") is a " + e.kind + " of " + where + ".";
  cite(q, e, "name");
  if (q.type == QuestionType::point_to) {
    q.prompt = "Click " + the(e) + " on the model.";
    return q;
  }
  q.prompt = "Name the highlighted " + e.kind + ".";
  q.accepted = accepted_names(e.id);
  // Options for a student who prefers to choose: same system, the same
  // compartment or region first; never a name the grader would accept.
  std::vector<Choice> near, far;
  for (const auto& o : kb_.entries) {
    // Same system (a tendon among the muscles: it is the only tendon).
    if (o.id == e.id || !entry(o.id) || system_of({o.id, ""}) != system_of({e.id, ""})) continue;
    std::string other = normalise(o.name);
    if (std::any_of(q.accepted.begin(), q.accepted.end(), [&](const std::string& a) {
          std::string n = normalise(a);
          return bounded_edit_distance(other, n, typo_allowance(n.size())) <= typo_allowance(n.size());
        }))
      continue;
    bool close = e.compartment ? (o.compartment == e.compartment) : (o.region == e.region);
    (close ? near : far).push_back({o.id, o.name});
  }
  if (!finish_choices(q, rng, {e.id, e.name}, draw(rng, near, far, kDistractors))) return std::nullopt;
  return q;
}

std::optional<Question> QuizBank::make_fact(const KnowledgeEntry& e, const CardKey& card, SplitMix64& rng) const {
  Question q;
  q.card = card;
  q.type = QuestionType::fact;
  const std::string& kind = card.kind;
  std::vector<Choice> near, far;
  Choice right;

  if (kind == "fact.origin" || kind == "fact.insertion") {
    bool origin = kind == "fact.origin";
    auto main = attachment_bones(e, origin, true);
    auto all = attachment_bones(e, origin, false);
    if (main.empty()) return std::nullopt;
    const auto* bone = kb_.find(main[rng.below(main.size())]);
    right = {bone->id, bone->name};
    q.correct = {bone->id};
    for (const auto& o : kb_.entries)
      if (o.kind == "bone" && entry(o.id) && !contains(all, o.id))
        (o.region == bone->region ? near : far).push_back({o.id, o.name});
    const auto& attachments = origin ? e.origin : e.insertion;
    q.prompt =
        origin ? "From which of these bones does " + the(e) + " arise?" : "Into which of these bones does " + the(e) + " insert?";
    // Quote the attachment that names this bone; the atlas's main bone of a
    // site is not always the one its first sentence is about.
    std::string stem = normalise(bone->name).substr(0, 6), said;
    for (const auto& a : attachments)
      if (said.empty() && normalise(a.text).find(stem) != std::string::npos) said = a.text;
    q.explanation = upper_first(the(e)) + (origin ? " arises from the " : " inserts into the ") + lower_first(bone->name) +
                    (said.empty() ? "." : ": " + lower_first(said));
    cite(q, e, origin ? "origin" : "insertion");
  } else if (kind == "fact.nerve") {
    const auto* nerve = entry(e.innervation->nerve);
    right = {nerve->id, nerve->name};
    q.correct = {nerve->id};
    // A parent of the right nerve also carries the fibres: not wrong enough.
    std::vector<std::string> excluded = {nerve->id};
    for (const auto* n = nerve; n && n->branch_of;) {
      excluded.push_back(*n->branch_of);
      n = kb_.find(*n->branch_of);
    }
    for (const auto& o : kb_.entries)
      if (o.kind == "nerve" && entry(o.id) && !contains(excluded, o.id) && !contains(o.supplies, e.id))
        near.push_back({o.id, o.name});
    q.prompt = "Which nerve supplies " + the(e) + "?";
    q.explanation = upper_first(the(e)) + " is supplied by the " + lower_first(nerve->name);
    if (!e.innervation->roots.empty()) q.explanation += " (roots " + join(e.innervation->roots) + ")";
    q.explanation += ".";
    cite(q, e, "innervation");
  } else if (kind == "fact.roots") {
    const auto& roots = e.kind == "nerve" ? e.roots : e.innervation->roots;
    std::string root = roots[rng.below(roots.size())];
    right = {root, root};
    q.correct = {root};
    std::set<std::string> pool;
    for (const auto& o : kb_.entries) {
      if (o.innervation) pool.insert(o.innervation->roots.begin(), o.innervation->roots.end());
      pool.insert(o.roots.begin(), o.roots.end());
      for (const auto& d : o.dermatomes) pool.insert(d.root);
    }
    for (const auto& r : pool)
      if (!contains(roots, r)) near.push_back({r, r});
    if (e.kind == "nerve") {
      q.prompt = "Which of these spinal nerve roots contributes to " + the(e) + "?";
      q.explanation = upper_first(the(e)) + " carries fibres from the " + join(roots) + " roots.";
      cite(q, e, "roots");
    } else {
      const auto* nerve = kb_.find(e.innervation->nerve);
      q.prompt = "Which of these spinal nerve roots supplies " + the(e) + "?";
      q.explanation = upper_first(the(e)) + " receives fibres from the " + join(roots) + " roots" +
                      (nerve ? " through the " + lower_first(nerve->name) : "") + ".";
      cite(q, e, "innervation");
    }
  } else if (kind == "fact.compartment") {
    right = {*e.compartment, *e.compartment + " compartment"};
    q.correct = {*e.compartment};
    for (const auto& c : compartments())
      if (c != *e.compartment) near.push_back({c, c + " compartment"});
    q.prompt = "In which compartment of the leg does " + the(e) + " lie?";
    q.explanation = upper_first(the(e)) + " lies in the " + *e.compartment + " compartment of the leg.";
    cite(q, e, "compartment");
  } else if (kind == "fact.supplies") {
    std::vector<std::string> supplied;
    for (const auto& m : e.supplies)
      if (entry(m)) supplied.push_back(m);
    if (supplied.empty()) return std::nullopt;
    const auto* muscle = kb_.find(supplied[rng.below(supplied.size())]);
    right = {muscle->id, muscle->name};
    q.correct = {muscle->id};
    // Wrong: muscles whose nerve is neither this one nor one of its branches.
    auto below_this = [&](std::string nerve) {
      for (int guard = 0; guard < 16 && !nerve.empty(); ++guard) {
        if (nerve == e.id) return true;
        const auto* n = kb_.find(nerve);
        nerve = (n && n->branch_of) ? *n->branch_of : "";
      }
      return false;
    };
    for (const auto& o : kb_.entries)
      if (o.kind == "muscle" && entry(o.id) && o.innervation && !contains(e.supplies, o.id) && !below_this(o.innervation->nerve))
        near.push_back({o.id, o.name});
    std::vector<std::string> names;
    for (const auto& m : supplied) names.push_back(lower_first(kb_.find(m)->name));
    q.prompt = "Which of these muscles does " + the(e) + " supply?";
    q.explanation = upper_first(the(e)) + " supplies the " + join(names) + ".";
    cite(q, e, "supplies");
  } else {
    return std::nullopt;
  }
  if (!finish_choices(q, rng, right, draw(rng, near, far, kDistractors))) return std::nullopt;
  return q;
}

std::optional<Question> QuizBank::make_action(const KnowledgeEntry& e, const CardKey& card, SplitMix64& rng) const {
  const std::string slug = card.kind.substr(std::string("fact.action.").size());
  auto text_of = [](const std::string& joint, const std::string& movement) { return movement + ", " + joint; };
  std::vector<const MuscleAction*> here;
  std::set<std::string> own, joints;
  for (const auto& a : e.actions) {
    own.insert(a.joint + "|" + a.movement);
    joints.insert(a.joint);
    if (joint_slug(a.joint) == slug) here.push_back(&a);
  }
  if (here.empty()) return std::nullopt;
  const MuscleAction* right = here[rng.below(here.size())];
  Question q;
  q.card = card;
  q.type = QuestionType::fact;
  q.correct = {right->joint + "|" + right->movement};
  // Wrong: movements other muscles make at this joint (first) or at another
  // joint this muscle acts on, that the knowledge base does not give it.
  // Joints it does not act on are left out: that it does nothing there is
  // only what the data leaves unsaid.
  std::set<std::string> seen;
  std::vector<Choice> near, far;
  for (const auto& o : kb_.entries)
    for (const auto& a : o.actions) {
      std::string id = a.joint + "|" + a.movement;
      if (own.count(id) || !joints.count(a.joint) || !seen.insert(id).second) continue;
      (joint_slug(a.joint) == slug ? near : far).push_back({id, text_of(a.joint, a.movement)});
    }
  std::vector<std::string> moves;
  for (const auto* a : here) moves.push_back(a->movement + " (" + a->role + ")");
  q.prompt = "Which of these movements does " + the(e) + " produce?";
  q.explanation = "At the " + right->joint + " joint, " + the(e) + " produces " + join(moves) + ".";
  if (slug == "arches") q.explanation = upper_first(the(e)) + " gives " + join(moves) + " to the arches of the foot.";
  cite(q, e, "actions");
  if (!finish_choices(q, rng, {q.correct[0], text_of(right->joint, right->movement)}, draw(rng, near, far, kDistractors)))
    return std::nullopt;
  return q;
}

std::optional<Question> QuizBank::make_trigger_point(const TriggerPoint& tp, const CardKey& card, SplitMix64& rng) const {
  // Points spread over the painted zone: each shape's centre (capsule: ends
  // and middle) and half-radius offsets along the axes.
  std::vector<glm::vec3> samples;
  Question q;
  for (const auto& s : tp.essential.shapes) {
    if (!contains(q.zone_regions, s.region)) q.zone_regions.push_back(s.region);
    if (s.kind == ShapeKind::ellipsoid) {
      samples.push_back(s.centre);
      for (int axis = 0; axis < 3; ++axis)
        for (float sign : {-0.5f, 0.5f}) {
          glm::vec3 p = s.centre;
          p[axis] += sign * s.radii[axis];
          samples.push_back(p);
        }
    } else {
      samples.insert(samples.end(), {s.a, (s.a + s.b) * 0.5f, s.b});
    }
  }
  if (samples.empty()) return std::nullopt;
  auto coverage = [&](const ReferralZone& zone) {
    float sum = 0.0f;
    for (const auto& p : samples) sum += zone_membership(zone, p);
    return sum / static_cast<float>(samples.size());
  };
  // Right: the zone's own muscle and any whose essential zone covers a
  // quarter of it. Touching (any zone overlaps at all): never a distractor.
  std::vector<std::string> right = {tp.muscle}, touching = {tp.muscle}, with_tp;
  for (const auto& o : tps_->trigger_points) {
    if (!entry(o.muscle)) continue;
    if (!contains(with_tp, o.muscle)) with_tp.push_back(o.muscle);
    float ce = coverage(o.essential), cs = coverage(o.spillover);
    if (ce >= 0.25f && !contains(right, o.muscle)) right.push_back(o.muscle);
    if ((ce > 0.0f || cs > 0.0f) && !contains(touching, o.muscle)) touching.push_back(o.muscle);
  }
  // Only muscles with trigger points in the data can be wrong: for the
  // others the data cannot say where they refer.
  std::vector<Choice> pool;
  for (const auto& m : with_tp)
    if (!contains(touching, m)) pool.push_back({m, kb_.find(m)->name});
  q.card = card;
  q.type = QuestionType::trigger_point;
  q.correct = right;
  q.zone_trigger_point = tp.id;
  // The zone in words, less any clause that names a muscle ("over the
  // lateral head"): the prompt must not give the answer away.
  std::vector<std::string> words;
  for (const auto& region : q.zone_regions) {
    std::string kept;
    for (std::size_t start = 0; start <= region.size();) {
      std::size_t end = region.find(", ", start);
      if (end == std::string::npos) end = region.size();
      std::string clause = region.substr(start, end - start);
      const std::string n = " " + normalise(clause) + " ";
      bool names_muscle = std::any_of(kb_.entries.begin(), kb_.entries.end(), [&](const KnowledgeEntry& m) {
        if (m.kind != "muscle") return false;
        std::string name = normalise(m.name);
        name = name.substr(0, name.find(" of ")); // "lateral head of gastrocnemius" -> "lateral head"
        return n.find(" " + name + " ") != std::string::npos;
      });
      if (!names_muscle && !clause.empty()) kept += (kept.empty() ? "" : ", ") + clause;
      start = end + 2;
    }
    if (!kept.empty()) words.push_back(kept);
  }
  q.prompt = "Pain is felt in the shaded area" + (words.empty() ? std::string() : " (" + join(words) + ")") +
             ". Which muscle's trigger point refers pain here?";
  std::vector<std::string> others;
  for (std::size_t i = 1; i < right.size(); ++i) others.push_back(lower_first(kb_.find(right[i])->name));
  q.explanation = tp.label + " refers pain to " + join(q.zone_regions) +
                  (others.empty() ? "" : "; trigger points of the " + join(others) + " refer here too") + ".";
  if (!tp.sources.empty()) {
    q.source = tp.sources.front();
    if (const auto* s = tps_->find_source(q.source)) q.citation = s->citation;
  }
  if (!finish_choices(q, rng, {tp.muscle, kb_.find(tp.muscle)->name}, draw(rng, pool, {}, kDistractors))) return std::nullopt;
  return q;
}

Quiz generate_quiz(const QuizBank& bank, std::uint64_t seed, std::size_t count, const QuizFilter& filter) {
  Quiz quiz;
  quiz.seed = seed;
  SplitMix64 rng(seed);
  auto cards = bank.cards(filter);
  quiz.available = cards.size();
  rng.shuffle(cards);
  // Types take turns (in the order their first card came up), so a quiz of
  // several types holds each about as often whatever their pools' sizes: the
  // facts, many times more numerous, would otherwise crowd the others out.
  std::vector<std::vector<CardKey>> by_type;
  std::vector<QuestionType> order;
  for (auto& card : cards) {
    const QuestionType t = type_of_kind(card.kind);
    const auto i = static_cast<std::size_t>(std::find(order.begin(), order.end(), t) - order.begin());
    if (i == order.size()) {
      order.push_back(t);
      by_type.emplace_back();
    }
    by_type[i].push_back(std::move(card));
  }
  std::vector<std::size_t> next(by_type.size(), 0);
  for (bool any = true; any && quiz.questions.size() < count;) {
    any = false;
    for (std::size_t t = 0; t < by_type.size() && quiz.questions.size() < count; ++t)
      // The type's next card that makes a question.
      while (next[t] < by_type[t].size()) {
        any = true;
        if (auto q = bank.make(by_type[t][next[t]++], rng)) {
          quiz.questions.push_back(std::move(*q));
          break;
        }
      }
  }
  return quiz;
}

} // namespace crus
