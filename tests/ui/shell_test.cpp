// The viewer's panel windows: a panel left past the edge of a smaller screen
// comes back inside, and each panel's rectangle is recorded for the labels.
#include "core/document/document.hpp"
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/panel.hpp"
#include "ui/shell.hpp"
#include "ui/viewer_context.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <string>
#include <vector>

using namespace crus;

namespace {

// A panel with a title and a default placement (fractions of the screen).
class TestPanel : public ui::Panel {
public:
  TestPanel(const char* title, float x, float y, float w, float h) : title_(title), x_(x), y_(y), w_(w), h_(h) {}
  const char* title() const override { return title_; }
  void draw(ui::ViewerContext&) override { ImGui::TextUnformatted("Contents"); }
  void default_placement(float& x, float& y, float& w, float& h) const override {
    x = x_;
    y = y_;
    w = w_;
    h = h_;
  }

private:
  const char* title_;
  float x_, y_, w_, h_;
};

TEST(Shell, PanelsComeBackInsideWhenTheScreenShrinks) {
  platform::HeadlessContext context;
  ui::ImGuiHost host(nullptr, 1.0f, "");
  TestPanel panel("Right panel", 0.75f, 0.05f, 0.24f, 0.8f);
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

namespace {
float ten_per_byte(const std::string& s) { return 10.0f * float(s.size()); }
} // namespace

TEST(Shell, StatusLineDropsTheLeastImportantPartsFirst) {
  const std::vector<std::string> parts{"Soleus", "16.7 ms", "66700 triangles", "llvmpipe (LLVM 15.0.6, 256 bits)"};
  // Everything fits on a wide screen.
  EXPECT_EQ(ui::fit_status_line(parts, 2000.0f, ten_per_byte),
            "Soleus  |  16.7 ms  |  66700 triangles  |  llvmpipe (LLVM 15.0.6, 256 bits)");
  // Narrower: the renderer goes first, then the triangle count, whole parts only.
  EXPECT_EQ(ui::fit_status_line(parts, 400.0f, ten_per_byte), "Soleus  |  16.7 ms  |  66700 triangles");
  EXPECT_EQ(ui::fit_status_line(parts, 329.0f, ten_per_byte), "Soleus  |  16.7 ms");
  EXPECT_EQ(ui::fit_status_line(parts, 60.0f, ten_per_byte), "Soleus");
  // Not even the selection fits: it is cut short, never past the width.
  const std::string cut = ui::fit_status_line(parts, 55.0f, ten_per_byte);
  EXPECT_EQ(cut, "So...");
  EXPECT_LE(ten_per_byte(cut), 55.0f);
  EXPECT_EQ(ui::fit_status_line(parts, 20.0f, ten_per_byte), "");
}

TEST(Shell, StatusLineCutsWholeUtf8Characters) {
  // "Gastrocnémius": the cut lands inside the two bytes of "é" and takes both.
  const std::string name = "Gastrocn\xC3\xA9mius";
  const std::string cut = ui::fit_status_line({name}, 100.0f, ten_per_byte); // room for 7 bytes before "..."
  EXPECT_EQ(cut, "Gastroc...");
  const std::string cut2 = ui::fit_status_line({name}, 120.0f, ten_per_byte); // 9 bytes: "Gastrocn" + half of é
  EXPECT_EQ(cut2, "Gastrocn...");
}

// A knowledge folder that fails to load gives dozens of problems; at a large
// text size on a small window the dialog used to be taller than the window,
// its title and Close button off the screen.
TEST(Shell, ProblemsDialogFitsTheWindow) {
  platform::HeadlessContext context;
  ui::ImGuiHost host(nullptr, 2.0f, "");
  ui::Shell shell(host);
  Document document(0);
  ui::ViewerContext ctx;
  ctx.document = &document;
  for (int i = 0; i < 46; ++i)
    ctx.messages.push_back("nerves.json:" + std::to_string(96 + i) + ": entries[1].supplies[" + std::to_string(i) +
                           "]: 'gastrocnemius_medial_head' has no knowledge entry");
  ctx.show_messages = true;
  for (ImVec2 display : {ImVec2(900, 650), ImVec2(640, 480), ImVec2(1920, 1080)}) {
    for (int f = 0; f < 4; ++f) {
      ImGui::GetIO().DisplaySize = display;
      host.begin_frame();
      shell.draw(ctx);
      host.end_frame();
    }
    const ImGuiWindow* w = ImGui::FindWindowByName("Problems");
    ASSERT_TRUE(w && w->LastFrameActive == ImGui::GetFrameCount()) << "the dialog is open";
    EXPECT_GE(w->Pos.x, 0.0f) << display.x;
    EXPECT_GE(w->Pos.y, 0.0f) << display.y;
    EXPECT_LE(w->Pos.x + w->Size.x, display.x + 0.5f) << display.x;
    EXPECT_LE(w->Pos.y + w->Size.y, display.y + 0.5f) << display.y;
    // The list scrolls, not the dialog: Close stays in view.
    EXPECT_EQ(w->ScrollMax.y, 0.0f) << display.y;
  }
  // With the list emptied while the dialog is open (a reload that brought
  // no problem), the dialog stays small instead of growing with an empty
  // list that fills it.
  ctx.messages.clear();
  for (int f = 0; f < 6; ++f) {
    ImGui::GetIO().DisplaySize = ImVec2(900, 650);
    host.begin_frame();
    shell.draw(ctx);
    host.end_frame();
  }
  const ImGuiWindow* w = ImGui::FindWindowByName("Problems");
  ASSERT_TRUE(w);
  EXPECT_LT(w->Size.y, 325.0f) << "an empty dialog fills half the window";
}

namespace {
// Whether a tooltip window was drawn in the frame just ended, and its text.
bool tooltip_shown() {
  for (const ImGuiWindow* w : GImGui->Windows)
    if (std::string(w->Name).rfind("##Tooltip_", 0) == 0 && w->Active) return true;
  return false;
}
} // namespace

// A panel narrower than its title cuts it at the close button ("Trigger po"
// with 30 px text in a 900 x 640 window): hovering the title bar shows the
// whole title; hovering the contents, or a title that fits, shows nothing.
TEST(Shell, HoveringACutTitleShowsTheWholeTitle) {
  platform::HeadlessContext context;
  ui::ImGuiHost host(nullptr, 1.0f, "");
  TestPanel panel("Trigger points and their referral maps", 0.1f, 0.1f, 0.2f, 0.5f);
  ui::ViewerContext ctx;
  bool shown = false;
  auto frames = [&](float width, ImVec2 mouse) {
    for (int i = 0; i < 3; ++i) {
      ImGuiIO& io = ImGui::GetIO();
      io.DisplaySize = ImVec2(1000, 800);
      io.DeltaTime = 1.0f / 60.0f;
      io.MousePos = mouse;
      host.begin_frame();
      ctx.panel_rects.clear();
      const ScreenRect place{{100.0f, 100.0f}, {100.0f + width, 500.0f}};
      ui::draw_panel_window(panel, ctx, &place, true);
      host.end_frame();
      shown = tooltip_shown();
    }
  };
  const ImVec2 on_title(130.0f, 100.0f + 0.5f * 19.0f), on_contents(130.0f, 300.0f);
  frames(120.0f, on_title);
  EXPECT_TRUE(shown) << "a cut title shows itself on hover";
  frames(120.0f, on_contents);
  EXPECT_FALSE(shown) << "the contents are not the title bar";
  frames(600.0f, on_title);
  EXPECT_FALSE(shown) << "a title that fits needs no tooltip";
}
