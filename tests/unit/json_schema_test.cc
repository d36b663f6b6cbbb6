#include "json_schema.h"

#include <doctest/doctest.h>

#include "json_file.h"

namespace analyzer {
namespace {

using nlohmann::json;

// The violations of `value` as "pointer: message" lines, in order.
std::vector<std::string> Violations(const json& schema, const json& value) {
  std::vector<SchemaViolation> out;
  JsonSchema(schema).Validate(value, &out);
  std::vector<std::string> lines;
  for (const auto& v : out) lines.push_back(v.pointer + ": " + v.message);
  return lines;
}

using V = std::vector<std::string>;

const json kRule = json::parse(R"({
  "type": "object",
  "required": ["id", "severity"],
  "additionalProperties": false,
  "properties": {
    "id": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$", "minLength": 2, "maxLength": 20},
    "severity": {"enum": ["low", "high"]},
    "weight": {"type": "number", "minimum": 0, "maximum": 1},
    "count": {"type": "integer", "exclusiveMinimum": 0},
    "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 2},
    "version": {"const": 1},
    "samples": {"type": "array", "items": {"$ref": "#/$defs/sample"}}
  },
  "$defs": {
    "sample": {"type": "object", "required": ["line"], "properties": {"line": {"type": "string"}}}
  }
})");

TEST_CASE("json_schema: a valid value has no violations") {
  CHECK(Violations(kRule, json::parse(R"({"id": "usage-401", "severity": "high", "weight": 0.5,
      "count": 3, "tags": ["a"], "version": 1, "samples": [{"line": "x"}]})")) == V{});
}

TEST_CASE("json_schema: required, unknown fields and types") {
  CHECK(Violations(kRule, json::parse(R"({"id": "ab", "extra": 1})")) ==
        V{": is missing required field \"severity\"", "/extra: unknown field \"extra\""});
  CHECK(Violations(kRule, json::parse(R"({"id": 7, "severity": "low"})")) ==
        V{"/id: must be of type string"});
  CHECK(Violations(kRule, json::parse("[]")) == V{": must be of type object"});
  CHECK(Violations(kRule, json::parse(R"({"id": "ab", "severity": "low", "count": 1.5})")) ==
        V{"/count: must be of type integer"});
}

TEST_CASE("json_schema: string, number and array constraints") {
  auto one = [](const char* field_json) {
    return Violations(kRule, json::parse(std::string(R"({"id": "ab", "severity": "low", )") +
                                          field_json + "}"));
  };
  CHECK(Violations(kRule, json::parse(R"({"id": "Bad Id", "severity": "low"})")) ==
        V{"/id: \"Bad Id\" does not match \"^[a-z][a-z0-9-]*$\""});
  CHECK(Violations(kRule, json::parse(R"({"id": "a", "severity": "low"})")) == V{"/id: is too short"});
  CHECK(Violations(kRule, json::parse(R"({"id": "abcdefghijklmnopqrstuvwxyz", "severity": "low"})")) ==
        V{"/id: is too long"});
  CHECK(Violations(kRule, json::parse(R"({"id": "ab", "severity": "medium"})")) ==
        V{"/severity: \"medium\" is not one of [\"low\",\"high\"]"});
  CHECK(one(R"("weight": -0.1)") == V{"/weight: must be >= 0"});
  CHECK(one(R"("weight": 2)") == V{"/weight: must be <= 1"});
  CHECK(one(R"("count": 0)") == V{"/count: must be > 0"});
  CHECK(one(R"("tags": [])") == V{"/tags: must have at least 1 items"});
  CHECK(one(R"("tags": ["a", "b", "c"])") == V{"/tags: must have at most 2 items"});
  CHECK(one(R"("tags": ["a", 2])") == V{"/tags/1: must be of type string"});
  CHECK(one(R"("version": 2)") == V{"/version: must be 1"});
}

TEST_CASE("json_schema: $ref to $defs is followed, with the pointer of the value") {
  CHECK(Violations(kRule, json::parse(R"({"id": "ab", "severity": "low",
      "samples": [{"line": "ok"}, {"time": "x"}]})")) ==
        V{"/samples/1: is missing required field \"line\""});
}

TEST_CASE("json_schema: anyOf, oneOf, allOf and not") {
  const json schema = json::parse(R"({
    "properties": {
      "any": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
      "one": {"oneOf": [{"type": "integer"}, {"minimum": 5}]},
      "all": {"allOf": [{"type": "integer"}, {"minimum": 5}]},
      "not": {"not": {"type": "null"}}
    }
  })");
  CHECK(Violations(schema, json::parse(R"({"any": "s", "one": 1, "all": 6, "not": 1})")) == V{});
  CHECK(Violations(schema, json::parse(R"({"any": true})")) == V{"/any: does not match any allowed form"});
  CHECK(Violations(schema, json::parse(R"({"one": 7})")) == V{"/one: matches several forms"});
  CHECK(Violations(schema, json::parse(R"({"one": 2.5})")) == V{"/one: does not match any allowed form"});
  CHECK(Violations(schema, json::parse(R"({"all": 3})")) == V{"/all: must be >= 5"});
  CHECK(Violations(schema, json::parse(R"({"not": null})")) == V{"/not: is not allowed"});
}

TEST_CASE("json_schema: keys with '/' and '~' are escaped in pointers") {
  const json schema = json::parse(R"({"additionalProperties": {"type": "integer"}})");
  CHECK(Violations(schema, json::parse(R"({"a/b": "x", "c~d": "y"})")) ==
        V{"/a~1b: must be of type integer", "/c~0d: must be of type integer"});
}

TEST_CASE("json_schema: at most `max` violations are reported") {
  const json schema = json::parse(R"({"items": {"type": "string"}})");
  std::vector<SchemaViolation> out;
  JsonSchema(schema).Validate(json::parse("[1, 2, 3, 4, 5]"), &out, 2);
  CHECK(out.size() == 2);
}

TEST_CASE("json_schema: the shipped log-format schema rejects a broken format") {
  JsonFile schema;
  std::string error;
  REQUIRE_MESSAGE(schema.Load(ANALYZER_RULES_DIR "/schema/log-format.schema.json", &error), error);
  const json format = json::parse(R"({"name": "Bad Name", "kind": "csv", "samples": [{"line": "x"}],
                                      "colour": "red"})");
  CHECK(Violations(schema.value, format) ==
        V{"/colour: unknown field \"colour\"", "/kind: \"csv\" is not one of [\"regex\",\"w3c\"]",
          "/name: \"Bad Name\" does not match \"^[a-z0-9][a-z0-9-]*$\"",
          "/samples/0: is missing required field \"time\""});
}

}  // namespace
}  // namespace analyzer
