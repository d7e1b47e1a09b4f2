// The atlas manifest loader: round trip, and bad input (truncated, garbage,
// mutated JSON) always ends in an InputError naming the file and the field;
// a bad manifest reports every problem at once, with its line.
#include "core/io/atlas_manifest.hpp"
#include "core/error.hpp"
#include "core/io/file_io.hpp"
#include "core/io/json_schema.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

namespace crus {
namespace {

// 1-based line of the `nth` occurrence of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle, int nth = 1) {
  std::size_t at = std::string::npos;
  for (int i = 0; i < nth; ++i) at = text.find(needle, at == std::string::npos ? 0 : at + 1);
  if (at == std::string::npos) return -1;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// Whether one of the problems contains `fragment`.
bool has_problem(const DataFileError& e, const std::string& fragment) {
  for (const auto& p : e.problems())
    if (p.find(fragment) != std::string::npos) return true;
  ADD_FAILURE() << "no problem contains: " << fragment << "\nproblems:\n" << e.what();
  return false;
}

AtlasManifest sample() {
  AtlasManifest m;
  m.mesh_file = "lower_leg_right.glb";
  m.structures = {{"tibia", "Tibia", StructureKind::bone, "tibia", {0.8f, 0.7f, 0.6f, 1.0f}},
                  {"soleus", "Soleus", StructureKind::muscle, "soleus", {0.5f, 0.1f, 0.1f, 1.0f}},
                  {"skin", "Skin", StructureKind::skin, "skin", {0.9f, 0.6f, 0.5f, 0.35f}},
                  {"tibial_nerve", "Tibial nerve", StructureKind::nerve, "tibial_nerve", {0.9f, 0.8f, 0.3f, 1.0f}}};
  m.landmarks = {{"soleal_line", "Soleal line", "tibia", {-0.07f, 0.35f, 0.08f}}};
  m.sites = {{"soleus_origin",
              "soleus",
              SiteRole::origin,
              "tibia",
              "Soleal line",
              {-0.07f, 0.36f, 0.08f},
              {{{-0.07f, 0.37f, 0.09f}, {-0.06f, 0.34f, 0.07f}, 0.005f}}}};
  m.joints = {{"knee", {-0.064f, 0.4536f, 0.0745f}}};
  m.branches = {{"tibial_nerve", "soleus", {{-0.086f, 0.41f, 0.078f}, {-0.096f, 0.385f, 0.09f}, {-0.098f, 0.355f, 0.092f}}}};
  return m;
}

TEST(Manifest, RoundTripsThroughJson) {
  const AtlasManifest m = sample();
  const std::string text = manifest_to_json(m);
  const AtlasManifest back = parse_manifest(text, "atlas.json");
  EXPECT_EQ(manifest_to_json(back), text);
  ASSERT_NE(back.find_structure("skin"), nullptr);
  EXPECT_FLOAT_EQ(back.find_structure("skin")->colour.w, 0.35f);
  EXPECT_EQ(back.sites_of("soleus").size(), 1u);
  EXPECT_EQ(back.find_by_node("tibia")->id, "tibia");
  EXPECT_EQ(back.find_site("soleus_origin")->role, SiteRole::origin);
}

TEST(Manifest, MotorBranchesRoundTripAndOlderFilesHaveNone) {
  const AtlasManifest back = parse_manifest(manifest_to_json(sample()), "atlas.json");
  ASSERT_EQ(back.branches_to("soleus").size(), 1u);
  EXPECT_EQ(back.branches_to("soleus")[0]->nerve, "tibial_nerve");
  EXPECT_EQ(back.branches_to("soleus")[0]->path.size(), 3u);
  EXPECT_TRUE(back.branches_to("tibia").empty());
  // An atlas written before branches existed still loads.
  auto doc = nlohmann::json::parse(manifest_to_json(sample()));
  doc.erase("branches");
  EXPECT_TRUE(parse_manifest(doc.dump(), "atlas.json").branches.empty());
  // A branch naming an unknown muscle, or with one point, is refused by name.
  auto bad = nlohmann::json::parse(manifest_to_json(sample()));
  bad["branches"][0]["muscle"] = "nonesuch";
  EXPECT_THROW(parse_manifest(bad.dump(), "atlas.json"), InputError);
  bad = nlohmann::json::parse(manifest_to_json(sample()));
  bad["branches"][0]["path"] = nlohmann::json::array({nlohmann::json::array({0, 0, 0})});
  try {
    parse_manifest(bad.dump(), "atlas.json");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("branches[0].path: needs at least 2 item(s), has 1"), std::string::npos) << e.what();
  }
}

TEST(Manifest, AnAttachmentSplitPerBoneIsFoundByItsName) {
  AtlasManifest m = sample();
  AttachmentSite fibular = m.sites[0];
  m.sites[0].id = "soleus_origin_tibia";
  fibular.id = "soleus_origin_fibula";
  fibular.bone = "fibula";
  m.sites.push_back(fibular);
  AttachmentSite other = fibular;
  other.id = "soleus_originality"; // not a part: no "_" after the name
  m.sites.push_back(other);
  const auto parts = m.attachment("soleus_origin");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0]->bone, "tibia");
  EXPECT_EQ(parts[1]->bone, "fibula");
  EXPECT_EQ(m.attachment("soleus_origin_fibula").size(), 1u);
  EXPECT_TRUE(m.attachment("soleus_insertion").empty());
}

TEST(Manifest, SaveAndLoadAFile) {
  const auto dir = test::scratch_dir("manifest_save");
  const std::string path = (dir / "atlas.json").string();
  save_manifest(sample(), path);
  EXPECT_EQ(manifest_to_json(load_manifest(path)), manifest_to_json(sample()));
}

TEST(Manifest, ErrorsNameTheFileAndTheField) {
  std::string text = manifest_to_json(sample());
  auto at = text.find("\"colour\"");
  ASSERT_NE(at, std::string::npos);
  // Replace the first colour array by a string.
  const auto end = text.find(']', at);
  text.replace(at, end - at + 1, "\"colour\": \"red\"");
  try {
    parse_manifest(text, "atlas.json");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    const int line = line_of(text, "\"colour\": \"red\"");
    EXPECT_EQ(e.where(), "atlas.json:" + std::to_string(line));
    EXPECT_NE(std::string(e.what()).find("structures[0].colour: expected array, found string"), std::string::npos) << e.what();
  }
  EXPECT_THROW(load_manifest("/nonexistent/atlas.json"), InputError);
  try {
    parse_manifest("{\"mesh\": \"a.glb\", \"side\": \"up\"}", "x.json");
    FAIL();
  } catch (const DataFileError& e) {
    EXPECT_TRUE(has_problem(e, "x.json:1: side: \"up\" is not one of: \"right\", \"left\"")) << e.what();
    EXPECT_TRUE(has_problem(e, "x.json:1: structures: missing required field 'structures'")) << e.what();
  }
}

// A manifest with several faults in different places reports every one of
// them at once (the JSON Schema path the knowledge base uses,
// assets/formats/atlas_manifest.schema.json), each with file, line and field.
TEST(Manifest, ABadManifestReportsEveryStructuralProblem) {
  auto doc = nlohmann::ordered_json::parse(manifest_to_json(sample()));
  doc["structures"][1]["colour"][0] = 1.5;                                     // out of [0, 1]
  doc["structures"][2]["kind"] = "organ";                                      // not a kind
  doc["structures"][3]["colur"] = "yellow";                                    // an unknown field (a typo)
  doc["landmarks"][0]["position"] = nlohmann::ordered_json::array({0.1, 0.2}); // two numbers
  doc["sites"][0]["role"] = "both";
  doc["sites"][0]["patches"][0].erase("radius");
  doc["joints"][0]["position"][2] = 1e9; // a mistyped exponent
  const std::string text = doc.dump(2);
  try {
    parse_manifest(text, "bad/atlas.json");
    FAIL() << "a manifest with seven faults was accepted";
  } catch (const DataFileError& e) {
    const std::string f = "bad/atlas.json:";
    EXPECT_EQ(e.problems().size(), 7u) << e.what();
    EXPECT_TRUE(
        has_problem(e, f + std::to_string(line_of(text, "1.5")) + ": structures[1].colour[0]: 1.5 is above the maximum 1"));
    EXPECT_TRUE(has_problem(e, f + std::to_string(line_of(text, "\"organ\"")) + ": structures[2].kind: \"organ\" is not one of"));
    EXPECT_TRUE(has_problem(e, f + std::to_string(line_of(text, "\"colur\"")) + ": structures[3].colur: unknown field 'colur'"));
    EXPECT_TRUE(has_problem(e, ": landmarks[0].position: needs at least 3 item(s), has 2"));
    EXPECT_TRUE(has_problem(e, f + std::to_string(line_of(text, "\"both\"")) + ": sites[0].role: \"both\" is not one of"));
    EXPECT_TRUE(has_problem(e, ": sites[0].patches[0].radius: missing required field 'radius'"));
    EXPECT_TRUE(has_problem(e, ": joints[0].position[2]: 1000000000.0 is above the maximum 1000000"));
    EXPECT_EQ(e.where().rfind(f, 0), 0u) << e.where();
    EXPECT_NE(std::string(e.what()).find("and 6 more problems"), std::string::npos) << e.what();
  }
}

// What the schema cannot say (references between the lists, unique ids, a
// safe mesh path) is also reported all together, with lines.
TEST(Manifest, ABadManifestReportsEveryBrokenReference) {
  auto doc = nlohmann::ordered_json::parse(manifest_to_json(sample()));
  doc["mesh"] = "../elsewhere.glb";
  doc["structures"][1]["id"] = "tibia";        // a second tibia
  doc["landmarks"][0]["bone"] = "femur";       // not in this manifest
  doc["sites"][0]["muscle"] = "gastrocnemius"; // nor this
  doc["branches"][0]["nerve"] = "sural_nerve"; // nor this (and soleus, its muscle, is gone)
  const std::string text = doc.dump(2);
  try {
    parse_manifest(text, "atlas.json");
    FAIL() << "a manifest with broken references was accepted";
  } catch (const DataFileError& e) {
    EXPECT_EQ(e.problems().size(), 6u) << e.what();
    EXPECT_TRUE(has_problem(e, "atlas.json:2: mesh: must be a file name relative to the manifest"));
    EXPECT_TRUE(has_problem(e, "atlas.json:" + std::to_string(line_of(text, "\"tibia\"", 3)) +
                                   ": structures[1].id: duplicate id \"tibia\""));
    EXPECT_TRUE(has_problem(e, "atlas.json:" + std::to_string(line_of(text, "\"femur\"")) +
                                   ": landmarks[0].bone: unknown structure \"femur\""));
    EXPECT_TRUE(has_problem(e, "atlas.json:" + std::to_string(line_of(text, "\"gastrocnemius\"")) +
                                   ": sites[0].muscle: unknown structure"));
    EXPECT_TRUE(has_problem(e, "atlas.json:" + std::to_string(line_of(text, "\"sural_nerve\"")) +
                                   ": branches[0].nerve: unknown structure"));
    // The second tibia took soleus's place, so the branch to soleus now
    // names a muscle the manifest lacks: reported too, at its own line.
    EXPECT_TRUE(has_problem(e, "atlas.json:" + std::to_string(line_of(text, "\"soleus\"", 2)) +
                                   ": branches[0].muscle: unknown structure \"soleus\""));
  }
}

TEST(Manifest, TheBundledManifestPassesItsSchema) {
  const AtlasManifest m = load_manifest(test::source_dir() + "/assets/atlas/atlas.json");
  EXPECT_GT(m.structures.size(), 30u);
}

TEST(Manifest, TruncatedInputNeverCrashes) {
  const std::string text = manifest_to_json(sample());
  for (std::size_t n = 0; n + 1 < text.size(); n += 3) { // the last byte is a newline
    try {
      parse_manifest(text.substr(0, n), "atlas.json");
      ADD_FAILURE() << "a truncated manifest of " << n << " bytes was accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().rfind("atlas.json", 0), 0u) << e.where(); // the file, with its line for JSON faults
    }
  }
}

TEST(Manifest, MutatedInputThrowsOnlyInputErrors) {
  const std::string text = manifest_to_json(sample());
  std::mt19937 rng(1234);
  const std::string alphabet = "{}[]\",:0123456789.-eE truefalsnul\\x";
  int accepted = 0, rejected = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string s = text;
    const int edits = 1 + int(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t pos = rng() % s.size();
      switch (rng() % 3) {
        case 0: s[pos] = alphabet[rng() % alphabet.size()]; break;
        case 1: s.erase(pos, 1 + rng() % 8); break;
        default: s.insert(pos, 1, alphabet[rng() % alphabet.size()]); break;
      }
      if (s.empty()) s = "x";
    }
    try {
      const AtlasManifest m = parse_manifest(s, "atlas.json");
      ++accepted;
      for (const auto& st : m.structures) EXPECT_FALSE(st.id.empty());
    } catch (const InputError& e) {
      ++rejected;
      EXPECT_EQ(e.where().rfind("atlas.json", 0), 0u) << e.where(); // the file, with its line for JSON faults
    }
  }
  EXPECT_GT(rejected, 1000);
  std::printf("mutations: %d accepted, %d rejected\n", accepted, rejected);
}

TEST(Manifest, GarbageIsRejected) {
  for (const char* junk :
       {"", "null", "[]", "42", "{\"mesh\": 3}", "\xff\xfe\x00", "{\"mesh\":\"a.glb\",\"side\":\"right\",\"structures\":{}}",
        "{\"mesh\":\"../x.glb\",\"side\":\"right\"}"}) {
    EXPECT_THROW(parse_manifest(junk, "atlas.json"), InputError) << junk;
  }
}

TEST(Manifest, CapsuleDistance) {
  const Capsule c{{0, 0, 0}, {1, 0, 0}, 0.5f};
  EXPECT_FLOAT_EQ(distance_to_capsule(c, {0.5f, 1.0f, 0.0f}), 0.5f);
  EXPECT_FLOAT_EQ(distance_to_capsule(c, {0.5f, 0.0f, 0.0f}), -0.5f);
  EXPECT_FLOAT_EQ(distance_to_capsule(c, {2.0f, 0.0f, 0.0f}), 0.5f);
  EXPECT_EQ(parse_structure_kind("nerve"), StructureKind::nerve);
  EXPECT_FALSE(parse_structure_kind("organ").has_value());
}

} // namespace
} // namespace crus
