// The trigger-point panel: the mode, trigger point, muscle and palette
// controls change document.state().overlay (and nothing else), the details
// of the chosen trigger point are drawn in words with the referral outside
// the model, the muscle can be selected, the handout is exported through the
// app's callback, and a missing trigger-point file is explained in place.
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/shell.hpp"
#include "ui/trigger_point_panel.hpp"

#include "panel_harness.hpp"
#include <gtest/gtest.h>
#include <imgui.h>

#include <stdexcept>

using namespace crus;

namespace {

ReferralShape ellipsoid(glm::vec3 centre, glm::vec3 radii, const char* region) {
  ReferralShape s;
  s.kind = ShapeKind::ellipsoid;
  s.centre = centre;
  s.radii = radii;
  s.region = region;
  return s;
}

TriggerPointSet sample_set() {
  TriggerPointSet set;
  set.disclaimer = "For education: these maps do not diagnose.";
  set.sources = {{"ts", "textbook", "Travell JG, Simons DG. The Trigger Point Manual, vol. 2.", ""}};
  auto make = [](const char* id, const char* muscle, const char* group, const char* label) {
    TriggerPoint tp;
    tp.id = id;
    tp.muscle = muscle;
    tp.group = group;
    tp.label = label;
    tp.location_text = std::string("Where ") + label + " lies.";
    tp.symptoms = {std::string("Symptom of ") + label};
    tp.activating_factors = {"Walking uphill"};
    tp.self_care = {"A gentle stretch"};
    tp.safety_net = {{"deep_vein_thrombosis"}, "A swollen, warm calf needs a doctor the same day."};
    tp.differential = {"A blood clot"};
    tp.sources = {"ts", "missing_key"};
    tp.notes = {"Books number it differently."};
    return tp;
  };
  TriggerPoint g1 = make("gastrocnemius_trp1", "gastrocnemius_medial_head", "gastrocnemius", "Gastrocnemius TrP1");
  g1.essential.shapes = {ellipsoid({0.0f, 0.01f, 0.05f}, glm::vec3(0.03f), "instep")};
  TriggerPoint g2 = make("gastrocnemius_trp2", "gastrocnemius_lateral_head", "gastrocnemius", "Gastrocnemius TrP2");
  g2.essential.shapes = {ellipsoid({-0.08f, 0.45f, 0.1f}, glm::vec3(0.03f), "back of the knee")};
  TriggerPoint s3 = make("soleus_trp3", "soleus", "soleus", "Soleus TrP3");
  s3.essential.shapes = {ellipsoid({-0.1f, 0.2f, 0.1f}, glm::vec3(0.03f), "lower outer calf")};
  s3.spillover.shapes = {ellipsoid({-0.1f, 0.25f, 0.1f}, glm::vec3(0.05f), "upper outer calf")};
  s3.outside_model = {"The sacroiliac joint region of the same side."};
  set.trigger_points = {g1, g2, s3};
  return set;
}

struct Harness {
  platform::HeadlessContext context;
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  Scene scene;
  Document document;
  TriggerPointSet set = sample_set();
  ui::ViewerContext ctx;
  ui::TriggerPointPanel panel;

  Harness() {
    for (const char* id : {"tibia", "soleus", "gastrocnemius_medial_head", "gastrocnemius_lateral_head", "skin"}) {
      SceneStructure s;
      s.id = s.node = id;
      s.name = std::string("Atlas ") + id;
      scene.structures.push_back(s);
    }
    document.reset(scene.structures.size());
    ctx.scene = &scene;
    ctx.document = &document;
    ctx.trigger_points = &set;
    panel.open = true;
  }

  // Draws one frame and returns the text the panel drew.
  std::string frame() {
    test::PanelFrame f;
    f.display = ImVec2(1280, 2400);
    f.pos = ImVec2(600, 40);
    f.size = ImVec2(560, 2200);
    std::string text = test::draw_panel_frame(host, panel, ctx, f);
    EXPECT_TRUE(panel.last_error.empty()) << panel.last_error;
    return text;
  }
  // One frame through the viewer's own window guard.
  void guarded_frame() {
    test::draw_guarded_frame(host, panel, ctx);
    EXPECT_TRUE(panel.last_error.empty()) << panel.last_error;
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(TriggerPointPanel, ModesSetTheDocumentsOverlay) {
  Harness h;
  EXPECT_EQ(h.document.state().overlay.mode, OverlayMode::none);
  h.panel.set_mode(h.ctx, OverlayMode::trigger_point);
  EXPECT_EQ(h.document.state().overlay, (Overlay{OverlayMode::trigger_point, "gastrocnemius_trp1", false}));
  h.panel.choose_trigger_point(h.ctx, "soleus_trp3");
  EXPECT_EQ(h.document.state().overlay.target, "soleus_trp3");
  // One muscle: the muscle of the trigger point being read.
  h.panel.set_mode(h.ctx, OverlayMode::muscle);
  EXPECT_EQ(h.document.state().overlay, (Overlay{OverlayMode::muscle, "soleus", false}));
  h.panel.choose_muscle(h.ctx, "gastrocnemius");
  EXPECT_EQ(h.document.state().overlay, (Overlay{OverlayMode::muscle, "gastrocnemius", false}));
  h.panel.set_mode(h.ctx, OverlayMode::all);
  EXPECT_EQ(h.document.state().overlay, (Overlay{OverlayMode::all, "", false}));
  h.panel.set_mode(h.ctx, OverlayMode::none);
  EXPECT_EQ(h.document.state().overlay.mode, OverlayMode::none);
  // Each change is one undo step.
  ASSERT_TRUE(h.document.undo());
  EXPECT_EQ(h.document.state().overlay.mode, OverlayMode::all);
  ASSERT_TRUE(h.document.undo());
  EXPECT_EQ(h.document.state().overlay.target, "gastrocnemius");
  // Unknown ids change nothing.
  h.panel.choose_muscle(h.ctx, "no_such_muscle");
  h.panel.choose_trigger_point(h.ctx, "no_such_trp");
  EXPECT_EQ(h.document.state().overlay.target, "gastrocnemius");
}

TEST(TriggerPointPanel, ColourBlindPaletteKeepsTheMap) {
  Harness h;
  h.panel.choose_trigger_point(h.ctx, "soleus_trp3");
  ui::TriggerPointPanel::set_colour_blind_safe(h.ctx, true);
  EXPECT_EQ(h.document.state().overlay, (Overlay{OverlayMode::trigger_point, "soleus_trp3", true}));
  h.panel.set_mode(h.ctx, OverlayMode::all);
  EXPECT_TRUE(h.document.state().overlay.colour_blind_safe);
}

TEST(TriggerPointPanel, DetailsOfTheChosenTriggerPointInWords) {
  Harness h;
  std::string off = h.frame();
  EXPECT_TRUE(has(off, "Choose a mode")) << off;
  h.panel.choose_trigger_point(h.ctx, "soleus_trp3");
  h.frame();
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Soleus TrP3")) << text;
  EXPECT_TRUE(has(text, "Where Soleus TrP3 lies."));
  EXPECT_TRUE(has(text, "lower outer calf"));
  EXPECT_TRUE(has(text, "upper outer calf"));
  EXPECT_TRUE(has(text, "sacroiliac joint region")) << "referral outside the model";
  EXPECT_TRUE(has(text, "Symptom of Soleus TrP3"));
  EXPECT_TRUE(has(text, "swollen, warm calf needs a doctor the same day")) << "the safety net shows without opening self-care";
  EXPECT_TRUE(has(text, "Where sources disagree"));
  EXPECT_TRUE(has(text, "Sources"));
  EXPECT_TRUE(has(text, "do not diagnose"));
  EXPECT_TRUE(has(text, "Atlas soleus")) << "the muscle's name";
}

TEST(TriggerPointPanel, NothingIsCutOffInANarrowPanel) {
  // With text 30 px high in a panel 224 px wide, "Show referral maps:" and
  // "One trigger point" ran past the edge. (The section headers below, such
  // as "Where it sends pain", are cut off at that width still: ImGui's
  // collapsing headers do not wrap.)
  Harness h;
  for (const float width : {test::narrowest_panel_width(), 560.0f}) {
    ASSERT_GT(width, 100.0f);
    EXPECT_LE(test::overflow_at_width(h.host, h.panel, h.ctx, width, 2200.0f), 0.0f) << "a panel " << width << " px wide";
    EXPECT_LE(test::clipped_sideways(h.panel.title()), 1.0f) << "cut off in a panel " << width << " px wide";
  }
}

TEST(TriggerPointPanel, InMuscleModeTheListPicksWhatToReadWithoutChangingTheMap) {
  Harness h;
  h.panel.choose_muscle(h.ctx, "gastrocnemius");
  EXPECT_EQ(h.panel.current(h.ctx)->id, "gastrocnemius_trp1");
  h.panel.choose_trigger_point(h.ctx, "gastrocnemius_trp2");
  EXPECT_EQ(h.panel.current(h.ctx)->id, "gastrocnemius_trp2");
  EXPECT_EQ(h.document.state().overlay, (Overlay{OverlayMode::muscle, "gastrocnemius", false}));
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Gastrocnemius TrP2")) << text;
}

TEST(TriggerPointPanel, MuscleListHasGroupsFirst) {
  Harness h;
  auto list = ui::TriggerPointPanel::muscles(h.ctx);
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].id, "gastrocnemius");
  EXPECT_EQ(list[0].name, "Gastrocnemius (both heads)");
  EXPECT_EQ(list[1].id, "soleus");
  EXPECT_EQ(list[2].id, "gastrocnemius_medial_head");
  EXPECT_EQ(list[3].id, "gastrocnemius_lateral_head");
}

TEST(TriggerPointPanel, SelectMuscleSelectsItInTheScene) {
  Harness h;
  EXPECT_TRUE(ui::TriggerPointPanel::select_muscle(h.ctx, *h.set.find("gastrocnemius_trp2")));
  EXPECT_EQ(h.document.state().selected, 3);
  TriggerPoint stray = *h.set.find("soleus_trp3");
  stray.muscle = "not_in_this_atlas";
  EXPECT_FALSE(ui::TriggerPointPanel::select_muscle(h.ctx, stray));
  EXPECT_EQ(h.document.state().selected, 3);
}

TEST(HandoutSaver, ThePatientFieldsGoToTheExporterAndStayInTheDialog) {
  Harness h;
  HandoutPatient got;
  h.ctx.export_handout = [&](const std::string&, const std::string&, const HandoutPatient& p) { got = p; };
  ui::HandoutSaver saver;
  saver.set_patient({"Ana Lopes", "2026-03-14", "Stretch twice a day.\nCome back in two weeks."});
  saver.save(h.ctx, "/tmp/x.png", "soleus_trp1");
  EXPECT_EQ(got.name, "Ana Lopes");
  EXPECT_EQ(got.date, "2026-03-14");
  EXPECT_EQ(got.notes, "Stretch twice a day.\nCome back in two weeks.");
  EXPECT_EQ(saver.patient().name, "Ana Lopes"); // kept for the next handout of the consultation
  // The paper chosen in the dialog goes to the exporter.
  EXPECT_EQ(h.ctx.handout_paper, Paper::a4);
  Paper paper_seen = Paper::a4;
  h.ctx.export_handout = [&](const std::string&, const std::string&, const HandoutPatient&) { paper_seen = h.ctx.handout_paper; };
  saver.set_paper(Paper::letter);
  saver.save(h.ctx, "/tmp/x.pdf", "soleus_trp1");
  EXPECT_EQ(paper_seen, Paper::letter);
  // Too long for the fields: cut, never overrun.
  saver.set_patient({std::string(500, 'x'), "", ""});
  EXPECT_LT(saver.patient().name.size(), 128u);
}

TEST(TriggerPointPanel, ExportCallsTheAppAndReportsTheResult) {
  Harness h;
  std::string got_path, got_id;
  h.ctx.export_handout = [&](const std::string& path, const std::string& id, const HandoutPatient&) {
    got_path = path;
    got_id = id;
  };
  std::string path = ui::TriggerPointPanel::default_handout_path("soleus_trp3");
  EXPECT_TRUE(has(path, "crus-handout-soleus_trp3.pdf")) << path;
  h.panel.export_handout(h.ctx, path, "soleus_trp3");
  EXPECT_EQ(got_path, path);
  EXPECT_EQ(got_id, "soleus_trp3");
  EXPECT_FALSE(h.panel.export_failed());
  EXPECT_TRUE(has(h.panel.export_result(), path));

  h.ctx.export_handout = [](const std::string&, const std::string&, const HandoutPatient&) {
    throw std::runtime_error("/nope: cannot write");
  };
  h.panel.export_handout(h.ctx, "/nope/x.png", "soleus_trp3");
  EXPECT_TRUE(h.panel.export_failed());
  EXPECT_TRUE(has(h.panel.export_result(), "cannot write"));
  h.panel.choose_trigger_point(h.ctx, "soleus_trp3");
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Could not save the handout")) << text;
}

TEST(TriggerPointPanel, WithoutTriggerPointsItSaysWhy) {
  Harness h;
  h.ctx.trigger_points = nullptr;
  h.ctx.trigger_point_problem = "trigger_points.json:57: trigger_points[3].radii: expected 3 positive numbers";
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "runs without the overlay")) << text;
  h.guarded_frame();
  EXPECT_TRUE(has(text, "trigger_points.json:57"));
  EXPECT_TRUE(h.panel.last_error.empty());
  h.panel.set_mode(h.ctx, OverlayMode::all); // does nothing, throws nothing
  EXPECT_EQ(h.document.state().overlay.mode, OverlayMode::none);
}

} // namespace
