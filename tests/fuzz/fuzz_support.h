// Shared by the fuzz targets: the shipped formats and schemas, loaded once,
// and a record sink that touches every field (so sanitizers see every view).
#pragma once

#include <string>
#include <string_view>

#include "format_set.h"
#include "json_schema.h"
#include "read_limits.h"
#include "record.h"

namespace fuzz {

const analyzer::FormatSet& ShippedFormats();
const analyzer::JsonSchema& FormatSchema();
const analyzer::JsonSchema& RulePackSchema();

// Limits small enough that one input cannot take seconds or gigabytes, but
// large enough that every limit path is reachable by a small input.
analyzer::Limits FuzzLimits();

// Reads every byte of every field, so a dangling view is caught by ASan.
class TouchingSink : public analyzer::RecordSink {
 public:
  void OnRecord(const analyzer::Record& r) override;
  size_t checksum = 0;
};

}  // namespace fuzz
