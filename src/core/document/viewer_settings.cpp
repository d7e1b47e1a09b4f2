#include "core/document/viewer_settings.hpp"

#include "core/io/file_io.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace crus {

namespace {

float finite_or(float v, float fallback) { return std::isfinite(v) ? v : fallback; }

} // namespace

LoadedSettings load_viewer_settings(const std::string& path) {
  LoadedSettings out;
  std::error_code ec;
  if (path.empty() || !std::filesystem::exists(path, ec)) return out;
  try {
    const nlohmann::json j = nlohmann::json::parse(read_text_file(path));
    if (!j.is_object()) throw std::runtime_error("expected a JSON object");
    ViewerSettings s;
    s.text_size = std::clamp(finite_or(j.value("text_size", s.text_size), s.text_size), 11.0f, 40.0f);
    if (j.contains("open_panels")) s.open_panels = j.at("open_panels").get<std::vector<std::string>>();
    s.light_background = j.value("light_background", false);
    s.ambient_occlusion = j.value("ambient_occlusion", true);
    s.panels_hidden = j.value("panels_hidden", false);
    s.mirror = j.value("mirror", false);
    if (j.contains("view")) {
      const auto& v = j.at("view");
      SavedView view;
      auto t = v.at("target").get<std::vector<float>>();
      if (t.size() != 3) throw std::runtime_error("view.target needs 3 numbers");
      view.target = {t[0], t[1], t[2]};
      view.distance = v.at("distance").get<float>();
      view.yaw = v.at("yaw").get<float>();
      view.pitch = v.at("pitch").get<float>();
      bool sane = std::isfinite(view.distance) && view.distance > 1e-3f && view.distance < 100.0f && std::isfinite(view.yaw) &&
                  std::isfinite(view.pitch) && std::isfinite(t[0]) && std::isfinite(t[1]) && std::isfinite(t[2]);
      if (sane) s.view = view; // a nonsensical view is dropped, the rest kept
    }
    s.atlas = j.value("atlas", std::string());
    s.atlas_map = j.value("atlas_map", std::string());
    if (j.contains("recent_scenes")) s.recent_scenes = j.at("recent_scenes").get<std::vector<std::string>>();
    if (s.recent_scenes.size() > 8) s.recent_scenes.resize(8);
    out.settings = s;
  } catch (const std::exception& e) {
    out.settings = ViewerSettings{};
    std::string what = e.what();
    // nlohmann's messages start with "[json.exception...] "; keep the rest.
    if (auto k = what.find("] "); what.rfind("[json", 0) == 0 && k != std::string::npos) what = what.substr(k + 2);
    out.problem = path + ": " + what + "; using the default settings";
  }
  return out;
}

std::string to_json(const ViewerSettings& s) {
  nlohmann::ordered_json j;
  j["text_size"] = s.text_size;
  if (s.open_panels) j["open_panels"] = *s.open_panels;
  j["light_background"] = s.light_background;
  j["ambient_occlusion"] = s.ambient_occlusion;
  j["panels_hidden"] = s.panels_hidden;
  j["mirror"] = s.mirror;
  if (s.view)
    j["view"] = {{"target", {s.view->target.x, s.view->target.y, s.view->target.z}},
                 {"distance", s.view->distance},
                 {"yaw", s.view->yaw},
                 {"pitch", s.view->pitch}};
  if (!s.atlas.empty()) j["atlas"] = s.atlas;
  if (!s.atlas_map.empty()) j["atlas_map"] = s.atlas_map;
  if (!s.recent_scenes.empty()) j["recent_scenes"] = s.recent_scenes;
  return j.dump(2) + "\n";
}

void save_viewer_settings(const std::string& path, const ViewerSettings& settings) { write_file_atomic(path, to_json(settings)); }

} // namespace crus
