// While an atlas loads on a worker thread the window draws a note with the
// file and the seconds so far (app/atlas_loading); a load started inside an
// ImGui frame (a menu action) cannot draw frames of its own and is told so.
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/loading_screen.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

using namespace crus;

TEST(LoadingScreen, DrawsTheFileAndKnowsWhetherAFrameIsOpen) {
  platform::HeadlessContext context;
  ui::ImGuiHost host(nullptr, 1.0f, "");
  host.set_display_size(1280, 800);
  EXPECT_FALSE(ui::imgui_frame_open());
  for (int frame = 0; frame < 2; ++frame) {
    host.begin_frame();
    EXPECT_TRUE(ui::imgui_frame_open());
    ui::draw_loading_screen("lower_leg_right.glb", 1.25 * (frame + 1));
    host.end_frame();
  }
  EXPECT_FALSE(ui::imgui_frame_open());
  const ImGuiWindow* window = ImGui::FindWindowByName("Loading");
  ASSERT_NE(window, nullptr);
  EXPECT_TRUE(window->WasActive);
  // In the middle of the display, with room for its lines and the bar.
  EXPECT_NEAR(window->Pos.x + window->Size.x * 0.5f, 640.0f, 2.0f);
  EXPECT_NEAR(window->Pos.y + window->Size.y * 0.5f, 400.0f, 2.0f);
  EXPECT_GT(window->ContentSize.y, ImGui::GetFontSize() * 3.0f);
}
