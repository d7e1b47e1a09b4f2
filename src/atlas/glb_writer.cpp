#include "atlas/glb_writer.hpp"

#include "core/error.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>
#include <glm/vec4.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace crus::atlas {
namespace {
using Json = nlohmann::ordered_json;

constexpr int kFloat = 5126;
constexpr int kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;

void put_u32(std::vector<unsigned char>& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<unsigned char>((v >> (8 * i)) & 0xffu));
}

// Appends raw little-endian data, 4-byte aligned, and returns its offset.
std::size_t append(std::vector<unsigned char>& bin, const void* data, std::size_t size) {
  while (bin.size() % 4 != 0) bin.push_back(0);
  const std::size_t at = bin.size();
  bin.resize(at + size);
  if (size) std::memcpy(bin.data() + at, data, size);
  return at;
}

} // namespace

std::vector<unsigned char> make_glb(const std::vector<GlbNode>& nodes) {
  static_assert(sizeof(float) == 4, "glTF needs 32-bit floats");
  {
    const std::uint32_t probe = 1;
    unsigned char first = 0;
    std::memcpy(&first, &probe, 1);
    if (first != 1) throw RuntimeError("glb writer: big-endian hosts are not supported");
  }
  std::vector<unsigned char> bin;
  Json buffer_views = Json::array(), accessors = Json::array(), meshes = Json::array(), materials = Json::array(),
       gl_nodes = Json::array(), scene_nodes = Json::array();

  auto add_view = [&](std::size_t offset, std::size_t length, int target) {
    Json v;
    v["buffer"] = 0;
    v["byteOffset"] = offset;
    v["byteLength"] = length;
    v["target"] = target;
    buffer_views.push_back(std::move(v));
    return buffer_views.size() - 1;
  };
  auto add_vec3_accessor = [&](const std::vector<glm::vec3>& data, bool with_bounds) {
    const std::size_t offset = append(bin, data.data(), data.size() * sizeof(glm::vec3));
    Json a;
    a["bufferView"] = add_view(offset, data.size() * sizeof(glm::vec3), kArrayBuffer);
    a["componentType"] = kFloat;
    a["count"] = data.size();
    a["type"] = "VEC3";
    if (with_bounds) {
      glm::vec3 lo = data.front(), hi = data.front();
      for (const auto& p : data) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
      }
      a["min"] = Json::array({lo.x, lo.y, lo.z});
      a["max"] = Json::array({hi.x, hi.y, hi.z});
    }
    accessors.push_back(std::move(a));
    return accessors.size() - 1;
  };

  for (std::size_t n = 0; n < nodes.size(); ++n) {
    const GlbNode& node = nodes[n];
    if (!node.mesh || node.mesh->positions.empty() || node.mesh->indices.empty())
      throw RuntimeError("glb writer: structure '" + node.name + "' has no triangles");
    const Mesh& m = *node.mesh;
    Json attributes;
    attributes["POSITION"] = add_vec3_accessor(m.positions, true);
    if (m.normals.size() == m.positions.size()) attributes["NORMAL"] = add_vec3_accessor(m.normals, false);
    const bool fibres = m.fibres.size() == m.positions.size();
    const bool occlusion = m.occlusion.size() == m.positions.size();
    if (fibres || occlusion) {
      // Fibre coordinates as two texture-coordinate sets: TEXCOORD_0 across
      // the fibres, TEXCOORD_1 along them (u), metres. The baked ambient
      // occlusion rides in TEXCOORD_1's v as how closed in a vertex is
      // (1 - open), so 0, what older atlases hold there, means open.
      // Assimp keeps only the standard attributes, so a custom _AO would not
      // reach the loader; viewers without textures ignore texture coordinates.
      std::vector<glm::vec2> across(m.positions.size(), glm::vec2(0.0f)), along(m.positions.size(), glm::vec2(0.0f));
      for (std::size_t i = 0; i < m.positions.size(); ++i) {
        if (fibres) {
          across[i] = glm::vec2(m.fibres[i].x, m.fibres[i].y);
          along[i].x = m.fibres[i].z;
        }
        if (occlusion) along[i].y = 1.0f - std::clamp(m.occlusion[i], 0.0f, 1.0f);
      }
      for (const auto* set : {&across, &along}) {
        const std::size_t offset = append(bin, set->data(), set->size() * sizeof(glm::vec2));
        Json a;
        a["bufferView"] = add_view(offset, set->size() * sizeof(glm::vec2), kArrayBuffer);
        a["componentType"] = kFloat;
        a["count"] = set->size();
        a["type"] = "VEC2";
        accessors.push_back(std::move(a));
        attributes[set == &across ? "TEXCOORD_0" : "TEXCOORD_1"] = accessors.size() - 1;
      }
    }
    // glTF multiplies COLOR_0 by the base colour: with vertex colours the
    // material is white, so any viewer shows the tendons pale.
    const bool vertex_colours = m.colours.size() == m.positions.size();
    if (vertex_colours) attributes["COLOR_0"] = add_vec3_accessor(m.colours, false);
    const glm::vec3 base = vertex_colours ? glm::vec3(1.0f) : glm::vec3(node.colour);

    const std::size_t ioff = append(bin, m.indices.data(), m.indices.size() * sizeof(std::uint32_t));
    Json ia;
    ia["bufferView"] = add_view(ioff, m.indices.size() * sizeof(std::uint32_t), kElementArrayBuffer);
    ia["componentType"] = kUnsignedInt;
    ia["count"] = m.indices.size();
    ia["type"] = "SCALAR";
    accessors.push_back(std::move(ia));

    Json material;
    material["name"] = node.name;
    material["pbrMetallicRoughness"] = {{"baseColorFactor", {base.x, base.y, base.z, node.colour.w}},
                                        {"metallicFactor", 0.0},
                                        {"roughnessFactor", node.roughness}};
    if (node.colour.w < 1.0f) material["alphaMode"] = "BLEND";
    materials.push_back(std::move(material));

    Json primitive;
    primitive["attributes"] = std::move(attributes);
    primitive["indices"] = accessors.size() - 1;
    primitive["material"] = n;
    primitive["mode"] = 4;
    Json mesh;
    mesh["name"] = node.name;
    mesh["primitives"] = Json::array({std::move(primitive)});
    meshes.push_back(std::move(mesh));

    Json gl_node;
    gl_node["name"] = node.name;
    gl_node["mesh"] = n;
    gl_nodes.push_back(std::move(gl_node));
    scene_nodes.push_back(n);
  }
  while (bin.size() % 4 != 0) bin.push_back(0);

  Json doc;
  doc["asset"] = {{"version", "2.0"}, {"generator", "crus atlas generator"}};
  doc["scene"] = 0;
  doc["scenes"] = Json::array({{{"name", "lower_leg_right"}, {"nodes", scene_nodes}}});
  doc["nodes"] = std::move(gl_nodes);
  doc["meshes"] = std::move(meshes);
  doc["materials"] = std::move(materials);
  doc["accessors"] = std::move(accessors);
  doc["bufferViews"] = std::move(buffer_views);
  doc["buffers"] = Json::array({{{"byteLength", bin.size()}}});
  std::string json = doc.dump();
  while (json.size() % 4 != 0) json.push_back(' ');

  std::vector<unsigned char> out;
  const std::size_t total = 12 + 8 + json.size() + 8 + bin.size();
  out.reserve(total);
  put_u32(out, 0x46546C67u); // "glTF"
  put_u32(out, 2);
  put_u32(out, std::uint32_t(total));
  put_u32(out, std::uint32_t(json.size()));
  put_u32(out, 0x4E4F534Au); // "JSON"
  out.insert(out.end(), json.begin(), json.end());
  put_u32(out, std::uint32_t(bin.size()));
  put_u32(out, 0x004E4942u); // "BIN\0"
  out.insert(out.end(), bin.begin(), bin.end());
  return out;
}

} // namespace crus::atlas
