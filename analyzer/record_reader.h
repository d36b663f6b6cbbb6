// RecordReader: turns one text entry into records. It detects the encoding,
// refuses binary content, picks the log format, splits lines into records
// (joining continuation lines), reads times, and fills the entry's
// inventory item. Memory is bounded by the line and record limits: the
// entry is streamed, never loaded.
#pragma once

#include <string>
#include <vector>

#include "bundle_reader.h"
#include "format_set.h"
#include "inventory.h"
#include "read_limits.h"
#include "record.h"
#include "time_zone.h"

namespace analyzer {

class RecordReader {
 public:
  RecordReader(const FormatSet& formats, const TimeZone& assumed, const Limits& limits,
               bool want_fields = true)
      : formats_(formats), assumed_(assumed), limits_(limits), want_fields_(want_fields) {}

  // Reads `data` to its end, handing each record to `out`. Problems (read
  // errors, cut lines) go to `problems`. Returns the entry's inventory item.
  InventoryItem Read(const EntryInfo& info, ByteSource& data, RecordSink& out,
                     std::vector<Problem>* problems) const;

 private:
  const FormatSet& formats_;
  TimeZone assumed_;
  const Limits& limits_;
  bool want_fields_;
};

}  // namespace analyzer
