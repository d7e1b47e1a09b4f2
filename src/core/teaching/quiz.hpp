#pragma once
// Self-study questions made from the knowledge base, the atlas manifest and
// the trigger-point maps. Plain data: no GL, no ImGui. Only what the data
// holds as ids or closed lists is asked (attachment bones, nerve ids, roots,
// compartments, joint actions, referral zones), never free text.
//
// Question types (issue 14): 1 point-to, 2 name-it, 3 facts, 4 trigger
// points, 5 movement (when the motion model is given: use_motion) and 6
// section (when sections of the atlas are given: use_sections); those two are
// computed in quiz_computed.cpp.
//
// A card is one pair (structure, kind); the kind refines the type so that
// each fact is scheduled on its own: "point_to", "name_it", "fact.origin",
// "fact.insertion", "fact.nerve", "fact.roots", "fact.compartment",
// "fact.supplies", "fact.action.<joint>" (first word of the joint, e.g.
// "fact.action.ankle"), "trigger_point" (structure = trigger-point id),
// "movement.shortens" and "movement.produces" (structure = a movement as
// motion names it, "ankle plantarflexion") and "section" (structure id; the
// level is the one of the given sections where it is cut largest).
#include "core/io/atlas_manifest.hpp"
#include "core/geometry/camera.hpp"
#include "core/geometry/cross_section.hpp"
#include "core/anatomy/knowledge.hpp"
#include "core/teaching/prng.hpp"
#include "core/anatomy/trigger_points.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace crus {

namespace motion {
struct MotionModel;
struct MuscleSet;
} // namespace motion

enum class QuestionType { point_to, name_it, fact, trigger_point, movement, section };
inline constexpr QuestionType kQuestionTypes[] = {QuestionType::point_to,      QuestionType::name_it,  QuestionType::fact,
                                                  QuestionType::trigger_point, QuestionType::movement, QuestionType::section};
// "point-to", "name-it", "facts", "trigger-point", "movement", "section".
const char* to_string(QuestionType type);
std::optional<QuestionType> parse_question_type(const std::string& text);
QuestionType type_of_kind(const std::string& kind);

struct CardKey {
  std::string structure;
  std::string kind;
  bool operator==(const CardKey& o) const { return structure == o.structure && kind == o.kind; }
  bool operator<(const CardKey& o) const { return structure != o.structure ? structure < o.structure : kind < o.kind; }
};

struct Choice {
  std::string id;   // structure id, compartment, root, "joint|movement"
  std::string text; // what the student reads
};

struct Question {
  QuestionType type = QuestionType::point_to;
  CardKey card;
  std::string prompt;
  std::vector<Choice> choices;       // empty for point-to
  std::vector<std::string> correct;  // ids of the right choices (point-to: the structure)
  std::vector<std::string> accepted; // name-it: names a typed answer is graded against
  std::string explanation;           // one sentence
  std::string source;                // source key (sources.json or trigger_points.json)
  std::string citation;
  // Trigger-point questions: the zone painted on the skin and every muscle
  // whose trigger point refers there (all of them are right).
  std::string zone_trigger_point;
  std::vector<std::string> zone_regions;
  // Movement questions: the movement played, as a pose from neutral
  // ("ankle=-30"), for the viewer and figures.
  std::string pose;
  // Section questions: the level (fraction of the way from the knee to the
  // ankle joint centre) and the marked point, in the plane's (u, v) frame.
  std::optional<double> section_fraction;
  glm::dvec2 section_mark{0.0};
};

// Topic: everything, or one region ("leg", "foot" ...), compartment
// ("anterior", "lateral", "posterior" = both posterior ones, "posterior deep"
// ...), system ("muscles", "bones", "nerves", "trigger-points") or a
// lesson's structures (value: the lesson's file or bundled id; the caller
// loads it and fills `structures` with lesson_structure_ids()). A trigger
// point belongs to its muscle's region, compartment and lesson.
struct QuizTopic {
  enum class Kind { everything, region, compartment, system, lesson } kind = Kind::everything;
  std::string value;
  std::vector<std::string> structures; // lesson: the structure ids it names
};
// "all", "region:foot", "compartment:anterior", "system:nerves",
// "lesson:ID"; throws InputError("--topic", ...) naming what is allowed.
QuizTopic parse_topic(const std::string& text);

struct QuizFilter {
  std::vector<QuestionType> types; // empty: every type
  QuizTopic topic;
};

class QuizBank {
public:
  // `trigger_points` may be null (no trigger-point questions then).
  QuizBank(const KnowledgeBase& knowledge, const AtlasManifest& atlas, const TriggerPointSet* trigger_points);
  ~QuizBank();

  // Movement questions: the model and muscle paths (kept by the caller,
  // alive as long as the bank). Without them, no movement cards.
  void use_motion(const motion::MotionModel& model, const motion::MuscleSet& muscles);
  // Section questions: sections of the atlas at levels given as fractions
  // (each plane's `fraction` set); the bank keeps them.
  void use_sections(std::vector<SceneSection> levels);
  // The levels the section questions use, for callers that section the scene.
  static std::vector<double> section_levels() { return {0.25, 0.40, 0.55, 0.70, 0.85}; }
  const SceneSection* section_at(double fraction) const;

  // Every card the filter allows, sorted (structure, kind).
  std::vector<CardKey> cards(const QuizFilter& filter = {}) const;
  // A question for the card, its distractors and order drawn from `rng`;
  // nullopt when the card is unknown or no distractor is left.
  std::optional<Question> make(const CardKey& card, SplitMix64& rng) const;
  // Topic values that exist, for messages: regions, compartments.
  std::vector<std::string> regions() const;
  std::vector<std::string> compartments() const;
  // Whether the atlas and knowledge base still hold the card's structure.
  bool knows(const std::string& structure) const;
  std::string display_name(const std::string& structure) const;
  // Name, Latin name and synonyms: what a typed name-it answer may match.
  std::vector<std::string> accepted_names(const std::string& structure) const;
  // "muscles", "bones", "nerves", "trigger-points" (tendons count as muscles).
  std::string system_of(const CardKey& card) const;
  std::string region_of(const CardKey& card) const;

private:
  const KnowledgeEntry* entry(const std::string& id) const;
  bool in_topic(const CardKey& card, const QuizTopic& topic) const;
  std::vector<std::string> attachment_bones(const KnowledgeEntry& e, bool origin, bool main_only) const;
  std::optional<Question> make_identify(const KnowledgeEntry& e, const CardKey& card, SplitMix64& rng) const;
  std::optional<Question> make_fact(const KnowledgeEntry& e, const CardKey& card, SplitMix64& rng) const;
  std::optional<Question> make_action(const KnowledgeEntry& e, const CardKey& card, SplitMix64& rng) const;
  std::optional<Question> make_trigger_point(const TriggerPoint& tp, const CardKey& card, SplitMix64& rng) const;
  void cite(Question& q, const KnowledgeEntry& e, const char* section) const;
  // quiz_computed.cpp
  void add_computed_cards(const std::function<void(const std::string&, const std::string&)>& add) const;
  bool knows_movement(const std::string& movement) const;
  std::optional<Question> make_movement(const CardKey& card, SplitMix64& rng) const;
  std::optional<Question> make_section(const KnowledgeEntry& e, const CardKey& card, SplitMix64& rng) const;
  const StructureSection* largest_cut(const std::string& id, const SceneSection** level) const;

  const KnowledgeBase& kb_;
  const AtlasManifest& atlas_;
  const TriggerPointSet* tps_;
  const motion::MotionModel* motion_ = nullptr;
  const motion::MuscleSet* muscles_ = nullptr;
  std::vector<SceneSection> sections_;
};

// The sections use_sections() wants: the scene cut horizontally at each of
// QuizBank::section_levels(). Levels the scene cannot cut are left out.
std::vector<SceneSection> section_quiz_levels(const Scene& scene);

// The side of the leg (anterior, posterior, lateral, medial) that faces
// `point` most, measured from the tibia's axis (not the box centre, which
// the foot pulls forward): the view that shows a structure or zone there.
AnatomicalView view_facing(const Scene& scene, const glm::vec3& point);
// A near miss on a point-to question, said in one sentence: where the
// target lies from the structure clicked, from their bounding boxes in the
// model frame ("Fibularis brevis lies just deep to it."). With `layers`
// (per structure, 1 = most superficial, as the viewer keeps them), boxes
// that share a quarter of the smaller one and different layers: deep to or
// superficial to it, which says more than a direction there. Otherwise side
// by side when their heights overlap (in front of, behind, medial to,
// lateral to), else above or below. "just" within 5 mm, else the gap in cm.
// Empty when either structure is not in the scene or has no extent.
std::string near_miss_relation(const Scene& scene, const std::string& clicked, const std::string& target,
                               const std::string& target_name, const std::vector<int>* layers = nullptr);
// Where a trigger point's essential zone lies (its first shape's middle).
std::optional<glm::vec3> zone_centre(const TriggerPoint& tp);

struct Quiz {
  std::uint64_t seed = 0;
  std::size_t available = 0; // cards the filter allowed
  std::vector<Question> questions;
};
// Shuffles the filter's cards with SplitMix64(seed), then makes a question
// from each in turn until `count` are made. Same inputs, same quiz.
Quiz generate_quiz(const QuizBank& bank, std::uint64_t seed, std::size_t count, const QuizFilter& filter = {});

// Grading.
// Lower case, letters and digits only, single spaces.
std::string normalise_answer(const std::string& text);
// Optimal-string-alignment distance (Damerau: adjacent swaps count 1),
// giving up with limit + 1 once it exceeds `limit`.
std::size_t bounded_edit_distance(const std::string& a, const std::string& b, std::size_t limit);
// Typos allowed for an accepted name of this many characters: 0 up to 4,
// 1 up to 8, 2 beyond.
std::size_t typo_allowance(std::size_t length);
// A typed name-it answer: right when it is within the allowance of one of
// the question's accepted names and no other structure's name (in `bank`)
// is nearer, so "metatarsal III" is not taken for metatarsal II.
bool grade_typed_name(const QuizBank& bank, const Question& q, const std::string& typed);
// A chosen option (choice id) or a clicked structure (point-to).
bool grade_choice(const Question& q, const std::string& id);

// Version of the question source: "fnv1a64:<16 hex>" over the bytes of the
// given files (CR LF read as LF, so a Windows checkout gives the same
// version), in the order given; the caller sorts them.
std::string content_version(const std::vector<std::string>& paths);

} // namespace crus
