#include "batch_summary_json.h"

#include <map>

#include "json_text.h"

namespace analyzer {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr const char* kKind = "analyzer-batch-summary";

ordered_json TextOrNull(const std::string& s) {
  return s.empty() ? ordered_json(nullptr) : ordered_json(s);
}

ordered_json EvidenceJson(const SummaryEvidence& e) {
  return {{"source", e.source}, {"line", e.line}, {"time", TextOrNull(e.time)},
          {"host", e.host},     {"role", e.role}, {"rule_id", e.rule_id},
          {"text", e.text}};
}

ordered_json FindingJson(const SummaryFinding& f) {
  ordered_json evidence = ordered_json::array();
  for (const SummaryEvidence& e : f.evidence) evidence.push_back(EvidenceJson(e));
  return {{"rule_id", f.rule_id},
          {"error_code", f.error_code},
          {"cause", f.cause},
          {"severity", SeverityName(f.severity)},
          {"title", f.title},
          {"first_seen", TextOrNull(f.first_seen)},
          {"last_seen", TextOrNull(f.last_seen)},
          {"count", f.count},
          {"episodes", f.episodes},
          {"ongoing", f.ongoing},
          {"hosts", f.hosts},
          {"evidence", std::move(evidence)},
          {"evidence_omitted", f.evidence_omitted}};
}

ordered_json FindingsJson(const std::vector<SummaryFinding>& list) {
  ordered_json out = ordered_json::array();
  for (const SummaryFinding& f : list) out.push_back(FindingJson(f));
  return out;
}

ordered_json BundleJson(const BundleSummary& b) {
  ordered_json verdicts = ordered_json::array();
  for (const Verdict& v : b.verdicts)
    verdicts.push_back(
        {{"error_code", v.error_code}, {"status", v.status}, {"reason", TextOrNull(v.reason)}});
  ordered_json reports = nullptr;
  if (!b.json_report.empty() || !b.html_report.empty())
    reports = {{"json", TextOrNull(b.json_report)}, {"html", TextOrNull(b.html_report)}};
  Severity worst = Severity::kInfo;
  return {{"name", b.name},
          {"path", b.path},
          {"sha256", TextOrNull(b.sha256)},
          {"status", b.ok ? "ok" : "failed"},
          {"error", TextOrNull(b.error)},
          {"reports", std::move(reports)},
          {"entries",
           {{"total", b.entries},
            {"read", b.entries_read},
            {"skipped", b.entries_skipped},
            {"failed", b.entries_failed}}},
          {"bytes", b.bytes},
          {"records", b.records},
          {"problems", b.problems},
          {"time_range", {{"start", TextOrNull(b.first)}, {"end", TextOrNull(b.last)}}},
          {"hosts", b.hosts},
          {"worst_severity",
           WorstSeverity(b, &worst) ? ordered_json(SeverityName(worst)) : ordered_json(nullptr)},
          {"verdicts", std::move(verdicts)},
          {"findings", FindingsJson(b.findings)},
          {"notes", FindingsJson(b.notes)}};
}

ordered_json TotalsJson(const BatchSummary& s) {
  uint64_t ok = 0, with_findings = 0, findings = 0, notes = 0;
  std::map<std::string, std::pair<uint64_t, uint64_t>> by_code;  // bundles, findings
  for (const BundleSummary& b : s.bundles) {
    ok += b.ok;
    with_findings += !b.findings.empty();
    findings += b.findings.size();
    notes += b.notes.size();
    std::map<std::string, uint64_t> here;
    for (const SummaryFinding& f : b.findings) ++here[f.error_code];
    for (const auto& [code, n] : here) ++by_code[code].first, by_code[code].second += n;
  }
  ordered_json codes = ordered_json::object();
  for (const auto& [code, n] : by_code)
    codes[code] = {{"bundles", n.first}, {"findings", n.second}};
  return {{"bundles", s.bundles.size()},
          {"ok", ok},
          {"failed", s.bundles.size() - ok},
          {"with_findings", with_findings},
          {"findings", findings},
          {"notes", notes},
          {"by_error_code", std::move(codes)}};
}

ordered_json RulesJson(const std::vector<RuleInfo>& rules) {
  ordered_json out = ordered_json::array();
  for (const RuleInfo& r : rules)
    out.push_back({{"id", r.id},
                   {"error_code", r.error_code},
                   {"cause", TextOrNull(r.cause)},
                   {"severity", SeverityName(r.severity)},
                   {"title", r.title},
                   {"description", r.description},
                   {"remediation", r.remediation}});
  return out;
}

// --- reading -------------------------------------------------------------

std::string Text(const json& v, const char* key) {
  const auto it = v.find(key);
  return it == v.end() || it->is_null() ? std::string() : it->get<std::string>();
}

uint64_t Count(const json& v, const char* key) { return v.at(key).get<uint64_t>(); }

Severity SeverityOf(const json& v, const char* key) {
  Severity s;
  if (!ParseSeverity(v.at(key).get<std::string>(), &s))
    throw std::invalid_argument(std::string("bad ") + key);
  return s;
}

SummaryFinding ReadFinding(const json& v) {
  SummaryFinding f;
  f.rule_id = Text(v, "rule_id");
  f.error_code = Text(v, "error_code");
  f.cause = Text(v, "cause");
  f.severity = SeverityOf(v, "severity");
  f.title = Text(v, "title");
  f.first_seen = Text(v, "first_seen");
  f.last_seen = Text(v, "last_seen");
  f.count = Count(v, "count");
  f.episodes = Count(v, "episodes");
  f.ongoing = v.at("ongoing").get<bool>();
  f.hosts = v.at("hosts").get<std::vector<std::string>>();
  for (const json& e : v.at("evidence"))
    f.evidence.push_back({Text(e, "source"), Count(e, "line"), Text(e, "time"), Text(e, "host"),
                          Text(e, "role"), Text(e, "rule_id"), Text(e, "text")});
  f.evidence_omitted = Count(v, "evidence_omitted");
  return f;
}

void ReadReports(const json& v, BundleSummary* b) {
  const json& r = v.at("reports");
  if (r.is_null()) return;
  b->json_report = Text(r, "json");
  b->html_report = Text(r, "html");
}

BundleSummary ReadBundle(const json& v) {
  BundleSummary b;
  b.name = Text(v, "name");
  b.path = Text(v, "path");
  b.sha256 = Text(v, "sha256");
  b.ok = Text(v, "status") == "ok";
  b.error = Text(v, "error");
  ReadReports(v, &b);
  const json& entries = v.at("entries");
  b.entries = Count(entries, "total");
  b.entries_read = Count(entries, "read");
  b.entries_skipped = Count(entries, "skipped");
  b.entries_failed = Count(entries, "failed");
  b.bytes = Count(v, "bytes");
  b.records = Count(v, "records");
  b.problems = Count(v, "problems");
  b.first = Text(v.at("time_range"), "start");
  b.last = Text(v.at("time_range"), "end");
  b.hosts = v.at("hosts").get<std::vector<std::string>>();
  for (const json& x : v.at("verdicts"))
    b.verdicts.push_back({Text(x, "error_code"), Text(x, "status"), Text(x, "reason")});
  for (const json& x : v.at("findings")) b.findings.push_back(ReadFinding(x));
  for (const json& x : v.at("notes")) b.notes.push_back(ReadFinding(x));
  return b;
}

void ReadHeader(const json& v, BatchSummary* s) {
  s->tool_version = Text(v.at("tool"), "version");
  s->rules_digest = Text(v.at("tool"), "rules_digest");
  s->lang = Text(v, "lang");
  const json& settings = v.at("settings");
  s->settings = {Text(settings, "assume_tz"), Text(settings, "from"), Text(settings, "to"),
                 Text(settings, "episode_gap")};
  const json& shard = v.at("shard");
  s->sharded = !shard.is_null();
  if (s->sharded) s->shard = {Count(shard, "index"), Count(shard, "count")};
  s->inputs_total = Count(v, "inputs_total");
  s->error_codes = v.at("error_codes").get<std::vector<std::string>>();
  for (const json& r : v.at("rules"))
    s->rules.push_back({Text(r, "id"), Text(r, "error_code"), Text(r, "cause"),
                        SeverityOf(r, "severity"), Text(r, "title"), Text(r, "description"),
                        Text(r, "remediation")});
}

}  // namespace

ordered_json SummaryToJson(const BatchSummary& s) {
  ordered_json j;
  j["schema_version"] = 1;
  j["kind"] = kKind;
  j["tool"] = {{"name", "analyzer"}, {"version", s.tool_version}, {"rules_digest", s.rules_digest}};
  j["lang"] = s.lang;
  j["settings"] = {{"assume_tz", s.settings.assume_tz},
                   {"from", TextOrNull(s.settings.from)},
                   {"to", TextOrNull(s.settings.to)},
                   {"episode_gap", s.settings.episode_gap}};
  j["shard"] = s.sharded ? ordered_json{{"index", s.shard.index}, {"count", s.shard.count}}
                         : ordered_json(nullptr);
  j["inputs_total"] = s.inputs_total;
  j["error_codes"] = s.error_codes;
  j["rules"] = RulesJson(s.rules);
  j["totals"] = TotalsJson(s);
  ordered_json bundles = ordered_json::array();
  for (const BundleSummary& b : s.bundles) bundles.push_back(BundleJson(b));
  j["bundles"] = std::move(bundles);
  return j;
}

std::string RenderSummaryJson(const BatchSummary& summary) {
  std::string text =
      SummaryToJson(summary).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  EscapeJsonControls(&text);  // as every JSON we write: no raw C1 control
  return text;
}

bool ParseSummaryJson(const std::string& text, const std::string& origin, BatchSummary* out,
                      std::string* error) {
  try {
    const json v = json::parse(text);
    if (!v.is_object() || Text(v, "kind") != kKind)
      return *error = origin + ": not a batch summary (kind is not " + kKind + ")", false;
    if (v.at("schema_version").get<int>() != 1)
      return *error =
                 origin + ": schema_version " + v.at("schema_version").dump() + " is not supported",
             false;
    BatchSummary s;
    ReadHeader(v, &s);
    for (const json& b : v.at("bundles")) s.bundles.push_back(ReadBundle(b));
    *out = std::move(s);
    return true;
  } catch (const std::exception& e) {
    *error = origin + ": " + e.what();
    return false;
  }
}

}  // namespace analyzer
