// HtmlFormat: how the HTML report writes times, durations, counts and sizes
// for a reader, in English or French. Every function returns plain text
// made of digits, letters and spaces (no markup, nothing to escape) except
// HtmlTimeTag(), which returns a complete <time> element.
#pragma once

#include <cstdint>
#include <string>

#include "utc_time.h"

namespace analyzer {

// "2026-11-30 22:51:48" (UTC, fraction dropped); "–" when unknown.
std::string DisplayTime(UtcTime t);

// "22:51" or, when `with_date`, "2026-11-30 22:51".
std::string DisplayClock(UtcTime t, bool with_date);

// "2026-11-30 22:30:48 → 22:59:49", the date repeated only when it changes.
std::string DisplayTimeRange(UtcTime first, UtcTime last);

// <time datetime="2026-11-30T22:51:48.394Z">2026-11-30 22:51:48</time>, or
// "–" when unknown.
std::string HtmlTimeTag(UtcTime t);

// "45 s", "32 min", "3 h 29 min", "2 d 3 h" ("2 j 3 h" in French).
std::string DisplayDuration(int64_t ticks, const std::string& lang);

// "6,666" in English, "6 666" (narrow no-break space) in French.
std::string DisplayCount(uint64_t n, const std::string& lang);

// "812 B", "1.7 MiB" ("1,7 Mio" in French).
std::string DisplayBytes(uint64_t n, const std::string& lang);

// `text` with every "{name}" replaced by `value`.
std::string FillIn(std::string text, const std::string& name, const std::string& value);

}  // namespace analyzer
