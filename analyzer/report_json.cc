#include "report_json.h"

#include <sstream>

#include "report_json_writer.h"

namespace analyzer {
namespace {

#ifndef ANALYZER_VERSION
#define ANALYZER_VERSION "0.0.0"
#endif

// The field order below is the report's: readers diff reports, and the
// expected reports of tests/cli are compared byte for byte.

void WriteRange(JsonWriter& w, UtcTime start, UtcTime end) {
  w.BeginObject();
  w.Key("start").Time(start);
  w.Key("end").Time(end);
  w.EndObject();
}

// What was made of a text file: only text files have a format.
void WriteTextFacts(JsonWriter& w, const InventoryItem& item) {
  w.Key("format").String(item.format);
  w.Key("encoding").String(item.encoding);
  w.Key("zone").String(item.zone);
  w.Key("zone_assumed").Bool(item.zone_assumed);
  w.Key("host").StringOrNull(item.host);
  w.Key("component").StringOrNull(item.component);
  w.Key("lines").Uint(item.lines);
  w.Key("records").Uint(item.records);
  w.Key("untimed_records").Uint(item.untimed_records);
  w.Key("invalid_sequences").Uint(item.invalid_sequences);
  w.Key("lines_cut").Uint(item.lines_cut);
  w.Key("records_cut").Uint(item.records_cut);
  w.Key("time_range");
  WriteRange(w, item.first, item.last);
}

void WriteInventoryItem(JsonWriter& w, const InventoryItem& item) {
  w.BeginObject();
  w.Key("source").String(item.source);
  w.Key("status").String(EntryStatusName(item.status));
  w.Key("kind").String(item.kind);
  if (!item.reason.empty()) w.Key("reason").String(item.reason);
  w.Key("bytes").Uint(item.bytes);
  if (item.kind == "archive") w.Key("entries").Uint(item.entries);
  if (!item.format.empty()) WriteTextFacts(w, item);
  w.EndObject();
}

void WriteInput(JsonWriter& w, const InputSummary& s) {
  w.BeginObject();
  w.Key("path").String(s.path);
  w.Key("sha256").StringOrNull(s.sha256);
  w.Key("readable").Bool(s.readable);
  w.Key("entries").Uint(s.entries);
  w.Key("bytes").Uint(s.bytes);
  w.Key("records").Uint(s.records);
  w.Key("time_range");
  WriteRange(w, s.first, s.last);
  w.Key("inventory").BeginArray();
  for (const InventoryItem& item : s.inventory) WriteInventoryItem(w, item);
  w.EndArray();
  w.Key("problems").BeginArray();
  for (const Problem& p : s.problems) {
    w.BeginObject();
    w.Key("source").String(p.source);
    w.Key("message").String(p.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteEvidence(JsonWriter& w, const Evidence& e) {
  w.BeginObject();
  w.Key("source").String(e.source);
  w.Key("line").Uint(e.line);
  w.Key("time").Time(e.time);
  w.Key("text").String(e.text);
  w.Key("context").Strings(e.context);
  w.Key("context_index").Uint(e.context_index);
  w.Key("host").String(e.host);
  w.Key("role").String(e.role);
  w.Key("rule_id").String(e.rule_id);
  w.EndObject();
}

void WriteEpisode(JsonWriter& w, const Episode& e) {
  w.BeginObject();
  w.Key("start").Time(e.start);
  w.Key("end").Time(e.end);
  w.Key("count").Uint(e.count);
  w.Key("hosts").Strings(e.hosts);
  w.Key("ongoing").Bool(e.ongoing);
  w.EndObject();
}

void WriteFinding(JsonWriter& w, const Finding& f) {
  w.BeginObject();
  w.Key("rule_id").String(f.rule_id);
  w.Key("rule_ids").Strings(f.rule_ids);
  w.Key("error_code").String(f.error_code);
  w.Key("cause").String(f.cause);
  w.Key("severity").String(SeverityName(f.severity));
  w.Key("title").String(f.title);
  w.Key("explanation").String(f.explanation);
  w.Key("remediation").String(f.remediation);
  w.Key("first_seen").Time(f.first_seen);
  w.Key("last_seen").Time(f.last_seen);
  w.Key("count").Uint(f.count);
  w.Key("episodes").BeginArray();
  for (const Episode& e : f.episodes) WriteEpisode(w, e);
  w.EndArray();
  w.Key("hosts").Strings(f.hosts);
  w.Key("components").Strings(f.components);
  w.Key("evidence").BeginArray();
  for (const Evidence& e : f.evidence) WriteEvidence(w, e);
  w.EndArray();
  w.Key("evidence_omitted").Uint(f.evidence_omitted);
  w.EndObject();
}

void WriteFindings(JsonWriter& w, const std::vector<Finding>& findings) {
  w.BeginArray();
  for (const Finding& f : findings) WriteFinding(w, f);
  w.EndArray();
}

void WriteVerdicts(JsonWriter& w, const std::vector<Verdict>& verdicts) {
  w.BeginArray();
  for (const Verdict& v : verdicts) {
    w.BeginObject();
    w.Key("error_code").String(v.error_code);
    w.Key("status").String(v.status);
    if (!v.reason.empty()) w.Key("reason").String(v.reason);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

bool WriteJsonReport(const ReportContext& c, std::ostream& out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("schema_version").Uint(1);
  w.Key("tool").BeginObject();
  w.Key("name").String("analyzer");
  w.Key("version").String(ANALYZER_VERSION);
  w.Key("rules_digest").String(c.rules->digest);
  w.EndObject();
  w.Key("lang").String(c.lang);
  w.Key("inputs").BeginArray();
  for (const InputSummary& s : *c.inputs) WriteInput(w, s);
  w.EndArray();
  w.Key("verdicts");
  WriteVerdicts(w, c.findings->verdicts);
  w.Key("findings");
  WriteFindings(w, c.findings->incidents);
  w.Key("notes");
  WriteFindings(w, c.findings->notes);
  w.EndObject();
  return w.Finish();
}

std::string RenderJsonReport(const ReportContext& c) {
  std::ostringstream out;
  WriteJsonReport(c, out);
  return out.str();
}

}  // namespace analyzer
