// `analyzer merge`: joins the output directories of `batch --shard K/N`
// runs into one: the per-bundle reports are linked (or copied) into --out
// DIR, and the roll-up is rendered from the shards' summaries, identical to
// what one batch over every input writes.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "batch_files.h"
#include "batch_merge.h"
#include "batch_rollup.h"
#include "batch_summary_json.h"
#include "commands.h"
#include "exit_status.h"
#include "terminal_text.h"

namespace analyzer {
namespace {

struct Part {
  std::string dir;     // where its per-bundle reports are
  std::string origin;  // its summary.json, for messages
  BatchSummary summary;
};

// DIR (its summary.json) or the path of a summary file itself.
bool ReadPart(const std::string& arg, Part* part, std::string* error) {
  std::error_code ec;
  const bool is_dir = std::filesystem::is_directory(arg, ec);
  part->dir = is_dir ? arg : std::filesystem::path(arg).parent_path().string();
  if (part->dir.empty()) part->dir = ".";
  part->origin = is_dir ? arg + "/summary.json" : arg;
  std::ifstream in(part->origin, std::ios::binary);
  if (!in) return *error = part->origin + ": cannot read (is it the --out DIR of a batch?)", false;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return ParseSummaryJson(text, part->origin, &part->summary, error);
}

// Puts every bundle's reports into `out_dir`, from the part that has it.
void PlaceReports(const std::vector<Part>& parts, const std::string& out_dir,
                  std::vector<std::string>* errors) {
  for (const Part& p : parts)
    for (const BundleSummary& b : p.summary.bundles)
      for (const std::string* file : {&b.json_report, &b.html_report}) {
        std::string error;
        if (!file->empty() && !PlaceFile(p.dir + "/" + *file, out_dir + "/" + *file, &error))
          errors->push_back(error);
      }
}

}  // namespace

int RunMerge(const CliOptions& options, std::ostream& out, std::ostream& err) {
  bool fail_on = false;
  Severity threshold = Severity::kHigh;
  std::string error;
  std::vector<Part> parts(options.inputs.size());
  std::vector<BatchSummary> summaries;
  std::vector<std::string> origins;
  if (!ParseFailOn(options.fail_on, &fail_on, &threshold, &error))
    return err << "analyzer: " << TerminalSafe(error) << "\n", kExitUsage;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!ReadPart(options.inputs[i], &parts[i], &error))
      return err << "analyzer: " << TerminalSafe(error) << "\n", kExitUsage;
    summaries.push_back(parts[i].summary);
    origins.push_back(parts[i].origin);
  }
  BatchSummary merged;
  if (!MergeSummaries(std::move(summaries), origins, &merged, &error) ||
      !MakeDirectory(options.out_dir, &error))
    return err << "analyzer: " << TerminalSafe(error) << "\n", kExitUsage;
  std::vector<std::string> errors;
  PlaceReports(parts, options.out_dir, &errors);
  WriteRollup(merged, {options.out_dir, options.sarif_out, options.junit_out}, &errors);
  for (const std::string& e : errors) err << "analyzer: " << TerminalSafe(e) << "\n";
  if (!options.quiet)
    out << merged.bundles.size() << " bundle(s) from " << parts.size() << " part(s); see "
        << TerminalSafe(options.out_dir) << "/index.html\n";
  if (!errors.empty()) return kExitUsage;
  return BatchExitStatus(merged, fail_on, threshold);
}

}  // namespace analyzer
