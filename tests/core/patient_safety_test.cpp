// The rules that keep patient-facing words safe, checked over all the data:
// (a) every self-care or reassurance sentence comes with a safety net (which
// red flags to check first and when to seek care); (b) the red flags use one
// documented urgency scale with the guideline behind each level; (c) every
// source a fact cites exists and every declared source is cited. Plus the
// body areas the red flags are matched to.
#include "core/io/atlas_manifest.hpp"
#include "core/anatomy/body_areas.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/publish/handout.hpp"
#include "core/io/json_schema.hpp"
#include "core/anatomy/knowledge.hpp"
#include "core/anatomy/red_flags.hpp"
#include "core/anatomy/trigger_points.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace crus {
namespace {

std::string knowledge_dir_path() { return test::source_dir() + "/assets/knowledge"; }
std::string atlas_manifest_path() { return test::source_dir() + "/assets/atlas/atlas.json"; }

// --- (a) the safety-net rule -------------------------------------------------

// Whether `text` holds one of `words` as a whole word, or, for a word that
// ends in '*', as the start of a word ("stretch*" finds "stretching").
// Case-insensitive. (Hand-written: std::regex trips GCC 12 warnings under
// the sanitizers.)
bool has_word(const std::string& text, std::initializer_list<const char*> words) {
  std::string lower = text;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (std::string word : words) {
    const bool prefix = !word.empty() && word.back() == '*';
    if (prefix) word.pop_back();
    for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
      const std::size_t end = at + word.size();
      if (at > 0 && letter(lower[at - 1])) continue;
      if (!prefix && end < lower.size() && letter(lower[end])) continue;
      return true;
    }
  }
  return false;
}

// Self-care or reassurance about a symptom or an injury.
bool gives_self_care(const std::string& text) {
  return has_word(text, {"rest", "ice", "stretch*", "massag*", "brace", "insole*", "exercise*", "recover*", "heal", "heals",
                         "healing", "get better", "gets better", "settle*"});
}
// Tells the reader when to get care instead.
bool says_when_to_seek_care(const std::string& text) {
  return has_word(text, {"see a doctor", "call the emergency services", "the same day", "straight away", "x-ray*"});
}

// "" when `summary` follows the rule with `red_flag_ids` as its links, else
// what is wrong.
std::string safety_net_problem(const std::string& summary, const std::vector<std::string>& red_flag_ids,
                               const RedFlagSet& flags) {
  if (!gives_self_care(summary)) return "";
  if (red_flag_ids.empty()) return "gives self-care or reassurance but links no red flags (patient_red_flags)";
  for (const std::string& id : red_flag_ids)
    if (!flags.find(id)) return "patient_red_flags names '" + id + "', which is not in red_flags.json";
  if (!says_when_to_seek_care(summary)) return "gives self-care or reassurance but never says when to see a doctor";
  return "";
}

TEST(PatientSafety, TheSafetyNetRuleCatchesBareReassurance) {
  RedFlagSet flags;
  RedFlag dvt;
  dvt.id = "deep_vein_thrombosis";
  flags.red_flags.push_back(dvt);
  const std::string bare = "It can be strained by a sudden push-off. Rest, ice and gentle stretching help most people recover.";
  EXPECT_NE(safety_net_problem(bare, {}, flags), "");
  EXPECT_NE(safety_net_problem(bare, {"deep_vein_thrombosis"}, flags), "") << "links alone are not a safety net";
  EXPECT_NE(safety_net_problem(bare + " See a doctor the same day if it swells.", {"clot"}, flags), "");
  EXPECT_EQ(safety_net_problem(bare + " See a doctor the same day if it swells.", {"deep_vein_thrombosis"}, flags), "");
  EXPECT_EQ(safety_net_problem("It lifts the foot.", {}, flags), "") << "no self-care, no rule";
  EXPECT_EQ(safety_net_problem("The muscle is restless and iced over.", {}, flags), "") << "whole words only";
  EXPECT_NE(safety_net_problem("Stretching helps.", {}, flags), "") << "a word that starts like one counts";
}

TEST(PatientSafety, EveryPatientSummaryWithSelfCareHasASafetyNet) {
  const KnowledgeBase base = load_knowledge(knowledge_dir_path());
  ASSERT_TRUE(base.problems.empty()) << to_string(base.problems.front());
  const RedFlagSet flags = load_red_flags(knowledge_dir_path() + "/red_flags.json");
  int with_self_care = 0;
  for (const KnowledgeEntry& e : base.entries) {
    if (!e.patient_summary) continue;
    with_self_care += gives_self_care(*e.patient_summary);
    EXPECT_EQ(safety_net_problem(*e.patient_summary, e.patient_red_flags, flags), "") << e.id << ": " << *e.patient_summary;
    for (const std::string& id : e.patient_red_flags) EXPECT_NE(flags.find(id), nullptr) << e.id << " -> " << id;
  }
  EXPECT_GE(with_self_care, 5) << "the rule must have something to check";
  // The entries the safety review named.
  const std::pair<const char*, const char*> named[] = {{"gastrocnemius_medial_head", "achilles_tendon_rupture"},
                                                       {"gastrocnemius_medial_head", "deep_vein_thrombosis"},
                                                       {"plantaris", "deep_vein_thrombosis"},
                                                       {"tibialis_anterior", "foot_drop"},
                                                       {"common_fibular_nerve", "foot_drop"}};
  for (const auto& [id, flag] : named) {
    const KnowledgeEntry* e = base.find(id);
    ASSERT_NE(e, nullptr) << id;
    EXPECT_NE(std::find(e->patient_red_flags.begin(), e->patient_red_flags.end(), flag), e->patient_red_flags.end())
        << id << " should point to " << flag;
  }
}

// Every trigger point's self-care reaches the reader with its safety net: the
// handout puts urgent red flags for its areas first and the cautions for its
// areas at the top of the self-care list; a calf trigger point always warns
// against pressing a swollen, warm, tender or red calf.
TEST(PatientSafety, EveryTriggerPointsSelfCareComesWithItsCautions) {
  CRUS_REQUIRE_BUNDLED(atlas_manifest_path());
  const auto landmarks = load_manifest(atlas_manifest_path()).landmarks;
  const TriggerPointSet set = load_trigger_points(knowledge_dir_path() + "/trigger_points.json", landmarks);
  const RedFlagSet flags = load_red_flags(knowledge_dir_path() + "/red_flags.json");
  const std::optional<BodyAreaMap> map = BodyAreaMap::from_landmarks(landmarks);
  ASSERT_TRUE(map);
  for (const TriggerPoint& tp : set.trigger_points) {
    if (tp.self_care.empty()) continue;
    const std::vector<BodyArea> areas = trigger_point_areas(tp, *map);
    ASSERT_FALSE(areas.empty()) << tp.id;
    const HandoutContent c = handout_for_trigger_point(tp, set, &flags, areas);
    EXPECT_TRUE(c.red_flags_first) << tp.id << ": urgent red flags fit every part of the leg";
    const std::vector<std::string>* care = nullptr;
    for (const auto& [heading, items] : c.sections)
      if (heading.rfind("What you can do yourself", 0) == 0) care = &items;
    ASSERT_NE(care, nullptr) << tp.id;
    ASSERT_FALSE(flags.cautions_for(areas).empty()) << tp.id;
    // The trigger point's own safety net opens the list, then every caution
    // for its areas that the net does not already cover.
    EXPECT_EQ(care->front(), tp.safety_net.text) << tp.id << ": the safety net comes first";
    for (const SelfCareCaution* caution : flags.cautions_for(areas)) {
      const bool listed = std::find(care->begin(), care->end(), caution->text) != care->end();
      EXPECT_TRUE(listed || caution_covered_by(*caution, tp.safety_net.red_flags))
          << tp.id << ": caution " << caution->id << " is neither listed nor covered by the safety net";
    }
    const bool calf_muscle = tp.group == "gastrocnemius" || tp.muscle == "soleus" || tp.muscle == "plantaris";
    if (calf_muscle) {
      // Some item warns against pressing a swollen, warm, tender or red calf.
      const bool warned = std::any_of(care->begin(), care->end(), [](const std::string& line) {
        return line.find("swollen") != std::string::npos && line.find("warm") != std::string::npos &&
               line.find("tender") != std::string::npos && line.find(" red") != std::string::npos;
      });
      EXPECT_TRUE(warned) << tp.id;
    }
  }
}

// --- (b) one documented urgency scale ----------------------------------------

TEST(PatientSafety, RedFlagUrgenciesUseOneDocumentedScale) {
  const RedFlagSet flags = load_red_flags(knowledge_dir_path() + "/red_flags.json");
  const std::string doc = read_text_file(test::source_dir() + "/docs/clinical/RED_FLAGS.md");
  const nlohmann::json schema = nlohmann::json::parse(read_text_file(knowledge_dir_path() + "/red_flags.schema.json"));
  std::set<std::string> in_schema;
  for (const auto& level : schema["$defs"]["urgency"]["enum"]) in_schema.insert(level.get<std::string>());
  std::set<std::string> in_code;
  for (Urgency u : {Urgency::emergency, Urgency::urgent, Urgency::soon}) {
    const std::string name = to_string(u);
    in_code.insert(name);
    EXPECT_FALSE(flags.advice_for(u).empty()) << name;
    const UrgencyBasis& basis = flags.basis_for(u);
    EXPECT_FALSE(basis.text.empty()) << name;
    EXPECT_FALSE(basis.sources.empty()) << name << ": a level needs the guideline behind it";
    for (const std::string& key : basis.sources)
      EXPECT_TRUE(std::any_of(flags.sources.begin(), flags.sources.end(), [&](const CitedSource& s) { return s.key == key; }))
          << key;
    EXPECT_NE(doc.find("`" + name + "`"), std::string::npos) << "docs/clinical/RED_FLAGS.md does not document " << name;
  }
  EXPECT_EQ(in_schema, in_code) << "the schema and the code must name the same levels";
  for (const char* guideline : {"NG19", "NG158", "NG12", "CG147"}) EXPECT_NE(doc.find(guideline), std::string::npos) << guideline;
  // Every red flag in the docs' table, with its level.
  for (const RedFlag& f : flags.red_flags) {
    EXPECT_NE(doc.find("`" + f.id + "`"), std::string::npos) << f.id << " is missing from docs/clinical/RED_FLAGS.md";
    EXPECT_FALSE(f.areas.empty()) << f.id;
  }
  // The levels the safety review asked for.
  const std::pair<const char*, Urgency> expected[] = {{"diabetic_foot_problem", Urgency::urgent},
                                                      {"necrotising_fasciitis", Urgency::emergency},
                                                      {"foot_drop", Urgency::urgent},
                                                      {"charcot_foot", Urgency::urgent},
                                                      {"acute_fracture_or_dislocation", Urgency::urgent},
                                                      {"bone_tumour", Urgency::soon}};
  for (const auto& [id, urgency] : expected) {
    ASSERT_NE(flags.find(id), nullptr) << id;
    EXPECT_EQ(flags.find(id)->urgency, urgency) << id;
  }
  EXPECT_FALSE(flags.find("sciatica")->see_today_if.empty()) << "new weakness in sciatica is a same-day problem";
  EXPECT_FALSE(flags.find("acute_fracture_or_dislocation")->escalate_if.empty()) << "an open wound is an emergency";
}

TEST(PatientSafety, RedFlagsFollowTheirSchema) {
  // JsonSchema rejects keywords outside the project's subset, so this also
  // checks that the schema is written in that subset.
  const JsonSchema schema(nlohmann::json::parse(read_text_file(knowledge_dir_path() + "/red_flags.schema.json")),
                          "red_flags.schema.json");
  nlohmann::json doc = nlohmann::json::parse(read_text_file(knowledge_dir_path() + "/red_flags.json"));
  const auto violations = schema.validate(doc, "#/$defs/red_flags_file");
  std::string all;
  for (const SchemaViolation& v : violations) all += v.path + ": " + v.message + "\n";
  EXPECT_TRUE(violations.empty()) << all;
  doc["red_flags"][0]["urgency"] = "whenever";
  doc["red_flags"][1].erase("areas");
  EXPECT_EQ(schema.validate(doc, "#/$defs/red_flags_file").size(), 2u);
}

TEST(PatientSafety, CompartmentSyndromeDoesNotCallTinglingLate) {
  const RedFlagSet flags = load_red_flags(knowledge_dir_path() + "/red_flags.json");
  const RedFlag* acs = flags.find("acute_compartment_syndrome");
  ASSERT_NE(acs, nullptr);
  for (const std::string& sign : acs->warning_signs) {
    const bool tingling = sign.find("Tingling") != std::string::npos || sign.find("tingling") != std::string::npos;
    if (tingling) {
      EXPECT_EQ(sign.find("late"), std::string::npos) << sign;
    }
  }
}

// --- (c) sources ---------------------------------------------------------------

TEST(PatientSafety, EveryCitedSourceExistsAndEveryDeclaredSourceIsCited) {
  // Knowledge files: sources.json against every entry's sources.
  const KnowledgeBase base = load_knowledge(knowledge_dir_path());
  ASSERT_TRUE(base.problems.empty()) << to_string(base.problems.front());
  std::set<std::string> cited;
  for (const KnowledgeEntry& e : base.entries)
    for (const auto& [section, keys] : e.sources)
      for (const std::string& key : keys) {
        cited.insert(key);
        EXPECT_NE(base.find_source(key), nullptr) << e.id << "." << section << " cites '" << key << "'";
      }
  for (const SourceInfo& s : base.sources)
    EXPECT_TRUE(cited.count(s.key)) << "sources.json declares '" << s.key << "' but nothing cites it";

  // Red flags: the loader refuses a file with an uncited or undeclared source.
  const RedFlagSet flags = load_red_flags(knowledge_dir_path() + "/red_flags.json");
  std::string text = read_text_file(knowledge_dir_path() + "/red_flags.json");
  const std::string extra = R"({ "key": "unused_source", "kind": "web", "citation": "Nobody cites this." },)";
  text.insert(text.find("{ \"key\": \"nhs_dvt\""), extra + "\n    ");
  EXPECT_THROW(parse_red_flags(text, "red_flags.json"), InputError);

  // Trigger points: every source a trigger point cites is declared (the
  // loader checks that) and every declared source is cited.
  CRUS_REQUIRE_BUNDLED(atlas_manifest_path());
  const TriggerPointSet set =
      load_trigger_points(knowledge_dir_path() + "/trigger_points.json", load_manifest(atlas_manifest_path()).landmarks);
  std::set<std::string> tp_cited;
  for (const TriggerPoint& tp : set.trigger_points) tp_cited.insert(tp.sources.begin(), tp.sources.end());
  for (const CitedSource& s : set.sources)
    EXPECT_TRUE(tp_cited.count(s.key)) << "trigger_points.json declares '" << s.key << "' but no trigger point cites it";
}

// --- body areas ------------------------------------------------------------------

TEST(BodyAreas, LandmarksPlaceTheAreasOnTheBundledLeg) {
  CRUS_REQUIRE_BUNDLED(atlas_manifest_path());
  const auto landmarks = load_manifest(atlas_manifest_path()).landmarks;
  const std::optional<BodyAreaMap> map = BodyAreaMap::from_landmarks(landmarks);
  ASSERT_TRUE(map);
  auto at = [&](const char* id, glm::vec3 offset) {
    for (const Landmark& l : landmarks)
      if (l.id == id) return l.position + offset;
    ADD_FAILURE() << id;
    return glm::vec3(0.0f);
  };
  const glm::vec3 back(-0.04f, 0.0f, 0.0f), front(0.015f, 0.0f, 0.0f), outer(0.0f, 0.0f, 0.015f);
  EXPECT_EQ(map->classify(at("patellar_apex", front)), BodyArea::knee);
  EXPECT_EQ(map->classify(at("soleal_line", back + glm::vec3(0.0f, -0.1f, 0.0f))), BodyArea::calf);
  EXPECT_EQ(map->classify(at("anterior_border_of_tibia", front)), BodyArea::shin);
  EXPECT_EQ(map->classify(at("medial_surface_of_tibia", glm::vec3(0.0f, 0.0f, -0.012f))), BodyArea::shin);
  EXPECT_EQ(map->classify(at("fibular_neck", glm::vec3(0.0f, -0.12f, 0.02f))), BodyArea::outer_leg);
  EXPECT_EQ(map->classify(at("lateral_malleolus", outer)), BodyArea::ankle);
  EXPECT_EQ(map->classify(at("medial_malleolus", glm::vec3(0.0f, 0.0f, -0.012f))), BodyArea::ankle);
  EXPECT_EQ(map->classify(at("calcaneal_tuberosity", glm::vec3(-0.012f, 0.0f, 0.0f))), BodyArea::heel);
  EXPECT_EQ(map->classify(at("medial_process_of_calcaneal_tuberosity", glm::vec3(0.0f, -0.012f, 0.0f))), BodyArea::heel);
  EXPECT_EQ(map->classify(at("navicular_tuberosity", glm::vec3(0.0f, 0.0f, -0.01f))), BodyArea::foot);
  EXPECT_EQ(map->classify(at("fifth_metatarsal_tuberosity", outer)), BodyArea::foot);
  EXPECT_EQ(map->classify(at("distal_phalanx_of_hallux", glm::vec3(0.0f, 0.01f, 0.0f))), BodyArea::toes);

  // A left (mirrored) leg: lateral is -Z. The same points, mirrored, land in
  // the same areas.
  std::vector<Landmark> mirrored = landmarks;
  for (Landmark& l : mirrored) l.position.z = -l.position.z;
  const std::optional<BodyAreaMap> left = BodyAreaMap::from_landmarks(mirrored);
  ASSERT_TRUE(left);
  auto flip = [](glm::vec3 p) { return glm::vec3(p.x, p.y, -p.z); };
  EXPECT_EQ(left->classify(flip(at("fibular_neck", glm::vec3(0.0f, -0.12f, 0.02f)))), BodyArea::outer_leg);
  EXPECT_EQ(left->classify(flip(at("distal_phalanx_of_hallux", glm::vec3(0.0f, 0.01f, 0.0f)))), BodyArea::toes);

  // Another atlas without these landmarks: no map, and the callers then show
  // every red flag.
  EXPECT_FALSE(BodyAreaMap::from_landmarks({}));
  const RedFlagSet flags = load_red_flags(knowledge_dir_path() + "/red_flags.json");
  EXPECT_EQ(flags.for_areas({}).size(), flags.red_flags.size());
}

TEST(BodyAreas, RedFlagsFitThePlaceTheyAreFelt) {
  const RedFlagSet flags = load_red_flags(knowledge_dir_path() + "/red_flags.json");
  auto ids = [&](std::vector<BodyArea> areas) {
    std::set<std::string> out;
    for (const RedFlag* f : flags.for_areas(areas)) out.insert(f->id);
    return out;
  };
  const auto heel = ids({BodyArea::heel});
  EXPECT_TRUE(heel.count("achilles_tendon_rupture"));
  EXPECT_TRUE(heel.count("acute_fracture_or_dislocation"));
  EXPECT_TRUE(heel.count("charcot_foot"));
  EXPECT_FALSE(heel.count("deep_vein_thrombosis")) << "a clot is not felt in the heel";
  const auto calf = ids({BodyArea::calf});
  for (const char* id : {"deep_vein_thrombosis", "ruptured_bakers_cyst", "acute_compartment_syndrome", "necrotising_fasciitis"})
    EXPECT_TRUE(calf.count(id)) << id;
  EXPECT_FALSE(calf.count("charcot_foot"));
  const auto outer = ids({BodyArea::outer_leg, BodyArea::ankle});
  EXPECT_TRUE(outer.count("acute_fracture_or_dislocation")) << "the Ottawa ankle rules";
  EXPECT_TRUE(outer.count("foot_drop"));
  // by_urgency order: emergencies first.
  const auto list = flags.for_areas({BodyArea::calf});
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list.front()->urgency, Urgency::emergency);
  EXPECT_EQ(list.back()->urgency, Urgency::soon);
  EXPECT_TRUE(any_urgent(list));
  std::vector<const RedFlag*> soon_only;
  for (const RedFlag* f : list)
    if (f->urgency == Urgency::soon) soon_only.push_back(f);
  EXPECT_FALSE(any_urgent(soon_only));
  // Cautions: the calf gets the swollen-calf one, the foot the hot-foot one.
  auto caution_ids = [&](std::vector<BodyArea> areas) {
    std::set<std::string> out;
    for (const SelfCareCaution* c : flags.cautions_for(areas)) out.insert(c->id);
    return out;
  };
  EXPECT_TRUE(caution_ids({BodyArea::calf}).count("swollen_calf"));
  EXPECT_FALSE(caution_ids({BodyArea::calf}).count("hot_swollen_foot"));
  EXPECT_TRUE(caution_ids({BodyArea::foot}).count("hot_swollen_foot"));
}

TEST(BodyAreas, ABadAreaIsRejectedWithItsLine) {
  std::string text = read_text_file(knowledge_dir_path() + "/red_flags.json");
  const std::string needle = "\"areas\": [\"calf\", \"knee\", \"outer_leg\"]";
  ASSERT_NE(text.find(needle), std::string::npos);
  text.replace(text.find(needle), needle.size(), "\"areas\": [\"calf\", \"elbow\"]");
  try {
    parse_red_flags(text, "red_flags.json");
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("red_flags[0].areas[1]: \"elbow\" is not one of: \"knee\""), std::string::npos)
        << e.what();
  }
}

} // namespace
} // namespace crus
