// Issue 15, cases 1, 2, 3 and 7: hostile JSON (very long ids, deep nesting,
// numbers a double cannot hold) reaches no unbounded recursion, no unbounded
// memory and no library exception: every loader answers with the file, the
// line and what is wrong.
#include "core/io/atlas_manifest.hpp"
#include "core/error.hpp"
#include "core/io/json_input.hpp"
#include "core/io/json_schema.hpp"
#include "core/anatomy/knowledge.hpp"
#include "core/limits.hpp"
#include "core/io/pattern.hpp"
#include "core/anatomy/red_flags.hpp"
#include "core/document/scene.hpp"
#include "core/anatomy/trigger_points.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <fstream>
#include <regex>

namespace crus {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// A private copy of the bundled knowledge folder to break.
fs::path knowledge_copy(const std::string& name) {
  const fs::path dir = test::scratch_dir(name) / "knowledge";
  fs::create_directories(dir);
  for (const auto& f : fs::directory_iterator(fs::path(test::source_dir()) / "assets" / "knowledge"))
    fs::copy_file(f.path(), dir / f.path().filename(), fs::copy_options::overwrite_existing);
  return dir;
}

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// ---- case 1: pattern matching without recursion

TEST(Pattern, AgreesWithStdRegexOnTheSchemasPatterns) {
  const std::vector<std::string> patterns{"^[a-z][a-z0-9_]*$",
                                          "^[a-z][a-z0-9_]*_(origin|insertion)$",
                                          "^[a-z][a-z0-9_]*_(origin|insertion)(_[a-z][a-z0-9_]*)?$",
                                          "^FMA:[0-9]+$",
                                          "^schema\\.json#/\\$defs/sources_file$",
                                          "^https?://",
                                          "a(b|c)?d+e*",
                                          "[^a-c]x",
                                          "\\d\\w\\s.",
                                          "(?:ab)+$",
                                          "x|^y|z$"};
  const std::vector<std::string> subjects{"",
                                          "soleus",
                                          "Soleus",
                                          "tibialis_anterior_origin",
                                          "soleus_origin_x",
                                          "FMA:22542",
                                          "FMA:",
                                          "FMA:12a",
                                          "schema.json#/$defs/sources_file",
                                          "schemaXjson#/$defs/sources_file",
                                          "https://x",
                                          "http://",
                                          "ftp://x",
                                          "ad",
                                          "abddde",
                                          "acx",
                                          "ax",
                                          "dx",
                                          "1a x",
                                          "abab",
                                          "ababa",
                                          "qy",
                                          "y",
                                          "z",
                                          "zq",
                                          "\xff\xfe",
                                          "tibialis anterior"};
  for (const auto& p : patterns) {
    const Pattern ours(p);
    const std::regex theirs(p, std::regex::ECMAScript);
    for (const auto& s : subjects) EXPECT_EQ(ours.search(s), std::regex_search(s, theirs)) << p << " on \"" << s << "\"";
  }
}

TEST(Pattern, MatchesAHundredThousandCharactersInConstantStack) {
  const Pattern id("^[a-z][a-z0-9_]*$");
  std::string long_id(100000, 'a');
  EXPECT_TRUE(id.search(long_id));
  long_id += '-';
  EXPECT_FALSE(id.search(long_id));
  EXPECT_TRUE(Pattern("(a|b)*c$").search(std::string(100000, 'a') + "c"));
}

TEST(Pattern, RefusesWhatItDoesNotMatchExactly) {
  for (const char* bad : {"a{2}", "(?=a)", "(a)\\1", "a*?", "[a-", "(a", "a)", "\\b", "*a", "[z-a]"})
    EXPECT_THROW(Pattern{bad}, std::invalid_argument) << bad;
  EXPECT_THROW(Pattern{std::string(limits::kSchemaPatternBytes + 1, 'a')}, std::invalid_argument);
  EXPECT_THROW(Pattern{std::string(20, '(') + "a" + std::string(20, ')')}, std::invalid_argument);
  // An unusable pattern in a schema is an InputError naming the schema.
  try {
    JsonSchema(json{{"type", "string"}, {"pattern", "a{2,}"}}, "s.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_TRUE(contains(e.what(), "s.json")) << e.what();
    EXPECT_TRUE(contains(e.what(), "counted repetition")) << e.what();
  }
}

TEST(JsonLimits, ThirtyThousandCharacterIdIsAProblemWithFileAndLine) {
  const fs::path dir = knowledge_copy("limits_long_id");
  std::string text = read(dir / "muscles.json");
  const auto at = text.find("\"id\": \"soleus\"");
  ASSERT_NE(at, std::string::npos);
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  text.replace(at, 14, "\"id\": \"" + std::string(30000, 'x') + "-\"");
  write(dir / "muscles.json", text);
  const KnowledgeBase base = load_knowledge(dir.string());
  bool found = false;
  for (const auto& p : base.problems)
    if (p.file == "muscles.json" && p.line == line && contains(p.message, "does not match pattern")) found = true;
  EXPECT_TRUE(found) << (base.problems.empty() ? "no problems" : to_string(base.problems[0]));
}

// ---- case 2: nesting depth, before any parser or scanner

TEST(JsonLimits, DeepNestingIsRefusedBeforeParsingWithTheLine) {
  const std::string deep = "{\n  \"a\": " + nested_arrays(100000) + "\n}\n";
  auto fault = find_json_limit_fault(deep);
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->line, 2);
  EXPECT_TRUE(contains(fault->message, "nesting deeper than " + std::to_string(limits::kJsonDepth))) << fault->message;
  EXPECT_FALSE(find_json_limit_fault(nested_arrays(limits::kJsonDepth)));
  EXPECT_TRUE(find_json_limit_fault(nested_arrays(limits::kJsonDepth + 1)));
  // Brackets inside strings do not count; escaped quotes do not end a string.
  EXPECT_FALSE(find_json_limit_fault("[\"" + std::string(1000, '[') + "\\\"[[[\"]"));
  try {
    check_json_limits(deep, "x.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "x.json:2");
  }
}

TEST(JsonLimits, LineMapStaysSmallOnDeepOrMalformedNesting) {
  // The scanner is iterative and stops at the depth limit: before, 10,000
  // levels took 390 MB (one path string per level, per value).
  const JsonLineMap deep = JsonLineMap::build(nested_arrays(200000));
  EXPECT_LE(deep.size(), static_cast<std::size_t>(limits::kJsonDepth) + 1);
  const JsonLineMap open = JsonLineMap::build(std::string(200000, '{'));
  EXPECT_LE(open.size(), 2u);
  // Ordinary text still gets its lines.
  const JsonLineMap ok = JsonLineMap::build("{\n\"a\": [\n1,\n{\"b\": 2}\n]\n}");
  EXPECT_EQ(ok.line_of("a[1].b"), 4);
  EXPECT_EQ(ok.line_of("a[0]"), 3);
}

TEST(JsonLimits, EveryLoaderRefusesDeepNestingWithFileAndLine) {
  const std::string deep = "{\n\"x\": " + nested_arrays(100000) + "}";
  auto expect_refused = [&](const std::function<void()>& load, const std::string& where) {
    try {
      load();
      ADD_FAILURE() << where << " accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where(), where) << e.what();
      EXPECT_TRUE(contains(e.what(), "nesting deeper than")) << e.what();
    }
  };
  expect_refused([&] { parse_trigger_points(deep, "trigger_points.json", {}); }, "trigger_points.json:2");
  expect_refused([&] { parse_red_flags(deep, "red_flags.json"); }, "red_flags.json:2");
  expect_refused([&] { parse_manifest(deep, "atlas.json"); }, "atlas.json:2");
  const fs::path map = test::scratch_dir("limits_deep_map") / "map.json";
  write(map, deep);
  expect_refused([&] { load_atlas_map(map.string(), {}); }, map.string() + ":2");

  const fs::path dir = knowledge_copy("limits_deep_knowledge");
  write(dir / "deep.json", deep);
  const KnowledgeBase base = load_knowledge(dir.string());
  bool found = false;
  for (const auto& p : base.problems) found |= p.file == "deep.json" && p.line == 2 && contains(p.message, "nesting deeper than");
  EXPECT_TRUE(found);
}

// ---- case 3: the schema checker is bounded too

TEST(JsonLimits, DeeplyNestedSchemaIsRefusedNotRecursedInto) {
  json schema = json{{"type", "string"}};
  for (int i = 0; i < 50000; ++i) {
    json outer = json::object();
    outer["items"] = std::move(schema);
    schema = std::move(outer);
  }
  try {
    JsonSchema checked(std::move(schema), "schema.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_TRUE(contains(e.what(), "schema.json")) << e.what();
    EXPECT_TRUE(contains(e.what(), "nesting deeper than")) << e.what();
  }
  // The same as text in the knowledge folder: the limit scan names the line.
  const fs::path dir = knowledge_copy("limits_deep_schema");
  std::string text = "{\n\"type\": \"object\",\n\"properties\": {\"x\": ";
  for (int i = 0; i < 50000; ++i) text += "{\"items\": ";
  text += "true" + std::string(50000, '}') + "}}";
  write(dir / "schema.json", text);
  const KnowledgeBase base = load_knowledge(dir.string());
  ASSERT_FALSE(base.problems.empty());
  EXPECT_EQ(base.problems[0].file, "schema.json");
  EXPECT_EQ(base.problems[0].line, 3);
  EXPECT_TRUE(contains(base.problems[0].message, "nesting deeper than")) << to_string(base.problems[0]);
}

TEST(JsonLimits, ValidatingADeepDocumentIsBounded) {
  json doc = 1;
  for (int i = 0; i < 5000; ++i) doc = json::array({std::move(doc)});
  const JsonSchema schema(json{{"items", json{{"$ref", "#"}}}}, "s");
  const auto violations = schema.validate(doc);
  ASSERT_FALSE(violations.empty());
  EXPECT_TRUE(contains(violations[0].message, "nesting deeper than"));
}

// ---- case 7: numbers a double cannot hold

TEST(JsonLimits, HugeNumbersAreInputErrorsWithFileAndLine) {
  const std::string text = "{\n  \"version\": 1,\n  \"x\": 1e400\n}";
  auto fault = find_json_limit_fault(text);
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->line, 3);
  EXPECT_TRUE(contains(fault->message, "1e400")) << fault->message;
  EXPECT_TRUE(contains(fault->message, "too large for a double")) << fault->message;
  EXPECT_TRUE(find_json_limit_fault("[-4e900]"));
  EXPECT_TRUE(find_json_limit_fault("[" + std::string(400, '9') + "]"));
  EXPECT_FALSE(find_json_limit_fault("[1e-400, 1.7e308, -1e300, 0]")); // underflow is a plain 0

  auto expect_refused = [&](const std::function<void()>& load, const std::string& where) {
    try {
      load();
      ADD_FAILURE() << where << " accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where(), where) << e.what();
      EXPECT_TRUE(contains(e.what(), "too large")) << e.what();
    }
  };
  expect_refused([&] { parse_trigger_points(text, "tp.json", {}); }, "tp.json:3");
  expect_refused([&] { parse_red_flags(text, "rf.json"); }, "rf.json:3");
  expect_refused([&] { parse_manifest(text, "atlas.json"); }, "atlas.json:3");
  const fs::path map = test::scratch_dir("limits_huge_map") / "map.json";
  write(map, "{\"nodes\": [],\n\"scale\": 4e900}");
  expect_refused([&] { load_atlas_map(map.string(), {}); }, map.string() + ":2");

  const fs::path dir = knowledge_copy("limits_huge_knowledge");
  std::string muscles = read(dir / "muscles.json");
  const auto at = muscles.find("\"layer\": ");
  ASSERT_NE(at, std::string::npos);
  const int line = 1 + static_cast<int>(std::count(muscles.begin(), muscles.begin() + static_cast<long>(at), '\n'));
  muscles.insert(at + 9, "1e400");
  muscles.erase(at + 14, muscles.find_first_of(",\n}", at + 14) - (at + 14));
  write(dir / "muscles.json", muscles);
  const KnowledgeBase base = load_knowledge(dir.string());
  bool found = false;
  for (const auto& p : base.problems) found |= p.file == "muscles.json" && p.line == line && contains(p.message, "too large");
  EXPECT_TRUE(found) << (base.problems.empty() ? "no problems" : to_string(base.problems[0]));
}

TEST(JsonLimits, FloatOverflowFromAFiniteDoubleIsRefused) {
  // 1e300 is a fine double but no float: it must not become infinity.
  const fs::path map = test::scratch_dir("limits_float_map") / "map.json";
  write(map, "{\"nodes\": [],\n\"offset\": [0, 1e300, 0]}");
  try {
    load_atlas_map(map.string(), {});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_TRUE(contains(e.what(), "offset[1]")) << e.what();
    EXPECT_TRUE(contains(e.what(), "out of range")) << e.what();
  }
}

TEST(JsonLimits, LongStringsAndHugeFilesAreRefused) {
  const std::string text = "{\"a\":\n\"" + std::string(limits::kJsonStringBytes + 10, 'x') + "\"}";
  auto fault = find_json_limit_fault(text);
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->line, 2);
  EXPECT_TRUE(contains(fault->message, "string"));
  EXPECT_TRUE(find_json_limit_fault(std::string(limits::kJsonFileBytes + 1, ' ')));
}

} // namespace
} // namespace crus
