#include "core/document/annotations.hpp"

#include "core/error.hpp"
#include "core/io/json_schema.hpp"
#include "core/anatomy/referral.hpp"
#include "core/document/scene.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace crus {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
using Locate = std::function<std::string(const std::string&)>;

namespace {

void too_many(std::size_t n, std::size_t limit, const std::string& path, const Locate& locate, const char* what) {
  if (n > limit)
    throw InputError(locate(path), path + ": " + std::to_string(n) + " " + what + " (at most " + std::to_string(limit) + ")");
}

std::string text_of(const json& j, const char* key, const std::string& path, const Locate& locate) {
  std::string t = j.value(key, std::string());
  if (t.size() > kAnnotationTextBytes) {
    const std::string p = json_path_member(path, key);
    throw InputError(locate(p), p + ": the text is " + std::to_string(t.size()) + " bytes (at most " +
                                    std::to_string(kAnnotationTextBytes) + "; a pin carries a short label)");
  }
  return t;
}

AnatomyPoint surface_point(const json& j, const std::string& path, const Locate& locate) {
  AnatomyPoint s;
  s.structure = j["structure"].get<std::string>();
  const json& p = j["position"];
  const std::string pp = json_path_member(path, "position");
  if (p.size() != 3) throw InputError(locate(pp), pp + ": expected 3 numbers [x, y, z], got " + std::to_string(p.size()));
  for (std::size_t k = 0; k < 3; ++k) {
    const double v = p[k].get<double>();
    if (!std::isfinite(v) || std::fabs(v) > 100.0) {
      const std::string kp = json_path_index(pp, k);
      throw InputError(locate(kp), kp + ": " + p[k].dump() + " is out of range (-100 to 100 m)");
    }
    s.rest[static_cast<int>(k)] = static_cast<float>(v);
  }
  return s;
}

ojson surface_point_json(const AnatomyPoint& s) {
  return ojson{{"structure", s.structure}, {"position", {s.rest.x, s.rest.y, s.rest.z}}};
}

} // namespace

Annotations annotations_from_json(const json& j, const std::string& path, const Locate& locate) {
  Annotations a;
  const json none = json::array();
  const json& pins = j.contains("pins") ? j["pins"] : none;
  const json& arrows = j.contains("arrows") ? j["arrows"] : none;
  const json& ink = j.contains("ink") ? j["ink"] : none;
  too_many(pins.size() + arrows.size(), kAnnotationPoints, path, locate, "pins and arrows");
  too_many(ink.size(), kInkStrokes, json_path_member(path, "ink"), locate, "ink strokes");
  for (std::size_t i = 0; i < pins.size(); ++i) {
    const std::string p = json_path_index(json_path_member(path, "pins"), i);
    a.pins.push_back(PinNote{surface_point(pins[i], p, locate), text_of(pins[i], "text", p, locate)});
  }
  for (std::size_t i = 0; i < arrows.size(); ++i) {
    const std::string p = json_path_index(json_path_member(path, "arrows"), i);
    ArrowNote arrow;
    if (arrows[i].contains("from")) arrow.from = surface_point(arrows[i]["from"], json_path_member(p, "from"), locate);
    arrow.to = surface_point(arrows[i]["to"], json_path_member(p, "to"), locate);
    arrow.text = text_of(arrows[i], "text", p, locate);
    // An arrow from nowhere to a point says nothing without its text.
    if (!arrow.from && arrow.text.empty())
      throw InputError(locate(p), p + ": an arrow needs \"from\" (a second point) or \"text\" (a label it starts at)");
    a.arrows.push_back(std::move(arrow));
  }
  for (std::size_t i = 0; i < ink.size(); ++i) {
    const std::string p = json_path_index(json_path_member(path, "ink"), i);
    const json& points = ink[i]["points"];
    too_many(points.size(), kInkStrokePoints, p, locate, "points in one stroke");
    InkStroke stroke;
    for (std::size_t k = 0; k < points.size(); ++k) {
      const std::string kp = json_path_index(json_path_member(p, "points"), k);
      if (points[k].size() != 2) throw InputError(locate(kp), kp + ": expected [x, y], each 0 to 1 across the view");
      glm::vec2 q;
      for (std::size_t c = 0; c < 2; ++c) {
        const double v = points[k][c].get<double>();
        // A little outside the view is allowed: a stroke may run off its edge.
        if (!std::isfinite(v) || v < -0.5 || v > 1.5)
          throw InputError(locate(kp), kp + ": " + points[k][c].dump() + " is outside the view (-0.5 to 1.5)");
        q[static_cast<int>(c)] = static_cast<float>(v);
      }
      stroke.points.push_back(q);
    }
    a.ink.push_back(std::move(stroke));
  }
  return a;
}

ojson annotations_to_json(const Annotations& a) {
  ojson j = ojson::object();
  if (!a.pins.empty()) {
    ojson pins = ojson::array();
    for (const auto& p : a.pins) {
      ojson o = surface_point_json(p.at);
      if (!p.text.empty()) o["text"] = p.text;
      pins.push_back(o);
    }
    j["pins"] = pins;
  }
  if (!a.arrows.empty()) {
    ojson arrows = ojson::array();
    for (const auto& arrow : a.arrows) {
      ojson o = ojson::object();
      if (arrow.from) o["from"] = surface_point_json(*arrow.from);
      o["to"] = surface_point_json(arrow.to);
      if (!arrow.text.empty()) o["text"] = arrow.text;
      arrows.push_back(o);
    }
    j["arrows"] = arrows;
  }
  if (!a.ink.empty()) {
    ojson ink = ojson::array();
    for (const auto& s : a.ink) {
      ojson points = ojson::array();
      for (const auto& q : s.points) points.push_back({q.x, q.y});
      ink.push_back({{"points", points}});
    }
    j["ink"] = ink;
  }
  return j;
}

std::vector<std::string> annotation_structure_ids(const Annotations& a) {
  std::vector<std::string> ids;
  auto add = [&](const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const auto& p : a.pins) add(p.at.structure);
  for (const auto& arrow : a.arrows) {
    if (arrow.from) add(arrow.from->structure);
    add(arrow.to.structure);
  }
  return ids;
}

namespace {

glm::vec3 corner(const Mesh& m, int triangle, int k) {
  return m.positions[m.indices[static_cast<std::size_t>(triangle) * 3 + static_cast<std::size_t>(k)]];
}

// Barycentric weights of `p` (on or near the triangle's plane).
glm::vec3 barycentric(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
  const glm::vec3 v0 = b - a, v1 = c - a, v2 = p - a;
  const float d00 = glm::dot(v0, v0), d01 = glm::dot(v0, v1), d11 = glm::dot(v1, v1);
  const float d20 = glm::dot(v2, v0), d21 = glm::dot(v2, v1);
  const float denom = d00 * d11 - d01 * d01;
  if (std::fabs(denom) < 1e-20f) return {1.0f, 0.0f, 0.0f}; // degenerate: its first corner
  const float v = (d11 * d20 - d01 * d21) / denom;
  const float w = (d00 * d21 - d01 * d20) / denom;
  return {1.0f - v - w, v, w};
}

bool valid_triangle(const Mesh& m, int triangle) {
  if (triangle < 0 || static_cast<std::size_t>(triangle) >= m.triangle_count()) return false;
  for (int k = 0; k < 3; ++k)
    if (m.indices[static_cast<std::size_t>(triangle) * 3 + static_cast<std::size_t>(k)] >= m.positions.size()) return false;
  return true;
}

} // namespace

std::optional<SurfaceAnchor> anchor_on_mesh(const Mesh& mesh, glm::vec3 p) {
  // A scan of one structure's triangles (a few thousand to tens of
  // thousands): milliseconds, done when an annotation is made or a scene
  // opened, never per frame.
  SurfaceAnchor best;
  float best_d2 = std::numeric_limits<float>::infinity();
  glm::vec3 best_point{0.0f};
  for (int t = 0; t < static_cast<int>(mesh.triangle_count()); ++t) {
    if (!valid_triangle(mesh, t)) continue;
    const glm::vec3 q = closest_point_on_triangle(p, corner(mesh, t, 0), corner(mesh, t, 1), corner(mesh, t, 2));
    const glm::vec3 d = q - p;
    const float d2 = glm::dot(d, d);
    if (d2 < best_d2) {
      best_d2 = d2;
      best.triangle = t;
      best_point = q;
    }
  }
  if (best.triangle < 0) return std::nullopt;
  best.weights =
      barycentric(best_point, corner(mesh, best.triangle, 0), corner(mesh, best.triangle, 1), corner(mesh, best.triangle, 2));
  best.distance = std::sqrt(best_d2);
  return best;
}

glm::vec3 anchor_position(const Mesh& mesh, const SurfaceAnchor& a) {
  if (!valid_triangle(mesh, a.triangle)) return glm::vec3(0.0f);
  return a.weights.x * corner(mesh, a.triangle, 0) + a.weights.y * corner(mesh, a.triangle, 1) +
         a.weights.z * corner(mesh, a.triangle, 2);
}

glm::vec3 anchor_normal(const Mesh& mesh, const SurfaceAnchor& a) {
  if (!valid_triangle(mesh, a.triangle)) return glm::vec3(0.0f, 0.0f, 1.0f);
  const glm::vec3 face = glm::cross(corner(mesh, a.triangle, 1) - corner(mesh, a.triangle, 0),
                                    corner(mesh, a.triangle, 2) - corner(mesh, a.triangle, 0));
  const float len = glm::length(face);
  return len > 0.0f ? face / len : glm::vec3(0.0f, 0.0f, 1.0f);
}

glm::vec3 rest_point_of_hit(const Mesh& rest, const Mesh& posed, int triangle, glm::vec3 posed_point) {
  if (!valid_triangle(posed, triangle) || !valid_triangle(rest, triangle) || rest.indices != posed.indices) return posed_point;
  SurfaceAnchor a;
  a.triangle = triangle;
  a.weights = barycentric(posed_point, corner(posed, triangle, 0), corner(posed, triangle, 1), corner(posed, triangle, 2));
  return anchor_position(rest, a);
}

SnapReport snap_annotations(Annotations& annotations, const Scene& rest) {
  SnapReport report;
  auto snap = [&](AnatomyPoint& s) {
    const SceneStructure* structure = rest.find(s.structure);
    if (!structure) {
      if (std::find(report.unknown_ids.begin(), report.unknown_ids.end(), s.structure) == report.unknown_ids.end())
        report.unknown_ids.push_back(s.structure);
      return;
    }
    auto anchor = anchor_on_mesh(structure->mesh, s.rest);
    if (!anchor) return;
    if (anchor->distance > 0.0005f) ++report.moved;
    report.largest_move = std::max(report.largest_move, anchor->distance);
    s.rest = anchor_position(structure->mesh, *anchor);
  };
  for (auto& p : annotations.pins) snap(p.at);
  for (auto& a : annotations.arrows) {
    if (a.from) snap(*a.from);
    snap(a.to);
  }
  return report;
}

std::string describe_snap(const SnapReport& report) {
  if (report.moved == 0) return "";
  char buf[160];
  std::snprintf(
      buf, sizeof buf,
      "%d annotation point%s moved onto the atlas's surface (by up to %.1f mm): the atlas changed since they were placed",
      report.moved, report.moved == 1 ? "" : "s", static_cast<double>(report.largest_move) * 1000.0);
  return buf;
}

} // namespace crus
