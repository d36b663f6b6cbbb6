// `analyzer records`: the merged record stream as JSON Lines, or with
// --inventory the inventory of every entry.
#include <iostream>

#include "commands.h"
#include "exit_status.h"
#include "json_text.h"
#include "setup.h"
#include "terminal_text.h"

namespace analyzer {
namespace {

class JsonLinesWriter : public RecordSink {
 public:
  JsonLinesWriter(const Setup& setup, std::ostream& out) : setup_(setup), out_(out) {}

  void OnRecord(const Record& r) override {
    if (!setup_.InRange(r.time)) return;
    line_.clear();
    line_.append("{\"time\":");
    AppendJsonTime(&line_, r.time);
    line_.append(",\"source\":");
    AppendJsonString(&line_, r.source);
    line_.append(",\"line\":").append(std::to_string(r.line));
    AppendField("host", r.host);
    AppendField("component", r.component);
    AppendField("level", r.level);
    line_.append(",\"text\":");
    AppendJsonString(&line_, r.text);
    line_.append("}\n");
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  }

 private:
  void AppendField(const char* name, std::string_view value) {
    line_.append(",\"").append(name).append("\":");
    if (value.empty()) line_.append("null");
    else AppendJsonString(&line_, value);
  }
  const Setup& setup_;
  std::ostream& out_;
  std::string line_;  // reused: no allocation per record once grown
};

class NullSink : public RecordSink {
 public:
  void OnRecord(const Record&) override {}
};

// Every string goes through AppendJsonString, format names too: they come
// from --rules DIR files, and this line may be read on a terminal.
void WriteInventoryLine(const InventoryItem& item, std::ostream& out) {
  std::string s = "{\"source\":";
  AppendJsonString(&s, item.source);
  s += ",\"kind\":", AppendJsonString(&s, item.kind);
  s += ",\"status\":", AppendJsonString(&s, EntryStatusName(item.status));
  if (!item.reason.empty()) s += ",\"reason\":", AppendJsonString(&s, item.reason);
  if (item.kind == "archive") s += ",\"entries\":" + std::to_string(item.entries);
  if (!item.format.empty()) {
    s += ",\"format\":", AppendJsonString(&s, item.format);
    s += ",\"encoding\":", AppendJsonString(&s, item.encoding);
    s += ",\"zone\":", AppendJsonString(&s, item.zone);
    s += std::string(",\"zone_assumed\":") + (item.zone_assumed ? "true" : "false");
    s += ",\"lines\":" + std::to_string(item.lines) + ",\"records\":" + std::to_string(item.records);
  }
  s += ",\"bytes\":" + std::to_string(item.bytes) + "}\n";
  out << s;
}

}  // namespace

int RunRecords(const CliOptions& options, const std::string& data_dir, std::ostream& out,
               std::ostream& err) {
  Setup setup;
  if (!PrepareSetup(options, data_dir, &setup, err)) return kExitUsage;
  bool any = false;
  for (const std::string& input : options.inputs) {
    JsonLinesWriter writer(setup, out);
    NullSink discard;
    RecordSink& sink = options.inventory ? static_cast<RecordSink&>(discard) : writer;
    const InputSummary s = IngestInput(input, setup.ingest, sink);
    any |= s.readable;
    if (options.inventory)
      for (const InventoryItem& item : s.inventory) WriteInventoryLine(item, out);
    for (const Problem& p : s.problems)
      err << "analyzer: " << TerminalSafe(p.source) << ": " << TerminalSafe(p.message) << "\n";
  }
  out.flush();
  return any ? kExitOk : kExitNoInput;
}

}  // namespace analyzer
