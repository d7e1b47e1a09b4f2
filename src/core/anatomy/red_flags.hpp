#pragma once
// The "Not muscle pain? Red flags" box (assets/knowledge/red_flags.json):
// other causes of calf and leg pain that must not be missed, with the signs
// that need urgent care, in plain words. Plain data: no GL.
#include "core/anatomy/body_areas.hpp"
#include "core/anatomy/trigger_points.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crus {

// One scale for every red flag (docs/clinical/RED_FLAGS.md gives the
// guideline behind each level). emergency: call the emergency services now;
// urgent: see a doctor today; soon: an appointment within days, at most two
// weeks.
enum class Urgency { emergency, urgent, soon };
const char* to_string(Urgency urgency);
std::optional<Urgency> parse_urgency(const std::string& text);

struct RedFlag {
  std::string id; // e.g. "deep_vein_thrombosis"
  std::string title;
  std::string what_it_is;
  std::vector<std::string> warning_signs;
  std::vector<std::string> see_today_if; // signs that make a 'soon' flag urgent; may be empty
  std::vector<std::string> escalate_if;  // signs that make it an emergency; may be empty
  Urgency urgency = Urgency::urgent;
  std::vector<BodyArea> areas;      // where its symptoms are felt
  std::vector<std::string> related; // ids of other red flags
  std::vector<std::string> sources; // keys into RedFlagSet::sources
};

// A safety net for self-care: shown beside every self-care list whose
// trigger point or painted region touches one of its areas.
struct SelfCareCaution {
  std::string id;
  std::vector<BodyArea> areas;
  std::string text;
  std::vector<std::string> red_flags; // ids of the red flags it points to
};

// Whether a safety net that names `red_flag_ids` already covers `caution`
// (they point to a red flag in common), so that the caution need not be
// repeated after it.
bool caution_covered_by(const SelfCareCaution& caution, const std::vector<std::string>& red_flag_ids);

struct UrgencyBasis {
  std::string text; // the guidelines behind the level
  std::vector<std::string> sources;
};

struct RedFlagSet {
  std::string title;
  std::string disclaimer;
  std::string advice[3]; // what to do, indexed by Urgency
  UrgencyBasis basis[3]; // why, indexed by Urgency
  std::vector<CitedSource> sources;
  std::vector<RedFlag> red_flags; // in file order
  std::vector<SelfCareCaution> cautions;

  const RedFlag* find(const std::string& id) const;
  const std::string& advice_for(Urgency urgency) const { return advice[static_cast<int>(urgency)]; }
  const UrgencyBasis& basis_for(Urgency urgency) const { return basis[static_cast<int>(urgency)]; }
  // Emergencies first, then urgent, then soon; file order within each.
  std::vector<const RedFlag*> by_urgency() const;
  // The red flags felt in any of `areas`, by urgency as above. Every red
  // flag when `areas` is empty (nothing known about the place: the safe side).
  std::vector<const RedFlag*> for_areas(const std::vector<BodyArea>& areas) const;
  // The self-care cautions for any of `areas`; all of them when it is empty.
  std::vector<const SelfCareCaution*> cautions_for(const std::vector<BodyArea>& areas) const;
};

// True when any of the flags is an emergency or urgent: the handout and the
// pain map then put the red flags before the trigger-point candidates.
bool any_urgent(const std::vector<const RedFlag*>& flags);

// The body areas a trigger point concerns: where the muscle spot lies and
// where its zones send pain.
std::vector<BodyArea> trigger_point_areas(const TriggerPoint& trigger_point, const BodyAreaMap& map);

// Throws InputError "<path>:<line>: <json path>: <problem>". Besides the
// shape, it checks that links between red flags resolve, that every source
// key is declared and every declared source is cited.
RedFlagSet load_red_flags(const std::string& path);
RedFlagSet parse_red_flags(const std::string& json_text, const std::string& source_name);

} // namespace crus
