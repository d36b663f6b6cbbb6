#include "sarif.h"

#include <cctype>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "json_text.h"

#ifndef ANALYZER_VERSION
#define ANALYZER_VERSION "0.0.0"
#endif

namespace analyzer {
namespace {

using nlohmann::ordered_json;

ordered_json Message(const std::string& text) { return {{"text", text}}; }

ordered_json RuleJson(const RuleInfo& r) {
  ordered_json properties{{"error_code", r.error_code}, {"severity", SeverityName(r.severity)}};
  if (!r.cause.empty()) properties["cause"] = r.cause;
  return {{"id", r.id},
          {"shortDescription", Message(r.title.empty() ? r.error_code : r.title)},
          {"fullDescription", Message(r.description.empty() ? r.title : r.description)},
          {"help", Message(r.remediation)},
          {"defaultConfiguration", {{"level", SarifLevel(r.severity)}}},
          {"properties", std::move(properties)}};
}

ordered_json Location(const std::string& source, uint64_t line) {
  ordered_json physical{{"artifactLocation", {{"uri", SarifUri(source)}}}};
  if (line > 0) physical["region"] = {{"startLine", line}};
  return {{"physicalLocation", std::move(physical)}};
}

ordered_json ResultJson(const BundleSummary& b, const SummaryFinding& f,
                        const std::map<std::string, size_t>& index) {
  ordered_json r{{"ruleId", f.rule_id}};
  if (auto it = index.find(f.rule_id); it != index.end()) r["ruleIndex"] = it->second;
  r["kind"] = "fail";
  r["level"] = SarifLevel(f.severity);
  r["message"] = Message(b.name + ": " + DescribeFinding(f));
  const SummaryEvidence* first = nullptr;  // the first occurrence, else the first line
  for (const SummaryEvidence& e : f.evidence)
    if (!first || (first->role != "occurrence" && e.role == "occurrence")) first = &e;
  r["locations"] =
      ordered_json::array({first ? Location(first->source, first->line) : Location(b.path, 0)});
  r["properties"] = {{"bundle", b.name},
                     {"bundle_path", b.path},
                     {"error_code", f.error_code},
                     {"cause", f.cause},
                     {"severity", SeverityName(f.severity)},
                     {"first_seen", f.first_seen},
                     {"last_seen", f.last_seen},
                     {"hosts", f.hosts},
                     {"count", f.count},
                     {"episodes", f.episodes},
                     {"ongoing", f.ongoing}};
  return r;
}

ordered_json Invocation(const BatchSummary& s) {
  ordered_json notes = ordered_json::array();
  for (const BundleSummary& b : s.bundles) {
    if (b.ok) continue;
    notes.push_back({{"level", "error"},
                     {"message", Message("bundle " + b.name + " could not be read: " + b.error)},
                     {"locations", ordered_json::array({Location(b.path, 0)})},
                     {"descriptor", {{"id", "bundle-unreadable"}}}});
  }
  return {{"executionSuccessful", notes.empty()}, {"toolExecutionNotifications", std::move(notes)}};
}

ordered_json Artifacts(const BatchSummary& s) {
  ordered_json out = ordered_json::array();
  for (const BundleSummary& b : s.bundles) {
    ordered_json a{{"location", {{"uri", SarifUri(b.path)}}}};
    if (!b.sha256.empty()) a["hashes"] = {{"sha-256", b.sha256}};
    out.push_back(std::move(a));
  }
  return out;
}

ordered_json Driver(const BatchSummary& s) {
  ordered_json rules = ordered_json::array();
  for (const RuleInfo& r : s.rules) rules.push_back(RuleJson(r));
  ordered_json notification{
      {"id", "bundle-unreadable"},
      {"shortDescription", Message("A bundle could not be read or analyzed.")},
      {"defaultConfiguration", {{"level", "error"}}}};
  return {{"name", "analyzer"},
          {"version", s.tool_version.empty() ? std::string(ANALYZER_VERSION) : s.tool_version},
          {"notifications", ordered_json::array({std::move(notification)})},
          {"rules", std::move(rules)}};
}

}  // namespace

const char* SarifLevel(Severity s) {
  switch (s) {
    case Severity::kCritical:
    case Severity::kHigh:
      return "error";
    case Severity::kMedium:
      return "warning";
    default:
      return "note";
  }
}

std::string SarifUri(std::string_view path) {
  static const std::string kKeep = "-._~!$&'()*+,;=/@";
  std::string out;
  for (unsigned char c : path) {
    if (c < 0x80 && (std::isalnum(c) || kKeep.find(static_cast<char>(c)) != std::string::npos)) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string RenderSarif(const BatchSummary& s) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < s.rules.size(); ++i) index.emplace(s.rules[i].id, i);
  ordered_json results = ordered_json::array();
  for (const BundleSummary& b : s.bundles)
    for (const SummaryFinding& f : b.findings) results.push_back(ResultJson(b, f, index));
  ordered_json run{{"tool", {{"driver", Driver(s)}}},
                   {"invocations", ordered_json::array({Invocation(s)})},
                   {"artifacts", Artifacts(s)},
                   {"results", std::move(results)},
                   {"properties", {{"rules_digest", s.rules_digest}, {"lang", s.lang}}}};
  ordered_json doc{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", ordered_json::array({std::move(run)})}};
  std::string text = doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  EscapeJsonControls(&text);  // names and hosts from the bundle may hold C1 controls
  return text;
}

}  // namespace analyzer
