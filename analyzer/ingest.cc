#include "ingest.h"

#include <sys/stat.h>

#include <algorithm>

#include "bundle_reader.h"
#include "record_reader.h"
#include "sha256.h"

namespace analyzer {
namespace {

// Connects the bundle reader to the record reader and keeps the summary.
class IngestSink : public EntrySink {
 public:
  IngestSink(const IngestOptions& options, RecordSink& out, InputSummary& summary)
      : reader_(*options.formats, options.assumed_zone, options.limits), out_(out), summary_(summary) {}

  void OnFile(const EntryInfo& info, ByteSource& data) override {
    InventoryItem item = reader_.Read(info, data, out_, &summary_.problems);
    summary_.records += item.records;
    summary_.bytes += item.bytes;
    if (item.first.known() && (!summary_.first.known() || item.first < summary_.first))
      summary_.first = item.first;
    if (item.last.known() && (!summary_.last.known() || summary_.last < item.last))
      summary_.last = item.last;
    if (item.status == EntryStatus::kFailed) summary_.problems.push_back({item.source, item.reason});
    summary_.readable = true;
    summary_.inventory.push_back(std::move(item));
  }

  void OnInventory(InventoryItem item) override {
    if (item.kind == "archive" && item.status == EntryStatus::kRead) summary_.readable = true;
    if (item.status == EntryStatus::kFailed) summary_.problems.push_back({item.source, item.reason});
    summary_.inventory.push_back(std::move(item));
  }

  void OnProblem(Problem problem) override { summary_.problems.push_back(std::move(problem)); }

 private:
  RecordReader reader_;
  RecordSink& out_;
  InputSummary& summary_;
};

}  // namespace

InputSummary IngestInput(const std::string& path, const IngestOptions& options, RecordSink& out) {
  InputSummary summary;
  summary.path = path;
  struct stat st;
  if (options.digest && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
    summary.sha256 = Sha256File(path);
  IngestSink sink(options, out, summary);
  BundleReader reader(options.limits, sink);
  reader.ReadInput(path);
  summary.entries = reader.entries();
  std::stable_sort(summary.inventory.begin(), summary.inventory.end(),
                   [](const InventoryItem& a, const InventoryItem& b) { return a.source < b.source; });
  return summary;
}

}  // namespace analyzer
