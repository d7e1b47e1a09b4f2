#pragma once
// Hostile and broken glTF files made by the tests themselves (never stored):
// a one-triangle glTF 2.0 document to start from, and the glb container.
#include <cstdint>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace crus::test {

struct CraftedGltf {
  nlohmann::json doc;
  std::string bin; // the binary chunk (glb) or the embedded buffer
};

inline void append_le(std::string& out, std::uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// One mesh of `vertices` vertices (a fan in a 10 cm square) drawn with
// `indices` (16-bit), one node "leg" using it.
inline CraftedGltf crafted_mesh(const std::vector<std::uint16_t>& indices = {0, 1, 2}, std::uint32_t vertices = 3) {
  CraftedGltf g;
  for (std::uint32_t v = 0; v < vertices; ++v) {
    float p[3] = {0.1f * static_cast<float>(v % 2), 0.1f * static_cast<float>((v / 2) % 2), 0.001f * static_cast<float>(v)};
    g.bin.append(reinterpret_cast<const char*>(p), sizeof p);
  }
  const std::size_t index_at = g.bin.size();
  for (auto i : indices) append_le(g.bin, i, 2);
  while (g.bin.size() % 4) g.bin.push_back('\0');
  using nlohmann::json;
  g.doc = {
      {"asset", {{"version", "2.0"}}},
      {"scene", 0},
      {"scenes", json::array({{{"nodes", json::array({0})}}})},
      {"nodes", json::array({{{"name", "leg"}, {"mesh", 0}}})},
      {"meshes", json::array({{{"primitives", json::array({{{"attributes", {{"POSITION", 0}}}, {"indices", 1}}})}}})},
      {"accessors", json::array({{{"bufferView", 0},
                                  {"componentType", 5126},
                                  {"count", vertices},
                                  {"type", "VEC3"},
                                  {"min", {0, 0, 0}},
                                  {"max", {0.1, 0.1, 0.001 * vertices}}},
                                 {{"bufferView", 1}, {"componentType", 5123}, {"count", indices.size()}, {"type", "SCALAR"}}})},
      {"bufferViews", json::array({{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", index_at}},
                                   {{"buffer", 0}, {"byteOffset", index_at}, {"byteLength", indices.size() * 2}}})},
      {"buffers", json::array({{{"byteLength", g.bin.size()}}})}};
  return g;
}

// The glb container around `json_text` and `bin`, lengths as they should be.
inline std::string glb_bytes(const std::string& json_text, const std::string& bin) {
  std::string j = json_text;
  while (j.size() % 4) j.push_back(' ');
  std::string out = "glTF";
  append_le(out, 2, 4);
  append_le(out, static_cast<std::uint32_t>(12 + 8 + j.size() + (bin.empty() ? 0 : 8 + bin.size())), 4);
  append_le(out, static_cast<std::uint32_t>(j.size()), 4);
  out += "JSON";
  out += j;
  if (!bin.empty()) {
    append_le(out, static_cast<std::uint32_t>(bin.size()), 4);
    out.append("BIN\0", 4);
    out += bin;
  }
  return out;
}

inline std::string glb_bytes(const CraftedGltf& g) { return glb_bytes(g.doc.dump(), g.bin); }

inline std::string write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  return path;
}

} // namespace crus::test
