#include "core/motion/posed_mesh.hpp"

#include <glm/geometric.hpp>

namespace crus::motion {

Mesh posed_mesh(const Mesh& rest, const Rigid& t) {
  Mesh m = rest;
  const glm::mat3 r(t.r);
  const glm::vec3 shift(t.t);
  for (auto& p : m.positions) p = r * p + shift;
  for (auto& n : m.normals) n = r * n; // a rotation keeps normals unit and outward
  return m;
}

PosedCentroid posed_centroid(const MotionModel& model, const std::string& structure, const Mesh& rest,
                             const std::vector<Rigid>& bodies) {
  PosedCentroid c;
  c.structure = structure;
  c.body = model.body_of_structure(structure);
  c.approximate = c.body >= 0 && !model.is_rigid_bone(structure);
  c.rest = glm::dvec3(area_weighted_centroid(rest));
  c.posed = c.body < 0 ? c.rest : glm::dvec3(area_weighted_centroid(posed_mesh(rest, bodies[static_cast<std::size_t>(c.body)])));
  return c;
}

} // namespace crus::motion
