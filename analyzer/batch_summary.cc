#include "batch_summary.h"

#include <algorithm>
#include <set>

#include "batch_names.h"
#include "sha256.h"

#ifndef ANALYZER_VERSION
#define ANALYZER_VERSION "0.0.0"
#endif

namespace analyzer {
namespace {

std::string Time(UtcTime t) { return t.known() ? FormatRfc3339(t) : ""; }

SummaryFinding Summarize(const Finding& f) {
  SummaryFinding s;
  s.rule_id = f.rule_id;
  s.error_code = f.error_code;
  s.cause = f.cause;
  s.severity = f.severity;
  s.title = f.title;
  s.first_seen = Time(f.first_seen);
  s.last_seen = Time(f.last_seen);
  s.count = f.count;
  s.episodes = f.episodes.size();
  s.ongoing =
      std::any_of(f.episodes.begin(), f.episodes.end(), [](const Episode& e) { return e.ongoing; });
  s.hosts = f.hosts;
  for (const Evidence& e : f.evidence) {
    if (s.evidence.size() == kSummaryEvidence) break;
    s.evidence.push_back({e.source, e.line, Time(e.time), e.host, e.role, e.rule_id, e.text});
  }
  s.evidence_omitted = f.evidence_omitted + (f.evidence.size() - s.evidence.size());
  return s;
}

void AddInput(const InputSummary& in, BundleSummary* b, std::set<std::string>* hosts,
              UtcTime* first, UtcTime* last) {
  b->entries += in.entries;
  b->bytes += in.bytes;
  b->records += in.records;
  b->problems += in.problems.size();
  for (const InventoryItem& item : in.inventory) {
    b->entries_read += item.status == EntryStatus::kRead;
    b->entries_skipped += item.status == EntryStatus::kSkipped;
    b->entries_failed += item.status == EntryStatus::kFailed;
    if (!item.host.empty() && item.status == EntryStatus::kRead) hosts->insert(item.host);
  }
  if (in.first.known() && (!first->known() || in.first < *first)) *first = in.first;
  if (in.last.known() && (!last->known() || *last < in.last)) *last = in.last;
}

// Why nothing could be read: the first problem met, with its place.
std::string ReadError(const AnalysisResult& result) {
  for (const InputSummary& in : result.inputs)
    if (!in.problems.empty())
      return in.problems.front().source + ": " + in.problems.front().message;
  return "nothing could be read";
}

}  // namespace

BatchSummary NewBatchSummary(const RuleSet& rules, const std::string& lang,
                             const BatchSettings& settings) {
  BatchSummary s;
  s.tool_version = ANALYZER_VERSION;
  s.rules_digest = rules.digest;
  s.lang = lang;
  s.settings = settings;
  s.error_codes = ErrorCodes(rules);
  s.rules = DescribeRules(rules, lang);
  return s;
}

BundleSummary SummarizeBundle(const std::string& name, const std::string& path,
                              const AnalysisResult& result, const std::string& json_report,
                              const std::string& html_report) {
  BundleSummary b;
  b.name = name;
  b.path = path;
  b.ok = result.any_readable;
  if (!b.ok) b.error = ReadError(result);
  if (result.inputs.size() == 1) b.sha256 = result.inputs.front().sha256;
  b.json_report = json_report;
  b.html_report = html_report;
  std::set<std::string> hosts;
  UtcTime first, last;
  for (const InputSummary& in : result.inputs) AddInput(in, &b, &hosts, &first, &last);
  b.hosts.assign(hosts.begin(), hosts.end());
  b.first = Time(first);
  b.last = Time(last);
  b.verdicts = result.findings.verdicts;
  for (const Finding& f : result.findings.incidents) b.findings.push_back(Summarize(f));
  for (const Finding& f : result.findings.notes) b.notes.push_back(Summarize(f));
  return b;
}

BatchSummary ScanSummary(const std::vector<std::string>& inputs, const AnalysisResult& result,
                         const RuleSet& rules, const std::string& lang,
                         const BatchSettings& settings) {
  BatchSummary s = NewBatchSummary(rules, lang, settings);
  std::string path;
  for (const std::string& in : inputs) path += (path.empty() ? "" : ", ") + in;
  const std::string name = inputs.size() == 1 ? BundleBaseName(inputs.front()) : "scan";
  s.bundles.push_back(SummarizeBundle(name, path, result, "", ""));
  s.inputs_total = 1;
  return s;
}

BundleSummary FailedBundle(const std::string& name, const std::string& path,
                           const std::string& error) {
  BundleSummary b;
  b.name = name;
  b.path = path;
  b.error = error;
  b.sha256 = Sha256File(path);
  return b;
}

std::vector<RuleInfo> DescribeRules(const RuleSet& rules, const std::string& lang) {
  std::vector<RuleInfo> out;
  for (const Rule* r : rules.rules) {
    if (!r->report) continue;
    RuleInfo info{
        r->id, r->report->error_code, r->report->cause, r->report->severity, "", r->description,
        ""};
    if (auto it = rules.codes.find(info.error_code); it != rules.codes.end()) {
      const ErrorCodeText& t = *it->second;
      info.title = t.title.In(lang);
      auto c = t.cause_remediation.find(info.cause);
      info.remediation =
          c != t.cause_remediation.end() ? c->second.In(lang) : t.remediation.In(lang);
    }
    out.push_back(std::move(info));
  }
  std::sort(out.begin(), out.end(),
            [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  return out;
}

std::vector<std::string> ErrorCodes(const RuleSet& rules) {
  std::vector<std::string> out;
  for (const auto& [code, text] : rules.codes) out.push_back(code);
  return out;  // std::map: already sorted
}

void SortBundlesByName(std::vector<BundleSummary>* bundles) {
  std::sort(bundles->begin(), bundles->end(),
            [](const BundleSummary& a, const BundleSummary& b) { return a.name < b.name; });
}

bool WorstSeverity(const BundleSummary& bundle, Severity* out) {
  bool any = false;
  for (const auto* list : {&bundle.findings, &bundle.notes})
    for (const SummaryFinding& f : *list) {
      if (!any || f.severity > *out) *out = f.severity;
      any = true;
    }
  return any;
}

bool HasFindingAtOrAbove(const BundleSummary& bundle, Severity threshold) {
  Severity worst = Severity::kInfo;
  return WorstSeverity(bundle, &worst) && worst >= threshold;
}

std::string DescribeFinding(const SummaryFinding& f) {
  std::string s = f.error_code + " (" + f.cause + "): " + f.title;
  if (!s.empty() && s.back() != '.') s += ".";
  s += " First seen " + (f.first_seen.empty() ? std::string("unknown") : f.first_seen) +
       ", last seen " + (f.last_seen.empty() ? std::string("unknown") : f.last_seen);
  if (!f.hosts.empty()) {
    s += ", on ";
    for (size_t i = 0; i < f.hosts.size(); ++i) s += (i ? ", " : "") + f.hosts[i];
  }
  return s + " (" + std::to_string(f.count) + " occurrence" + (f.count == 1 ? "" : "s") + ").";
}

std::string DescribeEvidence(const SummaryEvidence& e) {
  return e.source + (e.line ? ":" + std::to_string(e.line) : "") + ": " + e.text;
}

}  // namespace analyzer
