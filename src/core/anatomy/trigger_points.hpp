#pragma once
// Myofascial trigger points and their referral zones
// (assets/knowledge/trigger_points.json). Zones are unions of ellipsoids and
// capsules anchored to atlas landmarks and resolved to the model frame at load
// time, so they map onto any skin mesh built on the same landmarks. Plain
// data and maths: no GL.
#include "core/io/atlas_manifest.hpp"
#include "core/io/json_schema.hpp"
#include "core/geometry/mesh.hpp"

#include <glm/vec3.hpp>
#include <initializer_list>
#include <string>
#include <vector>

namespace crus {

// One entry of a file's own "sources" list (same format as sources.json).
struct CitedSource {
  std::string key;  // e.g. "travell_simons_v2"
  std::string kind; // textbook, article, web, guideline, ...
  std::string citation;
  std::string url; // may be empty
};

enum class ShapeKind { ellipsoid, capsule };
const char* to_string(ShapeKind kind);

// One piece of a zone, resolved to the model frame.
struct ReferralShape {
  ShapeKind kind = ShapeKind::ellipsoid;
  std::string region;     // words, e.g. "underside of the heel"
  glm::vec3 centre{0.0f}; // ellipsoid
  glm::vec3 radii{0.0f};  // ellipsoid, axis-aligned
  glm::vec3 a{0.0f};      // capsule segment
  glm::vec3 b{0.0f};
  float radius = 0.0f; // capsule
};

// Approximate signed distance in metres (< 0 inside). Capsules are exact;
// ellipsoids use the first-order estimate k0 * (k0 - 1) / k1 with
// k0 = |q / r|, k1 = |q / r^2|, q = p - centre, which is exact on the surface
// and never overestimates by much nearby. The renderer's shader uses the same
// formulas so the overlay and the lookup agree.
float shape_distance(const ReferralShape& shape, const glm::vec3& p);
Aabb shape_bounds(const ReferralShape& shape, float margin);

struct ReferralZone {
  std::vector<ReferralShape> shapes;
  float edge_width = 0.01f; // fall-off outside the shapes, metres
  bool empty() const { return shapes.empty(); }
};

// 1 inside any shape of the zone, 0 farther than edge_width outside all of
// them, smoothstep in between: 1 - smoothstep(0, edge_width, distance).
float zone_membership(const ReferralZone& zone, const glm::vec3& p);

enum class ZoneKind { essential, spillover };
const char* to_string(ZoneKind kind); // "essential" | "spillover"

// What to rule out before self-care: red-flag ids (red_flags.json) and one
// plain-words paragraph that names the warning signs and how soon to act.
// Every trigger point carries one, so self-care is never shown without it.
struct SafetyNet {
  std::vector<std::string> red_flags;
  std::string text;
};

struct TriggerPoint {
  std::string id;     // e.g. "gastrocnemius_trp1"
  std::string muscle; // atlas muscle id
  std::string group;  // e.g. "gastrocnemius" (both heads); defaults to muscle
  std::string label;
  std::string location_text;
  glm::vec3 location{0.0f}; // resolved; the viewer projects it onto the muscle
  ReferralZone essential;
  ReferralZone spillover;
  std::vector<std::string> outside_model; // referral areas the leg model cannot show
  std::vector<std::string> symptoms;
  std::vector<std::string> activating_factors;
  std::vector<std::string> self_care;
  SafetyNet safety_net;
  std::vector<std::string> differential;
  std::vector<std::string> sources; // keys into TriggerPointSet::sources
  std::vector<std::string> notes;

  const ReferralZone& zone(ZoneKind kind) const { return kind == ZoneKind::essential ? essential : spillover; }
};

struct TriggerPointSet {
  float edge_width = 0.01f;
  std::string disclaimer;
  std::vector<std::string> notes;
  std::vector<CitedSource> sources;
  std::vector<TriggerPoint> trigger_points;

  const TriggerPoint* find(const std::string& id) const;
  const CitedSource* find_source(const std::string& key) const;
};

// Reads and validates the file; every anchor must name one of `landmarks`.
// Throws InputError whose message reads
//   "<path>:<line>: <json path>: <problem>"
// e.g. "trigger_points.json:57: trigger_points[3].essential_zone[0].radii:
// expected 3 positive numbers".
TriggerPointSet load_trigger_points(const std::string& path, const std::vector<Landmark>& landmarks);
TriggerPointSet parse_trigger_points(const std::string& json_text, const std::string& source_name,
                                     const std::vector<Landmark>& landmarks);

// The trigger points `id` names: a trigger-point id, a muscle id or a group
// (e.g. "gastrocnemius"). Empty when nothing matches. In file order.
std::vector<const TriggerPoint*> select_trigger_points(const TriggerPointSet& set, const std::string& id);

// Per-vertex membership of `mesh` (usually the skin) in the union of the
// given trigger points' essential and spillover zones, each in [0, 1]. The
// two are independent: where both are > 0 the renderer draws essential on top.
struct ZoneWeights {
  std::vector<float> essential;
  std::vector<float> spillover;
};
ZoneWeights zone_weights(const Mesh& mesh, const std::vector<const TriggerPoint*>& trigger_points);
// Throws InputError when `id` names no trigger point, muscle or group.
ZoneWeights zone_weights(const Mesh& mesh, const TriggerPointSet& set, const std::string& id);

// The checks shared by this module's JSON loaders (trigger points, red
// flags): each failure throws InputError("<source>:<line>", "<path>: <problem>"),
// the line found through JsonLineMap (nlohmann-json keeps no positions).
class JsonChecker {
public:
  JsonChecker(const std::string& json_text, std::string source_name);
  // Parses the text; a syntax error names the line it was found on.
  nlohmann::json parse() const;

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const;
  void require_object(const nlohmann::json& value, const std::string& path) const;
  // Fails on any key not in `allowed`.
  void only_keys(const nlohmann::json& object, const std::string& path, std::initializer_list<const char*> allowed) const;
  const nlohmann::json& member(const nlohmann::json& object, const std::string& path, const char* key) const;
  std::string text(const nlohmann::json& object, const std::string& path, const char* key) const;
  std::string optional_text(const nlohmann::json& object, const std::string& path, const char* key) const;
  // An array of non-empty strings; `min_items` 0 allows an empty list. An
  // absent optional list gives an empty vector.
  std::vector<std::string> texts(const nlohmann::json& object, const std::string& path, const char* key, bool required,
                                 std::size_t min_items) const;
  std::vector<std::string> ids(const nlohmann::json& object, const std::string& path, const char* key, bool required,
                               std::size_t min_items) const;
  std::vector<CitedSource> sources(const nlohmann::json& object, const std::string& path) const;
  // Every key names one of `sources`.
  void check_source_keys(const std::vector<std::string>& keys, const std::vector<CitedSource>& sources,
                         const std::string& path) const;

  // Paths as in json_schema.hpp: members join with '.', items with [i].
  static std::string field(const std::string& path, const std::string& key) { return json_path_member(path, key); }
  static std::string element(const std::string& path, std::size_t index) { return json_path_index(path, index); }
  static bool is_id(const std::string& text); // ^[a-z][a-z0-9_]*$

private:
  std::string text_;
  std::string source_;
  JsonLineMap lines_;
};

} // namespace crus
