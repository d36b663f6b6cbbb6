// ReportJson: the JSON report, version 1. Other tools read it: field names
// are a contract (extend, never rename). Arrays are sorted and no wall-clock
// time is written, so the same input gives a byte-identical report.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "finding.h"
#include "ingest.h"
#include "rule.h"

namespace analyzer {

struct ReportContext {
  const RuleSet* rules = nullptr;
  const std::vector<InputSummary>* inputs = nullptr;
  const Findings* findings = nullptr;
  std::string lang = "en";
};

nlohmann::ordered_json BuildJsonReport(const ReportContext& context);

// The report as text: two-space indented, ending with a newline.
std::string RenderJsonReport(const ReportContext& context);

}  // namespace analyzer
