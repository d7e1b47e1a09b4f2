#include "core/red_flags.hpp"

#include "core/file_io.hpp"

#include <nlohmann/json.hpp>

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

RedFlagSet parse_red_flags(const std::string& json_text, const std::string& source_name) {
  const JsonChecker check(json_text, source_name);
  const json root = check.parse();
  check.require_object(root, "");
  check.only_keys(root, "", {"$schema", "version", "title", "disclaimer", "urgency_levels", "sources", "red_flags"});
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

  const json& list = check.member(root, "", "red_flags");
  if (!list.is_array() || list.empty()) check.fail("red_flags", "expected a non-empty list");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = JsonChecker::element("red_flags", i);
    const json& v = list[i];
    check.require_object(v, path);
    check.only_keys(v, path, {"id", "title", "what_it_is", "warning_signs", "urgency", "escalate_if", "related", "sources"});
    RedFlag f;
    f.id = check.text(v, path, "id");
    if (!JsonChecker::is_id(f.id)) check.fail(JsonChecker::field(path, "id"), "'" + f.id + "' is not an id (a-z, 0-9, _)");
    if (!seen.insert(f.id).second) check.fail(JsonChecker::field(path, "id"), "duplicate id '" + f.id + "'");
    f.title = check.text(v, path, "title");
    f.what_it_is = check.text(v, path, "what_it_is");
    f.warning_signs = check.texts(v, path, "warning_signs", true, 1);
    f.escalate_if = check.texts(v, path, "escalate_if", false, 1);
    const std::string urgency = check.text(v, path, "urgency");
    const std::optional<Urgency> u = parse_urgency(urgency);
    if (!u) check.fail(JsonChecker::field(path, "urgency"), "expected \"emergency\", \"urgent\" or \"soon\", not \"" + urgency + "\"");
    f.urgency = *u;
    f.related = check.ids(v, path, "related", false, 0);
    f.sources = check.ids(v, path, "sources", true, 1);
    check.check_source_keys(f.sources, set.sources, JsonChecker::field(path, "sources"));
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
  return set;
}

RedFlagSet load_red_flags(const std::string& path) {
  return parse_red_flags(read_text_file(path), path);
}

} // namespace crus
