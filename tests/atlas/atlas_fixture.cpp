#include "atlas_fixture.hpp"

#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace crus::test {

const atlas::GeneratedAtlas& shared_atlas() {
  static const atlas::GeneratedAtlas atlas = atlas::generate_atlas();
  return atlas;
}

std::optional<double> front_at(const MeshSection& cut, double u) {
  std::optional<double> best;
  for (const auto& loop : cut.loops)
    for (std::size_t i = 0; i < loop.points.size(); ++i) {
      const glm::dvec2 a = loop.points[i], b = loop.points[(i + 1) % loop.points.size()];
      if ((a.x - u) * (b.x - u) > 0.0 || a.x == b.x) continue; // a segment on the line: its neighbours cross it
      const double v = a.y + (u - a.x) / (b.x - a.x) * (b.y - a.y);
      if (!best || v > *best) best = v;
    }
  return best;
}

glm::vec3 atlas_joint(const std::string& id) {
  for (const auto& j : shared_atlas().manifest.joints)
    if (j.id == id) return j.position;
  ADD_FAILURE() << "no joint " << id;
  return glm::vec3(0.0f);
}

SectionPlane leg_level(double fraction) {
  return make_section_plane(glm::mix(glm::dvec3(atlas_joint("knee")), glm::dvec3(atlas_joint("ankle")), fraction), 0.0);
}

const Mesh& atlas_mesh(const std::string& id) {
  for (const auto& [name, mesh] : shared_atlas().meshes)
    if (name == id) return mesh;
  throw std::runtime_error("no mesh " + id);
}

namespace {
std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream s(line);
  std::string cell;
  while (std::getline(s, cell, ',')) out.push_back(cell);
  return out;
}
} // namespace

std::vector<ReferencePoint> reference_joints() {
  std::ifstream in(reference_dir() / "joints.csv");
  std::string line;
  std::getline(in, line);
  std::vector<ReferencePoint> out;
  while (std::getline(in, line)) {
    const auto c = split(line);
    if (c.size() < 4) continue;
    out.push_back({c[0], {std::stof(c[1]), std::stof(c[2]), std::stof(c[3])}});
  }
  return out;
}

std::vector<std::pair<std::string, std::vector<glm::vec3>>> reference_muscle_paths() {
  std::ifstream in(reference_dir() / "muscles.csv");
  std::string line;
  std::getline(in, line); // muscle,point,kind,body,local_x,local_y,local_z,x,y,z
  std::vector<std::pair<std::string, std::vector<glm::vec3>>> out;
  while (std::getline(in, line)) {
    const auto c = split(line);
    if (c.size() < 10) continue;
    if (out.empty() || out.back().first != c[0]) out.push_back({c[0], {}});
    out.back().second.push_back({std::stof(c[7]), std::stof(c[8]), std::stof(c[9])});
  }
  return out;
}

std::vector<std::pair<std::string, double>> reference_muscle_volumes() {
  std::ifstream in(reference_dir() / "muscle_params.csv");
  std::string line;
  std::getline(in, line); // muscle,max_isometric_force_N,optimal_fiber_length_m,...
  std::vector<std::pair<std::string, double>> out;
  while (std::getline(in, line)) {
    const auto c = split(line);
    if (c.size() < 3) continue;
    const double force_n = std::stod(c[1]), fibre_cm = std::stod(c[2]) * 100.0;
    out.emplace_back(c[0], force_n * fibre_cm / 60.0);
  }
  return out;
}

Mesh load_obj(const std::filesystem::path& path) {
  Mesh m;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream s(line);
    std::string tag;
    s >> tag;
    if (tag == "v") {
      glm::vec3 v;
      s >> v.x >> v.y >> v.z;
      m.positions.push_back(v);
    } else if (tag == "f") {
      std::vector<std::uint32_t> f;
      std::string w;
      while (s >> w) f.push_back(std::uint32_t(std::stoi(w.substr(0, w.find('/'))) - 1));
      for (std::size_t k = 1; k + 1 < f.size(); ++k) m.indices.insert(m.indices.end(), {f[0], f[k], f[k + 1]});
    }
  }
  return m;
}

namespace {
float point_triangle_distance(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  // Ericson, Real-Time Collision Detection, 5.1.5.
  const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return glm::length(p - a);
  const glm::vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return glm::length(p - b);
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return glm::length(p - (a + ab * (d1 / (d1 - d3))));
  const glm::vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return glm::length(p - c);
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return glm::length(p - (a + ac * (d2 / (d2 - d6))));
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) return glm::length(p - (b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)))));
  const float denom = 1.0f / (va + vb + vc);
  return glm::length(p - (a + ab * (vb * denom) + ac * (vc * denom)));
}
} // namespace

std::size_t short_edges(const Mesh& mesh, float below) {
  std::size_t n = 0;
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
    for (std::size_t e = 0; e < 3; ++e)
      n += glm::distance(mesh.positions[mesh.indices[i + e]], mesh.positions[mesh.indices[i + (e + 1) % 3]]) < below ? 1 : 0;
  return n / 2;
}

float distance_to_mesh(const Mesh& mesh, const glm::vec3& p) {
  float best = 1e30f;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    best = std::min(best, point_triangle_distance(p, mesh.positions[mesh.indices[t]], mesh.positions[mesh.indices[t + 1]],
                                                  mesh.positions[mesh.indices[t + 2]]));
  return best;
}

bool inside_mesh(const Mesh& mesh, const glm::vec3& p) {
  int crossings = 0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                    c = mesh.positions[mesh.indices[t + 2]];
    // Barycentric test in the (y, z) plane, then the hit must lie ahead in x.
    const float d = (b.y - a.y) * (c.z - a.z) - (c.y - a.y) * (b.z - a.z);
    if (std::abs(d) < 1e-14f) continue;
    const float u = ((p.y - a.y) * (c.z - a.z) - (c.y - a.y) * (p.z - a.z)) / d;
    const float v = ((b.y - a.y) * (p.z - a.z) - (p.y - a.y) * (b.z - a.z)) / d;
    if (u < 0 || v < 0 || u + v > 1) continue;
    const float x = a.x + u * (b.x - a.x) + v * (c.x - a.x);
    if (x > p.x) ++crossings;
  }
  return crossings % 2 == 1;
}

} // namespace crus::test
