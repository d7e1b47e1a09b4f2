#include "core/document/panel_layout.hpp"

#include <gtest/gtest.h>

using namespace crus;

namespace {

const std::vector<PanelSlot> kEveryday{PanelSlot::left_top, PanelSlot::left_bottom, PanelSlot::right, PanelSlot::inner,
                                       PanelSlot::inner};

TEST(PanelLayout, PanelsFitTheScreenAndDoNotOverlapAtEveryWindowAndTextSize) {
  for (glm::vec2 screen : {glm::vec2(1280, 720), glm::vec2(1600, 1000), glm::vec2(3840, 2160)})
    for (float font : {14.0f, 17.0f, 26.0f, 32.0f}) {
      auto rects = layout_panels(kEveryday, screen, font, font + 6.0f, font + 14.0f);
      ASSERT_EQ(rects.size(), kEveryday.size());
      for (std::size_t i = 0; i < rects.size(); ++i) {
        const ScreenRect& r = rects[i];
        EXPECT_GE(r.min.x, 0.0f);
        EXPECT_GE(r.min.y, font + 6.0f) << "under the menu bar";
        EXPECT_LE(r.max.x, screen.x);
        EXPECT_LE(r.max.y, screen.y - font - 14.0f) << "over the status bar";
        EXPECT_GT(r.size().y, 100.0f);
        EXPECT_GT(r.size().x, 12.0f * std::min(font, 20.0f)) << "too narrow to read at " << font << " pt";
        for (std::size_t j = i + 1; j < rects.size(); ++j)
          EXPECT_FALSE(r.overlaps(rects[j]))
              << i << " and " << j << " overlap at " << screen.x << "x" << screen.y << ", " << font;
      }
      // The leg keeps a band in the middle.
      EXPECT_GT(rects[3].min.x - rects[0].max.x, 0.15f * screen.x) << screen.x << " " << font;
    }
}

TEST(PanelLayout, TheSectionSliceIsTwoColumnsWideAtTheRightEdgeAndTheOthersMoveLeft) {
  const glm::vec2 screen(1600, 1000);
  const auto rects = layout_panels({PanelSlot::left_top, PanelSlot::right, PanelSlot::right_wide}, screen, 17.0f, 23.0f, 31.0f);
  const ScreenRect& wide = rects[2];
  EXPECT_NEAR(wide.max.x, screen.x - 4.0f, 0.5f);
  EXPECT_GT(wide.size().x, 1.9f * rects[1].size().x) << "two columns wide";
  EXPECT_LE(wide.size().x, 0.45f * screen.x + 0.5f);
  EXPECT_GE(wide.size().y, wide.size().x * 0.75f) << "room for a 4:3 page";
  EXPECT_LT(rects[1].max.x, wide.min.x) << "Info moves left of the slice";
  EXPECT_FALSE(rects[1].overlaps(wide));
  EXPECT_FALSE(rects[0].overlaps(rects[1]));
}

TEST(PanelLayout, InfoAndATriggerPointMapSitSideBySide) {
  auto rects = layout_panels({PanelSlot::right, PanelSlot::inner}, {1280, 720}, 17.0f, 23.0f, 31.0f);
  ASSERT_EQ(rects.size(), 2u);
  EXPECT_FALSE(rects[0].overlaps(rects[1]));
  EXPECT_LT(rects[1].max.x, rects[0].min.x + 1.0f); // the map just left of Info
  EXPECT_NEAR(rects[1].min.y, rects[0].min.y, 1.0f);
  // Alone, the map takes the right edge.
  auto alone = layout_panels({PanelSlot::inner}, {1280, 720}, 17.0f, 23.0f, 31.0f);
  EXPECT_GT(alone[0].max.x, 1270.0f);
}

TEST(PanelLayout, APlaceClearOfTheModelIsFoundWhenThereIsOne) {
  const ScreenRect free{{300, 30}, {1000, 690}};
  const ScreenRect model{{500, 60}, {760, 680}}; // a tall leg in the middle
  glm::vec2 p = place_clear_of({180, 90}, free, model);
  ScreenRect legend{p, p + glm::vec2(180, 90)};
  EXPECT_FALSE(legend.overlaps(model));
  EXPECT_GE(legend.min.x, free.min.x);
  EXPECT_LE(legend.max.x, free.max.x);
  EXPECT_GE(legend.min.y, free.min.y);
  EXPECT_LE(legend.max.y, free.max.y);
  // No clear place: it still stays inside the free part.
  p = place_clear_of({180, 90}, free, free);
  EXPECT_GE(p.x, free.min.x);
  EXPECT_LE(p.y + 90.0f, free.max.y);
}

} // namespace
