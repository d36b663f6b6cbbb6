#include "timestamp_format.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace analyzer {
namespace {

// The parse of `text` with `pattern` as RFC 3339 UTC, "" when refused.
std::string Parse(const char* pattern, std::string_view text, int64_t offset = 0) {
  const UtcTime t = TimestampFormat(pattern).Parse(text, offset);
  return t.known() ? FormatRfc3339(t) : "";
}

TEST_CASE("timestamp_format: ECE style, US date and 12-hour clock") {
  const char* ece = "%m/%d/%Y %I:%M:%S %p";
  CHECK(Parse(ece, "8/22/2017 1:20:53 AM") == "2017-08-22T01:20:53Z");
  CHECK(Parse(ece, "08/22/2017 01:20:53 pm") == "2017-08-22T13:20:53Z");
  CHECK(Parse(ece, "11/18/2026 12:00:01 AM") == "2026-11-18T00:00:01Z");  // midnight
  CHECK(Parse(ece, "11/18/2026 12:05:00 PM") == "2026-11-18T12:05:00Z");  // noon
  CHECK(Parse(ece, "11/18/2026 13:05:00 PM") == "");
  CHECK(Parse(ece, "11/18/2026 0:05:00 AM") == "");
  CHECK(Parse(ece, "11/18/2026 1:05:00") == "");
  CHECK(Parse(ece, "18/11/2026 1:05:00 AM") == "");  // not a month
}

TEST_CASE("timestamp_format: ISO 8601 with 7 fractional digits and a zone") {
  const char* iso = "%Y-%m-%dT%H:%M:%S%f%z";
  CHECK(Parse(iso, "2023-05-30T05:19:20.3135329Z") == "2023-05-30T05:19:20.3135329Z");
  CHECK(Parse(iso, "2023-05-30T05:19:20Z") == "2023-05-30T05:19:20Z");
  CHECK(Parse(iso, "2023-05-30T05:19:20,5Z") == "2023-05-30T05:19:20.5Z");
  CHECK(Parse(iso, "2023-05-30T05:19:20.123456789Z") == "2023-05-30T05:19:20.1234567Z");
  CHECK(Parse(iso, "2026-11-18T10:12:04+01:00") == "2026-11-18T09:12:04Z");
  CHECK(Parse(iso, "2026-11-18T10:12:04+0100") == "2026-11-18T09:12:04Z");
  CHECK(Parse(iso, "2026-11-18T10:12:04+01") == "2026-11-18T09:12:04Z");
  CHECK(Parse(iso, "2026-11-18T03:42:04-05:30") == "2026-11-18T09:12:04Z");
}

TEST_CASE("timestamp_format: more than 9 fractional digits are refused") {
  const char* iso = "%Y-%m-%dT%H:%M:%S%f%z";
  CHECK(Parse(iso, "2023-05-30T05:19:20.1234567890Z") == "");
  CHECK(Parse(iso, "2023-05-30T05:19:20.1234567890") == "");
  CHECK(Parse(iso, "2023-05-30T05:19:20.12345678901Z") == "");
}

TEST_CASE("timestamp_format: a zone-less text takes the given zone, a zoned one keeps its own") {
  const char* iso = "%Y-%m-%d %H:%M:%S%f%z";
  CHECK(Parse(iso, "2026-11-18 10:00:00", 3600) == "2026-11-18T09:00:00Z");
  CHECK(Parse(iso, "2026-11-18 10:00:00", -18000) == "2026-11-18T15:00:00Z");
  CHECK(Parse(iso, "2026-11-18 10:00:00Z", 3600) == "2026-11-18T10:00:00Z");
  CHECK(Parse(iso, "2026-11-18 10:00:00+02:00", 3600) == "2026-11-18T08:00:00Z");
}

TEST_CASE("timestamp_format: registration, Service Fabric and month-name forms") {
  CHECK(Parse("%Y-%m-%d.%H-%M-%S", "2018-12-12.22-54-23") == "2018-12-12T22:54:23Z");
  CHECK(Parse("%Y-%m-%d %H:%M:%S%f", "2018-5-23 15:55:41.207") == "2018-05-23T15:55:41.207Z");
  CHECK(Parse("%d %b %Y %H:%M:%S", "18 nov 2026 09:12:04") == "2026-11-18T09:12:04Z");
  CHECK(Parse("%d %b %Y %H:%M:%S", "18 NOV 2026 09:12:04") == "2026-11-18T09:12:04Z");
  CHECK(Parse("%d %b %Y %H:%M:%S", "18 Nox 2026 09:12:04") == "");
  CHECK(Parse("%Y%%%m", "2026%11") == "2026-11-01T00:00:00Z");
}

TEST_CASE("timestamp_format: the whole text must be consumed and every field in range") {
  const char* iso = "%Y-%m-%dT%H:%M:%S%f%z";
  CHECK(Parse(iso, "2026-11-18T09:12:04Z extra") == "");
  CHECK(Parse(iso, "2026-11-18T09:12") == "");
  CHECK(Parse(iso, "2026-11-18T09:12:04.") == "");  // a dot without digits
  CHECK(Parse(iso, "2026-02-29T09:12:04Z") == "");  // not a leap year
  CHECK(Parse(iso, "2026-11-18T24:00:00Z") == "");
  CHECK(Parse(iso, "2026-11-18T09:60:00Z") == "");
  CHECK(Parse(iso, "2026-11-18T09:12:04+15:00") == "");
  CHECK(Parse(iso, "2026-11-18T09:12:04+01:60") == "");
  CHECK(Parse(iso, "26-11-18T09:12:04Z") == "");
  CHECK(Parse(iso, "") == "");
}

TEST_CASE("timestamp_format: ok() accepts only the documented tokens") {
  for (const char* good : {"%Y-%m-%dT%H:%M:%S%f%z", "%m/%d/%Y %I:%M:%S %p", "%d %b %Y", "100%%", "plain"})
    CHECK_MESSAGE(TimestampFormat(good).ok(), good);
  for (const char* bad : {"", "%Y-%j", "%Q", "trailing %", "%y-%m-%d"})
    CHECK_MESSAGE(!TimestampFormat(bad).ok(), bad);
}

TEST_CASE("timestamp_format: %p without %I is refused at parse time") {
  CHECK(Parse("%H:%M %p", "09:12 AM") == "");
}

TEST_CASE("timestamp_format: the minute memo never changes a result") {
  std::vector<TimeZone> zones = {TimeZone::Utc(), TimeZone::FixedOffset(-5 * 3600 - 1800)};
  TimeZone new_york;
  std::string error;
  if (TimeZone::Parse("America/New_York", &new_york, &error)) zones.push_back(new_york);
  std::mt19937 rng(5);
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  for (const char* pattern : {"%Y-%m-%d %H:%M:%S%f", "%Y-%m-%dT%H:%M:%S%f%z", "%Y/%m/%d %H:%M:%S", "%H:%M:%S"}) {
    const TimestampFormat f(pattern);
    for (const TimeZone& zone : zones) {
      CAPTURE(pattern);
      CAPTURE(zone.name());
      TimestampMemo memo;
      int month = 1, day = 1, hour = 0, minute = 0;
      for (int i = 0; i < 3000; ++i) {
        // Runs of lines in one minute, with odd ones: Feb 30, second 60,
        // one-digit fields, DST changes (2026-03-08, 2026-11-01 in New York).
        if (i % 6 == 0) {  // a new minute every few lines, as in a log
          month = rng() % 3 == 0 ? 2 : (rng() % 2 ? 3 : 11);
          day = month == 2 ? 27 + static_cast<int>(rng() % 4) : (month == 3 ? 8 : 1);
          hour = 1 + static_cast<int>(rng() % 2), minute = 59 - static_cast<int>(rng() % 2);
        }
        const int second = static_cast<int>(rng() % 61);
        std::string text = std::string(pattern[0] == '%' && pattern[1] == 'H' ? "" : "2026-") + two(month) + "-" +
                           two(day) + " " + (i % 6 != 5 ? two(hour) : std::to_string(hour)) + ":" + two(minute) +
                           ":" + two(second) + "." + std::to_string(rng() % 1000) + (rng() % 3 ? "" : "+02:00") +
                           ",rest";
        if (pattern[2] == '/' || pattern[4] == '/') std::replace(text.begin(), text.begin() + 10, '-', '/');
        if (std::string(pattern).find('T') != std::string::npos) text[10] = 'T';
        if (std::string(pattern) == "%H:%M:%S") text = text.substr(11);
        size_t plain_consumed = 0, memo_consumed = 0;
        const UtcTime plain = f.ParsePrefix(text, zone, &plain_consumed);
        const UtcTime fast = f.ParsePrefix(text, zone, &memo_consumed, &memo);
        INFO(text);
        REQUIRE(plain.known() == fast.known());
        if (plain.known()) REQUIRE(plain.ticks == fast.ticks);
        if (plain.known()) REQUIRE(plain_consumed == memo_consumed);
      }
    }
  }
}

}  // namespace
}  // namespace analyzer
