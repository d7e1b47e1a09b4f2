// Search as you type over entries shaped like the knowledge base: every atlas
// structure (ARCHITECTURE.md) with its Latin name and synonyms, about 50
// entries with about 5 texts each.
#include "core/anatomy/search.hpp"

#if defined(CRUS_ASSETS_DIR)
#include "core/anatomy/knowledge.hpp"
#endif

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

using crus::SearchEntry;
using crus::SearchIndex;

std::vector<SearchEntry> knowledge_like_entries() {
  std::vector<SearchEntry> entries{
      {"femur", "Femur", {"Os femoris", "thigh bone", "thighbone", "femoral bone"}},
      {"patella", "Patella", {"Os patellae", "kneecap", "knee cap", "sesamoid of the knee"}},
      {"tibia", "Tibia", {"Os tibiae", "shin bone", "shinbone", "tibial bone"}},
      {"fibula", "Fibula", {"Os fibulae", "calf bone", "perone", "fibular bone"}},
      {"talus", "Talus", {"Os talus", "ankle bone", "astragalus", "astragalus bone"}},
      {"calcaneus", "Calcaneus", {"Os calcaneus", "heel bone", "os calcis", "calcaneum"}},
      {"navicular", "Navicular", {"Os naviculare", "scaphoid of the foot", "navicular bone"}},
      {"cuboid", "Cuboid", {"Os cuboideum", "cuboid bone"}},
      {"medial_cuneiform", "Medial cuneiform", {"Os cuneiforme mediale", "first cuneiform", "internal cuneiform"}},
      {"intermediate_cuneiform", "Intermediate cuneiform", {"Os cuneiforme intermedium", "second cuneiform", "middle cuneiform"}},
      {"lateral_cuneiform", "Lateral cuneiform", {"Os cuneiforme laterale", "third cuneiform", "external cuneiform"}},
      {"gastrocnemius_medial_head",
       "Gastrocnemius, medial head",
       {"Musculus gastrocnemius, caput mediale", "calf muscle", "triceps surae", "medial gastrocnemius", "gastrocs"}},
      {"gastrocnemius_lateral_head",
       "Gastrocnemius, lateral head",
       {"Musculus gastrocnemius, caput laterale", "calf muscle", "triceps surae", "lateral gastrocnemius", "gastrocs"}},
      {"soleus", "Soleus", {"Musculus soleus", "calf muscle", "triceps surae", "deep calf muscle", "second heart"}},
      {"plantaris", "Plantaris", {"Musculus plantaris", "plantaris muscle", "freshman's nerve", "plantar muscle"}},
      {"tibialis_anterior",
       "Tibialis anterior",
       {"Musculus tibialis anterior", "tibialis anticus", "anterior tibial muscle", "shin muscle"}},
      {"fibularis_longus",
       "Fibularis longus",
       {"Musculus fibularis longus", "peroneus longus", "Musculus peroneus longus", "long fibular muscle"}},
      {"fibularis_brevis",
       "Fibularis brevis",
       {"Musculus fibularis brevis", "peroneus brevis", "Musculus peroneus brevis", "short fibular muscle"}},
      {"fibularis_tertius",
       "Fibularis tertius",
       {"Musculus fibularis tertius", "peroneus tertius", "Musculus peroneus tertius", "third fibular muscle"}},
      {"tibialis_posterior",
       "Tibialis posterior",
       {"Musculus tibialis posterior", "tibialis posticus", "posterior tibial muscle", "PTT"}},
      {"flexor_digitorum_longus",
       "Flexor digitorum longus",
       {"Musculus flexor digitorum longus", "long flexor of the toes", "FDL", "flexor digitorum tibialis"}},
      {"flexor_hallucis_longus",
       "Flexor hallucis longus",
       {"Musculus flexor hallucis longus", "long flexor of the great toe", "FHL", "dancer's tendon"}},
      {"extensor_digitorum_longus",
       "Extensor digitorum longus",
       {"Musculus extensor digitorum longus", "long extensor of the toes", "EDL"}},
      {"extensor_hallucis_longus",
       "Extensor hallucis longus",
       {"Musculus extensor hallucis longus", "long extensor of the great toe", "EHL"}},
      {"popliteus", "Popliteus", {"Musculus popliteus", "popliteal muscle", "key of the knee", "unlocker of the knee"}},
      {"calcaneal_tendon",
       "Calcaneal tendon",
       {"Tendo calcaneus", "Achilles tendon", "tendo Achillis", "heel cord", "triceps surae tendon"}},
      {"sciatic_nerve", "Sciatic nerve", {"Nervus ischiadicus", "ischiadic nerve", "great sciatic nerve"}},
      {"tibial_nerve", "Tibial nerve", {"Nervus tibialis", "medial popliteal nerve", "posterior tibial nerve"}},
      {"common_fibular_nerve",
       "Common fibular nerve",
       {"Nervus fibularis communis", "common peroneal nerve", "lateral popliteal nerve", "Nervus peroneus communis"}},
      {"deep_fibular_nerve",
       "Deep fibular nerve",
       {"Nervus fibularis profundus", "deep peroneal nerve", "anterior tibial nerve", "Nervus peroneus profundus"}},
      {"superficial_fibular_nerve",
       "Superficial fibular nerve",
       {"Nervus fibularis superficialis", "superficial peroneal nerve", "musculocutaneous nerve of the leg"}},
      {"sural_nerve", "Sural nerve", {"Nervus suralis", "short saphenous nerve", "sural cutaneous nerve"}},
      {"skin", "Skin", {"Cutis", "integument", "integumentum commune", "dermis", "epidermis"}},
  };
  for (int k = 1; k <= 5; ++k) {
    const std::string n = std::to_string(k);
    entries.push_back(
        {"metatarsal_" + n, "Metatarsal " + n, {"Os metatarsale " + n, "metatarsal bone " + n, "metatarsus " + n, "MT" + n}});
    entries.push_back({"phalanges_" + n,
                       "Phalanges of toe " + n,
                       {"Phalanges digiti pedis " + n, "toe bones " + n, "phalanx " + n, "digit " + n}});
  }
  // Landmarks, searched too.
  for (const char* landmark : {"Medial malleolus", "Lateral malleolus", "Tibial tuberosity", "Fibular head", "Gerdy's tubercle",
                               "Soleal line", "Sustentaculum tali"}) {
    SearchEntry e{crus::fold_for_search(landmark), landmark, {std::string("Landmark ") + landmark, "bony landmark"}};
    for (char& c : e.id)
      if (c == ' ') c = '_';
    entries.push_back(std::move(e));
  }
  return entries;
}

const SearchIndex& index() {
  static const SearchIndex instance(knowledge_like_entries());
  return instance;
}

void BM_SearchQuery(benchmark::State& state, const char* query) {
  const SearchIndex& search_index = index();
  std::size_t found = 0;
  for (auto _ : state) {
    auto results = crus::search(search_index, query, 10);
    found = results.size();
    benchmark::DoNotOptimize(results);
  }
  state.counters["entries"] = static_cast<double>(search_index.entries().size());
  state.counters["results"] = static_cast<double>(found);
}
BENCHMARK_CAPTURE(BM_SearchQuery, one_letter, "g");
BENCHMARK_CAPTURE(BM_SearchQuery, prefix, "gastroc");
BENCHMARK_CAPTURE(BM_SearchQuery, synonym, "peroneus");
BENCHMARK_CAPTURE(BM_SearchQuery, typo, "gastrocnemus");
BENCHMARK_CAPTURE(BM_SearchQuery, two_words_typo, "peronius longus");
BENCHMARK_CAPTURE(BM_SearchQuery, initials, "fdl");
BENCHMARK_CAPTURE(BM_SearchQuery, accents, "Gérdy’s");
BENCHMARK_CAPTURE(BM_SearchQuery, no_match, "xylophonequartz");

// Every keystroke of a few words typed out, as the search box sees them.
void BM_SearchAsYouType(benchmark::State& state) {
  std::vector<std::string> prefixes;
  for (const std::string word : {"gastrocnemius medial", "peroneus longus", "achilles", "solius", "tibialis ant"})
    for (std::size_t n = 1; n <= word.size(); ++n) prefixes.push_back(word.substr(0, n));
  const SearchIndex& search_index = index();
  std::size_t i = 0;
  for (auto _ : state) {
    auto results = search_index.search(prefixes[i++ % prefixes.size()], 10);
    benchmark::DoNotOptimize(results);
  }
  state.counters["keystrokes"] = static_cast<double>(prefixes.size());
}
BENCHMARK(BM_SearchAsYouType);

#if defined(CRUS_ASSETS_DIR)
// The real knowledge base, as the search panel and `crus search` see it.
void BM_SearchKnowledgeBase(benchmark::State& state) {
  std::vector<SearchEntry> entries;
  try {
    const crus::KnowledgeBase base = crus::load_knowledge(std::string(CRUS_ASSETS_DIR) + "/knowledge");
    for (const crus::KnowledgeEntry& e : base.entries) {
      SearchEntry entry{e.id, e.name, {e.latin}};
      entry.aliases.insert(entry.aliases.end(), e.synonyms.begin(), e.synonyms.end());
      entries.push_back(std::move(entry));
    }
  } catch (const std::exception& error) {
    state.SkipWithError(error.what());
    return;
  }
  if (entries.empty()) {
    state.SkipWithError("no knowledge entries under " CRUS_ASSETS_DIR "/knowledge");
    return;
  }
  const SearchIndex search_index(std::move(entries));
  const std::vector<std::string> queries{"g",       "gastroc", "peroneus", "achilles", "gastrocnemus",   "solius",
                                         "tib ant", "fdl",     "calf",     "nerve",    "xylophonequartz"};
  std::size_t i = 0;
  for (auto _ : state) {
    auto results = search_index.search(queries[i++ % queries.size()], 10);
    benchmark::DoNotOptimize(results);
  }
  state.counters["entries"] = static_cast<double>(search_index.entries().size());
}
BENCHMARK(BM_SearchKnowledgeBase);
#endif

void BM_BuildSearchIndex(benchmark::State& state) {
  const std::vector<SearchEntry> entries = knowledge_like_entries();
  for (auto _ : state) {
    SearchIndex built(entries);
    benchmark::DoNotOptimize(built);
  }
}
BENCHMARK(BM_BuildSearchIndex);

void BM_ClosestIds(benchmark::State& state) {
  std::vector<std::string> ids;
  for (const SearchEntry& e : index().entries()) ids.push_back(e.id);
  for (auto _ : state) {
    auto close = crus::closest_ids(ids, "gastrocnemius_medail_head", 3);
    benchmark::DoNotOptimize(close);
  }
}
BENCHMARK(BM_ClosestIds);

} // namespace
