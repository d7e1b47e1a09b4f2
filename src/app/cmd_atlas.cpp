#include "app/commands.hpp"
#include "app/scene_setup.hpp"
#include "atlas/generator.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/anatomy/knowledge.hpp"

#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <map>
#include <tuple>
#include <nlohmann/json.hpp>

namespace crus::app {

int run_atlas_build(const std::string& out_dir, bool timings) {
  check_writable_folder(out_dir, "--out"); // before a minute of generating
  auto t0 = std::chrono::steady_clock::now();
  atlas::GeneratedAtlas generated = atlas::generate_atlas();
  atlas::BuildReport report = atlas::write_atlas(generated, out_dir);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "atlas: " << generated.manifest.structures.size() << " structures written to " << out_dir << " in " << std::fixed
            << std::setprecision(1) << seconds << " s\n";
  (void)report;
  if (timings) {
    // Seconds per phase; the process's CPU time (both threads) beside the
    // wall time, since the wall time depends on what else runs.
    for (std::size_t i = 0; i < generated.timings.size(); ++i) {
      const auto& [phase, s] = generated.timings[i];
      std::cout << "  " << phase << ": " << std::setprecision(2) << s << " s";
      if (i < generated.timings_cpu.size() && generated.timings_cpu[i] >= 0.0)
        std::cout << " (CPU " << generated.timings_cpu[i] << " s, main thread " << generated.timings_main_cpu[i] << " s)";
      std::cout << "\n";
    }
    std::cout << "  writing: " << report.seconds - generated.seconds << " s\n";
    const double cpu = double(std::clock()) / double(CLOCKS_PER_SEC);
    std::cout << "  process CPU time: " << std::setprecision(1) << cpu << " s (wall " << seconds << " s)\n";
  }
  return 0;
}

namespace {
// Files often split vertices along creases (one normal per face); closedness
// is about the surface, so check it on positions welded together.
Mesh welded(const Mesh& mesh) {
  Mesh out;
  std::map<std::tuple<float, float, float>, std::uint32_t> seen;
  std::vector<std::uint32_t> remap(mesh.positions.size());
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    const glm::vec3& p = mesh.positions[i];
    auto [it, inserted] = seen.try_emplace({p.x, p.y, p.z}, static_cast<std::uint32_t>(out.positions.size()));
    if (inserted) out.positions.push_back(p);
    remap[i] = it->second;
  }
  out.indices.reserve(mesh.indices.size());
  for (auto idx : mesh.indices) out.indices.push_back(remap[idx]);
  return out;
}

nlohmann::ordered_json vec3_json(const glm::vec3& v) { return {v.x, v.y, v.z}; }
} // namespace

int run_list(const AtlasOptions& atlas, bool json) {
  Scene scene = load_atlas(atlas, true);
  apply_knowledge(scene, load_knowledge_reporting("structures without an entry are listed by their atlas names"));
  if (json) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& s : scene.structures) arr.push_back({{"id", s.id}, {"name", s.name}, {"kind", to_string(s.kind)}});
    std::cout << dump_json(arr) << "\n";
  } else {
    // Columns as wide as their longest entry, so that they line up.
    std::size_t id_width = 2, kind_width = 4;
    for (const auto& s : scene.structures) {
      id_width = std::max(id_width, s.id.size());
      kind_width = std::max(kind_width, std::string(to_string(s.kind)).size());
    }
    for (const auto& s : scene.structures)
      std::cout << std::left << std::setw(static_cast<int>(id_width + 2)) << s.id << std::setw(static_cast<int>(kind_width + 2))
                << to_string(s.kind) << s.name << "\n";
  }
  return 0;
}

int run_info(const AtlasOptions& atlas, const std::string& id, bool json) {
  Scene scene = load_atlas(atlas, true);
  int index = resolve_id(scene, id, "ID");
  const SceneStructure& s = scene.structures[static_cast<std::size_t>(index)];
  MeshCheck check = check_mesh(welded(s.mesh));
  double volume_cm3 = signed_volume(s.mesh) * 1e6;
  nlohmann::ordered_json j;
  j["id"] = s.id;
  j["name"] = s.name;
  j["kind"] = to_string(s.kind);
  nlohmann::ordered_json g;
  g["centroid"] = vec3_json(area_weighted_centroid(s.mesh));
  g["bbox_min"] = vec3_json(s.box.min);
  g["bbox_max"] = vec3_json(s.box.max);
  g["volume_cm3"] = volume_cm3;
  g["triangles"] = s.mesh.triangle_count();
  g["watertight"] = check.watertight();
  j["geometry"] = g;
  nlohmann::ordered_json sites = nlohmann::ordered_json::array();
  if (scene.manifest)
    for (const AttachmentSite* site : scene.manifest->sites_of(s.id))
      sites.push_back(
          {{"id", site->id}, {"role", to_string(site->role)}, {"bone", site->bone}, {"centroid", vec3_json(site->centroid)}});
  j["sites"] = sites;
  KnowledgeBase knowledge =
      load_knowledge_reporting("the geometry below is complete; knowledge text is missing where entries failed to load");
  report_unloadable_clinical_data(scene, "info does not use them, but overlays, handouts and the viewer's panels do");
  const KnowledgeEntry* entry = knowledge.find(s.id);
  if (entry) {
    j["name"] = entry->name;
    nlohmann::json k = entry_to_json(*entry);
    for (auto it = k.begin(); it != k.end(); ++it)
      if (!j.contains(it.key())) j[it.key()] = it.value();
  }
  if (json) {
    std::cout << dump_json(j) << "\n";
  } else {
    if (entry) std::cout << format_entry_text(*entry, &knowledge) << "\n";
    std::cout << s.name << " (" << s.id << ", " << to_string(s.kind) << ")\n";
    std::cout << std::fixed << std::setprecision(4);
    glm::vec3 c = area_weighted_centroid(s.mesh);
    std::cout << "  centroid      " << c.x << ", " << c.y << ", " << c.z << " m\n";
    std::cout << "  bounding box  " << s.box.min.x << ", " << s.box.min.y << ", " << s.box.min.z << "  to  " << s.box.max.x
              << ", " << s.box.max.y << ", " << s.box.max.z << " m\n";
    std::cout << std::setprecision(1) << "  volume        " << volume_cm3 << " cm3\n";
    std::cout << "  triangles     " << s.mesh.triangle_count() << (check.watertight() ? ", watertight\n" : ", not watertight\n");
    for (const auto& site : sites)
      std::cout << "  " << site["role"].get<std::string>() << " on " << site["bone"].get<std::string>() << " ("
                << site["id"].get<std::string>() << ")\n";
  }
  return 0;
}

} // namespace crus::app
