#include "core/geometry/cross_section.hpp"
#include "core/geometry/rest_frame.hpp"

#include "core/error.hpp"
#include "core/document/scene.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iomanip>
#include <limits>
#include <sstream>
#include <unordered_map>

namespace crus {

glm::dvec2 SectionPlane::to_plane(const glm::dvec3& p) const {
  glm::dvec3 d = p - point;
  return {glm::dot(d, u), glm::dot(d, v)};
}

glm::dvec3 SectionPlane::to_model(const glm::dvec2& q) const { return point + q.x * u + q.y * v; }

SectionPlane make_section_plane(const glm::dvec3& point, double tilt_deg) {
  SectionPlane plane;
  plane.point = point;
  plane.tilt_deg = tilt_deg;
  // A rotation about +Z by t takes +Y to (-sin t, cos t, 0): the plane rises
  // anteriorly. u stays lateral; v is the anterior direction tilted with it.
  double t = tilt_deg * 3.14159265358979323846 / 180.0;
  plane.normal = {0.0 - std::sin(t), std::cos(t), 0.0}; // 0.0 - : no "-0" in the JSON
  plane.v = {std::cos(t), std::sin(t), 0.0};
  plane.u = {0.0, 0.0, 1.0};
  return plane;
}

namespace {

struct PositionKey {
  std::uint32_t x, y, z;
  bool operator==(const PositionKey& o) const { return x == o.x && y == o.y && z == o.z; }
};
struct PositionHash {
  std::size_t operator()(const PositionKey& k) const {
    return (static_cast<std::size_t>(k.x) * 73856093u) ^ (static_cast<std::size_t>(k.y) * 19349663u) ^
           (static_cast<std::size_t>(k.z) * 83492791u);
  }
};
PositionKey key_of(const glm::vec3& p) {
  // +0.0 and -0.0 are one position.
  glm::vec3 q = p + glm::vec3(0.0f);
  PositionKey k{};
  std::memcpy(&k.x, &q.x, 4);
  std::memcpy(&k.y, &q.y, 4);
  std::memcpy(&k.z, &q.z, 4);
  return k;
}

std::uint64_t edge_key(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

struct Segment {
  std::uint64_t from = 0, to = 0; // the crossed edges
  glm::dvec2 start{0.0};          // the crossing on `from`
  glm::dvec2 end{0.0};            // the crossing on `to`
  glm::vec3 colour{0.0f};
  bool used = false;
};

} // namespace

MeshSection slice_mesh(const Mesh& mesh, const SectionPlane& plane) {
  MeshSection out;
  const std::size_t nv = mesh.positions.size();
  std::vector<double> dist(nv);
  for (std::size_t i = 0; i < nv; ++i) dist[i] = glm::dot(glm::dvec3(mesh.positions[i]) - plane.point, plane.normal);
  auto above = [&](std::uint32_t i) { return dist[i] >= 0.0; };
  const bool coloured = mesh.colours.size() == nv;

  // Weld only the vertices of triangles that straddle the plane.
  std::unordered_map<PositionKey, std::uint32_t, PositionHash> weld;
  std::vector<std::uint32_t> welded(nv, std::numeric_limits<std::uint32_t>::max());
  auto weld_id = [&](std::uint32_t i) {
    if (welded[i] == std::numeric_limits<std::uint32_t>::max())
      welded[i] = weld.emplace(key_of(mesh.positions[i]), i).first->second;
    return welded[i];
  };
  auto crossing = [&](std::uint32_t a, std::uint32_t b, glm::vec3* colour) {
    // From the lower welded id, so that both triangles of an edge get the same point.
    if (weld_id(a) > weld_id(b)) std::swap(a, b);
    double t = dist[a] / (dist[a] - dist[b]);
    glm::dvec3 p = glm::dvec3(mesh.positions[a]) + t * (glm::dvec3(mesh.positions[b]) - glm::dvec3(mesh.positions[a]));
    if (coloured) *colour = glm::mix(mesh.colours[a], mesh.colours[b], static_cast<float>(t));
    return plane.to_plane(p);
  };

  std::vector<Segment> segments;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t v[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
    if (v[0] >= nv || v[1] >= nv || v[2] >= nv) continue;
    if (above(v[0]) == above(v[1]) && above(v[1]) == above(v[2])) continue;
    // Walking the counter-clockwise triangle, the segment runs from the edge
    // that goes down through the plane to the edge that comes back up: this
    // leaves the material on the left, so outer loops run counter-clockwise.
    Segment s;
    bool have_from = false, have_to = false;
    glm::vec3 colour_to{0.0f};
    for (int e = 0; e < 3; ++e) {
      std::uint32_t a = v[e], b = v[(e + 1) % 3];
      if (above(a) == above(b)) continue;
      if (above(a)) {
        s.from = edge_key(weld_id(a), weld_id(b));
        s.start = crossing(a, b, &s.colour);
        have_from = true;
      } else {
        s.to = edge_key(weld_id(a), weld_id(b));
        s.end = crossing(a, b, &colour_to);
        have_to = true;
      }
    }
    if (have_from && have_to && s.from != s.to) segments.push_back(s);
  }

  std::unordered_multimap<std::uint64_t, std::size_t> by_start, by_end;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    by_start.emplace(segments[i].from, i);
    by_end.emplace(segments[i].to, i);
  }
  auto next_unused = [&](const std::unordered_multimap<std::uint64_t, std::size_t>& map, std::uint64_t key) -> long {
    auto [lo, hi] = map.equal_range(key);
    for (auto it = lo; it != hi; ++it)
      if (!segments[it->second].used) return static_cast<long>(it->second);
    return -1;
  };

  for (std::size_t first = 0; first < segments.size(); ++first) {
    if (segments[first].used) continue;
    std::vector<std::size_t> chain{first};
    segments[first].used = true;
    bool closed = false;
    for (;;) { // forward
      const Segment& cur = segments[chain.back()];
      if (cur.to == segments[first].from) {
        closed = true;
        break;
      }
      long n = next_unused(by_start, cur.to);
      if (n < 0) break;
      segments[static_cast<std::size_t>(n)].used = true;
      chain.push_back(static_cast<std::size_t>(n));
    }
    if (!closed) { // a gap in the mesh: extend backwards too, to keep the chain whole
      for (;;) {
        long p = next_unused(by_end, segments[chain.front()].from);
        if (p < 0) break;
        segments[static_cast<std::size_t>(p)].used = true;
        chain.insert(chain.begin(), static_cast<std::size_t>(p));
      }
    }
    ContourLoop loop;
    loop.closed = closed;
    glm::dvec3 colour_sum(0.0);
    for (std::size_t i : chain) {
      const Segment& s = segments[i];
      colour_sum += glm::dvec3(s.colour);
      // Vertices on the plane give zero-length steps: drop the repeats.
      if (loop.points.empty() || glm::distance(loop.points.back(), s.start) > 1e-12) loop.points.push_back(s.start);
    }
    // An open chain ends on the last segment's far crossing.
    if (!closed && glm::distance(loop.points.back(), segments[chain.back()].end) > 1e-12)
      loop.points.push_back(segments[chain.back()].end);
    if (closed && loop.points.size() > 1 && glm::distance(loop.points.front(), loop.points.back()) <= 1e-12)
      loop.points.pop_back();
    if (coloured) loop.colour = glm::vec3(colour_sum / static_cast<double>(chain.size()));
    if (loop.points.size() < 3) continue; // touches the plane only
    if (!closed) ++out.open_chains;
    out.loops.push_back(std::move(loop));
  }
  return out;
}

double signed_area(const std::vector<glm::dvec2>& loop) {
  double sum = 0.0;
  for (std::size_t i = 0, n = loop.size(); i < n; ++i) {
    const glm::dvec2& a = loop[i];
    const glm::dvec2& b = loop[(i + 1) % n];
    sum += a.x * b.y - b.x * a.y;
  }
  return 0.5 * sum;
}

double loop_length(const std::vector<glm::dvec2>& loop, bool closed) {
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < loop.size(); ++i) sum += glm::distance(loop[i], loop[i + 1]);
  if (closed && loop.size() > 2) sum += glm::distance(loop.back(), loop.front());
  return sum;
}

std::vector<glm::dvec2> convex_hull(std::vector<glm::dvec2> p) {
  std::sort(p.begin(), p.end(), [](const glm::dvec2& a, const glm::dvec2& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  p.erase(std::unique(p.begin(), p.end()), p.end());
  if (p.size() < 3) return p;
  auto cross = [](const glm::dvec2& o, const glm::dvec2& a, const glm::dvec2& b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  };
  std::vector<glm::dvec2> h(2 * p.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
    h[k++] = p[i];
  }
  for (std::size_t i = p.size() - 1, t = k + 1; i > 0; --i) {
    while (k >= t && cross(h[k - 2], h[k - 1], p[i - 1]) <= 0) --k;
    h[k++] = p[i - 1];
  }
  h.resize(k - 1);
  return h;
}

SectionMeasure measure_section(const MeshSection& section) {
  SectionMeasure m;
  double area = 0.0;
  glm::dvec2 moment(0.0);
  std::vector<glm::dvec2> all;
  for (const ContourLoop& loop : section.loops) {
    const auto& p = loop.points;
    double a = signed_area(p);
    area += a;
    if (a > 0.0) ++m.pieces;
    for (std::size_t i = 0, n = p.size(); i < n; ++i) {
      const glm::dvec2& q = p[i];
      const glm::dvec2& r = p[(i + 1) % n];
      double c = q.x * r.y - r.x * q.y;
      moment += (q + r) * c;
    }
    m.perimeter_m += loop_length(p, true);
    all.insert(all.end(), p.begin(), p.end());
  }
  if (std::abs(area) > 0.0) m.centroid = moment / (6.0 * area);
  m.area_m2 = std::abs(area); // an inside-out mesh gives a negative sum
  auto hull = convex_hull(std::move(all));
  m.hull_perimeter_m = loop_length(hull, true);
  return m;
}

const StructureSection* SceneSection::find(const std::string& id) const {
  for (const auto& s : structures)
    if (s.id == id) return &s;
  return nullptr;
}

double SceneSection::packing_fraction() const {
  double skin = 0.0, inside = 0.0;
  for (const auto& s : structures) {
    if (s.kind == StructureKind::skin) skin += s.measure.area_m2;
    else if (s.kind == StructureKind::bone || s.kind == StructureKind::muscle || s.kind == StructureKind::tendon ||
             s.kind == StructureKind::ligament || s.kind == StructureKind::nerve)
      inside += s.measure.area_m2;
  }
  return skin > 0.0 ? inside / skin : 0.0;
}

SceneSection section_scene(const Scene& scene, const SectionPlane& plane) {
  SceneSection out;
  out.plane = plane;
  for (std::size_t i = 0; i < scene.structures.size(); ++i) {
    const SceneStructure& s = scene.structures[i];
    MeshSection cut = slice_structure(s, plane); // a posed bone: its rest mesh, the plane carried back
    if (cut.empty()) continue;
    StructureSection ss;
    ss.index = static_cast<int>(i);
    ss.id = s.id;
    ss.name = s.name;
    ss.kind = s.kind;
    ss.colour = s.colour;
    ss.measure = measure_section(cut);
    ss.section = std::move(cut);
    if (s.kind == StructureKind::nerve) ss.branches = section_branches(scene, s.id, plane);
    out.structures.push_back(std::move(ss));
  }
  return out;
}

std::vector<StructureSection::Branch> section_branches(const Scene& scene, const std::string& nerve, const SectionPlane& plane) {
  std::vector<StructureSection::Branch> out;
  if (!scene.manifest) return out;
  for (const MotorBranch& b : scene.manifest->branches) {
    if (b.nerve != nerve) continue;
    const SceneStructure* muscle = scene.find(b.muscle);
    const std::string name = muscle && !muscle->name.empty() ? muscle->name : b.muscle;
    for (std::size_t i = 0; i + 1 < b.path.size(); ++i) {
      const glm::dvec3 p(b.path[i]), q(b.path[i + 1]);
      const double dp = glm::dot(p - plane.point, plane.normal), dq = glm::dot(q - plane.point, plane.normal);
      if ((dp > 0.0) == (dq > 0.0) || dp == dq) continue;
      out.push_back({name, plane.to_plane(p + (q - p) * (dp / (dp - dq)))});
    }
  }
  return out;
}

namespace {
std::string metres(double v) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(3) << v << " m";
  return o.str();
}
} // namespace

SectionPlane section_plane_for(const std::string& text, double tilt_deg, const Scene& scene, const std::string& option) {
  if (!std::isfinite(tilt_deg) || tilt_deg < -80.0 || tilt_deg > 80.0)
    throw InputError("--tilt", "expected degrees from -80 to 80, got " + std::to_string(tilt_deg));
  std::string t = text;
  bool percent = !t.empty() && t.back() == '%';
  if (percent) t.pop_back();
  double value = 0.0;
  std::size_t used = 0;
  try {
    value = std::stod(t, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (t.empty() || used != t.size() || !std::isfinite(value))
    throw InputError(
        option,
        "expected a height in metres (e.g. 0.30) or a percentage of the way from the knee to the ankle (e.g. 40%), got \"" +
            text + "\"");
  const JointCentre* knee = nullptr;
  const JointCentre* ankle = nullptr;
  if (scene.manifest)
    for (const auto& j : scene.manifest->joints) {
      if (j.id == "knee") knee = &j;
      if (j.id == "ankle") ankle = &j;
    }
  glm::dvec3 point(0.0);
  std::optional<double> fraction;
  if (percent) {
    if (!knee || !ankle)
      throw InputError(option, "a percentage height needs the knee and ankle joint centres of a Crus atlas manifest; " +
                                   scene.source + " has none, so give the height in metres");
    fraction = value / 100.0;
    point = glm::mix(glm::dvec3(knee->position), glm::dvec3(ankle->position), *fraction);
  } else if (knee && ankle && std::abs(double(knee->position.y) - ankle->position.y) > 1e-6) {
    // On the leg's axis at that height, so that a tilt turns about the leg.
    double f = (double(knee->position.y) - value) / (double(knee->position.y) - ankle->position.y);
    point = glm::mix(glm::dvec3(knee->position), glm::dvec3(ankle->position), f);
    point.y = value;
  } else {
    point = glm::dvec3(scene.box.centre());
    point.y = value;
  }
  SectionPlane plane = make_section_plane(point, tilt_deg);
  plane.fraction = fraction;
  // A plane that misses every structure is almost always a mistyped height.
  bool cuts = false;
  for (const auto& s : scene.structures) {
    if (!s.box.valid()) continue;
    double lo = std::numeric_limits<double>::max(), hi = -lo;
    for (int c = 0; c < 8; ++c) {
      glm::dvec3 corner((c & 1) ? s.box.max.x : s.box.min.x, (c & 2) ? s.box.max.y : s.box.min.y,
                        (c & 4) ? s.box.max.z : s.box.min.z);
      double d = glm::dot(corner - plane.point, plane.normal);
      lo = std::min(lo, d);
      hi = std::max(hi, d);
    }
    if (lo < 0.0 && hi >= 0.0) {
      cuts = true;
      break;
    }
  }
  if (!cuts)
    throw InputError(option, "the plane at " + text + " (y = " + metres(point.y) +
                                 ") cuts nothing of the atlas, which spans y = " + metres(scene.box.min.y) + " to " +
                                 metres(scene.box.max.y));
  return plane;
}

double closest_approach(const MeshSection& from, const MeshSection& to) {
  double best = std::numeric_limits<double>::infinity();
  for (const auto& lf : from.loops)
    for (const glm::dvec2& p : lf.points)
      for (const auto& lt : to.loops)
        for (std::size_t i = 0, n = lt.points.size(); i < n; ++i) {
          const glm::dvec2& a = lt.points[i];
          const glm::dvec2& b = lt.points[(i + 1) % n];
          glm::dvec2 ab = b - a;
          double len2 = glm::dot(ab, ab);
          double t = len2 > 0.0 ? std::clamp(glm::dot(p - a, ab) / len2, 0.0, 1.0) : 0.0;
          best = std::min(best, glm::distance(p, a + t * ab));
        }
  return best;
}

} // namespace crus
