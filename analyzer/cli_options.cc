#include "cli_options.h"

#include <boost/program_options.hpp>
#include <sstream>

namespace analyzer {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: analyzer <command> [options]\n"
    "\n"
    "commands:\n"
    "  records BUNDLE...   print every record as JSON Lines (time, source, line, host,\n"
    "                      component, level, text); --inventory prints the entries instead\n"
    "  scan BUNDLE...      run the rule packs and report the usage errors found\n"
    "  rules list|test|lint  show, test (examples) or validate the loaded rule packs\n"
    "  rules needles       print the literals the prefilter looks for (for grep baselines)\n"
    "  batch INPUT... --out DIR  analyze many bundles in parallel: DIR/<name>.json and .html per\n"
    "                      bundle, DIR/summary.json and DIR/index.html for all; --sarif, --junit\n"
    "  merge DIR... --out DIR    join the outputs of `batch --shard K/N` runs into one roll-up\n"
    "\n"
    "BUNDLE is a .zip, .tar, .tar.gz/.tgz, .7z, a single log file (also .gz) or a directory.\n"
    "INPUT (batch) is a bundle, a directory of bundles, a glob (quoted or not) or @FILE, a list\n"
    "of those, one per line (# comments).\n"
    "\n"
    "exit status: 0 ran (no finding at or above --fail-on); 1 a finding at or above\n"
    "--fail-on (batch: in any bundle); 2 usage, rule or format error, or an output that\n"
    "cannot be written; 3 no input (batch: no bundle) could be read.\n";

po::options_description Describe(CliOptions* o) {
  po::options_description common("options");
  common.add_options()
      ("help,h", "show this help")
      ("rules", po::value(&o->rules_dirs)->composing(),
       "directory of rule packs added to the shipped ones (a pack with the same name replaces it)")
      ("data-dir", po::value(&o->data_dir), "where the shipped rules/ directory is")
      ("assume-tz", po::value(&o->assume_tz)->default_value("UTC"),
       "zone for timestamps written without one: +01:00, -0530, UTC or an IANA name")
      ("from", po::value(&o->from), "only records at or after this time (RFC 3339)")
      ("to", po::value(&o->to), "only records before this time (RFC 3339)")
      ("inventory", po::bool_switch(&o->inventory), "records: print the inventory of entries")
      ("json", po::value(&o->json_out), "scan: write the JSON report to FILE, or - for stdout")
      ("html", po::value(&o->html_out), "scan: write the HTML report to FILE")
      ("lang", po::value(&o->lang)->default_value("en"), "report language: en or fr")
      ("fail-on", po::value(&o->fail_on)->default_value("none"),
       "exit 1 when a finding is at least this severe: info, low, medium, high, critical, none")
      ("episode-gap", po::value(&o->episode_gap)->default_value("15m"),
       "occurrences closer than this belong to one episode")
      ("threads", po::value(&o->threads)->default_value(0),
       "parsing threads per bundle (0: one per core; batch: 1, its -j bundles keep the cores "
       "busy); the report does not depend on it")
      ("quiet,q", po::bool_switch(&o->quiet), "no summary, no progress line");
  po::options_description batch("batch and merge");
  batch.add_options()
      ("out", po::value(&o->out_dir), "output directory (created if needed)")
      ("jobs,j", po::value(&o->jobs)->default_value(0),
       "batch: bundles analyzed at once (0: every core)")
      ("shard", po::value(&o->shard),
       "batch: only the inputs of share K of N (1-based): FNV-1a-64(path) % N == K-1")
      ("sarif", po::value(&o->sarif_out), "write the results as SARIF 2.1.0 to FILE")
      ("junit", po::value(&o->junit_out), "write the results as JUnit XML to FILE");
  common.add(batch);
  po::options_description limits("limits (each has a default; hitting one is reported)");
  Limits& l = o->limits;
  limits.add_options()
      ("max-depth", po::value(&l.max_depth)->default_value(l.max_depth), "archive nesting depth")
      ("max-expansion-ratio", po::value(&l.max_expansion_ratio)->default_value(l.max_expansion_ratio),
       "decompressed bytes per compressed byte in one archive")
      ("max-total-bytes", po::value(&l.max_total_bytes)->default_value(l.max_total_bytes),
       "decompressed bytes per input")
      ("max-line-bytes", po::value(&l.max_line_bytes)->default_value(l.max_line_bytes),
       "longer lines are cut")
      ("max-record-bytes", po::value(&l.max_record_bytes)->default_value(l.max_record_bytes),
       "longer multi-line records are cut")
      ("max-entries", po::value(&l.max_entries)->default_value(l.max_entries), "entries per input")
      ("max-in-memory-archive",
       po::value(&l.max_in_memory_archive)->default_value(l.max_in_memory_archive),
       "largest nested archive loaded into memory (7z must be)");
  common.add(limits);
  return common;
}

// The flags of batch and merge are refused by the other commands, not ignored.
bool ValidateBatchFlags(const CliOptions& o, std::string* message) {
  const bool many = o.command == "batch" || o.command == "merge";
  if (many && o.out_dir.empty()) return *message = o.command + " needs --out DIR", false;
  if (many && (!o.json_out.empty() || !o.html_out.empty()))
    return *message = o.command + " writes into --out DIR: --json and --html are for scan", false;
  const bool batch_only = !o.out_dir.empty() || !o.shard.empty();
  if (!many && batch_only) return *message = "--out and --shard are for batch and merge", false;
  if (!many && o.command != "scan" && (!o.sarif_out.empty() || !o.junit_out.empty()))
    return *message = "--sarif and --junit are for scan, batch and merge", false;
  if (o.command == "merge" && !o.shard.empty()) return *message = "merge takes no --shard", false;
  if (o.jobs < 0) return *message = "-j must be 0 (every core) or more", false;
  return true;
}

bool Validate(const CliOptions& o, std::string* message) {
  if (o.lang != "en" && o.lang != "fr") return *message = "--lang must be en or fr", false;
  if (o.limits.max_depth < 1) return *message = "--max-depth must be at least 1", false;
  if (o.limits.max_expansion_ratio < 1) return *message = "--max-expansion-ratio must be >= 1", false;
  if (o.limits.max_line_bytes < 64 || o.limits.max_record_bytes < 64)
    return *message = "--max-line-bytes and --max-record-bytes must be at least 64", false;
  if (!ValidateBatchFlags(o, message)) return false;
  if (o.command == "rules") {
    if (o.subcommand != "list" && o.subcommand != "test" && o.subcommand != "lint" &&
        o.subcommand != "needles")
      return *message = "rules needs list, test, lint or needles", false;
  } else if (o.inputs.empty()) {
    const char* what = o.command == "merge" ? "DIR" : o.command == "batch" ? "INPUT" : "BUNDLE";
    return *message = o.command + " needs at least one " + what, false;
  }
  return true;
}

}  // namespace

ParseOutcome ParseCommandLine(int argc, const char* const* argv, CliOptions* out,
                              std::string* message) {
  po::options_description desc = Describe(out);
  std::ostringstream help;
  help << kUsage << "\n" << desc;
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h" ||
      std::string(argv[1]) == "help") {
    *message = help.str();
    return argc < 2 ? ParseOutcome::kError : ParseOutcome::kHelp;
  }
  out->command = argv[1];
  if (out->command != "records" && out->command != "scan" && out->command != "rules" &&
      out->command != "batch" && out->command != "merge") {
    *message = "unknown command '" + out->command + "'\n\n" + kUsage;
    return ParseOutcome::kError;
  }
  std::vector<std::string> positional;
  po::options_description all = desc;
  all.add_options()("positional", po::value(&positional)->composing(), "");
  po::positional_options_description pos;
  pos.add("positional", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc - 1, argv + 1).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    *message = std::string(e.what()) + "\n(see analyzer --help)";
    return ParseOutcome::kError;
  }
  if (vm.count("help")) return *message = help.str(), ParseOutcome::kHelp;
  if (out->command == "rules" && !positional.empty()) {
    out->subcommand = positional.front();
    positional.erase(positional.begin());
  }
  out->inputs = positional;
  if (!Validate(*out, message)) return ParseOutcome::kError;
  return ParseOutcome::kRun;
}

}  // namespace analyzer
