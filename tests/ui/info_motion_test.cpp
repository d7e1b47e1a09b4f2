// The Info panel at a pose: the selected muscle's musculotendon length, its
// change from neutral and its moment arm about each joint, live as the pose
// shown changes; a Play button beside each action the leg model can make
// (none for one it cannot), which plays it with the muscle highlighted.
#include "platform/headless_context.hpp"
#include "ui/imgui_host.hpp"
#include "ui/info_panel.hpp"
#include "ui/motion_player.hpp"
#include "panel_harness.hpp"

#include "support/test_support.hpp"
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdio>

using namespace crus;

namespace {
struct Harness {
  platform::HeadlessContext context;
  ui::ImGuiHost host{nullptr, 1.0f, ""};
  Scene scene;
  Document document;
  KnowledgeBase knowledge;
  motion::MotionModel model = motion::load_motion_model(test::source_dir() + "/assets/motion/joints.json");
  motion::MuscleSet muscles = motion::load_muscles(test::source_dir() + "/assets/motion/muscles.json", model);
  ui::ViewerContext ctx;
  ui::InfoPanel panel;
  Harness() {
    for (const char* id : {"gastrocnemius_medial_head", "soleus"}) {
      SceneStructure s;
      s.id = s.node = s.name = id;
      s.kind = StructureKind::muscle;
      scene.structures.push_back(s);
    }
    KnowledgeEntry g;
    g.id = "gastrocnemius_medial_head";
    g.kind = "muscle";
    g.name = "Gastrocnemius, medial head";
    g.actions = {{"ankle (talocrural)", "plantarflexion", "primary", std::nullopt},
                 {"knee", "flexion", "secondary", std::nullopt},
                 {"interphalangeal", "flexion", "secondary", std::nullopt}}; // not a joint of the model: no Play
    knowledge.entries = {g};
    document.reset(scene.structures.size());
    document.select(0);
    ctx.scene = &scene;
    ctx.document = &document;
    ctx.knowledge = &knowledge;
    ctx.motion.model = &model;
    ctx.motion.muscles = &muscles;
    shown_changed();
  }
  // What the viewer does each frame when the pose shown changed.
  void shown_changed() { ctx.motion.states = motion::muscle_states(model, muscles, ui::shown_pose(ctx)); }
  std::string frame(const std::function<void(ImGuiIO&)>& input = {}) {
    test::PanelFrame f;
    f.cond = ImGuiCond_FirstUseEver;
    f.input = input;
    std::string text = test::draw_panel_frame(host, panel, ctx, f);
    EXPECT_TRUE(panel.last_error.empty()) << panel.last_error;
    return text;
  }
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
  const motion::MuscleState& state(const std::string& id) {
    for (std::size_t i = 0; i < muscles.muscles.size(); ++i)
      if (muscles.muscles[i].id == id) return ctx.motion.states[i];
    throw std::runtime_error("no " + id);
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
std::string mm(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}
} // namespace

TEST(InfoMotion, LengthChangeAndMomentArmsFollowThePoseShown) {
  Harness h;
  h.frame();
  std::string text = h.frame();
  const double neutral_mm = h.state("gastrocnemius_medial_head").length_m * 1000.0;
  EXPECT_TRUE(has(text, "Musculotendon length " + mm("%.1f", neutral_mm) + " mm (neutral " + mm("%.1f", neutral_mm) + " mm)"))
      << text;
  EXPECT_TRUE(has(text, "Change from neutral +0.0 mm (+0.0 %), unchanged")) << text;
  EXPECT_TRUE(has(text, "plantarflexion")) << text; // its moment arm about the ankle
  // The knee bends (a slider dragged: only the preview): the gastrocnemius,
  // crossing the knee behind it, is shorter by the numbers the model gives.
  h.ctx.motion.preview = motion::Pose{90.0, 0.0, 0.0, 0.0};
  h.shown_changed();
  text = h.frame();
  const motion::MuscleState& bent = h.state("gastrocnemius_medial_head");
  ASSERT_LT(bent.change_mm, -10.0);
  EXPECT_TRUE(has(text, "knee 90")) << text;
  EXPECT_TRUE(
      has(text, "Musculotendon length " + mm("%.1f", bent.length_m * 1000.0) + " mm (neutral " + mm("%.1f", neutral_mm) + " mm)"))
      << text;
  EXPECT_TRUE(
      has(text, "Change from neutral " + mm("%+.1f", bent.change_mm) + " mm (" + mm("%+.1f", bent.change_pct) + " %), shorter"))
      << text;
  const double knee_arm_mm = bent.moment_arm_m[static_cast<std::size_t>(motion::Coordinate::knee)] * 1000.0;
  ASSERT_GT(knee_arm_mm, 5.0); // a knee flexor
  EXPECT_TRUE(has(text, "| Knee | " + mm("%.1f", knee_arm_mm) + " | flexion |")) << text;
}

TEST(InfoMotion, PlayBesideEachActionTheModelCanMakePlaysItHighlighted) {
  Harness h;
  h.frame();
  h.frame();
  EXPECT_NE(h.panel.find_target("button:play_action:ankle_plantarflexion"), nullptr);
  EXPECT_NE(h.panel.find_target("button:play_action:knee_flexion"), nullptr);
  for (const auto& t : h.panel.targets()) EXPECT_EQ(t.what.find("interphalangeal"), std::string::npos) << t.what;
  h.click("button:play_action:ankle_plantarflexion");
  ASSERT_TRUE(ui::motion_busy(h.ctx));
  EXPECT_EQ(h.ctx.motion.animation->highlight, 0);
  double lowest = 0.0;
  for (int i = 0; i < 600 && ui::motion_busy(h.ctx); ++i) {
    ui::motion_advance(h.ctx, 1.0 / 60.0);
    if (h.ctx.motion.preview) lowest = std::min(lowest, h.ctx.motion.preview->ankle_deg);
  }
  EXPECT_NEAR(lowest, -40.0, 0.5);
  EXPECT_FALSE(ui::motion_busy(h.ctx));
  EXPECT_EQ(h.document.undo_name(), "Select"); // no step of its own
}

TEST(InfoMotion, NothingAboutMotionWithoutAModel) {
  Harness h;
  h.ctx.motion.model = nullptr;
  h.frame();
  const std::string text = h.frame();
  EXPECT_FALSE(has(text, "Musculotendon length")) << text;
  EXPECT_EQ(h.panel.find_target("button:play_action:ankle_plantarflexion"), nullptr);
}
