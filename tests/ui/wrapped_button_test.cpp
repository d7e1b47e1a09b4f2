// Labels that break between words (ui/wrapped_button): what large text in a
// narrow panel needs instead of clipped buttons.
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/wrapped_button.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h> // ImGui::GetItemID

#include <sstream>

using namespace crus;

namespace {

struct Frame {
  platform::HeadlessContext context;
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  Frame() {
    ImGui::GetIO().DisplaySize = ImVec2(800, 600);
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    host.begin_frame();
  }
  ~Frame() { host.end_frame(); }
};

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

} // namespace

TEST(WrappedButton, LabelsBreakBetweenWordsWithinTheWidth) {
  Frame f;
  const std::string label = "Silfversk\u00f6ld test: knee straight";
  const float whole = ImGui::CalcTextSize(label.c_str()).x;
  EXPECT_EQ(ui::wrap_words(label, whole + 1.0f), label) << "fits: unchanged";
  const float narrow = whole * 0.6f;
  const std::vector<std::string> parts = lines(ui::wrap_words(label, narrow));
  ASSERT_GE(parts.size(), 2u);
  std::string joined;
  for (const auto& p : parts) {
    EXPECT_LE(ImGui::CalcTextSize(p.c_str()).x, narrow) << p;
    EXPECT_FALSE(p.empty());
    joined += (joined.empty() ? "" : " ") + p;
  }
  EXPECT_EQ(joined, label) << "only spaces become line breaks";
}

TEST(WrappedButton, AWordWiderThanTheWidthStaysWhole) {
  Frame f;
  const std::vector<std::string> parts = lines(ui::wrap_words("Export handout", 5.0f));
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "Export");
  EXPECT_EQ(parts[1], "handout");
  EXPECT_EQ(ui::wrap_words("", 100.0f), "");
}

TEST(WrappedButton, ANarrowButtonKeepsItsIdAndFitsItsColumn) {
  Frame f;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(140, 400));
  ImGui::Begin("narrow");
  ui::wrapped_button("Silfversk\u00f6ld test: knee bent");
  const ImVec2 size = ImGui::GetItemRectSize();
  const ImGuiID id = ImGui::GetItemID();
  EXPECT_LE(ImGui::GetItemRectMax().x, ImGui::GetWindowPos().x + 140.0f) << "inside the window, not clipped";
  EXPECT_GT(size.y, 1.5f * ImGui::GetFontSize()) << "on two lines or more";
  // The ID comes from the label, not from where it broke, so a drag or a
  // press survives the panel being resized.
  ImGui::PushID("Silfversk\u00f6ld test: knee bent");
  EXPECT_EQ(ImGui::GetID("###button"), id);
  ImGui::PopID();
  ImGui::End();
}

// A collapsing header's label does not wrap by itself: in a narrow panel
// with large text ImGui cuts it at the frame's edge, so the trigger-point
// panel showed "Self-care (once the red" and nothing more.
TEST(WrappedButton, AHeaderGrowsALineForEachLineOfItsLabel) {
  Frame f;
  const std::string label = "Self-care (once the red flags are ruled out)";
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(160, 400));
  ImGui::Begin("narrow header");
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  ImGui::CollapsingHeader(label.c_str());
  EXPECT_LT(ImGui::GetItemRectSize().y, 1.5f * ImGui::GetFontSize()) << "ImGui's own header keeps to one line";
  ui::wrapped_header(label);
  const ImVec2 size = ImGui::GetItemRectSize();
  const ImGuiID id = ImGui::GetItemID();
  const float text_left = ImGui::GetItemRectMin().x + ImGui::GetFontSize() + 3.0f * ImGui::GetStyle().FramePadding.x;
  const std::string shown = ui::wrap_words(label, ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x -
                                                      ImGui::GetFontSize() - 4.0f * ImGui::GetStyle().FramePadding.x);
  const std::vector<std::string> parts = lines(shown);
  ASSERT_GE(parts.size(), 3u) << "the label needs three lines or more in 160 px";
  EXPECT_GE(size.y, float(parts.size()) * ImGui::GetFontSize()) << "the header is as tall as its label";
  for (const auto& p : parts) EXPECT_LE(text_left + ImGui::CalcTextSize(p.c_str()).x, right) << p << ": cut at the edge";
  // Its ID is the unwrapped label's, so it stays open while the panel is resized.
  ImGui::PushID(label.c_str());
  EXPECT_EQ(ImGui::GetID("###header"), id);
  ImGui::PopID();
  ImGui::End();
}

// A combo cuts its preview at the box's edge: in the narrowest panel with
// 30 px text the trigger-point panel's box read "Soleus TrP1 (". A preview
// that does not fit is written in full above the box, which then reads the
// fallback; one that fits stays in the box.
TEST(WrappedButton, AComboWhosePreviewDoesNotFitShowsItAboveTheBox) {
  Frame f;
  const std::string preview = "Soleus TrP1 (upper calf, below the gastrocnemius heads)";
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(160, 400));
  ImGui::Begin("narrow combo");
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float top = ImGui::GetCursorScreenPos().y;
  EXPECT_FALSE(ui::begin_wrapped_combo("##tp", preview, "Choose another"));
  const ImVec2 box_min = ImGui::GetItemRectMin(), box_max = ImGui::GetItemRectMax();
  const ImGuiID id = ImGui::GetItemID();
  EXPECT_LE(box_max.x, right + 0.5f) << "the box keeps inside the panel";
  const std::vector<std::string> parts = lines(ui::wrap_words(preview, ImGui::GetContentRegionAvail().x));
  ASSERT_GE(parts.size(), 3u);
  EXPECT_GE(box_min.y - top, float(parts.size()) * ImGui::GetFontSize()) << "the preview's lines lie above the box";
  for (const auto& p : parts)
    EXPECT_LE(ImGui::GetWindowPos().x + ImGui::GetStyle().WindowPadding.x + ImGui::CalcTextSize(p.c_str()).x, right) << p;
  EXPECT_EQ(ImGui::GetID("##tp"), id) << "the same widget however it is drawn";
  // A short preview stays in the box, with nothing above it.
  const float before = ImGui::GetCursorScreenPos().y;
  EXPECT_FALSE(ui::begin_wrapped_combo("##short", "Soleus", "Choose another"));
  EXPECT_LT(ImGui::GetItemRectMin().y - before, 1.0f);
  ImGui::End();
}

// ImGui::SetTooltip does not wrap: with 30 px text the trigger-point panel's
// tooltip on "Export handout..." ran off the window's edge ("... with the
// pictu"). A wrapped tooltip stays inside the window, and a short one keeps
// to one line.
TEST(WrappedButton, ALongTooltipWrapsInsideTheWindow) {
  const std::string text =
      "A printable document (PDF or PNG, A4 or US Letter) with the pictures, plain-language advice and the red flags.";
  platform::HeadlessContext context;
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(800.0f, 600.0f);
  io.DeltaTime = 1.0f / 60.0f;
  host.begin_frame(); // the font, to measure the text
  const float whole = ImGui::CalcTextSize(text.c_str()).x;
  host.end_frame();
  io.DisplaySize = ImVec2(0.5f * whole, 600.0f);
  const ImGuiWindow* tooltip = nullptr;
  for (int frame = 0; frame < 3; ++frame) { // a tooltip sizes itself over its first frames
    host.begin_frame();
    ImGui::Begin("Panel");
    ui::wrapped_tooltip(text);
    ImGui::End();
    host.end_frame();
  }
  for (const ImGuiWindow* w : GImGui->Windows)
    if (std::string(w->Name).rfind("##Tooltip_", 0) == 0 && w->WasActive) tooltip = w;
  ASSERT_NE(tooltip, nullptr);
  EXPECT_LE(tooltip->Size.x, io.DisplaySize.x) << "wider than the window";
  EXPECT_GT(tooltip->Size.y, 2.0f * ImGui::GetTextLineHeight()) << "wrapped onto several lines";
}
