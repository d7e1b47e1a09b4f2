// The renderer's shader variants (gfx/specialised_program): a variant with
// switches compiled as constant zero must draw what the shader as written
// draws with those uniforms at zero, and each combination is compiled once.
#include "core/geometry/camera.hpp"
#include "core/error.hpp"
#include "core/io/image.hpp"
#include "core/document/scene.hpp"
#include "gfx/framebuffer.hpp"
#include "gfx/mesh_buffer.hpp"
#include "gfx/specialised_program.hpp"
#include "platform/headless_context.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"

#include <cmath>
#include <cstdlib>
#include <gtest/gtest.h>

using namespace crus;

namespace {

const std::vector<std::string> kSwitches = {"u_striation", "u_patch_count", "u_zone_count",    "u_patch_only",
                                            "u_unlit",     "u_clip_on",     "u_vertex_colour", "u_rim"};

Scene box_scene() {
  auto dir = test::scratch_dir("specialised_program");
  std::string path =
      test::write_box_gltf((dir / "box.gltf").string(), {{"box", {0, 0, 0}, glm::vec3(0.05f), {0.8f, 0.3f, 0.2f, 1}}});
  SceneLoadOptions o;
  o.strict = true;
  return load_scene(path, o);
}

struct Uniforms {
  float unlit = 0.0f, clip_on = 0.0f;
  glm::vec4 colour{0.8f, 0.3f, 0.2f, 1.0f};
};

Image draw(gfx::SpecialisedProgram& program, const Scene& scene, const Uniforms& u) {
  const int w = 96, h = 72;
  gfx::Framebuffer fb(w, h, 4);
  gfx::MeshBuffer buffer(scene.structures.at(0).mesh);
  OrbitCamera camera;
  camera.set_pose(camera.pose_for(AnatomicalView::anterior, scene.box));
  fb.bind();
  glViewport(0, 0, w, h);
  glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  program.set("u_model", glm::mat4(1.0f));
  program.set("u_item", glm::mat4(1.0f)); // the structure's rest-to-current transform: at rest
  program.set("u_view", camera.view());
  program.set("u_up_view", glm::normalize(glm::mat3(camera.view()) * glm::vec3(0.0f, 1.0f, 0.0f)));
  program.set("u_projection", camera.projection(static_cast<float>(w) / static_cast<float>(h)));
  program.set("u_colour", u.colour);
  program.set("u_specular", 0.35f);
  program.set("u_emphasis", glm::vec3(0.0f));
  program.set("u_rim", 0.2f);
  program.set("u_striation", 0.0f);
  program.set("u_vertex_colour", 0.0f);
  program.set("u_patch_count", 0);
  program.set("u_zone_count", 0);
  program.set("u_patch_only", 0.0f);
  program.set("u_unlit", u.unlit);
  program.set("u_clip_on", u.clip_on);
  program.set("u_clip", glm::vec4(1.0f, 0.0f, 0.0f, 0.0f)); // cuts away x > 0
  program.bind_for_draw();
  buffer.draw();
  glFinish();
  Image img;
  img.width = w;
  img.height = h;
  img.rgba = fb.read_rgba();
  return img;
}

int max_difference(const Image& a, const Image& b) {
  int worst = 0;
  for (std::size_t i = 0; i < a.rgba.size() && i < b.rgba.size(); ++i)
    worst = std::max(worst, std::abs(int(a.rgba[i]) - int(b.rgba[i])));
  return worst;
}

} // namespace

TEST(SpecialisedProgram, SwitchedOffUniformsBecomeConstants) {
  platform::HeadlessContext context;
  gfx::SpecialisedProgram program("mesh.vert", "mesh.frag", kSwitches);
  std::string none_live = program.variant_source(0);
  EXPECT_NE(none_live.find("const float u_striation = 0.0;"), std::string::npos);
  EXPECT_NE(none_live.find("const int u_patch_count = 0;"), std::string::npos);
  EXPECT_EQ(none_live.find("uniform float u_striation"), std::string::npos);
  std::string all_live = program.variant_source(0xffu);
  EXPECT_NE(all_live.find("uniform float u_striation"), std::string::npos);
  EXPECT_EQ(all_live.find("const float u_striation"), std::string::npos);
  EXPECT_THROW(gfx::SpecialisedProgram("mesh.vert", "mesh.frag", {"u_no_such_switch"}), RuntimeError);
}

TEST(SpecialisedProgram, VariantsDrawWhatTheFullShaderDraws) {
  platform::HeadlessContext context;
  Scene scene = box_scene();
  gfx::SpecialisedProgram specialised("mesh.vert", "mesh.frag", kSwitches);
  gfx::SpecialisedProgram full("mesh.vert", "mesh.frag", {}); // one program: the shader as written
  for (Uniforms u : {Uniforms{0, 0}, Uniforms{1, 0}, Uniforms{0, 1}}) {
    Image a = draw(specialised, scene, u);
    Image b = draw(full, scene, u);
    int lit = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4) lit += a.rgba[i] > 60;
    EXPECT_GT(lit, 200) << "the box is drawn";
    EXPECT_LE(max_difference(a, b), 1) << "unlit " << u.unlit << " clip " << u.clip_on;
  }
  // The variant with everything live, made up front, and one per combination used.
  EXPECT_EQ(specialised.variant_count(), 4u);
  EXPECT_EQ(full.variant_count(), 1u);
}

// The shader encodes linear light as sRGB with a polynomial in sqrt(c) fitted
// to the exact curve (docs/PERFORMANCE.md): the unlit path writes u_colour
// through it, so a ramp of linear values must come out as the exact encoding
// rounded to 8 bits, at most one level off where the exact value sits within
// a hair of a rounding boundary.
TEST(SpecialisedProgram, SrgbEncodingFollowsTheExactCurve) {
  platform::HeadlessContext context;
  Scene scene = box_scene();
  gfx::SpecialisedProgram program("mesh.vert", "mesh.frag", kSwitches);
  int exact = 0, total = 0, worst = 0;
  for (int k = 0; k <= 64; ++k) {
    // Denser near black, where the curve is steepest.
    const float t = static_cast<float>(k) / 64.0f;
    const float c = t * t;
    Uniforms u{1, 0, glm::vec4(c, 0.5f * c, 0.0031308f * t, 1.0f)};
    Image img = draw(program, scene, u);
    const std::uint8_t* p = img.at(img.width / 2, img.height / 2);
    for (int ch = 0; ch < 3; ++ch) {
      const float v = ch == 0 ? c : ch == 1 ? 0.5f * c : 0.0031308f * t;
      const double s = v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(static_cast<double>(v), 1.0 / 2.4) - 0.055;
      const int want = static_cast<int>(std::lround(s * 255.0));
      const int diff = std::abs(int(p[ch]) - want);
      worst = std::max(worst, diff);
      exact += diff == 0;
      ++total;
    }
  }
  EXPECT_LE(worst, 1);
  EXPECT_GE(exact, total * 95 / 100) << exact << " of " << total << " values exact";
}
