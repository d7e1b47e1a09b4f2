// The words of the patient handouts: what goes on the page for one trigger
// point or for a painted pain map, and the red-flag box that fits the place.
// The layout is in handout.cpp.
#include "core/publish/handout.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace crus {

namespace {

std::string lower_first(std::string text) {
  // Leaves "S1 ..." and "MRI ..." alone.
  bool name =
      text.size() > 1 && (std::isupper(static_cast<unsigned char>(text[1])) || std::isdigit(static_cast<unsigned char>(text[1])));
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' && !name) text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::vector<std::string> regions(const ReferralZone& zone) {
  std::vector<std::string> out;
  for (const auto& s : zone.shapes)
    if (!s.region.empty() && std::find(out.begin(), out.end(), s.region) == out.end()) out.push_back(s.region);
  return out;
}

// The first n items: the page has room for the main points; the viewer
// shows them all.
std::vector<std::string> first(const std::vector<std::string>& items, std::size_t n) {
  return {items.begin(), items.begin() + static_cast<std::ptrdiff_t>(std::min(n, items.size()))};
}

std::string end_sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') text += '.';
  return text;
}

// "A. B. C.": each item as a sentence (items may start with a proper name,
// so their case is kept).
std::string as_sentences(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ' ';
    out += end_sentence(item);
  }
  return out;
}

void add_sources(std::vector<std::string>& out, std::set<std::string>& seen, const TriggerPoint& tp, const TriggerPointSet& set) {
  for (const auto& key : tp.sources) {
    if (!seen.insert(key).second) continue;
    const CitedSource* s = set.find_source(key);
    out.push_back(s ? s->citation : key);
  }
}

const char* kWhatIsATriggerPoint =
    "A trigger point is a small, tender spot in a tight band of muscle. When it is irritated it can cause pain "
    "somewhere else, sometimes quite far from the spot itself. This is called referred pain.";

} // namespace

std::vector<std::string> handout_red_flag_lines(const RedFlagSet& red_flags, const std::vector<const RedFlag*>& flags) {
  std::vector<std::string> lines;
  const std::pair<Urgency, const char*> groups[] = {{Urgency::emergency, "Emergency. "}, {Urgency::urgent, "Same day. "}};
  for (auto [urgency, label] : groups) {
    bool first = true;
    for (const RedFlag* f : flags) {
      if (f->urgency != urgency) continue;
      if (first) {
        lines.push_back("# " + std::string(label) + red_flags.advice_for(urgency));
        first = false;
      }
      std::vector<std::string> signs;
      // The first sign, and the second when both are short: the box must
      // stay small enough to leave room for the rest of the page.
      std::size_t length = 0;
      for (std::size_t i = 0; i < f->warning_signs.size() && i < 2; ++i) {
        length += f->warning_signs[i].size();
        if (i > 0 && length > 100) break;
        signs.push_back(lower_first(f->warning_signs[i]));
      }
      lines.push_back(f->title + ": " + end_sentence(join(signs, "; ")));
    }
  }
  // The ones that can wait a few days: their names only, in one line.
  std::vector<std::string> soon;
  for (const RedFlag* f : flags)
    if (f->urgency == Urgency::soon) soon.push_back(f->title);
  if (!soon.empty()) {
    lines.push_back("# Soon. " + red_flags.advice_for(Urgency::soon));
    lines.push_back(end_sentence(join(soon, "; ")));
  }
  return lines;
}

std::vector<std::string> handout_red_flag_lines(const RedFlagSet& red_flags) {
  return handout_red_flag_lines(red_flags, red_flags.by_urgency());
}

namespace {

// The red-flag box for `areas` (every red flag when it is empty), and the
// safety net that opens the self-care list `care`: the trigger point's own
// (`net`), then the cautions for the place that it does not already cover.
// Urgent or emergency red flags put the box before the trigger points.
void add_safety_net(HandoutContent& c, const RedFlagSet* red_flags, const std::vector<BodyArea>& areas,
                    std::vector<std::string>* care, const SafetyNet* net = nullptr) {
  std::vector<std::string> opening;
  if (net && !net->text.empty()) opening.push_back(net->text);
  if (red_flags) {
    const std::vector<const RedFlag*> flags = red_flags->for_areas(areas);
    c.red_flag_lines = handout_red_flag_lines(*red_flags, flags);
    if (!red_flags->title.empty()) c.red_flag_heading = red_flags->title;
    if (!areas.empty()) c.red_flag_heading += " for this part of the leg";
    c.red_flags_first = any_urgent(flags);
    for (const SelfCareCaution* caution : red_flags->cautions_for(areas))
      if (!net || !caution_covered_by(*caution, net->red_flags)) opening.push_back(caution->text);
  }
  if (care) care->insert(care->begin(), opening.begin(), opening.end());
}

bool valid_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || m < 1 || m > 12 || day < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return day <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

// Control characters would draw as boxes (or hide text); newlines are
// allowed in the notes only.
bool has_control(const std::string& text, bool newlines) {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && !(newlines && (c == '\n' || c == '\r' || c == '\t'))) || u == 0x7f;
  });
}

} // namespace

std::string check_handout_patient(const HandoutPatient& p) {
  if (p.name.size() > 120) return "--patient: the name is longer than 120 characters";
  if (has_control(p.name, false)) return "--patient: the name holds control characters";
  if (!p.date.empty() && !valid_date(p.date))
    return "--date: expected a day as YYYY-MM-DD (e.g. 2026-03-14), got \"" + p.date + "\"";
  if (p.notes.size() > 1500) return "--notes: the notes are longer than 1500 characters; the page has room for a few lines";
  if (has_control(p.notes, true)) return "--notes: the notes hold control characters";
  return "";
}

std::string plain_trigger_point_title(const TriggerPoint& tp) {
  std::string muscle = tp.group.empty() ? tp.muscle : tp.group;
  std::replace(muscle.begin(), muscle.end(), '_', ' ');
  return "Pain from a tight spot in the " + muscle + " muscle";
}

HandoutContent handout_for_trigger_point(const TriggerPoint& tp, const TriggerPointSet& set, const RedFlagSet* red_flags,
                                         const std::vector<BodyArea>& areas) {
  HandoutContent c;
  c.title = plain_trigger_point_title(tp);
  c.technical_name = "Trigger point: " + tp.label;
  c.view_captions = {"From behind", "From the front", "Inner side", "Outer side"};
  c.sections.push_back({"What a trigger point is, and where this one lies",
                        {std::string(kWhatIsATriggerPoint) + " " + end_sentence(tp.location_text)}});
  std::vector<std::string> where;
  auto essential = regions(tp.essential);
  auto spillover = regions(tp.spillover);
  if (!essential.empty()) where.push_back("Most often felt (solid red on the pictures): " + end_sentence(join(essential, "; ")));
  if (!spillover.empty())
    where.push_back("Sometimes also felt (hatched red on the pictures): " + end_sentence(join(spillover, "; ")));
  for (const auto& o : tp.outside_model)
    where.push_back("Beyond the part of the body shown here: " + end_sentence(lower_first(o)));
  if (!where.empty()) c.sections.push_back({"Where it can send pain", where});
  // The safety net and self-care come before symptoms and triggers: when the
  // red-flag box is long, the page drops its last sections, and those matter
  // less to a patient than what to do (and what to rule out first).
  std::vector<std::string> care = first(tp.self_care, 6);
  care.push_back("Go gently: stop anything that makes the pain sharper, and see a health professional if it has not eased within "
                 "two or three weeks.");
  add_safety_net(c, red_flags, areas, &care, &tp.safety_net);
  c.sections.push_back({"What you can do yourself, once the red flags are ruled out", care});
  if (!tp.symptoms.empty()) c.sections.push_back({"What you may notice", first(tp.symptoms, 5)});
  if (!tp.activating_factors.empty())
    c.sections.push_back({"What can set it off or keep it going", first(tp.activating_factors, 5)});
  if (!tp.differential.empty())
    c.sections.push_back({"Other problems that can feel similar",
                          {as_sentences(tp.differential) + " A health professional can tell them apart."}});
  std::set<std::string> seen;
  add_sources(c.sources, seen, tp, set);
  return c;
}

HandoutContent handout_for_pain_map(const std::vector<ReferralCandidate>& candidates, const TriggerPointSet& set,
                                    const RedFlagSet* red_flags, const std::vector<BodyArea>& painted_areas) {
  HandoutContent c;
  c.title = "Where your pain may come from";
  c.view_captions = {"From behind", "From the front", "Inner side", "Outer side"};
  std::vector<const TriggerPoint*> shown;
  std::vector<const ReferralCandidate*> matched;
  for (const auto& cand : candidates) {
    if (shown.size() == 5) break;
    if (const TriggerPoint* tp = set.find(cand.trigger_point)) {
      shown.push_back(tp);
      matched.push_back(&cand);
    }
  }
  if (shown.empty()) {
    c.sections.push_back({"What the map shows",
                          {"None of the trigger points in Crus usually sends pain to the area that was marked (violet in the "
                           "pictures). Pain there has many other causes, so please ask a health professional to look at it."}});
    add_safety_net(c, red_flags, painted_areas, nullptr);
  } else {
    c.sections.push_back({"What the map shows",
                          {std::string(kWhatIsATriggerPoint) +
                           " The area that was marked was compared with the usual pain "
                           "maps of the trigger points in the calf and shin. The pictures show the marked area in violet and "
                           "the map of the closest match; a health professional can check which, if any, is involved."}});
    std::vector<std::string> list;
    for (std::size_t i = 0; i < shown.size(); ++i) {
      const ReferralCandidate& cand = *matched[i];
      const TriggerPoint& tp = *shown[i];
      auto where = regions(tp.zone(cand.zone));
      std::string how = cand.zone == ZoneKind::essential ? "a main area of its pain" : "an area its pain sometimes spreads to";
      list.push_back(tp.label + ": the marked area is " + how + (where.empty() ? "" : " (" + join(where, "; ") + ")") + ".");
    }
    c.sections.push_back({"Trigger points that can cause pain there, closest match first", list});
    const TriggerPoint& best = *shown.front();
    c.sections.push_back({"Where " + best.label + " lies", {end_sentence(best.location_text)}});
    if (!best.activating_factors.empty()) c.sections.push_back({"What can set it off", first(best.activating_factors, 5)});
    std::vector<std::string> care = first(best.self_care, 6);
    care.push_back("Go gently: stop anything that makes the pain sharper, and see a health professional if it has not eased "
                   "within two or three weeks.");
    add_safety_net(c, red_flags, painted_areas, &care, &best.safety_net);
    c.sections.push_back({"What you can do yourself, once the red flags are ruled out", care});
  }
  std::set<std::string> seen;
  for (const TriggerPoint* tp : shown) add_sources(c.sources, seen, *tp, set);
  return c;
}

} // namespace crus
