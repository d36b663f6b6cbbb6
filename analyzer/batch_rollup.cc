#include "batch_rollup.h"

#include <algorithm>

#include "batch_files.h"
#include "batch_index_html.h"
#include "batch_summary_json.h"
#include "exit_status.h"
#include "junit.h"
#include "sarif.h"

namespace analyzer {
namespace {

void Write(const std::string& path, const std::string& text, std::vector<std::string>* errors) {
  std::string error;
  if (!WriteTextFile(path, text, &error)) errors->push_back(error);
}

}  // namespace

bool WriteRollup(const BatchSummary& summary, const RollupFiles& files,
                 std::vector<std::string>* errors) {
  const size_t before = errors->size();
  Write(files.out_dir + "/summary.json", RenderSummaryJson(summary), errors);
  Write(files.out_dir + "/index.html", RenderBatchIndex(summary), errors);
  return WriteCiFiles(summary, files, errors) && errors->size() == before;
}

bool WriteCiFiles(const BatchSummary& summary, const RollupFiles& files,
                  std::vector<std::string>* errors) {
  const size_t before = errors->size();
  if (!files.sarif.empty()) Write(files.sarif, RenderSarif(summary), errors);
  if (!files.junit.empty()) Write(files.junit, RenderJunit(summary), errors);
  return errors->size() == before;
}

bool ParseFailOn(const std::string& text, bool* enabled, Severity* threshold, std::string* error) {
  *enabled = text != "none";
  if (!*enabled || ParseSeverity(text, threshold)) return true;
  *error = "--fail-on must be info, low, medium, high, critical or none";
  return false;
}

int BatchExitStatus(const BatchSummary& summary, bool enabled, Severity threshold) {
  const auto& b = summary.bundles;
  if (std::none_of(b.begin(), b.end(), [](const BundleSummary& x) { return x.ok; }))
    return kExitNoInput;
  if (enabled && std::any_of(b.begin(), b.end(), [&](const BundleSummary& x) {
        return HasFindingAtOrAbove(x, threshold);
      }))
    return kExitFindings;
  return kExitOk;
}

}  // namespace analyzer
