#include "core/camera.hpp"

#include <gtest/gtest.h>
#include <glm/geometric.hpp>

using namespace crus;

namespace {
const Aabb kLeg{{-0.15f, 0.0f, 0.03f}, {0.15f, 0.6f, 0.13f}};

TEST(Camera, PresetViewsLookFromTheRightSide) {
  OrbitCamera cam;
  struct Case { AnatomicalView view; glm::vec3 eye_direction; };
  // Right leg: lateral is +Z, medial -Z.
  const Case cases[] = {{AnatomicalView::anterior, {1, 0, 0}}, {AnatomicalView::posterior, {-1, 0, 0}},
                        {AnatomicalView::lateral, {0, 0, 1}},  {AnatomicalView::medial, {0, 0, -1}},
                        {AnatomicalView::superior, {0, 1, 0}}, {AnatomicalView::inferior, {0, -1, 0}}};
  for (const auto& c : cases) {
    cam.set_pose(cam.pose_for(c.view, kLeg));
    glm::vec3 dir = glm::normalize(cam.eye() - kLeg.centre());
    EXPECT_GT(glm::dot(dir, c.eye_direction), 0.99f) << to_string(c.view);
  }
}

TEST(Camera, MirroredLegSwapsMedialAndLateral) {
  OrbitCamera cam;
  cam.set_pose(cam.pose_for(AnatomicalView::lateral, kLeg, /*left_side=*/true));
  EXPECT_LT(cam.eye().z, kLeg.centre().z - 0.1f);
}

TEST(Camera, FitsTheWholeBoxInView) {
  OrbitCamera cam;
  cam.set_pose(cam.pose_for(AnatomicalView::anterior, kLeg));
  glm::mat4 vp = cam.projection(1.0f) * cam.view();
  for (int i = 0; i < 8; ++i) {
    glm::vec3 corner{i & 1 ? kLeg.max.x : kLeg.min.x, i & 2 ? kLeg.max.y : kLeg.min.y, i & 4 ? kLeg.max.z : kLeg.min.z};
    glm::vec4 clip = vp * glm::vec4(corner, 1.0f);
    EXPECT_LE(std::abs(clip.x / clip.w), 1.0f);
    EXPECT_LE(std::abs(clip.y / clip.w), 1.0f);
  }
}

TEST(Camera, TransitionsAreSmoothAndEndOnTheTarget) {
  OrbitCamera cam;
  cam.set_pose(cam.pose_for(AnatomicalView::anterior, kLeg));
  CameraPose to = cam.pose_for(AnatomicalView::posterior, kLeg);
  cam.animate_to(to, 0.5f);
  EXPECT_TRUE(cam.animating());
  float last_yaw = cam.pose().yaw;
  for (int i = 0; i < 10; ++i) {
    cam.update(0.05f);
    EXPECT_GE(std::abs(cam.pose().yaw), std::abs(last_yaw) - 1e-5f); // monotonic
    last_yaw = cam.pose().yaw;
  }
  EXPECT_FALSE(cam.animating());
  EXPECT_NEAR(std::cos(cam.pose().yaw), std::cos(to.yaw), 1e-4f);
}

TEST(Camera, ZoomKeepsThePointUnderTheCursor) {
  OrbitCamera cam;
  cam.set_pose(cam.pose_for(AnatomicalView::anterior, kLeg));
  glm::vec2 viewport{800, 600};
  glm::vec2 cursor{600, 150};
  auto world_under = [&](const OrbitCamera& c) {
    // The point on the plane through the target, facing the camera.
    glm::mat4 inv = glm::inverse(c.projection(viewport.x / viewport.y) * c.view());
    glm::vec2 ndc{cursor.x / viewport.x * 2 - 1, 1 - cursor.y / viewport.y * 2};
    glm::vec4 a = inv * glm::vec4(ndc, -1, 1), b = inv * glm::vec4(ndc, 1, 1);
    glm::vec3 p0 = glm::vec3(a) / a.w, p1 = glm::vec3(b) / b.w;
    glm::vec3 n = c.forward();
    float t = glm::dot(c.pose().target - p0, n) / glm::dot(p1 - p0, n);
    return p0 + (p1 - p0) * t;
  };
  glm::vec3 before = world_under(cam);
  float d0 = cam.pose().distance;
  cam.zoom_at(2.0f, cursor, viewport);
  EXPECT_LT(cam.pose().distance, d0);
  glm::vec3 after = world_under(cam);
  EXPECT_LT(glm::length(after - before), 0.002f);
}

TEST(Camera, OrbitClampsPitchAndPanMovesTheTarget) {
  OrbitCamera cam;
  cam.set_pose(cam.pose_for(AnatomicalView::anterior, kLeg));
  cam.orbit({0.0f, 100000.0f});
  EXPECT_LT(cam.pose().pitch, 1.5708f);
  glm::vec3 t0 = cam.pose().target;
  cam.pan({100.0f, 0.0f}, {800, 600});
  EXPECT_GT(glm::length(cam.pose().target - t0), 0.001f);
}

TEST(Camera, ParsesViewNames) {
  EXPECT_EQ(parse_view("posterior"), AnatomicalView::posterior);
  EXPECT_FALSE(parse_view("backwards").has_value());
}
} // namespace
