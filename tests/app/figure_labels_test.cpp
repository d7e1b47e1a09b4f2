// crus render's labels come from the label renderer below ui
// (core/publish/figure_overlays), painted with cairo onto the picture read back:
// the same picture underneath, the labels on top, in the transparent render
// too.
#include "app/offscreen.hpp"
#include "app/presentation.hpp"
#include "app/scene_setup.hpp"
#include "support/test_support.hpp"

#include <cstring>
#include <gtest/gtest.h>

namespace crus {
namespace {

constexpr int kW = 640, kH = 480;

TEST(FigureLabels, TheSelectionsLabelIsPaintedOverTheSamePicture) {
  app::AtlasOptions atlas;
  atlas.lod = 1;
  CRUS_REQUIRE_BUNDLED(atlas.resolved_atlas());
  Scene scene = app::load_atlas(atlas, true);
  app::OffscreenRenderer renderer(kW, kH);
  renderer.upload(scene);
  app::Presentation p(scene, /*with_knowledge=*/true);
  app::RenderOptions options;
  options.select = "gastrocnemius_medial_head";
  options.highlight = "origin,insertion";
  p.apply_render_options(options);
  const OrbitCamera camera = p.camera_for(AnatomicalView::posterior, static_cast<float>(kW) / kH);

  const Image bare = p.render(renderer, camera, /*labels=*/false);
  EXPECT_TRUE(p.overlay().empty());
  const Image labelled = p.render(renderer, camera, /*labels=*/true);
  // The selection's name, recorded as text in a box with a leader line.
  const CanvasItem* name = nullptr;
  for (const CanvasItem& item : p.overlay().items())
    if (item.kind == CanvasItem::Kind::text && item.text.find("gastrocnemius") != std::string::npos) name = &item;
  ASSERT_NE(name, nullptr);
  EXPECT_FLOAT_EQ(name->size, 14.0f); // max(14, height / 48)
  write_png(labelled, (test::scratch_dir("figure-labels") / "labelled.png").string());

  // Outside every recorded item's box the pictures are the same; inside the
  // name's box the letters changed many pixels.
  auto inside_any = [&](int x, int y) {
    for (const CanvasItem& item : p.overlay().items()) {
      glm::vec2 lo(1e9f), hi(-1e9f);
      for (const glm::vec2& q : item.points) {
        lo = glm::min(lo, q);
        hi = glm::max(hi, q);
      }
      const float grow = item.kind == CanvasItem::Kind::text ? 400.0f : item.radius + item.width + 2.0f;
      if (x >= lo.x - 2.0f && x <= hi.x + grow && y >= lo.y - grow && y <= hi.y + grow) return true;
    }
    return false;
  };
  int changed_outside = 0, changed_in_name = 0;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      const bool differs = std::memcmp(bare.at(x, y), labelled.at(x, y), 4) != 0;
      if (!differs) continue;
      if (!inside_any(x, y)) ++changed_outside;
      if (x >= name->points[0].x && x < name->points[0].x + 100.0f && y >= name->points[0].y && y < name->points[0].y + 14.0f)
        ++changed_in_name;
    }
  EXPECT_EQ(changed_outside, 0);
  EXPECT_GT(changed_in_name, 150);

  // Transparent: the labels are opaque on a transparent field.
  const Image clear = p.render(renderer, camera, /*labels=*/true, {}, /*transparent=*/true);
  EXPECT_EQ(clear.at(0, kH - 1)[3], 0);
  const glm::ivec2 letter(name->points[0] + glm::vec2(2.0f, 7.0f));
  int opaque = 0;
  for (int dx = 0; dx < 60; ++dx) opaque += clear.at(letter.x + dx, letter.y)[3] > 200;
  EXPECT_GT(opaque, 50);
}

} // namespace
} // namespace crus
