#include "core/document/scene_file.hpp"

#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/io/json_input.hpp"
#include "core/io/json_schema.hpp"
#include "core/motion/producers.hpp"
#include "core/document/scene.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <set>

namespace crus {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

std::string atlas_fingerprint(const Scene& scene) {
  std::vector<std::string> ids;
  for (const auto& s : scene.structures) ids.push_back(s.id);
  std::sort(ids.begin(), ids.end());
  std::uint64_t h = 1469598103934665603ull;
  for (const auto& id : ids) {
    for (unsigned char c : id + '\n') {
      h ^= c;
      h *= 1099511628211ull;
    }
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

const JsonSchema& teaching_schema() {
  // Loaded once; a broken bundled schema is an installation fault, named.
  static const JsonSchema schema = [] {
    const std::string path = (std::filesystem::path(assets_dir()) / "formats" / "teaching.schema.json").string();
    return JsonSchema(parse_json_input(read_text_file(path), path), path);
  }();
  return schema;
}

namespace {

float number(const json& j) { return static_cast<float>(j.get<double>()); }

void check_range(double v, double lo, double hi, const std::string& path,
                 const std::function<std::string(const std::string&)>& locate) {
  if (!std::isfinite(v) || v < lo || v > hi) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%g is out of range (%g to %g)", v, lo, hi);
    throw InputError(locate(path), path + ": " + buf);
  }
}

glm::vec3 point(const json& j, const std::string& path, const std::function<std::string(const std::string&)>& locate) {
  if (j.size() != 3) throw InputError(locate(path), path + ": expected 3 numbers [x, y, z], got " + std::to_string(j.size()));
  glm::vec3 p;
  for (int k = 0; k < 3; ++k) {
    check_range(j[static_cast<std::size_t>(k)].get<double>(), -100.0, 100.0, json_path_index(path, static_cast<std::size_t>(k)),
                locate);
    p[k] = number(j[static_cast<std::size_t>(k)]);
  }
  return p;
}

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key))
    for (const auto& s : j[key]) out.push_back(s.get<std::string>());
  return out;
}

OverlayMode overlay_mode(const std::string& s) {
  if (s == "trigger_point") return OverlayMode::trigger_point;
  if (s == "muscle") return OverlayMode::muscle;
  return OverlayMode::all;
}
const char* overlay_mode_name(OverlayMode m) {
  switch (m) {
    case OverlayMode::trigger_point: return "trigger_point";
    case OverlayMode::muscle: return "muscle";
    default: return "all";
  }
}

} // namespace

SceneSpec scene_spec_from_json(const json& j, const std::string& path,
                               const std::function<std::string(const std::string&)>& locate) {
  auto at = [&](const char* key) { return json_path_member(path, key); };
  SceneSpec s;
  if (j.contains("view")) s.view = parse_view(j["view"].get<std::string>());
  if (j.contains("camera")) {
    const json& c = j["camera"];
    const std::string cp = at("camera");
    CameraPose pose;
    pose.target = point(c["target"], json_path_member(cp, "target"), locate);
    check_range(c["distance"].get<double>(), 0.001, 100.0, json_path_member(cp, "distance"), locate);
    check_range(c["yaw"].get<double>(), -1000.0, 1000.0, json_path_member(cp, "yaw"), locate);
    check_range(c["pitch"].get<double>(), -1.6, 1.6, json_path_member(cp, "pitch"), locate);
    pose.distance = number(c["distance"]);
    pose.yaw = number(c["yaw"]);
    pose.pitch = number(c["pitch"]);
    s.camera = pose;
  }
  if (j.contains("isolated")) s.isolated = strings(j, "isolated");
  s.hidden = strings(j, "hidden");
  s.ghosted = strings(j, "ghosted");
  s.pinned = strings(j, "pinned");
  s.selected = j.value("selected", std::string());
  for (const std::string& h : strings(j, "highlights")) {
    if (h == "origin") s.highlights.origin = true;
    if (h == "insertion") s.highlights.insertion = true;
    if (h == "innervation") s.highlights.innervation = true;
    if (h == "function") s.highlights.function = true;
  }
  if (s.highlights != Highlights{} && s.selected.empty())
    throw InputError(locate(at("highlights")),
                     at("highlights") + ": highlights belong to the selected muscle; give \"selected\"");
  if (j.contains("peel_layer")) {
    check_range(j["peel_layer"].get<double>(), 0, 10, at("peel_layer"), locate);
    s.peel_layer = j["peel_layer"].get<int>();
  }
  s.mirror = j.value("mirror", false);
  if (j.contains("overlay")) {
    const json& o = j["overlay"];
    s.overlay.mode = overlay_mode(o["mode"].get<std::string>());
    s.overlay.target = o.value("target", std::string());
    s.overlay.colour_blind_safe = o.value("colour_blind_safe", false);
    if (s.overlay.mode != OverlayMode::all && s.overlay.target.empty())
      throw InputError(locate(at("overlay")),
                       at("overlay") + ": a " + overlay_mode_name(s.overlay.mode) + " overlay needs a \"target\"");
  }
  if (j.contains("painted")) {
    const json& p = j["painted"];
    const std::string pp = at("painted");
    check_range(p["radius"].get<double>(), 0.001, 0.2, json_path_member(pp, "radius"), locate);
    s.brush_radius = number(p["radius"]);
    const json& points = p["points"];
    for (std::size_t i = 0; i < points.size(); ++i)
      s.painted.push_back(point(points[i], json_path_index(json_path_member(pp, "points"), i), locate));
  }
  if (j.contains("section")) {
    const json& c = j["section"];
    const std::string sp = at("section");
    check_range(c["height"].get<double>(), 0.0, 1.0, json_path_member(sp, "height"), locate);
    s.section.on = true;
    s.section.fraction = c["height"].get<double>();
    if (c.contains("tilt")) {
      check_range(c["tilt"].get<double>(), -80.0, 80.0, json_path_member(sp, "tilt"), locate);
      s.section.tilt_deg = c["tilt"].get<double>();
    }
    s.section.slice = c.value("slice", false);
    s.section.tint_compartments = c.value("tint_compartments", false);
  }
  s.labels = j.value("labels", true);
  if (j.contains("text_size")) {
    check_range(j["text_size"].get<double>(), 11, 40, at("text_size"), locate);
    s.text_size = number(j["text_size"]);
  }
  if (j.contains("pose")) {
    const json& p = j["pose"];
    for (const SceneJointRange& r : kSceneJointRanges)
      if (p.contains(r.key)) {
        const std::string where = json_path_member(at("pose"), r.key);
        check_range(p[r.key].get<double>(), r.min_deg, r.max_deg, where, locate);
        s.pose[r.coordinate] = p[r.key].get<double>();
      }
  }
  s.colour_by_length = j.value("colour_by_length", false);
  if (j.contains("movement")) {
    const std::string id = j["movement"].get<std::string>();
    s.movement = motion::movement_from_id(id);
    if (!s.movement) {
      std::string known;
      for (const motion::Movement& m : motion::all_movements()) known += (known.empty() ? "" : ", ") + motion::movement_id(m);
      throw InputError(locate(at("movement")),
                       at("movement") + ": unknown movement '" + id + "' (expected one of " + known + ")");
    }
  }
  if (j.contains("size")) {
    const json& size = j["size"];
    if (size.size() != 2) throw InputError(locate(at("size")), at("size") + ": expected [width, height]");
    check_range(size[0].get<double>(), 16, 16384, json_path_index(at("size"), 0), locate);
    check_range(size[1].get<double>(), 16, 16384, json_path_index(at("size"), 1), locate);
    s.width = size[0].get<int>();
    s.height = size[1].get<int>();
  }
  if (j.contains("annotations")) s.annotations = annotations_from_json(j["annotations"], at("annotations"), locate);
  return s;
}

ojson scene_spec_to_json(const SceneSpec& s) {
  ojson j = ojson::object();
  if (s.view) j["view"] = to_string(*s.view);
  if (s.camera)
    j["camera"] = {{"target", {s.camera->target.x, s.camera->target.y, s.camera->target.z}},
                   {"distance", s.camera->distance},
                   {"yaw", s.camera->yaw},
                   {"pitch", s.camera->pitch}};
  if (s.isolated) j["isolated"] = *s.isolated;
  if (!s.hidden.empty()) j["hidden"] = s.hidden;
  if (!s.ghosted.empty()) j["ghosted"] = s.ghosted;
  if (!s.pinned.empty()) j["pinned"] = s.pinned;
  if (!s.selected.empty()) j["selected"] = s.selected;
  std::vector<std::string> h;
  if (s.highlights.origin) h.push_back("origin");
  if (s.highlights.insertion) h.push_back("insertion");
  if (s.highlights.innervation) h.push_back("innervation");
  if (s.highlights.function) h.push_back("function");
  if (!h.empty()) j["highlights"] = h;
  if (s.peel_layer) j["peel_layer"] = s.peel_layer;
  if (s.mirror) j["mirror"] = true;
  if (s.overlay.mode != OverlayMode::none) {
    ojson o{{"mode", overlay_mode_name(s.overlay.mode)}};
    if (!s.overlay.target.empty()) o["target"] = s.overlay.target;
    if (s.overlay.colour_blind_safe) o["colour_blind_safe"] = true;
    j["overlay"] = o;
  }
  if (!s.painted.empty()) {
    ojson points = ojson::array();
    for (const auto& p : s.painted) points.push_back({p.x, p.y, p.z});
    j["painted"] = {{"radius", s.brush_radius}, {"points", points}};
  }
  if (s.section.on) {
    ojson c{{"height", s.section.fraction}};
    if (s.section.tilt_deg != 0.0) c["tilt"] = s.section.tilt_deg;
    if (s.section.slice) c["slice"] = true;
    if (s.section.tint_compartments) c["tint_compartments"] = true;
    j["section"] = c;
  }
  if (!s.labels) j["labels"] = false;
  if (s.text_size > 0.0f) j["text_size"] = s.text_size;
  if (s.width > 0 && s.height > 0) j["size"] = {s.width, s.height};
  if (!s.annotations.empty()) j["annotations"] = annotations_to_json(s.annotations);
  if (!(s.pose == motion::Pose{})) {
    ojson p = ojson::object();
    for (const SceneJointRange& r : kSceneJointRanges) p[r.key] = s.pose[r.coordinate];
    j["pose"] = p;
  }
  if (s.colour_by_length) j["colour_by_length"] = true;
  if (s.movement) j["movement"] = motion::movement_id(*s.movement);
  return j;
}

void check_teaching_document(const nlohmann::json& doc, const JsonLineMap& lines, const std::string& source,
                             const std::string& format, const std::string& what, int max_version, const std::string& schema_def) {
  auto locate = [&](const std::string& path) { return source + ":" + std::to_string(std::max(1, lines.line_of(path))); };
  // A file of another kind (a lesson, a knowledge file) is named as such
  // before the schema lists everything it lacks.
  if (!doc.is_object() || !doc.contains("format") || doc["format"] != format) {
    const std::string got = doc.is_object() && doc.contains("format") && doc["format"].is_string()
                                ? "\"" + doc["format"].get<std::string>() + "\""
                                : "none";
    throw InputError(locate("format"),
                     "format: not a Crus " + what + " (expected \"format\": \"" + format + "\", found " + got + ")");
  }
  if (doc.contains("version") && doc["version"].is_number_integer() && doc["version"].get<double>() > max_version)
    throw InputError(locate("version"), "version: " + doc["version"].dump() +
                                            " was written by a newer Crus (this one reads up to " + std::to_string(max_version) +
                                            ")");
  std::vector<SchemaViolation> faults = teaching_schema().validate(doc, schema_def);
  if (!faults.empty()) {
    with_lines(faults, lines);
    const SchemaViolation& f = faults.front();
    std::string more = faults.size() > 1 ? " (and " + std::to_string(faults.size() - 1) + " more)" : "";
    throw InputError(source + ":" + std::to_string(std::max(1, f.line)),
                     (f.path.empty() ? "(document)" : f.path) + ": " + f.message + more);
  }
  if (doc["version"].get<long long>() < 1) throw InputError(locate("version"), "version: expected 1 or later");
}

SceneFile parse_scene_file(const std::string& text, const std::string& source) {
  const json doc = parse_json_input(text, source); // limits and syntax, with line and column
  const JsonLineMap lines = JsonLineMap::build(text);
  auto locate = [&](const std::string& path) { return source + ":" + std::to_string(std::max(1, lines.line_of(path))); };
  check_teaching_document(doc, lines, source, "crus-scene", "scene", kSceneFormatVersion, "#/$defs/scene_file");
  SceneFile file;
  file.version = doc["version"].get<int>();
  file.title = doc.value("title", std::string());
  const json& a = doc["atlas"];
  file.atlas.name = a["name"].get<std::string>();
  file.atlas.map = a.value("map", std::string());
  file.atlas.fingerprint = a["fingerprint"].get<std::string>();
  file.atlas.structures = a.value("structures", 0);
  file.scene = scene_spec_from_json(doc["scene"], "scene", locate);
  return file;
}

SceneFile load_scene_file(const std::string& path) { return parse_scene_file(read_text_file(path), path); }

std::string scene_file_to_json(const SceneFile& f) {
  ojson j;
  j["format"] = "crus-scene";
  j["version"] = kSceneFormatVersion;
  if (!f.title.empty()) j["title"] = f.title;
  ojson a{{"name", f.atlas.name}};
  if (!f.atlas.map.empty()) a["map"] = f.atlas.map;
  a["fingerprint"] = f.atlas.fingerprint;
  if (f.atlas.structures) a["structures"] = f.atlas.structures;
  j["atlas"] = a;
  j["scene"] = scene_spec_to_json(f.scene);
  // Floats are written with the shortest text that reads back to the same
  // value, so a saved camera reproduces the render bit for bit.
  return j.dump(2) + "\n";
}

void save_scene_file(const std::string& path, const SceneFile& file) { write_file_atomic(path, scene_file_to_json(file)); }

AppliedScene apply_scene_spec(const SceneSpec& spec, const Scene& scene) {
  AppliedScene out;
  out.state.visibility.assign(scene.structures.size(), Visibility::shown);
  std::set<std::string> reported;
  auto find = [&](const std::string& id) {
    int i = scene.index_of(id);
    if (i < 0 && reported.insert(id).second) out.unknown_ids.push_back(id);
    return i;
  };
  if (spec.isolated) {
    std::vector<bool> keep(scene.structures.size(), false);
    for (const auto& id : *spec.isolated)
      if (int i = find(id); i >= 0) keep[static_cast<std::size_t>(i)] = true;
    for (std::size_t i = 0; i < keep.size(); ++i)
      if (!keep[i]) out.state.visibility[i] = Visibility::hidden;
  }
  for (const auto& id : spec.hidden)
    if (int i = find(id); i >= 0) out.state.visibility[static_cast<std::size_t>(i)] = Visibility::hidden;
  for (const auto& id : spec.ghosted)
    if (int i = find(id); i >= 0) out.state.visibility[static_cast<std::size_t>(i)] = Visibility::ghosted;
  for (const auto& id : spec.pinned)
    if (int i = find(id); i >= 0) out.state.pinned.insert(i);
  if (!spec.selected.empty()) out.state.selected = find(spec.selected);
  if (out.state.selected >= 0) out.state.highlights = spec.highlights;
  out.state.peel_layer = spec.peel_layer;
  out.state.mirror = spec.mirror;
  out.state.section = spec.section;
  out.state.overlay = spec.overlay; // its target is a trigger-point or muscle id, checked by the overlay
  // Annotations keep their ids even when the atlas lacks them (drawn when one has them).
  out.state.annotations = spec.annotations;
  for (const auto& id : annotation_structure_ids(spec.annotations)) find(id);
  out.state.pose = spec.pose;
  out.state.colour_by_length = spec.colour_by_length;
  out.state.movement = spec.movement;
  return out;
}

SceneSpec capture_scene_spec(const DocumentState& state, const Scene& scene, const CameraPose& camera,
                             const SceneSpec* previous) {
  SceneSpec s;
  if (previous) s = *previous; // labels, text size, size and painted area carry over
  s.view.reset();
  s.camera = camera;
  s.isolated.reset();
  s.hidden.clear();
  s.ghosted.clear();
  s.pinned.clear();
  auto id = [&](std::size_t i) { return scene.structures[i].id; };
  for (std::size_t i = 0; i < state.visibility.size() && i < scene.structures.size(); ++i) {
    if (state.visibility[i] == Visibility::hidden) s.hidden.push_back(id(i));
    if (state.visibility[i] == Visibility::ghosted) s.ghosted.push_back(id(i));
  }
  for (int i : state.pinned)
    if (i >= 0 && static_cast<std::size_t>(i) < scene.structures.size()) s.pinned.push_back(id(static_cast<std::size_t>(i)));
  s.selected = state.selected >= 0 && static_cast<std::size_t>(state.selected) < scene.structures.size()
                   ? id(static_cast<std::size_t>(state.selected))
                   : "";
  s.highlights = state.highlights;
  s.peel_layer = state.peel_layer;
  s.mirror = state.mirror;
  s.overlay = state.overlay;
  s.annotations = state.annotations;
  // A section that is off is not saved (its height and tilt are forgotten).
  s.section = state.section.on ? state.section : SectionView{};
  s.pose = state.pose;
  s.colour_by_length = state.colour_by_length;
  s.movement = state.movement;
  if (previous) {
    // Ids this atlas lacks stay where they were: another atlas may have them.
    auto keep = [&](const std::vector<std::string>& from, std::vector<std::string>& to) {
      for (const auto& x : from)
        if (scene.index_of(x) < 0 && std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
    };
    keep(previous->hidden, s.hidden);
    keep(previous->ghosted, s.ghosted);
    keep(previous->pinned, s.pinned);
    if (previous->isolated) {
      // Stay an isolation: what is shown, plus the isolated ids this atlas lacks.
      std::vector<std::string> shown;
      for (std::size_t i = 0; i < state.visibility.size() && i < scene.structures.size(); ++i)
        if (state.visibility[i] != Visibility::hidden) shown.push_back(id(i));
      keep(*previous->isolated, shown);
      s.isolated = shown;
      std::erase_if(s.hidden, [&](const std::string& x) { return scene.index_of(x) >= 0; });
    }
    if (s.selected.empty() && !previous->selected.empty() && scene.index_of(previous->selected) < 0) {
      s.selected = previous->selected;
      s.highlights = previous->highlights;
    }
  }
  return s;
}

std::string describe_unknown_ids(const std::vector<std::string>& ids) {
  if (ids.empty()) return "";
  std::string list;
  for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
  return std::to_string(ids.size()) + (ids.size() == 1 ? " id is" : " ids are") + " not in this atlas: " + list +
         " (kept in the scene, shown when an atlas has them)";
}

} // namespace crus
