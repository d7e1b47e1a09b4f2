#pragma once
// The "Not muscle pain? Red flags" box (assets/knowledge/red_flags.json):
// other causes of calf and leg pain that must not be missed, with the signs
// that need urgent care, in plain words. Plain data: no GL.
#include "core/trigger_points.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crus {

// emergency: call the emergency services now; urgent: see a doctor today;
// soon: book an appointment in the next days.
enum class Urgency { emergency, urgent, soon };
const char* to_string(Urgency urgency);
std::optional<Urgency> parse_urgency(const std::string& text);

struct RedFlag {
  std::string id;                          // e.g. "deep_vein_thrombosis"
  std::string title;
  std::string what_it_is;
  std::vector<std::string> warning_signs;
  std::vector<std::string> escalate_if;    // signs that make it an emergency; may be empty
  Urgency urgency = Urgency::urgent;
  std::vector<std::string> related;        // ids of other red flags
  std::vector<std::string> sources;        // keys into RedFlagSet::sources
};

struct RedFlagSet {
  std::string title;
  std::string disclaimer;
  std::string advice[3];                   // what to do, indexed by Urgency
  std::vector<CitedSource> sources;
  std::vector<RedFlag> red_flags;          // in file order

  const RedFlag* find(const std::string& id) const;
  const std::string& advice_for(Urgency urgency) const { return advice[static_cast<int>(urgency)]; }
  // Emergencies first, then urgent, then soon; file order within each.
  std::vector<const RedFlag*> by_urgency() const;
};

// Throws InputError "<path>:<line>: <json path>: <problem>".
RedFlagSet load_red_flags(const std::string& path);
RedFlagSet parse_red_flags(const std::string& json_text, const std::string& source_name);

} // namespace crus
