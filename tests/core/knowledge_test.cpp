#include "core/anatomy/knowledge.hpp"

#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>

namespace crus {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string knowledge_dir() { return test::source_dir() + "/assets/knowledge"; }

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void spit(const fs::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
}

std::string describe(const std::vector<KnowledgeProblem>& problems) {
  std::string out;
  for (const auto& p : problems) out += to_string(p) + "\n";
  return out;
}

const KnowledgeProblem* find_problem(const std::vector<KnowledgeProblem>& problems, const std::string& field,
                                     const std::string& fragment = "") {
  for (const auto& p : problems)
    if (p.field == field && p.message.find(fragment) != std::string::npos) return &p;
  return nullptr;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// The atlas of docs/ARCHITECTURE.md, built by hand so that these tests do not
// depend on the generated assets/atlas/atlas.json.
AtlasManifest architecture_atlas() {
  AtlasManifest atlas;
  auto add = [&](const std::string& id, StructureKind kind) {
    StructureInfo s;
    s.id = id;
    s.name = id;
    s.kind = kind;
    s.node = id;
    atlas.structures.push_back(s);
  };
  for (const char* b : {"femur", "patella", "tibia", "fibula", "talus", "calcaneus", "navicular", "cuboid", "medial_cuneiform",
                        "intermediate_cuneiform", "lateral_cuneiform"})
    add(b, StructureKind::bone);
  for (int i = 1; i <= 5; ++i) {
    add("metatarsal_" + std::to_string(i), StructureKind::bone);
    add("phalanges_" + std::to_string(i), StructureKind::bone);
  }
  const std::vector<std::string> muscles{"gastrocnemius_medial_head",
                                         "gastrocnemius_lateral_head",
                                         "soleus",
                                         "plantaris",
                                         "tibialis_anterior",
                                         "fibularis_longus",
                                         "fibularis_brevis",
                                         "fibularis_tertius",
                                         "tibialis_posterior",
                                         "flexor_digitorum_longus",
                                         "flexor_hallucis_longus",
                                         "extensor_digitorum_longus",
                                         "extensor_hallucis_longus",
                                         "popliteus"};
  // Attachments the generator splits per bone: "<muscle>_<role>_<bone>".
  const std::map<std::string, std::vector<std::string>> split{
      {"soleus_origin", {"tibia", "fibula"}},
      {"tibialis_posterior_origin", {"tibia", "fibula"}},
      {"extensor_digitorum_longus_origin", {"tibia", "fibula"}},
      {"tibialis_anterior_insertion", {"medial_cuneiform", "metatarsal_1"}},
      {"fibularis_longus_insertion", {"metatarsal_1", "medial_cuneiform"}},
      {"flexor_digitorum_longus_insertion", {"phalanges_2", "phalanges_3", "phalanges_4", "phalanges_5"}},
      {"extensor_digitorum_longus_insertion", {"phalanges_2", "phalanges_3", "phalanges_4", "phalanges_5"}}};
  for (const auto& m : muscles) {
    add(m, StructureKind::muscle);
    for (SiteRole role : {SiteRole::origin, SiteRole::insertion}) {
      AttachmentSite site;
      site.id = m + (role == SiteRole::origin ? "_origin" : "_insertion");
      site.muscle = m;
      site.role = role;
      site.bone = "tibia";
      if (auto it = split.find(site.id); it != split.end()) {
        for (const auto& bone : it->second) {
          AttachmentSite part = site;
          part.id = site.id + "_" + bone;
          part.bone = bone;
          atlas.sites.push_back(part);
        }
      } else {
        atlas.sites.push_back(site);
      }
    }
  }
  add("calcaneal_tendon", StructureKind::tendon);
  add("patellar_ligament", StructureKind::ligament);
  AttachmentSite tendon_site;
  tendon_site.id = "calcaneal_tendon_insertion";
  tendon_site.muscle = "calcaneal_tendon";
  tendon_site.role = SiteRole::insertion;
  tendon_site.bone = "calcaneus";
  atlas.sites.push_back(tendon_site);
  for (const char* n : {"sciatic_nerve", "tibial_nerve", "common_fibular_nerve", "deep_fibular_nerve",
                        "superficial_fibular_nerve", "sural_nerve"})
    add(n, StructureKind::nerve);
  add("skin", StructureKind::skin);

  const std::vector<std::pair<std::string, std::vector<std::string>>> landmarks{
      {"femur",
       {"medial_femoral_condyle", "lateral_femoral_condyle", "medial_epicondyle", "lateral_epicondyle", "adductor_tubercle",
        "popliteal_surface", "medial_supracondylar_line", "lateral_supracondylar_line", "intercondylar_fossa",
        "femoral_patellar_surface"}},
      {"patella", {"patellar_apex", "patellar_base"}},
      {"tibia",
       {"medial_tibial_condyle", "lateral_tibial_condyle", "tibial_tuberosity", "gerdys_tubercle", "soleal_line",
        "anterior_border_of_tibia", "medial_malleolus", "intercondylar_eminence", "medial_surface_of_tibia"}},
      {"fibula", {"fibular_head", "fibular_neck", "lateral_malleolus"}},
      {"talus", {"head_of_talus", "trochlea_of_talus"}},
      {"calcaneus",
       {"calcaneal_tuberosity", "medial_process_of_calcaneal_tuberosity", "lateral_process_of_calcaneal_tuberosity",
        "sustentaculum_tali", "fibular_trochlea"}},
      {"navicular", {"navicular_tuberosity"}},
      {"cuboid", {"groove_for_fibularis_longus"}},
      {"metatarsal_1", {"base_of_first_metatarsal", "head_of_first_metatarsal"}},
      {"metatarsal_5", {"fifth_metatarsal_tuberosity", "head_of_fifth_metatarsal"}},
      {"phalanges_1", {"distal_phalanx_of_hallux"}}};
  for (const auto& [bone, ids] : landmarks) {
    for (const auto& id : ids) {
      Landmark l;
      l.id = id;
      l.name = id;
      l.bone = bone;
      atlas.landmarks.push_back(l);
    }
  }
  return atlas;
}

// A scratch knowledge folder with the real schema and sources and the given
// extra files.
fs::path scratch_knowledge(const std::string& name, const std::vector<std::pair<std::string, std::string>>& files) {
  fs::path dir = test::scratch_dir(name);
  fs::copy_file(fs::path(knowledge_dir()) / "schema.json", dir / "schema.json");
  fs::copy_file(fs::path(knowledge_dir()) / "sources.json", dir / "sources.json");
  for (const auto& [file, text] : files) spit(dir / file, text);
  return dir;
}

json real_entry(const std::string& file, const std::string& id) {
  const json doc = json::parse(slurp(fs::path(knowledge_dir()) / file));
  for (const auto& e : doc["entries"])
    if (e["id"] == id) return e;
  ADD_FAILURE() << id << " not found in " << file;
  return json::object();
}

std::string entries_file(const std::vector<json>& entries) {
  json doc = {{"$schema", "schema.json"}, {"entries", entries}};
  return doc.dump(2);
}

class RealKnowledge : public ::testing::Test {
protected:
  static void SetUpTestSuite() { base_ = new KnowledgeBase(load_knowledge(knowledge_dir())); }
  static void TearDownTestSuite() {
    delete base_;
    base_ = nullptr;
  }
  static const KnowledgeEntry& entry(const std::string& id) {
    const KnowledgeEntry* e = base_->find(id);
    if (!e) throw std::runtime_error("no entry " + id);
    return *e;
  }
  static KnowledgeBase* base_;
};
KnowledgeBase* RealKnowledge::base_ = nullptr;

TEST_F(RealKnowledge, PatellarLigamentIsALigamentFromPatellaToTibia) {
  const KnowledgeEntry& e = entry("patellar_ligament");
  EXPECT_EQ(e.kind, "ligament");
  ASSERT_TRUE(e.course.has_value());
  EXPECT_NE(e.course->find("tibial tuberosity"), std::string::npos);
  EXPECT_NE(e.course->find("apex"), std::string::npos);
}

TEST_F(RealKnowledge, LoadsWithoutProblems) {
  EXPECT_TRUE(base_->problems.empty()) << describe(base_->problems);
  EXPECT_EQ(base_->entries.size(), 44u);
  EXPECT_GE(base_->sources.size(), 10u);
  EXPECT_TRUE(contains(base_->files, "muscles.json"));
  EXPECT_TRUE(contains(base_->files, "sources.json"));
  // Files owned by the trigger-point module are not knowledge files.
  for (const auto& f : base_->files) {
    EXPECT_NE(f.rfind("trigger_points", 0), 0u) << f;
    EXPECT_NE(f, "red_flags.json");
  }
}

TEST_F(RealKnowledge, InternalChecksPass) {
  const auto problems = check_knowledge(*base_);
  EXPECT_TRUE(problems.empty()) << describe(problems);
}

// Where an attachment spans bones, each phrase names the part on the bone it
// describes, and that bone is the one the phrase names (issue 11: the
// soleus's fibular origin was filed under the tibia).
TEST_F(RealKnowledge, EachAttachmentPhraseNamesThePartOnItsOwnBone) {
  const AtlasManifest atlas = architecture_atlas();
  int parts = 0;
  for (const auto& e : base_->entries)
    for (const auto* list : {&e.origin, &e.insertion})
      for (const auto& a : *list) {
        const AttachmentSite* site = atlas.find_site(a.site);
        if (!site || site->id == e.id + "_origin" || site->id == e.id + "_insertion" || site->muscle == "calcaneal_tendon")
          continue; // the whole attachment
        ++parts;
        std::string text = a.text;
        for (char& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
        std::string bone = entry(site->bone).name;
        for (char& c : bone) c = char(std::tolower(static_cast<unsigned char>(c)));
        EXPECT_NE(text.find(bone), std::string::npos) << e.id << ": \"" << a.text << "\" is filed under " << site->bone;
      }
  EXPECT_GE(parts, 6); // soleus, tibialis posterior and EDL origins, two parts each
  EXPECT_EQ(atlas.attachment("soleus_origin").size(), 2u);
}

TEST_F(RealKnowledge, CoversTheArchitectureAtlasExactly) {
  const auto problems = cross_check(*base_, architecture_atlas());
  EXPECT_TRUE(problems.empty()) << describe(problems);
}

TEST_F(RealKnowledge, CoversTheBundledAtlas) {
  const fs::path atlas_file = fs::path(test::source_dir()) / "assets/atlas/atlas.json";
  CRUS_REQUIRE_BUNDLED(atlas_file);
  const auto problems = cross_check(*base_, load_manifest(atlas_file.string()));
  EXPECT_TRUE(problems.empty()) << describe(problems);
}

TEST_F(RealKnowledge, SynonymsCarryTheOlderAndEverydayNames) {
  auto has_synonym = [](const KnowledgeEntry& e, const std::string& word) {
    return std::any_of(e.synonyms.begin(), e.synonyms.end(),
                       [&](const std::string& s) { return s.find(word) != std::string::npos; });
  };
  for (const char* id : {"fibularis_longus", "fibularis_brevis", "fibularis_tertius"})
    EXPECT_TRUE(has_synonym(entry(id), "peroneus")) << id;
  EXPECT_TRUE(contains(entry("fibularis_longus").synonyms, "peroneus longus"));
  EXPECT_TRUE(contains(entry("calcaneal_tendon").synonyms, "Achilles tendon"));
  EXPECT_TRUE(contains(entry("calcaneal_tendon").synonyms, "tendo calcaneus"));
  for (const char* id : {"gastrocnemius_medial_head", "gastrocnemius_lateral_head", "soleus"}) {
    EXPECT_TRUE(contains(entry(id).synonyms, "calf muscle")) << id;
    EXPECT_TRUE(contains(entry(id).synonyms, "triceps surae")) << id;
  }
  EXPECT_TRUE(contains(entry("tibia").synonyms, "shin bone"));
  EXPECT_TRUE(contains(entry("common_fibular_nerve").synonyms, "common peroneal nerve"));
  EXPECT_TRUE(contains(entry("superficial_fibular_nerve").synonyms, "superficial peroneal nerve"));
  EXPECT_TRUE(contains(entry("deep_fibular_nerve").synonyms, "deep peroneal nerve"));
}

TEST_F(RealKnowledge, InnervationFollowsTheStandardTexts) {
  auto nerve_of = [&](const std::string& id) { return entry(id).innervation.value().nerve; };
  for (const char* id : {"gastrocnemius_medial_head", "gastrocnemius_lateral_head", "soleus", "plantaris", "popliteus",
                         "tibialis_posterior", "flexor_digitorum_longus", "flexor_hallucis_longus"})
    EXPECT_EQ(nerve_of(id), "tibial_nerve") << id;
  for (const char* id : {"tibialis_anterior", "extensor_digitorum_longus", "extensor_hallucis_longus", "fibularis_tertius"})
    EXPECT_EQ(nerve_of(id), "deep_fibular_nerve") << id;
  for (const char* id : {"fibularis_longus", "fibularis_brevis"}) EXPECT_EQ(nerve_of(id), "superficial_fibular_nerve") << id;

  EXPECT_EQ(entry("plantaris").innervation->roots, (std::vector<std::string>{"S1", "S2"}));
  EXPECT_EQ(entry("popliteus").innervation->roots, (std::vector<std::string>{"L4", "L5", "S1"}));
  EXPECT_EQ(entry("gastrocnemius_medial_head").innervation->roots, (std::vector<std::string>{"S1", "S2"}));
  // Disagreements between sources are recorded where the brief names them.
  EXPECT_TRUE(entry("tibialis_anterior").innervation->disagreement.has_value());
  EXPECT_TRUE(entry("fibularis_longus").innervation->disagreement.has_value());
  EXPECT_TRUE(entry("fibularis_brevis").innervation->disagreement.has_value());
  EXPECT_EQ(entry("sural_nerve").branch_of.value(), "tibial_nerve");
  EXPECT_EQ(entry("deep_fibular_nerve").branch_of.value(), "common_fibular_nerve");
  EXPECT_FALSE(entry("sciatic_nerve").branch_of.has_value());
}

TEST_F(RealKnowledge, ActionsMatchWhichJointsEachMuscleCrosses) {
  auto acts_on = [&](const std::string& id, const std::string& joint) {
    const auto& a = entry(id).actions;
    return std::any_of(a.begin(), a.end(), [&](const MuscleAction& x) { return x.joint == joint; });
  };
  EXPECT_TRUE(acts_on("gastrocnemius_medial_head", "knee"));
  EXPECT_TRUE(acts_on("gastrocnemius_medial_head", "ankle (talocrural)"));
  EXPECT_TRUE(acts_on("soleus", "ankle (talocrural)"));
  EXPECT_FALSE(acts_on("soleus", "knee")) << "the soleus crosses only the ankle";
  EXPECT_FALSE(acts_on("popliteus", "ankle (talocrural)")) << "the popliteus acts on the knee alone";
  const auto& pop = entry("popliteus").actions;
  EXPECT_TRUE(std::any_of(pop.begin(), pop.end(), [](const MuscleAction& a) {
    return a.joint == "knee" && a.movement == "medial rotation" && a.role == "primary";
  }));
  EXPECT_TRUE(entry("plantaris").variation.has_value());
  EXPECT_TRUE(entry("fibularis_tertius").variation.has_value());
}

TEST_F(RealKnowledge, LayersPeelFromSkinToBone) {
  int deepest_soft = 0;
  for (const auto& e : base_->entries) {
    if (e.kind == "skin") {
      EXPECT_EQ(e.layer, 1);
    }
    if (e.kind == "bone") {
      EXPECT_EQ(e.layer, 5) << e.id;
    }
    if (e.kind != "bone" && e.kind != "skin") {
      EXPECT_GE(e.layer, 2) << e.id;
      deepest_soft = std::max(deepest_soft, e.layer);
    }
    if (e.kind == "muscle") {
      EXPECT_TRUE(e.compartment.has_value()) << e.id;
      EXPECT_TRUE(e.patient_summary.has_value()) << e.id;
      EXPECT_FALSE(e.clinical.empty()) << e.id;
    } else {
      EXPECT_FALSE(e.compartment.has_value()) << e.id;
    }
  }
  EXPECT_LT(deepest_soft, 5);
  EXPECT_LT(entry("gastrocnemius_medial_head").layer, entry("soleus").layer);
  EXPECT_LT(entry("soleus").layer, entry("tibialis_posterior").layer);
}

TEST_F(RealKnowledge, EntryToJsonUsesExactlyTheDataKeys) {
  for (const char* file : {"muscles.json", "bones.json", "nerves.json", "tendons.json", "skin.json"}) {
    const json doc = json::parse(slurp(fs::path(knowledge_dir()) / file));
    for (const auto& original : doc["entries"]) {
      const KnowledgeEntry& e = entry(original["id"].get<std::string>());
      EXPECT_EQ(entry_to_json(e), original) << e.id;
    }
  }
  const json j = entry_to_json(entry("soleus"));
  for (const char* key :
       {"origin", "insertion", "innervation", "actions", "arterial_supply", "clinical", "patient_summary", "sources"})
    EXPECT_TRUE(j.contains(key)) << key;
}

TEST_F(RealKnowledge, FormatsReadableText) {
  const std::string text = format_entry_text(entry("fibularis_longus"), base_);
  for (const char* part : {"Fibularis longus  (fibularis_longus)", "Latin: musculus fibularis longus", "peroneus longus",
                           "\nOrigin\n", "\nInsertion\n", "\nInnervation\n", "roots L5, S1",
                           "Sources differ:", "\nFunction by joint\n", "subtalar:", "eversion (primary)", "\nBlood supply\n",
                           "\nClinical notes\n", "\nFor patients\n", "\nSources\n", "[gray42] Standring S"})
    EXPECT_NE(text.find(part), std::string::npos) << "missing '" << part << "' in:\n" << text;
  for (std::istringstream lines(text); !lines.eof();) {
    std::string line;
    std::getline(lines, line);
    EXPECT_LE(line.size(), 110u) << line;
  }
  const std::string bone = format_entry_text(entry("talus"));
  EXPECT_NE(bone.find("Muscles attached here\n  none"), std::string::npos) << bone;
  EXPECT_NE(bone.find("trochlea_of_talus"), std::string::npos);
}

// The line map must agree with the text of every real file: one line per
// value, and the line of each entry's id really holds that id.
TEST(KnowledgeLoading, LineMapAgreesWithTheRealFiles) {
  for (const char* file :
       {"muscles.json", "bones.json", "nerves.json", "tendons.json", "skin.json", "sources.json", "schema.json"}) {
    const std::string text = slurp(fs::path(knowledge_dir()) / file);
    const json doc = json::parse(text);
    const JsonLineMap map = JsonLineMap::build(text);
    std::size_t values = 0;
    std::function<void(const json&)> count = [&](const json& v) {
      ++values;
      if (v.is_structured())
        for (const auto& child : v) count(child);
    };
    count(doc);
    EXPECT_EQ(map.size(), values) << file;

    std::vector<std::string> lines{""};
    for (std::istringstream in(text); !in.eof();) {
      std::string line;
      std::getline(in, line);
      lines.push_back(line);
    }
    if (!doc.contains("entries")) continue;
    for (std::size_t i = 0; i < doc["entries"].size(); ++i) {
      const int line = map.line_of(json_path_member(json_path_index("entries", i), "id"));
      ASSERT_GT(line, 0);
      ASSERT_LT(static_cast<std::size_t>(line), lines.size());
      EXPECT_NE(lines[line].find("\"" + doc["entries"][i]["id"].get<std::string>() + "\""), std::string::npos)
          << file << ":" << line << ": " << lines[line];
    }
  }
}

TEST(KnowledgeLoading, MalformedFileNamesFileAndLine) {
  const fs::path dir = scratch_knowledge(
      "kb_malformed", {{"broken.json", "{\n  \"entries\": [\n    {\"id\": \"soleus\"}\n    {\"id\": \"x\"}\n  ]\n}\n"}});
  const KnowledgeBase base = load_knowledge(dir.string());
  ASSERT_EQ(base.problems.size(), 1u) << describe(base.problems);
  EXPECT_EQ(base.problems[0].file, "broken.json");
  EXPECT_EQ(base.problems[0].line, 4);
  EXPECT_NE(base.problems[0].message.find("malformed JSON"), std::string::npos);
}

TEST(KnowledgeLoading, SchemaViolationsAreReportedAndOnlyBadEntriesSkipped) {
  json good = real_entry("muscles.json", "soleus");
  json missing = real_entry("muscles.json", "plantaris");
  missing.erase("innervation");
  json wrong_type = real_entry("muscles.json", "popliteus");
  wrong_type["layer"] = "deep";
  json bad_enum = real_entry("muscles.json", "fibularis_longus");
  bad_enum["innervation"]["roots"][1] = "S9";
  const std::string text = entries_file({good, missing, wrong_type, bad_enum});
  const JsonLineMap lines = JsonLineMap::build(text);

  KnowledgeBase base;
  const JsonSchema schema(json::parse(slurp(fs::path(knowledge_dir()) / "schema.json")), "schema.json");
  add_knowledge_text(base, schema, text, "test.json");

  // Only the valid entry is loaded; the viewer can still show it.
  ASSERT_EQ(base.entries.size(), 1u) << describe(base.problems);
  EXPECT_EQ(base.entries[0].id, "soleus");

  // A missing field required for muscles (by #/$defs/muscle): reported at the entry.
  const KnowledgeProblem* p = find_problem(base.problems, "entries[1].innervation", "missing required field");
  ASSERT_NE(p, nullptr) << describe(base.problems);
  EXPECT_EQ(p->file, "test.json");
  EXPECT_EQ(p->line, lines.line_of("entries[1]"));
  EXPECT_GT(p->line, 1);

  p = find_problem(base.problems, "entries[2].layer", "expected integer");
  ASSERT_NE(p, nullptr) << describe(base.problems);
  EXPECT_EQ(p->line, lines.line_of("entries[2].layer"));
  EXPECT_NE(p->line, lines.line_of("entries[2]"));

  p = find_problem(base.problems, "entries[3].innervation.roots[1]", "\"S9\"");
  ASSERT_NE(p, nullptr) << describe(base.problems);
  EXPECT_EQ(p->line, lines.line_of("entries[3].innervation.roots[1]"));
  EXPECT_EQ(base.problems.size(), 3u) << describe(base.problems);
}

TEST(KnowledgeLoading, MissingFolderIsAProblemNotAnException) {
  const KnowledgeBase base = load_knowledge((test::scratch_dir("kb_none") / "absent").string());
  ASSERT_EQ(base.problems.size(), 1u);
  EXPECT_TRUE(base.entries.empty());
}

TEST(KnowledgeChecks, CatchesUnknownSiteNerveAndMissingSource) {
  json m = real_entry("muscles.json", "tibialis_anterior");
  m["origin"][0]["site"] = "tibialis_anterior_tendon_origin";
  m["insertion"][0]["site"] = "soleus_insertion";
  m["innervation"]["nerve"] = "peroneal_nerve";
  m["synergists"].push_back("extensor_hallux_longus");
  m["sources"].erase("arterial_supply");
  m["sources"]["fibre_types"] = {"johnson1973", "made_up_source"};
  KnowledgeBase base;
  const JsonSchema schema(json::parse(slurp(fs::path(knowledge_dir()) / "schema.json")), "schema.json");
  add_knowledge_text(base, schema, slurp(fs::path(knowledge_dir()) / "sources.json"), "sources.json");
  add_knowledge_text(base, schema, entries_file({m}), "muscles.json");
  ASSERT_TRUE(base.problems.empty()) << describe(base.problems);

  const auto problems = cross_check(base, architecture_atlas());
  const KnowledgeProblem* p = find_problem(problems, "entries[0].origin[0].site", "not in the atlas");
  ASSERT_NE(p, nullptr) << describe(problems);
  EXPECT_EQ(p->file, "muscles.json");
  EXPECT_GT(p->line, 0);
  EXPECT_NE(find_problem(problems, "entries[0].insertion[0].site", "insertion of 'soleus'"), nullptr) << describe(problems);
  EXPECT_NE(find_problem(problems, "entries[0].innervation.nerve", "not an atlas structure"), nullptr) << describe(problems);
  EXPECT_NE(find_problem(problems, "entries[0].synergists[4]", "not an atlas structure"), nullptr) << describe(problems);
  EXPECT_NE(find_problem(problems, "entries[0].arterial_supply", "has no source"), nullptr) << describe(problems);
  EXPECT_NE(find_problem(problems, "entries[0].sources.fibre_types[1]", "not defined in sources.json"), nullptr)
      << describe(problems);
  // The atlas site the entry no longer describes, and every structure without an entry.
  EXPECT_NE(find_problem(problems, "entries[0].insertion", "tibialis_anterior_insertion"), nullptr) << describe(problems);
  EXPECT_NE(find_problem(problems, "soleus", "has no knowledge entry"), nullptr) << describe(problems);
}

TEST(KnowledgeChecks, CatchesEntriesWithoutStructuresAndKindMismatch) {
  json extra = real_entry("bones.json", "talus");
  extra["id"] = "os_trigonum";
  json wrong = real_entry("bones.json", "patella");
  wrong["id"] = "sural_nerve";
  KnowledgeBase base;
  const JsonSchema schema(json::parse(slurp(fs::path(knowledge_dir()) / "schema.json")), "schema.json");
  add_knowledge_text(base, schema, slurp(fs::path(knowledge_dir()) / "sources.json"), "sources.json");
  add_knowledge_text(base, schema, entries_file({extra, wrong}), "bones.json");
  const auto problems = cross_check(base, architecture_atlas());
  EXPECT_NE(find_problem(problems, "entries[0].id", "has no atlas structure"), nullptr) << describe(problems);
  EXPECT_NE(find_problem(problems, "entries[1].kind", "atlas structure is a nerve"), nullptr) << describe(problems);
  EXPECT_NE(find_problem(problems, "entries[1].landmarks[0].id", "lies on 'patella'"), nullptr) << describe(problems);
}

TEST(KnowledgeChecks, NerveAndMuscleMustAgree) {
  json nerve = real_entry("nerves.json", "superficial_fibular_nerve");
  json muscle = real_entry("muscles.json", "fibularis_brevis");
  muscle["innervation"]["nerve"] = "deep_fibular_nerve";
  json deep = real_entry("nerves.json", "deep_fibular_nerve");
  KnowledgeBase base;
  const JsonSchema schema(json::parse(slurp(fs::path(knowledge_dir()) / "schema.json")), "schema.json");
  add_knowledge_text(base, schema, slurp(fs::path(knowledge_dir()) / "sources.json"), "sources.json");
  add_knowledge_text(base, schema, entries_file({nerve, muscle, deep}), "test.json");
  const auto problems = check_knowledge(base);
  EXPECT_NE(find_problem(problems, "entries[1].innervation.nerve", "does not list 'fibularis_brevis'"), nullptr)
      << describe(problems);
  EXPECT_NE(find_problem(problems, "entries[0].supplies[1]", "names 'deep_fibular_nerve'"), nullptr) << describe(problems);
}

} // namespace
} // namespace crus
