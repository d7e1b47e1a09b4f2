#include "core/io/gltf_guard.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

namespace crus::gltf {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::uint32_t kGlbMagic = 0x46546C67;  // "glTF"
constexpr std::uint32_t kChunkJson = 0x4E4F534A; // "JSON"
constexpr std::uint32_t kChunkBin = 0x004E4942;  // "BIN\0"

std::uint32_t read_u32(const std::string& b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

std::string lower_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string read_prefix(const std::string& path, std::size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::string b(n, '\0');
  in.read(b.data(), static_cast<std::streamsize>(n));
  b.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return b;
}

std::string read_range(const std::string& path, std::uint64_t offset, std::uint64_t n) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open the file");
  in.seekg(static_cast<std::streamoff>(offset));
  std::string b(static_cast<std::size_t>(n), '\0');
  in.read(b.data(), static_cast<std::streamsize>(n));
  if (static_cast<std::uint64_t>(in.gcount()) != n) throw InputError(path, "the file ended early");
  return b;
}

// The bytes of a base64 payload (standard or URL-safe alphabet).
std::optional<std::string> decode_base64(const std::string& text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    int v = value(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

// Reads the glTF JSON (already bounded in size and depth) and keeps the
// context for messages.
class Checker {
public:
  Checker(std::string name, std::string base_dir, const std::string* bin)
      : name_(std::move(name)), base_dir_(std::move(base_dir)), bin_(bin) {}

  GltfCheck run(const std::string& text) {
    std::size_t values = 0;
    int depth = json_depth(text, kMaxJsonDepth, &values);
    if (depth > kMaxJsonDepth) fail("the glTF JSON nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    if (values > kMaxJsonValues) fail("the glTF JSON holds more than " + std::to_string(kMaxJsonValues) + " values");
    try {
      doc_ = json::parse(text);
    } catch (const json::exception& e) {
      // Parse errors, numbers too large for a double (1e400), bad UTF-8.
      std::string what = e.what();
      auto p = what.find("] ");
      fail("the glTF JSON is not valid: " + (p == std::string::npos ? what : what.substr(p + 2)));
    }
    if (!doc_.is_object()) fail("the glTF JSON is not an object");
    check_version();
    for (auto it = doc_.begin(); it != doc_.end(); ++it)
      if (it.value().is_array() && it.value().size() > kMaxArrayEntries)
        fail(it.key() + ": " + std::to_string(it.value().size()) + " entries, more than the limit of " +
             std::to_string(kMaxArrayEntries));
    buffers_ = array("buffers");
    if (buffers_.size() > kMaxBuffers) fail("buffers: more than " + std::to_string(kMaxBuffers));
    views_ = array("bufferViews");
    accessors_ = array("accessors");
    meshes_ = array("meshes");
    nodes_ = array("nodes");
    check_buffers();
    check_views();
    check_accessors();
    check_meshes();
    check_nodes();
    return result_;
  }

private:
  [[noreturn]] void fail(const std::string& problem) const { throw InputError(name_, problem); }

  std::vector<const json*> array(const char* key) {
    std::vector<const json*> out;
    if (!doc_.contains(key)) return out;
    const json& a = doc_[key];
    if (!a.is_array()) fail(std::string(key) + ": expected a list");
    for (const auto& e : a) {
      if (!e.is_object()) fail(std::string(key) + "[" + std::to_string(out.size()) + "]: expected an object");
      out.push_back(&e);
    }
    return out;
  }

  // A whole number in [0, max] at `key` of `obj`; `fallback` when absent.
  std::uint64_t whole(const json& obj, const char* key, const std::string& where, std::uint64_t max,
                      std::optional<std::uint64_t> fallback = std::nullopt) const {
    if (!obj.contains(key)) {
      if (fallback) return *fallback;
      fail(where + "." + key + ": missing");
    }
    const json& v = obj[key];
    if (!v.is_number_unsigned() || v.get<std::uint64_t>() > max)
      fail(where + "." + key + ": expected a whole number from 0 to " + std::to_string(max));
    return v.get<std::uint64_t>();
  }
  std::size_t ref(const json& obj, const char* key, const std::string& where, std::size_t count) const {
    if (count == 0) fail(where + "." + key + ": refers to an entry of an empty list");
    return static_cast<std::size_t>(whole(obj, key, where, count - 1));
  }

  void check_version() {
    const json* asset = doc_.contains("asset") ? &doc_["asset"] : nullptr;
    if (!asset || !asset->is_object() || !asset->contains("version") || !(*asset)["version"].is_string())
      fail("asset.version: missing (not a glTF 2.0 file)");
    std::string v = (*asset)["version"].get<std::string>();
    if (v.rfind("2.", 0) != 0) fail("asset.version is \"" + v.substr(0, 16) + "\"; only glTF 2.0 is read");
  }

  void check_buffers() {
    data_.assign(buffers_.size(), std::nullopt);
    sizes_.assign(buffers_.size(), 0);
    for (std::size_t i = 0; i < buffers_.size(); ++i) {
      const json& b = *buffers_[i];
      std::string where = "buffers[" + std::to_string(i) + "]";
      sizes_[i] = whole(b, "byteLength", where, kMaxFileBytes);
      if (!b.contains("uri")) {
        if (i != 0 || !bin_) fail(where + ": no uri, and no binary chunk to take the data from");
        if (sizes_[i] > bin_->size())
          fail(where + ".byteLength " + std::to_string(sizes_[i]) + " is larger than the binary chunk (" +
               std::to_string(bin_->size()) + " bytes)");
        continue;
      }
      if (!b["uri"].is_string()) fail(where + ".uri: expected a string");
      const std::string& uri = b["uri"].get_ref<const std::string&>();
      if (uri.rfind("data:", 0) == 0) {
        auto comma = uri.find(',');
        if (comma == std::string::npos || uri.substr(0, comma).find(";base64") == std::string::npos)
          fail(where + ".uri: only base64 data URIs are read");
        auto bytes = decode_base64(uri.substr(comma + 1));
        if (!bytes) fail(where + ".uri: not valid base64");
        if (bytes->size() < sizes_[i])
          fail(where + ".byteLength " + std::to_string(sizes_[i]) + " is larger than its data (" + std::to_string(bytes->size()) +
               " bytes)");
        data_[i] = std::move(*bytes);
      } else {
        std::error_code ec;
        // As written, not percent-decoded: Assimp 5.2.5 opens the URI as is.
        fs::path file = fs::path(base_dir_) / uri;
        if (base_dir_.empty() || !fs::is_regular_file(file, ec))
          fail(where + ".uri: no such file \"" + uri.substr(0, 200) + "\"");
        auto size = fs::file_size(file, ec);
        if (ec || size < sizes_[i])
          fail(where + ".byteLength " + std::to_string(sizes_[i]) + " is larger than \"" + uri.substr(0, 200) + "\" (" +
               std::to_string(ec ? 0 : size) + " bytes)");
      }
    }
  }

  // The bytes of buffer `i`, read on first use.
  const std::string& buffer_data(std::size_t i) {
    if (!data_[i]) {
      if (!buffers_[i]->contains("uri")) return *bin_;
      fs::path file = fs::path(base_dir_) / (*buffers_[i])["uri"].get<std::string>();
      data_[i] = read_range(file.string(), 0, sizes_[i]);
    }
    return *data_[i];
  }

  void check_views() {
    for (std::size_t i = 0; i < views_.size(); ++i) {
      const json& v = *views_[i];
      std::string where = "bufferViews[" + std::to_string(i) + "]";
      std::size_t b = ref(v, "buffer", where, buffers_.size());
      std::uint64_t offset = whole(v, "byteOffset", where, kMaxFileBytes, 0);
      std::uint64_t length = whole(v, "byteLength", where, kMaxFileBytes);
      whole(v, "byteStride", where, 252, 0);
      if (offset + length > sizes_[b])
        fail(where + ": bytes " + std::to_string(offset) + " to " + std::to_string(offset + length) + " lie outside buffer " +
             std::to_string(b) + " (" + std::to_string(sizes_[b]) + " bytes)");
    }
  }

  static std::uint64_t component_size(std::uint64_t type) {
    switch (type) {
      case 5120:
      case 5121: return 1;
      case 5122:
      case 5123: return 2;
      case 5125:
      case 5126: return 4;
      default: return 0;
    }
  }
  static std::uint64_t element_size(std::uint64_t comp, const std::string& type) {
    // Matrix columns start on 4-byte boundaries (glTF 2.0, 3.6.2.4).
    auto column = [&](std::uint64_t rows) { return (rows * comp + 3) / 4 * 4; };
    if (type == "SCALAR") return comp;
    if (type == "VEC2") return 2 * comp;
    if (type == "VEC3") return 3 * comp;
    if (type == "VEC4") return 4 * comp;
    if (type == "MAT2") return 2 * column(2);
    if (type == "MAT3") return 3 * column(3);
    if (type == "MAT4") return 4 * column(4);
    return 0;
  }

  // Checks that `count` elements of `size` bytes, `stride` apart, from
  // `offset` in view `v`, lie inside the view.
  void check_span(std::size_t v, std::uint64_t offset, std::uint64_t count, std::uint64_t size, std::uint64_t stride,
                  const std::string& where) const {
    std::uint64_t length = (*views_[v])["byteLength"].get<std::uint64_t>();
    std::uint64_t end = count == 0 ? offset : offset + (count - 1) * stride + size;
    if (end > length)
      fail(where + ": " + std::to_string(count) + " elements from byte " + std::to_string(offset) + " need " +
           std::to_string(end) + " bytes, but bufferView " + std::to_string(v) + " has " + std::to_string(length));
  }

  void check_accessors() {
    for (std::size_t i = 0; i < accessors_.size(); ++i) {
      const json& a = *accessors_[i];
      std::string where = "accessors[" + std::to_string(i) + "]";
      std::uint64_t comp = component_size(whole(a, "componentType", where, 5126));
      if (comp == 0) fail(where + ".componentType: not one of 5120, 5121, 5122, 5123, 5125, 5126");
      if (!a.contains("type") || !a["type"].is_string()) fail(where + ".type: missing");
      std::uint64_t size = element_size(comp, a["type"].get<std::string>());
      if (size == 0) fail(where + ".type: not SCALAR, VEC2-4 or MAT2-4");
      std::uint64_t count = whole(a, "count", where, kMaxFileBytes);
      if (count == 0) fail(where + ".count: must be at least 1");
      std::uint64_t offset = whole(a, "byteOffset", where, kMaxFileBytes, 0);
      if (a.contains("bufferView")) {
        std::size_t v = ref(a, "bufferView", where, views_.size());
        std::uint64_t stride = (*views_[v]).value("byteStride", std::uint64_t{0});
        if (stride != 0 && stride < size)
          fail(where + ": bufferView " + std::to_string(v) + "'s byteStride is smaller than one element");
        check_span(v, offset, count, size, stride ? stride : size, where);
      }
      if (a.contains("sparse")) {
        const json& s = a["sparse"];
        std::string sw = where + ".sparse";
        if (!s.is_object()) fail(sw + ": expected an object");
        std::uint64_t n = whole(s, "count", sw, count);
        for (const char* part : {"indices", "values"}) {
          std::string pw = sw + "." + part;
          if (!s.contains(part) || !s[part].is_object()) fail(pw + ": missing");
          const json& p = s[part];
          std::size_t v = ref(p, "bufferView", pw, views_.size());
          std::uint64_t psize = size;
          if (std::strcmp(part, "indices") == 0) {
            psize = component_size(whole(p, "componentType", pw, 5125));
            if (psize == 0) fail(pw + ".componentType: not 5121, 5123 or 5125");
          }
          check_span(v, whole(p, "byteOffset", pw, kMaxFileBytes, 0), n, psize, psize, pw);
        }
      }
    }
  }

  std::uint64_t count_of(std::size_t accessor) const { return (*accessors_[accessor])["count"].get<std::uint64_t>(); }

  // Index values of accessor `a` that are >= `vertices`: reported, since
  // Assimp drops those faces without a word.
  void check_index_values(std::size_t a, std::uint64_t vertices, const std::string& where) {
    const json& acc = *accessors_[a];
    if (!acc.contains("bufferView") || acc.contains("sparse")) return; // all zeros, or patched: nothing to read plainly
    std::uint64_t type = acc["componentType"].get<std::uint64_t>();
    if ((type != 5121 && type != 5123 && type != 5125) || acc["type"] != "SCALAR")
      fail(where + ".indices: accessor " + std::to_string(a) + " is not unsigned scalar integers");
    std::size_t v = acc["bufferView"].get<std::size_t>();
    const json& view = *views_[v];
    std::size_t b = view["buffer"].get<std::size_t>();
    const std::string& data = buffer_data(b);
    std::uint64_t comp = component_size(type);
    std::uint64_t stride = view.value("byteStride", std::uint64_t{0});
    if (stride == 0) stride = comp;
    std::uint64_t start = view.value("byteOffset", std::uint64_t{0}) + acc.value("byteOffset", std::uint64_t{0});
    std::uint64_t n = count_of(a), bad = 0, first_at = 0, first_value = 0;
    for (std::uint64_t k = 0; k < n; ++k) {
      std::size_t at = static_cast<std::size_t>(start + k * stride);
      std::uint64_t value =
          comp == 1 ? static_cast<unsigned char>(data[at])
          : comp == 2
              ? (static_cast<unsigned char>(data[at]) | static_cast<unsigned>(static_cast<unsigned char>(data[at + 1])) << 8)
              : read_u32(data, at);
      if (value >= vertices) {
        if (bad++ == 0) {
          first_at = k;
          first_value = value;
        }
      }
    }
    if (bad > 0)
      result_.problems.push_back(where + ": " + std::to_string(bad) + " of " + std::to_string(n) +
                                 " indices are out of range (the first, at position " + std::to_string(first_at) + ", is " +
                                 std::to_string(first_value) + "; the primitive has " + std::to_string(vertices) + " vertices)");
  }

  void check_meshes() {
    mesh_vertices_.assign(meshes_.size(), 0);
    mesh_triangles_.assign(meshes_.size(), 0);
    for (std::size_t m = 0; m < meshes_.size(); ++m) {
      std::string where = "meshes[" + std::to_string(m) + "]";
      const json& mesh = *meshes_[m];
      if (!mesh.contains("primitives") || !mesh["primitives"].is_array()) fail(where + ".primitives: missing");
      const json& prims = mesh["primitives"];
      if (prims.size() > kMaxPrimitivesPerMesh)
        fail(where + ": more than " + std::to_string(kMaxPrimitivesPerMesh) + " primitives");
      for (std::size_t p = 0; p < prims.size(); ++p) {
        std::string pw = where + ".primitives[" + std::to_string(p) + "]";
        const json& prim = prims[p];
        if (!prim.is_object() || !prim.contains("attributes") || !prim["attributes"].is_object())
          fail(pw + ".attributes: missing");
        std::uint64_t vertices = 0;
        for (auto it = prim["attributes"].begin(); it != prim["attributes"].end(); ++it) {
          std::size_t a = ref(prim["attributes"], it.key().c_str(), pw + ".attributes", accessors_.size());
          if (it.key() == "POSITION") vertices = count_of(a);
        }
        std::uint64_t mode = whole(prim, "mode", pw, 6, 4);
        std::uint64_t n = vertices;
        if (prim.contains("indices")) {
          std::size_t a = ref(prim, "indices", pw, accessors_.size());
          n = count_of(a);
          check_index_values(a, vertices, pw);
        } else if (mode == 4) {
          result_.indexed = false;
        }
        std::uint64_t triangles = mode == 4 ? n / 3 : (mode == 5 || mode == 6) && n >= 3 ? n - 2 : 0;
        mesh_vertices_[m] += vertices;
        mesh_triangles_[m] += triangles;
      }
    }
  }

  // Node trees: every child index in range, one parent at most, no cycles,
  // no deeper than kMaxNodeDepth; walked with an explicit stack.
  void check_nodes() {
    const std::size_t n = nodes_.size();
    std::vector<std::size_t> parent(n, SIZE_MAX);
    for (std::size_t i = 0; i < n; ++i) {
      const json& node = *nodes_[i];
      std::string where = "nodes[" + std::to_string(i) + "]";
      if (node.contains("mesh")) ref(node, "mesh", where, meshes_.size());
      if (!node.contains("children")) continue;
      if (!node["children"].is_array()) fail(where + ".children: expected a list");
      for (const auto& c : node["children"]) {
        if (!c.is_number_unsigned() || c.get<std::uint64_t>() >= n)
          fail(where + ".children: " + c.dump().substr(0, 32) + " is not a node index");
        auto child = c.get<std::size_t>();
        if (child == i) fail(where + " is its own child");
        if (parent[child] != SIZE_MAX)
          fail("nodes[" + std::to_string(child) + "] has two parents (nodes " + std::to_string(parent[child]) + " and " +
               std::to_string(i) + ")");
        parent[child] = i;
      }
    }
    if (doc_.contains("scenes")) {
      for (const json* s : array("scenes"))
        if (s->contains("nodes")) {
          if (!(*s)["nodes"].is_array()) fail("scenes: nodes must be a list");
          for (const auto& r : (*s)["nodes"])
            if (!r.is_number_unsigned() || r.get<std::uint64_t>() >= n)
              fail("scenes: " + r.dump().substr(0, 32) + " is not a node index");
        }
    }
    std::vector<std::pair<std::size_t, int>> stack;
    std::size_t reached = 0;
    for (std::size_t root = 0; root < n; ++root) {
      if (parent[root] != SIZE_MAX) continue;
      stack.push_back({root, 1});
      while (!stack.empty()) {
        auto [i, depth] = stack.back();
        stack.pop_back();
        ++reached;
        if (depth > kMaxNodeDepth)
          fail("nodes: a chain of nodes deeper than " + std::to_string(kMaxNodeDepth) + " levels (at nodes[" + std::to_string(i) +
               "])");
        const json& node = *nodes_[i];
        if (node.contains("mesh")) {
          auto m = node["mesh"].get<std::size_t>();
          result_.vertices += mesh_vertices_[m];
          result_.triangles += mesh_triangles_[m];
        }
        if (node.contains("children"))
          for (const auto& c : node["children"]) stack.push_back({c.get<std::size_t>(), depth + 1});
      }
    }
    if (reached != n) fail("nodes: the children lists form a cycle");
    if (result_.vertices > kMaxVertices)
      fail(std::to_string(result_.vertices) + " vertices as drawn, more than the budget of " + std::to_string(kMaxVertices));
    if (result_.triangles > kMaxTriangles)
      fail(std::to_string(result_.triangles) + " triangles as drawn, more than the budget of " + std::to_string(kMaxTriangles));
  }

  std::string name_, base_dir_;
  const std::string* bin_;
  json doc_;
  std::vector<const json*> buffers_, views_, accessors_, meshes_, nodes_;
  std::vector<std::optional<std::string>> data_;
  std::vector<std::uint64_t> sizes_, mesh_vertices_, mesh_triangles_;
  GltfCheck result_{true, 0, 0, true, {}};
};

} // namespace

int json_depth(const std::string& text, int limit, std::size_t* values) {
  int depth = 0, deepest = 0;
  std::size_t count = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '[':
      case '{':
        ++count;
        if (++depth > deepest) deepest = depth;
        if (deepest > limit) {
          if (values) *values = count;
          return deepest;
        }
        break;
      case ']':
      case '}': depth = std::max(depth - 1, 0); break;
      case ',': ++count; break;
      default: break;
    }
  }
  if (values) *values = count;
  return deepest;
}

bool looks_like_gltf(const std::string& path) {
  std::string ext = lower_extension(path);
  if (ext == ".gltf" || ext == ".glb" || ext == ".vrm") return true;
  std::string head = read_prefix(path, 4);
  return head == "glTF" || (ext.empty() && !head.empty() && head.find('{') != std::string::npos);
}

GltfCheck check_gltf_bytes(const std::string& name, const std::string& bytes, const std::string& base_dir) {
  if (bytes.size() >= 4 && bytes.compare(0, 4, "glTF") == 0) {
    if (bytes.size() < 20) throw InputError(name, "a glb file shorter than its 20-byte header");
    if (read_u32(bytes, 4) != 2)
      throw InputError(name, "glb version " + std::to_string(read_u32(bytes, 4)) + "; only version 2 is read");
    std::uint64_t length = read_u32(bytes, 8);
    if (length != bytes.size())
      throw InputError(name,
                       "the glb header says " + std::to_string(length) + " bytes, the file has " + std::to_string(bytes.size()));
    std::uint64_t json_length = read_u32(bytes, 12);
    if (read_u32(bytes, 16) != kChunkJson) throw InputError(name, "the first glb chunk is not JSON");
    if (json_length > length - 20)
      throw InputError(name, "the glb JSON chunk claims " + std::to_string(json_length) + " bytes, the file has " +
                                 std::to_string(length - 20) + " after the header");
    if (json_length > kMaxJsonBytes)
      throw InputError(name, "the glb JSON chunk is larger than " + std::to_string(kMaxJsonBytes >> 20) + " MiB");
    std::string json_text = bytes.substr(20, static_cast<std::size_t>(json_length));
    std::uint64_t at = 20 + (json_length + 3) / 4 * 4;
    std::string bin;
    bool has_bin = false;
    if (at + 8 <= length) {
      std::uint64_t bin_length = read_u32(bytes, static_cast<std::size_t>(at));
      if (read_u32(bytes, static_cast<std::size_t>(at + 4)) == kChunkBin) {
        if (bin_length > length - at - 8)
          throw InputError(name, "the glb binary chunk claims " + std::to_string(bin_length) + " bytes, the file has " +
                                     std::to_string(length - at - 8) + " left");
        bin = bytes.substr(static_cast<std::size_t>(at + 8), static_cast<std::size_t>(bin_length));
        has_bin = true;
      }
    }
    return Checker(name, base_dir, has_bin ? &bin : nullptr).run(json_text);
  }
  if (bytes.size() > kMaxJsonBytes)
    throw InputError(name, "a glTF JSON file larger than " + std::to_string(kMaxJsonBytes >> 20) + " MiB");
  return Checker(name, base_dir, nullptr).run(bytes);
}

GltfCheck check_gltf_file(const std::string& path) {
  if (!looks_like_gltf(path)) return {};
  std::error_code ec;
  std::uint64_t size = fs::file_size(path, ec);
  if (ec) throw InputError(path, "cannot read the file size");
  std::string head = read_prefix(path, 20);
  std::string base = fs::path(path).parent_path().string();
  if (base.empty()) base = ".";
  if (head.size() >= 4 && head.compare(0, 4, "glTF") == 0) {
    // Declared lengths against the real size before reading the chunks.
    if (head.size() < 20) throw InputError(path, "a glb file shorter than its 20-byte header");
    std::uint64_t json_length = read_u32(head, 12);
    if (json_length > size - 20)
      throw InputError(path, "the glb JSON chunk claims " + std::to_string(json_length) + " bytes, the file has " +
                                 std::to_string(size - 20) + " after the header");
    if (size > kMaxFileBytes) throw InputError(path, "the file is larger than " + std::to_string(kMaxFileBytes >> 30) + " GiB");
  } else if (size > kMaxJsonBytes) {
    throw InputError(path, "a glTF JSON file larger than " + std::to_string(kMaxJsonBytes >> 20) + " MiB");
  }
  return check_gltf_bytes(path, read_range(path, 0, size), base);
}

} // namespace crus::gltf
