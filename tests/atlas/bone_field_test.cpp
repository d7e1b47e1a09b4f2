// The tibia's field, which both its mesh and its normals come from: smooth
// where the metaphyses flare into the shaft (the normals are the field's
// gradient, so a rippled field shades as fine cross-hatching whatever the
// mesh), and without steps at the plafond, where the lower metaphysis's end
// shows (a field that jumps there meshes into a staircase).
#include "atlas/sdf.hpp"
#include "atlas/structures.hpp"

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace crus::test {
namespace {

const atlas::Field& tibia_field() {
  static const std::vector<atlas::StructureSpec> bones = atlas::build_bones();
  for (const auto& b : bones)
    if (b.id == "tibia") return b.field;
  throw std::runtime_error("no tibia");
}

// The unit normal of the field at p, as the generator takes it for the mesh
// (central differences half a tibial marching cell apart).
glm::vec3 normal_at(const atlas::Field& f, const glm::vec3& p) {
  return glm::normalize(atlas::central_difference(f, p, 0.00065f));
}

// Walking down the surface in steps of 0.4 mm, at angles all round the bone,
// how far each normal turns from the mean of its neighbours above and below
// (degrees): near zero on a smooth surface, whatever its curvature.
struct Roughness {
  double mean = 0.0, worst = 0.0;
  float worst_y = 0.0f, worst_angle = 0.0f;
};
Roughness roughness(const atlas::Field& f, glm::vec2 axis_xz, float y0, float y1) {
  constexpr float kStep = 0.0004f;
  auto surface = [&](float y, float angle, glm::vec3& n) {
    const glm::vec3 from(axis_xz.x, y, axis_xz.y), dir(std::cos(angle), 0.0f, std::sin(angle));
    if (f(from) > 0.0f) return false;
    float lo = 0.0f, hi = 0.06f;
    for (int i = 0; i < 32; ++i) {
      const float mid = 0.5f * (lo + hi);
      (f(from + mid * dir) < 0.0f ? lo : hi) = mid;
    }
    n = normal_at(f, from + lo * dir);
    return true;
  };
  Roughness r;
  int count = 0;
  for (float angle = -3.1f; angle < 3.15f; angle += 0.1f) {
    glm::vec3 a(0.0f), b(0.0f), c(0.0f);
    bool have_a = surface(y0 - kStep, angle, a), have_b = surface(y0, angle, b);
    for (float y = y0; y < y1; y += kStep) {
      const bool have_c = surface(y + kStep, angle, c);
      if (have_a && have_b && have_c) {
        const double turn = glm::degrees(std::acos(std::min(1.0f, glm::dot(glm::normalize(a + c), b))));
        r.mean += turn;
        ++count;
        if (turn > r.worst) {
          r.worst = turn;
          r.worst_y = y;
          r.worst_angle = angle;
        }
      }
      a = b, have_a = have_b;
      b = c, have_b = have_c;
    }
  }
  if (count) r.mean /= count;
  return r;
}

TEST(AtlasBoneField, TibialMetaphysesFlareIntoTheShaftWithoutRipples) {
  // Before the metaphyses were measured across their slope, their normals
  // turned back and forth with the spacing of their paths' segments: on
  // average 0.83 degrees, at worst 7.0, from 0.090 to 0.120 m; 0.84 and 6.7
  // from 0.350 to 0.400 m. Now 0.27 and 2.0, 0.33 and 3.05 (the worst where
  // the lateral condyle's bulge blends in; the shaft between: under 0.03).
  const atlas::Field& f = tibia_field();
  for (auto [y0, y1, axis] :
       {std::tuple{0.090f, 0.120f, glm::vec2(-0.056f, 0.077f)}, std::tuple{0.350f, 0.400f, glm::vec2(-0.050f, 0.080f)}}) {
    const Roughness r = roughness(f, axis, y0, y1);
    std::printf("tibia %.3f-%.3f m: normals turn %.2f degrees on average, at worst %.2f (y %.4f, angle %.2f)\n", y0, y1, r.mean,
                r.worst, r.worst_y, r.worst_angle);
    EXPECT_LT(r.mean, 0.4) << y0 << "-" << y1 << " m";
    EXPECT_LT(r.worst, 3.5) << y0 << "-" << y1 << " m";
  }
}

TEST(AtlasBoneField, TibialPlafondHasNoSteps) {
  // Over the tibia's lower end, within 3 mm of its surface, the field changes
  // by no more than 1.5 times the step it is moved by (a distance changes by
  // at most the step). The lower metaphysis's end was measured by its
  // sections alone and the field jumped by up to 5 mm where it crossed the
  // end's plane, at the front of the plafond, and the cut of the talus's
  // room left a step 1 mm outside its rim (subtract skipped the cutter
  // inside its box): 1113 such places in this box before, meshed as a
  // staircase.
  const atlas::Field& f = tibia_field();
  constexpr float h = 0.0002f;
  int steps = 0;
  std::string first;
  for (float x = -0.070f; x < -0.040f; x += 0.0005f)
    for (float y = 0.064f; y < 0.080f; y += 0.0005f)
      for (float z = 0.058f; z < 0.094f; z += 0.0005f) {
        const glm::vec3 p(x, y, z);
        const float v = f(p);
        if (std::abs(v) > 0.003f) continue;
        for (int axis = 0; axis < 3; ++axis) {
          glm::vec3 q = p;
          q[axis] += h;
          if (std::abs(f(q) - v) <= 1.5f * h) continue;
          if (steps++ == 0)
            first = "(" + std::to_string(x) + ", " + std::to_string(y) + ", " + std::to_string(z) + ") along axis " +
                    std::to_string(axis);
        }
      }
  EXPECT_EQ(steps, 0) << "the field steps, first at " << first;
}

} // namespace
} // namespace crus::test
