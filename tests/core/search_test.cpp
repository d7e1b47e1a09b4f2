#include "core/anatomy/search.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

namespace crus {
namespace {

// Mirrors the knowledge base: English name, Latin name, synonyms.
std::vector<SearchEntry> atlas_entries() {
  return {
      {"gastrocnemius_medial_head",
       "Gastrocnemius, medial head",
       {"Musculus gastrocnemius, caput mediale", "calf muscle", "triceps surae"}},
      {"gastrocnemius_lateral_head",
       "Gastrocnemius, lateral head",
       {"Musculus gastrocnemius, caput laterale", "calf muscle", "triceps surae"}},
      {"soleus", "Soleus", {"Musculus soleus", "calf muscle", "triceps surae"}},
      {"plantaris", "Plantaris", {"Musculus plantaris"}},
      {"tibialis_anterior", "Tibialis anterior", {"Musculus tibialis anterior", "tibialis anticus"}},
      {"tibialis_posterior", "Tibialis posterior", {"Musculus tibialis posterior", "tibialis posticus"}},
      {"fibularis_longus", "Fibularis longus", {"Musculus fibularis longus", "peroneus longus"}},
      {"fibularis_brevis", "Fibularis brevis", {"Musculus fibularis brevis", "peroneus brevis"}},
      {"fibularis_tertius", "Fibularis tertius", {"Musculus fibularis tertius", "peroneus tertius"}},
      {"flexor_digitorum_longus", "Flexor digitorum longus", {"Musculus flexor digitorum longus"}},
      {"flexor_hallucis_longus", "Flexor hallucis longus", {"Musculus flexor hallucis longus"}},
      {"extensor_digitorum_longus", "Extensor digitorum longus", {"Musculus extensor digitorum longus"}},
      {"extensor_hallucis_longus", "Extensor hallucis longus", {"Musculus extensor hallucis longus"}},
      {"popliteus", "Popliteus", {"Musculus popliteus"}},
      {"calcaneal_tendon", "Calcaneal tendon", {"Tendo calcaneus", "Achilles tendon", "tendo Achillis"}},
      {"common_fibular_nerve", "Common fibular nerve", {"Nervus fibularis communis", "common peroneal nerve"}},
      {"tibial_nerve", "Tibial nerve", {"Nervus tibialis"}},
      {"sural_nerve", "Sural nerve", {"Nervus suralis"}},
      {"tibia", "Tibia", {"shin bone", "shinbone"}},
      {"fibula", "Fibula", {"calf bone"}},
      {"calcaneus", "Calcaneus", {"heel bone", "Os calcis"}},
      {"talus", "Talus", {"ankle bone", "astragalus"}},
      {"medial_cuneiform", "Medial cuneiform", {"Os cuneiforme mediale", "first cuneiform"}},
  };
}

std::vector<std::string> ids_of(const std::vector<SearchResult>& results) {
  std::vector<std::string> ids;
  for (const SearchResult& r : results) ids.push_back(r.id);
  return ids;
}

class AtlasSearch : public ::testing::Test {
protected:
  SearchIndex index_{atlas_entries()};
};

TEST(FoldForSearch, DropsCaseAccentsAndPunctuation) {
  EXPECT_EQ(fold_for_search("Gastrocnemius, Medial  head"), "gastrocnemius medial head");
  EXPECT_EQ(fold_for_search("fibularis_longus"), "fibularis longus");
  EXPECT_EQ(fold_for_search("  Gérdy’s tubercle "), "gerdys tubercle");
  EXPECT_EQ(fold_for_search("Æ ÖSTERREICH straße Łódź"), "ae osterreich strasse lodz");
  EXPECT_EQ(fold_for_search("Sole\xCC\x81us"), "soleus"); // e + combining acute
  EXPECT_EQ(fold_for_search("--"), "");
}

TEST_F(AtlasSearch, PeroneusFindsTheFibularisMuscles) {
  const auto results = index_.search("peroneus", 10);
  ASSERT_GE(results.size(), 3u);
  std::set<std::string> top_ids;
  for (std::size_t i = 0; i < 3; ++i) top_ids.insert(results[i].id);
  EXPECT_EQ(top_ids, (std::set<std::string>{"fibularis_longus", "fibularis_brevis", "fibularis_tertius"}));
  for (std::size_t i = 0; i < 3; ++i) EXPECT_TRUE(results[i].matched.starts_with("peroneus")) << results[i].matched;
  // The name shown is the atlas name, not the synonym.
  EXPECT_TRUE(results[0].name.starts_with("Fibularis"));
}

TEST_F(AtlasSearch, AchillesFindsTheCalcanealTendon) {
  const auto results = index_.search("Achilles", 5);
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0].id, "calcaneal_tendon");
  EXPECT_EQ(results[0].name, "Calcaneal tendon");
  EXPECT_EQ(results[0].matched, "Achilles tendon");
  EXPECT_EQ(results.size(), 1u);
}

TEST_F(AtlasSearch, ToleratesTypos) {
  const auto gastrocnemius = index_.search("gastrocnemus", 5);
  ASSERT_GE(gastrocnemius.size(), 2u);
  EXPECT_EQ((std::set<std::string>{gastrocnemius[0].id, gastrocnemius[1].id}),
            (std::set<std::string>{"gastrocnemius_medial_head", "gastrocnemius_lateral_head"}));
  EXPECT_EQ(index_.search("solius", 5).at(0).id, "soleus");
  EXPECT_EQ(index_.search("soleous", 5).at(0).id, "soleus");
  EXPECT_EQ(index_.search("peronius longus", 5).at(0).id, "fibularis_longus");
  EXPECT_EQ(index_.search("tibilais anterior", 5).at(0).id, "tibialis_anterior"); // transposition
  EXPECT_EQ(index_.search("poplitius", 5).at(0).id, "popliteus");
  // As you type: a typo in the word being typed.
  EXPECT_EQ(index_.search("gastrocen", 5).size(), 2u);
}

TEST_F(AtlasSearch, IsCaseAndAccentInsensitive) {
  EXPECT_EQ(index_.search("SOLÉUS", 3).at(0).id, "soleus");
  EXPECT_EQ(index_.search("  Tibialis   ANTERIOR ", 3).at(0).id, "tibialis_anterior");
  EXPECT_EQ(index_.search("fibularis_longus", 3).at(0).id, "fibularis_longus");
}

TEST_F(AtlasSearch, WordsInAnyOrderAndInitials) {
  EXPECT_EQ(index_.search("medial gastroc", 3).at(0).id, "gastrocnemius_medial_head");
  EXPECT_EQ(index_.search("longus peron", 3).at(0).id, "fibularis_longus");
  EXPECT_EQ(index_.search("fdl", 3).at(0).id, "flexor_digitorum_longus");
  EXPECT_EQ(index_.search("tibant", 3).at(0).id, "tibialis_anterior");
  EXPECT_EQ(index_.search("heel", 3).at(0).id, "calcaneus");
}

TEST_F(AtlasSearch, TiesGoByNameThenId) {
  // The three share the "calf muscle" synonym, so their scores tie.
  const auto calf = index_.search("calf muscle", 10);
  ASSERT_EQ(calf.size(), 3u);
  EXPECT_EQ(ids_of(calf), (std::vector<std::string>{"gastrocnemius_lateral_head", "gastrocnemius_medial_head", "soleus"}));
  EXPECT_EQ(calf[0].score, calf[2].score);

  SearchIndex twins({{"b_id", "Same name", {}}, {"a_id", "Same name", {}}, {"c_id", "Nice name", {}}});
  EXPECT_EQ(ids_of(twins.search("name", 5)), (std::vector<std::string>{"c_id", "a_id", "b_id"}));
}

TEST(Search, RanksExactThenWordPrefixThenSubstringThenFuzzy) {
  const SearchIndex index({
      {"fuzzy", "Lengus", {}},
      {"initials", "Lateral oblique nerve glued under skin", {}},
      {"substring", "Oblongus", {}},
      {"word_prefix", "Fibularis longus", {}},
      {"text_prefix", "Longus colli", {}},
      {"exact", "Longus", {}},
      {"unrelated", "Soleus", {}},
  });
  const auto results = index.search("longus", 10);
  EXPECT_EQ(ids_of(results), (std::vector<std::string>{"exact", "text_prefix", "word_prefix", "substring", "fuzzy", "initials"}));
  for (std::size_t i = 1; i < results.size(); ++i) EXPECT_GT(results[i - 1].score, results[i].score);
  EXPECT_DOUBLE_EQ(results.front().score, 1.0);
  EXPECT_GT(results.back().score, 0.0);
}

TEST(Search, TheNameOutranksAnAliasOfTheSameFit) {
  const SearchIndex index({{"by_alias", "Zeta", {"popliteal"}}, {"by_name", "Popliteal", {}}});
  EXPECT_EQ(ids_of(index.search("popliteal", 5)), (std::vector<std::string>{"by_name", "by_alias"}));
}

TEST_F(AtlasSearch, BlankQueriesAndZeroLimitFindNothing) {
  EXPECT_TRUE(index_.search("", 10).empty());
  EXPECT_TRUE(index_.search("   ", 10).empty());
  EXPECT_TRUE(index_.search("-_,", 10).empty());
  EXPECT_TRUE(index_.search("soleus", 0).empty());
  EXPECT_TRUE(index_.search("zzzzqqq", 10).empty());
  EXPECT_TRUE(SearchIndex{}.search("soleus", 10).empty());
}

TEST_F(AtlasSearch, LimitKeepsTheBest) {
  const auto all = index_.search("longus", 50);
  ASSERT_GE(all.size(), 5u);
  const auto two = index_.search("longus", 2);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].id, all[0].id);
  EXPECT_EQ(two[1].id, all[1].id);
  // One result per entry even when several of its texts match.
  const std::vector<std::string> ids = ids_of(all);
  const std::set<std::string> unique(ids.begin(), ids.end());
  EXPECT_EQ(unique.size(), all.size());
}

TEST(Search, ResultsDoNotDependOnEntryOrder) {
  std::vector<SearchEntry> entries = atlas_entries();
  const SearchIndex original(entries);
  std::mt19937 rng(3);
  std::shuffle(entries.begin(), entries.end(), rng);
  const SearchIndex shuffled(entries);
  for (const char* query : {"longus", "tib", "calf", "nerve", "peroneus", "os", "fdl", "solius"}) {
    const auto a = original.search(query, 50);
    const auto b = shuffled.search(query, 50);
    EXPECT_EQ(ids_of(a), ids_of(b)) << query;
    EXPECT_EQ(a.size(), b.size());
  }
  EXPECT_EQ(ids_of(search(original, "tib", 5)), ids_of(original.search("tib", 5)));
}

TEST(ClosestIds, SuggestsNearbyIds) {
  std::vector<std::string> ids;
  for (const SearchEntry& e : atlas_entries()) ids.push_back(e.id);
  const auto soleus = closest_ids(ids, "soleous", 3);
  ASSERT_FALSE(soleus.empty());
  EXPECT_EQ(soleus[0], "soleus");
  EXPECT_LE(soleus.size(), 3u);

  EXPECT_EQ(closest_ids(ids, "Tibialis-Anterior", 1), (std::vector<std::string>{"tibialis_anterior"}));
  EXPECT_EQ(closest_ids(ids, "gastrocnemius", 2),
            (std::vector<std::string>{"gastrocnemius_lateral_head", "gastrocnemius_medial_head"}));
  EXPECT_EQ(closest_ids(ids, "fibularis_longsu", 1), (std::vector<std::string>{"fibularis_longus"}));
  EXPECT_TRUE(closest_ids(ids, "xyzzy", 3).empty());
  // A synonym is not a typo of an id: search finds those, not closest_ids.
  EXPECT_TRUE(closest_ids(ids, "peroneus", 3).empty());
  EXPECT_TRUE(closest_ids(ids, "soleus", 0).empty());
  EXPECT_TRUE(closest_ids(ids, "", 3).empty());
}

} // namespace
} // namespace crus

namespace {

TEST(SearchFacts, StructuresAreFoundByWhatTheyDoAndWhatSuppliesThem) {
  using crus::SearchIndex;
  SearchIndex index({
      {"tibialis_posterior", "Tibialis posterior", {}, {{"action", "inversion at the subtalar (primary)"}, {"nerve root", "L4"}}},
      {"fibularis_longus", "Fibularis longus", {}, {{"action", "eversion at the subtalar (primary)"}, {"nerve root", "L5"}}},
      {"inversion_ligament", "Inversion ligament", {}, {}}, // a made-up name that contains the word
      {"skin", "Skin", {}, {{"clinical", "Numbness over the lateral foot points to the S1 root."}}},
  });
  auto r = index.search("inversion", 10);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].id, "inversion_ligament"); // a name match ranks first
  EXPECT_EQ(r[1].id, "tibialis_posterior");
  EXPECT_EQ(r[1].matched, "action: inversion at the subtalar (primary)"); // says what matched
  r = index.search("l5", 10);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, "fibularis_longus");
  r = index.search("lateral foot numb", 10); // words being typed, in any order
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, "skin");
  // Facts take no typos and no initials: long sentences would match anything.
  EXPECT_TRUE(index.search("eversoin", 10).empty());
  EXPECT_TRUE(index.search("atsp", 10).empty());
}

} // namespace
