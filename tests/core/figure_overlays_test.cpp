// The label renderer below ui: labels, legends and marks are recorded onto a
// canvas with the painter's text measure, and cairo+pango paint that canvas
// into a figure without ImGui or GL.
#include "core/document/annotation_marks.hpp"
#include "core/publish/canvas_paint.hpp"
#include "core/publish/figure_overlays.hpp"

#include "support/test_support.hpp"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

namespace crus {
namespace {

Image filled(int w, int h, std::uint8_t grey) {
  Image image;
  image.width = w;
  image.height = h;
  image.rgba.assign(static_cast<std::size_t>(w) * h * 4, grey);
  for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
  return image;
}

// Pixels in [min, max) brighter than `above` (text and lines on a dark field).
int bright_pixels(const Image& image, glm::ivec2 min, glm::ivec2 max, int above) {
  int n = 0;
  for (int y = std::max(0, min.y); y < std::min(image.height, max.y); ++y)
    for (int x = std::max(0, min.x); x < std::min(image.width, max.x); ++x)
      if (image.at(x, y)[0] > above) ++n;
  return n;
}

TEST(FigureOverlays, TextIsMeasuredAndPaintedWhereItWasMeasured) {
  const TextMetrics& metrics = figure_text_metrics();
  const glm::vec2 small = metrics.measure("Medial head of gastrocnemius", 14.0f);
  const glm::vec2 large = metrics.measure("Medial head of gastrocnemius", 28.0f);
  // The size is the line height, as ImGui sizes its fonts.
  EXPECT_NEAR(small.y, 14.0f, 2.0f);
  EXPECT_NEAR(large.x / small.x, 2.0f, 0.1f);
  const glm::vec2 wrapped = metrics.measure("one two three four five six seven eight", 14.0f, 80.0f);
  EXPECT_LE(wrapped.x, 80.5f);
  EXPECT_GT(wrapped.y, 2.5f * small.y);

  Image image = filled(300, 60, 20);
  Canvas canvas;
  canvas.text({10.0f, 20.0f}, rgba8(245, 245, 245), "Medial head of gastrocnemius", 14.0f);
  paint_canvas(image, canvas);
  const glm::ivec2 box_max = glm::ivec2(glm::vec2(10.0f, 20.0f) + small) + glm::ivec2(1);
  EXPECT_GT(bright_pixels(image, {10, 20}, box_max, 128), 100); // the letters
  // Nothing outside the measured box.
  EXPECT_EQ(bright_pixels(image, {0, 0}, {300, 18}, 60), 0);
  EXPECT_EQ(bright_pixels(image, {box_max.x + 1, 0}, {300, 60}, 60), 0);
  // Bad UTF-8 and a NUL byte are drawn as replacement characters, not a crash.
  Canvas bad;
  bad.text({2.0f, 2.0f}, rgba8(255, 255, 255), std::string("caf\xC3", 4) + std::string("\0x", 2), 14.0f);
  paint_canvas(image, bad);
}

TEST(FigureOverlays, AnEmptyCanvasLeavesThePictureAndTransparencyAlone) {
  Image image = filled(8, 8, 90);
  image.rgba[3] = 0; // a transparent pixel of a --transparent render
  const Image before = image;
  paint_canvas(image, Canvas{});
  EXPECT_EQ(image.rgba, before.rgba);
  Canvas canvas;
  canvas.fill_rect({4.0f, 4.0f}, {8.0f, 8.0f}, rgba8(255, 0, 0));
  paint_canvas(image, canvas);
  EXPECT_EQ(image.at(0, 0)[3], 0);
  EXPECT_EQ(image.at(1, 1)[0], 90); // untouched pixels come back exactly
  EXPECT_EQ(image.at(6, 6)[0], 255);
  EXPECT_EQ(image.at(6, 6)[1], 0);
}

TEST(FigureOverlays, LabelsGetABoxALeaderLineAndTheirText) {
  LabelView view;
  view.screen = {800, 500};
  view.view_projection =
      glm::ortho(-0.5f, 0.5f, -0.3125f, 0.3125f, -1.0f, 1.0f) * glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, -0.25f, 0.0f));
  const Aabb leg{{-0.05f, 0.0f, -0.05f}, {0.05f, 0.5f, 0.05f}};
  std::vector<LabelAnchor> labels{{"Soleus", {0.04f, 0.2f, 0.0f}, {0.2f, 0.9f, 0.4f}},
                                  {"Tibia", {-0.04f, 0.3f, 0.0f}, {1.0f, 1.0f, 1.0f}}};
  Canvas canvas;
  const CanvasPen pen{canvas, figure_text_metrics(), 16.0f};
  const Legend legend{{{1.0f, 0.5f, 0.0f}, "Origin"}};
  ASSERT_EQ(draw_figure_labels(pen, labels, legend, view, leg), 2);
  int texts = 0, lines = 0;
  for (const CanvasItem& item : canvas.items()) {
    if (item.kind == CanvasItem::Kind::text) {
      ++texts;
      EXPECT_FLOAT_EQ(item.size, 16.0f);
    }
    if (item.kind == CanvasItem::Kind::line) ++lines;
  }
  EXPECT_EQ(texts, 3); // two labels and the legend's line
  EXPECT_EQ(lines, 2); // a leader line per label

  Image image = filled(800, 500, 20);
  paint_canvas(image, canvas);
  for (const PlacedLabel& p : place_labels(pen, labels, view, leg)) {
    // Each box sits beside the model and holds its text.
    EXPECT_GT(bright_pixels(image, glm::ivec2(p.top_left), glm::ivec2(p.bottom_right), 160), 30) << labels[p.index].text;
  }
}

TEST(FigureOverlays, PinsAreDrawnWhereTheProjectorPutsThemAndFadedWhenHidden) {
  Annotations a;
  a.pins.push_back(PinNote{{"soleus", {0.0f, 0.0f, 0.0f}}, "Here"});
  a.pins.push_back(PinNote{{"tibia", {0.0f, 0.0f, 0.0f}}, "There"});
  a.pins.push_back(PinNote{{"missing", {0.0f, 0.0f, 0.0f}}, "Nowhere"});
  const ProjectMark project = [](const AnatomyPoint& p) -> std::optional<ShownMark> {
    if (p.structure == "soleus") return ShownMark{{100.0f, 100.0f}, false};
    if (p.structure == "tibia") return ShownMark{{200.0f, 100.0f}, true};
    return std::nullopt;
  };
  Canvas canvas;
  draw_annotation_marks(CanvasPen{canvas, figure_text_metrics(), 14.0f}, a, project, {400.0f, 200.0f});
  std::vector<const CanvasItem*> dots;
  for (const CanvasItem& item : canvas.items())
    if (item.kind == CanvasItem::Kind::fill_circle) dots.push_back(&item);
  ASSERT_EQ(dots.size(), 2u); // the unknown structure's pin is left out
  EXPECT_EQ(dots[0]->points[0], glm::vec2(100.0f, 100.0f));
  EXPECT_FLOAT_EQ(dots[0]->colour.a, 1.0f);
  EXPECT_EQ(dots[1]->points[0], glm::vec2(200.0f, 100.0f));
  EXPECT_LT(dots[1]->colour.a, 0.5f); // behind the model: faded
}

} // namespace
} // namespace crus
