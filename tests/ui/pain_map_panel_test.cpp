// "Where does it hurt?": the ranked candidates for the painted points
// (essential before spillover), recomputed only when the painting changes;
// choosing one selects its muscle and shows its map; the brush controls;
// the note that Crus does not diagnose and the red flags (emergencies first)
// always at the foot; a missing trigger-point file is explained in place.
#include "core/io/atlas_manifest.hpp"
#include "core/io/image.hpp"
#include "gfx/framebuffer.hpp"
#include "gfx/gl.hpp"
#include "platform/headless_context.hpp"
#include "support/test_support.hpp"
#include "ui/imgui_host.hpp"
#include "ui/pain_map_panel.hpp"
#include "ui/red_flags_panel.hpp"
#include "ui/shell.hpp"
#include "ui/trigger_point_panel.hpp"

#include "panel_harness.hpp"
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <filesystem>

using namespace crus;

namespace {

const glm::vec3 kHeel{-0.1f, 0.02f, 0.08f};
const glm::vec3 kCalf{-0.1f, 0.25f, 0.1f};

ReferralShape ellipsoid(glm::vec3 centre, float radius, const char* region) {
  ReferralShape s;
  s.kind = ShapeKind::ellipsoid;
  s.centre = centre;
  s.radii = glm::vec3(radius);
  s.region = region;
  return s;
}

TriggerPointSet sample_set() {
  TriggerPointSet set;
  TriggerPoint soleus;
  soleus.id = "soleus_trp1";
  soleus.muscle = soleus.group = "soleus";
  soleus.label = "Soleus TrP1";
  soleus.essential.shapes = {ellipsoid(kHeel, 0.03f, "heel")};
  TriggerPoint gastro;
  gastro.id = "gastrocnemius_trp1";
  gastro.muscle = "gastrocnemius_medial_head";
  gastro.group = "gastrocnemius";
  gastro.label = "Gastrocnemius TrP1";
  gastro.essential.shapes = {ellipsoid(kCalf, 0.03f, "calf")};
  gastro.spillover.shapes = {ellipsoid(kHeel, 0.04f, "heel")};
  set.trigger_points = {gastro, soleus};
  return set;
}

RedFlagSet sample_flags() {
  RedFlagSet flags;
  flags.disclaimer = "Not every pain is a trigger point.";
  flags.advice[0] = "Call the emergency services now.";
  flags.advice[1] = "See a doctor today.";
  flags.advice[2] = "Book an appointment.";
  auto flag = [](const char* id, const char* title, Urgency u) {
    RedFlag f;
    f.id = id;
    f.title = title;
    f.urgency = u;
    f.what_it_is = std::string("About ") + title;
    f.warning_signs = {std::string("Sign of ") + title};
    return f;
  };
  RedFlag cellulitis = flag("cellulitis", "Cellulitis", Urgency::urgent);
  cellulitis.escalate_if = {"Redness spreading quickly"};
  flags.red_flags = {flag("sciatica", "Sciatica", Urgency::soon),
                     flag("deep_vein_thrombosis", "Deep vein thrombosis", Urgency::urgent),
                     flag("pulmonary_embolism", "Pulmonary embolism", Urgency::emergency), cellulitis,
                     flag("compartment_syndrome", "Compartment syndrome", Urgency::emergency)};
  return flags;
}

struct Harness {
  platform::HeadlessContext context;
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  Scene scene;
  Document document;
  TriggerPointSet set = sample_set();
  RedFlagSet flags = sample_flags();
  ui::ViewerContext ctx;
  ui::PainMapPanel panel;

  Harness() {
    for (const char* id : {"tibia", "soleus", "gastrocnemius_medial_head", "skin"}) {
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
    ctx.red_flags = &flags;
    ctx.skin = 3;
  }

  // Draws one frame and returns the text the panel drew.
  std::string frame() {
    test::PanelFrame f;
    f.display = ImVec2(1280, 2400);
    f.pos = ImVec2(600, 40);
    f.size = ImVec2(700, 2000);
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

TEST(PainMapPanel, NothingPaintedListsNothingAndSaysHow) {
  Harness h;
  EXPECT_TRUE(h.panel.candidates(h.ctx).empty());
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Paint on the skin")) << text;
  EXPECT_TRUE(has(text, "click or drag on the leg"));
}

TEST(PainMapPanel, EssentialZonesRankAboveSpillover) {
  Harness h;
  h.ctx.painted = {kHeel, kHeel + glm::vec3(0.005f, 0, 0)};
  const auto& list = h.panel.candidates(h.ctx);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].trigger_point, "soleus_trp1");
  EXPECT_EQ(list[0].zone, ZoneKind::essential);
  EXPECT_EQ(list[1].trigger_point, "gastrocnemius_trp1");
  EXPECT_EQ(list[1].zone, ZoneKind::spillover);
  h.frame();
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "Atlas soleus")) << text;
  EXPECT_TRUE(has(text, "Soleus TrP1"));
  EXPECT_TRUE(has(text, "essential"));
  EXPECT_TRUE(has(text, "spillover"));
  EXPECT_LT(text.find("Soleus TrP1"), text.find("Gastrocnemius TrP1")) << text;
}

TEST(PainMapPanel, RecomputesOnlyWhenThePaintingChanges) {
  Harness h;
  h.ctx.painted = {kHeel};
  h.panel.candidates(h.ctx);
  h.frame();
  h.frame();
  h.panel.candidates(h.ctx);
  EXPECT_EQ(h.panel.lookups(), 1u);
  h.ctx.painted.push_back(kHeel + glm::vec3(0.001f, 0, 0));
  h.frame();
  EXPECT_EQ(h.panel.lookups(), 2u);
  h.ctx.painted.back().x += 0.001f; // same count, different point
  h.frame();
  EXPECT_EQ(h.panel.lookups(), 3u);
  ui::PainMapPanel::clear(h.ctx);
  EXPECT_TRUE(h.ctx.painted.empty());
  EXPECT_TRUE(h.panel.candidates(h.ctx).empty());
  EXPECT_EQ(h.panel.lookups(), 4u);
}

TEST(PainMapPanel, ChoosingACandidateSelectsItsMuscleAndShowsItsMap) {
  Harness h;
  Overlay cb;
  cb.colour_blind_safe = true;
  h.document.set_overlay(cb);
  h.ctx.painted = {kHeel};
  h.panel.choose(h.ctx, 1);
  EXPECT_EQ(h.document.state().selected, 2); // gastrocnemius_medial_head
  EXPECT_EQ(h.document.state().overlay, (Overlay{OverlayMode::trigger_point, "gastrocnemius_trp1", true}));
  EXPECT_EQ(h.panel.chosen(), 1);
  h.panel.choose(h.ctx, 0);
  EXPECT_EQ(h.document.state().selected, 1);
  EXPECT_EQ(h.document.state().overlay.target, "soleus_trp1");
  // The choice follows its trigger point when the painting changes.
  h.ctx.painted.push_back(kHeel + glm::vec3(0.002f, 0, 0));
  h.panel.candidates(h.ctx);
  EXPECT_EQ(h.panel.chosen(), 0);
  h.panel.choose(h.ctx, 7); // out of range: nothing happens
  EXPECT_EQ(h.document.state().selected, 1);
}

TEST(PainMapPanel, BrushSizeAndPaintModeLiveInTheContext) {
  Harness h;
  h.ctx.paint_mode = true;
  h.ctx.brush_radius = 0.02f;
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "2.0 cm")) << text;
  EXPECT_TRUE(h.ctx.paint_mode);
  h.ctx.skin = -1; // an atlas without skin cannot be painted
  text = h.frame();
  EXPECT_FALSE(h.ctx.paint_mode);
  EXPECT_TRUE(has(text, "no skin")) << text;
}

TEST(PainMapPanel, TheNoteAndTheRedFlagsAreAlwaysThere) {
  Harness h;
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "For education only: Crus does not diagnose. See a health professional about pain.")) << text;
  EXPECT_TRUE(has(text, "Not muscle pain? Red flags"));
  EXPECT_FALSE(has(text, "Pulmonary embolism")) << "the box starts folded";
  h.panel.set_red_flags_open(true);
  h.frame();
  text = h.frame();
  EXPECT_TRUE(h.panel.red_flags_open());
  // Emergencies first, under their own header and advice.
  std::size_t emergency = text.find("Emergency: get help now");
  std::size_t today = text.find("See a doctor today");
  std::size_t soon = text.find("Book an appointment soon");
  ASSERT_NE(emergency, std::string::npos) << text;
  ASSERT_NE(today, std::string::npos);
  ASSERT_NE(soon, std::string::npos);
  EXPECT_LT(emergency, today);
  EXPECT_LT(today, soon);
  EXPECT_LT(text.find("Pulmonary embolism"), today);
  EXPECT_LT(text.find("Compartment syndrome"), today);
  EXPECT_GT(text.find("Sciatica"), soon);
  EXPECT_TRUE(has(text, "Call the emergency services now."));
  EXPECT_TRUE(has(text, "Sign of Pulmonary embolism")) << "emergencies start unfolded";
}

// Urgent red flags that fit the painted place are drawn before the trigger
// points; when only 'soon' ones fit, after them.
TEST(PainMapPanel, UrgentRedFlagsForThePaintedPlaceComeBeforeTheCandidates) {
  Harness h;
  h.ctx.painted = {kCalf};
  std::string text = h.frame();
  std::size_t check = text.find("Check these first");
  std::size_t candidates = text.find("Trigger points that can send pain");
  ASSERT_NE(check, std::string::npos) << text;
  ASSERT_NE(candidates, std::string::npos) << text;
  EXPECT_LT(check, candidates);
  EXPECT_LT(text.find("Pulmonary embolism"), candidates);
  EXPECT_EQ(h.panel.fitting_red_flags(h.ctx).size(), h.flags.red_flags.size()) << "no landmarks: every red flag";

  for (RedFlag& f : h.flags.red_flags) f.urgency = Urgency::soon;
  h.ctx.painted = {kCalf, kHeel}; // a new painting, so the panel looks again
  text = h.frame();
  std::size_t also = text.find("These can also cause pain");
  candidates = text.find("Trigger points that can send pain");
  ASSERT_NE(also, std::string::npos) << text;
  EXPECT_GT(also, candidates);
  EXPECT_EQ(text.find("Check these first"), std::string::npos);
}

// With the bundled atlas's landmarks, a painted heel offers the heel's red
// flags and not a clot.
TEST(PainMapPanel, TheBundledLandmarksPickTheRedFlagsOfThePaintedArea) {
  std::string dir = crus::test::source_dir() + "/assets";
  CRUS_REQUIRE_BUNDLED(dir + "/atlas/atlas.json");
  Harness h;
  h.scene.manifest = load_manifest(dir + "/atlas/atlas.json");
  h.flags = load_red_flags(dir + "/knowledge/red_flags.json");
  glm::vec3 heel(0.0f);
  for (const Landmark& l : h.scene.manifest->landmarks)
    if (l.id == "calcaneal_tuberosity") heel = l.position + glm::vec3(-0.012f, 0.0f, 0.0f);
  h.ctx.painted = {heel};
  std::vector<std::string> ids;
  for (const RedFlag* f : h.panel.fitting_red_flags(h.ctx)) ids.push_back(f->id);
  auto has_id = [&](const char* id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
  EXPECT_TRUE(has_id("achilles_tendon_rupture"));
  EXPECT_TRUE(has_id("acute_fracture_or_dislocation"));
  EXPECT_FALSE(has_id("deep_vein_thrombosis"));
  ASSERT_EQ(h.panel.painted_areas(h.ctx).size(), 1u);
  EXPECT_EQ(h.panel.painted_areas(h.ctx)[0], BodyArea::heel);
  std::string text = h.frame();
  EXPECT_LT(text.find("Check these first"), text.find("Trigger points that can send pain")) << text;
}

TEST(PainMapPanel, WithoutTriggerPointsItStillShowsTheNoteAndSaysWhy) {
  Harness h;
  h.ctx.trigger_points = nullptr;
  h.ctx.trigger_point_problem = "trigger_points.json:3: version: expected a number";
  h.ctx.painted = {kHeel};
  EXPECT_TRUE(h.panel.candidates(h.ctx).empty());
  std::string text = h.frame();
  EXPECT_TRUE(has(text, "trigger_points.json:3")) << text;
  EXPECT_TRUE(has(text, "does not diagnose"));
  h.guarded_frame();
  h.ctx.red_flags = nullptr;
  h.panel.set_red_flags_open(true);
  text = h.frame();
  EXPECT_TRUE(has(text, "could not be loaded")) << text;
}

TEST(PainMapPanel, ExportPassesAnEmptyIdForThePaintedMap) {
  Harness h;
  std::string got_path = "unset", got_id = "unset";
  h.ctx.export_handout = [&](const std::string& path, const std::string& id, const HandoutPatient&) {
    got_path = path;
    got_id = id;
  };
  h.panel.export_handout(h.ctx, "/tmp/pain.png");
  EXPECT_EQ(got_path, "/tmp/pain.png");
  EXPECT_EQ(got_id, "");
  EXPECT_FALSE(h.panel.export_failed());
  h.ctx.export_handout = nullptr;
  h.panel.export_handout(h.ctx, "/tmp/pain.png");
  EXPECT_TRUE(h.panel.export_failed());
}

TEST(RedFlagsPanel, GroupsPutEmergenciesFirst) {
  RedFlagSet flags = sample_flags();
  auto groups = ui::RedFlagsPanel::groups(flags);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].first, Urgency::emergency);
  ASSERT_EQ(groups[0].second.size(), 2u);
  EXPECT_EQ(groups[0].second[0]->id, "pulmonary_embolism");
  EXPECT_EQ(groups[0].second[1]->id, "compartment_syndrome");
  EXPECT_EQ(groups[1].first, Urgency::urgent);
  EXPECT_EQ(groups[2].first, Urgency::soon);
}

} // namespace

// The two panels as a user sees them, with the bundled data, drawn into an
// offscreen framebuffer at their default places (written to the test
// output for a person to look at). The emergency header must be drawn in red.
namespace {

TEST(PainMapPanel, LooksRightWithTheBundledData) {
  std::string dir = crus::test::source_dir() + "/assets";
  CRUS_REQUIRE_BUNDLED(dir + "/atlas/atlas.json");
  Harness h;
  h.scene.manifest = load_manifest(dir + "/atlas/atlas.json");
  h.set = load_trigger_points(dir + "/knowledge/trigger_points.json", h.scene.manifest->landmarks);
  h.flags = load_red_flags(dir + "/knowledge/red_flags.json");
  const TriggerPoint* soleus = h.set.find("soleus_trp1");
  ASSERT_NE(soleus, nullptr);
  ASSERT_FALSE(soleus->essential.shapes.empty());
  h.ctx.painted = {soleus->essential.shapes.front().centre};
  ui::TriggerPointPanel tp_panel;
  tp_panel.open = true;
  h.panel.choose(h.ctx, 0);
  h.panel.set_red_flags_open(true);

  const int w = 1600, height = 1200;
  gfx::Framebuffer target(w, height, 1);
  ImGuiIO& io = ImGui::GetIO();
  for (int frame = 0; frame < 3; ++frame) {
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(height));
    io.DeltaTime = 1.0f / 60.0f;
    h.host.begin_frame();
    ui::draw_panel_window(h.panel, h.ctx);
    ui::draw_panel_window(tp_panel, h.ctx);
    target.bind();
    glClearColor(0.2f, 0.2f, 0.22f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    h.host.end_frame();
  }
  EXPECT_TRUE(h.panel.last_error.empty()) << h.panel.last_error;
  EXPECT_TRUE(tp_panel.last_error.empty()) << tp_panel.last_error;
  crus::Image shot;
  shot.width = w;
  shot.height = height;
  shot.rgba = target.read_rgba();
  write_png(shot, (crus::test::scratch_dir("pain_map_panel") / "panels.png").string());
  int red = 0;
  // The pain-map panel's default place: the left column.
  for (int y = height * 5 / 100; y < height * 95 / 100; ++y)
    for (int x = w * 1 / 100; x < w * 24 / 100; ++x) {
      const std::uint8_t* p = shot.at(x, y);
      red += p[0] > 150 && p[1] < 60 && p[2] < 60;
    }
  EXPECT_GT(red, 2000) << "the emergency header is a red bar";
}

} // namespace

TEST(PainMapPanel, PaintOnAPosedSkinIsLookedUpAtTheSameSpotAtRest) {
  Harness h;
  // A patch of skin round the heel at rest, and the same patch moved 1 m
  // away and turned, as a pose would move it (same vertices and triangles).
  Mesh rest;
  for (const glm::vec3& d :
       {glm::vec3(-0.05f, 0, -0.05f), glm::vec3(0.05f, 0, -0.05f), glm::vec3(0.05f, 0, 0.05f), glm::vec3(-0.05f, 0, 0.05f)})
    rest.positions.push_back(kHeel + d);
  rest.indices = {0, 1, 2, 0, 2, 3};
  auto move = [](const glm::vec3& p) { return glm::vec3(-p.z, p.y, p.x) + glm::vec3(1.0f, 0.0f, 0.0f); };
  Mesh posed = rest;
  for (auto& p : posed.positions) p = move(p);
  h.scene.structures[3].mesh = posed;
  const SkinIndex index(posed);
  h.ctx.skin_index = &index;
  h.ctx.painted = {move(kHeel)};
  // Looked up where it was painted, the posed point is far from every zone.
  EXPECT_TRUE(h.panel.candidates(h.ctx).empty());
  // Carried to the rest skin, it is the heel.
  h.ctx.rest_skin = &rest;
  ++h.ctx.skin_generation;
  const auto found = h.panel.candidates(h.ctx);
  ASSERT_FALSE(found.empty());
  // The same panel at rest, painted at the heel.
  h.ctx.rest_skin = nullptr;
  h.ctx.painted = {kHeel};
  const auto expected = h.panel.candidates(h.ctx);
  ASSERT_EQ(found.size(), expected.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(found[i].trigger_point, expected[i].trigger_point);
    EXPECT_NEAR(found[i].score, expected[i].score, 1e-4f);
  }
}
