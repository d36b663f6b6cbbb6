// RuleParser: builds a RulePack from a pack file that already passed the
// schema: kind-specific requirements, RE2 compilation, durations, examples.
// Problems are appended as "file:line:col: message"; returns null if any.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "json_file.h"
#include "rule.h"

namespace analyzer {

// `invalid_rules` are indexes of rules the schema already refused: they
// are skipped so the others can still be linted.
std::unique_ptr<RulePack> ParsePack(const JsonFile& file, const std::set<size_t>& invalid_rules,
                                    std::vector<std::string>* errors);

}  // namespace analyzer
