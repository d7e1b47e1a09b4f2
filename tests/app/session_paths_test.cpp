// The viewer and `crus render` draw the same document the same way: both
// lists come from the session, so they are equal item for item.
#include "app/presentation.hpp"
#include "app/scene_setup.hpp"
#include "app/viewer_panels.hpp"
#include "core/document/session.hpp"
#include "support/test_support.hpp"
#include "ui/viewer_context.hpp"

#include <gtest/gtest.h>

namespace crus {
namespace {

void expect_equal(const DrawList& a, const DrawList& b) {
  ASSERT_EQ(a.items.size(), b.items.size());
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const DrawItem& x = a.items[i];
    const DrawItem& y = b.items[i];
    EXPECT_EQ(x.structure, y.structure) << i;
    EXPECT_EQ(x.colour, y.colour) << i;
    EXPECT_EQ(x.emphasis, y.emphasis) << i;
    EXPECT_EQ(x.rim, y.rim) << i;
    EXPECT_EQ(x.translucent, y.translucent) << i;
    EXPECT_EQ(x.patches, y.patches) << i;
    EXPECT_EQ(x.zones, y.zones) << i;
    EXPECT_EQ(x.flat_colour, y.flat_colour) << i;
  }
  ASSERT_EQ(a.patches.size(), b.patches.size());
  for (std::size_t i = 0; i < a.patches.size(); ++i) {
    EXPECT_EQ(a.patches[i].a, b.patches[i].a);
    EXPECT_EQ(a.patches[i].colour, b.patches[i].colour);
  }
  ASSERT_EQ(a.zones.size(), b.zones.size());
  for (std::size_t i = 0; i < a.zones.size(); ++i) {
    EXPECT_EQ(a.zones[i].a, b.zones[i].a);
    EXPECT_EQ(a.zones[i].b, b.zones[i].b);
    EXPECT_EQ(a.zones[i].structure, b.zones[i].structure);
  }
  ASSERT_EQ(a.markers.size(), b.markers.size());
  for (std::size_t i = 0; i < a.markers.size(); ++i) EXPECT_EQ(a.markers[i].position, b.markers[i].position);
  ASSERT_EQ(a.arrows.size(), b.arrows.size());
  for (std::size_t i = 0; i < a.arrows.size(); ++i) EXPECT_EQ(a.arrows[i].to, b.arrows[i].to);
  EXPECT_EQ(a.model, b.model);
  EXPECT_EQ(a.background, b.background);
}

TEST(SessionPaths, ViewerAndRenderDrawTheSameListForTheSameDocument) {
  app::AtlasOptions atlas;
  atlas.lod = 1;
  CRUS_REQUIRE_BUNDLED(atlas.resolved_atlas());

  // crus render --select soleus --highlight all --overlay referral:soleus --hide skin --mirror
  Scene render_scene = app::load_atlas(atlas, true);
  app::Presentation render(render_scene, /*with_knowledge=*/true);
  app::RenderOptions options;
  options.select = "soleus";
  options.highlight = "all";
  options.overlays = {"referral:soleus"};
  options.hide = "skin";
  options.mirror = true;
  render.apply_render_options(options);
  const DrawList from_render = render.draw_list();

  // The viewer's wiring: a session owning its scene, the panels loading into it.
  Session session;
  ui::ViewerContext ctx;
  ctx.scene = &session.scene();
  ctx.document = &session.document();
  session.set_scene(app::load_atlas(atlas, true));
  ctx.picks = &session.picks();
  app::ViewerPanels panels(session);
  panels.on_scene_loaded(ctx);
  ASSERT_NE(ctx.trigger_points, nullptr) << ctx.trigger_point_problem;
  ASSERT_TRUE(session.document().load_state(render.document().state(), "Same document"));
  panels.update_highlights(ctx);
  const DrawList from_viewer = panels.draw_list(ctx);

  // The document is not trivial: patches, zones and the mirror are all in it.
  EXPECT_FALSE(from_render.patches.empty());
  EXPECT_FALSE(from_render.zones.empty());
  EXPECT_NE(from_render.model, glm::mat4(1.0f));
  expect_equal(from_viewer, from_render);

  // The same framing too: the viewer's visible bounds are the session's.
  EXPECT_EQ(ui::visible_bounds(ctx).min, session.visible_bounds().min);
  EXPECT_EQ(render.drawn_box().max, session.drawn_box().max);

  // The viewer asks for highlights twice a frame; they are made once.
  const int made = session.counts().highlights;
  panels.update_highlights(ctx);
  (void)panels.draw_list(ctx);
  EXPECT_EQ(session.counts().highlights, made);
}

} // namespace
} // namespace crus
