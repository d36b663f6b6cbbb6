// Fuzz target: a rule-pack file as the loader reads it: JsonFile::Parse
// (comments allowed), the rule-pack schema, ParsePack with the rules the
// schema refused set aside, as LoadRuleSet does.
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "json_file.h"
#include "rule_parser.h"

namespace fuzz {

int RuleLoader(const uint8_t* data, size_t size) {
  analyzer::JsonFile file;
  std::string error;
  if (!file.Parse("fuzz/rules/p.json", std::string(reinterpret_cast<const char*>(data), size), &error))
    return 0;
  std::vector<analyzer::SchemaViolation> violations;
  RulePackSchema().Validate(file.value, &violations);
  std::set<size_t> invalid_rules;
  bool whole_pack_bad = false;
  for (const auto& v : violations) {
    file.Where(v.pointer);
    size_t index = 0;  // "/rules/<n>/..." refuses rule n; anything else the pack
    if (std::sscanf(v.pointer.c_str(), "/rules/%zu", &index) == 1) invalid_rules.insert(index);
    else whole_pack_bad = true;
  }
  if (whole_pack_bad) return 0;
  std::vector<std::string> errors;
  analyzer::ParsePack(file, invalid_rules, &errors);
  return 0;
}

}  // namespace fuzz
