#include "core/anatomy/trigger_points.hpp"

#include "core/checked_cast.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"

#include <glm/geometric.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

namespace crus {

using nlohmann::json;

const char* to_string(ShapeKind kind) { return kind == ShapeKind::ellipsoid ? "ellipsoid" : "capsule"; }

const char* to_string(ZoneKind kind) { return kind == ZoneKind::essential ? "essential" : "spillover"; }

// ---------------------------------------------------------------------------
// Zone maths

namespace {
float segment_distance(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
  const glm::vec3 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (a + t * ab));
}
} // namespace

float shape_distance(const ReferralShape& shape, const glm::vec3& p) {
  if (shape.kind == ShapeKind::capsule) return segment_distance(p, shape.a, shape.b) - shape.radius;
  const glm::vec3 q = p - shape.centre;
  const float k0 = glm::length(q / shape.radii);
  const float k1 = glm::length(q / (shape.radii * shape.radii));
  if (k1 <= 0.0f) return -std::min({shape.radii.x, shape.radii.y, shape.radii.z});
  return k0 * (k0 - 1.0f) / k1;
}

Aabb shape_bounds(const ReferralShape& shape, float margin) {
  Aabb box;
  if (shape.kind == ShapeKind::capsule) {
    box.min = glm::min(shape.a, shape.b) - glm::vec3(shape.radius + margin);
    box.max = glm::max(shape.a, shape.b) + glm::vec3(shape.radius + margin);
  } else {
    box.min = shape.centre - shape.radii - glm::vec3(margin);
    box.max = shape.centre + shape.radii + glm::vec3(margin);
  }
  return box;
}

float zone_membership(const ReferralZone& zone, const glm::vec3& p) {
  float best = 0.0f;
  for (const ReferralShape& shape : zone.shapes) {
    const float d = shape_distance(shape, p);
    float m = 0.0f;
    if (d <= 0.0f) {
      return 1.0f;
    } else if (d < zone.edge_width) {
      const float x = d / zone.edge_width;
      m = 1.0f - x * x * (3.0f - 2.0f * x);
    }
    best = std::max(best, m);
  }
  return best;
}

const TriggerPoint* TriggerPointSet::find(const std::string& id) const {
  for (const TriggerPoint& tp : trigger_points)
    if (tp.id == id) return &tp;
  return nullptr;
}

const CitedSource* TriggerPointSet::find_source(const std::string& key) const {
  for (const CitedSource& s : sources)
    if (s.key == key) return &s;
  return nullptr;
}

std::vector<const TriggerPoint*> select_trigger_points(const TriggerPointSet& set, const std::string& id) {
  std::vector<const TriggerPoint*> out;
  if (id.empty()) return out;
  for (const TriggerPoint& tp : set.trigger_points)
    if (tp.id == id || tp.muscle == id || tp.group == id) out.push_back(&tp);
  return out;
}

namespace {
struct BoundedShape {
  const ReferralShape* shape;
  Aabb box;
  float edge;
  bool essential;
};

bool inside(const Aabb& box, const glm::vec3& p) {
  return p.x >= box.min.x && p.y >= box.min.y && p.z >= box.min.z && p.x <= box.max.x && p.y <= box.max.y && p.z <= box.max.z;
}

float membership_of(const BoundedShape& s, const glm::vec3& p) {
  const float d = shape_distance(*s.shape, p);
  if (d <= 0.0f) return 1.0f;
  if (d >= s.edge) return 0.0f;
  const float x = d / s.edge;
  return 1.0f - x * x * (3.0f - 2.0f * x);
}
} // namespace

ZoneWeights zone_weights(const Mesh& mesh, const std::vector<const TriggerPoint*>& trigger_points) {
  ZoneWeights w;
  w.essential.assign(mesh.positions.size(), 0.0f);
  w.spillover.assign(mesh.positions.size(), 0.0f);
  // Bounding boxes first: most vertices are far from most shapes.
  std::vector<BoundedShape> shapes;
  for (const TriggerPoint* tp : trigger_points) {
    for (ZoneKind kind : {ZoneKind::essential, ZoneKind::spillover}) {
      const ReferralZone& zone = tp->zone(kind);
      for (const ReferralShape& s : zone.shapes)
        shapes.push_back({&s, shape_bounds(s, zone.edge_width), zone.edge_width, kind == ZoneKind::essential});
    }
  }
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    const glm::vec3& p = mesh.positions[v];
    for (const BoundedShape& s : shapes) {
      if (!inside(s.box, p)) continue;
      float& slot = s.essential ? w.essential[v] : w.spillover[v];
      if (slot >= 1.0f) continue;
      slot = std::max(slot, membership_of(s, p));
    }
  }
  return w;
}

ZoneWeights zone_weights(const Mesh& mesh, const TriggerPointSet& set, const std::string& id) {
  const std::vector<const TriggerPoint*> selected = select_trigger_points(set, id);
  if (selected.empty()) throw InputError("", "'" + id + "' names no trigger point, muscle or muscle group with trigger points");
  return zone_weights(mesh, selected);
}

// ---------------------------------------------------------------------------
// JsonChecker

JsonChecker::JsonChecker(const std::string& json_text, std::string source_name)
    : text_(json_text), source_(std::move(source_name)), lines_(JsonLineMap::build(json_text)) {}

json JsonChecker::parse() const {
  JsonParseFailure failure;
  std::optional<json> doc = parse_json_text(text_, &failure);
  if (!doc) throw InputError(source_ + ":" + std::to_string(failure.line), "not valid JSON: " + failure.message);
  // Structure first, every fault at once, by the schema the file names; then
  // the checks a schema cannot state (anchors, source keys, duplicates).
  check_named_schema(*doc, text_, source_);
  return std::move(*doc);
}

void JsonChecker::fail(const std::string& path, const std::string& problem) const {
  throw InputError(source_ + ":" + std::to_string(std::max(1, lines_.line_of(path))),
                   (path.empty() ? std::string("(root)") : path) + ": " + problem);
}

void JsonChecker::require_object(const json& value, const std::string& path) const {
  if (!value.is_object()) fail(path, "expected an object");
}

void JsonChecker::only_keys(const json& object, const std::string& path, std::initializer_list<const char*> allowed) const {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (const char* key : allowed) known = known || it.key() == key;
    if (!known) fail(field(path, it.key()), "unknown field");
  }
}

const json& JsonChecker::member(const json& object, const std::string& path, const char* key) const {
  const auto it = object.find(key);
  if (it == object.end()) fail(field(path, key), "missing");
  return *it;
}

std::string JsonChecker::text(const json& object, const std::string& path, const char* key) const {
  const json& v = member(object, path, key);
  if (!v.is_string() || v.get_ref<const std::string&>().empty()) fail(field(path, key), "expected a non-empty string");
  return v.get<std::string>();
}

std::string JsonChecker::optional_text(const json& object, const std::string& path, const char* key) const {
  if (!object.contains(key)) return {};
  return text(object, path, key);
}

std::vector<std::string> JsonChecker::texts(const json& object, const std::string& path, const char* key, bool required,
                                            std::size_t min_items) const {
  std::vector<std::string> out;
  if (!object.contains(key)) {
    if (required) fail(field(path, key), "missing");
    return out;
  }
  const std::string p = field(path, key);
  const json& v = object.at(key);
  if (!v.is_array()) fail(p, "expected a list of strings");
  if (v.size() < min_items) fail(p, "expected at least " + std::to_string(min_items) + " item(s)");
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string() || v[i].get_ref<const std::string&>().empty()) fail(element(p, i), "expected a non-empty string");
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

std::vector<std::string> JsonChecker::ids(const json& object, const std::string& path, const char* key, bool required,
                                          std::size_t min_items) const {
  std::vector<std::string> out = texts(object, path, key, required, min_items);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!is_id(out[i])) fail(element(field(path, key), i), "'" + out[i] + "' is not an id (a-z, 0-9, _)");
  return out;
}

std::vector<CitedSource> JsonChecker::sources(const json& object, const std::string& path) const {
  const std::string p = field(path, "sources");
  const json& list = member(object, path, "sources");
  if (!list.is_array() || list.empty()) fail(p, "expected a non-empty list of sources");
  std::vector<CitedSource> out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string ep = element(p, i);
    require_object(list[i], ep);
    only_keys(list[i], ep, {"key", "kind", "citation", "url"});
    CitedSource s;
    s.key = text(list[i], ep, "key");
    if (!is_id(s.key)) fail(field(ep, "key"), "'" + s.key + "' is not an id (a-z, 0-9, _)");
    if (!seen.insert(s.key).second) fail(field(ep, "key"), "duplicate source key '" + s.key + "'");
    s.kind = text(list[i], ep, "kind");
    s.citation = text(list[i], ep, "citation");
    s.url = optional_text(list[i], ep, "url");
    if (!s.url.empty() && s.url.rfind("http://", 0) != 0 && s.url.rfind("https://", 0) != 0)
      fail(field(ep, "url"), "expected an http(s) address");
    out.push_back(std::move(s));
  }
  return out;
}

void JsonChecker::check_source_keys(const std::vector<std::string>& keys, const std::vector<CitedSource>& sources,
                                    const std::string& path) const {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const bool known = std::any_of(sources.begin(), sources.end(), [&](const CitedSource& s) { return s.key == keys[i]; });
    if (!known) fail(element(path, i), "source '" + keys[i] + "' is not in the file's sources list");
  }
}

bool JsonChecker::is_id(const std::string& text) {
  if (text.empty() || text[0] < 'a' || text[0] > 'z') return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// ---------------------------------------------------------------------------
// Loading

namespace {
class TriggerPointParser {
public:
  TriggerPointParser(const JsonChecker& check, const std::vector<Landmark>& landmarks) : check_(check), landmarks_(landmarks) {}

  TriggerPointSet parse(const json& root) {
    check_.require_object(root, "");
    check_.only_keys(root, "",
                     {"$schema", "version", "side", "frame", "edge_width", "disclaimer", "notes", "sources", "trigger_points"});
    const json& version = check_.member(root, "", "version");
    if (!version.is_number_integer() || version != 1) check_.fail("version", "expected 1");
    const json& side = check_.member(root, "", "side");
    if (!side.is_string() || side.get<std::string>() != "right") check_.fail("side", "expected \"right\"");
    if (root.contains("frame")) check_.text(root, "", "frame");

    TriggerPointSet set;
    const json& edge = check_.member(root, "", "edge_width");
    if (!edge.is_number() || !std::isfinite(edge.get<double>()) || edge.get<double>() < 0.0 || edge.get<double>() > 0.1)
      check_.fail("edge_width", "expected a number of metres between 0 and 0.1");
    set.edge_width = edge.get<float>();
    set.disclaimer = check_.optional_text(root, "", "disclaimer");
    set.notes = check_.texts(root, "", "notes", false, 0);
    set.sources = check_.sources(root, "");

    const json& list = check_.member(root, "", "trigger_points");
    if (!list.is_array() || list.empty()) check_.fail("trigger_points", "expected a non-empty list");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = JsonChecker::element("trigger_points", i);
      TriggerPoint tp = trigger_point(list[i], path, set);
      if (!seen.insert(tp.id).second) check_.fail(JsonChecker::field(path, "id"), "duplicate id '" + tp.id + "'");
      set.trigger_points.push_back(std::move(tp));
    }
    return set;
  }

private:
  TriggerPoint trigger_point(const json& v, const std::string& path, const TriggerPointSet& set) {
    check_.require_object(v, path);
    check_.only_keys(v, path,
                     {"id", "muscle", "group", "label", "location_text", "location", "essential_zone", "spillover_zone",
                      "outside_model", "symptoms", "activating_factors", "self_care", "safety_net", "differential", "sources",
                      "notes"});
    TriggerPoint tp;
    tp.id = id_field(v, path, "id");
    tp.muscle = id_field(v, path, "muscle");
    tp.group = v.contains("group") ? id_field(v, path, "group") : tp.muscle;
    tp.label = check_.text(v, path, "label");
    tp.location_text = check_.text(v, path, "location_text");
    tp.location = point(check_.member(v, path, "location"), JsonChecker::field(path, "location"));
    tp.essential = zone(v, path, "essential_zone", set.edge_width);
    tp.spillover = zone(v, path, "spillover_zone", set.edge_width);
    tp.outside_model = check_.texts(v, path, "outside_model", false, 1);
    if (tp.essential.empty() && tp.spillover.empty())
      check_.fail(JsonChecker::field(path, "essential_zone"), "a trigger point needs at least one zone shape");
    if (tp.essential.empty() && tp.outside_model.empty())
      check_.fail(JsonChecker::field(path, "essential_zone"), "empty; say in outside_model where the essential zone lies");
    tp.symptoms = check_.texts(v, path, "symptoms", true, 1);
    tp.activating_factors = check_.texts(v, path, "activating_factors", true, 1);
    tp.self_care = check_.texts(v, path, "self_care", true, 1);
    tp.safety_net = safety_net(check_.member(v, path, "safety_net"), JsonChecker::field(path, "safety_net"));
    tp.differential = check_.texts(v, path, "differential", true, 1);
    tp.sources = check_.ids(v, path, "sources", true, 1);
    check_.check_source_keys(tp.sources, set.sources, JsonChecker::field(path, "sources"));
    tp.notes = check_.texts(v, path, "notes", false, 0);
    return tp;
  }

  // Red-flag ids are checked against red_flags.json by the data tests: this
  // loader does not read that file.
  SafetyNet safety_net(const json& v, const std::string& path) {
    check_.require_object(v, path);
    check_.only_keys(v, path, {"red_flags", "text"});
    SafetyNet net;
    net.red_flags = check_.ids(v, path, "red_flags", true, 1);
    net.text = check_.text(v, path, "text");
    return net;
  }

  std::string id_field(const json& v, const std::string& path, const char* key) {
    std::string s = check_.text(v, path, key);
    if (!JsonChecker::is_id(s)) check_.fail(JsonChecker::field(path, key), "'" + s + "' is not an id (a-z, 0-9, _)");
    return s;
  }

  const Landmark& landmark(const json& object, const std::string& path, const char* key) {
    const std::string p = JsonChecker::field(path, key);
    const json& v = check_.member(object, path, key);
    if (!v.is_string()) check_.fail(p, "expected a landmark id");
    const std::string& id = v.get_ref<const std::string&>();
    for (const Landmark& l : landmarks_)
      if (l.id == id) return l;
    check_.fail(p, "unknown landmark '" + id + "'");
  }

  // A finite double that a float cannot hold (1e300) is refused at its line.
  float narrow_float(double x, const std::string& path) const {
    try {
      return checked_narrow<float>(x, "");
    } catch (const InputError& e) {
      check_.fail(path, e.what());
    }
  }

  glm::vec3 vec3(const json& v, const std::string& path, bool positive) {
    const char* want = positive ? "expected 3 positive numbers" : "expected 3 numbers";
    if (!v.is_array() || v.size() != 3) check_.fail(path, want);
    glm::vec3 out{0.0f};
    for (int i = 0; i < 3; ++i) {
      if (!v[static_cast<std::size_t>(i)].is_number()) check_.fail(path, want);
      const double x = v[static_cast<std::size_t>(i)].get<double>();
      if (!std::isfinite(x) || (positive && x <= 0.0)) check_.fail(path, want);
      out[i] = narrow_float(x, path);
    }
    return out;
  }

  glm::vec3 point(const json& v, const std::string& path) {
    check_.require_object(v, path);
    check_.only_keys(v, path, {"anchor", "from", "to", "t", "offset"});
    const glm::vec3 offset =
        v.contains("offset") ? vec3(v.at("offset"), JsonChecker::field(path, "offset"), false) : glm::vec3(0.0f);
    const bool anchored = v.contains("anchor");
    const bool between = v.contains("from") || v.contains("to") || v.contains("t");
    if (anchored == between) check_.fail(path, "expected either \"anchor\" or \"from\", \"to\" and \"t\"");
    if (anchored) return landmark(v, path, "anchor").position + offset;
    const glm::vec3 from = landmark(v, path, "from").position;
    const glm::vec3 to = landmark(v, path, "to").position;
    const json& t = check_.member(v, path, "t");
    if (!t.is_number() || !(t.get<double>() >= 0.0 && t.get<double>() <= 1.0))
      check_.fail(JsonChecker::field(path, "t"), "expected a number from 0 to 1");
    return from + t.get<float>() * (to - from) + offset;
  }

  ReferralZone zone(const json& v, const std::string& path, const char* key, float edge_width) {
    const std::string p = JsonChecker::field(path, key);
    const json& list = check_.member(v, path, key);
    if (!list.is_array()) check_.fail(p, "expected a list of shapes");
    ReferralZone z;
    z.edge_width = edge_width;
    for (std::size_t i = 0; i < list.size(); ++i) z.shapes.push_back(shape(list[i], JsonChecker::element(p, i)));
    return z;
  }

  ReferralShape shape(const json& v, const std::string& path) {
    check_.require_object(v, path);
    check_.only_keys(v, path, {"shape", "region", "centre", "radii", "a", "b", "radius"});
    ReferralShape s;
    const std::string kind = check_.text(v, path, "shape");
    s.region = check_.optional_text(v, path, "region");
    if (kind == "ellipsoid") {
      s.kind = ShapeKind::ellipsoid;
      for (const char* k : {"a", "b", "radius"})
        if (v.contains(k)) check_.fail(JsonChecker::field(path, k), "not a field of an ellipsoid");
      s.centre = point(check_.member(v, path, "centre"), JsonChecker::field(path, "centre"));
      s.radii = vec3(check_.member(v, path, "radii"), JsonChecker::field(path, "radii"), true);
    } else if (kind == "capsule") {
      s.kind = ShapeKind::capsule;
      for (const char* k : {"centre", "radii"})
        if (v.contains(k)) check_.fail(JsonChecker::field(path, k), "not a field of a capsule");
      s.a = point(check_.member(v, path, "a"), JsonChecker::field(path, "a"));
      s.b = point(check_.member(v, path, "b"), JsonChecker::field(path, "b"));
      const json& r = check_.member(v, path, "radius");
      if (!r.is_number() || !(r.get<double>() > 0.0) || !std::isfinite(r.get<double>()))
        check_.fail(JsonChecker::field(path, "radius"), "expected a positive number");
      s.radius = narrow_float(r.get<double>(), JsonChecker::field(path, "radius"));
    } else {
      check_.fail(JsonChecker::field(path, "shape"), "expected \"ellipsoid\" or \"capsule\", not \"" + kind + "\"");
    }
    return s;
  }

  const JsonChecker& check_;
  const std::vector<Landmark>& landmarks_;
};
} // namespace

TriggerPointSet parse_trigger_points(const std::string& json_text, const std::string& source_name,
                                     const std::vector<Landmark>& landmarks) {
  const JsonChecker check(json_text, source_name);
  const json root = check.parse();
  return TriggerPointParser(check, landmarks).parse(root);
}

TriggerPointSet load_trigger_points(const std::string& path, const std::vector<Landmark>& landmarks) {
  return parse_trigger_points(read_text_file(path), path, landmarks);
}

} // namespace crus
