#pragma once
// A structural check of glTF 2.0 files (.gltf, .glb) made before Assimp reads
// them. Debian's Assimp 5.2.5 cannot be patched here, and it recurses once per
// JSON level and per node level, reserves what a glb header claims, and drops
// out-of-range indices without a word. Everything it would trip over is
// checked first, without recursion, against the limits below.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace crus::gltf {

// The limits (docs/ARCHITECTURE.md, "glTF limits", says why each is what it is).
inline constexpr std::uint64_t kMaxFileBytes = 2ull << 30;  // any mesh file
inline constexpr std::uint64_t kMaxJsonBytes = 64ull << 20; // a .gltf, or a glb's JSON chunk
inline constexpr int kMaxJsonDepth = 64;                    // nested [ and { in the JSON
inline constexpr std::size_t kMaxJsonValues = 2'000'000;    // values in the JSON (bounds the parsed tree)
inline constexpr std::size_t kMaxArrayEntries = 65'536;     // nodes, meshes, accessors, ... each
inline constexpr std::size_t kMaxBuffers = 1'024;
inline constexpr std::size_t kMaxPrimitivesPerMesh = 4'096;
inline constexpr int kMaxNodeDepth = 256;                 // levels from a root node to a leaf
inline constexpr std::uint64_t kMaxVertices = 10'000'000; // over every node that draws a mesh
inline constexpr std::uint64_t kMaxTriangles = 20'000'000;

struct GltfCheck {
  bool checked = false;       // false: not a glTF file, nothing was checked
  std::uint64_t vertices = 0; // as drawn: a mesh counts once per node using it
  std::uint64_t triangles = 0;
  // Every triangle primitive has an index accessor (then each vertex is
  // already stored once, and the loader can skip Assimp's joining pass).
  bool indexed = true;
  // Problems that leave the file loadable but wrong (out-of-range indices):
  // the strict loader refuses the file, the lenient one warns. One line each,
  // without the file name.
  std::vector<std::string> problems;
};

// True when Assimp would read `path` as glTF (by extension or contents).
bool looks_like_gltf(const std::string& path);

// Checks `path` if it is a glTF file. Throws InputError naming the file and
// the problem when it is malformed or beyond a limit.
GltfCheck check_gltf_file(const std::string& path);

// The same check on bytes already read (`base_dir` resolves external buffers;
// empty: external buffers are not read). `name` is used in messages.
GltfCheck check_gltf_bytes(const std::string& name, const std::string& bytes, const std::string& base_dir);

// Largest nesting of [ and { in `text`, outside strings, without parsing it;
// stops counting once `limit` is passed. `values` gets a rough count of values.
int json_depth(const std::string& text, int limit, std::size_t* values = nullptr);

} // namespace crus::gltf
