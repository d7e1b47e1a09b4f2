// The structure browser: its tree, the group and item actions, the peel
// slider (one undo step per drag) and bringing the selection into view.
#include "panel_harness.hpp"
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/shell.hpp"
#include "ui/structure_browser.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <functional>

using namespace crus;

namespace {

SceneStructure structure(const std::string& id, const std::string& name, StructureKind kind) {
  SceneStructure s;
  s.id = s.node = id;
  s.name = name;
  s.kind = kind;
  s.labelled = true;
  s.colour = glm::vec4(0.6f, 0.3f, 0.3f, 1.0f);
  return s;
}

KnowledgeEntry entry(const std::string& id, const std::string& kind, const std::string& region,
                     std::optional<std::string> compartment, int layer) {
  KnowledgeEntry e;
  e.id = id;
  e.kind = kind;
  e.name = id;
  e.region = region;
  e.compartment = std::move(compartment);
  e.layer = layer;
  return e;
}

// A small leg: indices are fixed so the tests can name them.
enum : int {
  tibia,
  fibula,
  talus,
  soleus,
  tibialis_anterior,
  fibularis_longus,
  fibularis_brevis,
  tibial_nerve,
  calcaneal_tendon,
  skin,
  mystery,
  count
};

struct Harness {
  platform::HeadlessContext context;
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  Scene scene;
  Document document;
  KnowledgeBase knowledge;
  ui::ViewerContext ctx;
  ui::StructureBrowser browser;

  Harness() {
    scene.structures = {structure("tibia", "Tibia", StructureKind::bone),
                        structure("fibula", "Fibula", StructureKind::bone),
                        structure("talus", "Talus", StructureKind::bone),
                        structure("soleus", "Soleus", StructureKind::muscle),
                        structure("tibialis_anterior", "Tibialis anterior", StructureKind::muscle),
                        structure("fibularis_longus", "Fibularis longus", StructureKind::muscle),
                        structure("fibularis_brevis", "Fibularis brevis", StructureKind::muscle),
                        structure("tibial_nerve", "Tibial nerve", StructureKind::nerve),
                        structure("calcaneal_tendon", "Calcaneal tendon", StructureKind::tendon),
                        structure("skin", "Skin", StructureKind::skin),
                        structure("mystery", "Mystery", StructureKind::other)};
    knowledge.entries = {entry("tibia", "bone", "leg", {}, 5),
                         entry("fibula", "bone", "leg", {}, 5),
                         entry("talus", "bone", "foot", {}, 5),
                         entry("soleus", "muscle", "leg", "posterior superficial", 3),
                         entry("tibialis_anterior", "muscle", "leg", "anterior", 2),
                         entry("fibularis_longus", "muscle", "leg", "lateral", 2),
                         entry("fibularis_brevis", "muscle", "leg", "lateral", 3),
                         entry("tibial_nerve", "nerve", "leg", {}, 4),
                         entry("calcaneal_tendon", "tendon", "ankle", {}, 2),
                         entry("skin", "skin", "whole limb", {}, 1)};
    document.reset(scene.structures.size());
    ctx.scene = &scene;
    ctx.document = &document;
    ctx.knowledge = &knowledge;
    ctx.layers = {5, 5, 5, 3, 2, 2, 3, 4, 2, 1, 0};
  }

  void frame(const std::function<void(ImGuiIO&)>& input = {}) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 1600);
    io.DeltaTime = 1.0f / 60.0f;
    if (input) input(io);
    host.begin_frame();
    ui::draw_panel_window(browser, ctx);
    host.end_frame();
    ASSERT_TRUE(browser.last_error.empty()) << browser.last_error;
  }
  static ImVec2 centre(const ui::StructureBrowser::ScreenRect& r) { return ImVec2((r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f); }
  void click(ImVec2 at, int button = 0) {
    frame([&](ImGuiIO& io) {
      io.MousePos = at;
      io.MouseDown[button] = false;
    });
    frame([&](ImGuiIO& io) { io.MouseDown[button] = true; });
    frame([&](ImGuiIO& io) { io.MouseDown[button] = false; });
  }
  void click(const std::string& target, int button = 0) {
    const ui::StructureBrowser::ScreenRect* r = browser.target(target);
    ASSERT_NE(r, nullptr) << target;
    click(centre(*r), button);
  }
  Visibility vis(int i) const { return document.state().visibility[static_cast<std::size_t>(i)]; }
};

std::vector<std::string> labels(const std::vector<ui::StructureGroup>& groups) {
  std::vector<std::string> out;
  for (const auto& g : groups) out.push_back(g.label);
  return out;
}

TEST(StructureBrowser, TreeGoesByKindThenCompartmentOrRegion) {
  Harness h;
  auto tree = ui::StructureBrowser::build_tree(h.ctx);
  EXPECT_EQ(labels(tree), (std::vector<std::string>{"Bones", "Muscles", "Tendons", "Nerves", "Skin", "Other"}));
  const ui::StructureGroup& muscles = tree[1];
  EXPECT_EQ(labels(muscles.subgroups), (std::vector<std::string>{"Posterior superficial", "Anterior", "Lateral"}));
  EXPECT_EQ(muscles.subgroups[2].members, (std::vector<int>{fibularis_longus, fibularis_brevis}));
  EXPECT_EQ(muscles.members.size(), 4u);
  EXPECT_EQ(labels(tree[0].subgroups), (std::vector<std::string>{"Leg", "Foot"}));
  // One region for the whole kind: no level that says nothing.
  EXPECT_TRUE(tree[2].subgroups.empty());
  EXPECT_EQ(tree[2].loose, (std::vector<int>{calcaneal_tendon}));
  // No knowledge entry: the structure still appears, under its kind.
  EXPECT_EQ(tree[5].loose, (std::vector<int>{mystery}));
}

TEST(StructureBrowser, WithoutKnowledgeTheTreeIsByKindOnly) {
  Harness h;
  h.ctx.knowledge = nullptr;
  auto tree = ui::StructureBrowser::build_tree(h.ctx);
  ASSERT_EQ(tree.size(), 6u);
  for (const auto& g : tree) {
    EXPECT_TRUE(g.subgroups.empty()) << g.label;
    EXPECT_EQ(g.loose, g.members) << g.label;
  }
  h.frame();
  h.frame();
  EXPECT_EQ(h.browser.item_rects().count(fibularis_longus), 1u);
}

TEST(StructureBrowser, GroupHideHidesEveryMemberAndOneUndoRestoresThem) {
  Harness h;
  ASSERT_TRUE(ui::StructureBrowser::apply_group_action(h.ctx, "Muscles/Lateral", ui::VisibilityAction::hide));
  EXPECT_EQ(h.vis(fibularis_longus), Visibility::hidden);
  EXPECT_EQ(h.vis(fibularis_brevis), Visibility::hidden);
  EXPECT_EQ(h.vis(tibialis_anterior), Visibility::shown);
  EXPECT_EQ(h.vis(soleus), Visibility::shown);
  EXPECT_EQ(h.document.undo_name(), "Hide muscles lateral");
  ASSERT_TRUE(h.document.undo());
  EXPECT_EQ(h.vis(fibularis_longus), Visibility::shown);
  EXPECT_EQ(h.vis(fibularis_brevis), Visibility::shown);
  EXPECT_FALSE(h.document.can_undo());
  EXPECT_FALSE(ui::StructureBrowser::apply_group_action(h.ctx, "Muscles/Medial", ui::VisibilityAction::hide));
}

TEST(StructureBrowser, GroupGhostAndIsolate) {
  Harness h;
  ASSERT_TRUE(ui::StructureBrowser::apply_group_action(h.ctx, "Bones", ui::VisibilityAction::ghost));
  EXPECT_EQ(h.vis(tibia), Visibility::ghosted);
  EXPECT_EQ(h.vis(talus), Visibility::ghosted);
  EXPECT_EQ(h.vis(soleus), Visibility::shown);
  h.document.set_peel_layer(2);
  ASSERT_TRUE(ui::StructureBrowser::apply_group_action(h.ctx, "Muscles", ui::VisibilityAction::isolate));
  for (int i = 0; i < count; ++i) {
    bool muscle = i == soleus || i == tibialis_anterior || i == fibularis_longus || i == fibularis_brevis;
    EXPECT_EQ(h.vis(i), muscle ? Visibility::shown : Visibility::hidden) << i;
  }
  EXPECT_EQ(h.document.state().peel_layer, 0); // isolating shows what it isolates
}

TEST(StructureBrowser, PeelLayersAreNamedByWhatTheyHold) {
  Harness h;
  EXPECT_EQ(ui::StructureBrowser::max_layer(h.ctx), 5);
  EXPECT_EQ(ui::StructureBrowser::layer_name(h.ctx, 1), "skin");
  EXPECT_EQ(ui::StructureBrowser::layer_name(h.ctx, 2), "superficial muscles");
  EXPECT_EQ(ui::StructureBrowser::layer_name(h.ctx, 3), "deep muscles");
  EXPECT_EQ(ui::StructureBrowser::layer_name(h.ctx, 4), "nerves");
  EXPECT_EQ(ui::StructureBrowser::layer_name(h.ctx, 5), "bones");
  EXPECT_EQ(ui::StructureBrowser::peel_description(h.ctx, 0), "nothing");
  EXPECT_EQ(ui::StructureBrowser::peel_description(h.ctx, 2), "skin, superficial muscles");
  ui::StructureBrowser::set_peel(h.ctx, 2);
  EXPECT_EQ(h.document.state().peel_layer, 2);
  ui::StructureBrowser::set_peel(h.ctx, 99);
  EXPECT_EQ(h.document.state().peel_layer, 5);
  std::size_t steps_before = 0;
  while (h.document.can_undo()) {
    h.document.undo();
    ++steps_before;
  }
  EXPECT_EQ(steps_before, 2u);
}

TEST(StructureBrowser, PeeledAwaySitsBesideItsLabelOnlyWhenAWordFitsThere) {
  // With projector-sized text in a narrow panel, "nothing" once wrapped
  // letter by letter in the sliver left beside "Peeled away:".
  Harness h;
  for (const float width : {150.0f, 560.0f}) {
    test::draw_at_width(h.host, h.browser, h.ctx, width, 900.0f);
    const float line = ImGui::GetTextLineHeightWithSpacing(); // the font of the frame just drawn
    const ui::StructureBrowser::ScreenRect* peeled = h.browser.target("peeled away");
    ASSERT_NE(peeled, nullptr) << width;
    EXPECT_LE(peeled->y1 - peeled->y0, 1.5f * line) << "\"nothing\" on one line in a panel " << width << " px wide";
    const ui::StructureBrowser::ScreenRect& slider = h.browser.peel_slider_rect();
    const float below_slider = peeled->y0 - slider.y1;
    if (width < 200.0f) EXPECT_GT(below_slider, line) << "on the line under its label";
    else EXPECT_LT(below_slider, line) << "beside its label";
  }
}

TEST(StructureBrowser, HideAllGoesUnderShowAllWhenItWouldBeCutOff) {
  // With text 30 px high in a panel 230 px wide, "Hide all" was cut to
  // "Hide a" at the panel's edge.
  Harness h;
  for (const float width : {150.0f, 560.0f}) {
    test::draw_at_width(h.host, h.browser, h.ctx, width, 900.0f);
    const ui::StructureBrowser::ScreenRect* show = h.browser.target("show all");
    const ui::StructureBrowser::ScreenRect* hide = h.browser.target("hide all");
    ASSERT_NE(show, nullptr);
    ASSERT_NE(hide, nullptr);
    EXPECT_LE(hide->x1, width) << "whole inside a panel " << width << " px wide";
    if (width < 200.0f) EXPECT_GE(hide->y0, show->y1) << "on the line below";
    else EXPECT_EQ(hide->y0, show->y0) << "beside it";
  }
}

TEST(StructureBrowser, DraggingThePeelSliderCommitsOneUndoStepOnRelease) {
  Harness h;
  h.frame();
  h.frame();
  auto r = h.browser.peel_slider_rect();
  ASSERT_GT(r.x1, r.x0);
  float y = (r.y0 + r.y1) * 0.5f;
  h.frame([&](ImGuiIO& io) { io.MousePos = ImVec2(r.x0 + 2.0f, y); });
  h.frame([&](ImGuiIO& io) { io.MouseDown[0] = true; });
  for (int step = 1; step <= 6; ++step) {
    h.frame([&](ImGuiIO& io) { io.MousePos = ImVec2(r.x0 + (r.x1 - r.x0) * step / 6.0f, y); });
    EXPECT_EQ(h.document.state().peel_layer, 0) << "the document changes only on release";
  }
  h.frame([&](ImGuiIO& io) { io.MouseDown[0] = false; });
  EXPECT_EQ(h.document.state().peel_layer, 5);
  ASSERT_TRUE(h.document.undo());
  EXPECT_EQ(h.document.state().peel_layer, 0);
  EXPECT_FALSE(h.document.can_undo());
}

TEST(StructureBrowser, ClickingANameSelectsItAndDoubleClickAsksToFrame) {
  Harness h;
  h.frame();
  h.frame();
  ASSERT_EQ(h.browser.item_rects().count(tibialis_anterior), 1u);
  ImVec2 at = Harness::centre(h.browser.item_rects().at(tibialis_anterior));
  h.click(at);
  EXPECT_EQ(h.document.state().selected, tibialis_anterior);
  EXPECT_EQ(h.ctx.frame_request, -1);
  h.click(at); // the second click of a double-click
  EXPECT_EQ(h.ctx.frame_request, tibialis_anterior);
}

TEST(StructureBrowser, GroupContextMenuHidesTheGroup) {
  Harness h;
  h.frame();
  h.frame();
  h.click("group:Muscles/Lateral", 1);
  h.frame();
  h.click("menu:Hide group");
  EXPECT_EQ(h.vis(fibularis_longus), Visibility::hidden);
  EXPECT_EQ(h.vis(fibularis_brevis), Visibility::hidden);
  EXPECT_EQ(h.vis(soleus), Visibility::shown);
  h.frame();
  EXPECT_EQ(h.browser.target("menu:Hide group"), nullptr); // the menu closed
  // The muscles are now partly hidden: their check box shows every member.
  h.click("check:Muscles");
  for (int i : {soleus, tibialis_anterior, fibularis_longus, fibularis_brevis}) EXPECT_EQ(h.vis(i), Visibility::shown) << i;
  // All shown: the check box hides them all, in one undo step.
  h.click("check:Muscles");
  for (int i : {soleus, tibialis_anterior, fibularis_longus, fibularis_brevis}) EXPECT_EQ(h.vis(i), Visibility::hidden) << i;
  EXPECT_EQ(h.vis(tibia), Visibility::shown);
  h.document.undo();
  EXPECT_EQ(h.vis(soleus), Visibility::shown);
}

TEST(StructureBrowser, ItemContextMenuGhostsIsolatesAndPins) {
  Harness h;
  h.frame();
  h.frame();
  ImVec2 at = Harness::centre(h.browser.item_rects().at(soleus));
  h.click(at, 1);
  h.frame();
  h.click("menu:Ghost");
  EXPECT_EQ(h.vis(soleus), Visibility::ghosted);
  h.click(at, 1);
  h.frame();
  h.click("menu:Pin label");
  EXPECT_EQ(h.document.state().pinned.count(soleus), 1u);
  h.click(at, 1);
  h.frame();
  h.click("menu:Isolate");
  for (int i = 0; i < count; ++i) EXPECT_EQ(h.vis(i), i == soleus ? Visibility::shown : Visibility::hidden) << i;
}

TEST(StructureBrowser, ASelectionMadeElsewhereOpensItsGroup) {
  Harness h;
  h.frame();
  h.frame();
  // Foot bones start folded away.
  EXPECT_EQ(h.browser.item_rects().count(talus), 0u);
  h.document.select(talus);
  h.frame();
  h.frame();
  EXPECT_EQ(h.browser.item_rects().count(talus), 1u);
}

TEST(StructureBrowser, EmptyOrMissingSceneDrawsWithoutError) {
  Harness h;
  Scene empty;
  h.ctx.scene = &empty;
  h.ctx.layers.clear();
  h.frame();
  EXPECT_TRUE(h.browser.item_rects().empty());
  h.ctx.scene = nullptr;
  h.frame();
  EXPECT_TRUE(ui::StructureBrowser::build_tree(h.ctx).empty());
}

} // namespace
