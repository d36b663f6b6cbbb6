// RuleExamples: runs the examples every match rule carries (lines that must
// and must not match, with the fields they must yield) and the samples of
// every log format. This is `analyzer rules test`.
#pragma once

#include <string>
#include <vector>

#include "format_set.h"
#include "rule.h"

namespace analyzer {

struct ExampleReport {
  size_t checked = 0;
  std::vector<std::string> failures;  // "file:line:col: rule \"id\": ..."
};

ExampleReport RunRuleExamples(const RuleSet& rules);
ExampleReport RunFormatSamples(const FormatSet& formats);

}  // namespace analyzer
