#include "atlas/generator.hpp"

#include "atlas/glb_writer.hpp"
#include "atlas/mesher.hpp"
#include "atlas/occlusion.hpp"
#include "atlas/reference_data.hpp"
#include "atlas/structures.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"

#include <glm/common.hpp>
#include <meshoptimizer.h>
#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <initializer_list>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <thread>

namespace crus::atlas {

namespace {

struct Built {
  Mesh main;
  Mesh lod1;
  // Seconds spent in each step of mesh_structure (kSteps order).
  std::array<double, 5> seconds{};
  double thread_cpu = 0.0; // CPU seconds of the whole of mesh_structure
};
constexpr std::array<const char*, 5> kSteps = {"(polygonise: a phase of its own)", "simplify", "self-intersection checks",
                                               "normals and colours", "fibre coordinates"};

using Clock = std::chrono::steady_clock;
double cpu_seconds(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}
double since(Clock::time_point& t) {
  const Clock::time_point now = Clock::now();
  const double s = std::chrono::duration<double>(now - t).count();
  t = now;
  return s;
}

// Layers for the occlusion (occlusion.hpp): bones are darkened only by
// bones, the soft tissue by bones and soft tissue, the translucent skin only
// by its own folds (seen from outside, nothing inside it shades it).
int occlusion_layer(StructureKind kind) {
  if (kind == StructureKind::bone) return 0;
  if (kind == StructureKind::skin) return -1;
  return 1;
}

// Triangles in an order the GPU's vertex cache likes, then vertices in the
// order the triangles first use them (meshoptimizer). The surface itself is
// unchanged: the same triangles, each with its winding.
void order_for_gpu(Mesh& m) {
  const std::size_t nv = m.positions.size();
  std::vector<std::uint32_t> indices(m.indices.size());
  meshopt_optimizeVertexCache(indices.data(), m.indices.data(), m.indices.size(), nv);
  std::vector<std::uint32_t> remap(nv);
  const std::size_t used = meshopt_optimizeVertexFetchRemap(remap.data(), indices.data(), indices.size(), nv);
  std::vector<glm::vec3> positions(used);
  for (std::size_t v = 0; v < nv; ++v)
    if (remap[v] != ~0u) positions[remap[v]] = m.positions[v];
  for (std::uint32_t& i : indices) i = remap[i];
  m.positions = std::move(positions);
  m.indices = std::move(indices);
}

// Keeps the triangles of each piece (triangles joined through shared
// vertices) for which keep(piece's signed volume, largest piece's volume).
template <class Keep>
Mesh keep_pieces(const Mesh& m, Keep keep) {
  std::vector<std::uint32_t> parent(m.positions.size());
  for (std::uint32_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto find = [&](std::uint32_t a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  };
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    const std::uint32_t a = find(m.indices[t]);
    parent[find(m.indices[t + 1])] = a;
    parent[find(m.indices[t + 2])] = a;
  }
  std::vector<double> volume(m.positions.size(), 0.0);
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    const glm::dvec3 a(m.positions[m.indices[t]]), b(m.positions[m.indices[t + 1]]), c(m.positions[m.indices[t + 2]]);
    volume[find(m.indices[t])] += glm::dot(a, glm::cross(b, c)) / 6.0;
  }
  const double largest = volume.empty() ? 0.0 : *std::max_element(volume.begin(), volume.end());
  Mesh out;
  out.positions = m.positions;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
    if (keep(volume[find(m.indices[t])], largest))
      out.indices.insert(out.indices.end(), m.indices.begin() + std::ptrdiff_t(t), m.indices.begin() + std::ptrdiff_t(t + 3));
  return out;
}

// The skin is the leg's outer surface. Where structures inside it leave a
// small enclosed pocket that their wraps do not fill, the field has a closed
// inner surface too, facing inwards (negative volume): a cavity, not skin.
// Only the outward-facing pieces are kept.
Mesh without_cavities(const Mesh& m) {
  return keep_pieces(m, [](double volume, double) { return volume > 0.0; });
}

// A muscle is one piece, but a belly carved by its neighbours and the
// fascia can leave a sliver cut off from the rest (the soleus's in front of
// the tibial nerve when it thickened forward). Pieces of less than 2% of the
// largest one's volume are such slivers and are dropped; a larger detached
// piece is kept, so the one-piece test still sees a real gap.
Mesh without_slivers(const Mesh& m) {
  return keep_pieces(m, [](double volume, double largest) { return volume >= 0.02 * largest; });
}

Built mesh_structure(const StructureSpec& spec, const Mesh& polygonised) {
  Built b;
  const double cpu_start = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
  Clock::time_point t = Clock::now();
  // The skin keeps only its outward-facing pieces (see without_cavities).
  Mesh cleaned;
  const Mesh& raw = spec.kind == StructureKind::skin     ? (cleaned = without_cavities(polygonised))
                    : spec.kind == StructureKind::muscle ? (cleaned = without_slivers(polygonised))
                                                         : polygonised;
  if (raw.empty()) throw RuntimeError("atlas generator: structure '" + spec.id + "' came out empty");
  // Normals come from the field, so the surface shades smoothly without
  // moving vertices (smoothing folds thin carved parts into themselves).
  // Vertices closer than a tenth of the finest cell (0.5 mm) are one: the
  // simplification leaves such clusters where they are folded (a skin
  // cluster behind the knee met at 99.6 degrees within 0.035 mm:
  // AtlasMeshQuality.AlmostNoEdgeIsShorterThanATwentiethOfAMillimetre).
  constexpr float kMergeBelow = 0.00005f;
  // A collapse can still push one sheet through a close neighbour: where the
  // plain simplification crosses itself, simplify again refusing any
  // collapse that makes a triangle cross a nearby one.
  auto clean = [&](const Mesh& source, std::size_t target, float error, float min_cos) {
    Mesh m = merge_close_vertices(simplify(source, target, error, min_cos), kMergeBelow);
    b.seconds[1] += since(t);
    const std::size_t hits = count_self_intersections(m);
    b.seconds[2] += since(t);
    if (hits == 0) return m;
    Mesh careful = merge_close_vertices(simplify(source, target, error, min_cos, true), kMergeBelow);
    b.seconds[1] += since(t);
    const std::size_t careful_hits = count_self_intersections(careful);
    b.seconds[2] += since(t);
    return careful_hits < hits ? careful : m;
  };
  b.main = clean(raw, spec.target_main, 0.0005f, 0.7f);
  // The light level is for overviews: its budget comes first.
  b.lod1 = clean(b.main, spec.target_lod1, 0.002f, 0.2f);
  for (Mesh* m : {&b.main, &b.lod1}) {
    order_for_gpu(*m);
    normals_from_field(*m, spec.field, 0.5f * spec.cell);
    if (spec.belly && spec.tendons) {
      // Pale where the tendon is the nearer part, red on the belly, blended
      // over a millimetre or two at the musculotendinous junction.
      const glm::vec3 red(spec.colour), pale(tendon_colour());
      m->colours.resize(m->positions.size());
      for (std::size_t i = 0; i < m->positions.size(); ++i) {
        const float lead = spec.belly->eval(m->positions[i]) - spec.tendons->eval(m->positions[i]);
        m->colours[i] = glm::mix(red, pale, glm::smoothstep(-0.0015f, 0.0015f, lead));
      }
    }
    b.seconds[3] += since(t);
    if (!spec.fibre_paths.empty()) {
      // Each vertex takes the coordinates of the nearest path (belly or
      // tendon). A tendon's arc length goes on from where it leaves the path
      // nearest its start (the belly, or the common tendon of the slips to
      // the toes), so the streaks run on without a jump.
      const auto& paths = spec.fibre_paths;
      std::vector<float> offsets(paths.size(), 0.0f);
      for (std::size_t k = 1; k < paths.size(); ++k) {
        float best = 1e30f;
        for (std::size_t j = 0; j < k; ++j) {
          if (paths[k]->points.empty()) break;
          float d = 0.0f;
          const glm::vec3 c = sweep_coordinates(*paths[j], paths[k]->points.front(), d);
          if (d < best) {
            best = d;
            offsets[k] = offsets[j] + c.z;
          }
        }
      }
      m->fibres.resize(m->positions.size());
      for (std::size_t i = 0; i < m->positions.size(); ++i) {
        float best = 1e30f;
        for (std::size_t k = 0; k < paths.size(); ++k) {
          float d = 0.0f;
          glm::vec3 c = sweep_coordinates(*paths[k], m->positions[i], d);
          c.z += offsets[k];
          if (d < best) {
            best = d;
            m->fibres[i] = c;
          }
        }
      }
    }
    b.seconds[4] += since(t);
  }
  b.thread_cpu = cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu_start;
  return b;
}

} // namespace

GeneratedAtlas generate_atlas(unsigned threads) {
  GeneratedAtlas atlas;
  const auto start = std::chrono::steady_clock::now();
  Clock::time_point t = start;
  double cpu_mark = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID), main_mark = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
  auto phase = [&](std::string name) {
    const double cpu = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID), main = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
    atlas.timings.emplace_back(std::move(name), since(t));
    atlas.timings_cpu.push_back(cpu - cpu_mark);
    atlas.timings_main_cpu.push_back(main - main_mark);
    cpu_mark = cpu;
    main_mark = main;
  };
  std::vector<StructureSpec> specs = build_bones();
  phase("bones");
  const std::size_t bone_count = specs.size();
  std::vector<StructureSpec> muscles = build_muscles(specs);
  phase("muscles (sized to their volumes)");
  // The patellar ligament joins bones only.
  std::vector<StructureSpec> ligaments = build_ligaments(specs);
  specs.insert(specs.end(), muscles.begin(), muscles.end());
  // Nerves are routed between the bones, muscles and tendons built so far.
  std::vector<StructureSpec> nerves = build_nerves(specs);
  phase("ligaments and nerve routing");
  // After the routing and before the grooves: the nerves went round the
  // untrimmed shape, so a trim leaves room beside them instead of drawing
  // them into it.
  for (StructureSpec& s : specs)
    if (s.keep_after_routing) s.field = intersect(std::move(s.field), *s.keep_after_routing, s.keep_round);
  // Where a trunk still found no room (muscles packed against each other in
  // its plane), the muscles and tendons beside it give way: a groove 0.6 mm
  // wider than the nerve, so no nerve runs inside a muscle. Bones stay whole.
  // The groove's lips are rounded over 2 mm (the smooth subtraction lifts the
  // field by up to a quarter of that, 0.5 mm, where muscle and groove are
  // within 2 mm of each other, so a muscle that far from the grown nerve is
  // dented a little too): with 0.8 mm, where a groove ran beside a muscle's
  // edge or another groove, the sliver left between them thinned out and
  // came back as a fleck apart from the muscle in the cuts (extensor
  // digitorum longus between the deep and superficial fibular nerves at
  // 28.5% of the way down, fibularis longus at the common fibular nerve's
  // division at 26%, the medial gastrocnemius head at 4%;
  // SectionOutline.NoNewFleckLiesApartFromItsStructure). Over 3 mm the
  // rounder lips thinned other edges into new flecks.
  constexpr float kGrooveLips = 0.0020f;
  for (const StructureSpec& nerve : nerves) {
    if (!nerve.trunk) continue;
    const Field room = offset(*nerve.trunk, 0.0006f);
    for (std::size_t i = bone_count; i < specs.size(); ++i) {
      StructureSpec& s = specs[i];
      if (s.kind != StructureKind::muscle && s.kind != StructureKind::tendon) continue;
      // The plantaris is a tendon a few millimetres across where the tibial
      // nerve passes deep to it: a groove would cut it in two.
      if (s.id == "plantaris") continue;
      give_way(s, room, kGrooveLips);
    }
  }
  specs.insert(specs.end(), ligaments.begin(), ligaments.end());
  specs.insert(specs.end(), nerves.begin(), nerves.end());
  specs.push_back(build_skin(specs));
  phase("nerve grooves and skin");

  if (threads == 0) threads = default_threads();
  // First the grids, one structure at a time with every thread on its
  // layers: the skin alone (its field is the union of every structure's)
  // used to be the last task of the pool, with one core idle meanwhile.
  std::vector<Mesh> raw(specs.size());
  for (std::size_t i = 0; i < specs.size(); ++i) raw[i] = polygonise(specs[i].field, specs[i].cell, threads);
  phase("polygonise (wall, all threads on each grid)");
  // Then each structure is simplified and shaded independently, so the
  // thread count never changes the result; the biggest go first to balance
  // the workers.
  std::vector<Built> built(specs.size());
  std::vector<std::size_t> order(specs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto cost = [&](std::size_t i) { return double(raw[i].indices.size()); };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost(a) > cost(b); });
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(specs.size());
  auto worker = [&]() {
    for (std::size_t k = next++; k < order.size(); k = next++) {
      try {
        built[order[k]] = mesh_structure(specs[order[k]], raw[order[k]]);
        raw[order[k]] = Mesh{};
      } catch (...) {
        errors[order[k]] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  phase("simplify, check and shade (wall)");
  for (std::size_t k = 1; k < kSteps.size(); ++k) {
    double sum = 0.0;
    for (const Built& b : built) sum += b.seconds[k];
    atlas.timings.emplace_back(std::string("  ") + kSteps[k] + " (thread time)", sum);
    atlas.timings_cpu.push_back(-1.0);
    atlas.timings_main_cpu.push_back(-1.0);
  }
  // The phase cannot end before its costliest structure: with idle cores its
  // wall time is about the larger of that and the CPU time over the threads.
  std::size_t costliest = 0;
  for (std::size_t i = 0; i < built.size(); ++i)
    if (built[i].thread_cpu > built[costliest].thread_cpu) costliest = i;
  atlas.timings.emplace_back("  costliest structure, " + specs[costliest].id + " (its thread's CPU)",
                             built[costliest].thread_cpu);
  atlas.timings_cpu.push_back(-1.0);
  atlas.timings_main_cpu.push_back(-1.0);

  // Ambient occlusion against the whole assembled leg at its main level of
  // detail, for both levels; each vertex on its own, so the thread count
  // never changes a value.
  {
    std::vector<const Mesh*> occluders;
    std::vector<int> layers;
    for (std::size_t i = 0; i < specs.size(); ++i) {
      occluders.push_back(&built[i].main);
      layers.push_back(occlusion_layer(specs[i].kind));
    }
    const OcclusionBaker baker(occluders, layers);
    for (std::size_t i = 0; i < specs.size(); ++i) {
      const int layer = occlusion_layer(specs[i].kind);
      built[i].main.occlusion = baker.bake(built[i].main, layer, i, threads);
      built[i].lod1.occlusion = baker.bake(built[i].lod1, layer, i, threads);
    }
  }
  phase("ambient occlusion");
  atlas.manifest.mesh_file = kMainGlb;
  atlas.manifest.side = "right";
  for (std::size_t i = 0; i < specs.size(); ++i) {
    StructureInfo info;
    info.id = specs[i].id;
    info.name = specs[i].name;
    info.kind = specs[i].kind;
    info.node = specs[i].id;
    info.colour = specs[i].colour;
    atlas.manifest.structures.push_back(info);
    atlas.meshes.emplace_back(specs[i].id, std::move(built[i].main));
    atlas.lod1.emplace_back(specs[i].id, std::move(built[i].lod1));
  }
  const std::vector<StructureSpec> bones(specs.begin(), specs.begin() + std::ptrdiff_t(bone_count));
  atlas.manifest.landmarks = build_landmarks(bones);
  atlas.manifest.sites = build_sites(bones);
  for (const StructureSpec& s : specs)
    for (const MotorBranch& b : s.motor_branches) atlas.manifest.branches.push_back(b);
  for (const JointCentre& j : joint_centres()) atlas.manifest.joints.push_back(j);
  phase("landmarks and sites");
  atlas.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return atlas;
}

std::vector<unsigned char> atlas_glb(const GeneratedAtlas& atlas, bool lod1) {
  const auto& meshes = lod1 ? atlas.lod1 : atlas.meshes;
  std::vector<GlbNode> nodes;
  for (std::size_t i = 0; i < meshes.size(); ++i) {
    const StructureInfo* info = atlas.manifest.find_structure(meshes[i].first);
    GlbNode n;
    n.name = meshes[i].first;
    n.mesh = &meshes[i].second;
    n.colour = info ? info->colour : glm::vec4(0.8f);
    n.roughness = info && (info->kind == StructureKind::tendon || info->kind == StructureKind::ligament) ? 0.35f : 0.6f;
    nodes.push_back(n);
  }
  return make_glb(nodes);
}

BuildReport write_atlas(const GeneratedAtlas& atlas, const std::string& out_dir) {
  const auto start = std::chrono::steady_clock::now();
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw RuntimeError(out_dir + ": cannot create folder: " + ec.message());
  BuildReport report;
  auto put = [&](const char* name, const void* data, std::size_t size) {
    const std::string path = (fs::path(out_dir) / name).string();
    write_file_atomic(path, data, size);
    report.files.emplace_back(path, size);
  };
  const std::vector<unsigned char> main = atlas_glb(atlas, false);
  const std::vector<unsigned char> lod1 = atlas_glb(atlas, true);
  const std::string manifest = manifest_to_json(atlas.manifest);
  const std::string sources = sources_markdown();
  put(kMainGlb, main.data(), main.size());
  put(kLod1Glb, lod1.data(), lod1.size());
  put(kManifestJson, manifest.data(), manifest.size());
  put(kSourcesMd, sources.data(), sources.size());
  for (std::size_t i = 0; i < atlas.meshes.size(); ++i) {
    StructureReport s;
    s.id = atlas.meshes[i].first;
    s.triangles = atlas.meshes[i].second.triangle_count();
    s.lod1_triangles = atlas.lod1[i].second.triangle_count();
    s.volume_cm3 = signed_volume(atlas.meshes[i].second) * 1e6;
    report.total_triangles += s.triangles;
    report.total_lod1_triangles += s.lod1_triangles;
    report.structures.push_back(s);
  }
  report.seconds = atlas.seconds + std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

} // namespace crus::atlas
