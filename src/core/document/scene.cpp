#include "core/document/scene.hpp"

#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/io/gltf_guard.hpp"
#include "core/io/json_input.hpp"
#include "core/io/utf8.hpp"
#include "core/checked_cast.hpp"

#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/mat4x4.hpp>
#include <map>

namespace crus {
namespace fs = std::filesystem;

std::size_t Scene::triangle_count() const {
  std::size_t n = 0;
  for (const auto& s : structures) n += s.mesh.triangle_count();
  return n;
}

const SceneStructure* Scene::find(const std::string& id) const {
  int i = index_of(id);
  return i < 0 ? nullptr : &structures[static_cast<std::size_t>(i)];
}

int Scene::index_of(const std::string& id) const {
  for (std::size_t i = 0; i < structures.size(); ++i)
    if (structures[i].id == id) return static_cast<int>(i);
  return -1;
}

glm::vec4 default_colour(StructureKind kind) {
  switch (kind) {
    case StructureKind::bone: return {0.86f, 0.80f, 0.66f, 1.0f};
    case StructureKind::muscle: return {0.55f, 0.14f, 0.12f, 1.0f};
    case StructureKind::tendon: return {0.88f, 0.86f, 0.78f, 1.0f};
    case StructureKind::nerve: return {0.95f, 0.82f, 0.20f, 1.0f};
    case StructureKind::skin: return {0.93f, 0.76f, 0.64f, 0.30f};
    case StructureKind::ligament: return {0.80f, 0.82f, 0.76f, 1.0f};
    case StructureKind::other: break;
  }
  return {0.70f, 0.70f, 0.72f, 1.0f};
}

bool glob_match(const std::string& pattern, const std::string& text) {
  // Iterative glob with backtracking on the last '*'.
  std::size_t p = 0, t = 0, star = std::string::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::optional<std::string> AtlasMap::match(const std::string& node) const {
  for (const auto& r : rules)
    if (r.pattern == node || glob_match(r.pattern, node)) return r.id;
  return std::nullopt;
}

namespace {

glm::vec3 parse_axis(const std::string& text, const std::string& where) {
  if (text.size() == 2 && (text[0] == '+' || text[0] == '-')) {
    float s = text[0] == '-' ? -1.0f : 1.0f;
    switch (text[1]) {
      case 'X':
      case 'x': return {s, 0, 0};
      case 'Y':
      case 'y': return {0, s, 0};
      case 'Z':
      case 'z': return {0, 0, s};
      default: break;
    }
  }
  throw InputError(where, "expected an axis like \"+X\" or \"-Z\", got \"" + text + "\"");
}

} // namespace

AtlasMap load_atlas_map(const std::string& path, const std::vector<std::string>& known_ids) {
  const nlohmann::json j = parse_json_input(read_text_file(path), path);
  if (!j.is_object()) throw InputError(path, "expected a JSON object at the top level");
  AtlasMap map;
  map.source = path;
  if (j.contains("units")) {
    const auto& u = j["units"];
    if (!u.is_string()) throw InputError(path, "units: expected \"m\", \"cm\" or \"mm\"");
    std::string s = u.get<std::string>();
    if (s == "m") map.scale = 1.0f;
    else if (s == "cm") map.scale = 0.01f;
    else if (s == "mm") map.scale = 0.001f;
    else throw InputError(path, "units: expected \"m\", \"cm\" or \"mm\", got \"" + s + "\"");
  }
  if (j.contains("scale")) {
    const auto& s = j["scale"];
    if (!s.is_number() || !(s.get<double>() > 0.0) || !std::isfinite(s.get<double>()))
      throw InputError(path, "scale: expected a positive number");
    map.scale *= checked_narrow<float>(s.get<double>(), path + ": scale");
  }
  if (j.contains("axes")) {
    const auto& a = j["axes"];
    if (!a.is_array() || a.size() != 3 || !a[0].is_string() || !a[1].is_string() || !a[2].is_string())
      throw InputError(path, "axes: expected three axis names, the source axis for model X (anterior), Y (superior) and Z "
                             "(lateral), e.g. [\"-Z\", \"+Y\", \"+X\"]");
    glm::mat3 m(0.0f);
    for (int row = 0; row < 3; ++row) {
      glm::vec3 src = parse_axis(a[row].get<std::string>(), path + ": axes[" + std::to_string(row) + "]");
      // model[row] = dot(src, source)
      for (int col = 0; col < 3; ++col) m[col][row] = src[col];
    }
    if (std::abs(glm::determinant(m)) < 0.5f) throw InputError(path, "axes: the three axes must be different");
    map.axes = m;
  }
  if (j.contains("offset")) {
    const auto& o = j["offset"];
    if (!o.is_array() || o.size() != 3 || !o[0].is_number() || !o[1].is_number() || !o[2].is_number())
      throw InputError(path, "offset: expected three numbers (metres)");
    for (int i = 0; i < 3; ++i)
      map.offset[i] =
          checked_narrow<float>(o[static_cast<std::size_t>(i)].get<double>(), path + ": offset[" + std::to_string(i) + "]");
  }
  // "nodes" may be left out when the file's nodes are named by FMA ids.
  if (j.contains("nodes") && !j["nodes"].is_array())
    throw InputError(path, "nodes: expected a list of {\"match\": NODE_OR_PATTERN, \"id\": STRUCTURE_ID}");
  const nlohmann::json no_rules = nlohmann::json::array();
  std::size_t i = 0;
  for (const auto& r : j.contains("nodes") ? j["nodes"] : no_rules) {
    std::string where = path + ": nodes[" + std::to_string(i) + "]";
    if (!r.is_object() || !r.contains("match") || !r["match"].is_string() || !r.contains("id") || !r["id"].is_string())
      throw InputError(where, "expected {\"match\": NODE_OR_PATTERN, \"id\": STRUCTURE_ID}");
    AtlasMapRule rule{r["match"].get<std::string>(), r["id"].get<std::string>()};
    if (rule.pattern.empty()) throw InputError(where + ".match", "empty pattern");
    if (!known_ids.empty() && std::find(known_ids.begin(), known_ids.end(), rule.id) == known_ids.end())
      throw InputError(where + ".id", "unknown structure id \"" + rule.id + "\"");
    map.rules.push_back(std::move(rule));
    ++i;
  }
  return map;
}

namespace {

// Names of the nodes that hold meshes, in any order.
std::vector<std::string> mesh_node_names(const aiScene* ai) {
  std::vector<std::string> out;
  std::vector<const aiNode*> stack{ai->mRootNode};
  while (!stack.empty()) {
    const aiNode* node = stack.back();
    stack.pop_back();
    if (node->mNumMeshes > 0) out.push_back(sanitize_utf8(node->mName.C_Str()));
    for (unsigned c = 0; c < node->mNumChildren; ++c) stack.push_back(node->mChildren[c]);
  }
  return out;
}

glm::mat4 to_glm(const aiMatrix4x4& m) {
  // Assimp is row-major; GLM column-major.
  glm::mat4 r;
  for (int c = 0; c < 4; ++c)
    for (int rr = 0; rr < 4; ++rr) r[c][rr] = m[rr][c];
  return r;
}

std::optional<glm::vec4> material_colour(const aiScene* scene, unsigned material_index) {
  if (material_index >= scene->mNumMaterials) return std::nullopt;
  const aiMaterial* mat = scene->mMaterials[material_index];
  aiColor4D c;
  if (mat->Get(AI_MATKEY_BASE_COLOR, c) == AI_SUCCESS || mat->Get(AI_MATKEY_COLOR_DIFFUSE, c) == AI_SUCCESS) {
    float opacity = 1.0f;
    if (mat->Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS && opacity < 1.0f) c.a = std::min(c.a, opacity);
    return glm::vec4(c.r, c.g, c.b, c.a);
  }
  return std::nullopt;
}

struct Problem {
  std::string text;
};

constexpr glm::vec3 kNoColour{-1.0f};

// Vertices without a colour of their own take `fill`; a mesh where none has
// one keeps no colours at all.
// Fibre coordinates are kept only for the muscles of a Crus atlas (with its
// manifest): other files' texture coordinates mean something else.
void settle_fibres(Mesh& mesh, bool crus_muscle) {
  if (!crus_muscle || mesh.fibres.size() != mesh.positions.size() ||
      std::all_of(mesh.fibres.begin(), mesh.fibres.end(), [](const glm::vec3& f) { return f == glm::vec3(0.0f); }))
    mesh.fibres.clear();
}

// Baked ambient occlusion only from a Crus atlas (other files' texture
// coordinates mean something else); a mesh open everywhere keeps none.
void settle_occlusion(Mesh& mesh, bool crus_atlas) {
  if (!crus_atlas || mesh.occlusion.size() != mesh.positions.size() ||
      std::all_of(mesh.occlusion.begin(), mesh.occlusion.end(), [](float o) { return o >= 1.0f; }))
    mesh.occlusion.clear();
}

void settle_colours(Mesh& mesh, const glm::vec3& fill) {
  if (std::none_of(mesh.colours.begin(), mesh.colours.end(), [](const glm::vec3& c) { return c.x >= 0.0f; })) {
    mesh.colours.clear();
    return;
  }
  mesh.colours.resize(mesh.positions.size(), kNoColour);
  for (glm::vec3& c : mesh.colours)
    if (c.x < 0.0f) c = fill;
}

// Appends `src` transformed by `xf` to `out`; returns a problem text or empty.
std::string append_mesh(Mesh& out, const aiMesh* src, const glm::mat4& xf) {
  if (src->mNumVertices == 0) return "mesh \"" + sanitize_utf8(src->mName.C_Str()) + "\" has no vertices";
  if (!(src->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) return {}; // points and lines are not drawn
  glm::mat3 nxf = glm::transpose(glm::inverse(glm::mat3(xf)));
  auto base = static_cast<std::uint32_t>(out.positions.size());
  for (unsigned v = 0; v < src->mNumVertices; ++v) {
    const aiVector3D& p = src->mVertices[v];
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
      return "mesh \"" + sanitize_utf8(src->mName.C_Str()) + "\" vertex " + std::to_string(v) +
             " has a NaN or infinite coordinate";
    glm::vec3 q = glm::vec3(xf * glm::vec4(p.x, p.y, p.z, 1.0f));
    out.positions.push_back(q);
    if (src->HasNormals()) {
      const aiVector3D& n = src->mNormals[v];
      glm::vec3 m = nxf * glm::vec3(n.x, n.y, n.z);
      float len = glm::length(m);
      out.normals.push_back(std::isfinite(len) && len > 1e-12f ? m / len : glm::vec3(0, 1, 0));
    }
    // Vertex colours, when the file has them; kNoColour marks a vertex that
    // takes the structure's colour (filled in once that is known).
    glm::vec3 colour = kNoColour;
    if (src->HasVertexColors(0)) {
      const aiColor4D& c = src->mColors[0][v];
      if (std::isfinite(c.r) && std::isfinite(c.g) && std::isfinite(c.b))
        colour = glm::clamp(glm::vec3(c.r, c.g, c.b), 0.0f, 1.0f);
    }
    out.colours.push_back(colour);
    // Two texture-coordinate sets in a Crus atlas: the fibre coordinates
    // (across, across, along). The caller drops them for other files.
    glm::vec3 fibre(0.0f);
    if (src->HasTextureCoords(0) && src->HasTextureCoords(1)) {
      const aiVector3D& a = src->mTextureCoords[0][v];
      const aiVector3D& b = src->mTextureCoords[1][v];
      // Assimp's glTF importer turns v into 1 - v (image rows run down): undo it.
      if (std::isfinite(a.x) && std::isfinite(a.y) && std::isfinite(b.x)) fibre = glm::vec3(a.x, 1.0f - a.y, b.x);
    }
    out.fibres.push_back(fibre);
    // A Crus atlas stores the baked ambient occlusion as 1 - open in the v of
    // the second set; Assimp's flip of v gives back how open the vertex is.
    float open = 1.0f;
    if (src->HasTextureCoords(1) && std::isfinite(src->mTextureCoords[1][v].y))
      open = std::clamp(src->mTextureCoords[1][v].y, 0.0f, 1.0f);
    out.occlusion.push_back(open);
  }
  for (unsigned f = 0; f < src->mNumFaces; ++f) {
    const aiFace& face = src->mFaces[f];
    if (face.mNumIndices != 3) continue;
    for (unsigned k = 0; k < 3; ++k)
      if (face.mIndices[k] >= src->mNumVertices)
        return "mesh \"" + sanitize_utf8(src->mName.C_Str()) + "\" face " + std::to_string(f) + " has an out-of-range index";
    for (unsigned k = 0; k < 3; ++k) out.indices.push_back(base + face.mIndices[k]);
  }
  return {};
}

// The vertex and triangle budget for what Assimp returns, for formats the
// glTF check does not cover; counted per node as Crus copies a mesh per node.
void check_budget(const std::string& path, const aiScene* ai) {
  std::uint64_t vertices = 0, triangles = 0;
  std::vector<const aiNode*> stack{ai->mRootNode};
  while (!stack.empty()) {
    const aiNode* node = stack.back();
    stack.pop_back();
    for (unsigned m = 0; m < node->mNumMeshes; ++m) {
      if (node->mMeshes[m] >= ai->mNumMeshes) continue; // reported while loading
      vertices += ai->mMeshes[node->mMeshes[m]]->mNumVertices;
      triangles += ai->mMeshes[node->mMeshes[m]]->mNumFaces;
    }
    if (vertices > gltf::kMaxVertices || triangles > gltf::kMaxTriangles)
      throw InputError(path, "more than " + std::to_string(gltf::kMaxVertices) + " vertices or " +
                                 std::to_string(gltf::kMaxTriangles) + " triangles as drawn; refusing to load it");
    for (unsigned c = 0; c < node->mNumChildren; ++c) stack.push_back(node->mChildren[c]);
  }
}

} // namespace

Scene load_scene(const std::string& path, const SceneLoadOptions& options) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError(path, "no such file");
  if (fs::is_directory(path, ec)) throw InputError(path, "is a folder, not a mesh file");
  auto size = fs::file_size(path, ec);
  if (ec) throw InputError(path, "cannot read the file size");
  if (size == 0) throw InputError(path, "the file is empty");
  if (size > gltf::kMaxFileBytes) throw InputError(path, "the file is larger than 2 GiB; refusing to load it");

  Scene scene;
  scene.source = path;

  // The manifest names the nodes of our own atlases.
  fs::path manifest_path = options.manifest_path ? fs::path(*options.manifest_path) : fs::path(path).parent_path() / "atlas.json";
  if (fs::exists(manifest_path, ec)) {
    try {
      scene.manifest = load_manifest(manifest_path.string());
    } catch (const InputError& e) {
      if (options.strict || options.manifest_path) throw;
      scene.warnings.push_back(e.what());
    }
  }

  std::optional<AtlasMap> map;
  if (options.map_path) {
    std::vector<std::string> known;
    if (scene.manifest)
      for (const auto& s : scene.manifest->structures) known.push_back(s.id);
    map = load_atlas_map(*options.map_path, known);
  }

  auto problem = [&](const std::string& text) {
    if (options.strict) throw InputError(path, text);
    scene.warnings.push_back(path + ": " + text);
  };

  // glTF is checked by us first (structure, sizes, depth, budget): Assimp
  // 5.2.5 crashes or hangs on what this refuses, and drops bad indices silently.
  gltf::GltfCheck checked = gltf::check_gltf_file(path);
  for (const auto& p : checked.problems) problem(p);

  Assimp::Importer importer;
  // Skip lines and points; keep meshes separate per node.
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  unsigned flags = aiProcess_Triangulate | aiProcess_SortByPType | aiProcess_ValidateDataStructure | aiProcess_GenSmoothNormals;
  // An indexed glTF (every Crus atlas) already stores each vertex once, and
  // joining them again was a third of the import's CPU time for the bundled
  // atlas (docs/PERFORMANCE.md) while giving back the same arrays, vertex for
  // vertex. Other files (unindexed glTF, OBJ, STL...) still need it.
  if (!(checked.checked && checked.indexed)) flags |= aiProcess_JoinIdenticalVertices;
  const aiScene* ai = importer.ReadFile(path, flags);
  if (!ai || !ai->mRootNode) {
    std::string why = importer.GetErrorString();
    if (why.empty()) why = "not a mesh file Assimp can read";
    throw InputError(path, "cannot load: " + why);
  }
  if ((ai->mFlags & AI_SCENE_FLAGS_INCOMPLETE) || ai->mNumMeshes == 0) throw InputError(path, "the file holds no meshes");
  check_budget(path, ai);

  glm::mat4 to_model(1.0f);
  if (map) {
    glm::mat4 axes(map->axes);
    to_model = glm::translate(glm::mat4(1.0f), map->offset) * axes * glm::scale(glm::mat4(1.0f), glm::vec3(map->scale));
  }

  // Nodes named by FMA ids (BodyParts3D and its exports), or a single-node
  // file named by one. The atlas is of a right leg: in a file with parts of
  // both legs the left ones stay unlabelled; a file of a left leg alone is
  // labelled and said to be a left leg.
  const std::vector<std::string> all_nodes = mesh_node_names(ai);
  const std::string file_stem = sanitize_utf8(fs::path(path).stem().string());
  auto fma_of = [&](const std::string& node_name) -> const FmaMatch* {
    if (!options.fma) return nullptr;
    auto n = find_fma_number(node_name);
    if (!n && all_nodes.size() == 1) n = find_fma_number(file_stem);
    return n ? options.fma->find(*n) : nullptr;
  };
  bool right_parts = false;
  for (const auto& n : all_nodes)
    if (const FmaMatch* m = fma_of(n); m && m->side != Side::left) right_parts = true;
  std::vector<std::string> left_parts; // "FMA:22559 (soleus)"
  std::size_t left_unlabelled = 0;

  std::map<std::string, std::size_t> by_id;
  std::vector<std::string> mesh_nodes; // names of the nodes with meshes, for the map's checks
  // Depth first with an explicit stack: node chains can be as deep as the file
  // says (formats other than glTF are not checked beforehand).
  std::vector<std::pair<const aiNode*, glm::mat4>> stack{{ai->mRootNode, glm::mat4(1.0f)}};
  while (!stack.empty()) {
    auto [node, parent] = stack.back();
    stack.pop_back();
    glm::mat4 xf = parent * to_glm(node->mTransformation);
    if (node->mNumMeshes > 0) {
      std::string node_name = sanitize_utf8(node->mName.C_Str()); // names feed JSON output
      mesh_nodes.push_back(node_name);
      SceneStructure s;
      s.node = node_name;
      std::optional<std::string> id;
      if (map) id = map->match(node_name);
      else if (scene.manifest && scene.manifest->find_by_node(node_name)) id = scene.manifest->find_by_node(node_name)->id;
      if (const FmaMatch* fma = id ? nullptr : fma_of(node_name)) {
        if (fma->side == Side::left) left_parts.push_back(fma->fma + " (" + fma->id + ")");
        if (fma->side == Side::left && right_parts) {
          ++left_unlabelled;
          s.side = Side::left;
        } else {
          id = fma->id;
          s.side = fma->side;
        }
      }
      const StructureInfo* info = (id && scene.manifest) ? scene.manifest->find_structure(*id) : nullptr;
      if (id) {
        s.id = *id;
        s.labelled = true;
        s.name = info ? info->name : *id;
        s.kind = info ? info->kind : StructureKind::other;
      } else {
        s.id = "unlabelled:" + node_name;
        s.name = node_name.empty() ? "(unnamed node)" : node_name;
        if (s.side == Side::left) s.name += " (left side)";
      }
      std::optional<glm::vec4> colour;
      bool bad = false;
      for (unsigned m = 0; m < node->mNumMeshes && !bad; ++m) {
        unsigned mi = node->mMeshes[m];
        if (mi >= ai->mNumMeshes) {
          problem("node \"" + node_name + "\" refers to a missing mesh");
          bad = true;
          break;
        }
        const aiMesh* mesh = ai->mMeshes[mi];
        if (!colour) colour = material_colour(ai, mesh->mMaterialIndex);
        std::string why = append_mesh(s.mesh, mesh, to_model * xf);
        if (!why.empty()) {
          problem("node \"" + node_name + "\": " + why);
          bad = true;
        }
      }
      if (!bad && !s.mesh.empty()) {
        // Degenerate faces are dropped; absurd sizes are refused.
        std::vector<std::uint32_t> kept;
        kept.reserve(s.mesh.indices.size());
        std::size_t degenerate = 0;
        for (std::size_t t = 0; t + 2 < s.mesh.indices.size(); t += 3) {
          auto a = s.mesh.indices[t], b = s.mesh.indices[t + 1], c = s.mesh.indices[t + 2];
          glm::vec3 n = glm::cross(s.mesh.positions[b] - s.mesh.positions[a], s.mesh.positions[c] - s.mesh.positions[a]);
          if (a == b || b == c || a == c || !(glm::length(n) > 1e-14f)) {
            ++degenerate;
            continue;
          }
          kept.insert(kept.end(), {a, b, c});
        }
        if (degenerate > 0) problem("node \"" + node_name + "\" has " + std::to_string(degenerate) + " degenerate faces");
        s.mesh.indices = std::move(kept);
        s.box = bounds(s.mesh);
        float extent = glm::length(s.box.size());
        if (!std::isfinite(extent) || extent > 10.0f) {
          problem("node \"" + node_name + "\" is " + std::to_string(extent) +
                  " m across, too large for a leg (wrong units? set \"units\" in an --atlas-map)");
          bad = true;
        }
        if (s.mesh.normals.size() != s.mesh.positions.size()) compute_smooth_normals(s.mesh);
      }
      if (!bad && !s.mesh.empty()) {
        s.colour = info ? info->colour : colour.value_or(default_colour(s.kind));
        settle_colours(s.mesh, glm::vec3(s.colour));
        settle_fibres(s.mesh, info && info->kind == StructureKind::muscle);
        settle_occlusion(s.mesh, info != nullptr);
        auto it = by_id.find(s.id);
        if (it != by_id.end()) {
          // Several nodes mapped to one structure: merge them.
          SceneStructure& into = scene.structures[it->second];
          auto base = static_cast<std::uint32_t>(into.mesh.positions.size());
          if (!into.mesh.colours.empty() || !s.mesh.colours.empty()) {
            into.mesh.colours.resize(into.mesh.positions.size(), glm::vec3(into.colour));
            if (s.mesh.colours.empty()) s.mesh.colours.assign(s.mesh.positions.size(), glm::vec3(s.colour));
            into.mesh.colours.insert(into.mesh.colours.end(), s.mesh.colours.begin(), s.mesh.colours.end());
          }
          if (!into.mesh.fibres.empty() || !s.mesh.fibres.empty()) {
            into.mesh.fibres.resize(into.mesh.positions.size(), glm::vec3(0.0f));
            s.mesh.fibres.resize(s.mesh.positions.size(), glm::vec3(0.0f));
            into.mesh.fibres.insert(into.mesh.fibres.end(), s.mesh.fibres.begin(), s.mesh.fibres.end());
          }
          if (!into.mesh.occlusion.empty() || !s.mesh.occlusion.empty()) {
            into.mesh.occlusion.resize(into.mesh.positions.size(), 1.0f);
            s.mesh.occlusion.resize(s.mesh.positions.size(), 1.0f);
            into.mesh.occlusion.insert(into.mesh.occlusion.end(), s.mesh.occlusion.begin(), s.mesh.occlusion.end());
          }
          into.mesh.positions.insert(into.mesh.positions.end(), s.mesh.positions.begin(), s.mesh.positions.end());
          into.mesh.normals.insert(into.mesh.normals.end(), s.mesh.normals.begin(), s.mesh.normals.end());
          for (auto idx : s.mesh.indices) into.mesh.indices.push_back(base + idx);
          // The union of two boxes: recomputing the merged mesh's bounds made
          // many nodes sharing one name quadratic.
          into.box = {glm::min(into.box.min, s.box.min), glm::max(into.box.max, s.box.max)};
        } else {
          by_id[s.id] = scene.structures.size();
          scene.structures.push_back(std::move(s));
        }
      }
    }
    // Children pushed last to first so that they come off in file order.
    for (unsigned c = node->mNumChildren; c-- > 0;) stack.push_back({node->mChildren[c], xf});
  }
  // glTF is Y-up like our frame; the node transforms place everything.

  if (scene.structures.empty()) throw InputError(path, "no usable meshes in the file");
  Aabb box{glm::vec3(1e30f), glm::vec3(-1e30f)};
  for (const auto& s : scene.structures) {
    box.min = glm::min(box.min, s.box.min);
    box.max = glm::max(box.max, s.box.max);
  }
  scene.box = box;
  if (!left_parts.empty()) {
    std::string which = left_parts.front();
    if (left_parts.size() > 1) which += " and " + std::to_string(left_parts.size() - 1) + " more";
    if (left_unlabelled > 0)
      scene.warnings.push_back(path + ": " + std::to_string(left_unlabelled) +
                               (left_unlabelled == 1 ? " part is" : " parts are") + " of a left leg (" + which +
                               "); Crus's atlas is of a right leg, so they are left unlabelled and only the right leg is named");
    else
      scene.warnings.push_back(
          path + ": this is a left leg (" + which +
          "); Crus's atlas, views and trigger-point maps are of a right leg: its parts are named and marked left; "
          "mirror it (\"axes\" in an --atlas-map) so that lateral is on the outside");
  }
  if (map && map->rules.empty() &&
      std::none_of(scene.structures.begin(), scene.structures.end(), [](const SceneStructure& x) { return x.labelled; }))
    scene.warnings.push_back(map->source +
                             ": the map lists no \"nodes\" and no node is named by an FMA id Crus knows, so nothing is labelled");
  if (map) check_map_against_scene(*map, mesh_nodes, scene);
  return scene;
}

void check_map_against_scene(const AtlasMap& map, const std::vector<std::string>& nodes, Scene& scene) {
  // A map that quietly does nothing is the worst kind of wrong: say which
  // patterns found no node, and when the size says the units are off.
  for (std::size_t i = 0; i < map.rules.size(); ++i) {
    const AtlasMapRule& r = map.rules[i];
    bool found =
        std::any_of(nodes.begin(), nodes.end(), [&](const std::string& n) { return r.pattern == n || glob_match(r.pattern, n); });
    if (!found)
      scene.warnings.push_back(map.source + ": nodes[" + std::to_string(i) + "]: the pattern \"" + r.pattern + "\" (for " + r.id +
                               ") matches no node of " + scene.source);
  }
  if (nodes.size() == 1)
    scene.warnings.push_back(
        scene.source + ": the file has a single node (\"" + nodes.front() +
        "\"), so the whole file becomes one structure; export one node per structure to map them one by one");
  const float height = scene.box.valid() ? scene.box.size().y : 0.0f;
  const float extent = scene.box.valid() ? glm::length(scene.box.size()) : 0.0f;
  if (extent < 0.05f || extent > 3.0f) {
    char size[64];
    std::snprintf(size, sizeof size, "%.4g m", static_cast<double>(std::max(height, extent)));
    scene.warnings.push_back(map.source + ": with these units the atlas is " + size +
                             " across, but a lower leg is about 0.5 m: check \"units\" (m, cm or mm) or \"scale\"");
  }
}

} // namespace crus
