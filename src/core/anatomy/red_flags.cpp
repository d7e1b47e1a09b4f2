#include "core/anatomy/red_flags.hpp"

#include "core/io/file_io.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace crus {

using nlohmann::json;

const char* to_string(Urgency urgency) {
  switch (urgency) {
    case Urgency::emergency: return "emergency";
    case Urgency::urgent: return "urgent";
    case Urgency::soon: return "soon";
  }
  return "urgent";
}

std::optional<Urgency> parse_urgency(const std::string& text) {
  for (Urgency u : {Urgency::emergency, Urgency::urgent, Urgency::soon})
    if (text == to_string(u)) return u;
  return std::nullopt;
}

const RedFlag* RedFlagSet::find(const std::string& id) const {
  for (const RedFlag& f : red_flags)
    if (f.id == id) return &f;
  return nullptr;
}

std::vector<const RedFlag*> RedFlagSet::by_urgency() const {
  std::vector<const RedFlag*> out;
  for (Urgency u : {Urgency::emergency, Urgency::urgent, Urgency::soon})
    for (const RedFlag& f : red_flags)
      if (f.urgency == u) out.push_back(&f);
  return out;
}

namespace {

bool touches(const std::vector<BodyArea>& mine, const std::vector<BodyArea>& areas) {
  if (areas.empty()) return true;
  for (BodyArea a : mine)
    if (std::find(areas.begin(), areas.end(), a) != areas.end()) return true;
  return false;
}

std::vector<BodyArea> parse_areas(const JsonChecker& check, const json& v, const std::string& path) {
  std::vector<BodyArea> out;
  const std::vector<std::string> names = check.texts(v, path, "areas", true, 1);
  for (std::size_t j = 0; j < names.size(); ++j) {
    const std::optional<BodyArea> a = parse_body_area(names[j]);
    if (!a)
      check.fail(JsonChecker::element(JsonChecker::field(path, "areas"), j),
                 "'" + names[j] + "' is not a body area (knee, calf, shin, outer_leg, ankle, heel, foot, toes)");
    out.push_back(*a);
  }
  return out;
}

} // namespace

std::vector<const RedFlag*> RedFlagSet::for_areas(const std::vector<BodyArea>& areas) const {
  std::vector<const RedFlag*> out;
  for (const RedFlag* f : by_urgency())
    if (touches(f->areas, areas)) out.push_back(f);
  return out;
}

std::vector<const SelfCareCaution*> RedFlagSet::cautions_for(const std::vector<BodyArea>& areas) const {
  std::vector<const SelfCareCaution*> out;
  for (const SelfCareCaution& c : cautions)
    if (touches(c.areas, areas)) out.push_back(&c);
  return out;
}

bool any_urgent(const std::vector<const RedFlag*>& flags) {
  return std::any_of(flags.begin(), flags.end(), [](const RedFlag* f) { return f->urgency != Urgency::soon; });
}

std::vector<BodyArea> trigger_point_areas(const TriggerPoint& tp, const BodyAreaMap& map) {
  std::vector<glm::vec3> points = {tp.location};
  for (const ReferralZone* zone : {&tp.essential, &tp.spillover})
    for (const ReferralShape& shape : zone->shapes) {
      if (shape.kind == ShapeKind::capsule) {
        points.push_back(shape.a);
        points.push_back(shape.b);
      } else {
        points.push_back(shape.centre);
      }
    }
  return map.areas_of(points, 0.0f);
}

RedFlagSet parse_red_flags(const std::string& json_text, const std::string& source_name) {
  const JsonChecker check(json_text, source_name);
  const json root = check.parse();
  check.require_object(root, "");
  check.only_keys(root, "",
                  {"$schema", "version", "title", "disclaimer", "urgency_levels", "urgency_basis", "sources", "red_flags",
                   "self_care_cautions"});
  const json& version = check.member(root, "", "version");
  if (!version.is_number_integer() || version != 1) check.fail("version", "expected 1");

  RedFlagSet set;
  set.title = check.text(root, "", "title");
  set.disclaimer = check.text(root, "", "disclaimer");
  const json& levels = check.member(root, "", "urgency_levels");
  check.require_object(levels, "urgency_levels");
  check.only_keys(levels, "urgency_levels", {"emergency", "urgent", "soon"});
  for (Urgency u : {Urgency::emergency, Urgency::urgent, Urgency::soon})
    set.advice[static_cast<int>(u)] = check.text(levels, "urgency_levels", to_string(u));
  set.sources = check.sources(root, "");
  std::set<std::string> cited;
  const json& basis = check.member(root, "", "urgency_basis");
  check.require_object(basis, "urgency_basis");
  check.only_keys(basis, "urgency_basis", {"emergency", "urgent", "soon"});
  for (Urgency u : {Urgency::emergency, Urgency::urgent, Urgency::soon}) {
    const std::string path = JsonChecker::field("urgency_basis", to_string(u));
    const json& b = check.member(basis, "urgency_basis", to_string(u));
    check.require_object(b, path);
    check.only_keys(b, path, {"text", "sources"});
    UrgencyBasis& out = set.basis[static_cast<int>(u)];
    out.text = check.text(b, path, "text");
    out.sources = check.ids(b, path, "sources", true, 1);
    check.check_source_keys(out.sources, set.sources, JsonChecker::field(path, "sources"));
    cited.insert(out.sources.begin(), out.sources.end());
  }

  const json& list = check.member(root, "", "red_flags");
  if (!list.is_array() || list.empty()) check.fail("red_flags", "expected a non-empty list");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = JsonChecker::element("red_flags", i);
    const json& v = list[i];
    check.require_object(v, path);
    check.only_keys(
        v, path,
        {"id", "title", "what_it_is", "warning_signs", "see_today_if", "urgency", "escalate_if", "areas", "related", "sources"});
    RedFlag f;
    f.id = check.text(v, path, "id");
    if (!JsonChecker::is_id(f.id)) check.fail(JsonChecker::field(path, "id"), "'" + f.id + "' is not an id (a-z, 0-9, _)");
    if (!seen.insert(f.id).second) check.fail(JsonChecker::field(path, "id"), "duplicate id '" + f.id + "'");
    f.title = check.text(v, path, "title");
    f.what_it_is = check.text(v, path, "what_it_is");
    f.warning_signs = check.texts(v, path, "warning_signs", true, 1);
    f.see_today_if = check.texts(v, path, "see_today_if", false, 1);
    f.escalate_if = check.texts(v, path, "escalate_if", false, 1);
    const std::string urgency = check.text(v, path, "urgency");
    const std::optional<Urgency> u = parse_urgency(urgency);
    if (!u)
      check.fail(JsonChecker::field(path, "urgency"), "expected \"emergency\", \"urgent\" or \"soon\", not \"" + urgency + "\"");
    f.urgency = *u;
    if (f.urgency != Urgency::soon && !f.see_today_if.empty())
      check.fail(JsonChecker::field(path, "see_today_if"), "only a \"soon\" red flag can be raised to the same day");
    f.areas = parse_areas(check, v, path);
    f.related = check.ids(v, path, "related", false, 0);
    f.sources = check.ids(v, path, "sources", true, 1);
    check.check_source_keys(f.sources, set.sources, JsonChecker::field(path, "sources"));
    cited.insert(f.sources.begin(), f.sources.end());
    set.red_flags.push_back(std::move(f));
  }
  // Links between red flags must resolve (checked once all ids are known).
  for (std::size_t i = 0; i < set.red_flags.size(); ++i) {
    const std::vector<std::string>& related = set.red_flags[i].related;
    for (std::size_t j = 0; j < related.size(); ++j)
      if (!set.find(related[j]))
        check.fail(JsonChecker::element(JsonChecker::field(JsonChecker::element("red_flags", i), "related"), j),
                   "no red flag has the id '" + related[j] + "'");
  }
  const json& cautions = check.member(root, "", "self_care_cautions");
  if (!cautions.is_array() || cautions.empty()) check.fail("self_care_cautions", "expected a non-empty list");
  for (std::size_t i = 0; i < cautions.size(); ++i) {
    const std::string path = JsonChecker::element("self_care_cautions", i);
    const json& v = cautions[i];
    check.require_object(v, path);
    check.only_keys(v, path, {"id", "areas", "text", "red_flags"});
    SelfCareCaution c;
    c.id = check.text(v, path, "id");
    c.areas = parse_areas(check, v, path);
    c.text = check.text(v, path, "text");
    c.red_flags = check.ids(v, path, "red_flags", true, 1);
    for (std::size_t j = 0; j < c.red_flags.size(); ++j)
      if (!set.find(c.red_flags[j]))
        check.fail(JsonChecker::element(JsonChecker::field(path, "red_flags"), j),
                   "no red flag has the id '" + c.red_flags[j] + "'");
    set.cautions.push_back(std::move(c));
  }
  // A declared source that nothing cites is either dead weight or a fact
  // that lost its citation: both are mistakes.
  for (std::size_t i = 0; i < set.sources.size(); ++i)
    if (!cited.count(set.sources[i].key))
      check.fail(JsonChecker::field(JsonChecker::element("sources", i), "key"),
                 "source '" + set.sources[i].key + "' is declared but no red flag or urgency level cites it");
  return set;
}

RedFlagSet load_red_flags(const std::string& path) { return parse_red_flags(read_text_file(path), path); }

bool caution_covered_by(const SelfCareCaution& caution, const std::vector<std::string>& red_flag_ids) {
  return std::any_of(caution.red_flags.begin(), caution.red_flags.end(), [&](const std::string& id) {
    return std::find(red_flag_ids.begin(), red_flag_ids.end(), id) != red_flag_ids.end();
  });
}

} // namespace crus
