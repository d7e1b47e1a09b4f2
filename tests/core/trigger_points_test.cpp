// Trigger-point data and zone maths: the bundled file loads and agrees with
// its schema, zones behave at their edges, and malformed files are rejected
// with the file, line and field.
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/io/json_schema.hpp"
#include "core/anatomy/red_flags.hpp"
#include "core/anatomy/trigger_points.hpp"
#include "support/test_support.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace crus {
namespace {

// Landmarks at the approximate model-frame positions the atlas generator
// produces (docs/ARCHITECTURE.md frame: X anterior, Y superior, Z lateral).
std::vector<Landmark> test_landmarks() {
  auto lm = [](const char* id, float x, float y, float z) { return Landmark{id, id, "", glm::vec3(x, y, z)}; };
  return {
      lm("popliteal_surface", -0.085f, 0.50f, 0.075f),
      lm("fibular_head", -0.075f, 0.405f, 0.110f),
      lm("tibial_tuberosity", -0.025f, 0.395f, 0.075f),
      lm("lateral_malleolus", -0.075f, 0.045f, 0.110f),
      lm("medial_malleolus", -0.060f, 0.065f, 0.045f),
      lm("calcaneal_tuberosity", -0.125f, 0.030f, 0.080f),
      lm("head_of_first_metatarsal", 0.065f, 0.015f, 0.050f),
      lm("head_of_fifth_metatarsal", 0.040f, 0.012f, 0.125f),
      lm("fifth_metatarsal_tuberosity", -0.015f, 0.015f, 0.125f),
      lm("distal_phalanx_of_hallux", 0.120f, 0.015f, 0.060f),
      lm("medial_tibial_condyle", -0.058f, 0.420f, 0.046f),
      lm("soleal_line", -0.063f, 0.358f, 0.080f),
      lm("medial_surface_of_tibia", -0.041f, 0.250f, 0.073f),
      lm("anterior_border_of_tibia", -0.031f, 0.260f, 0.082f),
      lm("trochlea_of_talus", -0.064f, 0.069f, 0.076f),
      lm("base_of_first_metatarsal", -0.004f, 0.033f, 0.050f),
  };
}

std::string knowledge_path(const std::string& name) { return test::source_dir() + "/assets/knowledge/" + name; }

std::string bundled_text() { return read_text_file(knowledge_path("trigger_points.json")); }

// The 1-based line of the first occurrence of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::string replace_first(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The message parse_trigger_points gives for `text`, or "" if it loads.
// The error, or for a file that breaks its schema every problem, one a line.
std::string load_error(const std::string& text) {
  try {
    parse_trigger_points(text, "trigger_points.json", test_landmarks());
  } catch (const DataFileError& e) {
    std::string all;
    for (const auto& p : e.problems()) all += (all.empty() ? "" : "\n") + p;
    return all;
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

ReferralShape ellipsoid(glm::vec3 c, glm::vec3 r) {
  ReferralShape s;
  s.kind = ShapeKind::ellipsoid;
  s.centre = c;
  s.radii = r;
  return s;
}

ReferralShape capsule(glm::vec3 a, glm::vec3 b, float radius) {
  ReferralShape s;
  s.kind = ShapeKind::capsule;
  s.a = a;
  s.b = b;
  s.radius = radius;
  return s;
}

// --- zone maths -------------------------------------------------------------

TEST(ZoneMaths, EllipsoidDistanceIsExactAlongAxesAndSignedInside) {
  const ReferralShape e = ellipsoid({0.1f, 0.2f, 0.3f}, {0.04f, 0.02f, 0.03f});
  EXPECT_NEAR(shape_distance(e, {0.1f + 0.04f + 0.005f, 0.2f, 0.3f}), 0.005f, 1e-6f);
  EXPECT_NEAR(shape_distance(e, {0.1f, 0.2f - 0.02f - 0.007f, 0.3f}), 0.007f, 1e-6f);
  EXPECT_NEAR(shape_distance(e, {0.1f, 0.2f, 0.3f + 0.03f}), 0.0f, 1e-6f);
  EXPECT_LT(shape_distance(e, {0.1f, 0.2f, 0.3f}), 0.0f);
  EXPECT_LT(shape_distance(e, {0.12f, 0.2f, 0.3f}), 0.0f);
}

TEST(ZoneMaths, CapsuleDistanceMeasuresFromTheSegment) {
  const ReferralShape c = capsule({0.0f, 0.0f, 0.0f}, {0.0f, 0.1f, 0.0f}, 0.02f);
  EXPECT_NEAR(shape_distance(c, {0.05f, 0.05f, 0.0f}), 0.03f, 1e-6f); // beside the middle
  EXPECT_NEAR(shape_distance(c, {0.0f, 0.13f, 0.0f}), 0.01f, 1e-6f);  // beyond end b
  EXPECT_NEAR(shape_distance(c, {0.0f, -0.02f, 0.0f}), 0.0f, 1e-6f);  // on cap a
  EXPECT_NEAR(shape_distance(c, {0.0f, 0.05f, 0.0f}), -0.02f, 1e-6f); // on the axis
}

TEST(ZoneMaths, MembershipIsOneInsideAndFallsSmoothlyToZeroAcrossTheEdge) {
  ReferralZone zone;
  zone.edge_width = 0.01f;
  zone.shapes.push_back(ellipsoid({0.0f, 0.0f, 0.0f}, {0.05f, 0.05f, 0.05f}));
  EXPECT_FLOAT_EQ(zone_membership(zone, {0.0f, 0.0f, 0.0f}), 1.0f);
  EXPECT_FLOAT_EQ(zone_membership(zone, {0.049f, 0.0f, 0.0f}), 1.0f);
  EXPECT_NEAR(zone_membership(zone, {0.055f, 0.0f, 0.0f}), 0.5f, 1e-4f); // half-way across the edge
  EXPECT_GT(zone_membership(zone, {0.052f, 0.0f, 0.0f}), zone_membership(zone, {0.057f, 0.0f, 0.0f}));
  EXPECT_FLOAT_EQ(zone_membership(zone, {0.061f, 0.0f, 0.0f}), 0.0f);
  EXPECT_FLOAT_EQ(zone_membership(zone, {1.0f, 1.0f, 1.0f}), 0.0f);
}

TEST(ZoneMaths, MembershipOfAUnionIsItsBestShapeAndAHardEdgeIsAStep) {
  ReferralZone zone;
  zone.edge_width = 0.0f;
  zone.shapes.push_back(ellipsoid({0.0f, 0.0f, 0.0f}, {0.01f, 0.01f, 0.01f}));
  zone.shapes.push_back(capsule({0.1f, 0.0f, 0.0f}, {0.2f, 0.0f, 0.0f}, 0.01f));
  EXPECT_FLOAT_EQ(zone_membership(zone, {0.15f, 0.005f, 0.0f}), 1.0f);
  EXPECT_FLOAT_EQ(zone_membership(zone, {0.005f, 0.0f, 0.0f}), 1.0f);
  EXPECT_FLOAT_EQ(zone_membership(zone, {0.05f, 0.0f, 0.0f}), 0.0f);
  EXPECT_FLOAT_EQ(zone_membership(zone, {0.15f, 0.0101f, 0.0f}), 0.0f);
  EXPECT_FLOAT_EQ(zone_membership(ReferralZone{}, {0.0f, 0.0f, 0.0f}), 0.0f);
}

TEST(ZoneMaths, ZoneWeightsPaintEachVertexByItsMembership) {
  TriggerPoint tp;
  tp.id = "x_trp1";
  tp.essential.edge_width = 0.01f;
  tp.essential.shapes.push_back(ellipsoid({0.0f, 0.0f, 0.0f}, {0.02f, 0.02f, 0.02f}));
  tp.spillover.edge_width = 0.01f;
  tp.spillover.shapes.push_back(capsule({0.0f, 0.0f, 0.0f}, {0.0f, 0.1f, 0.0f}, 0.03f));
  Mesh mesh;
  mesh.positions = {{0.0f, 0.0f, 0.0f}, {0.0f, 0.08f, 0.0f}, {0.025f, 0.0f, 0.0f}, {0.5f, 0.5f, 0.5f}};
  const ZoneWeights w = zone_weights(mesh, {&tp});
  ASSERT_EQ(w.essential.size(), 4u);
  ASSERT_EQ(w.spillover.size(), 4u);
  EXPECT_FLOAT_EQ(w.essential[0], 1.0f);
  EXPECT_FLOAT_EQ(w.spillover[0], 1.0f);
  EXPECT_FLOAT_EQ(w.essential[1], 0.0f);
  EXPECT_FLOAT_EQ(w.spillover[1], 1.0f);
  EXPECT_NEAR(w.essential[2], 0.5f, 1e-4f);
  EXPECT_FLOAT_EQ(w.essential[3], 0.0f);
  EXPECT_FLOAT_EQ(w.spillover[3], 0.0f);
}

// --- the bundled data ---------------------------------------------------------

TEST(TriggerPointData, BundledFileLoadsWithEveryMuscleTheIssueNames) {
  const TriggerPointSet set = load_trigger_points(knowledge_path("trigger_points.json"), test_landmarks());
  std::set<std::string> ids;
  for (const TriggerPoint& tp : set.trigger_points) ids.insert(tp.id);
  for (const char* id : {"gastrocnemius_trp1", "gastrocnemius_trp2", "gastrocnemius_trp3", "gastrocnemius_trp4", "soleus_trp1",
                         "soleus_trp2", "soleus_trp3", "plantaris_trp1", "tibialis_anterior_trp1", "fibularis_longus_trp1",
                         "fibularis_brevis_trp1", "fibularis_tertius_trp1",
                         // issue 16: the other leg muscles of Travell & Simons vol. 2
                         "popliteus_trp1", "tibialis_posterior_trp1", "flexor_digitorum_longus_trp1",
                         "flexor_hallucis_longus_trp1", "extensor_digitorum_longus_trp1", "extensor_hallucis_longus_trp1"})
    EXPECT_TRUE(ids.count(id)) << id;

  const std::set<std::string> atlas_muscles = {"gastrocnemius_medial_head",
                                               "gastrocnemius_lateral_head",
                                               "soleus",
                                               "plantaris",
                                               "tibialis_anterior",
                                               "fibularis_longus",
                                               "fibularis_brevis",
                                               "fibularis_tertius",
                                               "popliteus",
                                               "tibialis_posterior",
                                               "flexor_digitorum_longus",
                                               "flexor_hallucis_longus",
                                               "extensor_digitorum_longus",
                                               "extensor_hallucis_longus"};
  for (const TriggerPoint& tp : set.trigger_points) {
    EXPECT_TRUE(atlas_muscles.count(tp.muscle)) << tp.id << " has muscle " << tp.muscle;
    EXPECT_FALSE(tp.symptoms.empty() || tp.activating_factors.empty() || tp.self_care.empty() || tp.differential.empty() ||
                 tp.sources.empty())
        << tp.id;
    for (const std::string& key : tp.sources) EXPECT_NE(set.find_source(key), nullptr) << key;
    // Zones sit on the leg: every shape lies within the leg's bounding box.
    for (ZoneKind kind : {ZoneKind::essential, ZoneKind::spillover}) {
      for (const ReferralShape& s : tp.zone(kind).shapes) {
        const Aabb box = shape_bounds(s, 0.0f);
        EXPECT_GT(box.max.y, -0.02f) << tp.id;
        EXPECT_LT(box.min.y, 0.60f) << tp.id;
        EXPECT_GT(box.max.z, 0.0f) << tp.id;
        EXPECT_LT(box.min.z, 0.16f) << tp.id;
      }
    }
  }
  EXPECT_FALSE(set.disclaimer.empty());
  EXPECT_FLOAT_EQ(set.edge_width, 0.01f);
}

TEST(TriggerPointData, GastrocnemiusPointsSpanBothHeadsAndSoleusTrp3SaysItsZoneIsOutsideTheModel) {
  const TriggerPointSet set = parse_trigger_points(bundled_text(), "trigger_points.json", test_landmarks());
  EXPECT_EQ(set.find("gastrocnemius_trp1")->muscle, "gastrocnemius_medial_head");
  EXPECT_EQ(set.find("gastrocnemius_trp2")->muscle, "gastrocnemius_lateral_head");
  EXPECT_EQ(select_trigger_points(set, "gastrocnemius").size(), 4u);
  EXPECT_EQ(select_trigger_points(set, "gastrocnemius_medial_head").size(), 2u);
  EXPECT_EQ(select_trigger_points(set, "soleus").size(), 3u);
  ASSERT_EQ(select_trigger_points(set, "plantaris_trp1").size(), 1u);
  EXPECT_EQ(select_trigger_points(set, "popliteus").size(), 1u);
  EXPECT_TRUE(select_trigger_points(set, "tibia").empty());

  const TriggerPoint* s3 = set.find("soleus_trp3");
  ASSERT_NE(s3, nullptr);
  EXPECT_TRUE(s3->essential.empty());
  ASSERT_FALSE(s3->outside_model.empty());
  EXPECT_NE(s3->outside_model[0].find("sacroiliac"), std::string::npos);
  // The numbering caveat is recorded with the data.
  bool numbering_note = false;
  for (const std::string& n : set.find("gastrocnemius_trp1")->notes)
    numbering_note = numbering_note || n.find("1992") != std::string::npos;
  EXPECT_TRUE(numbering_note);
}

TEST(TriggerPointData, AnchoredPointsResolveAgainstTheLandmarks) {
  const TriggerPointSet set = parse_trigger_points(bundled_text(), "trigger_points.json", test_landmarks());
  // gastrocnemius_trp3: popliteal_surface + [-0.02, -0.045, -0.025]
  const glm::vec3 p = set.find("gastrocnemius_trp3")->location;
  EXPECT_NEAR(p.x, -0.105f, 1e-6f);
  EXPECT_NEAR(p.y, 0.455f, 1e-6f);
  EXPECT_NEAR(p.z, 0.05f, 1e-6f);
  // fibularis_brevis_trp1: lerp(fibular_head, lateral_malleolus, 0.62) + [-0.005, 0, -0.008]
  const glm::vec3 q = set.find("fibularis_brevis_trp1")->location;
  EXPECT_NEAR(q.x, -0.075f - 0.005f, 1e-6f);
  EXPECT_NEAR(q.y, 0.405f + 0.62f * (0.045f - 0.405f), 1e-6f);
  EXPECT_NEAR(q.z, 0.102f, 1e-6f);
  // Moving a landmark moves the zones anchored to it.
  std::vector<Landmark> moved = test_landmarks();
  for (Landmark& l : moved)
    if (l.id == "calcaneal_tuberosity") l.position += glm::vec3(0.0f, 0.0f, 0.01f);
  const TriggerPointSet shifted = parse_trigger_points(bundled_text(), "trigger_points.json", moved);
  EXPECT_NEAR(shifted.find("soleus_trp1")->essential.shapes[1].centre.z - set.find("soleus_trp1")->essential.shapes[1].centre.z,
              0.01f, 1e-6f);
}

bool same_shape(const ReferralShape& a, const ReferralShape& b) {
  auto near = [](glm::vec3 p, glm::vec3 q) { return glm::length(p - q) < 1e-6f; };
  return a.kind == b.kind && near(a.centre, b.centre) && near(a.radii, b.radii) && near(a.a, b.a) && near(a.b, b.b) &&
         std::abs(a.radius - b.radius) < 1e-6f;
}

TEST(TriggerPointData, FibularisLongusAndBrevisShareTravellAndSimonsEssentialPattern) {
  // Travell & Simons ch. 20: both refer to the lateral malleolus and a short
  // way along the outer foot (essential); only the longus spills over the
  // middle third of the outer leg (issue 16, definite error 5).
  const TriggerPointSet set = parse_trigger_points(bundled_text(), "trigger_points.json", test_landmarks());
  const TriggerPoint* longus = set.find("fibularis_longus_trp1");
  const TriggerPoint* brevis = set.find("fibularis_brevis_trp1");
  ASSERT_TRUE(longus && brevis);
  ASSERT_EQ(longus->essential.shapes.size(), brevis->essential.shapes.size());
  for (std::size_t i = 0; i < longus->essential.shapes.size(); ++i)
    EXPECT_TRUE(same_shape(longus->essential.shapes[i], brevis->essential.shapes[i])) << i;
  bool foot = false;
  for (const ReferralShape& s : brevis->essential.shapes)
    foot = foot || s.region.find("outer edge of the foot") != std::string::npos;
  EXPECT_TRUE(foot);
  EXPECT_TRUE(brevis->spillover.empty());
  ASSERT_EQ(longus->spillover.shapes.size(), 1u);
  EXPECT_NE(longus->spillover.shapes[0].region.find("middle third"), std::string::npos);
  // The notes say what the data does.
  std::string notes;
  for (const std::string& n : brevis->notes) notes += n + "\n";
  EXPECT_NE(notes.find("Only the longus has a spillover zone"), std::string::npos) << notes;
  EXPECT_EQ(notes.find("without the spread up the leg"), std::string::npos) << notes;
}

TEST(TriggerPointData, EverySourceIsDeclaredAndEveryDeclaredSourceIsCited) {
  const TriggerPointSet set = parse_trigger_points(bundled_text(), "trigger_points.json", test_landmarks());
  std::set<std::string> cited;
  for (const TriggerPoint& tp : set.trigger_points)
    for (const std::string& key : tp.sources) {
      EXPECT_NE(set.find_source(key), nullptr) << tp.id << " cites " << key;
      cited.insert(key);
    }
  for (const CitedSource& s : set.sources) EXPECT_TRUE(cited.count(s.key)) << s.key << " is declared but never cited";
}

TEST(TriggerPointData, SelfCareAlwaysComesWithASafetyNetNamingRealRedFlags) {
  const TriggerPointSet set = parse_trigger_points(bundled_text(), "trigger_points.json", test_landmarks());
  const RedFlagSet flags = load_red_flags(knowledge_path("red_flags.json"));
  for (const TriggerPoint& tp : set.trigger_points) {
    ASSERT_FALSE(tp.self_care.empty()) << tp.id;
    EXPECT_FALSE(tp.safety_net.red_flags.empty()) << tp.id;
    EXPECT_GE(tp.safety_net.text.size(), 60u) << tp.id;
    for (const std::string& id : tp.safety_net.red_flags) EXPECT_NE(flags.find(id), nullptr) << tp.id << ": " << id;
  }
  // Swelling is never put down to a trigger point without the clot first.
  for (const TriggerPoint& tp : set.trigger_points) {
    std::string text;
    for (const std::string& s : tp.symptoms) text += s + "\n";
    if (text.find("swelling") == std::string::npos) continue;
    EXPECT_NE(text.find("blood clot"), std::string::npos) << tp.id;
    const auto& ids = tp.safety_net.red_flags;
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids.front(), "deep_vein_thrombosis") << tp.id;
  }
  const TriggerPoint* soleus2 = set.find("soleus_trp2");
  ASSERT_NE(soleus2, nullptr);
  EXPECT_EQ(soleus2->safety_net.red_flags.front(), "deep_vein_thrombosis");
  EXPECT_NE(soleus2->safety_net.text.find("same day"), std::string::npos);
  // A file without a safety net is rejected, naming the field.
  const std::string good = bundled_text();
  nlohmann::json bad = nlohmann::json::parse(good);
  bad["trigger_points"][2].erase("safety_net");
  EXPECT_NE(load_error(bad.dump(2)).find("trigger_points[2]"), std::string::npos) << load_error(bad.dump(2));
  EXPECT_NE(load_error(bad.dump(2)).find("safety_net"), std::string::npos) << load_error(bad.dump(2));
}

std::string describe(const std::vector<SchemaViolation>& violations) {
  std::string s;
  for (const SchemaViolation& v : violations) s += v.path + ": " + v.message + "\n";
  return s;
}

TEST(TriggerPointData, BothFilesFollowTheSchema) {
  // JsonSchema rejects any keyword outside the project's subset, so this also
  // checks that the schema is written in that subset.
  const JsonSchema schema(nlohmann::json::parse(read_text_file(knowledge_path("trigger_points.schema.json"))),
                          "trigger_points.schema.json");
  const auto points = schema.validate(nlohmann::json::parse(bundled_text()));
  EXPECT_TRUE(points.empty()) << describe(points);
  // red_flags.json has its own schema (red_flags.schema.json), checked in
  // patient_safety_test.cpp.
  // The schema is strict enough to catch mistakes.
  nlohmann::json bad = nlohmann::json::parse(bundled_text());
  bad["trigger_points"][0]["colour"] = "red";
  bad["trigger_points"][1]["essential_zone"][0]["shape"] = "sphere";
  EXPECT_EQ(schema.validate(bad).size(), 2u) << describe(schema.validate(bad));
}

// --- malformed files ----------------------------------------------------------

TEST(TriggerPointErrors, BadRadiiNameFileLineAndField) {
  const std::string good = bundled_text();
  const std::string needle = "\"radii\": [0.045, 0.028, 0.025]";
  const std::string text = replace_first(good, needle, "\"radii\": [0.045, -0.028, 0.025]");
  const std::string expected = "trigger_points.json:" + std::to_string(line_of(good, needle)) +
                               ": trigger_points[0].essential_zone[0].radii: expected 3 positive numbers";
  EXPECT_EQ(load_error(text), expected);
  // Too few numbers: the schema says so first (vec3 needs three items).
  EXPECT_NE(load_error(replace_first(good, needle, "\"radii\": [0.045, 0.028]")).find("radii: needs at least 3 item(s), has 2"),
            std::string::npos);
}

TEST(TriggerPointErrors, UnknownLandmarkAnchorIsRejected) {
  const std::string good = bundled_text();
  const std::string needle = "\"anchor\": \"medial_malleolus\"";
  const std::string text = replace_first(good, needle, "\"anchor\": \"medial_maleolus\"");
  const std::string error = load_error(text);
  EXPECT_NE(error.find("trigger_points.json:" + std::to_string(line_of(good, needle)) + ": "), std::string::npos) << error;
  EXPECT_NE(error.find("trigger_points[0].spillover_zone[0].a.anchor: unknown landmark 'medial_maleolus'"), std::string::npos)
      << error;
  // With no landmarks at all nothing can be resolved.
  EXPECT_THROW(parse_trigger_points(good, "trigger_points.json", {}), InputError);
}

TEST(TriggerPointErrors, MissingFieldPointsAtItsObject) {
  const std::string good = bundled_text();
  const std::string label = "\"label\": \"Gastrocnemius TrP1 (medial head)\",";
  const std::string text = replace_first(good, label, "");
  // The first trigger point's object opens on the line after "trigger_points": [
  const int object_line = line_of(good, "\"trigger_points\": [") + 1;
  EXPECT_EQ(load_error(text),
            "trigger_points.json:" + std::to_string(object_line) + ": trigger_points[0].label: missing required field 'label'");
}

TEST(TriggerPointErrors, OtherMistakesAreCaught) {
  const std::string good = bundled_text();
  EXPECT_NE(load_error(replace_first(good, "\"shape\": \"ellipsoid\"", "\"shape\": \"sphere\""))
                .find("trigger_points[0].essential_zone[0].shape: \"sphere\" is not one of: \"ellipsoid\", \"capsule\""),
            std::string::npos);
  EXPECT_NE(load_error(replace_first(good, "\"radius\": 0.03", "\"radius\": 0")).find("radius: expected a positive number"),
            std::string::npos);
  EXPECT_NE(load_error(replace_first(good, "\"t\": 0.23", "\"t\": 1.5")).find("location.t: expected a number from 0 to 1"),
            std::string::npos);
  EXPECT_NE(load_error(replace_first(good, "\"sources\": [\"travell_simons_v2\", \"donnelly_2019\"",
                                     "\"sources\": [\"travel_simons\", \"donnelly_2019\""))
                .find("source 'travel_simons' is not in the file's sources list"),
            std::string::npos);
  EXPECT_NE(load_error(replace_first(good, "\"id\": \"gastrocnemius_trp2\"", "\"id\": \"gastrocnemius_trp1\""))
                .find("duplicate id 'gastrocnemius_trp1'"),
            std::string::npos);
  EXPECT_NE(load_error(replace_first(good, "\"location_text\":", "\"colour\": \"red\", \"location_text\":"))
                .find("trigger_points[0].colour: unknown field"),
            std::string::npos);
  // An ellipsoid given a capsule's fields.
  EXPECT_NE(
      load_error(replace_first(good, "\"radii\": [0.045, 0.028, 0.025]", "\"radii\": [0.045, 0.028, 0.025], \"radius\": 0.01"))
          .find("radius: not a field of an ellipsoid"),
      std::string::npos);
  // A point with both kinds of anchoring.
  EXPECT_NE(load_error(replace_first(good, "\"from\": \"popliteal_surface\",",
                                     "\"anchor\": \"fibular_head\", \"from\": \"popliteal_surface\","))
                .find("trigger_points[0].location: expected either \"anchor\" or \"from\", \"to\" and \"t\""),
            std::string::npos);
  EXPECT_EQ(load_error(good), "");
}

TEST(TriggerPointErrors, SyntaxErrorNamesItsLine) {
  std::string text = bundled_text();
  const std::string needle = "\"label\": \"Soleus TrP2 (high in the calf)\",";
  const int line = line_of(text, needle);
  text = replace_first(text, needle, "\"label\": \"Soleus TrP2 (high in the calf)\" oops,");
  const std::string error = load_error(text);
  EXPECT_EQ(error.rfind("trigger_points.json:" + std::to_string(line) + ": not valid JSON", 0), 0u) << error;
}

TEST(TriggerPointErrors, MissingFileIsAnInputError) {
  EXPECT_THROW(load_trigger_points(knowledge_path("no_such_file.json"), test_landmarks()), InputError);
}

// --- red flags ----------------------------------------------------------------

TEST(RedFlags, BundledFileListsTheConditionsThatMustNotBeMissed) {
  const RedFlagSet set = load_red_flags(knowledge_path("red_flags.json"));
  const std::pair<const char*, Urgency> expected[] = {
      {"deep_vein_thrombosis", Urgency::urgent},         {"pulmonary_embolism", Urgency::emergency},
      {"peripheral_arterial_disease", Urgency::soon},    {"critical_limb_ischaemia", Urgency::urgent},
      {"acute_limb_ischaemia", Urgency::emergency},      {"sciatica", Urgency::soon},
      {"cauda_equina_syndrome", Urgency::emergency},     {"peripheral_neuropathy", Urgency::soon},
      {"ruptured_bakers_cyst", Urgency::urgent},         {"achilles_tendon_rupture", Urgency::urgent},
      {"acute_compartment_syndrome", Urgency::emergency}};
  for (const auto& [id, urgency] : expected) {
    const RedFlag* f = set.find(id);
    ASSERT_NE(f, nullptr) << id;
    EXPECT_EQ(f->urgency, urgency) << id;
    EXPECT_FALSE(f->warning_signs.empty()) << id;
    for (const std::string& key : f->sources)
      EXPECT_TRUE(std::any_of(set.sources.begin(), set.sources.end(), [&](const CitedSource& s) { return s.key == key; })) << key;
  }
  // The pulmonary-embolism entry names the emergency signs in plain words.
  std::string pe;
  for (const std::string& s : set.find("pulmonary_embolism")->warning_signs) pe += s + "\n";
  for (const char* word : {"breath", "Chest pain", "Coughing up blood"}) EXPECT_NE(pe.find(word), std::string::npos) << word;
  const std::vector<const RedFlag*> ordered = set.by_urgency();
  ASSERT_EQ(ordered.size(), set.red_flags.size());
  EXPECT_EQ(ordered.front()->urgency, Urgency::emergency);
  EXPECT_EQ(ordered.back()->urgency, Urgency::soon);
  EXPECT_NE(set.advice_for(Urgency::emergency).find("emergency"), std::string::npos);
  EXPECT_NE(set.disclaimer.find("does not diagnose"), std::string::npos);
}

TEST(RedFlags, BadUrgencyAndDanglingLinksAreRejectedWithTheirLine) {
  const std::string good = read_text_file(knowledge_path("red_flags.json"));
  auto error_of = [](const std::string& text) -> std::string {
    try {
      parse_red_flags(text, "red_flags.json");
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(error_of(good), "");
  const std::string needle = "\"urgency\": \"urgent\"";
  EXPECT_EQ(error_of(replace_first(good, needle, "\"urgency\": \"whenever\"")),
            "red_flags.json:" + std::to_string(line_of(good, needle)) +
                ": red_flags[0].urgency: \"whenever\" is not one of: \"emergency\", \"urgent\", \"soon\"");
  EXPECT_NE(error_of(replace_first(good, "\"related\": [\"pulmonary_embolism\"", "\"related\": [\"lung_clot\""))
                .find("red_flags[0].related[0]: no red flag has the id 'lung_clot'"),
            std::string::npos);
  // A renamed field is two problems, both reported: the unknown one and the missing one.
  const std::string renamed = error_of(replace_first(good, "\"what_it_is\": \"A clot", "\"what_it_was\": \"A clot"));
  EXPECT_NE(renamed.find("(and 1 more problem; crus validate lists them all)"), std::string::npos) << renamed;
  try {
    parse_red_flags(replace_first(good, "\"what_it_is\": \"A clot", "\"what_it_was\": \"A clot"), "red_flags.json");
    ADD_FAILURE() << "a renamed field was accepted";
  } catch (const DataFileError& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    std::string both = e.problems()[0] + "\n" + e.problems()[1];
    EXPECT_NE(both.find("unknown field 'what_it_was'"), std::string::npos) << both;
    EXPECT_NE(both.find("missing required field 'what_it_is'"), std::string::npos) << both;
  }
}

TEST(TriggerPointErrors, EveryProblemOfABadFileIsReportedWithItsLine) {
  // Three independent faults: all three come back, each with its own line,
  // where the hand-written checks stopped at the first.
  const std::string good = bundled_text();
  std::string text = replace_first(good, "\"shape\": \"ellipsoid\"", "\"shape\": \"sphere\"");
  text = replace_first(text, "\"label\": \"Gastrocnemius TrP1 (medial head)\",", "\"colour\": \"red\",");
  text = replace_first(text, "\"edge_width\": ", "\"edge_width\": \"wide\", \"was_edge\": ");
  try {
    parse_trigger_points(text, "trigger_points.json", test_landmarks());
    ADD_FAILURE() << "a broken file was accepted";
  } catch (const DataFileError& e) {
    std::string all;
    for (const auto& p : e.problems()) all += p + "\n";
    EXPECT_GE(e.problems().size(), 4u) << all; // shape, colour, missing label, edge_width (and was_edge)
    for (const char* want : {"essential_zone[0].shape", "trigger_points[0].colour: unknown field",
                             "trigger_points[0].label: missing required field", "edge_width: expected number"})
      EXPECT_NE(all.find(want), std::string::npos) << want << "\n" << all;
    for (const auto& p : e.problems()) EXPECT_EQ(p.rfind("trigger_points.json:", 0), 0u) << p;
    EXPECT_NE(std::string(e.what()).find("more problems; crus validate lists them all"), std::string::npos) << e.what();
  }
}

} // namespace
} // namespace crus
