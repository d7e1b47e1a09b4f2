#include "core/geometry/camera.hpp"

#include <gtest/gtest.h>
#include <glm/geometric.hpp>

using namespace crus;

namespace {
const Aabb kLeg{{-0.15f, 0.0f, 0.03f}, {0.15f, 0.6f, 0.13f}};

TEST(Camera, PresetViewsLookFromTheRightSide) {
  OrbitCamera cam;
  struct Case {
    AnatomicalView view;
    glm::vec3 eye_direction;
  };
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

namespace {

// Where each corner of `box` lands on screen (normalised device coordinates).
std::vector<glm::vec2> corners_on_screen(const OrbitCamera& cam, const Aabb& box, float aspect) {
  glm::mat4 vp = cam.projection(aspect) * cam.view();
  std::vector<glm::vec2> out;
  for (int i = 0; i < 8; ++i) {
    glm::vec3 corner{i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z};
    glm::vec4 clip = vp * glm::vec4(corner, 1.0f);
    out.push_back(glm::vec2(clip) / clip.w);
  }
  return out;
}

TEST(Camera, FramingKeepsAMarginInsideTheFreePartOfTheScreen) {
  // A tall structure (a leg muscle) framed from an oblique direction in a
  // wide window whose top and bottom bars and left panel cover the view.
  const Aabb muscle{{-0.09f, 0.12f, 0.02f}, {-0.03f, 0.45f, 0.08f}};
  const float aspect = 1600.0f / 1000.0f;
  const glm::vec2 free_min(-0.4f, -0.94f), free_max(1.0f, 0.95f);
  const float margin = 0.08f;
  for (float yaw : {0.0f, 0.7f, 2.5f, -1.2f})
    for (float pitch : {0.0f, 0.4f, -0.6f}) {
      OrbitCamera cam;
      cam.set_pose({glm::vec3(0.3f), 2.0f, yaw, pitch});
      cam.set_pose(cam.framing_pose(muscle, aspect, free_min, free_max, margin));
      EXPECT_NEAR(cam.pose().yaw, yaw, 1e-5f); // the direction is kept
      glm::vec2 lo(1e9f), hi(-1e9f);
      for (glm::vec2 p : corners_on_screen(cam, muscle, aspect)) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
      }
      const glm::vec2 gap = (free_max - free_min) * margin;
      EXPECT_GE(lo.x, free_min.x + gap.x - 1e-3f) << yaw << " " << pitch;
      EXPECT_GE(lo.y, free_min.y + gap.y - 1e-3f) << yaw << " " << pitch;
      EXPECT_LE(hi.x, free_max.x - gap.x + 1e-3f) << yaw << " " << pitch;
      EXPECT_LE(hi.y, free_max.y - gap.y + 1e-3f) << yaw << " " << pitch;
      // And it is not lost in the middle: the tighter side is filled.
      glm::vec2 used = (hi - lo) / (free_max - free_min - 2.0f * gap);
      EXPECT_GT(std::max(used.x, used.y), 0.9f) << yaw << " " << pitch;
    }
}

TEST(Camera, FrameUsesTheWholeScreenWithAMargin) {
  OrbitCamera cam;
  cam.set_pose(cam.pose_for(AnatomicalView::anterior, kLeg));
  cam.frame(kLeg, 1.0f);
  cam.update(10.0f);
  for (glm::vec2 p : corners_on_screen(cam, kLeg, 1.0f)) {
    EXPECT_LE(std::abs(p.x), 0.93f);
    EXPECT_LE(std::abs(p.y), 0.93f); // not clipped at the top or bottom
  }
}

} // namespace

namespace {

TEST(Camera, MirroringKeepsTheLegWhereItWasOnScreen) {
  // A leg centred in an oblique view; mirrored, the left leg's centre lands
  // on the same pixel, seen from the mirrored direction.
  OrbitCamera cam;
  cam.set_pose(cam.pose_for(AnatomicalView::anterior, kLeg, false, 1.5f));
  cam.orbit({60.0f, 20.0f});
  glm::vec4 before = cam.projection(1.5f) * cam.view() * glm::vec4(kLeg.centre(), 1.0f);
  cam.set_pose(mirrored_pose(cam.pose()));
  glm::vec3 left_centre = kLeg.centre() * glm::vec3(1, 1, -1);
  glm::vec4 after = cam.projection(1.5f) * cam.view() * glm::vec4(left_centre, 1.0f);
  EXPECT_NEAR(after.x / after.w, before.x / before.w, 1e-4f);
  EXPECT_NEAR(after.y / after.w, before.y / before.w, 1e-4f);
  // The lateral side still faces the viewer: the eye is on the other side of z = 0.
  EXPECT_LT(cam.eye().z * cam.pose().target.z, 1.0f);
  EXPECT_NEAR(cam.pose().target.z, -kLeg.centre().z, 1e-6f);
}

} // namespace
