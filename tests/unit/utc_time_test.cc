#include "utc_time.h"

#include <doctest/doctest.h>

namespace analyzer {
namespace {

CivilTime Civil(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int64_t frac = 0) {
  CivilTime c;
  c.year = y, c.month = mo, c.day = d, c.hour = h, c.minute = mi, c.second = s;
  c.fraction_ticks = frac;
  return c;
}

int64_t Seconds(UtcTime t) { return t.ticks / kTicksPerSecond; }

TEST_CASE("utc_time: a default UtcTime is unknown") {
  CHECK_FALSE(UtcTime().known());
  CHECK(UtcTime{0}.known());
  CHECK(UtcTime{1} < UtcTime{2});
}

TEST_CASE("utc_time: IsValidCivil knows leap years and month lengths") {
  CHECK(IsValidCivil(Civil(2024, 2, 29)));
  CHECK(IsValidCivil(Civil(2000, 2, 29)));
  CHECK_FALSE(IsValidCivil(Civil(2026, 2, 29)));
  CHECK_FALSE(IsValidCivil(Civil(1900, 2, 29)));
  CHECK_FALSE(IsValidCivil(Civil(2026, 2, 30)));
  CHECK_FALSE(IsValidCivil(Civil(2026, 4, 31)));
  CHECK(IsValidCivil(Civil(2026, 12, 31, 23, 59, 59, kTicksPerSecond - 1)));
  CHECK_FALSE(IsValidCivil(Civil(0, 1, 1)));
  CHECK_FALSE(IsValidCivil(Civil(10000, 1, 1)));
  CHECK_FALSE(IsValidCivil(Civil(2026, 13, 1)));
  CHECK_FALSE(IsValidCivil(Civil(2026, 11, 18, 24)));
  CHECK_FALSE(IsValidCivil(Civil(2026, 11, 18, 9, 60)));
  CHECK_FALSE(IsValidCivil(Civil(2026, 11, 18, 9, 12, 60)));  // no leap seconds
  CHECK_FALSE(IsValidCivil(Civil(2026, 11, 18, 9, 12, 4, kTicksPerSecond)));
}

TEST_CASE("utc_time: DaysFromCivil counts from 1970-01-01") {
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(1969, 12, 31) == -1);
  CHECK(DaysFromCivil(2000, 2, 29) == 11016);
  CHECK(DaysFromCivil(2026, 11, 18) == 20775);
  CHECK(DaysFromCivil(1, 1, 1) == -719162);
  CHECK(DaysFromCivil(9999, 12, 31) == 2932896);
}

TEST_CASE("utc_time: FromCivil applies the offset east of UTC") {
  CHECK(Seconds(FromCivil(Civil(2026, 11, 18, 9, 12, 4), 0)) == 1794993124);
  // 10:12:04 at +01:00 is 09:12:04 UTC.
  CHECK(Seconds(FromCivil(Civil(2026, 11, 18, 10, 12, 4), 3600)) == 1794993124);
  CHECK(FromCivil(Civil(2026, 11, 18, 9, 12, 4, 1234567), 0).ticks ==
        1794993124 * kTicksPerSecond + 1234567);
  CHECK_FALSE(FromCivil(Civil(2026, 2, 30), 0).known());
}

TEST_CASE("utc_time: ToCivil inverts FromCivil, before the epoch too") {
  for (const CivilTime& c : {Civil(2026, 11, 18, 9, 12, 4, 1234567), Civil(1969, 12, 31, 23, 59, 59, 9999999),
                             Civil(1, 1, 1), Civil(9999, 12, 31, 23, 59, 59), Civil(2024, 2, 29, 12)}) {
    const CivilTime back = ToCivil(FromCivil(c, 0));
    CHECK(back.year == c.year);
    CHECK(back.month == c.month);
    CHECK(back.day == c.day);
    CHECK(back.hour == c.hour);
    CHECK(back.minute == c.minute);
    CHECK(back.second == c.second);
    CHECK(back.fraction_ticks == c.fraction_ticks);
  }
}

TEST_CASE("utc_time: FormatRfc3339 writes a trimmed fraction only when there is one") {
  CHECK(FormatRfc3339(UtcTime{0}) == "1970-01-01T00:00:00Z");
  CHECK(FormatRfc3339(FromCivil(Civil(2026, 11, 18, 9, 12, 4), 0)) == "2026-11-18T09:12:04Z");
  CHECK(FormatRfc3339(FromCivil(Civil(2026, 11, 18, 9, 12, 4, 5000000), 0)) ==
        "2026-11-18T09:12:04.5Z");
  CHECK(FormatRfc3339(FromCivil(Civil(2023, 5, 30, 5, 19, 20, 3135329), 0)) ==
        "2023-05-30T05:19:20.3135329Z");
  CHECK(FormatRfc3339(FromCivil(Civil(2026, 1, 2, 3, 4, 5, 10), 0)) == "2026-01-02T03:04:05.000001Z");
  CHECK(FormatRfc3339(UtcTime{-1}) == "1969-12-31T23:59:59.9999999Z");
}

TEST_CASE("utc_time: ParseUserTime reads what users type") {
  CHECK(FormatRfc3339(ParseUserTime("2026-11-18")) == "2026-11-18T00:00:00Z");
  CHECK(FormatRfc3339(ParseUserTime("2026-11-18T09:12")) == "2026-11-18T09:12:00Z");
  CHECK(FormatRfc3339(ParseUserTime("2026-11-18 09:12")) == "2026-11-18T09:12:00Z");
  CHECK(FormatRfc3339(ParseUserTime("2026-11-18T09:12:04")) == "2026-11-18T09:12:04Z");
  CHECK(FormatRfc3339(ParseUserTime("2026-11-18T09:12:04.5Z")) == "2026-11-18T09:12:04.5Z");
  CHECK(FormatRfc3339(ParseUserTime("2026-11-18T10:12:04+01:00")) == "2026-11-18T09:12:04Z");
  CHECK(FormatRfc3339(ParseUserTime("2026-11-18T04:12:04-05:00")) == "2026-11-18T09:12:04Z");
  CHECK_FALSE(ParseUserTime("").known());
  CHECK_FALSE(ParseUserTime("yesterday").known());
  CHECK_FALSE(ParseUserTime("2026-02-30").known());
  CHECK_FALSE(ParseUserTime("2026-11-18T24:00").known());
  CHECK_FALSE(ParseUserTime("2026-11-18T09:12:04 trailing").known());
}

TEST_CASE("utc_time: ParseDuration reads units and combinations") {
  int64_t t = 0;
  CHECK(ParseDuration("90s", &t));
  CHECK(t == 90 * kTicksPerSecond);
  CHECK(ParseDuration("15m", &t));
  CHECK(t == 900 * kTicksPerSecond);
  CHECK(ParseDuration("2h", &t));
  CHECK(t == 7200 * kTicksPerSecond);
  CHECK(ParseDuration("1d", &t));
  CHECK(t == 86400 * kTicksPerSecond);
  CHECK(ParseDuration("500ms", &t));
  CHECK(t == kTicksPerSecond / 2);
  CHECK(ParseDuration("1h30m", &t));
  CHECK(t == 5400 * kTicksPerSecond);
}

TEST_CASE("utc_time: ParseDuration refuses anything else and leaves the output alone") {
  int64_t t = 42;
  for (const char* bad : {"", "5", "m", "0s", "0m0s", "-5m", "5x", "1h 30m", "1.5h", "5M", "ms"}) {
    CHECK_MESSAGE(!ParseDuration(bad, &t), "\"" << bad << "\"");
  }
  CHECK(t == 42);
}

TEST_CASE("utc_time: ParseDuration refuses durations too long for the tick counter") {
  // 9999999999 days is ~8.6e21 ticks: past int64, must be an error, not a wrap.
  int64_t t = 42;
  CHECK_FALSE(ParseDuration("9999999999d", &t));
  CHECK_FALSE(ParseDuration("1000000000d", &t));
  CHECK_FALSE(ParseDuration("999999999d999999999d999999999d999999999d", &t));
  CHECK(t == 42);
  CHECK(ParseDuration("3650d", &t));  // ten years is fine
  CHECK(t == int64_t{3650} * 86400 * kTicksPerSecond);
}

}  // namespace
}  // namespace analyzer
