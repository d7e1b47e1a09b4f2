#include "core/geometry/picking.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <cmath>
#include <limits>
#include <random>

namespace crus {
namespace {

// An axis-aligned box, 24 vertices with flat normals, outward winding.
Mesh make_box(glm::vec3 centre, glm::vec3 half) {
  Mesh mesh;
  for (int axis = 0; axis < 3; ++axis) {
    for (int side = 0; side < 2; ++side) {
      const float sign = side == 0 ? -1.0f : 1.0f;
      glm::vec3 n(0.0f);
      n[axis] = sign;
      const int u_axis = (axis + 1) % 3;
      const int v_axis = (axis + 2) % 3;
      glm::vec3 u(0.0f);
      glm::vec3 v(0.0f);
      u[u_axis] = half[u_axis];
      v[v_axis] = half[v_axis];
      const glm::vec3 c = centre + n * half[axis];
      const auto base = static_cast<std::uint32_t>(mesh.positions.size());
      for (const glm::vec2 corner : {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)}) {
        mesh.positions.push_back(c + corner.x * u + corner.y * v);
        mesh.normals.push_back(n);
      }
      // u x v points along +axis, so flip the winding on the minus side.
      if (sign > 0) mesh.indices.insert(mesh.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
      else mesh.indices.insert(mesh.indices.end(), {base, base + 2, base + 1, base, base + 3, base + 2});
    }
  }
  return mesh;
}

// A UV sphere with normals pointing outward.
Mesh make_sphere(glm::vec3 centre, float radius, int stacks, int slices) {
  Mesh mesh;
  const float pi = 3.14159265358979f;
  for (int i = 0; i <= stacks; ++i) {
    const float theta = pi * static_cast<float>(i) / static_cast<float>(stacks);
    for (int j = 0; j <= slices; ++j) {
      const float phi = 2.0f * pi * static_cast<float>(j) / static_cast<float>(slices);
      const glm::vec3 n(std::sin(theta) * std::cos(phi), std::cos(theta), std::sin(theta) * std::sin(phi));
      mesh.positions.push_back(centre + radius * n);
      mesh.normals.push_back(n);
    }
  }
  const auto row = static_cast<std::uint32_t>(slices + 1);
  for (int i = 0; i < stacks; ++i) {
    for (int j = 0; j < slices; ++j) {
      const std::uint32_t a = static_cast<std::uint32_t>(i) * row + static_cast<std::uint32_t>(j);
      const std::uint32_t b = a + row;
      if (i != 0) mesh.indices.insert(mesh.indices.end(), {a, a + 1, b});
      if (i != stacks - 1) mesh.indices.insert(mesh.indices.end(), {a + 1, b + 1, b});
    }
  }
  return mesh;
}

PickIndex make_index(const std::vector<Mesh>& meshes) {
  std::vector<const Mesh*> pointers;
  for (const Mesh& m : meshes) pointers.push_back(&m);
  PickIndex index;
  index.build(pointers);
  return index;
}

// Every triangle tested, for comparison.
std::optional<std::pair<int, float>> brute_force_pick(const std::vector<Mesh>& meshes, const Ray& ray) {
  std::optional<std::pair<int, float>> best;
  const glm::vec3 dir = glm::normalize(ray.direction);
  for (std::size_t m = 0; m < meshes.size(); ++m) {
    const Mesh& mesh = meshes[m];
    for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
      const glm::dvec3 a = mesh.positions[mesh.indices[3 * t]];
      const glm::dvec3 b = mesh.positions[mesh.indices[3 * t + 1]];
      const glm::dvec3 c = mesh.positions[mesh.indices[3 * t + 2]];
      const glm::dvec3 o = ray.origin;
      const glm::dvec3 d = dir;
      const glm::dvec3 e1 = b - a;
      const glm::dvec3 e2 = c - a;
      const glm::dvec3 p = glm::cross(d, e2);
      const double det = glm::dot(e1, p);
      if (det == 0.0) continue;
      const glm::dvec3 s = o - a;
      const double u = glm::dot(s, p) / det;
      const glm::dvec3 q = glm::cross(s, e1);
      const double v = glm::dot(d, q) / det;
      const double dist = glm::dot(e2, q) / det;
      if (u < 0 || v < 0 || u + v > 1 || dist <= 0) continue;
      if (!best || dist < best->second) best = std::make_pair(static_cast<int>(m), static_cast<float>(dist));
    }
  }
  return best;
}

float brute_force_distance(const Mesh& mesh, glm::vec3 p) {
  // Dense sampling of each triangle is too slow; use the exact formula via
  // projection onto the plane and the edges instead.
  float best = std::numeric_limits<float>::infinity();
  auto segment = [&](glm::vec3 a, glm::vec3 b) {
    const glm::vec3 ab = b - a;
    const float t = glm::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
    return glm::length(a + t * ab - p);
  };
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    const glm::vec3 a = mesh.positions[mesh.indices[3 * t]];
    const glm::vec3 b = mesh.positions[mesh.indices[3 * t + 1]];
    const glm::vec3 c = mesh.positions[mesh.indices[3 * t + 2]];
    const glm::vec3 n = glm::normalize(glm::cross(b - a, c - a));
    const glm::vec3 q = p - glm::dot(p - a, n) * n;
    const bool inside = glm::dot(glm::cross(b - a, q - a), n) >= 0 && glm::dot(glm::cross(c - b, q - b), n) >= 0 &&
                        glm::dot(glm::cross(a - c, q - c), n) >= 0;
    float d = inside ? std::abs(glm::dot(p - a, n)) : std::min({segment(a, b), segment(b, c), segment(c, a)});
    best = std::min(best, d);
  }
  return best;
}

// Two unit boxes on the -Z axis, the first in front of the second, and a
// third off to the side; the camera ray runs from z = 10 towards -Z.
class TwoBoxes : public ::testing::Test {
protected:
  void SetUp() override {
    meshes_ = {make_box({0, 0, 0}, {1, 1, 1}), make_box({0, 0, -5}, {1, 1, 1}), make_box({5, 0, 0}, {1, 1, 1})};
    index_ = make_index(meshes_);
  }
  const Ray ray_{{0.2f, 0.1f, 10.0f}, {0.0f, 0.0f, -1.0f}};
  std::vector<Mesh> meshes_;
  PickIndex index_;
};

TEST_F(TwoBoxes, NearestPickableHitWins) {
  const auto hit = index_.pick(ray_, {pick_opaque, pick_opaque, pick_opaque});
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->mesh, 0);
  EXPECT_NEAR(hit->distance, 9.0f, 1e-5f);
  EXPECT_NEAR(hit->point.z, 1.0f, 1e-5f);
  EXPECT_NEAR(hit->point.x, 0.2f, 1e-5f);
  EXPECT_NEAR(hit->normal.z, 1.0f, 1e-5f);
  // The triangle index points at a +Z face triangle of mesh 0.
  ASSERT_GE(hit->triangle, 0);
  const Mesh& box = meshes_[0];
  for (int k = 0; k < 3; ++k)
    EXPECT_FLOAT_EQ(box.positions[box.indices[3 * static_cast<std::size_t>(hit->triangle) + k]].z, 1.0f);
}

TEST_F(TwoBoxes, HiddenMeshesAreSkipped) {
  const auto hit = index_.pick(ray_, {pick_hidden, pick_opaque, pick_opaque});
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->mesh, 1);
  EXPECT_NEAR(hit->distance, 14.0f, 1e-5f);
  EXPECT_FALSE(index_.pick(ray_, {pick_hidden, pick_hidden, pick_opaque}));
  // Meshes past the end of the flags count as hidden.
  EXPECT_EQ(index_.pick(ray_, {pick_hidden, pick_opaque})->mesh, 1);
  EXPECT_FALSE(index_.pick(ray_, {}));
}

TEST_F(TwoBoxes, ClickPassesThroughGhostedToOpaqueBehind) {
  const auto through = index_.pick(ray_, {pick_ghosted, pick_opaque, pick_opaque});
  ASSERT_TRUE(through);
  EXPECT_EQ(through->mesh, 1);
  // Opaque in front of a ghosted one: the opaque one.
  EXPECT_EQ(index_.pick(ray_, {pick_opaque, pick_ghosted, pick_opaque})->mesh, 0);
  // Only ghosted ones under the ray: the nearest ghosted one.
  EXPECT_EQ(index_.pick(ray_, {pick_ghosted, pick_ghosted, pick_opaque})->mesh, 0);
  EXPECT_EQ(index_.pick(ray_, {pick_hidden, pick_ghosted, pick_opaque})->mesh, 1);
  EXPECT_NEAR(index_.pick(ray_, {pick_ghosted, pick_hidden, pick_opaque})->distance, 9.0f, 1e-5f);
}

TEST_F(TwoBoxes, PickAllIgnoresFlagsAndHitsAlongListsEachMesh) {
  EXPECT_EQ(index_.pick_all(ray_)->mesh, 0);
  const auto hits = index_.hits_along(ray_, {pick_opaque, pick_ghosted, pick_opaque});
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].mesh, 0);
  EXPECT_EQ(hits[1].mesh, 1);
  EXPECT_LT(hits[0].distance, hits[1].distance);
  EXPECT_EQ(index_.hits_along(ray_, {pick_hidden, pick_ghosted, pick_opaque}).size(), 1u);
}

TEST_F(TwoBoxes, MissesReturnNothing) {
  const std::vector<std::uint8_t> all{pick_opaque, pick_opaque, pick_opaque};
  EXPECT_FALSE(index_.pick({{0.2f, 0.1f, 10.0f}, {0.0f, 0.0f, 1.0f}}, all));  // pointing away
  EXPECT_FALSE(index_.pick({{2.5f, 0.0f, 10.0f}, {0.0f, 0.0f, -1.0f}}, all)); // between boxes
  EXPECT_FALSE(index_.pick({{0.0f, 3.0f, 10.0f}, {0.0f, 0.0f, -1.0f}}, all)); // above
  EXPECT_FALSE(index_.pick({{0.0f, 0.0f, 10.0f}, {0.0f, 0.0f, 0.0f}}, all));  // no direction
  EXPECT_FALSE(PickIndex{}.pick(ray_, all));
}

TEST_F(TwoBoxes, RayFromInsideHitsTheBackFace) {
  const auto hit = index_.pick({{0.0f, 0.0f, 0.0f}, {0.0f, 0.0f, -2.0f}}, {pick_opaque, pick_opaque, pick_opaque});
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->mesh, 0);
  EXPECT_NEAR(hit->distance, 1.0f, 1e-5f); // direction need not be unit length
  EXPECT_NEAR(hit->normal.z, -1.0f, 1e-5f);
}

TEST(RayFromScreen, CentrePixelGoesAlongTheViewDirection) {
  const glm::vec3 eye(0.3f, 0.5f, 1.2f);
  const glm::vec3 target(-0.06f, 0.25f, 0.07f);
  const glm::mat4 view = glm::lookAt(eye, target, glm::vec3(0, 1, 0));
  const glm::mat4 projection = glm::perspective(glm::radians(40.0f), 1.5f, 0.05f, 20.0f);
  const Ray ray = ray_from_screen({600.0f, 400.0f}, {1200.0f, 800.0f}, view, projection);
  const glm::vec3 forward = glm::normalize(target - eye);
  EXPECT_NEAR(glm::dot(ray.direction, forward), 1.0f, 1e-5f);
  EXPECT_NEAR(glm::length(ray.direction), 1.0f, 1e-5f);
  // It starts on the near plane.
  EXPECT_NEAR(glm::distance(ray.origin, eye + 0.05f * forward), 0.0f, 1e-5f);

  // The top-left pixel looks up and to the left.
  const Ray corner = ray_from_screen({0.0f, 0.0f}, {1200.0f, 800.0f}, view, projection);
  const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0, 1, 0)));
  const glm::vec3 up = glm::cross(right, forward);
  EXPECT_LT(glm::dot(corner.direction, right), 0.0f);
  EXPECT_GT(glm::dot(corner.direction, up), 0.0f);
  // At the vertical half-angle of the field of view.
  const float vertical = std::atan2(glm::dot(corner.direction, up), glm::dot(corner.direction, forward));
  EXPECT_NEAR(vertical, glm::radians(20.0f), 1e-4f);
}

TEST(RayFromScreen, InfinitePerspectiveAndOrthographic) {
  const glm::mat4 view = glm::lookAt(glm::vec3(0, 0, 3), glm::vec3(0, 0, 0), glm::vec3(0, 1, 0));
  const Ray infinite =
      ray_from_screen({50.0f, 50.0f}, {100.0f, 100.0f}, view, glm::infinitePerspective(glm::radians(60.0f), 1.0f, 0.1f));
  EXPECT_NEAR(infinite.direction.z, -1.0f, 1e-5f);
  EXPECT_TRUE(std::isfinite(infinite.origin.x) && std::isfinite(infinite.origin.z));

  const glm::mat4 ortho = glm::ortho(-1.0f, 1.0f, -1.0f, 1.0f, 0.1f, 10.0f);
  const Ray corner = ray_from_screen({0.0f, 100.0f}, {100.0f, 100.0f}, view, ortho);
  EXPECT_NEAR(corner.direction.z, -1.0f, 1e-5f);
  EXPECT_NEAR(corner.origin.x, -1.0f, 1e-5f); // bottom-left corner of the view volume
  EXPECT_NEAR(corner.origin.y, -1.0f, 1e-5f);
}

TEST(Picking, ScreenRayPicksTheObjectUnderTheCursor) {
  const std::vector<Mesh> meshes{make_sphere({0, 0, 0}, 0.5f, 24, 48), make_sphere({1.5f, 0, 0}, 0.5f, 24, 48)};
  const PickIndex index = make_index(meshes);
  const glm::mat4 view = glm::lookAt(glm::vec3(0.75f, 0, 5), glm::vec3(0.75f, 0, 0), glm::vec3(0, 1, 0));
  const glm::mat4 projection = glm::perspective(glm::radians(45.0f), 1.0f, 0.1f, 100.0f);
  const std::vector<std::uint8_t> all{pick_opaque, pick_opaque};
  // Project each centre to a pixel and click there.
  for (int m = 0; m < 2; ++m) {
    const glm::vec4 clip = projection * view * glm::vec4(m == 0 ? 0.0f : 1.5f, 0, 0, 1);
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    const glm::vec2 pixel((ndc.x + 1.0f) * 0.5f * 400.0f, (1.0f - ndc.y) * 0.5f * 400.0f);
    const auto hit = index.pick(ray_from_screen(pixel, {400.0f, 400.0f}, view, projection), all);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->mesh, m);
  }
  EXPECT_FALSE(index.pick(ray_from_screen({5.0f, 5.0f}, {400.0f, 400.0f}, view, projection), all));
}

TEST(Picking, MatchesBruteForceOnRandomRays) {
  std::vector<Mesh> meshes;
  std::vector<glm::vec3> centres;
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
  for (int m = 0; m < 6; ++m) {
    centres.emplace_back(unit(rng), unit(rng), unit(rng));
    meshes.push_back(make_sphere(centres.back(), 0.3f + 0.2f * std::abs(unit(rng)), 12 + m, 20 + m));
  }
  const PickIndex index = make_index(meshes);
  const std::vector<std::uint8_t> all(meshes.size(), pick_opaque);
  int hits = 0;
  for (int i = 0; i < 400; ++i) {
    const glm::vec3 origin = 4.0f * glm::normalize(glm::vec3(unit(rng), unit(rng), unit(rng)));
    const glm::vec3 aim(0.8f * unit(rng), 0.8f * unit(rng), 0.8f * unit(rng));
    const Ray ray{origin, aim - origin};
    const auto expected = brute_force_pick(meshes, ray);
    const auto actual = index.pick(ray, all);
    ASSERT_EQ(expected.has_value(), actual.has_value()) << "ray " << i;
    if (!expected) continue;
    ++hits;
    EXPECT_NEAR(actual->distance, expected->second, 1e-4f) << "ray " << i;
    EXPECT_EQ(actual->mesh, expected->first) << "ray " << i;
    // The interpolated normal of a sphere points away from its centre.
    const glm::vec3 centre = centres[static_cast<std::size_t>(actual->mesh)];
    EXPECT_GT(glm::dot(actual->normal, glm::normalize(actual->point - centre)), 0.95f);
  }
  EXPECT_GT(hits, 100); // the test exercised hits, not only misses
}

TEST(NearestPoint, SnapsToTheClosestSurfacePoint) {
  const std::vector<Mesh> meshes{make_box({0, 0, 0}, {1, 1, 1}), make_box({0, 0, -5}, {1, 1, 1})};
  const PickIndex index = make_index(meshes);
  const auto above = index.nearest_point({0.3f, 3.0f, -0.2f}, 0);
  ASSERT_TRUE(above);
  EXPECT_EQ(above->mesh, 0);
  EXPECT_NEAR(above->distance, 2.0f, 1e-5f);
  EXPECT_NEAR(glm::distance(above->point, glm::vec3(0.3f, 1.0f, -0.2f)), 0.0f, 1e-5f);
  EXPECT_NEAR(above->normal.y, 1.0f, 1e-5f);

  // Off a corner: the corner.
  const auto corner = index.nearest_point({2.0f, 2.0f, 2.0f}, 0);
  ASSERT_TRUE(corner);
  EXPECT_NEAR(glm::distance(corner->point, glm::vec3(1.0f)), 0.0f, 1e-5f);
  EXPECT_NEAR(corner->distance, std::sqrt(3.0f), 1e-5f);

  // From inside: the nearest face.
  const auto inside = index.nearest_point({0.1f, 0.0f, 0.7f}, 0);
  ASSERT_TRUE(inside);
  EXPECT_NEAR(inside->distance, 0.3f, 1e-5f);
  EXPECT_NEAR(inside->point.z, 1.0f, 1e-5f);

  // The query is about the given mesh only, whatever is nearer.
  const auto other = index.nearest_point({0.0f, 0.0f, 0.5f}, 1);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->mesh, 1);
  EXPECT_NEAR(other->point.z, -4.0f, 1e-5f);

  EXPECT_FALSE(index.nearest_point({0.3f, 3.0f, -0.2f}, 0, 1.5f));
  EXPECT_TRUE(index.nearest_point({0.3f, 3.0f, -0.2f}, 0, 2.5f));
  EXPECT_FALSE(index.nearest_point({0.0f, 0.0f, 0.0f}, 2));
  EXPECT_FALSE(index.nearest_point({0.0f, 0.0f, 0.0f}, -1));
}

TEST(NearestPoint, MatchesBruteForceOnASphere) {
  const std::vector<Mesh> meshes{make_sphere({0.1f, 0.2f, 0.3f}, 0.4f, 16, 32)};
  const PickIndex index = make_index(meshes);
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
  for (int i = 0; i < 200; ++i) {
    const glm::vec3 p(unit(rng), unit(rng), unit(rng));
    const auto hit = index.nearest_point(p, 0);
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->distance, brute_force_distance(meshes[0], p), 1e-5f) << "point " << i;
    EXPECT_NEAR(glm::distance(hit->point, p), hit->distance, 1e-5f);
  }
}

TEST(PickIndex, BuildsEveryMeshAndRejectsBadIndices) {
  std::vector<Mesh> meshes{make_sphere({0, 0, 0}, 1.0f, 10, 20), Mesh{}, make_box({0, 0, 0}, {1, 1, 1})};
  const PickIndex index = make_index(meshes);
  EXPECT_EQ(index.mesh_count(), 3u);
  EXPECT_EQ(index.triangle_count(), meshes[0].triangle_count() + 12u);
  EXPECT_NEAR(index.mesh_bounds(2).max.x, 1.0f, 1e-6f);
  EXPECT_FALSE(index.mesh_bounds(1).valid());

  Mesh broken = make_box({0, 0, 0}, {1, 1, 1});
  broken.indices[5] = 99;
  PickIndex bad;
  EXPECT_THROW(bad.build({&broken}), InputError);
  Mesh not_finite = make_box({0, 0, 0}, {1, 1, 1});
  not_finite.positions[2].y = std::numeric_limits<float>::quiet_NaN();
  EXPECT_THROW(bad.build({&not_finite}), InputError);
}

} // namespace
} // namespace crus
