// Inventory: what happened to every entry of a bundle. Each file or archive
// member ends up exactly once as read, skipped (with why) or failed (with
// why), so a report can prove nothing was lost silently.
#pragma once

#include <cstdint>
#include <string>

#include "utc_time.h"

namespace analyzer {

enum class EntryStatus { kRead, kSkipped, kFailed };
const char* EntryStatusName(EntryStatus s);

struct InventoryItem {
  std::string source;  // the "!/" chain
  EntryStatus status = EntryStatus::kRead;
  std::string kind;    // "file" or "archive"
  std::string reason;  // why skipped or failed ("" when read)
  uint64_t bytes = 0;  // decompressed bytes seen
  // Text files only:
  std::string format, encoding, zone;
  bool zone_assumed = false;  // zone came from --assume-tz, not from the format
  std::string host, component;
  uint64_t lines = 0, records = 0, untimed_records = 0;
  uint64_t invalid_sequences = 0, lines_cut = 0, records_cut = 0;
  UtcTime first, last;
  // Archives only:
  uint64_t entries = 0;
};

// A problem met while reading: where, and what.
struct Problem {
  std::string source;  // "file!/member", with ":line" when a line is known
  std::string message;
};

}  // namespace analyzer
