// Quiz generation on the bundled knowledge base: answers agree with the
// data, distractors are never right, same seed same quiz, grading of typed
// names, and the generator's documented outputs.
#include "core/error.hpp"
#include "core/teaching/quiz.hpp"

#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace crus {
namespace {

struct Fixture {
  KnowledgeBase kb;
  AtlasManifest atlas;
  TriggerPointSet tps;
  std::unique_ptr<QuizBank> bank;
  Fixture() {
    const std::string assets = test::source_dir() + "/assets";
    kb = load_knowledge(assets + "/knowledge");
    atlas = load_manifest(assets + "/atlas/atlas.json");
    tps = load_trigger_points(assets + "/knowledge/trigger_points.json", atlas.landmarks);
    bank = std::make_unique<QuizBank>(kb, atlas, &tps);
  }
};
const Fixture& fixture() {
  static Fixture f;
  return f;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string describe(const Question& q) {
  std::string s = q.card.structure + "/" + q.card.kind + ": " + q.prompt + " |";
  for (const auto& c : q.choices) s += " " + c.id;
  s += " | right:";
  for (const auto& c : q.correct) s += " " + c;
  return s + " | " + q.explanation + " [" + q.source + "]";
}

TEST(Prng, SplitMix64MatchesTheReferenceOutputs) {
  // Vigna's splitmix64.c with x = 0: the first three outputs.
  SplitMix64 rng(0);
  EXPECT_EQ(rng.next(), 0xE220A8397B1DCDAFull);
  EXPECT_EQ(rng.next(), 0x6E789E6AA1B965F4ull);
  EXPECT_EQ(rng.next(), 0x06C45D188009454Full);
}

TEST(Prng, BelowStaysInRangeAndReachesEveryValue) {
  SplitMix64 rng(42);
  std::vector<int> seen(7, 0);
  for (int i = 0; i < 7000; ++i) {
    auto v = rng.below(7);
    ASSERT_LT(v, 7u);
    seen[v]++;
  }
  for (int n : seen) EXPECT_GT(n, 800);
  EXPECT_EQ(rng.below(1), 0u);
  EXPECT_EQ(rng.below(0), 0u);
}

TEST(Prng, ShuffleIsAPermutationFixedBySeed) {
  std::vector<int> a{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, b = a;
  SplitMix64 r1(5), r2(5);
  r1.shuffle(a);
  r2.shuffle(b);
  EXPECT_EQ(a, b);
  auto sorted = a;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  EXPECT_NE(a, sorted);
}

TEST(Prng, Fnv1aOfKnownText) {
  // Published FNV-1a 64 test vectors.
  EXPECT_EQ(fnv1a64(""), 0xCBF29CE484222325ull);
  EXPECT_EQ(fnv1a64("a"), 0xAF63DC4C8601EC8Cull);
  EXPECT_EQ(fnv1a64("foobar"), 0x85944171F73967E8ull);
}

TEST(Quiz, EveryCardMakesAQuestionWhoseAnswersAgreeWithTheKnowledgeBase) {
  const auto& f = fixture();
  auto cards = f.bank->cards();
  ASSERT_GT(cards.size(), 150u);
  std::set<std::string> kinds;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    SplitMix64 rng(seed);
    for (const auto& card : cards) {
      auto q = f.bank->make(card, rng);
      ASSERT_TRUE(q) << card.structure << "/" << card.kind;
      kinds.insert(card.kind.substr(0, card.kind.rfind('.') == 11 ? 11 : card.kind.size()));
      SCOPED_TRACE(describe(*q));
      EXPECT_FALSE(q->prompt.empty());
      EXPECT_FALSE(q->explanation.empty());
      EXPECT_FALSE(q->source.empty());
      EXPECT_FALSE(q->citation.empty());
      ASSERT_FALSE(q->correct.empty());
      if (q->type == QuestionType::point_to) {
        EXPECT_TRUE(q->choices.empty());
        EXPECT_EQ(q->correct, std::vector<std::string>{card.structure});
        continue;
      }
      // Choices: distinct ids and texts, exactly one right one shown.
      std::set<std::string> ids, texts;
      int right = 0;
      for (const auto& c : q->choices) {
        EXPECT_TRUE(ids.insert(c.id).second) << "choice twice: " << c.id;
        EXPECT_TRUE(texts.insert(c.text).second) << "text twice: " << c.text;
        right += has(q->correct, c.id) ? 1 : 0;
      }
      EXPECT_EQ(right, 1);
      EXPECT_GE(q->choices.size(), 2u);
      const KnowledgeEntry* e = f.kb.find(card.structure);
      auto distractors = [&] {
        std::vector<std::string> out;
        for (const auto& c : q->choices)
          if (!has(q->correct, c.id)) out.push_back(c.id);
        return out;
      }();
      if (card.kind == "fact.nerve") {
        EXPECT_EQ(q->correct[0], e->innervation->nerve);
        for (const auto& d : distractors) {
          EXPECT_EQ(f.kb.find(d)->kind, "nerve");
          EXPECT_FALSE(has(f.kb.find(d)->supplies, e->id)) << d;
          // Not a parent of the right nerve either.
          for (const auto* n = f.kb.find(e->innervation->nerve); n && n->branch_of; n = f.kb.find(*n->branch_of))
            EXPECT_NE(*n->branch_of, d);
        }
      } else if (card.kind == "fact.roots") {
        const auto& roots = e->kind == "nerve" ? e->roots : e->innervation->roots;
        EXPECT_TRUE(has(roots, q->correct[0]));
        for (const auto& d : distractors) EXPECT_FALSE(has(roots, d)) << "a second true root offered as wrong: " << d;
      } else if (card.kind == "fact.compartment") {
        EXPECT_EQ(q->correct[0], *e->compartment);
      } else if (card.kind == "fact.origin" || card.kind == "fact.insertion") {
        bool origin = card.kind == "fact.origin";
        std::vector<std::string> site_bones;
        for (const auto& a : origin ? e->origin : e->insertion)
          for (const AttachmentSite* site : f.atlas.attachment(a.site)) site_bones.push_back(site->bone);
        EXPECT_TRUE(has(site_bones, q->correct[0]));
        std::string text;
        for (const auto& a : origin ? e->origin : e->insertion) text += normalise_answer(a.text) + " ";
        for (const auto& d : distractors) {
          EXPECT_FALSE(has(site_bones, d));
          // The attachment text never names a wrong answer.
          EXPECT_EQ(text.find(normalise_answer(f.kb.find(d)->name)), std::string::npos) << d;
        }
      } else if (card.kind == "fact.supplies") {
        EXPECT_TRUE(has(e->supplies, q->correct[0]));
        for (const auto& d : distractors) {
          EXPECT_FALSE(has(e->supplies, d));
          EXPECT_NE(f.kb.find(d)->innervation->nerve, e->id);
        }
      } else if (card.kind.rfind("fact.action.", 0) == 0) {
        std::set<std::string> own;
        for (const auto& a : e->actions) own.insert(a.joint + "|" + a.movement);
        EXPECT_TRUE(own.count(q->correct[0]));
        for (const auto& d : distractors) EXPECT_FALSE(own.count(d)) << d;
      } else if (card.kind == "trigger_point") {
        const auto* tp = f.tps.find(card.structure);
        ASSERT_TRUE(tp);
        EXPECT_TRUE(has(q->correct, tp->muscle));
        EXPECT_EQ(q->zone_trigger_point, tp->id);
        for (const auto& d : distractors) EXPECT_FALSE(select_trigger_points(f.tps, d).empty()) << d;
      } else if (card.kind == "name_it") {
        EXPECT_TRUE(grade_typed_name(*f.bank, *q, e->name));
        for (const auto& d : distractors) EXPECT_FALSE(grade_typed_name(*f.bank, *q, f.kb.find(d)->name)) << d;
      }
    }
  }
  for (const char* k : {"point_to", "name_it", "fact.origin", "fact.insertion", "fact.nerve", "fact.roots", "fact.compartment",
                        "fact.supplies", "fact.action", "trigger_point"})
    EXPECT_TRUE(kinds.count(k)) << "no card of kind " << k;
}

TEST(Quiz, KnownFactsComeOutRight) {
  const auto& f = fixture();
  SplitMix64 rng(9);
  auto q = f.bank->make({"tibialis_anterior", "fact.nerve"}, rng);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->correct, std::vector<std::string>{"deep_fibular_nerve"});
  for (const auto& c : q->choices) EXPECT_NE(c.id, "common_fibular_nerve"); // its parent: not wrong enough
  q = f.bank->make({"soleus", "fact.compartment"}, rng);
  EXPECT_EQ(q->correct, std::vector<std::string>{"posterior superficial"});
  q = f.bank->make({"soleus_trp1", "trigger_point"}, rng);
  ASSERT_TRUE(q);
  EXPECT_TRUE(has(q->correct, "soleus"));
  EXPECT_TRUE(has(q->zone_regions, "underside of the heel"));
  // Tibialis anterior inserts on the medial cuneiform and the first
  // metatarsal (one atlas site on each bone): either may be the answer asked
  // for, and neither is ever offered as a wrong option.
  std::set<std::string> asked;
  for (std::uint64_t s = 0; s < 30; ++s) {
    SplitMix64 r(s);
    auto ins = f.bank->make({"tibialis_anterior", "fact.insertion"}, r);
    ASSERT_TRUE(ins);
    ASSERT_EQ(ins->correct.size(), 1u);
    asked.insert(ins->correct.front());
    for (const auto& c : ins->choices) {
      if (c.id == "metatarsal_1" || c.id == "medial_cuneiform") {
        EXPECT_EQ(c.id, ins->correct.front()) << describe(*ins);
      }
    }
  }
  EXPECT_EQ(asked, (std::set<std::string>{"medial_cuneiform", "metatarsal_1"}));
}

TEST(Quiz, SameSeedSameQuizOtherSeedOtherQuiz) {
  const auto& f = fixture();
  auto text = [](const Quiz& quiz) {
    std::string s;
    for (const auto& q : quiz.questions) s += describe(q) + "\n";
    return s;
  };
  Quiz a = generate_quiz(*f.bank, 1234, 25), b = generate_quiz(*f.bank, 1234, 25), c = generate_quiz(*f.bank, 1235, 25);
  EXPECT_EQ(a.questions.size(), 25u);
  EXPECT_EQ(text(a), text(b));
  EXPECT_NE(text(a), text(c));
  // More asked than there are cards: every card once.
  QuizFilter nerves{{}, parse_topic("system:nerves")};
  Quiz all = generate_quiz(*f.bank, 1, 1000, nerves);
  EXPECT_EQ(all.questions.size(), all.available);
}

TEST(Quiz, TopicsAndTypesFilterTheCards) {
  const auto& f = fixture();
  for (const auto& card : f.bank->cards({{}, parse_topic("system:nerves")})) EXPECT_EQ(f.kb.find(card.structure)->kind, "nerve");
  auto posterior = f.bank->cards({{QuestionType::point_to}, parse_topic("compartment:posterior")});
  std::set<std::string> ids;
  for (const auto& c : posterior) ids.insert(c.structure);
  EXPECT_TRUE(ids.count("soleus"));
  EXPECT_TRUE(ids.count("tibialis_posterior"));
  EXPECT_FALSE(ids.count("tibialis_anterior"));
  for (const auto& c : f.bank->cards({{}, parse_topic("region:foot")})) EXPECT_EQ(f.bank->region_of(c), "foot");
  for (const auto& c : f.bank->cards({{QuestionType::trigger_point}, {}})) EXPECT_EQ(c.kind, "trigger_point");
  EXPECT_THROW(parse_topic("galaxy:far"), InputError);
  EXPECT_THROW(parse_topic("system:skin"), InputError);
  EXPECT_THROW(parse_topic("region:"), InputError);
}

TEST(QuizGrading, TypedNamesAllowSmallTyposOnly) {
  const auto& f = fixture();
  SplitMix64 rng(1);
  auto soleus = *f.bank->make({"soleus", "name_it"}, rng);
  EXPECT_TRUE(grade_typed_name(*f.bank, soleus, "Soleus"));
  EXPECT_TRUE(grade_typed_name(*f.bank, soleus, "  solues "));       // one swap
  EXPECT_TRUE(grade_typed_name(*f.bank, soleus, "musculus soleus")); // Latin
  EXPECT_FALSE(grade_typed_name(*f.bank, soleus, "sartorius"));
  EXPECT_FALSE(grade_typed_name(*f.bank, soleus, ""));
  auto fl = *f.bank->make({"fibularis_longus", "name_it"}, rng);
  EXPECT_TRUE(grade_typed_name(*f.bank, fl, "peroneus longus"));
  EXPECT_TRUE(grade_typed_name(*f.bank, fl, "fibularis longsu"));
  EXPECT_FALSE(grade_typed_name(*f.bank, fl, "fibularis brevis"));
  // A typo of this name that is exactly another structure's name is wrong.
  auto m2 = *f.bank->make({"metatarsal_2", "name_it"}, rng);
  EXPECT_TRUE(grade_typed_name(*f.bank, m2, "metatarsal II"));
  EXPECT_FALSE(grade_typed_name(*f.bank, m2, "metatarsal III"));
  auto ta = *f.bank->make({"tibialis_anterior", "name_it"}, rng);
  EXPECT_FALSE(grade_typed_name(*f.bank, ta, "tibialis posterior"));
}

TEST(QuizGrading, EditDistanceAndChoices) {
  EXPECT_EQ(normalise_answer("  Flexor-Hallucis  LONGUS!"), "flexor hallucis longus");
  EXPECT_EQ(bounded_edit_distance("soleus", "soleus", 2), 0u);
  EXPECT_EQ(bounded_edit_distance("soleus", "solues", 2), 1u);
  EXPECT_EQ(bounded_edit_distance("soleus", "sole", 2), 2u);
  EXPECT_EQ(bounded_edit_distance("soleus", "tibialis", 2), 3u); // gave up past the limit
  EXPECT_EQ(typo_allowance(4), 0u);
  EXPECT_EQ(typo_allowance(6), 1u);
  EXPECT_EQ(typo_allowance(12), 2u);
  Question q;
  q.correct = {"soleus", "plantaris"};
  EXPECT_TRUE(grade_choice(q, "plantaris"));
  EXPECT_FALSE(grade_choice(q, "tibialis_anterior"));
}

TEST(Quiz, ContentVersionIgnoresLineEndingsButNotContent) {
  auto dir = test::scratch_dir("quiz_version");
  auto write = [&](const std::string& name, const std::string& text) {
    std::FILE* f = std::fopen((dir / name).c_str(), "wb");
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
    return (dir / name).string();
  };
  auto lf = write("lf.json", "{\n  \"a\": 1\n}\n");
  auto crlf = write("crlf.json", "{\r\n  \"a\": 1\r\n}\r\n");
  auto other = write("other.json", "{\n  \"a\": 2\n}\n");
  EXPECT_EQ(content_version({lf}), content_version({crlf}));
  EXPECT_NE(content_version({lf}), content_version({other}));
  EXPECT_EQ(content_version({lf}).rfind("fnv1a64:", 0), 0u);
}

} // namespace
} // namespace crus
