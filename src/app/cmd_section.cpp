// crus section: what a plane through the leg cuts, with areas and centroids,
// as a cross-sectional atlas lists it.
#include "app/commands.hpp"
#include "app/posed_section.hpp"
#include "app/scene_setup.hpp"
#include "core/geometry/cross_section.hpp"
#include "core/error.hpp"
#include "core/anatomy/knowledge.hpp"

#include <cmath>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

namespace crus::app {

namespace {
double round_to(double v, int digits) {
  double s = std::pow(10.0, digits);
  return std::round(v * s) / s + 0.0; // + 0.0: no "-0" in the JSON
}
nlohmann::ordered_json vec(const glm::dvec3& p) { return {round_to(p.x, 5), round_to(p.y, 5), round_to(p.z, 5)}; }
} // namespace

int run_section(const SectionOptions& options) {
  Scene scene = load_atlas(options.atlas, true);
  // Validate the height before the knowledge base is read: bad input fails fast.
  SceneSection section = section_of_leg(scene, options.height, options.tilt, options.pose, "HEIGHT");
  KnowledgeBase knowledge = load_knowledge(knowledge_dir());
  apply_knowledge(scene, knowledge);
  for (auto& s : section.structures) s.name = scene.structures[static_cast<std::size_t>(s.index)].name;

  const SectionPlane& plane = section.plane;
  const StructureSection* skin = nullptr;
  for (const auto& s : section.structures)
    if (s.kind == StructureKind::skin) skin = &s;

  if (options.json) {
    nlohmann::ordered_json j;
    nlohmann::ordered_json p;
    p["height"] = options.height;
    if (plane.fraction) p["fraction_knee_to_ankle"] = round_to(*plane.fraction, 4);
    p["point"] = vec(plane.point);
    p["normal"] = vec(plane.normal);
    p["tilt_deg"] = plane.tilt_deg;
    if (!options.pose.empty()) p["pose"] = options.pose; // the plane moved with the tibia
    p["seen_from"] = "the side the normal points to (above, for a horizontal cut): anterior up, lateral to the right";
    j["plane"] = p;
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& s : section.structures) {
      nlohmann::ordered_json e;
      e["id"] = s.id;
      e["name"] = s.name;
      e["kind"] = to_string(s.kind);
      e["area_cm2"] = round_to(s.measure.area_m2 * 1e4, 3);
      e["centroid"] = vec(plane.to_model(s.measure.centroid));
      e["perimeter_cm"] = round_to(s.measure.perimeter_m * 100.0, 2);
      e["pieces"] = s.measure.pieces;
      if (s.section.open_chains) e["open_contours"] = s.section.open_chains;
      arr.push_back(std::move(e));
    }
    j["structures"] = std::move(arr);
    if (skin) {
      j["skin"] = {{"area_cm2", round_to(skin->measure.area_m2 * 1e4, 3)},
                   {"perimeter_cm", round_to(skin->measure.hull_perimeter_m * 100.0, 2)},
                   {"contour_perimeter_cm", round_to(skin->measure.perimeter_m * 100.0, 2)},
                   {"packing_fraction", round_to(section.packing_fraction(), 4)}};
    } else {
      j["skin"] = nullptr;
    }
    std::cout << j.dump(2) << "\n";
    return 0;
  }

  std::cout << "section at " << options.height << ": y = " << std::fixed << std::setprecision(4) << plane.point.y << " m";
  if (plane.tilt_deg != 0.0) std::cout << ", tilted " << std::setprecision(1) << plane.tilt_deg << " deg";
  std::cout << ", " << section.structures.size() << " structures cut\n";
  for (const auto& s : section.structures) {
    glm::dvec3 c = plane.to_model(s.measure.centroid);
    std::cout << "  " << std::left << std::setw(28) << s.id << std::right << std::setw(8) << std::setprecision(2)
              << s.measure.area_m2 * 1e4 << " cm2  centroid " << std::setprecision(4) << c.x << ", " << c.y << ", " << c.z
              << "\n";
  }
  if (skin)
    std::cout << "skin: " << std::setprecision(2) << skin->measure.area_m2 * 1e4 << " cm2, circumference "
              << skin->measure.hull_perimeter_m * 100.0 << " cm, packing " << std::setprecision(1)
              << section.packing_fraction() * 100.0 << "%\n";
  return 0;
}

} // namespace crus::app
