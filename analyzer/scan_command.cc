// `analyzer scan`: ingest every bundle, match, correlate, report.
#include <fstream>
#include <iostream>

#include "commands.h"
#include "analysis.h"
#include "batch_rollup.h"
#include "exit_status.h"
#include "load_rules.h"
#include "report_html.h"
#include "report_json.h"
#include "setup.h"
#include "terminal_text.h"

namespace analyzer {
namespace {

bool WriteFile(const std::string& path, const std::string& text, std::ostream& err) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  if (f.good()) return true;
  err << "analyzer: cannot write " << TerminalSafe(path) << "\n";
  return false;
}

// The JSON report is streamed to its file, never held as one string: its
// inventory is 600 bytes of text per entry (60 MB for 100 000 entries).
bool WriteJsonFile(const std::string& path, const ReportContext& context, std::ostream& err) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (f && WriteJsonReport(context, f)) {
    f.close();
    if (f.good()) return true;
  }
  err << "analyzer: cannot write " << TerminalSafe(path) << "\n";
  return false;
}

void PrintSummary(const std::vector<InputSummary>& inputs, const Findings& findings, std::ostream& out) {
  for (const InputSummary& s : inputs) {
    size_t read = 0, skipped = 0, failed = 0;
    for (const auto& item : s.inventory) {
      read += item.status == EntryStatus::kRead;
      skipped += item.status == EntryStatus::kSkipped;
      failed += item.status == EntryStatus::kFailed;
    }
    out << TerminalSafe(s.path) << ": " << s.records << " records; entries " << read << " read, "
        << skipped << " skipped, " << failed << " failed; " << s.problems.size() << " problem(s)\n";
  }
  for (const Finding& f : findings.incidents) {
    out << "  " << SeverityName(f.severity) << " " << TerminalSafe(f.error_code) << " ("
        << TerminalSafe(f.cause) << ") "
        << FormatRfc3339(f.first_seen) << " .. " << FormatRfc3339(f.last_seen) << " on ";
    for (size_t i = 0; i < f.hosts.size(); ++i) out << (i ? ", " : "") << TerminalSafe(f.hosts[i]);
    out << " [" << f.count << " occurrence(s), " << f.episodes.size() << " episode(s)]\n";
  }
  if (findings.incidents.empty()) out << "  no usage error found\n";
  for (const Verdict& v : findings.verdicts)
    if (v.status == "not_evaluated")
      out << "  " << TerminalSafe(v.error_code) << ": not evaluated (" << TerminalSafe(v.reason)
          << ")\n";
}

int ExitStatusFor(const CliOptions& options, const Findings& findings, std::ostream& err) {
  if (options.fail_on == "none") return kExitOk;
  Severity threshold;
  if (!ParseSeverity(options.fail_on, &threshold)) {
    err << "analyzer: --fail-on must be info, low, medium, high, critical or none\n";
    return kExitUsage;
  }
  for (const Finding& f : findings.incidents)
    if (f.severity >= threshold) return kExitFindings;
  for (const Finding& f : findings.notes)
    if (f.severity >= threshold) return kExitFindings;
  return kExitOk;
}

}  // namespace

int RunScan(const CliOptions& options, const std::string& data_dir, std::ostream& out,
            std::ostream& err) {
  Setup setup;
  RuleSet rules;
  FindingOptions finding_options;
  finding_options.lang = options.lang;
  if (!ParseDuration(options.episode_gap, &finding_options.episode_gap_ticks)) {
    err << "analyzer: --episode-gap '" << TerminalSafe(options.episode_gap) << "' is not a duration (15m)\n";
    return kExitUsage;
  }
  if (!PrepareSetup(options, data_dir, &setup, err) || !LoadRules(data_dir, options.rules_dirs, &rules, err))
    return kExitUsage;
  AnalysisRequest request{options.inputs, setup.ingest, &rules, finding_options, setup.from, setup.to,
                          options.threads};
  const AnalysisResult result = Analyze(request);
  const std::vector<InputSummary>& inputs = result.inputs;
  const Findings& findings = result.findings;
  ReportContext context{&rules, &inputs, &findings, options.lang};
  const bool json_to_stdout = options.json_out == "-";
  if (json_to_stdout) WriteJsonReport(context, out);
  else if (!options.json_out.empty() && !WriteJsonFile(options.json_out, context, err))
    return kExitUsage;
  if (!options.html_out.empty() && !WriteFile(options.html_out, RenderHtmlReport(context), err))
    return kExitUsage;
  if (!options.sarif_out.empty() || !options.junit_out.empty()) {
    const BatchSettings settings{options.assume_tz, setup.from.known() ? FormatRfc3339(setup.from) : "",
                                 setup.to.known() ? FormatRfc3339(setup.to) : "", options.episode_gap};
    std::vector<std::string> errors;
    if (!WriteCiFiles(ScanSummary(options.inputs, result, rules, options.lang, settings),
                      {"", options.sarif_out, options.junit_out}, &errors)) {
      for (const std::string& e : errors) err << "analyzer: " << e << "\n";
      return kExitUsage;
    }
  }
  if (!options.quiet) PrintSummary(inputs, findings, json_to_stdout ? err : out);
  if (!result.any_readable) return kExitNoInput;
  return ExitStatusFor(options, findings, err);
}

}  // namespace analyzer
