#pragma once
// The generated atlas, built once per test binary and shared by every test,
// plus small geometry helpers the atlas tests use.
#include "atlas/generator.hpp"
#include "core/geometry/cross_section.hpp"
#include "core/geometry/mesh.hpp"

#include <glm/vec3.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace crus::test {

const atlas::GeneratedAtlas& shared_atlas();
const Mesh& atlas_mesh(const std::string& id);

// Reference data (skips are the caller's job: CRUS_REQUIRE_REFERENCE()).
struct ReferencePoint {
  std::string name;
  glm::vec3 position{0.0f};
};
std::vector<ReferencePoint> reference_joints();
// Path points per Rajagopal muscle name, in file order.
std::vector<std::pair<std::string, std::vector<glm::vec3>>> reference_muscle_paths();
// Each model muscle's volume in cm3 from its parameters, as Rajagopal 2016
// derived them: max isometric force x optimal fibre length / (60 N/cm2).
std::vector<std::pair<std::string, double>> reference_muscle_volumes();
Mesh load_obj(const std::filesystem::path& path);

// Edges shorter than `below` (each counted once on a closed mesh, where two
// triangles see it).
std::size_t short_edges(const Mesh& mesh, float below);
// Unsigned distance from p to the closest triangle of the mesh.
float distance_to_mesh(const Mesh& mesh, const glm::vec3& p);
// Inside test by ray parity along +X (the mesh must be closed).
bool inside_mesh(const Mesh& mesh, const glm::vec3& p);
// A joint centre of the generated atlas's manifest (a test failure when absent).
glm::vec3 atlas_joint(const std::string& id);
// The horizontal plane `fraction` of the way from the knee joint centre down
// to the ankle's (issue 11's heights).
SectionPlane leg_level(double fraction);
// How far forward a section reaches along the line u = const of its plane
// frame: v of the most anterior crossing of its loops; none when the line
// misses it.
std::optional<double> front_at(const MeshSection& cut, double u);

} // namespace crus::test
