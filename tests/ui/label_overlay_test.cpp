// Labels of the 3D view keep to the band between the side panels, so that no
// label is drawn under the structure browser or the info panel.
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/label_overlay.hpp"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h> // ImGui::FindWindowByName

using namespace crus;

namespace {

class LabelOverlay : public ::testing::Test {
protected:
  void SetUp() override {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1600, 1000);
    io.DeltaTime = 1.0f / 60.0f;
    host_.begin_frame(); // fonts ready for text sizes
  }
  void TearDown() override { host_.end_frame(); }

  platform::HeadlessContext context_;
  ui::ImGuiHost host_{nullptr, 1.0f, ""};
};

// A leg-shaped box in the middle of a 1600 x 1000 view, with labels for points
// along both of its sides.
ui::LabelView leg_view() {
  ui::LabelView view;
  view.screen = {1600, 1000};
  const glm::mat4 projection = glm::ortho(-0.5f, 0.5f, -0.3125f, 0.3125f, -1.0f, 1.0f);
  view.view_projection = projection * glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, -0.25f, 0.0f));
  return view;
}

std::vector<LabelAnchor> side_labels() {
  std::vector<LabelAnchor> labels;
  for (int i = 0; i < 6; ++i) {
    const float y = 0.05f + 0.08f * float(i);
    labels.push_back({"Insertion: medial cuneiform " + std::to_string(i), {i % 2 ? 0.18f : -0.18f, y, 0.0f}, glm::vec3(1.0f)});
  }
  return labels;
}

const Aabb kLeg{{-0.2f, 0.0f, -0.05f}, {0.2f, 0.5f, 0.05f}}; // a wide model: label columns beside it would reach under the panels

TEST_F(LabelOverlay, LabelsStayBetweenTheSidePanels) {
  ui::LabelView view = leg_view();
  // Structure browser on the left (0-380), info panel on the right (1160-1600).
  ui::fit_between_panels(view, {{{10, 40}, {380, 900}}, {{1160, 40}, {1590, 900}}});
  EXPECT_FLOAT_EQ(view.left, 380.0f);
  EXPECT_FLOAT_EQ(view.right, 1160.0f);
  const auto placed = ui::place_labels(side_labels(), view, kLeg);
  ASSERT_EQ(placed.size(), 6u);
  for (const auto& p : placed) {
    EXPECT_GE(p.top_left.x, 380.0f) << p.index;
    EXPECT_LE(p.bottom_right.x, 1160.0f) << p.index;
  }
  // Without panels the same labels spread wider: the band is what held them in.
  ui::LabelView open = leg_view();
  const auto wide = ui::place_labels(side_labels(), open, kLeg);
  float min_x = 1e9f, max_x = -1e9f;
  for (const auto& p : wide) {
    min_x = std::min(min_x, p.top_left.x);
    max_x = std::max(max_x, p.bottom_right.x);
  }
  EXPECT_TRUE(min_x < 380.0f || max_x > 1160.0f);
}

TEST_F(LabelOverlay, LargeTextInASmallWindowKeepsItsLabelsBetweenThePanels) {
  // A 1000 x 700 window at text size 28: the structure browser (0-270) and
  // the info panel (680-950) leave a band of 410 pixels, under 20 lines'
  // height, over the model. Before, the labels fell back to the whole width
  // and were drawn under the panels, cut off.
  host_.end_frame();
  host_.set_font_size(28.0f);
  ImGui::GetIO().DisplaySize = ImVec2(1000, 700);
  host_.begin_frame();
  ui::LabelView view;
  view.screen = {1000, 700};
  view.view_projection =
      glm::ortho(-0.5f, 0.5f, -0.35f, 0.35f, -1.0f, 1.0f) * glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, -0.25f, 0.0f));
  ui::fit_between_panels(view, {{{0, 40}, {270, 600}}, {{680, 40}, {950, 600}}});
  EXPECT_FLOAT_EQ(view.left, 270.0f);
  EXPECT_FLOAT_EQ(view.right, 680.0f);
  std::vector<LabelAnchor> labels;
  const char* names[] = {"Origin: Tibia", "Origin: Fibula", "Tibial nerve", "Soleus", "Insertion: Calcaneus"};
  for (int i = 0; i < 5; ++i)
    labels.push_back({names[i], {i % 2 ? 0.06f : -0.06f, 0.05f + 0.1f * float(i), 0.0f}, glm::vec3(1.0f)});
  const auto placed = ui::place_labels(labels, view, Aabb{{-0.1f, 0.0f, -0.05f}, {0.1f, 0.5f, 0.05f}});
  EXPECT_EQ(placed.size(), 5u);
  for (const auto& p : placed) {
    EXPECT_GE(p.top_left.x, 270.0f) << names[p.index];
    EXPECT_LE(p.bottom_right.x, 680.0f) << names[p.index];
  }
  // Long labels at about the same height on both sides of the model: in a
  // band too narrow for two columns they share one and cover no other; one
  // wider than the band is left out, not drawn under a panel.
  std::vector<LabelAnchor> close;
  for (int i = 0; i < 6; ++i)
    close.push_back({"Insertion: medial cuneiform " + std::to_string(i),
                     {i % 2 ? 0.06f : -0.06f, 0.25f + 0.004f * float(i), 0.0f},
                     glm::vec3(1.0f)});
  close.push_back({"Insertion: the plantar surface of the base of the first metatarsal", {0.0f, 0.2f, 0.0f}, glm::vec3(1.0f)});
  const auto packed = ui::place_labels(close, view, Aabb{{-0.1f, 0.0f, -0.05f}, {0.1f, 0.5f, 0.05f}});
  EXPECT_EQ(packed.size(), 6u);
  for (std::size_t a = 0; a < packed.size(); ++a) {
    EXPECT_NE(packed[a].index, 6u) << "wider than the band";
    EXPECT_GE(packed[a].top_left.x, 270.0f) << a;
    EXPECT_LE(packed[a].bottom_right.x, 680.0f) << a;
    for (std::size_t b = a + 1; b < packed.size(); ++b) {
      const bool apart = packed[a].bottom_right.x <= packed[b].top_left.x || packed[b].bottom_right.x <= packed[a].top_left.x ||
                         packed[a].bottom_right.y <= packed[b].top_left.y || packed[b].bottom_right.y <= packed[a].top_left.y;
      EXPECT_TRUE(apart) << packed[a].index << " and " << packed[b].index;
    }
  }
}

TEST_F(LabelOverlay, PanelsOverTheMiddleOrCollapsedLeaveTheWholeWidth) {
  ui::LabelView view = leg_view();
  // A panel dragged over the middle leaves no usable band.
  ui::fit_between_panels(view, {{{300, 40}, {790, 900}}, {{810, 40}, {1300, 900}}});
  EXPECT_EQ(view.left, view.right);
  // No panels, or an empty rectangle: nothing is narrowed.
  ui::fit_between_panels(view, {{{500, 40}, {500, 40}}});
  EXPECT_FLOAT_EQ(view.left, 0.0f);
  EXPECT_FLOAT_EQ(view.right, 1600.0f);
  for (const auto& p : ui::place_labels(side_labels(), view, kLeg)) {
    EXPECT_GE(p.top_left.x, 0.0f);
    EXPECT_LE(p.bottom_right.x, 1600.0f);
  }
}

// The legend window in a band between panels narrower than its longest
// entry: with 30 px text in a 900 x 640 window, the band between the
// structure browser and the trigger-point panel was 225 px, and the legend,
// as wide as 'Essential zone' and its swatch, went under the panel ('Essential
// zon'). Its entries now break between words to fit the band: the window,
// as ImGui sizes it, lies inside the band, within the height reserved.
TEST_F(LabelOverlay, TheLegendBreaksItsEntriesToFitTheBandBetweenThePanels) {
  const std::vector<std::pair<glm::vec3, std::string>> legend{{{0.9f, 0.1f, 0.1f}, "Essential zone: where the pain is felt most"},
                                                              {{0.6f, 0.1f, 0.1f}, "Spillover zone"},
                                                              {{0.0f, 0.0f, 0.0f}, "X: trigger point"}};
  const float natural = ImGui::CalcTextSize(legend[0].second.c_str()).x;
  const float band = 0.5f * natural;
  const ScreenRect free{{300.0f, 40.0f}, {300.0f + band, 900.0f}};
  const ScreenRect model{{1000.0f, 40.0f}, {1200.0f, 900.0f}};
  ScreenRect placed;
  for (int frame = 0; frame < 3; ++frame) { // ImGui fits an auto-resizing window over its first frames
    if (frame > 0) {
      host_.end_frame();
      host_.begin_frame();
    }
    placed = ui::draw_legend_window(legend, free, model);
  }
  EXPECT_GE(placed.min.x, free.min.x);
  EXPECT_LE(placed.max.x, free.max.x);
  const ImGuiWindow* window = ImGui::FindWindowByName("Legend");
  ASSERT_NE(window, nullptr);
  EXPECT_GE(window->Pos.x, free.min.x);
  EXPECT_LE(window->Pos.x + window->Size.x, free.max.x + 0.5f) << "the legend reaches under the panel beside the band";
  EXPECT_LE(window->Size.y, placed.size().y + 0.5f) << "the labels keep clear of the rectangle reserved for it";
  EXPECT_GE(window->Size.y, placed.size().y - 2.0f * ImGui::GetStyle().ItemSpacing.y) << "and it reserves little more";
  // A band wider than every entry: the entries stay on one line each.
  const ScreenRect wide{{300.0f, 40.0f}, {300.0f + 3.0f * natural, 900.0f}};
  const ScreenRect whole = ui::draw_legend_window(legend, wide, model);
  EXPECT_GT(whole.size().x, natural);
  EXPECT_LT(whole.size().y, placed.size().y);
}

} // namespace
