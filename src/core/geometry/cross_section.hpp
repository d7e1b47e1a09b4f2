#pragma once
// Cross-sections on the CPU: a plane cuts each structure's triangle mesh into
// closed contour loops, from which the section's area, centroid, perimeter
// and (for the skin) the circumference a tape measure gives are computed.
// The JSON of `crus section`, the 2D section page and the atlas measurements
// all stand on this. Plain C++: no GL.
#include "core/io/atlas_manifest.hpp"
#include "core/geometry/mesh.hpp"
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <optional>
#include <string>
#include <vector>

namespace crus {

struct Scene;

// A plane with an in-plane frame: u (screen right) and v (screen up) with
// u x v = normal, so the section is seen from the side the normal points to.
// A horizontal plane has normal +Y (seen from above), u = +Z (lateral for the
// right leg) and v = +X (anterior): anterior up, lateral to the right.
struct SectionPlane {
  glm::dvec3 point{0.0};
  glm::dvec3 normal{0.0, 1.0, 0.0};
  glm::dvec3 u{0.0, 0.0, 1.0};
  glm::dvec3 v{1.0, 0.0, 0.0};
  double tilt_deg = 0.0;
  std::optional<double> fraction; // of the way from the knee to the ankle joint centre, when given so
  glm::dvec2 to_plane(const glm::dvec3& p) const;
  glm::dvec3 to_model(const glm::dvec2& q) const;
};

// The horizontal plane through `point`, tilted by `tilt_deg` about the
// mediolateral (Z) axis through that point; a positive tilt raises the
// anterior side of the plane.
SectionPlane make_section_plane(const glm::dvec3& point, double tilt_deg);

// One contour: points in the plane's (u, v) frame, metres. Loops around
// material run counter-clockwise, holes clockwise, so signed areas add up.
struct ContourLoop {
  std::vector<glm::dvec2> points;
  bool closed = true;              // false: the mesh had a gap; the loop is closed implicitly
  std::optional<glm::vec3> colour; // mean vertex colour along the loop, when the mesh has vertex colours
};

struct MeshSection {
  std::vector<ContourLoop> loops;
  std::size_t open_chains = 0;
  bool empty() const { return loops.empty(); }
};

// Cuts a mesh (counter-clockwise triangles seen from outside). Vertices are
// welded by position first so that meshes with split vertices chain too.
// Vertices lying exactly on the plane count as above it, so every crossing
// belongs to one edge and the loops of a closed mesh close exactly.
MeshSection slice_mesh(const Mesh& mesh, const SectionPlane& plane);

double signed_area(const std::vector<glm::dvec2>& loop);
double loop_length(const std::vector<glm::dvec2>& loop, bool closed = true);
// Counter-clockwise convex hull (Andrew's monotone chain).
std::vector<glm::dvec2> convex_hull(std::vector<glm::dvec2> points);

struct SectionMeasure {
  double area_m2 = 0.0;          // material area: outer loops minus holes
  glm::dvec2 centroid{0.0};      // of that area, in the plane frame
  double perimeter_m = 0.0;      // every contour's length, holes included
  double hull_perimeter_m = 0.0; // what a tape measure around the section gives
  std::size_t pieces = 0;        // outer loops (counter-clockwise)
};
SectionMeasure measure_section(const MeshSection& section);

struct StructureSection {
  int index = -1; // into Scene::structures
  std::string id;
  std::string name;
  StructureKind kind = StructureKind::other;
  glm::vec4 colour{0.8f};
  MeshSection section;
  SectionMeasure measure;
  // A nerve's muscular branches that cross the plane: the muscle's name and
  // where its path (the scene's manifest's, posed with it) crosses, plane frame.
  struct Branch {
    std::string muscle;
    glm::dvec2 at{0.0};
  };
  std::vector<Branch> branches;
};
// The muscular branches of `nerve` (the manifest's) whose paths cross the
// plane, named by the scene's muscle names; empty for a scene without them.
std::vector<StructureSection::Branch> section_branches(const Scene& scene, const std::string& nerve, const SectionPlane& plane);

struct SceneSection {
  SectionPlane plane;
  std::vector<StructureSection> structures; // only those the plane cuts, in scene order
  const StructureSection* find(const std::string& id) const;
  // Area of bones, muscles, tendons and nerves over the skin's area (0 without skin).
  double packing_fraction() const;
};
SceneSection section_scene(const Scene& scene, const SectionPlane& plane);

// The plane for a height given as metres in the model frame ("0.30") or as a
// percentage of the way from the knee joint centre down to the ankle joint
// centre ("40%"), which need the manifest's joint centres. Throws InputError
// naming `option` for text that is not a height, a tilt outside -80..80
// degrees, or a plane that cuts nothing of the scene.
SectionPlane section_plane_for(const std::string& height, double tilt_deg, const Scene& scene,
                               const std::string& option = "HEIGHT");

// Shortest distance (metres, in the plane) from any point of `from`'s loops
// to the contours of `to`: e.g. how deep the tibial crest lies under the skin.
double closest_approach(const MeshSection& from, const MeshSection& to);

} // namespace crus
