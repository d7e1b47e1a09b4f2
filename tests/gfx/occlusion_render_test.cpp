// The baked ambient occlusion in the shading: a structure whose vertices are
// closed in renders darker with it on, the same with it off, and a mesh
// without occlusion (an older atlas, another file) is untouched either way.
#include "core/geometry/camera.hpp"
#include "core/document/document.hpp"
#include "core/document/draw_builder.hpp"
#include "core/io/image.hpp"
#include "core/document/scene.hpp"
#include "gfx/framebuffer.hpp"
#include "gfx/scene_renderer.hpp"
#include "platform/headless_context.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

using namespace crus;

namespace {

// Summed brightness of the pixels in the left and the right half.
std::pair<double, double> halves(const std::vector<std::uint8_t>& rgba, int w, int h) {
  double left = 0.0, right = 0.0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::uint8_t* p = &rgba[std::size_t(4 * (y * w + x))];
      (x < w / 2 ? left : right) += double(p[0]) + double(p[1]) + double(p[2]);
    }
  return {left, right};
}

TEST(OcclusionRender, TheToggleDarkensOnlyWhatHasOcclusion) {
  platform::HeadlessContext context;
  const auto dir = test::scratch_dir("occlusion_render");
  // Two grey boxes side by side; the lateral one (+Z, on the viewer's left
  // from the front) is given a closed-in occlusion of 0.3 at every vertex.
  const std::string path = test::write_box_gltf((dir / "two.gltf").string(),
                                                {{"lateral_box", {0, 0, 0.08f}, glm::vec3(0.05f), {0.6f, 0.6f, 0.6f, 1}},
                                                 {"medial_box", {0, 0, -0.08f}, glm::vec3(0.05f), {0.6f, 0.6f, 0.6f, 1}}});
  SceneLoadOptions o;
  o.strict = true;
  Scene scene = load_scene(path, o);
  ASSERT_EQ(scene.structures.size(), 2u);
  for (auto& s : scene.structures) {
    EXPECT_TRUE(s.mesh.occlusion.empty()) << "a file that is not a Crus atlas carries no occlusion";
    if (s.id.find("lateral") != std::string::npos) s.mesh.occlusion.assign(s.mesh.positions.size(), 0.3f);
  }
  Document doc(scene.structures.size());
  const int w = 160, h = 120;
  auto render = [&](bool ao) {
    DrawList list = make_draw_list(scene, doc.state(), -1);
    list.ambient_occlusion = ao;
    gfx::Framebuffer fb(w, h, 4);
    gfx::SceneRenderer renderer;
    renderer.upload(scene);
    OrbitCamera camera;
    camera.set_pose(camera.pose_for(AnatomicalView::anterior, scene.box));
    fb.bind();
    gfx::FrameParams frame;
    frame.view = camera.view();
    frame.projection = camera.projection(float(w) / float(h));
    frame.viewport_size = {w, h};
    renderer.draw(scene, list, frame);
    return fb.read_rgba();
  };
  const auto on = halves(render(true), w, h), off = halves(render(false), w, h);
  // Anterior view: lateral (+Z) on the viewer's left.
  EXPECT_LT(on.first, 0.9 * off.first) << "the closed-in box is not darker with occlusion on";
  EXPECT_NEAR(on.second, off.second, 0.001 * off.second) << "the box without occlusion changed";
}

} // namespace
