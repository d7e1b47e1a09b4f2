// Annotations: pins and arrows stored as structure id + rest-frame position
// survive a save and reopen, stay on their structure when the camera moves
// and when the leg is posed, snap back onto a regenerated (perturbed) mesh,
// and keep (and report) an id the atlas lacks; ink round-trips normalised.
#include "core/document/annotations.hpp"
#include "core/document/scene_picks.hpp"
#include "core/geometry/rest_frame.hpp"
#include "core/geometry/camera.hpp"
#include "core/error.hpp"
#include "core/motion/soft_tissue.hpp"
#include "core/geometry/picking.hpp"
#include "core/document/scene.hpp"
#include "core/document/scene_file.hpp"
#include "support/test_support.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <cstdio>

#include <filesystem>

using namespace crus;

namespace {

const Scene* atlas() {
  static const std::optional<Scene> scene = []() -> std::optional<Scene> {
    const std::filesystem::path glb = std::filesystem::path(crus::test::source_dir()) / "assets/atlas/lower_leg_right_lod1.glb";
    if (!std::filesystem::exists(glb)) return std::nullopt;
    SceneLoadOptions o;
    o.manifest_path = (glb.parent_path() / "atlas.json").string();
    return load_scene(glb.string(), o);
  }();
  return scene ? &*scene : nullptr;
}
#define REQUIRE_ATLAS() ASSERT_TRUE(atlas()) << "the bundled atlas is missing; it is part of the repository"

PickIndex picks_of(const Scene& scene) { return pick_index_of(scene); }

// Everything pickable but the skin, so the subcutaneous tibia shows.
std::vector<std::uint8_t> all_but_skin(const Scene& scene) {
  std::vector<std::uint8_t> flags(scene.structures.size(), pick_opaque);
  if (int skin = scene.index_of("skin"); skin >= 0) flags[static_cast<std::size_t>(skin)] = pick_hidden;
  return flags;
}

// A point on the front of the tibia's shaft, found the way a click finds it.
AnatomyPoint tibia_front(const Scene& scene, const PickIndex& picks) {
  const SceneStructure* tibia = scene.find("tibia");
  const glm::vec3 c = tibia->box.centre();
  Ray ray{glm::vec3(c.x + 1.0f, c.y, c.z), glm::vec3(-1.0f, 0.0f, 0.0f)};
  std::vector<std::uint8_t> only(scene.structures.size(), pick_hidden);
  only[static_cast<std::size_t>(scene.index_of("tibia"))] = pick_opaque;
  auto hit = picks.pick(ray, only);
  EXPECT_TRUE(hit);
  return AnatomyPoint{"tibia", hit ? hit->point : c};
}

glm::vec2 project(glm::vec3 p, const OrbitCamera& cam, glm::vec2 size) {
  glm::vec4 clip = cam.projection(size.x / size.y) * cam.view() * glm::vec4(p, 1.0f);
  glm::vec2 ndc = glm::vec2(clip) / clip.w;
  return {(ndc.x * 0.5f + 0.5f) * size.x, (0.5f - ndc.y * 0.5f) * size.y};
}

Annotations sample() {
  Annotations a;
  a.pins.push_back({{"tibia", {0.012f, 0.25f, 0.07f}}, "Subcutaneous: shin splints hurt here"});
  a.arrows.push_back({AnatomyPoint{"fibula", {-0.05f, 0.3f, 0.11f}}, {"soleus", {-0.08f, 0.3f, 0.08f}}, "Soleal line"});
  a.arrows.push_back({std::nullopt, {"calcaneal_tendon", {-0.1f, 0.08f, 0.08f}}, "Calcaneal tendon"});
  a.ink.push_back({{{0.1f, 0.2f}, {0.15f, 0.22f}, {0.3f, 0.4f}}});
  return a;
}

} // namespace

TEST(Annotations, SceneRoundTripKeepsPinsArrowsAndInk) {
  SceneFile f;
  f.atlas.fingerprint = "00ff";
  f.scene.annotations = sample();
  const std::string text = scene_file_to_json(f);
  EXPECT_NE(text.find("\"version\": 2"), std::string::npos);
  SceneFile back = parse_scene_file(text, "round.json");
  EXPECT_EQ(back.scene.annotations, f.scene.annotations);
  EXPECT_EQ(scene_file_to_json(back), text);
}

TEST(Annotations, VersionOneScenesStillOpen) {
  const std::string v1 = R"({"format": "crus-scene", "version": 1, "atlas": {"name": "bundled", "fingerprint": "00"},
    "scene": {"view": "lateral", "selected": "soleus"}})";
  SceneFile f = parse_scene_file(v1, "old.json");
  EXPECT_EQ(f.version, 1);
  EXPECT_TRUE(f.scene.annotations.empty());
  EXPECT_EQ(f.scene.selected, "soleus");
}

TEST(Annotations, BadAnnotationsAreLocated) {
  auto fault = [](const std::string& annotations) {
    const std::string text =
        "{\"format\": \"crus-scene\", \"version\": 2, \"atlas\": {\"name\": \"bundled\", \"fingerprint\": \"00\"},\n"
        "\"scene\": {\n\"annotations\": " +
        annotations + "}}";
    try {
      parse_scene_file(text, "bad.json");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(fault(R"({"pins": [{"structure": "tibia"}]})").find("bad.json:3"), std::string::npos);
  EXPECT_NE(fault(R"({"pins": [{"structure": "tibia", "position": [0, 1e9, 0]}]})").find("scene.annotations.pins[0].position[1]"),
            std::string::npos);
  EXPECT_NE(
      fault("{\"pins\": [{\"structure\": \"tibia\", \"position\": [0, 0, 0], \"text\": \"" + std::string(300, 'x') + "\"}]}")
          .find("at most 200"),
      std::string::npos);
  EXPECT_NE(fault(R"({"arrows": [{"to": {"structure": "tibia", "position": [0, 0, 0]}}]})").find("needs \"from\""),
            std::string::npos);
  EXPECT_NE(fault(R"({"ink": [{"points": [[0.5, 7]]}]})").find("outside the view"), std::string::npos);
  EXPECT_NE(fault(R"({"pins": [], "colour": 3})").find("scene.annotations"), std::string::npos);
}

TEST(Annotations, UnknownStructureIsKeptAndReported) {
  Scene scene;
  for (const char* id : {"tibia", "soleus"}) {
    SceneStructure s;
    s.id = id;
    scene.structures.push_back(s);
  }
  SceneSpec spec;
  spec.annotations.pins.push_back({{"gluteus_maximus", {0.0f, 0.9f, 0.0f}}, "Not on this atlas"});
  spec.annotations.pins.push_back({{"tibia", {0.0f, 0.3f, 0.0f}}, "Shin"});
  AppliedScene applied = apply_scene_spec(spec, scene);
  ASSERT_EQ(applied.unknown_ids, std::vector<std::string>{"gluteus_maximus"});
  EXPECT_EQ(applied.state.annotations, spec.annotations); // kept, not dropped
  SceneSpec again = capture_scene_spec(applied.state, scene, CameraPose{}, &spec);
  EXPECT_EQ(again.annotations, spec.annotations);
  Annotations a = spec.annotations;
  SnapReport report = snap_annotations(a, scene);
  EXPECT_EQ(report.unknown_ids, std::vector<std::string>{"gluteus_maximus"});
  EXPECT_EQ(a.pins[0], spec.annotations.pins[0]);
}

TEST(Annotations, SnapsOntoAPerturbedMesh) {
  REQUIRE_ATLAS();
  const PickIndex picks = picks_of(*atlas());
  Annotations a;
  a.pins.push_back({tibia_front(*atlas(), picks), "Anterior border"});
  ASSERT_LT(anchor_on_mesh(atlas()->find("tibia")->mesh, a.pins[0].at.rest)->distance, 1e-5f);
  // A regenerated atlas: the tibia 2 % larger about its centre, shifted by
  // a millimetre outwards at the pin and its vertices jittered by up to 0.6 mm, so the old
  // point is off the surface.
  Scene regenerated = *atlas();
  SceneStructure& tibia = regenerated.structures[static_cast<std::size_t>(regenerated.index_of("tibia"))];
  const glm::vec3 c = tibia.box.centre();
  const glm::vec3 out = anchor_normal(tibia.mesh, *anchor_on_mesh(tibia.mesh, a.pins[0].at.rest));
  for (std::size_t i = 0; i < tibia.mesh.positions.size(); ++i) {
    glm::vec3& p = tibia.mesh.positions[i];
    const float jitter = 0.0006f * static_cast<float>(static_cast<int>(i * 2654435761u % 7) - 3) / 3.0f;
    p = c + (p - c) * 1.02f + out * 0.001f + glm::vec3(jitter, -jitter, jitter);
  }
  const glm::vec3 before = a.pins[0].at.rest;
  ASSERT_GT(anchor_on_mesh(tibia.mesh, before)->distance, 0.0005f) << "the perturbation must move the surface";
  SnapReport report = snap_annotations(a, regenerated);
  EXPECT_EQ(report.moved, 1);
  EXPECT_TRUE(report.unknown_ids.empty());
  EXPECT_LT(anchor_on_mesh(tibia.mesh, a.pins[0].at.rest)->distance, 1e-5f) << "snapped onto the new surface";
  EXPECT_LT(glm::length(a.pins[0].at.rest - before), 0.004f) << "and stays where it was on the anatomy";
  EXPECT_NE(describe_snap(report).find("moved onto the atlas's surface"), std::string::npos);
}

TEST(Annotations, CameraMovesKeepThePinOnItsStructure) {
  REQUIRE_ATLAS();
  const PickIndex picks = picks_of(*atlas());
  const AnatomyPoint pin = tibia_front(*atlas(), picks);
  const glm::vec2 size{800.0f, 600.0f};
  const auto flags = all_but_skin(*atlas());
  // The pin is on the shin's face, beside the crest: from a camera that sees
  // that face edge on (under about 6 degrees) a click could not
  // find it, and the soleus's medial edge may lie in front.
  const Mesh& tibia = atlas()->find("tibia")->mesh;
  const glm::vec3 face = anchor_normal(tibia, *anchor_on_mesh(tibia, pin.rest));
  int checked = 0;
  for (float yaw : {-0.6f, -0.3f, 0.0f, 0.3f, 0.6f})
    for (float pitch : {-0.3f, 0.0f, 0.4f})
      for (float distance : {0.5f, 1.2f}) {
        OrbitCamera cam;
        cam.set_pose(CameraPose{atlas()->box.centre() + glm::vec3(0.0f, 0.05f * pitch, 0.01f * yaw), distance, yaw, pitch});
        if (glm::dot(face, glm::normalize(cam.eye() - pin.rest)) < 0.1f) continue;
        const glm::vec2 px = project(pin.rest, cam, size);
        auto hit = picks.pick(ray_from_screen(px, size, cam.view(), cam.projection(size.x / size.y)), flags);
        ASSERT_TRUE(hit) << "yaw " << yaw << " pitch " << pitch;
        EXPECT_EQ(atlas()->structures[static_cast<std::size_t>(hit->mesh)].id, "tibia") << "yaw " << yaw << " pitch " << pitch;
        EXPECT_LT(glm::length(hit->point - pin.rest), 0.002f);
        ++checked;
      }
  std::printf("%d of 30 cameras see the pin's face\n", checked);
  EXPECT_GE(checked, 20);
}

TEST(Annotations, PinFollowsThePosedLeg) {
  REQUIRE_ATLAS();
  using namespace crus::motion;
  const MotionModel model = load_motion_model(crus::test::source_dir() + "/assets/motion/joints.json");
  const MuscleSet muscles = load_muscles(crus::test::source_dir() + "/assets/motion/muscles.json", model);
  const PickIndex rest_picks = picks_of(*atlas());
  const AnatomyPoint pin = tibia_front(*atlas(), rest_picks);
  const LegSkin skin = bind_soft_tissue(model, muscles, *atlas());
  Scene posed = *atlas();
  const std::vector<Rigid> bodies = pose_bodies(model, Pose{70.0, 15.0, 0.0, 0.0});
  pose_scene(skin, *atlas(), bodies, posed);
  const Mesh& rest_tibia = atlas()->find("tibia")->mesh;
  const SceneStructure& posed_tibia = *posed.find("tibia"); // its rest mesh and its matrix
  auto anchor = anchor_on_mesh(rest_tibia, pin.rest);
  ASSERT_TRUE(anchor);
  const glm::vec3 at = current_point(posed_tibia, anchor_position(posed_tibia.mesh, *anchor));
  // The tibia is carried rigidly: the pin goes exactly where its body takes it.
  const glm::dvec3 expected = bodies[static_cast<std::size_t>(model.body_of_structure("tibia"))](glm::dvec3(pin.rest));
  EXPECT_LT(glm::length(glm::dvec3(at) - expected), 1e-4);
  EXPECT_GT(glm::length(at - pin.rest), 0.02f) << "a 70 degree knee bend moves the shin";
  // Seen from the front of the posed shin, the pin's pixel is on the tibia.
  const PickIndex posed_picks = picks_of(posed);
  const glm::vec3 normal = glm::mat3(posed_tibia.transform) * anchor_normal(posed_tibia.mesh, *anchor);
  Ray ray{at + normal * 0.5f, -normal};
  auto hit = posed_picks.pick(ray, all_but_skin(posed));
  ASSERT_TRUE(hit);
  EXPECT_EQ(posed.structures[static_cast<std::size_t>(hit->mesh)].id, "tibia");
  EXPECT_LT(glm::length(hit->point - at), 0.002f);
  // A click there on the bent leg is stored back at the rest position.
  EXPECT_LT(glm::length(moved_point(rigid_inverse(posed_tibia.transform), hit->point) - pin.rest), 0.002f);
}
