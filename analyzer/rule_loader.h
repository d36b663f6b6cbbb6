// RuleLoader: reads rule packs (rules/*.json), validates them against
// rules/schema/rule-pack.schema.json and lints them: RE2 compile errors
// (with a hint for look-around and back-references, which RE2 refuses),
// unknown fields, duplicate ids, references to missing rules, cycles, bad
// windows, reported codes without texts. Every message is "file:line:col: ...".
//
// All or nothing: if any pack has a problem, no rule set is returned, so
// nothing is ever analyzed with a half-loaded pack.
#pragma once

#include <string>
#include <vector>

#include "rule.h"

namespace analyzer {

// Loads the packs of `shipped_dir` (*.json directly in it), then those of
// each `extra_dirs` (a pack with the same name replaces the earlier one).
// `schema_path` is the rule-pack schema. Returns false and fills *errors
// when anything is wrong.
bool LoadRuleSet(const std::string& shipped_dir, const std::vector<std::string>& extra_dirs,
                 const std::string& schema_path, RuleSet* out, std::vector<std::string>* errors);

// Compiles a user pattern; "" on success, else why it does not compile.
std::string CompilePattern(const std::string& pattern, std::unique_ptr<RE2>* out);

}  // namespace analyzer
