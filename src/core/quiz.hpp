#pragma once
// Self-study questions made from the knowledge base, the atlas manifest and
// the trigger-point maps. Plain data: no GL, no ImGui. Only what the data
// holds as ids or closed lists is asked (attachment bones, nerve ids, roots,
// compartments, joint actions, referral zones), never free text.
//
// Question types (issue 14): 1 point-to, 2 name-it, 3 facts, 4 trigger
// points. Movement and section questions wait for motion and cross-sections.
//
// A card is one pair (structure, kind); the kind refines the type so that
// each fact is scheduled on its own: "point_to", "name_it", "fact.origin",
// "fact.insertion", "fact.nerve", "fact.roots", "fact.compartment",
// "fact.supplies", "fact.action.<joint>" (first word of the joint, e.g.
// "fact.action.ankle") and "trigger_point" (structure = trigger-point id).
#include "core/atlas_manifest.hpp"
#include "core/knowledge.hpp"
#include "core/prng.hpp"
#include "core/trigger_points.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crus {

enum class QuestionType { point_to, name_it, fact, trigger_point };
// "point-to", "name-it", "facts", "trigger-point".
const char* to_string(QuestionType type);
std::optional<QuestionType> parse_question_type(const std::string& text);
QuestionType type_of_kind(const std::string& kind);

struct CardKey {
  std::string structure;
  std::string kind;
  bool operator==(const CardKey& o) const { return structure == o.structure && kind == o.kind; }
  bool operator<(const CardKey& o) const {
    return structure != o.structure ? structure < o.structure : kind < o.kind;
  }
};

struct Choice {
  std::string id;   // structure id, compartment, root, "joint|movement"
  std::string text; // what the student reads
};

struct Question {
  QuestionType type = QuestionType::point_to;
  CardKey card;
  std::string prompt;
  std::vector<Choice> choices;        // empty for point-to
  std::vector<std::string> correct;   // ids of the right choices (point-to: the structure)
  std::vector<std::string> accepted;  // name-it: names a typed answer is graded against
  std::string explanation;            // one sentence
  std::string source;                 // source key (sources.json or trigger_points.json)
  std::string citation;
  // Trigger-point questions: the zone painted on the skin and every muscle
  // whose trigger point refers there (all of them are right).
  std::string zone_trigger_point;
  std::vector<std::string> zone_regions;
};

// Topic: everything, or one region ("leg", "foot" ...), compartment
// ("anterior", "lateral", "posterior" = both posterior ones, "posterior deep"
// ...) or system ("muscles", "bones", "nerves", "trigger-points").
struct QuizTopic {
  enum class Kind { everything, region, compartment, system } kind = Kind::everything;
  std::string value;
};
// "all", "region:foot", "compartment:anterior", "system:nerves"; throws
// InputError("--topic", ...) naming what is allowed.
QuizTopic parse_topic(const std::string& text);

struct QuizFilter {
  std::vector<QuestionType> types; // empty: every type
  QuizTopic topic;
};

class QuizBank {
public:
  // `trigger_points` may be null (no trigger-point questions then).
  QuizBank(const KnowledgeBase& knowledge, const AtlasManifest& atlas, const TriggerPointSet* trigger_points);

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

  const KnowledgeBase& kb_;
  const AtlasManifest& atlas_;
  const TriggerPointSet* tps_;
};

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
