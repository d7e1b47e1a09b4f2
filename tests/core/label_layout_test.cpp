#include "core/geometry/label_layout.hpp"

#include <gtest/gtest.h>
#include <random>

using namespace crus;

namespace {
bool overlap(const LabelPlacement& a, glm::vec2 sa, const LabelPlacement& b, glm::vec2 sb) {
  return a.top_left.x < b.top_left.x + sb.x && b.top_left.x < a.top_left.x + sa.x && a.top_left.y < b.top_left.y + sb.y &&
         b.top_left.y < a.top_left.y + sa.y;
}

TEST(LabelLayout, LabelsNeverOverlapAndStayOnScreen) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> x(300, 500), y(0, 800);
  glm::vec2 screen{800, 800};
  for (int round = 0; round < 20; ++round) {
    std::vector<LabelRequest> req;
    for (int i = 0; i < 12; ++i) req.push_back({{x(rng), y(rng)}, {160, 24}, i});
    auto placed = layout_labels(req, screen, {300, 50}, {500, 750}, 8.0f, 20.0f, 30.0f);
    for (std::size_t i = 0; i < req.size(); ++i) {
      if (!placed[i].visible) continue;
      EXPECT_GE(placed[i].top_left.x, 0.0f);
      EXPECT_LE(placed[i].top_left.x + req[i].size.x, screen.x);
      EXPECT_GE(placed[i].top_left.y, 20.0f);
      EXPECT_LE(placed[i].top_left.y + req[i].size.y, screen.y - 30.0f);
      for (std::size_t j = i + 1; j < req.size(); ++j)
        if (placed[j].visible) {
          EXPECT_FALSE(overlap(placed[i], req[i].size, placed[j], req[j].size)) << i << " " << j;
        }
    }
  }
}

TEST(LabelLayout, LabelsSitBesideTheModelOnTheSideOfTheirAnchor) {
  std::vector<LabelRequest> req = {{{350, 400}, {100, 20}, 1}, {{450, 300}, {100, 20}, 1}};
  auto placed = layout_labels(req, {800, 800}, {300, 100}, {500, 700});
  ASSERT_TRUE(placed[0].visible && placed[1].visible);
  EXPECT_LE(placed[0].top_left.x + 100, 300);        // left of the model
  EXPECT_GE(placed[1].top_left.x, 500);              // right of it
  EXPECT_NEAR(placed[0].top_left.y + 10, 400, 1.0f); // level with its anchor when free
}

TEST(LabelLayout, WhenSpaceRunsOutTheLeastImportantAreDropped) {
  std::vector<LabelRequest> req;
  for (int i = 0; i < 10; ++i) req.push_back({{100, 50}, {80, 40}, i});
  auto placed = layout_labels(req, {800, 200}, {300, 0}, {500, 200});
  int shown = 0;
  for (auto& p : placed) shown += p.visible;
  EXPECT_LT(shown, 10);
  EXPECT_TRUE(placed[9].visible); // highest priority kept
  EXPECT_FALSE(placed[0].visible);
}
} // namespace
