// Swept tubes: a dense path with an elliptical section at each point
// (muscle bellies, tendons, nerves, the deep fascia), and their distance.
// The distance is evaluated some hundred million times per generation; in
// the sanitizer build this file is compiled without instrumentation
// (src/CMakeLists.txt, docs/CI-TIME.md).
#include "atlas/sdf.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace crus::atlas {

namespace {
glm::vec3 catmull_rom(const glm::vec3& p0, const glm::vec3& p1, const glm::vec3& p2, const glm::vec3& p3, float t) {
  const float t2 = t * t, t3 = t2 * t;
  return 0.5f *
         ((2.0f * p1) + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 + (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3);
}
float catmull_rom(float p0, float p1, float p2, float p3, float t) {
  const float t2 = t * t, t3 = t2 * t;
  return 0.5f *
         ((2.0f * p1) + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 + (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3);
}
} // namespace

Sweep make_sweep(const std::vector<SweepKey>& keys, const glm::vec3& up, int samples_per_span) {
  Sweep s;
  const std::size_t n = keys.size();
  if (n < 2) return s;
  auto key = [&](long i) -> const SweepKey& { return keys[std::size_t(std::clamp(i, 0L, long(n) - 1))]; };
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const SweepKey &k0 = key(long(i) - 1), &k1 = key(long(i)), &k2 = key(long(i) + 1), &k3 = key(long(i) + 2);
    const int steps = (i + 2 == n) ? samples_per_span + 1 : samples_per_span;
    for (int j = 0; j < steps; ++j) {
      const float t = float(j) / float(samples_per_span);
      s.points.push_back(catmull_rom(k0.point, k1.point, k2.point, k3.point, t));
      const float lo_w = 0.4f * std::min(k1.w, k2.w), lo_h = 0.4f * std::min(k1.h, k2.h);
      s.radii.emplace_back(std::max(catmull_rom(k0.w, k1.w, k2.w, k3.w, t), lo_w),
                           std::max(catmull_rom(k0.h, k1.h, k2.h, k3.h, t), lo_h));
    }
  }
  refresh_frames(s, up);
  return s;
}

void refresh_frames(Sweep& s, const glm::vec3& up) {
  const std::size_t m = s.points.size();
  s.side.resize(m);
  s.normal.resize(m);
  for (std::size_t i = 0; i < m; ++i) {
    const glm::vec3 a = s.points[i == 0 ? 0 : i - 1];
    const glm::vec3 b = s.points[i + 1 == m ? m - 1 : i + 1];
    glm::vec3 t = b - a;
    if (glm::length(t) < 1e-9f) t = glm::vec3(0, 1, 0);
    const glm::mat3 fr = frame_from_axis(t, up); // x: normal (towards up), y: tangent
    s.normal[i] = fr[0];
    s.side[i] = fr[2];
  }
}

// Distance from q (relative to a point on the path) to the elliptical
// section with half widths r along side and normal (first order).
static float section_distance(const glm::vec3& q, const glm::vec3& side, const glm::vec3& nrm, const glm::vec2& r) {
  const glm::vec2 l(glm::dot(q, side), glm::dot(q, nrm));
  const float k1 = glm::length(l / (r * r));
  if (k1 < 1e-9f) return -std::min(r.x, r.y);
  const float k0 = glm::length(l / r);
  return k0 * (k0 - 1.0f) / k1;
}

// The same, measured exactly: the nearest point of the ellipse by Newton's
// method on its angle (in the first quadrant, by symmetry), from the angle
// of the point scaled to a circle. Six steps bring a section 7 times wider
// than deep to within 0.02 mm (tests/atlas/sdf_test.cpp). The angle is held
// as its cosine and sine, and each step turns them along the circle's
// tangent by the step and puts them back on the circle: a turn by atan of
// the step, which near the answer differs from it by its cube, so the steps
// still converge as fast, and they stop once a step is under 1e-4 (the next
// would be about 1e-8). A sine and a cosine per step, six steps, had made
// this a sixth of the whole generation's CPU time (docs/PERFORMANCE.md).
// `at` receives the nearest point's angle, as (cos t, sin t).
static float section_distance_exact(const glm::vec3& q, const glm::vec3& side, const glm::vec3& nrm, const glm::vec2& r,
                                    glm::vec2* at = nullptr) {
  const glm::vec2 p = glm::abs(glm::vec2(glm::dot(q, side), glm::dot(q, nrm)));
  const bool inside = (p.x * p.x) / (r.x * r.x) + (p.y * p.y) / (r.y * r.y) < 1.0f;
  glm::vec2 cs = p / r; // (cos t, sin t), once on the circle
  const float start = glm::length(cs);
  cs = start > 1e-20f ? cs / start : glm::vec2(1.0f, 0.0f);
  // Deep inside a flat section, near its long axis, that first angle can
  // lie where the squared distance curves down (h <= 0 below), and the
  // steps stopped there at once: at the centre of a section 14 x 2 mm it
  // gave -14 mm instead of -2. From the end of the short axis the curve
  // bends up (h = long^2 - short (short - p) there), and the steps go on.
  {
    const glm::vec2 e(r.x * cs.x, r.y * cs.y), de(-r.x * cs.y, r.y * cs.x);
    if (glm::dot(de, de) - glm::dot(e - p, e) <= 1e-12f) cs = r.x >= r.y ? glm::vec2(0.0f, 1.0f) : glm::vec2(1.0f, 0.0f);
  }
  for (int i = 0; i < 6; ++i) {
    const glm::vec2 e(r.x * cs.x, r.y * cs.y), de(-r.x * cs.y, r.y * cs.x);
    const float g = glm::dot(e - p, de);                   // half the derivative of the squared distance
    const float h = glm::dot(de, de) - glm::dot(e - p, e); // and its own derivative
    if (h <= 1e-12f) break;
    const float step = -g / h;
    // Kept in the first quadrant, as the angle was kept in [0, pi/2].
    const glm::vec2 turned = glm::max(glm::vec2(cs.x - cs.y * step, cs.y + cs.x * step), glm::vec2(0.0f));
    const float len = glm::length(turned);
    if (len <= 1e-20f) break;
    cs = turned / len;
    // Converged: the next step would be of the order of this one squared.
    if (std::abs(step) < 1e-4f) break;
  }
  const float d = glm::length(glm::vec2(r.x * cs.x, r.y * cs.y) - p);
  if (at) *at = cs;
  return inside ? -d : d;
}

static float section_distance(const Sweep& sw, const glm::vec3& q, const glm::vec3& side, const glm::vec3& nrm,
                              const glm::vec2& r) {
  return sw.exact_sections ? section_distance_exact(q, side, nrm, r) : section_distance(q, side, nrm, r);
}

namespace {
// A segment's constants, computed once: the field is evaluated millions of
// times per structure and these do not depend on the point.
struct SweepSegment {
  glm::vec3 a{0.0f}, ab{0.0f}, axis{0.0f};
  float len = 0.0f;
  bool joint = false; // a next segment follows, so a bend can be closed past b
};

SweepSegment make_segment(const Sweep& sw, std::size_t i) {
  SweepSegment g;
  g.a = sw.points[i];
  g.ab = sw.points[i + 1] - g.a;
  g.len = glm::length(g.ab);
  if (g.len >= 1e-9f) g.axis = g.ab / g.len;
  g.joint = i + 2 < sw.points.size();
  return g;
}

// How far p lies beyond the segment's slab along its axis (0 within it).
struct AxialPlace {
  float s, over;
};
AxialPlace axial_place(const SweepSegment& g, const glm::vec3& p) {
  const float s = glm::dot(p - g.a, g.axis);
  return {s, s < 0.0f ? -s : (s > g.len ? s - g.len : 0.0f)};
}

// Distance from p to segment i of the sweep (its elliptical sections
// interpolated), with the joint's section closing the outer side of a bend.
// `open_start` and `open_end` (across-slope sweeps only) carry the segment's
// side on past its start or end, for the sweep's end planes to close.
float segment_distance(const Sweep& sw, const SweepSegment& g, std::size_t i, const glm::vec3& p, bool open_start = false,
                       bool open_end = false) {
  if (g.len < 1e-9f) return 1e9f;
  const auto [s, over] = axial_place(g, p);
  const float t = std::clamp(s / g.len, 0.0f, 1.0f);
  const glm::vec3 c = g.a + g.ab * t;
  glm::vec3 nrm = glm::normalize(glm::mix(sw.normal[i], sw.normal[i + 1], t));
  glm::vec3 side = glm::normalize(glm::mix(sw.side[i], sw.side[i + 1], t));
  const glm::vec2 r = glm::mix(sw.radii[i], sw.radii[i + 1], t);
  float d = 0.0f;
  if (sw.across_slope && sw.exact_sections) {
    const glm::vec2 grow = (sw.radii[i + 1] - sw.radii[i]) / g.len;
    // In the plane through the axis and p: the section's edge at c moves out
    // by v per unit of path, so the tube's side near c is the line (v u, u)
    // from the edge, u running over the segment. The distance is to that
    // piece of line (the rim where the nearest point falls past an end),
    // which is continuous across the slab's ends.
    glm::vec2 cs(1.0f, 0.0f);
    const float de = section_distance_exact(p - c, side, nrm, r, &cs);
    const glm::vec2 out = glm::normalize(cs / r);
    const float v = glm::dot(out, grow * cs);
    const float sc = t * g.len, o = s - sc;
    const bool open = (s < 0.0f && open_start) || (s > g.len && open_end);
    if (de <= 0.0f) {
      d = over > 0.0f && !open ? over : de / std::sqrt(1.0f + v * v);
    } else {
      const float u = std::clamp((v * de + o) / (1.0f + v * v), open_start ? -1e9f : -sc, open_end ? 1e9f : g.len - sc);
      d = glm::length(glm::vec2(de - v * u, o - u));
    }
  } else {
    const float de = section_distance(sw, p - c, side, nrm, r);
    d = over > 0.0f ? (de > 0.0f ? std::sqrt(de * de + over * over) : over) : de;
  }
  // Past the end of a segment where the path goes on round a bend, the
  // flat caps of the two segments leave a thin wedge open on the outer
  // side: a groove across the surface. There the section at the joint
  // (its plane bisects the bend) measures the point instead.
  if (s > g.len && g.joint) {
    const glm::vec3 j = sw.points[i + 1];
    if (glm::dot(p - j, sw.points[i + 2] - j) < 0.0f)
      d = std::min(d, section_distance(sw, p - j, sw.side[i + 1], sw.normal[i + 1], sw.radii[i + 1]));
  }
  return d;
}

// What the sweep compares with the best distance so far before measuring a
// segment: the distance to the segment's box (the test it always made),
// and, unless p lies past the segment's end where the joint's section may
// close a bend, how far p lies beyond the segment's slab. Outside the slab
// the distance is sqrt(de^2 + over^2) or over itself, which in float is
// never less than over (short of over*over underflowing, below 1e-19 m),
// so skipping on over changes nothing.
// Also gives how far p lies beyond the slab, which tells apart segments of
// equal bound: the one whose slab p lies in or nearest to is the likeliest
// to be nearest.
float segment_lower_bound(const SweepSegment& g, const Aabb& box, const glm::vec3& p, float& beyond) {
  const float to_box = box_distance(box, p);
  beyond = 0.0f;
  if (g.len < 1e-9f) return to_box;
  const auto [s, over] = axial_place(g, p);
  beyond = over;
  if (s > g.len && g.joint) return to_box;
  return std::max(to_box, over);
}

// Runs of consecutive segments under one box. A routed nerve's sweep has
// thousands of segments, and every muscle it grooves evaluates it at each
// grid point: testing a run's box first skips all but a few runs.
constexpr std::size_t kRun = 16;
struct SweepBoxes {
  std::vector<Aabb> segment;
  std::vector<SweepSegment> geometry;
  std::vector<Aabb> run;         // run k covers segments [k * kRun, (k + 1) * kRun)
  std::vector<glm::vec3> middle; // the path's point 8 segments into run k (a short last run: its end)
};
} // namespace

Field sweep_field(std::shared_ptr<const Sweep> sw) {
  Field f;
  const std::size_t m = sw->points.size();
  auto boxes = std::make_shared<SweepBoxes>();
  Aabb all{glm::vec3(1e9f), glm::vec3(-1e9f)};
  for (std::size_t i = 0; i + 1 < m; ++i) {
    const float r = std::max({sw->radii[i].x, sw->radii[i].y, sw->radii[i + 1].x, sw->radii[i + 1].y});
    Aabb b{glm::min(sw->points[i], sw->points[i + 1]) - glm::vec3(r), glm::max(sw->points[i], sw->points[i + 1]) + glm::vec3(r)};
    if (i % kRun == 0) boxes->run.push_back(b);
    else boxes->run.back() = merge(boxes->run.back(), b);
    boxes->segment.push_back(b);
    boxes->geometry.push_back(make_segment(*sw, i));
    all = merge(all, b);
  }
  for (std::size_t k = 0; k < boxes->run.size(); ++k) boxes->middle.push_back(sw->points[std::min(k * kRun + kRun / 2, m - 1)]);
  f.eval = [sw, boxes = std::shared_ptr<const SweepBoxes>(boxes)](const glm::vec3& p) {
    // The nearest run first (of those whose box p lies in, the one whose
    // middle is nearest), and in each run its likeliest nearest segment
    // first, so the bound is tight before the others are looked at; a run
    // or segment is skipped when its box (or, for a segment, how far p
    // lies beyond its slab) is no nearer than the best distance so far.
    // The result depends on this order (the box is not a strict bound of
    // the first-order section distance, and inside the tube the first
    // negative distance ends the search): the bundled atlas is made with
    // it (docs/PERFORMANCE.md, under half the evaluations of the order
    // before, in which runs and segments were taken first to last).
    const std::size_t runs = boxes->run.size(), segs = boxes->segment.size();
    std::size_t first = 0;
    float first_d = 1e30f, first_c = 1e30f;
    for (std::size_t k = 0; k < runs; ++k) {
      const float d = box_distance(boxes->run[k], p);
      if (d > first_d) continue;
      // Boxes widened by the radius overlap; among those p lies in, the run
      // whose middle is nearest.
      const glm::vec3 to_middle = p - boxes->middle[k];
      const float c = glm::dot(to_middle, to_middle);
      if (d < first_d || c < first_c) {
        first_d = d;
        first_c = c;
        first = k;
      }
    }
    float best = 1e9f;
    auto visit = [&](std::size_t k) {
      const std::size_t begin = k * kRun, end = std::min(segs, (k + 1) * kRun);
      // The segment with the least lower bound first (usually the one whose
      // slab holds p): its distance is then the bound the rest must beat,
      // and most of them are skipped.
      std::array<float, kRun> bound;
      std::size_t nearest = begin;
      float nearest_bound = 1e30f, nearest_beyond = 1e30f;
      for (std::size_t i = begin; i < end; ++i) {
        float beyond = 0.0f;
        const float b = bound[i - begin] = segment_lower_bound(boxes->geometry[i], boxes->segment[i], p, beyond);
        if (b < nearest_bound || (b == nearest_bound && beyond < nearest_beyond)) {
          nearest = i;
          nearest_bound = b;
          nearest_beyond = beyond;
        }
      }
      if (nearest_bound < best) best = std::min(best, segment_distance(*sw, boxes->geometry[nearest], nearest, p));
      for (std::size_t i = begin; i < end; ++i) {
        // A segment whose lower bound is no less than best cannot lower it.
        if (i == nearest || bound[i - begin] >= best) continue;
        best = std::min(best, segment_distance(*sw, boxes->geometry[i], i, p));
      }
    };
    if (runs > 0) visit(first);
    for (std::size_t k = 0; k < runs; ++k)
      if (k != first && box_distance(boxes->run[k], p) < best) visit(k);
    if (sw->across_slope && sw->exact_sections && segs > 0) {
      // Closed at each end by a plane, its rim rounded: measured by sections
      // alone, inside the field jumped by the section's depth where it
      // crossed an end (the tibia's plafond, where the lower metaphysis's
      // end shows, meshed into steps), and a sharp rim meshed saw-toothed.
      // The end segments' sides run on past the ends, which the planes
      // then close.
      constexpr float kRim = 0.002f;
      const SweepSegment &a = boxes->geometry.front(), &b = boxes->geometry.back();
      best = std::min(
          {best, segment_distance(*sw, a, 0, p, true, segs == 1), segment_distance(*sw, b, segs - 1, p, segs == 1, true)});
      best = smax(smax(best, -glm::dot(p - a.a, a.axis), kRim), glm::dot(p - b.a, b.axis) - b.len, kRim);
    }
    return best;
  };
  f.box = all;
  return f;
}

Field sweep(const std::vector<SweepKey>& keys, const glm::vec3& up, int samples_per_span, bool exact_sections) {
  Sweep s = make_sweep(keys, up, samples_per_span);
  s.exact_sections = exact_sections;
  return sweep_field(std::make_shared<const Sweep>(std::move(s)));
}

Field flared_sweep(const std::vector<SweepKey>& keys, const glm::vec3& up, int samples_per_span) {
  Sweep s = make_sweep(keys, up, samples_per_span);
  s.exact_sections = true;
  s.across_slope = true;
  return sweep_field(std::make_shared<const Sweep>(std::move(s)));
}

glm::vec3 sweep_coordinates(const Sweep& sw, const glm::vec3& p, float& distance) {
  distance = 1e30f;
  glm::vec3 out(0.0f);
  float arc = 0.0f;
  for (std::size_t i = 0; i + 1 < sw.points.size(); ++i) {
    const glm::vec3 a = sw.points[i], ab = sw.points[i + 1] - a;
    const float l2 = glm::dot(ab, ab);
    const float len = std::sqrt(l2);
    if (l2 > 1e-18f) {
      const float t = std::clamp(glm::dot(p - a, ab) / l2, 0.0f, 1.0f);
      const glm::vec3 c = a + t * ab;
      const float d = glm::length(p - c);
      if (d < distance) {
        distance = d;
        const glm::vec3 side = glm::normalize(glm::mix(sw.side[i], sw.side[i + 1], t));
        const glm::vec3 nrm = glm::normalize(glm::mix(sw.normal[i], sw.normal[i + 1], t));
        out = glm::vec3(glm::dot(p - c, side), glm::dot(p - c, nrm), arc + t * len);
      }
    }
    arc += len;
  }
  return out;
}

} // namespace crus::atlas
