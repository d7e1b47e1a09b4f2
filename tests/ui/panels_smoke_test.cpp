// Smoke test: mounts the viewer's shell and every panel headless (EGL) for a
// few frames, with a selection and without. It catches ImGui ID clashes
// (ImGui asserts), crashes and panels that throw. Real assertions on what the
// panels do live in the other ui tests.
#include "app/viewer_panels.hpp"
#include "core/document/scene.hpp"
#include "platform/headless_context.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"
#include "ui/imgui_host.hpp"
#include "ui/label_overlay.hpp"
#include "ui/shell.hpp"
#include "ui/viewport_input.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h> // FindWindowByName: what each panel drew

#include <set>
#include <string>

using namespace crus;

namespace {

TEST(PanelsSmoke, EveryPanelMountsForAFewFrames) {
  platform::HeadlessContext context;
  ui::ImGuiHost host(nullptr, 1.0f, "");
  auto dir = test::scratch_dir("panels_smoke");
  Scene scene = load_scene(
      test::write_box_gltf((dir / "a.gltf").string(), {{"tibia", {0, 0.2f, 0.07f}, {0.02f, 0.2f, 0.02f}, {1, 1, 1, 1}},
                                                       {"soleus", {-0.05f, 0.2f, 0.07f}, {0.02f, 0.1f, 0.03f}, {1, 0, 0, 1}}}));
  Document document(scene.structures.size());
  OrbitCamera camera;
  camera.set_pose(camera.pose_for(AnatomicalView::anterior, scene.box));
  PickIndex picks;
  picks.build({&scene.structures[0].mesh, &scene.structures[1].mesh});
  ui::ViewerContext ctx;
  ctx.scene = &scene;
  ctx.document = &document;
  ctx.camera = &camera;
  ctx.picks = &picks;
  ctx.messages = {"a problem to show"};
  ctx.show_messages = true;
  ui::Shell shell(host);
  app::ViewerPanels panels;
  panels.install(shell, ctx);
  panels.on_scene_loaded(ctx);
  for (auto& p : shell.panels()) p->open = true;
  ImGuiIO& io = ImGui::GetIO();
  for (int frame = 0; frame < 6; ++frame) {
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(640, 400);
    if (frame == 3) document.select(1);
    host.begin_frame();
    ctx.viewport_size = {1280, 800};
    ctx.view = camera.view();
    ctx.projection = camera.projection(1.6f);
    ui::handle_viewport_input(ctx);
    shell.draw(ctx);
    panels.before_render(ctx);
    host.end_frame();
  }
  // Every panel the viewer installs is there, drew its window in the last
  // frame (draw_panel_window records one rectangle per window drawn) and put
  // something in it.
  std::set<std::string> titles;
  for (auto& p : shell.panels()) titles.insert(p->title());
  for (const char* title :
       {"Structures", "Search", "Info", "Trigger points", "Where does it hurt?", "Red flags", "Quiz", "Motion", "Help"})
    EXPECT_EQ(titles.count(title), 1u) << title << " is not installed";
  EXPECT_EQ(ctx.panel_rects.size(), shell.panels().size());
  for (auto& p : shell.panels()) {
    EXPECT_TRUE(p->last_error.empty()) << p->title() << ": " << p->last_error;
    const ImGuiWindow* window = ImGui::FindWindowByName(p->title());
    ASSERT_NE(window, nullptr) << p->title();
    EXPECT_GT(window->ContentSize.y, 0.0f) << p->title() << " drew an empty window";
  }
}

TEST(PanelsSmoke, AnEmptySceneWithProblemsShowsTheDialogWithoutAsserting) {
  // A bad atlas: nothing loaded, problems listed in a modal, and windows
  // (the empty-scene note, the legend) drawn in the same frames.
  platform::HeadlessContext context;
  ui::ImGuiHost host(nullptr, 1.0f, "");
  Scene scene;
  Document document(0);
  OrbitCamera camera;
  PickIndex picks;
  ui::ViewerContext ctx;
  ctx.scene = &scene;
  ctx.document = &document;
  ctx.camera = &camera;
  ctx.picks = &picks;
  ctx.messages = {"bad.glb: cannot load", "no atlas manifest"};
  ctx.show_messages = true;
  ctx.highlights.legend = {{glm::vec3(1, 0, 0), "Origin"}};
  ui::Shell shell(host);
  app::ViewerPanels panels;
  panels.install(shell, ctx);
  ImGuiIO& io = ImGui::GetIO();
  for (int frame = 0; frame < 4; ++frame) {
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    host.begin_frame();
    ctx.viewport_size = {1280, 800};
    ui::draw_view_annotations(ctx, true);
    shell.draw(ctx);
    host.end_frame();
  }
  EXPECT_TRUE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)); // the dialog is up
  for (auto& p : shell.panels()) EXPECT_TRUE(p->last_error.empty()) << p->title() << ": " << p->last_error;
}

TEST(PanelsSmoke, HoverPicksTheStructureUnderTheMouse) {
  platform::HeadlessContext context;
  ui::ImGuiHost host(nullptr, 1.0f, "");
  auto dir = test::scratch_dir("panels_hover");
  Scene scene =
      load_scene(test::write_box_gltf((dir / "a.gltf").string(), {{"tibia", {0, 0.2f, 0.07f}, glm::vec3(0.05f), {1, 1, 1, 1}}}));
  Document document(scene.structures.size());
  OrbitCamera camera;
  camera.set_pose(camera.pose_for(AnatomicalView::anterior, scene.box));
  PickIndex picks;
  picks.build({&scene.structures[0].mesh});
  ui::ViewerContext ctx;
  ctx.scene = &scene;
  ctx.document = &document;
  ctx.camera = &camera;
  ctx.picks = &picks;
  ImGuiIO& io = ImGui::GetIO();
  auto frame_at = [&](ImVec2 mouse, bool down) {
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    host.begin_frame();
    ctx.viewport_size = {800, 600};
    ctx.view = camera.view();
    ctx.projection = camera.projection(800.0f / 600.0f);
    ui::handle_viewport_input(ctx);
    host.end_frame();
  };
  frame_at(ImVec2(10, 10), false);
  frame_at(ImVec2(400, 300), false);
  EXPECT_EQ(document.hovered(), 0);
  frame_at(ImVec2(20, 20), false);
  EXPECT_EQ(document.hovered(), -1);
  // A click (press and release without moving) on the box selects it.
  frame_at(ImVec2(400, 300), true);
  frame_at(ImVec2(400, 300), false);
  EXPECT_EQ(document.state().selected, 0);
  // A click on the background selects nothing and keeps the selection.
  frame_at(ImVec2(20, 20), true);
  frame_at(ImVec2(20, 20), false);
  EXPECT_EQ(document.state().selected, 0);
}

} // namespace
