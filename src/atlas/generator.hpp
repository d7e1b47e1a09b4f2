#pragma once
// The atlas generator: builds every structure of the right lower leg from
// published figures and writes the bundled atlas (`crus atlas build`).
#include "core/io/atlas_manifest.hpp"
#include "core/geometry/mesh.hpp"

#include <string>
#include <utility>
#include <vector>

namespace crus::atlas {

struct StructureReport {
  std::string id;
  std::size_t triangles = 0; // main level of detail
  std::size_t lod1_triangles = 0;
  double volume_cm3 = 0.0;
};

struct BuildReport {
  std::vector<StructureReport> structures;
  std::size_t total_triangles = 0;
  std::size_t total_lod1_triangles = 0;
  double seconds = 0.0;                                   // generation plus writing
  std::vector<std::pair<std::string, std::size_t>> files; // path, bytes
};

struct GeneratedAtlas {
  AtlasManifest manifest;
  std::vector<std::pair<std::string, Mesh>> meshes; // main level of detail, in manifest.structures order
  std::vector<std::pair<std::string, Mesh>> lod1;   // same nodes, fewer triangles
  double seconds = 0.0;                             // time spent generating
  // Seconds per phase, in the order they run (`crus atlas build --timings`);
  // the phases run on worker threads sum the workers' time.
  std::vector<std::pair<std::string, double>> timings;
  // The process's CPU seconds (every thread) per entry of `timings`, or a
  // negative value where an entry is a sum over threads already. Wall time
  // depends on what else the machine runs; CPU time hardly does.
  std::vector<double> timings_cpu;
  // The CPU seconds of the calling thread alone per entry (negative as
  // above): with the other workers it shares the parallel work and does the
  // serial work alone, so on idle cores the wall time is about this.
  std::vector<double> timings_main_cpu;
};

inline constexpr const char* kMainGlb = "lower_leg_right.glb";
inline constexpr const char* kLod1Glb = "lower_leg_right_lod1.glb";
inline constexpr const char* kManifestJson = "atlas.json";
inline constexpr const char* kSourcesMd = "SOURCES.md";

// Deterministic: the same bytes on every run. `threads` = 0 uses up to two.
GeneratedAtlas generate_atlas(unsigned threads = 0);
// The .glb bytes of one level of detail.
std::vector<unsigned char> atlas_glb(const GeneratedAtlas& atlas, bool lod1);
// The text of SOURCES.md: every published source the generator draws on.
std::string sources_markdown();
// Writes the four files into out_dir (created if needed), each atomically.
BuildReport write_atlas(const GeneratedAtlas& atlas, const std::string& out_dir);

} // namespace crus::atlas
