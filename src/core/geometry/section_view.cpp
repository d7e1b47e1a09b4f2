#include "core/geometry/section_view.hpp"
#include "core/geometry/rest_frame.hpp"

#include "core/document/scene.hpp"
#include "core/geometry/section_cut.hpp"
#include "core/publish/section_page.hpp"

#include <algorithm>
#include <cmath>
#include <glm/glm.hpp>

namespace crus {

namespace {

bool joint_centres(const Scene& scene, glm::dvec3& knee, glm::dvec3& ankle) {
  bool has_knee = false, has_ankle = false;
  if (scene.manifest)
    for (const auto& j : scene.manifest->joints) {
      if (j.id == "knee") knee = glm::dvec3(j.position), has_knee = true;
      if (j.id == "ankle") ankle = glm::dvec3(j.position), has_ankle = true;
    }
  return has_knee && has_ankle && std::abs(knee.y - ankle.y) > 1e-6;
}

float to_linear(std::uint8_t c) {
  float s = static_cast<float>(c) / 255.0f;
  return s <= 0.04045f ? s / 12.92f : std::pow((s + 0.055f) / 1.055f, 2.4f);
}

// The outline: a ribbon of `width` metres along each loop, lying in the
// plane (lifted `lift` along the normal so it shows over the caps).
void add_outline(Mesh& out, const ContourLoop& loop, const SectionPlane& plane, double width, double lift,
                 const glm::vec3& colour) {
  const auto& p = loop.points;
  const std::size_t n = p.size();
  if (n < 2) return;
  for (std::size_t i = 0; i < n; ++i) {
    glm::dvec2 a = p[i], b = p[(i + 1) % n];
    glm::dvec2 d = b - a;
    double len = std::sqrt(d.x * d.x + d.y * d.y);
    if (len < 1e-9) continue;
    // Extended by half the width at both ends so that the corners close.
    glm::dvec2 t = d / len * (0.5 * width), s(-t.y, t.x);
    glm::dvec2 q[4] = {a - t - s, b + t - s, b + t + s, a - t + s};
    auto base = static_cast<std::uint32_t>(out.positions.size());
    for (const auto& c : q) {
      out.positions.push_back(glm::vec3(plane.to_model(c) + lift * plane.normal));
      out.normals.push_back(glm::vec3(plane.normal));
      out.colours.push_back(colour);
    }
    out.indices.insert(out.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
  }
}

void append(Mesh& to, const Mesh& from, const glm::vec3& colour) {
  auto base = static_cast<std::uint32_t>(to.positions.size());
  to.positions.insert(to.positions.end(), from.positions.begin(), from.positions.end());
  to.normals.insert(to.normals.end(), from.normals.begin(), from.normals.end());
  if (from.colours.size() == from.positions.size()) to.colours.insert(to.colours.end(), from.colours.begin(), from.colours.end());
  else to.colours.insert(to.colours.end(), from.positions.size(), colour);
  for (auto i : from.indices) to.indices.push_back(base + i);
}

} // namespace

SectionPlane section_view_plane(const Scene& scene, const SectionView& view) {
  glm::dvec3 knee(0.0), ankle(0.0);
  glm::dvec3 point;
  if (joint_centres(scene, knee, ankle)) {
    point = glm::mix(knee, ankle, view.fraction);
  } else {
    point = glm::dvec3(scene.box.centre());
    point.y = glm::mix(double(scene.box.max.y), double(scene.box.min.y), view.fraction);
  }
  SectionPlane plane = make_section_plane(point, view.tilt_deg);
  plane.fraction = view.fraction;
  return plane;
}

double section_fraction_per_metre(const Scene& scene) {
  glm::dvec3 knee(0.0), ankle(0.0);
  double length = joint_centres(scene, knee, ankle) ? knee.y - ankle.y : double(scene.box.max.y - scene.box.min.y);
  return length > 1e-6 ? 1.0 / length : 1.0;
}

SectionGeometry build_section_geometry(const Scene& scene, const SectionView& view, const std::vector<bool>& drawn,
                                       const std::map<std::string, std::string>& compartments) {
  SectionGeometry g;
  const SectionPlane plane = section_view_plane(scene, view);
  g.section.plane = plane;
  const glm::vec3 n(plane.normal);
  g.clip = glm::vec4(n, -glm::dot(n, glm::vec3(plane.point)));
  for (std::size_t i = 0; i < scene.structures.size(); ++i) {
    if (i < drawn.size() && !drawn[i]) continue;
    const SceneStructure& s = scene.structures[i];
    if (!s.box.valid()) continue;
    // Skip what the plane cannot reach (its box lies wholly on one side).
    double lo = 1e30, hi = -1e30;
    for (int c = 0; c < 8; ++c) {
      glm::dvec3 corner((c & 1) ? s.box.max.x : s.box.min.x, (c & 2) ? s.box.max.y : s.box.min.y,
                        (c & 4) ? s.box.max.z : s.box.min.z);
      double d = glm::dot(corner - plane.point, plane.normal);
      lo = std::min(lo, d), hi = std::max(hi, d);
    }
    if (lo > 0.0 || hi < 0.0) continue;
    StructureSection cut;
    cut.index = static_cast<int>(i);
    cut.id = s.id;
    cut.name = s.name;
    cut.kind = s.kind;
    cut.colour = s.colour;
    cut.section = slice_structure(s, plane); // a posed bone: its rest mesh, the plane carried back
    if (cut.section.empty()) continue;
    cut.measure = measure_section(cut.section);
    if (s.kind == StructureKind::nerve) cut.branches = section_branches(scene, s.id, plane);
    g.section.structures.push_back(std::move(cut));
  }
  for (const StructureSection& cut : g.section.structures) {
    const bool skin = cut.kind == StructureKind::skin;
    glm::vec3 fill(cut.colour);
    bool tinted = false;
    if (view.tint_compartments) {
      auto it = compartments.find(cut.id);
      if (it != compartments.end())
        if (auto tint = compartment_tint(it->second)) {
          fill = glm::vec3(to_linear((*tint)[0]), to_linear((*tint)[1]), to_linear((*tint)[2]));
          tinted = true;
        }
    }
    // The skin's cap lies under the others (0.4 mm below the plane) so that
    // it fills only the subcutaneous layer between them; the others lie
    // 0.1 mm below, inside what the shader keeps; outlines 0.05 mm above them.
    MeshSection section = cut.section;
    if (tinted)
      for (auto& l : section.loops) l.colour.reset(); // one flat tint, not the tendons' pale vertex colours
    Mesh cap = section_cap(section, plane, fill, skin ? -0.0004 : -0.0001);
    append(g.caps, cap, fill);
    const glm::vec3 line = skin ? fill * 0.45f : fill * 0.3f;
    for (const auto& l : cut.section.loops)
      add_outline(g.caps, l, plane, skin ? 0.0009 : 0.0005, skin ? -0.00035 : -0.00005, line);
    if (!skin)
      for (const SectionPieceLabel& piece : section_piece_labels(cut))
        g.labels.push_back({piece.text, glm::vec3(plane.to_model(piece.anchor)), glm::vec3(0.92f)});
  }
  return g;
}

} // namespace crus
