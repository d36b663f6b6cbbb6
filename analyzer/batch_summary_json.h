// BatchSummaryJson: DIR/summary.json, the roll-up of a batch as a file, and
// back. `analyzer merge` reads the shards' summaries with ParseSummaryJson
// and renders the roll-up from them, so the file holds everything the
// roll-up needs. Format (schema_version 1; fields are added, never renamed):
//
//   { "schema_version": 1, "kind": "analyzer-batch-summary",
//     "tool": {"name", "version", "rules_digest"}, "lang",
//     "settings": {"assume_tz", "from", "to", "episode_gap"},
//     "shard": null | {"index", "count"}, "inputs_total",
//     "error_codes": [...], "rules": [{"id", "error_code", "cause", "severity",
//                                      "title", "description", "remediation"}],
//     "totals": {"bundles", "ok", "failed", "with_findings", "findings", "notes",
//                "by_error_code": {CODE: {"bundles", "findings"}}},
//     "bundles": [{"name", "path", "sha256", "status": "ok|failed", "error",
//                  "reports": {"json", "html"} | null,
//                  "entries": {"total", "read", "skipped", "failed"},
//                  "bytes", "records", "problems", "time_range": {"start", "end"},
//                  "hosts", "worst_severity",
//                  "verdicts": [{"error_code", "status", "reason"}],
//                  "findings": [{"rule_id", "error_code", "cause", "severity", "title",
//                                "first_seen", "last_seen", "count", "episodes",
//                                "ongoing", "hosts", "evidence": [{"source", "line",
//                                "time", "host", "role", "rule_id", "text"}],
//                                "evidence_omitted"}],
//                  "notes": [...same shape as findings...]}] }
//
// "totals" and "worst_severity" are derived: written, not read back. No
// wall-clock time, no host name, no output directory is written: the same
// bundles give a byte-identical file whatever the -j, shards or machine.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "batch_summary.h"

namespace analyzer {

nlohmann::ordered_json SummaryToJson(const BatchSummary& summary);

// Two-space indented, ending with a newline.
std::string RenderSummaryJson(const BatchSummary& summary);

// Parses summary.json text; `origin` names the file in messages. Returns
// false and sets *error ("DIR/summary.json: ...") on bad JSON, another kind
// or version, or a field of the wrong type. Never throws.
bool ParseSummaryJson(const std::string& text, const std::string& origin, BatchSummary* out,
                      std::string* error);

}  // namespace analyzer
