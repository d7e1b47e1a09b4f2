// The producers of a movement on the model: each knowledge-base action maps
// to the model's movement (or to none), and the ranking's colours follow the
// ranks: in a deep squat the soleus, first, is drawn darker than the slack
// gastrocnemius heads; muscles that do not produce the movement are grey.
#include "core/anatomy/knowledge.hpp"
#include "core/motion/presets.hpp"
#include "core/motion/producer_colours.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

using namespace crus;
using namespace crus::motion;

namespace {
const MotionModel& model() {
  static const MotionModel m = load_motion_model(test::source_dir() + "/assets/motion/joints.json");
  return m;
}
const MuscleSet& muscles() {
  static const MuscleSet s = load_muscles(test::source_dir() + "/assets/motion/muscles.json", model());
  return s;
}
float lightness(const glm::vec3& c) { return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; }
} // namespace

TEST(ProducerColours, EveryKnowledgeBaseActionMapsToItsMovementOrToNone) {
  EXPECT_EQ(movement_id(*movement_of_action("ankle (talocrural)", "plantarflexion")), "ankle_plantarflexion");
  EXPECT_EQ(movement_id(*movement_of_action("metatarsophalangeal", "extension")), "toe_extension");
  EXPECT_EQ(movement_id(*movement_of_action("subtalar", "eversion")), "subtalar_eversion");
  EXPECT_EQ(movement_id(*movement_of_action("knee", "flexion")), "knee_flexion");
  EXPECT_FALSE(movement_of_action("knee", "medial rotation"));
  EXPECT_FALSE(movement_of_action("interphalangeal", "flexion"));
  EXPECT_FALSE(movement_of_action("arches of the foot", "arch support"));
  // Every action the bundled knowledge base names about a joint of the model maps.
  const KnowledgeBase kb = load_knowledge(test::source_dir() + "/assets/knowledge");
  int mapped = 0;
  for (const auto& e : kb.entries)
    for (const auto& a : e.actions) {
      const bool model_joint =
          a.joint == "knee" || a.joint.rfind("ankle", 0) == 0 || a.joint == "subtalar" || a.joint == "metatarsophalangeal";
      const bool rotation = a.movement.find("rotation") != std::string::npos;
      EXPECT_EQ(movement_of_action(a.joint, a.movement).has_value(), model_joint && !rotation)
          << e.id << ": " << a.joint << " " << a.movement;
      mapped += movement_of_action(a.joint, a.movement).has_value();
    }
  EXPECT_GT(mapped, 20);
}

TEST(ProducerColours, DeepSquatDrawsTheSoleusDarkerThanTheSlackGastrocnemius) {
  Scene scene;
  for (const auto& m : muscles().muscles) {
    SceneStructure s;
    s.id = m.id;
    scene.structures.push_back(s);
  }
  SceneStructure tibia;
  tibia.id = "tibia";
  scene.structures.push_back(tibia);
  DrawList list;
  for (std::size_t i = 0; i < scene.structures.size(); ++i) list.items.push_back(DrawItem{static_cast<int>(i)});
  const ProducerRanking ranking =
      rank_producers(model(), muscles(), find_preset("deep_squat")->pose, *parse_movement(model(), "plantarflexion"));
  const auto ranked = ranked_structures(ranking, scene);
  ASSERT_FALSE(ranked.empty());
  EXPECT_EQ(scene.structures[static_cast<std::size_t>(ranked.front().structure)].id, "soleus");
  EXPECT_EQ(ranked.front().rank, 1);
  EXPECT_DOUBLE_EQ(ranked.front().fraction, 1.0);
  EXPECT_GT(colour_by_producers(list, scene, muscles(), ranking), 3u);
  auto colour = [&](const char* id) { return glm::vec3(list.items[static_cast<std::size_t>(scene.index_of(id))].colour); };
  EXPECT_LT(lightness(colour("soleus")), lightness(colour("gastrocnemius_medial_head")));
  EXPECT_LT(lightness(colour("soleus")), lightness(colour("gastrocnemius_lateral_head")));
  // Tibialis anterior dorsiflexes: grey, like every muscle that does not produce plantarflexion.
  const glm::vec3 ta = colour("tibialis_anterior");
  EXPECT_NEAR(ta.r, ta.g, 1e-6f);
  EXPECT_NEAR(ta.g, ta.b, 1e-6f);
  EXPECT_TRUE(list.items[static_cast<std::size_t>(scene.index_of("tibialis_anterior"))].flat_colour);
  // Bones keep their own colours.
  EXPECT_FALSE(list.items.back().flat_colour);
}
