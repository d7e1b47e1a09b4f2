// The labels of a view are chosen and placed below the ui layer, with any
// text measure: the headless figures and the viewer share them.
#include "core/document/view_labels.hpp"

#include "support/fixtures.hpp"
#include "support/test_support.hpp"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

namespace crus {
namespace {

// Boxes without a manifest may load as "unlabelled:NAME".
int structure(const Scene& scene, const std::string& name) {
  const int i = scene.index_of(name);
  return i >= 0 ? i : scene.index_of("unlabelled:" + name);
}

glm::vec2 fixed_measure(const std::string& text) { return {7.0f * static_cast<float>(text.size()), 14.0f}; }

TEST(ViewLabels, PlacedBesideTheModelWithoutImGui) {
  LabelView view;
  view.screen = {1600, 1000};
  const glm::mat4 projection = glm::ortho(-0.5f, 0.5f, -0.3125f, 0.3125f, -1.0f, 1.0f);
  view.view_projection = projection * glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, -0.25f, 0.0f));
  const Aabb leg{{-0.05f, 0.0f, -0.05f}, {0.05f, 0.5f, 0.05f}};
  std::vector<LabelAnchor> labels;
  for (int i = 0; i < 4; ++i)
    labels.push_back({"Label " + std::to_string(i), {i % 2 ? 0.04f : -0.04f, 0.1f + 0.1f * float(i), 0.0f}, glm::vec3(1.0f)});
  const auto placed = place_labels(labels, view, leg, fixed_measure, 14.0f);
  ASSERT_EQ(placed.size(), labels.size());
  const ScreenRect model = screen_rect(leg, view);
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const PlacedLabel& p = placed[i];
    // The box is the measured text plus its padding, and clear of the model.
    EXPECT_FLOAT_EQ(p.bottom_right.x - p.top_left.x, fixed_measure(labels[p.index].text).x + 2 * kLabelPad);
    EXPECT_TRUE(p.bottom_right.x <= model.min.x || p.top_left.x >= model.max.x) << i;
    for (std::size_t j = 0; j < i; ++j) {
      const ScreenRect a{placed[i].top_left, placed[i].bottom_right}, b{placed[j].top_left, placed[j].bottom_right};
      EXPECT_FALSE(a.overlaps(b)) << i << " and " << j;
    }
  }
}

TEST(ViewLabels, NameTheSelectionAndPinnedStructuresThatAreDrawn) {
  auto dir = test::scratch_dir("view_labels_scene");
  Scene scene = load_scene(
      test::write_box_gltf((dir / "boxes.gltf").string(), {{"tibia", {0, 0.3f, 0}, {0.02f, 0.2f, 0.02f}, {1, 1, 1, 1}},
                                                           {"soleus", {-0.03f, 0.3f, 0}, {0.03f, 0.1f, 0.03f}, {1, 0, 0, 1}}}));
  DocumentState state;
  state.visibility.assign(scene.structures.size(), Visibility::shown);
  state.selected = structure(scene, "soleus");
  ASSERT_GE(state.selected, 0);
  ASSERT_GE(structure(scene, "tibia"), 0);
  state.pinned.insert(structure(scene, "tibia"));
  const std::vector<LabelAnchor> extra{{"Origin: tibia", glm::vec3(0.0f), glm::vec3(1.0f)}};
  auto labels = view_labels(scene, state, {}, extra, {}, glm::vec3(1.0f, 0.3f, 0.0f));
  ASSERT_EQ(labels.size(), 3u);
  EXPECT_EQ(labels[0].text, scene.structures[static_cast<std::size_t>(state.selected)].name);
  EXPECT_EQ(labels[1].text, "Origin: tibia");
  // The leader line ends on the side of the soleus facing the eye (+x).
  EXPECT_GT(labels[0].position.x, -0.03f);
  state.visibility[static_cast<std::size_t>(structure(scene, "tibia"))] = Visibility::hidden;
  labels = view_labels(scene, state, {}, {}, {}, glm::vec3(1.0f, 0.3f, 0.0f));
  EXPECT_EQ(labels.size(), 1u); // a hidden pinned structure is not named
}

} // namespace
} // namespace crus
