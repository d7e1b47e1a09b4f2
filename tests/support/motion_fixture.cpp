#include "support/motion_fixture.hpp"

#include "support/test_support.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace crus::test {

const motion::MotionModel& motion_model() {
  static const motion::MotionModel m = motion::load_motion_model(source_dir() + "/assets/motion/joints.json");
  return m;
}

const motion::MuscleSet& motion_muscles() {
  static const motion::MuscleSet s = motion::load_muscles(source_dir() + "/assets/motion/muscles.json", motion_model());
  return s;
}

namespace {
std::optional<Scene> load_bundled(const char* name) {
  const std::filesystem::path glb = std::filesystem::path(source_dir()) / "assets/atlas" / name;
  if (!std::filesystem::exists(glb)) return std::nullopt;
  SceneLoadOptions o;
  o.manifest_path = (glb.parent_path() / "atlas.json").string();
  return load_scene(glb.string(), o);
}
} // namespace

const Scene* light_atlas() {
  static const std::optional<Scene> scene = load_bundled("lower_leg_right_lod1.glb");
  return scene ? &*scene : nullptr;
}

const Scene* full_atlas() {
  static const std::optional<Scene> scene = load_bundled("lower_leg_right.glb");
  return scene ? &*scene : nullptr;
}

glm::vec3 face_normal(const Mesh& m, std::size_t t) {
  const glm::vec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
  const glm::vec3 n = glm::cross(b - a, c - a);
  const float len = glm::length(n);
  return len > 0.0f ? n / len : glm::vec3(0.0f);
}

std::vector<SharedEdge> shared_edges(const Mesh& m) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::size_t>> faces;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
    for (std::size_t e = 0; e < 3; ++e) {
      const std::uint32_t a = m.indices[t + e], b = m.indices[t + (e + 1) % 3];
      faces[{std::min(a, b), std::max(a, b)}].push_back(t);
    }
  std::vector<SharedEdge> out;
  for (const auto& [edge, ts] : faces)
    if (ts.size() == 2) out.push_back({edge.first, edge.second, ts[0], ts[1]});
  return out;
}

Folds folded_edges(const Mesh& rest, const Mesh& posed, const std::function<bool(const glm::vec3&)>& counted) {
  Folds out;
  for (const SharedEdge& e : shared_edges(rest)) {
    if (!counted(rest.positions[e.a]) || !counted(rest.positions[e.b])) continue;
    ++out.edges;
    const float rest_turn = std::acos(std::clamp(glm::dot(face_normal(rest, e.t0), face_normal(rest, e.t1)), -1.0f, 1.0f));
    const float turn = std::acos(std::clamp(glm::dot(face_normal(posed, e.t0), face_normal(posed, e.t1)), -1.0f, 1.0f));
    if (turn - rest_turn > 1.5707964f) ++out.folded;
  }
  return out;
}

} // namespace crus::test
