#include "utc_time.h"

#include <cstdio>

#include "timestamp_format.h"

namespace analyzer {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

}  // namespace

bool IsValidCivil(const CivilTime& c) {
  if (c.year < 1 || c.year > 9999 || c.month < 1 || c.month > 12) return false;
  if (c.day < 1 || c.day > DaysInMonth(c.year, c.month)) return false;
  // Second 60 is refused: Windows and .NET never write leap seconds.
  return c.hour >= 0 && c.hour < 24 && c.minute >= 0 && c.minute < 60 && c.second >= 0 &&
         c.second < 60 && c.fraction_ticks >= 0 && c.fraction_ticks < kTicksPerSecond;
}

int64_t DaysFromCivil(int year, int month, int day) {
  const int64_t y = year - (month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

UtcTime FromCivil(const CivilTime& c, int64_t offset_seconds) {
  if (!IsValidCivil(c)) return {};
  const int64_t days = DaysFromCivil(c.year, c.month, c.day);
  const int64_t secs = days * 86400 + c.hour * 3600 + c.minute * 60 + c.second - offset_seconds;
  // The offset can carry a valid wall clock out of years 1..9999 (0001-01-01
  // 00:00+01:00); such an instant would print as year 0000 or 10000.
  static const int64_t kFirst = DaysFromCivil(1, 1, 1) * 86400;
  static const int64_t kEnd = DaysFromCivil(10000, 1, 1) * 86400;
  if (secs < kFirst || secs >= kEnd) return {};
  return UtcTime{secs * kTicksPerSecond + c.fraction_ticks};
}

CivilTime ToCivil(UtcTime t) {
  int64_t secs = t.ticks / kTicksPerSecond;
  int64_t frac = t.ticks % kTicksPerSecond;
  if (frac < 0) frac += kTicksPerSecond, --secs;
  int64_t days = secs / 86400;
  int64_t sod = secs % 86400;
  if (sod < 0) sod += 86400, --days;
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilTime c;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<int>(yoe + era * 400 + (c.month <= 2));
  c.hour = static_cast<int>(sod / 3600);
  c.minute = static_cast<int>(sod / 60 % 60);
  c.second = static_cast<int>(sod % 60);
  c.fraction_ticks = frac;
  return c;
}

std::string FormatRfc3339(UtcTime t) {
  const CivilTime c = ToCivil(t);
  char buf[48];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", c.year, c.month, c.day,
                        c.hour, c.minute, c.second);
  if (c.fraction_ticks != 0) {
    char frac[16];
    std::snprintf(frac, sizeof frac, ".%07lld", static_cast<long long>(c.fraction_ticks));
    int len = 8;
    while (frac[len - 1] == '0') --len;
    frac[len] = '\0';
    n += std::snprintf(buf + n, sizeof buf - n, "%s", frac);
  }
  std::snprintf(buf + n, sizeof buf - n, "Z");
  return buf;
}

UtcTime ParseUserTime(std::string_view text) {
  static const char* const kForms[] = {"%Y-%m-%dT%H:%M:%S%f%z", "%Y-%m-%d %H:%M:%S%f%z",
                                       "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M%z", "%Y-%m-%d"};
  for (const char* form : kForms) {
    TimestampFormat f(form);
    UtcTime t = f.Parse(text, 0);
    if (t.known()) return t;
  }
  return {};
}

bool ParseDuration(std::string_view text, int64_t* ticks) {
  int64_t total = 0;
  size_t i = 0;
  if (text.empty()) return false;
  while (i < text.size()) {
    int64_t n = 0;
    size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (n > 1'000'000'000) return false;
      n = n * 10 + (text[i++] - '0');
    }
    if (i == start || i == text.size()) return false;
    int64_t unit = 0;
    if (text.substr(i, 2) == "ms") {
      unit = kTicksPerSecond / 1000, i += 2;
    } else {
      switch (text[i++]) {
        case 's': unit = kTicksPerSecond; break;
        case 'm': unit = 60 * kTicksPerSecond; break;
        case 'h': unit = 3600 * kTicksPerSecond; break;
        case 'd': unit = 86400 * kTicksPerSecond; break;
        default: return false;
      }
    }
    if (n > (INT64_MAX - total) / unit) return false;  // would overflow the tick counter
    total += n * unit;
  }
  if (total <= 0) return false;
  *ticks = total;
  return true;
}

}  // namespace analyzer
