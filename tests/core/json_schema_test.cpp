#include "core/error.hpp"
#include "core/io/json_schema.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace crus {
namespace {

using nlohmann::json;

const SchemaViolation* find_violation(const std::vector<SchemaViolation>& list, const std::string& path) {
  auto it = std::find_if(list.begin(), list.end(), [&](const SchemaViolation& v) { return v.path == path; });
  return it == list.end() ? nullptr : &*it;
}

// A schema in the same style as assets/knowledge/schema.json.
const char* kSchema = R"({
  "type": "object",
  "required": ["entries"],
  "additionalProperties": false,
  "properties": {
    "entries": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/entry" } }
  },
  "$defs": {
    "root": { "type": "string", "enum": ["L4", "L5", "S1", "S2"] },
    "entry": {
      "type": "object",
      "required": ["id", "layer", "innervation"],
      "additionalProperties": false,
      "properties": {
        "id": { "type": "string", "pattern": "^[a-z][a-z0-9_]*$" },
        "layer": { "type": "integer" },
        "name": { "type": "string", "minLength": 2 },
        "innervation": {
          "type": "object",
          "required": ["nerve", "roots"],
          "properties": {
            "nerve": { "type": "string" },
            "roots": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/root" } }
          }
        },
        "sources": { "type": "object", "additionalProperties": { "type": "array", "items": { "type": "string" } } }
      }
    }
  }
})";

// Line numbers below are those of this text (line 1 is the opening brace).
const char* kDocument = R"({
  "entries": [
    {
      "id": "soleus",
      "layer": 3,
      "innervation": { "nerve": "tibial_nerve", "roots": ["S1", "S2"] }
    },
    {
      "id": "plantaris",
      "layer": "deep",
      "innervation": {
        "nerve": "tibial_nerve",
        "roots": [
          "S1",
          "S9"
        ]
      },
      "sources": { "origin": ["gray42", 7] }
    },
    {
      "id": "Popliteus",
      "layer": 4,
      "colour": "red"
    }
  ]
})";

TEST(JsonLineMap, RecordsTheLineOfEveryValue) {
  const JsonLineMap map = JsonLineMap::build(kDocument);
  EXPECT_EQ(map.line_of(""), 1);
  EXPECT_EQ(map.line_of("entries"), 2);
  EXPECT_EQ(map.line_of("entries[0]"), 3);
  EXPECT_EQ(map.line_of("entries[0].id"), 4);
  EXPECT_EQ(map.line_of("entries[0].innervation.roots[1]"), 6);
  EXPECT_EQ(map.line_of("entries[1].layer"), 10);
  EXPECT_EQ(map.line_of("entries[1].innervation.roots[1]"), 15);
  EXPECT_EQ(map.line_of("entries[1].sources.origin[1]"), 18);
  EXPECT_EQ(map.line_of("entries[2].colour"), 23);
}

TEST(JsonLineMap, MissingPathFallsBackToNearestParent) {
  const JsonLineMap map = JsonLineMap::build(kDocument);
  EXPECT_EQ(map.line_of("entries[2].innervation"), 20);
  EXPECT_EQ(map.line_of("entries[2].innervation.roots[0]"), 20);
  EXPECT_EQ(map.line_of("entries[7]"), 2);
}

TEST(JsonLineMap, HandlesEscapedAndOddMemberNames) {
  const std::string text =
      "{\n  \"a\\\"b\": 1,\n  \"two words\": {\n    \"x\": [\n      true\n    ]\n  },\n  \"\\u00e9t\\u00e9\": null\n}";
  const JsonLineMap map = JsonLineMap::build(text);
  EXPECT_EQ(map.line_of(json_path_member("", "a\"b")), 2);
  EXPECT_EQ(map.line_of(json_path_member(json_path_member("", "two words"), "x")), 4);
  EXPECT_EQ(map.line_of(json_path_index(json_path_member(json_path_member("", "two words"), "x"), 0)), 5);
  EXPECT_EQ(map.line_of(json_path_member("", "\xC3\xA9t\xC3\xA9")), 8);
}

TEST(JsonPath, JoinsMembersAndIndices) {
  EXPECT_EQ(json_path_member("", "entries"), "entries");
  EXPECT_EQ(json_path_index("entries", 3), "entries[3]");
  EXPECT_EQ(json_path_member("entries[3]", "innervation"), "entries[3].innervation");
  EXPECT_EQ(json_path_member("a", "two words"), "a[\"two words\"]");
}

TEST(ParseJsonText, MalformedTextGivesLineAndColumn) {
  const std::string text = "{\n  \"entries\": [\n    { \"id\": \"soleus\" }\n    { \"id\": \"plantaris\" }\n  ]\n}\n";
  JsonParseFailure failure;
  EXPECT_FALSE(parse_json_text(text, &failure).has_value());
  EXPECT_EQ(failure.line, 4);
  EXPECT_EQ(failure.column, 5);
  EXPECT_FALSE(failure.message.empty());
  EXPECT_TRUE(parse_json_text("{\"a\": 1}", &failure).has_value());
}

TEST(JsonSchema, AcceptsAValidDocument) {
  const JsonSchema schema(json::parse(kSchema));
  const json doc = json::parse(R"({"entries": [{"id": "soleus", "layer": 3, "name": "Soleus",
      "innervation": {"nerve": "tibial_nerve", "roots": ["S1", "S2"]}, "sources": {"origin": ["gray42"]}}]})");
  EXPECT_TRUE(schema.validate(doc).empty());
}

TEST(JsonSchema, ReportsEachViolationWithPathAndLine) {
  const JsonSchema schema(json::parse(kSchema));
  auto violations = schema.validate(json::parse(kDocument));
  with_lines(violations, JsonLineMap::build(kDocument));

  const SchemaViolation* wrong_type = find_violation(violations, "entries[1].layer");
  ASSERT_NE(wrong_type, nullptr);
  EXPECT_EQ(wrong_type->line, 10);
  EXPECT_NE(wrong_type->message.find("expected integer"), std::string::npos) << wrong_type->message;

  const SchemaViolation* bad_enum = find_violation(violations, "entries[1].innervation.roots[1]");
  ASSERT_NE(bad_enum, nullptr);
  EXPECT_EQ(bad_enum->line, 15);
  EXPECT_NE(bad_enum->message.find("\"S9\""), std::string::npos) << bad_enum->message;

  const SchemaViolation* item_type = find_violation(violations, "entries[1].sources.origin[1]");
  ASSERT_NE(item_type, nullptr);
  EXPECT_EQ(item_type->line, 18);

  const SchemaViolation* missing = find_violation(violations, "entries[2].innervation");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->line, 20); // the entry that lacks it
  EXPECT_NE(missing->message.find("missing required field 'innervation'"), std::string::npos);

  const SchemaViolation* pattern = find_violation(violations, "entries[2].id");
  ASSERT_NE(pattern, nullptr);
  EXPECT_EQ(pattern->line, 21);
  EXPECT_NE(pattern->message.find("pattern"), std::string::npos);

  const SchemaViolation* unknown = find_violation(violations, "entries[2].colour");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->line, 23);
  EXPECT_NE(unknown->message.find("unknown field 'colour'"), std::string::npos);

  EXPECT_EQ(violations.size(), 6u) << "the valid first entry must add nothing";
  EXPECT_EQ(find_violation(violations, "entries[0]"), nullptr);
}

TEST(JsonSchema, MinItemsAndMinLength) {
  const JsonSchema schema(json::parse(kSchema));
  auto v = schema.validate(json::parse(R"({"entries": []})"));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].path, "entries");
  EXPECT_NE(v[0].message.find("at least 1"), std::string::npos);

  // "é" is one character in two bytes: minLength 2 counts characters.
  const json two_chars = json::parse(R"({"entries": [{"id": "a", "layer": 1, "name": "\u00e9\u00e9",
      "innervation": {"nerve": "n", "roots": ["L4"]}}]})");
  EXPECT_TRUE(schema.validate(two_chars).empty());
  const json one_char = json::parse(R"({"entries": [{"id": "a", "layer": 1, "name": "\u00e9",
      "innervation": {"nerve": "n", "roots": ["L4"]}}]})");
  auto short_name = schema.validate(one_char);
  ASSERT_EQ(short_name.size(), 1u);
  EXPECT_EQ(short_name[0].path, "entries[0].name");
}

TEST(JsonSchema, ValidatesAgainstANamedDefinition) {
  const JsonSchema schema(json::parse(kSchema));
  EXPECT_TRUE(schema.has("#/$defs/root"));
  EXPECT_FALSE(schema.has("#/$defs/nothing"));
  EXPECT_TRUE(schema.validate(json("S1"), "#/$defs/root").empty());
  auto v = schema.validate(json("X1"), "#/$defs/root", "roots[0]");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].path, "roots[0]");
  EXPECT_EQ(schema.validate(json("S1"), "#/$defs/nothing").size(), 1u);
}

// minimum, maximum and maxItems (added for the atlas manifest's numbers).
TEST(JsonSchema, ChecksNumberRangesAndArrayLengths) {
  const JsonSchema schema(json::parse(R"({"type": "array", "minItems": 2, "maxItems": 3,
                                          "items": {"type": "number", "minimum": -1, "maximum": 1}})"));
  EXPECT_TRUE(schema.validate(json::parse("[-1, 0.5, 1]")).empty());
  auto v = schema.validate(json::parse("[0, 0, 0, 0]"));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].message, "has 4 items, at most 3 allowed");
  v = schema.validate(json::parse("[1.5, -2]"));
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].path, "[0]");
  EXPECT_EQ(v[0].message, "1.5 is above the maximum 1");
  EXPECT_EQ(v[1].message, "-2 is below the minimum -1");
}

TEST(JsonSchema, RejectsKeywordsOutsideTheSubset) {
  EXPECT_THROW(JsonSchema(json::parse(R"({"oneOf": [{"type": "string"}, {"type": "integer"}]})")), InputError);
  EXPECT_THROW(JsonSchema(json::parse(R"({"type": "object", "properties": {"a": {"exclusiveMaximum": 3}}})")), InputError);
  EXPECT_THROW(JsonSchema(json::parse(R"({"minimum": "3"})")), InputError);
  EXPECT_THROW(JsonSchema(json::parse(R"({"maxItems": -1})")), InputError);
  EXPECT_THROW(JsonSchema(json::parse(R"({"$ref": "#/$defs/missing"})")), InputError);
  EXPECT_THROW(JsonSchema(json::parse(R"({"type": "strin"})")), InputError);
  EXPECT_THROW(JsonSchema(json::parse(R"({"pattern": "(["})")), InputError);
  EXPECT_NO_THROW(JsonSchema(json::parse(R"({"title": "t", "description": "d", "$defs": {"x": {"type": "string"}}})")));
}

} // namespace
} // namespace crus
