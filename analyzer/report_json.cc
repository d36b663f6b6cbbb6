#include "report_json.h"

namespace analyzer {
namespace {

using nlohmann::ordered_json;

#ifndef ANALYZER_VERSION
#define ANALYZER_VERSION "0.0.0"
#endif

ordered_json Time(UtcTime t) { return t.known() ? ordered_json(FormatRfc3339(t)) : ordered_json(nullptr); }

ordered_json Range(UtcTime start, UtcTime end) {
  return ordered_json{{"start", Time(start)}, {"end", Time(end)}};
}

ordered_json InventoryJson(const InventoryItem& item) {
  ordered_json j{{"source", item.source}, {"status", EntryStatusName(item.status)}, {"kind", item.kind}};
  if (!item.reason.empty()) j["reason"] = item.reason;
  j["bytes"] = item.bytes;
  if (item.kind == "archive") j["entries"] = item.entries;
  if (item.format.empty()) return j;
  j["format"] = item.format;
  j["encoding"] = item.encoding;
  j["zone"] = item.zone;
  j["zone_assumed"] = item.zone_assumed;
  j["host"] = item.host.empty() ? ordered_json(nullptr) : ordered_json(item.host);
  j["component"] = item.component.empty() ? ordered_json(nullptr) : ordered_json(item.component);
  j["lines"] = item.lines;
  j["records"] = item.records;
  j["untimed_records"] = item.untimed_records;
  j["invalid_sequences"] = item.invalid_sequences;
  j["lines_cut"] = item.lines_cut;
  j["records_cut"] = item.records_cut;
  j["time_range"] = Range(item.first, item.last);
  return j;
}

ordered_json InputJson(const InputSummary& s) {
  ordered_json j{{"path", s.path},
                 {"sha256", s.sha256.empty() ? ordered_json(nullptr) : ordered_json(s.sha256)},
                 {"readable", s.readable},
                 {"entries", s.entries},
                 {"bytes", s.bytes},
                 {"records", s.records},
                 {"time_range", Range(s.first, s.last)}};
  ordered_json inventory = ordered_json::array(), problems = ordered_json::array();
  for (const InventoryItem& item : s.inventory) inventory.push_back(InventoryJson(item));
  for (const Problem& p : s.problems) problems.push_back({{"source", p.source}, {"message", p.message}});
  j["inventory"] = std::move(inventory);
  j["problems"] = std::move(problems);
  return j;
}

ordered_json EvidenceJson(const Evidence& e) {
  return ordered_json{{"source", e.source},   {"line", e.line},         {"time", Time(e.time)},
                      {"text", e.text},       {"context", e.context},   {"context_index", e.context_index},
                      {"host", e.host},       {"role", e.role},         {"rule_id", e.rule_id}};
}

ordered_json FindingJson(const Finding& f) {
  ordered_json episodes = ordered_json::array(), evidence = ordered_json::array();
  for (const Episode& e : f.episodes)
    episodes.push_back({{"start", Time(e.start)}, {"end", Time(e.end)}, {"count", e.count},
                        {"hosts", e.hosts}, {"ongoing", e.ongoing}});
  for (const Evidence& e : f.evidence) evidence.push_back(EvidenceJson(e));
  return ordered_json{{"rule_id", f.rule_id},
                      {"rule_ids", f.rule_ids},
                      {"error_code", f.error_code},
                      {"cause", f.cause},
                      {"severity", SeverityName(f.severity)},
                      {"title", f.title},
                      {"explanation", f.explanation},
                      {"remediation", f.remediation},
                      {"first_seen", Time(f.first_seen)},
                      {"last_seen", Time(f.last_seen)},
                      {"count", f.count},
                      {"episodes", std::move(episodes)},
                      {"hosts", f.hosts},
                      {"components", f.components},
                      {"evidence", std::move(evidence)},
                      {"evidence_omitted", f.evidence_omitted}};
}

}  // namespace

ordered_json BuildJsonReport(const ReportContext& c) {
  ordered_json report;
  report["schema_version"] = 1;
  report["tool"] = {{"name", "analyzer"}, {"version", ANALYZER_VERSION}, {"rules_digest", c.rules->digest}};
  report["lang"] = c.lang;
  ordered_json inputs = ordered_json::array(), findings = ordered_json::array(),
               notes = ordered_json::array(), verdicts = ordered_json::array();
  for (const InputSummary& s : *c.inputs) inputs.push_back(InputJson(s));
  for (const Finding& f : c.findings->incidents) findings.push_back(FindingJson(f));
  for (const Finding& f : c.findings->notes) notes.push_back(FindingJson(f));
  for (const Verdict& v : c.findings->verdicts) {
    ordered_json j{{"error_code", v.error_code}, {"status", v.status}};
    if (!v.reason.empty()) j["reason"] = v.reason;
    verdicts.push_back(std::move(j));
  }
  report["inputs"] = std::move(inputs);
  report["verdicts"] = std::move(verdicts);
  report["findings"] = std::move(findings);
  report["notes"] = std::move(notes);
  return report;
}

std::string RenderJsonReport(const ReportContext& c) {
  // Invalid UTF-8 cannot reach here (the decoder replaced it), but replace
  // rather than throw if it ever does.
  return BuildJsonReport(c).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace analyzer
