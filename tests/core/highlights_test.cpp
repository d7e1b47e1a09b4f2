#include "core/document/highlights.hpp"
#include "core/anatomy/referral_overlay.hpp"
#include "core/error.hpp"
#include <glm/geometric.hpp>

#include <gtest/gtest.h>

using namespace crus;

namespace {

Scene leg_scene() {
  Scene scene;
  auto add = [&](const std::string& id, StructureKind kind) {
    SceneStructure s;
    s.id = id;
    s.name = id;
    s.kind = kind;
    s.mesh.positions = {{0, 0, 0}, {0.01f, 0, 0}, {0, 0.01f, 0}};
    s.mesh.indices = {0, 1, 2};
    s.box = bounds(s.mesh);
    scene.structures.push_back(s);
  };
  add("fibula", StructureKind::bone);
  add("fibularis_longus", StructureKind::muscle);
  add("sciatic_nerve", StructureKind::nerve);
  add("common_fibular_nerve", StructureKind::nerve);
  add("superficial_fibular_nerve", StructureKind::nerve);
  add("tibial_nerve", StructureKind::nerve);
  add("skin", StructureKind::skin);
  AtlasManifest m;
  AttachmentSite o;
  o.id = "fibularis_longus_origin";
  o.muscle = "fibularis_longus";
  o.bone = "fibula";
  o.centroid = {-0.07f, 0.35f, 0.11f};
  o.patches = {{{-0.07f, 0.40f, 0.11f}, {-0.07f, 0.30f, 0.11f}, 0.01f}};
  AttachmentSite ins = o;
  ins.id = "fibularis_longus_insertion";
  ins.role = SiteRole::insertion;
  ins.bone = "medial_cuneiform";
  ins.centroid = {0.0f, 0.02f, 0.06f};
  ins.patches = {{ins.centroid, ins.centroid, 0.008f}};
  m.sites = {o, ins};
  m.landmarks = {{"lateral_malleolus", "lateral malleolus", "fibula", {-0.075f, 0.045f, 0.11f}}};
  scene.manifest = m;
  return scene;
}

KnowledgeBase leg_knowledge() {
  KnowledgeBase kb;
  KnowledgeEntry fl;
  fl.id = "fibularis_longus";
  fl.name = "Fibularis longus";
  fl.innervation = Innervation{"superficial_fibular_nerve", {"L5", "S1"}, "", std::nullopt};
  kb.entries.push_back(fl);
  KnowledgeEntry sf;
  sf.id = "superficial_fibular_nerve";
  sf.name = "Superficial fibular nerve";
  sf.branch_of = "common_fibular_nerve";
  kb.entries.push_back(sf);
  KnowledgeEntry cf;
  cf.id = "common_fibular_nerve";
  cf.branch_of = "sciatic_nerve";
  kb.entries.push_back(cf);
  KnowledgeEntry sc;
  sc.id = "sciatic_nerve";
  kb.entries.push_back(sc);
  return kb;
}

TEST(Highlights, InnervationPointsAtTheMusclesOwnBranch) {
  Scene scene = leg_scene();
  const glm::vec3 leaves{-0.059f, 0.30f, 0.13f}, enters{-0.068f, 0.29f, 0.123f};
  scene.manifest->branches = {{"superficial_fibular_nerve", "fibularis_longus", {leaves, {-0.064f, 0.295f, 0.127f}, enters}},
                              {"tibial_nerve", "soleus", {{0, 0, 0}, {0, -0.01f, 0}}}};
  KnowledgeBase kb = leg_knowledge();
  const auto h = compute_highlights(scene, &kb, scene.index_of("fibularis_longus"), {false, false, true, false});
  // Two arrows along its own branch (not the soleus's), the last with its
  // head where the branch enters the muscle; the label sits there too.
  ASSERT_EQ(h.inputs.arrows.size(), 2u);
  EXPECT_EQ(h.inputs.arrows.front().from, leaves);
  EXPECT_FALSE(h.inputs.arrows.front().head);
  EXPECT_EQ(h.inputs.arrows.back().to, enters);
  EXPECT_TRUE(h.inputs.arrows.back().head);
  ASSERT_FALSE(h.labels.empty());
  EXPECT_EQ(h.labels.back().position, enters);
  // The whole nerve, branch included, still glows.
  EXPECT_EQ(h.inputs.lit.size(), 3u);
}

TEST(Highlights, AnAttachmentSplitPerBoneLightsEveryPartWithItsBone) {
  Scene scene = leg_scene();
  AttachmentSite tibial = scene.manifest->sites[0];
  scene.manifest->sites[0].id = "fibularis_longus_origin_fibula";
  tibial.id = "fibularis_longus_origin_tibia";
  tibial.bone = "tibia";
  scene.manifest->sites.push_back(tibial);
  KnowledgeBase kb = leg_knowledge();
  const auto h = compute_highlights(scene, &kb, scene.index_of("fibularis_longus"), {true, false, false, false});
  EXPECT_EQ(h.inputs.patches.size(), 2u);
  ASSERT_EQ(h.labels.size(), 2u);
  EXPECT_EQ(h.labels[0].text, "Origin: fibula");
  EXPECT_EQ(h.labels[1].text, "Origin: tibia");
}

TEST(Highlights, NervePathRunsFromTheSciaticNerveDown) {
  KnowledgeBase kb = leg_knowledge();
  auto path = nerve_path(kb, "superficial_fibular_nerve");
  ASSERT_EQ(path.size(), 3u);
  EXPECT_EQ(path[0], "sciatic_nerve");
  EXPECT_EQ(path[1], "common_fibular_nerve");
  EXPECT_EQ(path[2], "superficial_fibular_nerve");
}

TEST(Highlights, EachToggleAddsItsOwnPart) {
  Scene scene = leg_scene();
  KnowledgeBase kb = leg_knowledge();
  int muscle = scene.index_of("fibularis_longus");
  auto none = compute_highlights(scene, &kb, muscle, {});
  EXPECT_TRUE(none.inputs.patches.empty() && none.inputs.lit.empty() && none.inputs.arrows.empty());

  HighlightPalette palette;
  auto origin = compute_highlights(scene, &kb, muscle, {true, false, false, false}, palette);
  ASSERT_EQ(origin.inputs.patches.size(), 1u);
  EXPECT_EQ(origin.inputs.patches[0].colour, palette.origin);
  auto insertion = compute_highlights(scene, &kb, muscle, {false, true, false, false}, palette);
  ASSERT_EQ(insertion.inputs.patches.size(), 1u);
  EXPECT_EQ(insertion.inputs.patches[0].colour, palette.insertion);
  EXPECT_NE(palette.origin, palette.insertion);

  auto nerve = compute_highlights(scene, &kb, muscle, {false, false, true, false});
  std::vector<std::string> lit;
  for (auto& [i, c] : nerve.inputs.lit) lit.push_back(scene.structures[static_cast<std::size_t>(i)].id);
  EXPECT_EQ(lit, (std::vector<std::string>{"sciatic_nerve", "common_fibular_nerve", "superficial_fibular_nerve"}));
  ASSERT_FALSE(nerve.legend.empty());
  EXPECT_NE(nerve.legend[0].second.find("L5, S1"), std::string::npos);

  auto function = compute_highlights(scene, &kb, muscle, {false, false, false, true});
  // The tendon turns behind the lateral malleolus: the pull on the foot runs
  // from there, so the arrow at the insertion points toward the malleolus.
  ASSERT_EQ(function.inputs.arrows.size(), 2u);
  const Arrow& pull = function.inputs.arrows.back();
  EXPECT_TRUE(pull.head);
  glm::vec3 dir = glm::normalize(pull.to - pull.from);
  glm::vec3 to_malleolus = glm::normalize(glm::vec3(-0.075f, 0.045f, 0.11f) - glm::vec3(0.0f, 0.02f, 0.06f));
  EXPECT_GT(glm::dot(dir, to_malleolus), 0.99f);
}

TEST(DrawBuilder, AttachmentHighlightsGhostOtherSoftTissueButKeepTheSelectedMuscleSolid) {
  Scene scene = leg_scene();
  SceneStructure other = scene.structures[static_cast<std::size_t>(scene.index_of("fibularis_longus"))];
  other.id = "fibularis_brevis";
  scene.structures.push_back(other);
  KnowledgeBase kb = leg_knowledge();
  Document doc(scene.structures.size());
  doc.select(scene.index_of("fibularis_longus"));
  auto h = compute_highlights(scene, &kb, doc.state().selected, {true, true, false, false});
  DrawList list = make_draw_list(scene, doc.state(), -1, {}, h.inputs);
  bool skin_drawn = false;
  int muscles = 0;
  for (const auto& item : list.items) {
    const auto& s = scene.structures[static_cast<std::size_t>(item.structure)];
    if (s.kind == StructureKind::skin) skin_drawn = true;
    if (s.kind == StructureKind::bone) {
      EXPECT_TRUE(item.patches);
    }
    if (s.kind == StructureKind::muscle) {
      ++muscles;
      bool selected = s.id == "fibularis_longus";
      EXPECT_EQ(item.translucent, !selected) << s.id;
      EXPECT_EQ(item.colour.a >= 0.999f, selected) << s.id;
      if (selected) {
        EXPECT_GT(item.rim, 0.5f); // its outline
      }
    }
  }
  EXPECT_EQ(muscles, 2);
  EXPECT_FALSE(skin_drawn);
}

TEST(ReferralOverlay, ColourBlindPaletteDiffersAndModesPickTheirTriggerPoints) {
  EXPECT_NE(overlay_colour("soleus", true, false), overlay_colour("soleus", false, false));
  EXPECT_NE(overlay_colour("soleus", false, false), overlay_colour("gastrocnemius", false, false));
  // Every group with trigger points has its own vivid colour (issue 16 added
  // six); the colour-blind palette is checked against the real skin in
  // tests/app/referral_real_skin_test.cpp.
  const char* groups[] = {"gastrocnemius",
                          "soleus",
                          "plantaris",
                          "tibialis_anterior",
                          "fibularis_longus",
                          "fibularis_brevis",
                          "fibularis_tertius",
                          "popliteus",
                          "tibialis_posterior",
                          "flexor_digitorum_longus",
                          "flexor_hallucis_longus",
                          "extensor_digitorum_longus",
                          "extensor_hallucis_longus"};
  for (const char* a : groups)
    for (const char* b : groups)
      if (a != b) {
        EXPECT_NE(overlay_colour(a, false, false), overlay_colour(b, false, false)) << a << " " << b;
      }
  TriggerPointSet set;
  TriggerPoint a;
  a.id = "soleus_trp1";
  a.muscle = a.group = "soleus";
  a.essential.shapes.push_back({ShapeKind::ellipsoid, "heel", {0, 0.02f, 0}, {0.02f, 0.02f, 0.02f}});
  TriggerPoint b = a;
  b.id = "soleus_trp2";
  TriggerPoint c = a;
  c.id = "plantaris_trp1";
  c.muscle = c.group = "plantaris";
  set.trigger_points = {a, b, c};
  Scene scene;
  EXPECT_EQ(make_overlay(set, {OverlayMode::trigger_point, "soleus_trp2", false}, scene, nullptr).shown.size(), 1u);
  EXPECT_EQ(make_overlay(set, {OverlayMode::muscle, "soleus", false}, scene, nullptr).shown.size(), 2u);
  auto all = make_overlay(set, {OverlayMode::all, "", false}, scene, nullptr);
  EXPECT_EQ(all.shown.size(), 3u);
  EXPECT_EQ(all.legend.size(), 2u); // one colour per muscle
  EXPECT_EQ(all.zones.size(), 3u);
  EXPECT_THROW(make_overlay(set, {OverlayMode::muscle, "deltoid", false}, scene, nullptr), InputError);
}

} // namespace

namespace {

TEST(DrawBuilder, GhostingTheTranslucentSkinMakesItClearlyFainter) {
  Scene scene = leg_scene();
  const int skin = scene.index_of("skin");
  scene.structures[static_cast<std::size_t>(skin)].colour = {0.93f, 0.76f, 0.64f, 0.30f};
  Document doc(scene.structures.size());
  auto skin_alpha = [&]() {
    for (const auto& item : make_draw_list(scene, doc.state(), -1).items)
      if (item.structure == skin) return item.colour.a;
    return -1.0f;
  };
  const float shown = skin_alpha();
  doc.set_visibility({skin}, Visibility::ghosted);
  const float ghost = skin_alpha();
  EXPECT_GT(ghost, 0.0f);
  EXPECT_LT(ghost, shown * 0.5f) << "a ghosted skin looks like the shown one";
}

} // namespace
