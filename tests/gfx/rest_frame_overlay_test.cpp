// Issue 9 section 3 (and issue 12): overlays live in each structure's rest
// frame and a bone is posed by its draw item's matrix. Rendered headless:
// a structure moved by its transform keeps its highlight, a referral zone on
// the posed skin stays on the same skin, and posing a bone sends no vertices.
#include "core/geometry/camera.hpp"
#include "core/geometry/rest_frame.hpp"
#include "core/document/document.hpp"
#include "core/document/draw_builder.hpp"
#include "core/io/image.hpp"
#include "core/motion/posed_leg.hpp"
#include "core/document/scene.hpp"
#include "gfx/framebuffer.hpp"
#include "gfx/scene_renderer.hpp"
#include "platform/headless_context.hpp"
#include "support/fixtures.hpp"
#include "support/motion_fixture.hpp"
#include "support/test_support.hpp"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>
#include <memory>

using namespace crus;

namespace {

class RestFrameOverlay : public ::testing::Test {
protected:
  static void SetUpTestSuite() { context_ = std::make_unique<platform::HeadlessContext>(); }
  static void TearDownTestSuite() { context_.reset(); }

  static constexpr int kW = 200, kH = 200;

  // Renders with a renderer that saw `rest` first and then `now` through
  // update_pose, as the viewer does, from a camera fixed by `frame_box`.
  static Image render(gfx::SceneRenderer& renderer, const Scene& now, const DrawList& list, const OrbitCamera& camera) {
    gfx::Framebuffer fb(kW, kH, 4);
    fb.bind();
    gfx::FrameParams frame;
    frame.view = camera.view();
    frame.projection = camera.projection(1.0f);
    frame.viewport_size = {kW, kH};
    renderer.draw(now, list, frame);
    Image img;
    img.width = kW;
    img.height = kH;
    img.rgba = fb.read_rgba();
    return img;
  }

  static bool is_green(const std::uint8_t* p) { return p[1] > 110 && p[1] > p[0] * 2 && p[1] > p[2] * 2; }

  struct Blob {
    int count = 0;
    glm::vec2 centre{0.0f};
  };
  static Blob green(const Image& img) {
    Blob b;
    for (int y = 0; y < img.height; ++y)
      for (int x = 0; x < img.width; ++x)
        if (is_green(img.at(x, y))) {
          ++b.count;
          b.centre += glm::vec2(x, y);
        }
    if (b.count) b.centre /= static_cast<float>(b.count);
    return b;
  }

  // Image row and column of a model-frame point (row 0 at the top, as read).
  static glm::vec2 project(const OrbitCamera& camera, const glm::vec3& p) {
    const glm::vec4 c = camera.projection(1.0f) * camera.view() * glm::vec4(p, 1.0f);
    const glm::vec2 ndc = glm::vec2(c) / c.w;
    return {(ndc.x * 0.5f + 0.5f) * kW, (0.5f - ndc.y * 0.5f) * kH};
  }

  static void save(const Image& img, const std::string& name) {
    write_png(img, (test::scratch_dir("rest_frame_figures") / (name + ".png")).string());
  }

  static std::unique_ptr<platform::HeadlessContext> context_;
};
std::unique_ptr<platform::HeadlessContext> RestFrameOverlay::context_;

} // namespace

// A box moved by its transform alone (as a posed bone is): the patch painted on
// it at rest moves with it, and its vertices are not uploaded again.
TEST_F(RestFrameOverlay, AStructureMovedByItsTransformKeepsItsHighlight) {
  auto dir = test::scratch_dir("rest_frame");
  const std::string path =
      test::write_box_gltf((dir / "box.gltf").string(), {{"bone_box", {0, 0, 0}, glm::vec3(0.05f), {0.8f, 0.8f, 0.8f, 1}}});
  const Scene rest = load_scene(path);
  Document doc(rest.structures.size());

  OrbitCamera camera;
  Aabb frame_box{glm::vec3(-0.25f), glm::vec3(0.25f)};
  camera.set_pose(camera.pose_for(AnatomicalView::anterior, frame_box));

  gfx::SceneRenderer renderer;
  renderer.upload(rest);
  DrawList at_rest = make_draw_list(rest, doc.state(), -1);
  for (auto& item : at_rest.items) item.patches = true;
  // A green disc on the front face (+X) of the box, above its centre, in
  // rest coordinates.
  const glm::vec3 spot{0.05f, 0.02f, 0.0f};
  at_rest.patches.push_back({0, spot, spot, 0.015f, {0.05f, 0.9f, 0.05f}});
  const Image before = render(renderer, rest, at_rest, camera);
  const Blob b0 = green(before);
  ASSERT_GT(b0.count, 30) << "the patch is not painted at rest";
  ASSERT_LT(glm::distance(b0.centre, project(camera, spot)), 3.0f);

  // Lift the box 12 cm and turn it 90 degrees about the line of sight: the way
  // the leg poses a bone: the matrix and the moved box, the mesh left at rest.
  Scene moved = rest;
  SceneStructure& s = moved.structures[0];
  s.transform =
      glm::translate(glm::mat4(1.0f), {0.0f, 0.12f, 0.0f}) * glm::rotate(glm::mat4(1.0f), glm::radians(90.0f), {1, 0, 0});
  s.box = moved_box(bounds(s.mesh), s.transform);
  moved.box = s.box;
  renderer.update_pose(moved);
  EXPECT_EQ(renderer.vertex_uploads()[0], 1u) << "a rigidly moved structure was uploaded again";

  DrawList posed = make_draw_list(moved, doc.state(), -1);
  ASSERT_EQ(posed.items.size(), 1u);
  EXPECT_EQ(posed.items[0].transform, s.transform) << "the draw item does not carry the structure's transform";
  for (auto& item : posed.items) item.patches = true;
  posed.patches = at_rest.patches;
  const Image after = render(renderer, moved, posed, camera);
  const Blob b1 = green(after);
  save(before, "box_rest");
  save(after, "box_moved");
  // The same disc, the same size, carried up and turned with the box: 2 cm
  // above the face's centre at rest, 2 cm to its side now.
  EXPECT_NEAR(b1.count, b0.count, b0.count / 5) << "the patch did not stay on the moved box";
  const glm::vec2 expected = project(camera, glm::vec3(s.transform * glm::vec4(spot, 1.0f)));
  EXPECT_LT(glm::distance(b1.centre, expected), 3.0f)
      << "patch centre at " << b1.centre.x << "," << b1.centre.y << ", expected near " << expected.x << "," << expected.y;
}

// The leg at knee 90, ankle -30: a zone painted on the skin of the calf at rest
// lights the same skin vertices where they have moved to; the tibia is posed
// by its matrix alone and the skinned soleus is uploaded again.
TEST_F(RestFrameOverlay, AZoneOnThePosedSkinStaysOnTheSameSkin) {
  const Scene* atlas = test::light_atlas();
  ASSERT_NE(atlas, nullptr) << "the bundled light atlas is missing";
  motion::LegPoser poser(test::motion_model(), test::motion_muscles(), *atlas);
  Scene scene = *atlas;
  gfx::SceneRenderer renderer;
  renderer.upload(scene);
  motion::Pose pose;
  pose.knee_deg = 90.0;
  pose.ankle_deg = -30.0;
  poser.apply(pose, scene);
  renderer.update_pose(scene);

  const int skin = scene.index_of("skin"), tibia = scene.index_of("tibia"), soleus = scene.index_of("soleus");
  ASSERT_GE(skin, 0);
  ASSERT_GE(tibia, 0);
  ASSERT_GE(soleus, 0);
  const auto& t = scene.structures[static_cast<std::size_t>(tibia)];
  EXPECT_NE(t.transform, glm::mat4(1.0f)) << "posing did not change the tibia's matrix";
  EXPECT_EQ(renderer.vertex_uploads()[static_cast<std::size_t>(tibia)], 1u) << "the posed tibia was uploaded again";
  EXPECT_EQ(renderer.vertex_uploads()[static_cast<std::size_t>(soleus)], 2u) << "the skinned soleus was not re-uploaded";
  // No posed copy of the tibia is kept: its mesh is still the rest mesh.
  EXPECT_EQ(t.mesh.positions, atlas->structures[static_cast<std::size_t>(tibia)].mesh.positions);

  // A 3 cm ball round a skin vertex on the back of the mid calf, at rest.
  const Mesh& rest_skin = atlas->structures[static_cast<std::size_t>(skin)].mesh;
  const Aabb& box = atlas->structures[static_cast<std::size_t>(skin)].box;
  std::size_t centre = 0;
  const glm::vec3 target{box.min.x, box.min.y + 0.45f * (box.max.y - box.min.y), 0.5f * (box.min.z + box.max.z)};
  for (std::size_t v = 0; v < rest_skin.positions.size(); ++v)
    if (glm::distance(rest_skin.positions[v], target) < glm::distance(rest_skin.positions[centre], target)) centre = v;
  ZoneShape zone;
  zone.a = rest_skin.positions[centre];
  zone.b = glm::vec3(0.03f);
  zone.colour = {0.05f, 0.9f, 0.05f};

  // Only the skin, opaque, seen from the side where the zone now faces.
  Document doc(scene.structures.size());
  DrawList list = make_draw_list(scene, doc.state(), -1);
  std::erase_if(list.items, [&](const DrawItem& it) { return it.structure != skin; });
  ASSERT_EQ(list.items.size(), 1u);
  list.items[0].zones = true;
  list.items[0].translucent = false;
  list.items[0].colour = {0.6f, 0.6f, 0.6f, 1.0f};
  list.zones.push_back(zone);
  const Mesh& now = scene.structures[static_cast<std::size_t>(skin)].mesh;
  ASSERT_EQ(now.rest_positions.size(), now.positions.size());
  // The skin vertices inside the ball at rest, where they are now, seen from
  // the preset view that faces most of them.
  auto facing = [&](const OrbitCamera& c, glm::vec2* centre) {
    const glm::vec3 eye = glm::vec3(glm::inverse(c.view()) * glm::vec4(0, 0, 0, 1));
    glm::vec2 sum{0.0f};
    int n = 0;
    for (std::size_t v = 0; v < rest_skin.positions.size(); ++v)
      if (glm::distance(rest_skin.positions[v], zone.a) < 0.03f && glm::dot(now.normals[v], eye - now.positions[v]) > 0.0f) {
        sum += project(c, now.positions[v]);
        ++n;
      }
    if (centre && n) *centre = sum / static_cast<float>(n);
    return n;
  };
  OrbitCamera camera;
  int most = -1;
  for (AnatomicalView view : {AnatomicalView::anterior, AnatomicalView::posterior, AnatomicalView::medial,
                              AnatomicalView::lateral, AnatomicalView::superior, AnatomicalView::inferior}) {
    OrbitCamera c;
    c.set_pose(c.pose_for(view, scene.box));
    if (const int n = facing(c, nullptr); n > most) {
      most = n;
      camera = c;
    }
  }
  ASSERT_GT(most, 0);
  const Image img = render(renderer, scene, list, camera);
  save(img, "posed_skin_zone");
  const Blob painted = green(img);
  ASSERT_GT(painted.count, 30) << "the zone is not painted on the posed skin (tested against the posed vertices?)";

  glm::vec2 expected{0.0f};
  facing(camera, &expected);
  EXPECT_LT(glm::distance(painted.centre, expected), 6.0f) << "zone painted at " << painted.centre.x << "," << painted.centre.y
                                                           << ", its skin is at " << expected.x << "," << expected.y;

  // The rest scene put back wholesale: the soleus's buffer, deformed, is
  // sent again; the tibia's still is not.
  renderer.update_pose(*atlas);
  EXPECT_EQ(renderer.vertex_uploads()[static_cast<std::size_t>(soleus)], 3u);
  EXPECT_EQ(renderer.vertex_uploads()[static_cast<std::size_t>(tibia)], 1u);
}

namespace {

// A pose is sent in place: the renderer rewrites each deformed mesh's
// positions and normals and leaves its colours, fibre coordinates and
// occlusion where they were (gfx::MeshBuffer::update_surface). What it then
// draws must be what a renderer given the posed leg whole draws, pixel for
// pixel, in colour, with the fibres' shading and the muscles' colours.
TEST_F(RestFrameOverlay, APoseSentInPlaceDrawsAsThePosedLegSentWhole) {
  const Scene* atlas = test::light_atlas();
  ASSERT_NE(atlas, nullptr) << "the bundled light atlas is missing";
  motion::LegPoser poser(test::motion_model(), test::motion_muscles(), *atlas);
  Scene posed = *atlas;
  motion::Pose pose;
  pose.knee_deg = 60.0;
  pose.ankle_deg = 20.0;
  poser.apply(pose, posed);
  Document doc(posed.structures.size());
  const DrawList list = make_draw_list(posed, doc.state(), -1);
  OrbitCamera camera;
  camera.set_pose(camera.pose_for(AnatomicalView::lateral, posed.box));

  gfx::SceneRenderer in_place;
  in_place.upload(*atlas);
  in_place.update_pose(posed);
  const Image sent_in_place = render(in_place, posed, list, camera);
  gfx::SceneRenderer whole;
  whole.upload(posed);
  const Image sent_whole = render(whole, posed, list, camera);
  gfx::SceneRenderer rest;
  rest.upload(*atlas);
  const Image at_rest = render(rest, *atlas, make_draw_list(*atlas, doc.state(), -1), camera);
  save(sent_in_place, "pose_sent_in_place");
  EXPECT_TRUE(sent_in_place.rgba == sent_whole.rgba) << "the pose sent in place draws otherwise than the posed leg sent whole";
  EXPECT_FALSE(sent_in_place.rgba == at_rest.rgba) << "the pose was not drawn";
}

} // namespace
