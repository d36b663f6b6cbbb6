// JsonSchema: validates JSON values against the subset of JSON Schema
// (draft 2020-12 / draft-07 spelling) that our own schemas use, so rule packs
// and log formats are checked by the very schema files that editors use for
// completion.
//
// Supported: type, properties, required, additionalProperties, items,
// enum, const, pattern (RE2 syntax), minimum, maximum, exclusiveMinimum,
// minLength, maxLength, minItems, maxItems, anyOf, oneOf, allOf, not,
// $ref to "#/$defs/..." or "#/definitions/...". Anything else is ignored.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace analyzer {

struct SchemaViolation {
  std::string pointer;  // JSON pointer of the offending value, "" for the root
  std::string message;
};

class JsonSchema {
 public:
  explicit JsonSchema(nlohmann::json schema) : schema_(std::move(schema)) {}

  // Appends one violation per problem found (at most `max` of them).
  void Validate(const nlohmann::json& value, std::vector<SchemaViolation>* out,
                size_t max = 50) const;

 private:
  void Check(const nlohmann::json& schema, const nlohmann::json& value, const std::string& ptr,
             std::vector<SchemaViolation>* out) const;
  void CheckObject(const nlohmann::json& schema, const nlohmann::json& value,
                   const std::string& ptr, std::vector<SchemaViolation>* out) const;
  void CheckArray(const nlohmann::json& schema, const nlohmann::json& value,
                  const std::string& ptr, std::vector<SchemaViolation>* out) const;
  void CheckScalar(const nlohmann::json& schema, const nlohmann::json& value,
                   const std::string& ptr, std::vector<SchemaViolation>* out) const;
  void CheckCombinators(const nlohmann::json& schema, const nlohmann::json& value,
                        const std::string& ptr, std::vector<SchemaViolation>* out) const;
  const nlohmann::json& Resolve(const nlohmann::json& schema) const;

  nlohmann::json schema_;
  mutable size_t max_ = 50;
};

}  // namespace analyzer
