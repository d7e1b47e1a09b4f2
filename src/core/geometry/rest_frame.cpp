#include "core/geometry/rest_frame.hpp"

#include "core/document/scene.hpp"

#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>
#include <limits>

namespace crus {

glm::mat4 rigid_inverse(const glm::mat4& m) {
  const glm::mat3 rt = glm::transpose(glm::mat3(m));
  glm::mat4 out(rt);
  out[3] = glm::vec4(-(rt * glm::vec3(m[3])), 1.0f);
  return out;
}

glm::vec3 moved_point(const glm::mat4& m, const glm::vec3& p) { return glm::vec3(m * glm::vec4(p, 1.0f)); }

Aabb moved_box(const Aabb& rest, const glm::mat4& m) {
  if (!rest.valid() || m == glm::mat4(1.0f)) return rest;
  Aabb box{glm::vec3(std::numeric_limits<float>::max()), glm::vec3(-std::numeric_limits<float>::max())};
  for (int c = 0; c < 8; ++c) {
    const glm::vec3 corner((c & 1) ? rest.max.x : rest.min.x, (c & 2) ? rest.max.y : rest.min.y,
                           (c & 4) ? rest.max.z : rest.min.z);
    const glm::vec3 p = moved_point(m, corner);
    box.min = glm::min(box.min, p);
    box.max = glm::max(box.max, p);
  }
  return box;
}

Aabb moved_bounds(const Mesh& mesh, const glm::mat4& m) {
  if (m == glm::mat4(1.0f)) return bounds(mesh);
  const glm::mat3 r(m);
  const glm::vec3 t(m[3]);
  Aabb box{glm::vec3(std::numeric_limits<float>::max()), glm::vec3(-std::numeric_limits<float>::max())};
  for (const glm::vec3& p : mesh.positions) {
    const glm::vec3 q = r * p + t;
    box.min = glm::min(box.min, q);
    box.max = glm::max(box.max, q);
  }
  return mesh.positions.empty() ? bounds(mesh) : box;
}

void bake_transform(Mesh& mesh, const glm::mat4& m) {
  if (m == glm::mat4(1.0f)) return;
  const glm::mat3 r(m);
  for (glm::vec3& p : mesh.positions) p = moved_point(m, p);
  for (glm::vec3& n : mesh.normals) n = r * n;
}

SectionPlane plane_to_rest(const SectionPlane& plane, const glm::mat4& rest_to_current) {
  if (rest_to_current == glm::mat4(1.0f)) return plane;
  const glm::dmat4 back(rigid_inverse(rest_to_current));
  const glm::dmat3 turn(back);
  SectionPlane out = plane;
  out.point = glm::dvec3(back * glm::dvec4(plane.point, 1.0));
  out.normal = turn * plane.normal;
  out.u = turn * plane.u;
  out.v = turn * plane.v;
  return out;
}

MeshSection slice_structure(const SceneStructure& s, const SectionPlane& plane) {
  return slice_mesh(s.mesh, plane_to_rest(plane, s.transform));
}

glm::vec3 current_point(const SceneStructure& s, const glm::vec3& mesh_point) {
  return s.transform == glm::mat4(1.0f) ? mesh_point : moved_point(s.transform, mesh_point);
}

} // namespace crus
