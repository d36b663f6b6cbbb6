#include "time_zone.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "archive_builder.h"

namespace analyzer {
namespace {

const char* kZoneinfo = "/usr/share/zoneinfo";

CivilTime Civil(int y, int mo, int d, int h, int mi = 0) {
  CivilTime c;
  c.year = y, c.month = mo, c.day = d, c.hour = h, c.minute = mi;
  return c;
}

std::string ToUtc(const TimeZone& z, const CivilTime& c) { return FormatRfc3339(z.ToUtc(c)); }

UtcTime At(const char* rfc3339) { return ParseUserTime(rfc3339); }

TEST_CASE("time_zone: fixed offsets parse, print and convert") {
  TimeZone z;
  std::string error;
  REQUIRE(TimeZone::Parse("+01:00", &z, &error));
  CHECK(z.name() == "+01:00");
  CHECK(ToUtc(z, Civil(2026, 11, 18, 10)) == "2026-11-18T09:00:00Z");
  CHECK(z.OffsetAt(At("2026-07-01")) == 3600);

  REQUIRE(TimeZone::Parse("-0530", &z, &error));
  CHECK(z.name() == "-05:30");
  CHECK(ToUtc(z, Civil(2026, 11, 18, 10)) == "2026-11-18T15:30:00Z");

  REQUIRE(TimeZone::Parse("+02", &z, &error));
  CHECK(z.name() == "+02:00");

  for (const char* utc : {"UTC", "Z", "utc", "GMT", "+00:00"}) {
    REQUIRE_MESSAGE(TimeZone::Parse(utc, &z, &error), utc);
    CHECK(z.name() == "UTC");
    CHECK(ToUtc(z, Civil(2026, 11, 18, 10)) == "2026-11-18T10:00:00Z");
  }
  CHECK(TimeZone::Utc().name() == "UTC");
  CHECK(TimeZone::FixedOffset(-3600).name() == "-01:00");
}

TEST_CASE("time_zone: bad specs are refused with a reason") {
  TimeZone z;
  std::string error;
  for (const char* bad : {"", "+1", "+01:6", "+15:00", "+01:60", "01:00", "+01:00:00"}) {
    error.clear();
    CHECK_MESSAGE(!TimeZone::Parse(bad, &z, &error), "\"" << bad << "\"");
    CHECK_MESSAGE(!error.empty(), "\"" << bad << "\"");
  }
  CHECK_FALSE(TimeZone::Parse("../../etc/passwd", &z, &error));
  CHECK(error.find("neither a UTC offset") != std::string::npos);
  CHECK_FALSE(TimeZone::Parse("/etc/passwd", &z, &error));
  CHECK_FALSE(TimeZone::Parse("Mars/Olympus_Mons", &z, &error, kZoneinfo));
  CHECK(error == "time zone 'Mars/Olympus_Mons' not found or unreadable in /usr/share/zoneinfo");
}

TEST_CASE("time_zone: a file that is not TZif is refused") {
  test::TempDir dir;
  dir.Write("Fake/Zone", "this is not a TZif file, even if it is long enough to have a header");
  TimeZone z;
  std::string error;
  CHECK_FALSE(TimeZone::Parse("Fake/Zone", &z, &error, dir.path()));
  CHECK(error.find("not found or unreadable") != std::string::npos);
}

TEST_CASE("time_zone: Europe/Paris from the tz database, across both DST changes") {
  if (!std::filesystem::exists(std::string(kZoneinfo) + "/Europe/Paris")) {
    MESSAGE("tzdata is not installed (no /usr/share/zoneinfo/Europe/Paris): IANA zone test skipped");
    return;
  }
  TimeZone paris;
  std::string error;
  REQUIRE_MESSAGE(TimeZone::Parse("Europe/Paris", &paris, &error), error);
  CHECK(paris.name() == "Europe/Paris");

  // Winter is +01:00, summer +02:00.
  CHECK(ToUtc(paris, Civil(2026, 1, 15, 12)) == "2026-01-15T11:00:00Z");
  CHECK(ToUtc(paris, Civil(2026, 7, 15, 12)) == "2026-07-15T10:00:00Z");
  CHECK(paris.OffsetAt(At("2026-01-15T11:00:00Z")) == 3600);
  CHECK(paris.OffsetAt(At("2026-07-15T10:00:00Z")) == 7200);

  // Spring forward on 2026-03-29 at 01:00 UTC (02:00 local becomes 03:00).
  CHECK(paris.OffsetAt(At("2026-03-29T00:59:59Z")) == 3600);
  CHECK(paris.OffsetAt(At("2026-03-29T01:00:00Z")) == 7200);
  CHECK(ToUtc(paris, Civil(2026, 3, 29, 1, 59)) == "2026-03-29T00:59:00Z");
  CHECK(ToUtc(paris, Civil(2026, 3, 29, 3, 0)) == "2026-03-29T01:00:00Z");
  // 02:30 does not exist that day: the offset before the change is used.
  CHECK(ToUtc(paris, Civil(2026, 3, 29, 2, 30)) == "2026-03-29T01:30:00Z");

  // Fall back on 2026-10-25 at 01:00 UTC (03:00 local becomes 02:00).
  CHECK(paris.OffsetAt(At("2026-10-25T00:59:59Z")) == 7200);
  CHECK(paris.OffsetAt(At("2026-10-25T01:00:00Z")) == 3600);
  // 02:30 happens twice that day: the earlier instant wins.
  CHECK(ToUtc(paris, Civil(2026, 10, 25, 2, 30)) == "2026-10-25T00:30:00Z");
  CHECK(ToUtc(paris, Civil(2026, 10, 25, 3, 30)) == "2026-10-25T02:30:00Z");
  CHECK(ToUtc(paris, Civil(2026, 10, 25, 1, 30)) == "2026-10-24T23:30:00Z");
}

TEST_CASE("time_zone: a zone west of UTC (America/New_York)") {
  if (!std::filesystem::exists(std::string(kZoneinfo) + "/America/New_York")) {
    MESSAGE("tzdata is not installed: America/New_York test skipped");
    return;
  }
  TimeZone ny;
  std::string error;
  REQUIRE_MESSAGE(TimeZone::Parse("America/New_York", &ny, &error), error);
  CHECK(ToUtc(ny, Civil(2026, 11, 18, 4, 12)) == "2026-11-18T09:12:00Z");  // EST, -05:00
  CHECK(ToUtc(ny, Civil(2026, 7, 4, 12)) == "2026-07-04T16:00:00Z");       // EDT, -04:00
  CHECK(ny.OffsetAt(At("2026-07-04T16:00:00Z")) == -4 * 3600);
}

TEST_CASE("time_zone: an invalid civil time gives an unknown instant in any zone") {
  CivilTime bad = Civil(2026, 2, 30, 12);
  CHECK_FALSE(TimeZone::FixedOffset(3600).ToUtc(bad).known());
  TimeZone paris;
  std::string error;
  if (TimeZone::Parse("Europe/Paris", &paris, &error)) CHECK_FALSE(paris.ToUtc(bad).known());
}

}  // namespace
}  // namespace analyzer
