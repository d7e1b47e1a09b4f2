#include "core/motion/contacts.hpp"

#include "core/motion/soft_tissue.hpp"
#include "core/picking.hpp"
#include "core/scene.hpp"

#include <glm/geometric.hpp>

#include <algorithm>

namespace crus::motion {

namespace {

bool soft(StructureKind k) { return k != StructureKind::bone && k != StructureKind::skin; }

// Barycentric coordinates of p (on the triangle's plane) in triangle a b c.
glm::vec3 barycentric(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 v0 = b - a, v1 = c - a, v2 = p - a;
  const float d00 = glm::dot(v0, v0), d01 = glm::dot(v0, v1), d11 = glm::dot(v1, v1);
  const float d20 = glm::dot(v2, v0), d21 = glm::dot(v2, v1);
  const float den = d00 * d11 - d01 * d01;
  if (den <= 0.0f) return {1.0f, 0.0f, 0.0f}; // a degenerate triangle: its first corner
  const float v = (d11 * d20 - d01 * d21) / den, w = (d00 * d21 - d01 * d20) / den;
  return {1.0f - v - w, v, w};
}

} // namespace

std::size_t LegContacts::count() const {
  std::size_t n = 0;
  for (const auto& s : structures) n += s.bones.size() + s.skin.size();
  return n;
}

LegContacts bind_contacts(const MotionModel& model, const LegSkin& skin, const Scene& scene) {
  LegContacts out;
  // Only the bones and the skin are queried.
  static const Mesh none;
  std::vector<const Mesh*> meshes(scene.structures.size(), &none);
  std::vector<int> bone_body(scene.structures.size(), -1);
  for (std::size_t i = 0; i < scene.structures.size(); ++i) {
    const SceneStructure& s = scene.structures[i];
    if (model.is_rigid_bone(s.id)) {
      meshes[i] = &s.mesh;
      bone_body[i] = model.body_of_structure(s.id);
    } else if (s.kind == StructureKind::skin && s.id == "skin") {
      meshes[i] = &s.mesh;
      out.skin_structure = i;
    }
  }
  PickIndex index;
  index.build(meshes);
  const Mesh* skin_mesh = out.skin_structure < scene.structures.size() ? &scene.structures[out.skin_structure].mesh : nullptr;

  for (const StructureSkin& ss : skin.structures) {
    const SceneStructure& s = scene.structures[ss.structure];
    if (ss.rigid_body >= 0 || !soft(s.kind) || ss.vertices.size() != s.mesh.positions.size()) continue;
    StructureContacts sc;
    sc.structure = ss.structure;
    for (std::size_t v = 0; v < ss.vertices.size(); ++v) {
      const glm::vec3 p = s.mesh.positions[v];
      // The four nearest bones, of any body: a vertex moving wholly with the
      // femur still meets the tibia as the knee bends (the popliteus).
      struct Near {
        float distance;
        BoneContact contact;
      };
      std::vector<Near> near;
      for (std::size_t b = 0; b < scene.structures.size(); ++b) {
        if (bone_body[b] < 0) continue;
        const auto hit = index.nearest_point(p, static_cast<int>(b), kContactReach);
        if (!hit || glm::dot(hit->normal, hit->normal) == 0.0f) continue;
        BoneContact c;
        c.vertex = static_cast<std::uint32_t>(v);
        c.body = static_cast<std::uint8_t>(bone_body[b]);
        c.point = hit->point;
        c.normal = glm::normalize(hit->normal);
        c.clearance = std::min(glm::dot(p - c.point, c.normal), kBoneClearance);
        near.push_back({hit->distance, c});
      }
      std::sort(near.begin(), near.end(), [](const Near& a, const Near& b) { return a.distance < b.distance; });
      for (std::size_t i = 0; i < near.size() && i < 4; ++i) sc.bones.push_back(near[i].contact);
      if (!skin_mesh) continue;
      const auto hit = index.nearest_point(p, static_cast<int>(out.skin_structure), kSkinReach);
      if (!hit || glm::dot(hit->normal, hit->normal) == 0.0f) continue;
      SkinContact c;
      c.vertex = static_cast<std::uint32_t>(v);
      for (int k = 0; k < 3; ++k) c.corner[k] = skin_mesh->indices[static_cast<std::size_t>(hit->triangle) * 3 + static_cast<std::size_t>(k)];
      c.bary = barycentric(hit->point, skin_mesh->positions[c.corner[0]], skin_mesh->positions[c.corner[1]], skin_mesh->positions[c.corner[2]]);
      c.depth = std::min(glm::dot(hit->point - p, glm::normalize(hit->normal)), kSkinDepth);
      sc.skin.push_back(c);
    }
    if (!sc.bones.empty() || !sc.skin.empty()) out.structures.push_back(std::move(sc));
  }
  return out;
}

void apply_contacts(const LegContacts& contacts, const std::vector<Rigid>& bodies, Scene& posed) {
  const Mesh* skin = contacts.skin_structure < posed.structures.size() ? &posed.structures[contacts.skin_structure].mesh : nullptr;
  std::vector<glm::mat3> r(bodies.size());
  std::vector<glm::vec3> t(bodies.size());
  for (std::size_t b = 0; b < bodies.size(); ++b) {
    r[b] = glm::mat3(bodies[b].r);
    t[b] = glm::vec3(bodies[b].t);
  }
  for (const StructureContacts& sc : contacts.structures) {
    std::vector<glm::vec3>& positions = posed.structures[sc.structure].mesh.positions;
    if (skin) {
      const bool normals = skin->normals.size() == skin->positions.size();
      for (const SkinContact& c : sc.skin) {
        if (c.vertex >= positions.size()) continue;
        const glm::vec3 a = skin->positions[c.corner[0]], b = skin->positions[c.corner[1]], d = skin->positions[c.corner[2]];
        const glm::vec3 on = c.bary.x * a + c.bary.y * b + c.bary.z * d;
        glm::vec3 n = normals ? c.bary.x * skin->normals[c.corner[0]] + c.bary.y * skin->normals[c.corner[1]] + c.bary.z * skin->normals[c.corner[2]]
                              : glm::cross(b - a, d - a);
        const float len = glm::length(n);
        if (len == 0.0f) continue;
        n /= len;
        const float depth = glm::dot(on - positions[c.vertex], n);
        if (depth < c.depth) positions[c.vertex] -= n * (c.depth - depth);
      }
    }
    // Out of the bones last: where the two disagree (the skin of the
    // popliteal fossa folding in over the gastrocnemius heads at full knee
    // flexion) tissue pressed under the skin must not end inside a bone.
    for (const BoneContact& c : sc.bones) {
      if (static_cast<std::size_t>(c.body) >= bodies.size() || c.vertex >= positions.size()) continue;
      const glm::vec3 n = r[c.body] * c.normal;
      const float out = glm::dot(positions[c.vertex] - (r[c.body] * c.point + t[c.body]), n);
      if (out < c.clearance) positions[c.vertex] += n * (c.clearance - out);
    }
  }
}

} // namespace crus::motion
