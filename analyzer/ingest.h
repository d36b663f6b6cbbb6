// Ingest: one input (bundle, directory or file) to a stream of records plus
// the input's summary: its inventory, its problems, its time range.
//
//   IngestOptions opt{&formats, TimeZone::Utc(), Limits()};
//   InputSummary s = IngestInput("bundle.zip", opt, my_record_sink);
//
// Records reach the sink in the order the entries appear in the bundle
// (directories: sorted by path); nothing is collected here but the summary.
// Inventory and problems are sorted by source.
#pragma once

#include <string>
#include <vector>

#include "format_set.h"
#include "inventory.h"
#include "read_limits.h"
#include "record.h"
#include "time_zone.h"

namespace analyzer {

struct IngestOptions {
  const FormatSet* formats = nullptr;
  TimeZone assumed_zone = TimeZone::Utc();
  Limits limits;
  bool digest = true;  // compute the input file's SHA-256
  // Parse level and message of every record. Off, formats that open with
  // their timestamp take a much cheaper path; host and component still
  // come from the path, or from captures where the path names none.
  bool want_fields = true;
};

struct InputSummary {
  std::string path;
  std::string sha256;  // "" for directories
  bool readable = false;
  uint64_t entries = 0, bytes = 0, records = 0;
  UtcTime first, last;
  std::vector<InventoryItem> inventory;  // sorted by source
  std::vector<Problem> problems;         // in the order met
};

InputSummary IngestInput(const std::string& path, const IngestOptions& options, RecordSink& out);

// The same with one parsing thread per sink (records of one file all go to
// one sink, in order; files are spread over the sinks). The summary is the
// same whatever the number of sinks.
InputSummary IngestInput(const std::string& path, const IngestOptions& options,
                         const std::vector<RecordSink*>& outs);

}  // namespace analyzer
