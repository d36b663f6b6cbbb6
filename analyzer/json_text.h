// JSON text helpers for the writers that stream output (records as JSON
// Lines, reports): appending to a reused string allocates nothing once it
// has grown, unlike building a DOM per record.
#pragma once

#include <string>
#include <string_view>

#include "utc_time.h"

namespace analyzer {

// Appends `s` as a JSON string literal. Control characters, including ESC,
// are written as \u escapes, so no raw terminal sequence survives.
void AppendJsonString(std::string* out, std::string_view s);

// Appends "2026-11-18T09:12:04Z" (quoted) or null.
void AppendJsonTime(std::string* out, UtcTime t);

}  // namespace analyzer
