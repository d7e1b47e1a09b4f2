// The viewer's panel windows: a panel left past the edge of a smaller screen
// comes back inside, and each panel's rectangle is recorded for the labels.
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/panel.hpp"
#include "ui/viewer_context.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

using namespace crus;

namespace {

class RightPanel : public ui::Panel {
public:
  const char* title() const override { return "Right panel"; }
  void draw(ui::ViewerContext&) override { ImGui::TextUnformatted("Contents"); }
  void default_placement(float& x, float& y, float& w, float& h) const override {
    x = 0.75f;
    y = 0.05f;
    w = 0.24f;
    h = 0.8f;
  }
};

TEST(Shell, PanelsComeBackInsideWhenTheScreenShrinks) {
  platform::HeadlessContext context;
  ui::ImGuiHost host(nullptr, 1.0f, "");
  RightPanel panel;
  ui::ViewerContext ctx;
  auto frame = [&](ImVec2 display) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    host.begin_frame();
    ctx.panel_rects.clear();
    ui::draw_panel_window(panel, ctx);
    host.end_frame();
  };
  frame({1600, 1000}); // first placed on a wide screen: x = 1200, 384 wide
  frame({1600, 1000});
  ASSERT_EQ(ctx.panel_rects.size(), 1u);
  EXPECT_NEAR(ctx.panel_rects[0].first.x, 1200.0f, 1.0f);
  // The window shrinks to a 1024 x 768 projector: the panel moves in.
  frame({1024, 768});
  frame({1024, 768});
  ASSERT_EQ(ctx.panel_rects.size(), 1u);
  const auto [min, max] = ctx.panel_rects[0];
  EXPECT_GE(min.x, 0.0f);
  EXPECT_LE(max.x, 1024.0f + 0.5f);
  EXPECT_LT(min.y, 768.0f);

  // Collapsed to its title bar, it still comes back and is still recorded.
  frame({1600, 1000});
  frame({1600, 1000});
  ImGui::SetWindowCollapsed(panel.title(), true);
  frame({1600, 1000});
  frame({800, 600});
  ASSERT_EQ(ctx.panel_rects.size(), 1u);
  EXPECT_GE(ctx.panel_rects[0].first.x, 0.0f);
  EXPECT_LE(ctx.panel_rects[0].second.x, 800.0f + 0.5f);
  EXPECT_LT(ctx.panel_rects[0].second.y - ctx.panel_rects[0].first.y, 100.0f); // the title bar only
}

} // namespace
