// crus section as a user runs it: the JSON of a cut through the bundled
// atlas, exact areas on a fixture of boxes, and one-line errors for bad input.
#include "core/io/atlas_manifest.hpp"
#include "core/io/image.hpp"
#include "support/fixtures.hpp"
#include "support/test_support.hpp"

#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using crus::test::run_command;

namespace {
std::string crus_bin() { return crus::test::crus_binary(); }

int count_lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

const nlohmann::json* find(const nlohmann::json& structures, const std::string& id) {
  for (const auto& s : structures)
    if (s["id"] == id) return &s;
  return nullptr;
}
} // namespace

TEST(SectionCli, BundledAtlasAtFortyPercent) {
  auto r = run_command(crus_bin() + " section 40% --json");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["plane"]["fraction_knee_to_ankle"].get<double>(), 0.4, 1e-9);
  const auto& st = j["structures"];
  for (const char* id : {"tibia", "fibula", "soleus", "tibialis_anterior", "fibularis_longus", "skin"})
    ASSERT_NE(find(st, id), nullptr) << id;
  for (const auto& s : st) {
    EXPECT_GT(s["area_cm2"].get<double>(), 0.0) << s["id"];
    EXPECT_NEAR(s["centroid"][1].get<double>(), j["plane"]["point"][1].get<double>(), 1e-6) << "centroid on the plane";
    for (const char* key : {"id", "name", "kind", "area_cm2", "centroid", "perimeter_cm", "pieces"})
      EXPECT_TRUE(s.contains(key)) << key;
  }
  // Where a cross-sectional atlas puts them (X anterior, Z lateral).
  auto x = [&](const char* id) { return (*find(st, id))["centroid"][0].get<double>(); };
  auto z = [&](const char* id) { return (*find(st, id))["centroid"][2].get<double>(); };
  EXPECT_LT(z("tibia"), z("fibula")) << "tibia medial to the fibula";
  EXPECT_LT(x("soleus"), x("tibia")) << "soleus behind the tibia";
  EXPECT_GT(x("tibialis_anterior"), x("fibula")) << "tibialis anterior in front";
  EXPECT_GT(z("fibularis_longus"), z("tibia"));
  const auto& skin = j["skin"];
  double area = skin["area_cm2"], perimeter = skin["perimeter_cm"];
  EXPECT_GT(perimeter, 25.0);
  EXPECT_LT(perimeter, 50.0);
  // A tape measure can never be shorter than a circle of the same area needs.
  EXPECT_GE(perimeter * perimeter, 4.0 * 3.14159 * area * 0.999);
  EXPECT_LE(skin["perimeter_cm"].get<double>(), skin["contour_perimeter_cm"].get<double>() + 1e-6);
  double sum = 0.0;
  for (const auto& s : st)
    if (s["kind"] != "skin") sum += s["area_cm2"].get<double>();
  EXPECT_NEAR(skin["packing_fraction"].get<double>(), sum / area, 0.01);
}

TEST(SectionCli, MetresAndTiltAndTextOutput) {
  auto r = run_command(crus_bin() + " section 0.30 --tilt 15");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("tilted 15.0 deg"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("circumference"), std::string::npos) << r.out;
}

TEST(SectionCli, FixtureBoxesGiveExactAreas) {
  auto dir = crus::test::scratch_dir("section_cli");
  auto atlas = crus::test::write_box_gltf((dir / "boxes.gltf").string(), {{"tibia", {0.0f, 0.25f, 0.0f}, {0.02f, 0.2f, 0.01f}},
                                                                          {"skin", {0.0f, 0.25f, 0.0f}, {0.05f, 0.22f, 0.04f}}});
  // A manifest beside it says what each node is and where the joints are.
  crus::AtlasManifest m;
  m.mesh_file = "boxes.gltf";
  m.structures = {{"tibia", "Tibia", crus::StructureKind::bone, "tibia"}, {"skin", "Skin", crus::StructureKind::skin, "skin"}};
  m.joints = {{"knee", {0.0f, 0.45f, 0.0f}}, {"ankle", {0.0f, 0.05f, 0.0f}}};
  crus::save_manifest(m, (dir / "atlas.json").string());
  auto r = run_command(crus_bin() + " section 0.25 --json --atlas " + atlas);
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  const auto* tibia = find(j["structures"], "tibia");
  ASSERT_NE(tibia, nullptr) << r.out;
  EXPECT_NEAR((*tibia)["area_cm2"].get<double>(), 4.0 * 2.0, 1e-3); // 4 cm x 2 cm
  EXPECT_NEAR(j["skin"]["area_cm2"].get<double>(), 10.0 * 8.0, 1e-3);
  EXPECT_NEAR(j["skin"]["perimeter_cm"].get<double>(), 36.0, 1e-3);
  EXPECT_NEAR(j["skin"]["packing_fraction"].get<double>(), 0.1, 1e-4);
  // 50% of the way from knee to ankle is y = 0.25 as well.
  r = run_command(crus_bin() + " section 50% --json --atlas " + atlas);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NEAR(nlohmann::json::parse(r.out)["skin"]["area_cm2"].get<double>(), 80.0, 1e-3);
  // No manifest: a percentage cannot be placed, and says so.
  auto bare_dir = crus::test::scratch_dir("section_cli_bare");
  auto bare =
      crus::test::write_box_gltf((bare_dir / "boxes.gltf").string(), {{"tibia", {0.0f, 0.25f, 0.0f}, {0.02f, 0.2f, 0.01f}}});
  r = run_command(crus_bin() + " section 40% --atlas " + bare);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("metres"), std::string::npos) << r.err;
}

TEST(SectionCli, BadInputIsOneLineAndStatusTwo) {
  for (const char* args : {"section abc", "section 5.0", "section 40% --tilt 95", "section", "section 40%% --json"}) {
    auto r = run_command(crus_bin() + " " + args);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_EQ(count_lines(r.err), 1) << args << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << args;
  }
}

TEST(SectionCli, RenderSectionPageAndCutModel) {
  auto dir = crus::test::scratch_dir("section_render");
  std::string page = (dir / "page.png").string();
  auto r = run_command(crus_bin() + " render --section 40% --size 800x600 --out " + page);
  ASSERT_EQ(r.status, 0) << r.err;
  crus::Image img = crus::read_png(page);
  EXPECT_EQ(img.width, 800);
  EXPECT_EQ(img.height, 600);
  int muscle = 0, bone = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const auto* p = img.at(x, y);
      // The manifest's colours (linear) in sRGB: muscle (170, 75, 66), bone (234, 225, 200).
      auto near = [&](int r, int g, int b) {
        return std::abs(p[0] - r) <= 4 && std::abs(p[1] - g) <= 4 && std::abs(p[2] - b) <= 4;
      };
      muscle += near(170, 75, 66);
      bone += near(234, 225, 200);
    }
  EXPECT_GT(muscle, 5000) << "muscles filled in their colour";
  EXPECT_GT(bone, 300) << "tibia and fibula filled";
  // The model cut at 55%, against the whole model from the same view.
  std::string cut = (dir / "cut.png").string(), whole = (dir / "whole.png").string();
  r = run_command(crus_bin() + " render --section 55% --section-style model --view anterior --size 320x240 --no-labels --out " +
                  cut);
  ASSERT_EQ(r.status, 0) << r.err;
  r = run_command(crus_bin() + " render --view anterior --size 320x240 --no-labels --out " + whole);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_GT(crus::image_difference(crus::read_png(cut), crus::read_png(whole), 16), 0.05) << "the cut removes the upper leg";
  r = run_command(crus_bin() + " render --section 40% --section-style cubist --out " + page);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  r = run_command(crus_bin() + " render --section 4o% --out " + page);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--section"), std::string::npos) << r.err;
}

TEST(SectionCli, PosedLegIsCutAtTheSameLevelOfTheShank) {
  auto rest = run_command(crus_bin() + " section 40% --json");
  auto posed = run_command(crus_bin() + " section 40% --pose knee=90,ankle=-40 --json");
  ASSERT_EQ(rest.status, 0) << rest.err;
  ASSERT_EQ(posed.status, 0) << posed.err;
  const auto a = nlohmann::json::parse(rest.out), b = nlohmann::json::parse(posed.out);
  EXPECT_EQ(b["plane"]["pose"], "knee=90,ankle=-40");
  auto area = [](const nlohmann::json& j, const char* id) {
    const nlohmann::json* s = find(j["structures"], id);
    return s ? (*s)["area_cm2"].get<double>() : 0.0;
  };
  // The bones are cut where they were; the shortened triceps surae is wider.
  EXPECT_NEAR(area(b, "tibia") / area(a, "tibia"), 1.0, 0.01);
  EXPECT_NEAR(area(b, "fibula") / area(a, "fibula"), 1.0, 0.01);
  EXPECT_GT(area(b, "soleus"), area(a, "soleus") * 1.03);
  // The plane turned with the shank (knee bent 90 degrees): its normal is no longer vertical.
  EXPECT_LT(std::abs(b["plane"]["normal"][1].get<double>()), 0.5);
  auto bad = run_command(crus_bin() + " section 40% --pose knee=200");
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(count_lines(bad.err), 1) << bad.err;
  // The section page of the posed leg draws too.
  const std::string out = (crus::test::scratch_dir("section_cli_posed") / "posed_section.png").string();
  auto page = run_command(crus_bin() + " render --section 40% --pose knee=90,ankle=-40 --size 400x400 --out " + out);
  ASSERT_EQ(page.status, 0) << page.err;
}
