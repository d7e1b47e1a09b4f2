// Figures of the bundled atlas rendered headless, checked by pixels: the
// highlights and overlays colour the right place. Skips when the bundled
// atlas has not been generated.
#include "app/offscreen.hpp"
#include "app/presentation.hpp"
#include "app/scene_setup.hpp"
#include "core/error.hpp"
#include "core/io/image.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>

using namespace crus;

namespace {

constexpr int kW = 360, kH = 480;

struct Figure {
  Image image;
  glm::mat4 view_projection;
};

class BundledAtlasFigures : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    app::AtlasOptions o;
    if (!std::filesystem::exists(o.resolved_atlas())) return;
    scene_ = std::make_unique<Scene>(app::load_atlas(o, true));
    renderer_ = std::make_unique<app::OffscreenRenderer>(kW, kH);
    renderer_->upload(*scene_);
  }
  static void TearDownTestSuite() {
    renderer_.reset();
    scene_.reset();
  }
  void SetUp() override {
    ASSERT_TRUE(scene_) << app::AtlasOptions().resolved_atlas() << " is missing; bundled assets are part of the repository";
  }

  Figure render(const app::RenderOptions& options, AnatomicalView view, const OrbitCamera* fixed = nullptr) {
    app::Presentation p(*scene_, true);
    p.apply_render_options(options);
    OrbitCamera camera = fixed ? *fixed : p.camera_for(view, static_cast<float>(kW) / kH);
    Figure f;
    f.image = p.render(*renderer_, camera, /*labels=*/false);
    f.view_projection = camera.projection(static_cast<float>(kW) / kH) * camera.view();
    return f;
  }

  static glm::vec2 project(const Figure& f, glm::vec3 p) {
    glm::vec4 c = f.view_projection * glm::vec4(p, 1.0f);
    return {(c.x / c.w * 0.5f + 0.5f) * kW, (0.5f - c.y / c.w * 0.5f) * kH};
  }

  static void keep(const Image& img, const std::string& name) {
    write_png(img, (test::scratch_dir("figures") / (name + ".png")).string());
  }

  static std::unique_ptr<Scene> scene_;
  static std::unique_ptr<app::OffscreenRenderer> renderer_;
};
std::unique_ptr<Scene> BundledAtlasFigures::scene_;
std::unique_ptr<app::OffscreenRenderer> BundledAtlasFigures::renderer_;

// Pixels matching `pred` in `b` but not in `a`: their mean position and count.
template <class Pred>
std::pair<glm::vec2, int> new_pixels(const Image& a, const Image& b, Pred pred) {
  glm::vec2 sum(0.0f);
  int n = 0;
  for (int y = 0; y < b.height; ++y)
    for (int x = 0; x < b.width; ++x)
      if (pred(b.at(x, y)) && !pred(a.at(x, y))) {
        sum += glm::vec2(x, y);
        ++n;
      }
  return {n ? sum / static_cast<float>(n) : glm::vec2(-1.0f), n};
}

bool orange(const std::uint8_t* p) { return p[0] > 170 && p[1] > 60 && p[1] < 170 && p[2] < 90 && p[0] > p[1] + 60; }
bool blue(const std::uint8_t* p) { return p[2] > 150 && p[2] > p[0] + 70 && p[1] > 60; }
bool red(const std::uint8_t* p) { return p[0] > 150 && p[1] < 80 && p[2] < 80; }

TEST_F(BundledAtlasFigures, OriginHighlightGlowsOnTheMedialFemoralCondyle) {
  // Both pictures in the same x-ray mode; only the origin patch differs.
  app::RenderOptions base;
  base.select = "gastrocnemius_medial_head";
  base.highlight = "insertion";
  Figure plain = render(base, AnatomicalView::posterior);
  app::RenderOptions lit = base;
  lit.highlight = "origin,insertion";
  Figure glow = render(lit, AnatomicalView::posterior);
  auto [centre, count] = new_pixels(plain.image, glow.image, orange);
  const AttachmentSite* site = scene_->manifest->find_site("gastrocnemius_medial_head_origin");
  ASSERT_NE(site, nullptr);
  glm::vec2 expected = project(glow, site->centroid);
  EXPECT_GT(count, 15);
  EXPECT_LT(glm::length(centre - expected), 25.0f)
      << "orange at " << centre.x << "," << centre.y << " expected near " << expected.x << "," << expected.y;
  if (HasFailure()) keep(glow.image, "origin_highlight");
}

TEST_F(BundledAtlasFigures, InsertionHighlightIsBlueAtTheCalcanealTuberosity) {
  app::RenderOptions o;
  o.select = "soleus";
  Figure plain = render(o, AnatomicalView::posterior);
  o.highlight = "insertion";
  Figure glow = render(o, AnatomicalView::posterior);
  auto [centre, count] = new_pixels(plain.image, glow.image, blue);
  const AttachmentSite* site = scene_->manifest->find_site("soleus_insertion");
  ASSERT_NE(site, nullptr);
  EXPECT_GT(count, 10);
  EXPECT_LT(glm::length(centre - project(glow, site->centroid)), 25.0f);
  if (HasFailure()) keep(glow.image, "insertion_highlight");
}

TEST_F(BundledAtlasFigures, SelectionChangesTheSelectedStructuresPixels) {
  app::RenderOptions none;
  Figure before = render(none, AnatomicalView::anterior);
  app::RenderOptions sel;
  sel.select = "tibialis_anterior";
  Figure after = render(sel, AnatomicalView::anterior);
  const SceneStructure* ta = scene_->find("tibialis_anterior");
  glm::vec2 lo(1e9f), hi(-1e9f);
  for (int i = 0; i < 8; ++i) {
    glm::vec3 corner{i & 1 ? ta->box.max.x : ta->box.min.x, i & 2 ? ta->box.max.y : ta->box.min.y,
                     i & 4 ? ta->box.max.z : ta->box.min.z};
    glm::vec2 s = project(after, corner);
    lo = glm::min(lo, s);
    hi = glm::max(hi, s);
  }
  long inside = 0, outside = 0;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      const auto* a = before.image.at(x, y);
      const auto* b = after.image.at(x, y);
      int d = std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
      if (d < 12) continue;
      bool in = x >= lo.x - 2 && x <= hi.x + 2 && y >= lo.y - 2 && y <= hi.y + 2;
      (in ? inside : outside)++;
    }
  EXPECT_GT(inside, 300);
  EXPECT_LT(outside, inside / 20) << "the selection changed pixels away from the tibialis anterior";
}

TEST_F(BundledAtlasFigures, SoleusReferralPaintsTheHeelRed) {
  app::RenderOptions o;
  o.overlays = {"referral:soleus_trp1"};
  Figure map = render(o, AnatomicalView::posterior);
  Figure plain = render({}, AnatomicalView::posterior);
  auto [centre, count] = new_pixels(plain.image, map.image, red);
  const Landmark* heel = scene_->manifest->find_landmark("calcaneal_tuberosity");
  ASSERT_NE(heel, nullptr);
  EXPECT_GT(count, 100);
  // The red lies low on the leg (the hatched spillover reaches up the
  // calcaneal tendon to the trigger point, 2-3 cm below the gastrocnemius),
  // and the heel itself is painted: the essential zone.
  EXPECT_GT(centre.y, kH * 0.7f);
  const glm::vec2 at_heel = project(map, heel->position);
  int red_at_heel = 0;
  for (int y = std::max(0, int(at_heel.y) - 20); y < std::min(kH, int(at_heel.y) + 20); ++y)
    for (int x = std::max(0, int(at_heel.x) - 20); x < std::min(kW, int(at_heel.x) + 20); ++x)
      if (red(map.image.at(x, y)) && glm::length(glm::vec2(x, y) - at_heel) <= 20.0f) ++red_at_heel;
  EXPECT_GT(red_at_heel, 300) << "the heel is not painted red";
  if (HasFailure()) keep(map.image, "soleus_referral");
}

TEST_F(BundledAtlasFigures, TibialisAnteriorReferralReachesTheBigToeFromTheFront) {
  app::RenderOptions o;
  o.overlays = {"referral:tibialis_anterior"};
  Figure map = render(o, AnatomicalView::anterior);
  Figure plain = render({}, AnatomicalView::anterior);
  auto [centre, count] = new_pixels(plain.image, map.image, red);
  EXPECT_GT(count, 100);
  EXPECT_GT(centre.y, kH * 0.6f); // ankle and foot, not the knee
  if (HasFailure()) keep(map.image, "tibialis_anterior_referral");
}

TEST_F(BundledAtlasFigures, UnknownOverlayIdIsAnInputErrorWithSuggestions) {
  app::RenderOptions o;
  o.overlays = {"referral:soleous"};
  try {
    render(o, AnatomicalView::posterior);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("soleus"), std::string::npos) << e.what();
  }
}

} // namespace

namespace {

// Mean absolute luminance step between neighbouring pixels inside `box`,
// across columns (dx) and across rows (dy).
void gradients(const Image& img, glm::ivec2 lo, glm::ivec2 hi, double& dx, double& dy) {
  auto lum = [&](int x, int y) {
    const auto* p = img.at(x, y);
    return 0.3 * p[0] + 0.59 * p[1] + 0.11 * p[2];
  };
  double sx = 0, sy = 0;
  long n = 0;
  for (int y = lo.y; y < hi.y; ++y)
    for (int x = lo.x; x < hi.x; ++x) {
      sx += std::abs(lum(x + 1, y) - lum(x, y));
      sy += std::abs(lum(x, y + 1) - lum(x, y));
      ++n;
    }
  dx = n ? sx / double(n) : 0.0;
  dy = n ? sy / double(n) : 0.0;
}

TEST_F(BundledAtlasFigures, MusclesAreStreakedAlongTheirFibres) {
  // The soleus seen from behind: its fibres run up and down, so with fibre
  // shading the image changes more from column to column than from row to
  // row. Without the fibre coordinates it is smooth both ways.
  const SceneStructure* soleus = scene_->find("soleus");
  ASSERT_NE(soleus, nullptr);
  ASSERT_EQ(soleus->mesh.fibres.size(), soleus->mesh.positions.size());
  EXPECT_TRUE(scene_->find("tibia")->mesh.fibres.empty());
  app::RenderOptions only;
  only.isolate = "soleus";
  only.ambient_occlusion = false; // the baked shading varies across the belly too; this is about the fibres
  Figure streaked = render(only, AnatomicalView::posterior);
  Scene plain = *scene_;
  for (auto& s : plain.structures) s.mesh.fibres.clear();
  renderer_->upload(plain);
  Figure smooth = render(only, AnatomicalView::posterior);
  renderer_->upload(*scene_);
  // The lower belly, lateral to the midline: the sural nerve's groove runs
  // down the middle of the soleus above it (its edges are steps across the
  // image that no fibre shading makes), and the belly's upper border is a
  // step along it.
  const glm::ivec2 lo(kW / 2 + 15, kH / 2 + 15), hi(kW / 2 + 55, kH / 2 + 55);
  double sdx = 0, sdy = 0, pdx = 0, pdy = 0;
  gradients(streaked.image, lo, hi, sdx, sdy);
  gradients(smooth.image, lo, hi, pdx, pdy);
  std::printf("luminance steps: streaked %.2f across / %.2f along, plain %.2f / %.2f\n", sdx, sdy, pdx, pdy);
  EXPECT_GT(sdx, 1.5 * sdy);
  // The second-edition soleus has more relief of its own (about 2 steps
  // across without fibres, from 1 before), so the fibres add a bit less than
  // twice as much again.
  EXPECT_GT(sdx, 1.75 * pdx);
  if (HasFailure()) {
    keep(streaked.image, "streaked");
    keep(smooth.image, "smooth");
  }
}

} // namespace

namespace {

// Mean chroma (largest minus smallest channel) of the pixels in `mask`: a
// red muscle keeps it, a faint ghost over pale bone loses it.
double chroma(const Image& img, const std::vector<bool>& mask) {
  double sum = 0.0;
  long n = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      if (!mask[static_cast<std::size_t>(y * img.width + x)]) continue;
      const auto* p = img.at(x, y);
      sum += std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]});
      ++n;
    }
  return n ? sum / static_cast<double>(n) : 0.0;
}

TEST_F(BundledAtlasFigures, SelectedMuscleStaysVisibleWhileItsAttachmentsShow) {
  // The muscle alone gives its pixels and its full contrast; with origin and
  // insertion shown it must keep most of that while the patches appear.
  app::RenderOptions taught;
  taught.select = "gastrocnemius_medial_head";
  taught.highlight = "origin,insertion";
  OrbitCamera camera;
  {
    app::Presentation p(*scene_, true);
    p.apply_render_options(taught);
    camera = p.camera_for(AnatomicalView::posterior, static_cast<float>(kW) / kH);
  }
  app::RenderOptions alone;
  alone.isolate = "gastrocnemius_medial_head";
  alone.select = "gastrocnemius_medial_head";
  Figure solo = render(alone, AnatomicalView::posterior, &camera);
  const std::uint8_t* bg = solo.image.at(0, 0);
  const std::uint8_t background[3] = {bg[0], bg[1], bg[2]};
  std::vector<bool> mask(static_cast<std::size_t>(kW * kH), false);
  long pixels = 0;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      const auto* p = solo.image.at(x, y);
      bool muscle = std::abs(p[0] - background[0]) + std::abs(p[1] - background[1]) + std::abs(p[2] - background[2]) > 30;
      mask[static_cast<std::size_t>(y * kW + x)] = muscle;
      pixels += muscle;
    }
  ASSERT_GT(pixels, 2000);

  Figure lit = render(taught, AnatomicalView::posterior, &camera);
  double full = chroma(solo.image, mask);
  double kept = chroma(lit.image, mask);
  // And pixel by pixel it looks as it does alone (nerves in front aside).
  long same = 0;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      if (!mask[static_cast<std::size_t>(y * kW + x)]) continue;
      const auto* a = solo.image.at(x, y);
      const auto* b = lit.image.at(x, y);
      same += std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) < 60;
    }
  double same_share = static_cast<double>(same) / static_cast<double>(pixels);
  std::printf("muscle chroma alone %.1f, with attachments shown %.1f; %.0f%% of its pixels unchanged\n", full, kept,
              100.0 * same_share);
  EXPECT_GT(kept, 0.8 * full) << "the selected muscle fades out when its attachments are shown";
  EXPECT_GT(same_share, 0.7) << "the selected muscle fades out when its attachments are shown";

  // Both patches are on screen, drawn over the muscle where it covers them.
  long orange_pixels = 0, blue_pixels = 0;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      orange_pixels += orange(lit.image.at(x, y));
      blue_pixels += blue(lit.image.at(x, y));
    }
  EXPECT_GT(orange_pixels, 15);
  EXPECT_GT(blue_pixels, 10);
  if (HasFailure()) {
    keep(lit.image, "selected_with_attachments");
    keep(solo.image, "selected_alone");
  }
}

} // namespace
