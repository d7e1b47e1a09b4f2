#include "support/fixtures.hpp"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <glm/geometric.hpp>
#include <nlohmann/json.hpp>

namespace crus::test {
namespace {

std::string base64(const std::vector<std::uint8_t>& data) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    std::uint32_t v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += table[v & 63];
  }
  if (i < data.size()) {
    std::uint32_t v = data[i] << 16;
    if (i + 1 < data.size()) v |= data[i + 1] << 8;
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += i + 1 < data.size() ? table[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// 24 vertices (flat faces) and 12 triangles, counter-clockwise outside.
void box_geometry(const FixtureBox& b, std::vector<float>& pos, std::vector<float>& nrm, std::vector<std::uint32_t>& idx) {
  const glm::vec3 n[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  for (int f = 0; f < 6; ++f) {
    glm::vec3 normal = n[f];
    glm::vec3 u = std::abs(normal.y) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
    glm::vec3 v = glm::cross(normal, u);
    auto base = static_cast<std::uint32_t>(pos.size() / 3);
    const float s[4][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    for (auto& c : s) {
      glm::vec3 p = b.centre + (normal + u * c[0] + v * c[1]) * b.half;
      pos.insert(pos.end(), {p.x, p.y, p.z});
      nrm.insert(nrm.end(), {normal.x, normal.y, normal.z});
    }
    // Orientation: (u x v) == normal gives counter-clockwise from outside.
    if (glm::dot(glm::cross(u, v), normal) > 0) idx.insert(idx.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
    else idx.insert(idx.end(), {base, base + 2, base + 1, base, base + 3, base + 2});
  }
}

} // namespace

std::string write_box_gltf(const std::string& path, const std::vector<FixtureBox>& boxes) {
  std::vector<std::uint8_t> buffer;
  nlohmann::json j;
  j["asset"] = {{"version", "2.0"}, {"generator", "crus tests"}};
  j["scene"] = 0;
  nlohmann::json nodes = nlohmann::json::array(), meshes = nlohmann::json::array(), accessors = nlohmann::json::array(),
                 views = nlohmann::json::array(), materials = nlohmann::json::array(), scene_nodes = nlohmann::json::array();
  auto add_view = [&](const void* data, std::size_t bytes, int target) {
    while (buffer.size() % 4) buffer.push_back(0);
    std::size_t offset = buffer.size();
    buffer.resize(offset + bytes);
    std::memcpy(buffer.data() + offset, data, bytes);
    views.push_back({{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}, {"target", target}});
    return static_cast<int>(views.size() - 1);
  };
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    std::vector<float> pos, nrm;
    std::vector<std::uint32_t> idx;
    box_geometry(boxes[i], pos, nrm, idx);
    int vp = add_view(pos.data(), pos.size() * 4, 34962);
    int vn = add_view(nrm.data(), nrm.size() * 4, 34962);
    int vi = add_view(idx.data(), idx.size() * 4, 34963);
    glm::vec3 mn = boxes[i].centre - boxes[i].half, mx = boxes[i].centre + boxes[i].half;
    int ap = static_cast<int>(accessors.size());
    accessors.push_back({{"bufferView", vp},
                         {"componentType", 5126},
                         {"count", pos.size() / 3},
                         {"type", "VEC3"},
                         {"min", {mn.x, mn.y, mn.z}},
                         {"max", {mx.x, mx.y, mx.z}}});
    accessors.push_back({{"bufferView", vn}, {"componentType", 5126}, {"count", nrm.size() / 3}, {"type", "VEC3"}});
    accessors.push_back({{"bufferView", vi}, {"componentType", 5125}, {"count", idx.size()}, {"type", "SCALAR"}});
    const glm::vec4& c = boxes[i].colour;
    nlohmann::json attributes = {{"POSITION", ap}, {"NORMAL", ap + 1}};
    const bool vertex_colours = boxes[i].top_colour.x >= 0.0f;
    if (vertex_colours) {
      std::vector<float> col;
      for (std::size_t v = 0; v + 2 < pos.size(); v += 3) {
        const glm::vec3 vc = pos[v + 1] > boxes[i].centre.y ? boxes[i].top_colour : glm::vec3(c);
        col.insert(col.end(), {vc.r, vc.g, vc.b});
      }
      int vc = add_view(col.data(), col.size() * 4, 34962);
      attributes["COLOR_0"] = static_cast<int>(accessors.size());
      accessors.push_back({{"bufferView", vc}, {"componentType", 5126}, {"count", col.size() / 3}, {"type", "VEC3"}});
    }
    if (boxes[i].texcoords) {
      std::vector<float> across, along;
      for (std::size_t v = 0; v + 2 < pos.size(); v += 3) {
        across.insert(across.end(), {pos[v], pos[v + 1]});
        along.insert(along.end(), {pos[v + 2], 0.0f});
      }
      for (const auto* set : {&across, &along}) {
        int view = add_view(set->data(), set->size() * 4, 34962);
        attributes[set == &across ? "TEXCOORD_0" : "TEXCOORD_1"] = static_cast<int>(accessors.size());
        accessors.push_back({{"bufferView", view}, {"componentType", 5126}, {"count", set->size() / 2}, {"type", "VEC2"}});
      }
    }
    const glm::vec4 base = vertex_colours ? glm::vec4(1.0f, 1.0f, 1.0f, c.a) : c;
    materials.push_back(
        {{"name", boxes[i].node},
         {"pbrMetallicRoughness", {{"baseColorFactor", {base.r, base.g, base.b, base.a}}, {"metallicFactor", 0.0}}}});
    meshes.push_back({{"name", boxes[i].node},
                      {"primitives", {{{"attributes", attributes}, {"indices", ap + 2}, {"material", static_cast<int>(i)}}}}});
    nodes.push_back({{"name", boxes[i].node}, {"mesh", static_cast<int>(i)}});
    scene_nodes.push_back(static_cast<int>(i));
  }
  j["scenes"] = {{{"nodes", scene_nodes}}};
  j["nodes"] = nodes;
  j["meshes"] = meshes;
  j["materials"] = materials;
  j["accessors"] = accessors;
  j["bufferViews"] = views;
  j["buffers"] = {{{"byteLength", buffer.size()}, {"uri", "data:application/octet-stream;base64," + base64(buffer)}}};
  std::ofstream(path) << j.dump(1);
  return path;
}

std::string write_box_obj(const std::string& path, const std::vector<FixtureBox>& boxes) {
  std::ofstream out(path);
  std::size_t base = 1;
  for (const auto& b : boxes) {
    std::vector<float> pos, nrm;
    std::vector<std::uint32_t> idx;
    box_geometry(b, pos, nrm, idx);
    out << "o " << b.node << "\n";
    for (std::size_t i = 0; i < pos.size(); i += 3) out << "v " << pos[i] << " " << pos[i + 1] << " " << pos[i + 2] << "\n";
    for (std::size_t i = 0; i < idx.size(); i += 3)
      out << "f " << idx[i] + base << " " << idx[i + 1] + base << " " << idx[i + 2] + base << "\n";
    base += pos.size() / 3;
  }
  return path;
}

} // namespace crus::test
