// ReportJson: the JSON report, version 1. Other tools read it: field names
// are a contract (extend, never rename; rules/schema/report.schema.json).
// Arrays are sorted and no wall-clock time is written, so the same input
// gives a byte-identical report.
//
//   ReportContext context{&rules, &inputs, &findings, "en"};
//   std::ofstream file(path, std::ios::binary);
//   if (!WriteJsonReport(context, file)) …;   // cannot write
//
// The report is streamed (report_json_writer.h): memory stays that of a
// small buffer however many entries the inventory holds, and the bytes are
// those nlohmann::json's dump(2) gave when the report was a DOM. Strings are
// escaped by AppendJsonString (json_text.h): no raw control character, C1
// included, and invalid UTF-8 (member names need not be UTF-8) as U+FFFD.
#pragma once

#include <ostream>
#include <string>
#include <vector>

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

// Writes the report to `out`: two-space indented, ending with a newline.
// `context`'s pointers must be set. True when `out` took every byte.
bool WriteJsonReport(const ReportContext& context, std::ostream& out);

// The same report as a string, for tests and small reports: the whole text
// sits in memory (60 MB for 100 000 entries), so files and stdout get
// WriteJsonReport.
std::string RenderJsonReport(const ReportContext& context);

}  // namespace analyzer
