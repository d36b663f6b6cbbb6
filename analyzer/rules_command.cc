// `analyzer rules list|test|lint`.
#include <iomanip>
#include <iostream>

#include "commands.h"
#include "exit_status.h"
#include "rule_needles.h"
#include "load_rules.h"
#include "rule_examples.h"
#include "setup.h"
#include "terminal_text.h"

namespace analyzer {
namespace {

void List(const RuleSet& rules, std::ostream& out) {
  out << "rules_digest " << rules.digest << "\n";
  for (const auto& pack : rules.packs) {
    out << "pack " << TerminalSafe(pack->name) << " " << TerminalSafe(pack->version) << " ("
        << TerminalSafe(pack->file) << "): "
        << pack->rules.size() << " rules\n";
    for (const auto& r : pack->rules) {
      out << "  " << std::left << std::setw(44) << TerminalSafe(r->id) << std::setw(10) << RuleKindName(r->kind);
      if (r->report)
        out << "-> " << TerminalSafe(r->report->error_code) << "/"
            << (r->report->cause.empty() ? "derived" : TerminalSafe(r->report->cause));
      out << "\n";
    }
  }
}

}  // namespace

int RunRules(const CliOptions& options, const std::string& data_dir, std::ostream& out,
             std::ostream& err) {
  RuleSet rules;
  const bool rules_ok = LoadRules(data_dir, options.rules_dirs, &rules, err);
  if (options.subcommand == "needles") {
    if (!rules_ok) return kExitUsage;
    // Rule packs are hand-edited input: no control byte reaches the terminal.
    for (const std::string& needle : RuleNeedles(rules)) out << TerminalSafe(needle) << "\n";
    return kExitOk;
  }
  if (options.subcommand == "list") {
    if (!rules_ok) return kExitUsage;
    List(rules, out);
    return kExitOk;
  }
  Setup setup;
  const bool formats_ok = PrepareSetup(options, data_dir, &setup, err);
  if (!rules_ok || !formats_ok) return kExitUsage;
  if (options.subcommand == "lint") {
    out << rules.rules.size() << " rules in " << rules.packs.size() << " pack(s), "
        << setup.formats.formats().size() << " log formats: no problem found\n";
    return kExitOk;
  }
  ExampleReport rule_report = RunRuleExamples(rules);
  ExampleReport format_report = RunFormatSamples(setup.formats);
  for (const std::string& f : rule_report.failures) out << "FAIL " << TerminalSafe(f) << "\n";
  for (const std::string& f : format_report.failures) out << "FAIL " << TerminalSafe(f) << "\n";
  const size_t failed = rule_report.failures.size() + format_report.failures.size();
  const size_t checked = rule_report.checked + format_report.checked;
  out << (checked - std::min(failed, checked)) << " passed, " << failed << " failed ("
      << rule_report.checked << " rule examples, " << format_report.checked << " format samples)\n";
  return failed == 0 ? kExitOk : kExitFindings;
}

}  // namespace analyzer
