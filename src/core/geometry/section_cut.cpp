#include "core/geometry/section_cut.hpp"
#include "core/geometry/rest_frame.hpp"

#include "core/geometry/polygon_triangulate.hpp"
#include "core/document/scene.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <unordered_map>

namespace crus {

Mesh clip_below(const Mesh& mesh, const SectionPlane& plane) {
  Mesh out;
  const std::size_t nv = mesh.positions.size();
  const bool normals = mesh.normals.size() == nv, fibres = mesh.fibres.size() == nv, colours = mesh.colours.size() == nv;
  std::vector<double> d(nv);
  for (std::size_t i = 0; i < nv; ++i) d[i] = glm::dot(glm::dvec3(mesh.positions[i]) - plane.point, plane.normal);
  std::vector<std::uint32_t> kept(nv, UINT32_MAX);
  auto keep = [&](std::uint32_t i) {
    if (kept[i] == UINT32_MAX) {
      kept[i] = static_cast<std::uint32_t>(out.positions.size());
      out.positions.push_back(mesh.positions[i]);
      if (normals) out.normals.push_back(mesh.normals[i]);
      if (fibres) out.fibres.push_back(mesh.fibres[i]);
      if (colours) out.colours.push_back(mesh.colours[i]);
    }
    return kept[i];
  };
  std::unordered_map<std::uint64_t, std::uint32_t> cuts;
  auto cut = [&](std::uint32_t a, std::uint32_t b) { // a below, b on or above
    std::uint64_t key = (static_cast<std::uint64_t>(std::min(a, b)) << 32) | std::max(a, b);
    auto it = cuts.find(key);
    if (it != cuts.end()) return it->second;
    float t = static_cast<float>(d[a] / (d[a] - d[b]));
    auto id = static_cast<std::uint32_t>(out.positions.size());
    out.positions.push_back(glm::mix(mesh.positions[a], mesh.positions[b], t));
    if (normals) out.normals.push_back(glm::normalize(glm::mix(mesh.normals[a], mesh.normals[b], t) + glm::vec3(1e-12f)));
    if (fibres) out.fibres.push_back(glm::mix(mesh.fibres[a], mesh.fibres[b], t));
    if (colours) out.colours.push_back(glm::mix(mesh.colours[a], mesh.colours[b], t));
    cuts.emplace(key, id);
    return id;
  };
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    std::uint32_t v[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
    if (v[0] >= nv || v[1] >= nv || v[2] >= nv) continue;
    int below = (d[v[0]] < 0) + (d[v[1]] < 0) + (d[v[2]] < 0);
    if (below == 0) continue;
    if (below == 3) {
      for (auto i : v) out.indices.push_back(keep(i));
      continue;
    }
    // Rotate so that v[0] is the odd one out (alone below, or alone above), keeping the winding.
    for (int r = 0; r < 3; ++r) {
      bool b0 = d[v[0]] < 0, b1 = d[v[1]] < 0, b2 = d[v[2]] < 0;
      if (below == 1 ? b0 : !b0) break;
      (void)b1, (void)b2;
      std::rotate(v, v + 1, v + 3);
    }
    if (below == 1) {
      std::uint32_t a = keep(v[0]), ab = cut(v[0], v[1]), ac = cut(v[0], v[2]);
      out.indices.insert(out.indices.end(), {a, ab, ac});
    } else {
      std::uint32_t b = keep(v[1]), c = keep(v[2]), ca = cut(v[2], v[0]), ba = cut(v[1], v[0]);
      out.indices.insert(out.indices.end(), {ba, b, c, ba, c, ca});
    }
  }
  return out;
}

Mesh section_cap(const MeshSection& section, const SectionPlane& plane, const glm::vec3& colour, double offset,
                 bool with_fibres) {
  std::vector<std::vector<glm::dvec2>> loops;
  std::vector<glm::vec3> loop_colour;
  bool coloured = false; // only a mesh with vertex colours gets coloured caps
  for (const auto& l : section.loops) {
    coloured = coloured || l.colour.has_value();
    loops.push_back(l.points);
    loop_colour.push_back(l.colour.value_or(colour));
  }
  Triangulation tri = triangulate_polygons(loops);
  Mesh cap;
  // triangulate_polygons numbers the vertices loop after loop, skipping
  // loops of fewer than three points and of zero area, as counted here.
  std::vector<glm::vec3> vertex_colour;
  for (std::size_t i = 0; i < loops.size(); ++i) {
    if (loops[i].size() < 3 || signed_area(loops[i]) == 0.0) continue;
    vertex_colour.insert(vertex_colour.end(), loops[i].size(), loop_colour[i]);
  }
  for (std::size_t i = 0; i < tri.vertices.size(); ++i) {
    cap.positions.push_back(glm::vec3(plane.to_model(tri.vertices[i]) + offset * plane.normal));
    cap.normals.push_back(glm::vec3(plane.normal));
    if (coloured) cap.colours.push_back(i < vertex_colour.size() ? vertex_colour[i] : colour);
    if (with_fibres) cap.fibres.push_back(glm::vec3(0.0f));
  }
  // Counter-clockwise in (u, v) with u x v = normal: the caps face along the normal.
  cap.indices = std::move(tri.indices);
  return cap;
}

namespace {
void append(Mesh& to, const Mesh& from, const glm::vec3& fill_colour) {
  auto base = static_cast<std::uint32_t>(to.positions.size());
  // Vertex colours are all or nothing: the walls take the structure's colour.
  if (!from.colours.empty() && to.colours.empty()) to.colours.assign(to.positions.size(), fill_colour);
  to.positions.insert(to.positions.end(), from.positions.begin(), from.positions.end());
  to.normals.insert(to.normals.end(), from.normals.begin(), from.normals.end());
  if (!to.fibres.empty()) to.fibres.insert(to.fibres.end(), from.fibres.begin(), from.fibres.end());
  if (!to.colours.empty()) to.colours.insert(to.colours.end(), from.colours.begin(), from.colours.end());
  for (auto i : from.indices) to.indices.push_back(base + i);
}
} // namespace

void cut_scene(Scene& scene, const SectionPlane& plane) {
  for (auto& s : scene.structures) {
    // The cut mesh stands on its own: a posed bone's rest mesh is moved first.
    bake_transform(s.mesh, s.transform);
    s.transform = glm::mat4(1.0f);
    MeshSection section = slice_mesh(s.mesh, plane);
    bool had_normals = s.mesh.normals.size() == s.mesh.positions.size();
    Mesh below = clip_below(s.mesh, plane);
    if (!had_normals) compute_smooth_normals(below);
    if (!section.empty()) {
      bool skin = s.kind == StructureKind::skin;
      if (skin) s.colour.a = 1.0f;
      append(below, section_cap(section, plane, glm::vec3(s.colour), skin ? -0.0004 : 0.0, !below.fibres.empty()),
             glm::vec3(s.colour));
    }
    s.mesh = std::move(below);
    s.box = bounds(s.mesh);
  }
  std::erase_if(scene.structures, [](const SceneStructure& s) { return s.mesh.empty(); });
  Aabb box{glm::vec3(1e30f), glm::vec3(-1e30f)};
  for (const auto& s : scene.structures) box.min = glm::min(box.min, s.box.min), box.max = glm::max(box.max, s.box.max);
  scene.box = box;
}

} // namespace crus
