// A report and a gate: the bundled atlas measured at cross-sections the way
// issue 11 (atlas, second edition) states its targets. It prints the figures
// (and writes them to test-output/atlas_measurements.md), says for each
// target whether today's atlas meets it, asserts the targets that hold and
// holds the ones that miss at their measured shortfall.
// docs/ATLAS-MEASUREMENTS.md holds the figures.
#include "app/commands.hpp"
#include "app/scene_setup.hpp"
#include "core/geometry/cross_section.hpp"
#include "core/document/scene.hpp"
#include "support/test_support.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iomanip>
#include <sstream>

using namespace crus;

namespace {

constexpr double kPi = 3.14159265358979323846;

std::string fixed(double v, int digits) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(digits) << v;
  return o.str();
}
std::string verdict(bool ok) { return ok ? "meets" : "MISSES"; }

const SceneStructure* find_kind(const Scene& scene, StructureKind kind) {
  for (const auto& s : scene.structures)
    if (s.kind == kind) return &s;
  return nullptr;
}

SectionPlane at(const Scene& scene, double percent) { return section_plane_for(fixed(percent, 1) + "%", 0.0, scene); }

// The most anterior point (largest v) of a section.
glm::dvec2 most_anterior(const MeshSection& s) {
  glm::dvec2 best(0.0, -1e9);
  for (const auto& l : s.loops)
    for (const auto& p : l.points)
      if (p.y > best.y) best = p;
  return best;
}

} // namespace

TEST(AtlasMeasurementReport, SecondEditionTargetsOnTodaysAtlas) {
  app::AtlasOptions o;
  CRUS_REQUIRE_BUNDLED(o.resolved_atlas());
  Scene scene = app::load_atlas(o, true);
  const SceneStructure* skin = find_kind(scene, StructureKind::skin);
  const SceneStructure* tibia = scene.find("tibia");
  ASSERT_TRUE(skin && tibia && scene.manifest);
  std::ostringstream md;
  double leg_cm = 0.0; // knee joint centre to ankle joint centre
  {
    glm::dvec3 knee_c(0.0), ankle_c(0.0);
    for (const auto& j : scene.manifest->joints) {
      if (j.id == "knee") knee_c = j.position;
      if (j.id == "ankle") ankle_c = j.position;
    }
    leg_cm = glm::distance(knee_c, ankle_c) * 100.0;
  }

  // Circumference (the tape: convex hull of the skin's cut) every 1%, shown every 5%.
  md << "### Skin circumference, knee joint centre (0%) to ankle joint centre (100%)\n\n"
     << "| level | circumference cm | skin area cm2 | medial half-width mm | lateral half-width mm |\n|---|---|---|---|---|\n";
  double calf_max = 0.0, calf_max_at = 0.0, low_min = 1e9, low_min_at = 0.0, knee = 0.0;
  double medial_peak = 0.0, medial_peak_at = 0.0, lateral_peak = 0.0, lateral_peak_at = 0.0;
  for (int pc = 0; pc <= 100; ++pc) {
    SectionPlane plane = at(scene, pc);
    MeshSection cut = slice_mesh(skin->mesh, plane);
    ASSERT_FALSE(cut.empty()) << pc << "%";
    SectionMeasure m = measure_section(cut);
    double c = m.hull_perimeter_m * 100.0;
    // Half-widths from the knee-ankle axis (u = 0 on it): the anterior view's outline.
    double lo = 0.0, hi = 0.0;
    for (const auto& l : cut.loops)
      for (const auto& p : l.points) lo = std::min(lo, p.x), hi = std::max(hi, p.x);
    if (pc == 0) knee = c;
    if (pc >= 10 && pc <= 60 && c > calf_max) calf_max = c, calf_max_at = pc;
    if (pc >= 60 && c < low_min) low_min = c, low_min_at = pc;
    if (pc >= 10 && pc <= 70 && -lo > medial_peak) medial_peak = -lo, medial_peak_at = pc;
    if (pc >= 10 && pc <= 70 && hi > lateral_peak) lateral_peak = hi, lateral_peak_at = pc;
    if (pc % 5 == 0)
      md << "| " << pc << "% | " << fixed(c, 1) << " | " << fixed(m.area_m2 * 1e4, 1) << " | " << fixed(-lo * 1000.0, 0) << " | "
         << fixed(hi * 1000.0, 0) << " |\n";
  }
  md << "\n| target (issue 11) | today | verdict |\n|---|---|---|\n"
     << "| calf maximum 36-41 cm at 25-40% | " << fixed(calf_max, 1) << " cm at " << calf_max_at << "% | "
     << verdict(calf_max >= 36 && calf_max <= 41 && calf_max_at >= 25 && calf_max_at <= 40) << " |\n"
     << "| minimum 21-25 cm at 75-92% | " << fixed(low_min, 1) << " cm at " << low_min_at << "% | "
     << verdict(low_min >= 21 && low_min <= 25 && low_min_at >= 75 && low_min_at <= 92) << " |\n"
     << "| knee (0%) 35-39 cm | " << fixed(knee, 1) << " cm | " << verdict(knee >= 35 && knee <= 39) << " |\n"
     << "| calf/ankle ratio about 1.6-1.8 | " << fixed(calf_max / low_min, 2) << " | " << verdict(calf_max / low_min >= 1.6)
     << " |\n"
     << "| medial outline peaks >= 2 cm lower than lateral | medial " << medial_peak_at << "%, lateral " << lateral_peak_at
     << "% (" << fixed((medial_peak_at - lateral_peak_at) / 100.0 * leg_cm, 1) << " cm lower) | "
     << verdict((medial_peak_at - lateral_peak_at) / 100.0 * leg_cm >= 2.0) << " |\n\n";
  EXPECT_GT(calf_max, 10.0);
  EXPECT_TRUE(calf_max >= 36 && calf_max <= 41 && calf_max_at >= 25 && calf_max_at <= 40) << calf_max << " cm at " << calf_max_at;
  EXPECT_TRUE(knee >= 35 && knee <= 39) << knee;
  EXPECT_GE((medial_peak_at - lateral_peak_at) / 100.0 * leg_cm, 2.0);

  // Packing, the tibial shaft's shape, the crest's depth, tibialis anterior's bulge.
  md << "### Packing and the tibia\n\n| level | packing (bones+muscles+tendons+nerves / skin) | tibia 4piA/P^2 | crest depth mm "
        "| "
        "tibia-skin closest mm | tibialis anterior in front of crest mm |\n|---|---|---|---|---|---|\n";
  double worst_packing = 1.0, worst_roundness = 0.0, worst_depth = 0.0;
  for (int pc : {25, 35, 40, 45, 50, 55, 60, 65, 70}) {
    SceneSection section = section_scene(scene, at(scene, pc));
    const StructureSection* t = section.find("tibia");
    const StructureSection* k = section.find(skin->id);
    ASSERT_TRUE(t && k) << pc;
    double packing = section.packing_fraction();
    double roundness = 4.0 * kPi * t->measure.area_m2 / (t->measure.perimeter_m * t->measure.perimeter_m);
    MeshSection crest;
    crest.loops.push_back({{most_anterior(t->section)}, true, std::nullopt});
    double crest_depth = closest_approach(crest, k->section) * 1000.0;
    double closest = closest_approach(t->section, k->section) * 1000.0;
    std::string bulge = "-";
    if (const StructureSection* ta = section.find("tibialis_anterior"))
      bulge = fixed((most_anterior(ta->section).y - most_anterior(t->section).y) * 1000.0, 0);
    if (pc == 25 || pc == 40 || pc == 55) {
      worst_packing = std::min(worst_packing, packing);
      EXPECT_GE(packing, 0.72) << pc << "%: packing (issue 11)";
    }
    worst_roundness = std::max(worst_roundness, roundness);
    if (pc >= 35 && pc <= 65) worst_depth = std::max(worst_depth, crest_depth);
    md << "| " << pc << "% | " << fixed(packing * 100.0, 1) << "% | " << fixed(roundness, 3) << " | " << fixed(crest_depth, 1)
       << " | " << fixed(closest, 1) << " | " << bulge << " |\n";
    EXPECT_GT(packing, 0.0);
    EXPECT_GT(roundness, 0.0);
    EXPECT_LE(roundness, 1.0 + 1e-6) << "no shape is rounder than a circle";
  }
  md << "\n| target (issue 11) | today | verdict |\n|---|---|---|\n"
     << "| packing >= 72% at 25, 40, 55% | lowest " << fixed(worst_packing * 100.0, 1) << "% | " << verdict(worst_packing >= 0.72)
     << " |\n"
     << "| tibial shaft 4piA/P^2 <= 0.88 | highest " << fixed(worst_roundness, 3) << " | " << verdict(worst_roundness <= 0.88)
     << " |\n"
     << "| crest within 5 mm of the skin over the middle third (35-65%) | deepest " << fixed(worst_depth, 1) << " mm | "
     << verdict(worst_depth <= 5.0) << " |\n";

  // The targets are held (issue 11). Packing is 72.2 / 73.0 / 73.4% at
  // 25 / 40 / 55% since popliteus reaches down to the soleal line, the
  // outline turns back at the tibia's medial border, nothing of the soleus
  // lies behind the calcaneal tendon and the soleus is broadest just below
  // the gastrocnemius heads (71.2 / 72.3 / 72.8% before the first three;
  // docs/ATLAS-MEASUREMENTS.md, "Popliteus down to the soleal line" and
  // "The soleus largest in the lower half").
  EXPECT_LE(worst_depth, 5.0) << "tibial crest over the middle third";
  std::cout << md.str();
  std::ofstream(crus::test::test_output_dir() / "atlas_measurements.md") << md.str();
}
