// Everything a bundle will contain, decided before any byte is written: the log streams
// of each VM (records in time order), the small files, and the injected failure records
// the ground truth comes from. Building a plan is cheap (a few thousand records); the
// large scenario's padding is produced later, while writing (see filler.h).
#ifndef SAMPLES_GENERATOR_PLAN_H_
#define SAMPLES_GENERATOR_PLAN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "failure_record.h"
#include "line_format.h"
#include "log_event.h"
#include "member_file.h"
#include "scenario.h"
#include "text_encoding.h"

namespace samplegen {

enum class Rotation {
  kHourly,      // a new file at each hour of written time (name carries the first record's time)
  kSingleFile,  // one file
};

// One log of one VM, written as one or more files.
struct LogStream {
  std::string role;  // role archive: AzureBridge, UsageBridge
  int part;          // AzureBridge single files: archive part 1 or 2 (hourly files split by time)
  int vm;            // ordering key of the VM inside its role archive
  std::string path_stem;  // AzureBridge/AzS-XRP01/AzureBridge.Service
  std::string extension;  // .dtr or .log
  LogFormat format;
  TextEncoding encoding;
  bool crlf;
  Rotation rotation;
  int pid;
  bool filler;                   // large scenario: pad with verbose records
  std::vector<LogEvent> events;  // sorted by time
};

// A file produced whole, and where it goes. An empty role means the bundle's top folder.
struct PlacedFile {
  std::string role;
  int part;
  int vm;
  MemberFile file;
};

struct Plan {
  std::string top_folder;  // AzureStackLogs-20261118093000-AZS-ERCS01
  std::string stamp;       // 20261118093000
  Ticks split_time;        // AzureBridge hourly files starting before it go to part 1
  std::vector<LogStream> streams;
  std::vector<PlacedFile> files;
  std::vector<FailureRecord> failures;
};

// Deterministic in the scenario. Linear in the number of records.
Plan BuildPlan(const Scenario& scenario);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_PLAN_H_
