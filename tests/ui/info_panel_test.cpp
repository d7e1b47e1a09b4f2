// The info panel: what it shows for a selection (read back through ImGui's
// text log), the highlight toggles, clickable synergists, and an entry that is
// missing from the knowledge base.
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/info_panel.hpp"
#include "ui/shell.hpp"
#include "panel_harness.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <functional>

using namespace crus;

namespace {

struct Harness {
  platform::HeadlessContext context;
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  Scene scene;
  Document document;
  KnowledgeBase knowledge;
  ui::ViewerContext ctx;
  ui::InfoPanel panel;

  Harness() {
    const std::pair<const char*, StructureKind> structures[] = {
        {"fibularis_longus", StructureKind::muscle},         {"fibularis_brevis", StructureKind::muscle},
        {"tibialis_anterior", StructureKind::muscle},        {"fibula", StructureKind::bone},
        {"superficial_fibular_nerve", StructureKind::nerve}, {"mystery", StructureKind::other}};
    for (auto [id, kind] : structures) {
      SceneStructure s;
      s.id = s.node = id;
      s.name = std::string("Atlas ") + id;
      s.kind = kind;
      scene.structures.push_back(s);
    }
    KnowledgeEntry longus;
    longus.id = "fibularis_longus";
    longus.kind = "muscle";
    longus.name = "Fibularis longus";
    longus.latin = "musculus fibularis longus";
    longus.synonyms = {"peroneus longus"};
    longus.region = "leg";
    longus.compartment = "lateral";
    longus.layer = 2;
    longus.description = "The longer of the two lateral muscles.";
    longus.origin = {{"Head and upper lateral fibula.", "fibularis_longus_origin"}};
    longus.insertion = {{"Base of the first metatarsal and the medial cuneiform.", "fibularis_longus_insertion"}};
    longus.innervation =
        Innervation{"superficial_fibular_nerve", {"L5", "S1"}, "Superficial fibular nerve.", "Some give S2 too."};
    longus.actions = {{"ankle (talocrural)", "plantarflexion", "secondary", std::nullopt},
                      {"subtalar", "eversion", "primary", std::string("The main everter.")}};
    longus.synergists = {"fibularis_brevis"};
    longus.antagonists = {"tibialis_anterior"};
    longus.clinical = {{"Fibular tendon tear", "Pain behind the lateral malleolus."}};
    longus.patient_summary = "This muscle turns the sole outwards.";
    longus.sources = {{"origin", {"gray42"}}, {"insertion", {"gray42", "nosuchkey"}}};
    KnowledgeEntry brevis;
    brevis.id = "fibularis_brevis";
    brevis.kind = "muscle";
    brevis.name = "Fibularis brevis";
    KnowledgeEntry fibula;
    fibula.id = "fibula";
    fibula.kind = "bone";
    fibula.name = "Fibula";
    fibula.landmarks = {{"fibular_head", "The knob below the knee."}};
    fibula.attachments = {"fibularis_longus_origin", "fibularis_brevis_origin"};
    KnowledgeEntry nerve;
    nerve.id = "superficial_fibular_nerve";
    nerve.kind = "nerve";
    nerve.name = "Superficial fibular nerve";
    nerve.roots = {"L4", "L5", "S1"};
    nerve.supplies = {"fibularis_longus", "fibularis_brevis"};
    nerve.sensory = "Most of the top of the foot.";
    knowledge.entries = {longus, brevis, fibula, nerve};
    knowledge.sources = {{"gray42", "textbook", "Standring S (ed). Gray's Anatomy, 42nd ed.", std::nullopt}};
    document.reset(scene.structures.size());
    ctx.scene = &scene;
    ctx.document = &document;
    ctx.knowledge = &knowledge;
  }

  // Draws one frame and returns the text the panel drew.
  std::string frame(const std::function<void(ImGuiIO&)>& input = {}) {
    test::PanelFrame f;
    f.cond = ImGuiCond_FirstUseEver;
    f.input = input;
    std::string text = test::draw_panel_frame(host, panel, ctx, f);
    EXPECT_TRUE(panel.last_error.empty()) << panel.last_error;
    return text;
  }
  void guarded_frame() { test::draw_guarded_frame(host, panel, ctx); }
  void click(const std::string& what) {
    const ui::InfoPanel::ClickTarget* t = panel.find_target(what);
    ASSERT_NE(t, nullptr) << what;
    ImVec2 at((t->x0 + t->x1) * 0.5f, (t->y0 + t->y1) * 0.5f);
    frame([&](ImGuiIO& io) {
      io.MousePos = at;
      io.MouseDown[0] = false;
    });
    frame([&](ImGuiIO& io) { io.MouseDown[0] = true; });
    frame([&](ImGuiIO& io) { io.MouseDown[0] = false; });
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(InfoPanel, NothingSelectedSaysHowToSelect) {
  Harness h;
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Select a structure")) << text;
}

TEST(InfoPanel, MuscleShowsItsSectionsInWords) {
  Harness h;
  h.document.select(0);
  h.frame();
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Fibularis longus")) << text;
  EXPECT_TRUE(has(text, "musculus fibularis longus"));
  EXPECT_TRUE(has(text, "peroneus longus"));
  EXPECT_TRUE(has(text, "lateral compartment"));
  EXPECT_TRUE(has(text, "Head and upper lateral fibula."));
  EXPECT_TRUE(has(text, "Base of the first metatarsal"));
  EXPECT_TRUE(has(text, "Superficial fibular nerve"));
  EXPECT_TRUE(has(text, "L5, S1"));
  EXPECT_TRUE(has(text, "Sources differ: Some give S2 too."));
  EXPECT_TRUE(has(text, "Eversion (primary)"));
  EXPECT_TRUE(has(text, "Plantarflexion (secondary)"));
  // Later sections start folded: their headers show, their text does not.
  EXPECT_TRUE(has(text, "Clinical notes"));
  EXPECT_FALSE(has(text, "Pain behind the lateral malleolus."));
  for (const char* t : {"toggle:origin", "toggle:insertion", "toggle:innervation", "toggle:function"})
    EXPECT_NE(h.panel.find_target(t), nullptr) << t;
}

TEST(InfoPanel, TogglesChangeTheDocumentsHighlights) {
  Harness h;
  h.document.select(0);
  ui::InfoPanel::toggle(h.ctx, ui::HighlightToggle::origin);
  EXPECT_TRUE(h.document.state().highlights.origin);
  EXPECT_FALSE(h.document.state().highlights.insertion);
  ui::InfoPanel::toggle(h.ctx, ui::HighlightToggle::function);
  EXPECT_TRUE(h.document.state().highlights.function);
  ui::InfoPanel::toggle(h.ctx, ui::HighlightToggle::origin);
  EXPECT_FALSE(h.document.state().highlights.origin);
  ui::InfoPanel::highlight_all(h.ctx);
  EXPECT_EQ(h.document.state().highlights, (Highlights{true, true, true, true}));
  ui::InfoPanel::clear_highlights(h.ctx);
  EXPECT_EQ(h.document.state().highlights, Highlights{});
  ASSERT_TRUE(h.document.undo());
  EXPECT_EQ(h.document.state().highlights, (Highlights{true, true, true, true}));
}

TEST(InfoPanel, ClickingTheTogglesAndButtonsChangesTheHighlights) {
  Harness h;
  h.document.select(0);
  h.frame();
  h.frame();
  h.click("toggle:innervation");
  EXPECT_TRUE(h.document.state().highlights.innervation);
  EXPECT_FALSE(h.document.state().highlights.origin);
  h.click("toggle:innervation");
  EXPECT_FALSE(h.document.state().highlights.innervation);
  h.click("button:highlight_all");
  EXPECT_EQ(h.document.state().highlights, (Highlights{true, true, true, true}));
  h.click("button:clear_highlights");
  EXPECT_EQ(h.document.state().highlights, Highlights{});
}

TEST(InfoPanel, ClickingASynergistSelectsIt) {
  Harness h;
  h.document.select(0);
  h.frame();
  h.frame();
  EXPECT_EQ(h.panel.find_target("link:fibularis_brevis"), nullptr); // its section is folded
  h.click("section:Synergists and antagonists");
  h.frame();
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Work with it:")) << text;
  h.click("link:fibularis_brevis");
  EXPECT_EQ(h.document.state().selected, 1);
  std::string after = h.frame();
  EXPECT_TRUE(has(after, "Fibularis brevis")) << after;
}

TEST(InfoPanel, SourcesResolveToCitations) {
  Harness h;
  h.document.select(0);
  h.frame();
  h.frame();
  h.click("section:Sources");
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Gray's Anatomy, 42nd ed.")) << text;
  EXPECT_TRUE(has(text, "For: Origin, Insertion"));
  EXPECT_TRUE(has(text, "nosuchkey (no citation found"));
}

TEST(InfoPanel, BoneAndNerveListWhatAttachesAndWhatTheySupply) {
  Harness h;
  h.document.select(3); // fibula
  h.frame();
  std::string bone = h.frame();
  EXPECT_TRUE(has(bone, "Fibular head")) << bone;
  EXPECT_TRUE(has(bone, "Origin of:"));
  EXPECT_NE(h.panel.find_target("link:fibularis_longus"), nullptr);
  h.click("link:fibularis_longus");
  EXPECT_EQ(h.document.state().selected, 0);

  h.document.select(4); // the nerve
  h.frame();
  std::string nerve = h.frame();
  EXPECT_TRUE(has(nerve, "L4, L5, S1")) << nerve;
  EXPECT_TRUE(has(nerve, "Most of the top of the foot."));
  EXPECT_NE(h.panel.find_target("link:fibularis_brevis"), nullptr);
}

TEST(InfoPanel, AMissingEntryShowsTheAtlasNameAndTheLoadProblems) {
  Harness h;
  h.ctx.knowledge_problems = {"muscles.json:12: entries[3].innervation.roots[0]: \"X9\" is not a spinal root"};
  h.document.select(5);
  h.guarded_frame();
  EXPECT_TRUE(h.panel.last_error.empty()) << h.panel.last_error;
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Atlas mystery")) << text;
  EXPECT_TRUE(has(text, "No knowledge entry for mystery"));
  EXPECT_TRUE(has(text, "Some knowledge could not be loaded:"));
  EXPECT_TRUE(has(text, "is not a spinal root"));

  h.ctx.knowledge = nullptr;
  h.document.select(0);
  h.guarded_frame();
  EXPECT_TRUE(h.panel.last_error.empty()) << h.panel.last_error;
  text = h.frame();
  EXPECT_TRUE(has(text, "No knowledge entry for fibularis_longus")) << text;
}

} // namespace

// With 30 px text in the narrowest panel the "in 3D" toggle was drawn over
// its header's label (the swatch over "Origin"). Where the label does not
// fit beside the toggle, the toggle goes on a line of its own under the
// header; where it fits, it stays at the header's right end.
TEST(InfoPanel, TheInThreeDTogglesNeverCoverTheirHeadersLabels) {
  Harness h;
  h.document.select(0);
  const std::pair<const char*, const char*> sections[] = {{"Origin", "toggle:origin"},
                                                          {"Insertion", "toggle:insertion"},
                                                          {"Innervation", "toggle:innervation"},
                                                          {"Function", "toggle:function"}};
  for (const float width : {test::narrowest_panel_width(), 560.0f}) {
    test::draw_at_width(h.host, h.panel, h.ctx, width, 1500.0f);
    int beside = 0;
    for (const auto& [label, toggle] : sections) {
      const ui::InfoPanel::ClickTarget* s = h.panel.find_target(std::string("section:") + label);
      const ui::InfoPanel::ClickTarget* t = h.panel.find_target(toggle);
      ASSERT_TRUE(s && t) << label << " at " << width << " px";
      // A framed header's label starts after its arrow: the font size and
      // three frame paddings.
      const float label_end =
          s->x0 + ImGui::GetFontSize() + 3.0f * ImGui::GetStyle().FramePadding.x + ImGui::CalcTextSize(label).x;
      const bool below = t->y0 >= s->y1 - 0.5f;
      EXPECT_TRUE(below || t->x0 >= label_end) << label << "'s toggle covers its label at " << width << " px";
      beside += below ? 0 : 1;
    }
    if (width > 500.0f) EXPECT_EQ(beside, 4) << "in a wide panel the toggles stay on their headers";
    else EXPECT_LT(beside, 4) << "the narrowest panel has room beside none or some";
  }
}
