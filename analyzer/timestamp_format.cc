#include "timestamp_format.h"

namespace analyzer {
namespace {

// A cursor over the text being parsed; every reader leaves it unchanged on failure.
struct Cursor {
  std::string_view s;
  size_t i = 0;
  bool Done() const { return i >= s.size(); }
  char Peek() const { return i < s.size() ? s[i] : '\0'; }
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool ReadDigits(Cursor& c, int min_digits, int max_digits, int* out) {
  int n = 0, v = 0;
  while (n < max_digits && IsDigit(c.Peek())) v = v * 10 + (c.s[c.i++] - '0'), ++n;
  if (n < min_digits) return false;
  *out = v;
  return true;
}

// False when the fraction has more than 9 digits (absent is fine: %f is optional).
bool ReadFraction(Cursor& c, int64_t* ticks) {
  if (c.Peek() != '.' && c.Peek() != ',') return true;
  if (c.i + 1 >= c.s.size() || !IsDigit(c.s[c.i + 1])) return true;
  ++c.i;
  int64_t v = 0;
  int n = 0;
  while (IsDigit(c.Peek())) {
    if (n < 7) v = v * 10 + (c.s[c.i] - '0');
    ++n, ++c.i;
  }
  if (n > 9) return false;
  for (int k = n; k < 7; ++k) v *= 10;
  *ticks = v;
  return true;
}

// Returns false on a malformed zone; *has_zone tells whether one was present.
bool ReadZone(Cursor& c, bool* has_zone, int64_t* offset) {
  *has_zone = false;
  if (c.Peek() == 'Z' || c.Peek() == 'z') {
    ++c.i, *has_zone = true, *offset = 0;
    return true;
  }
  if (c.Peek() != '+' && c.Peek() != '-') return true;
  const int sign = c.Peek() == '-' ? -1 : 1;
  ++c.i;
  int hh = 0, mm = 0;
  if (!ReadDigits(c, 2, 2, &hh)) return false;
  if (c.Peek() == ':') ++c.i;
  if (IsDigit(c.Peek()) && !ReadDigits(c, 2, 2, &mm)) return false;
  if (hh > 14 || mm > 59) return false;
  *has_zone = true;
  *offset = sign * (hh * 3600 + mm * 60);
  return true;
}

bool ReadMonthName(Cursor& c, int* month) {
  static const char* const kNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  if (c.i + 3 > c.s.size()) return false;
  for (int m = 0; m < 12; ++m) {
    if (Lower(c.s[c.i]) == kNames[m][0] && Lower(c.s[c.i + 1]) == kNames[m][1] &&
        Lower(c.s[c.i + 2]) == kNames[m][2]) {
      c.i += 3, *month = m + 1;
      return true;
    }
  }
  return false;
}

bool ReadAmPm(Cursor& c, int* pm) {
  if (c.i + 2 > c.s.size() || Lower(c.s[c.i + 1]) != 'm') return false;
  const char a = Lower(c.s[c.i]);
  if (a != 'a' && a != 'p') return false;
  *pm = a == 'p';
  c.i += 2;
  return true;
}

struct Fields {
  CivilTime civil;
  int hour12 = -1, pm = -1;
  bool has_zone = false;
  int64_t offset = 0;
};

bool ReadToken(char token, Cursor& c, Fields& f) {
  CivilTime& t = f.civil;
  switch (token) {
    case 'Y': return ReadDigits(c, 4, 4, &t.year);
    case 'm': return ReadDigits(c, 1, 2, &t.month);
    case 'd': return ReadDigits(c, 1, 2, &t.day);
    case 'H': return ReadDigits(c, 1, 2, &t.hour);
    case 'I': return ReadDigits(c, 1, 2, &f.hour12);
    case 'M': return ReadDigits(c, 2, 2, &t.minute);
    case 'S': return ReadDigits(c, 2, 2, &t.second);
    case 'f': return ReadFraction(c, &t.fraction_ticks);
    case 'p': return ReadAmPm(c, &f.pm);
    case 'z': return ReadZone(c, &f.has_zone, &f.offset);
    case 'b': return ReadMonthName(c, &t.month);
    case '%': return c.Peek() == '%' && (++c.i, true);
    default: return false;
  }
}

bool ApplyTwelveHourClock(Fields& f) {
  if (f.hour12 < 0) return f.pm < 0;  // %p without %I is a pattern error
  if (f.hour12 < 1 || f.hour12 > 12 || f.pm < 0) return false;
  f.civil.hour = f.hour12 % 12 + (f.pm ? 12 : 0);
  return true;
}

}  // namespace

bool TimestampFormat::ok() const {
  static const std::string_view kTokens = "YmdHIMSfpzb%";
  for (size_t i = 0; i < pattern_.size(); ++i) {
    if (pattern_[i] != '%') continue;
    if (i + 1 >= pattern_.size() || kTokens.find(pattern_[i + 1]) == std::string_view::npos)
      return false;
    ++i;
  }
  return !pattern_.empty();
}

UtcTime TimestampFormat::Parse(std::string_view text, const TimeZone& zone) const {
  size_t consumed = 0;
  const UtcTime t = ParsePrefix(text, zone, &consumed);
  return consumed == text.size() ? t : UtcTime();
}

TimestampFormat::TimestampFormat(std::string pattern) : pattern_(std::move(pattern)) {
  for (size_t p = 0; p + 1 < pattern_.size(); ++p) {
    if (pattern_[p] != '%') continue;
    const char token = pattern_[++p];
    if (token == 'M') {
      minute_end_ = p + 1;
      break;
    }
    if (token != 'Y' && token != 'm' && token != 'd' && token != 'H') return;
  }
  // The shortcut adds seconds to the minute's instant: only right when
  // nothing after the minute sets another field (a second %H, a %p...).
  seconds_follow_ = minute_end_ != std::string::npos;
  for (size_t p = minute_end_; seconds_follow_ && p + 1 < pattern_.size(); ++p)
    if (pattern_[p] == '%') seconds_follow_ = std::string_view("Sf%").find(pattern_[++p]) != std::string_view::npos;
}

UtcTime TimestampFormat::ParsePrefix(std::string_view text, const TimeZone& zone, size_t* consumed,
                                     TimestampMemo* memo) const {
  Cursor c{text};
  Fields f;
  size_t p = 0;
  const bool memo_applies = memo != nullptr && minute_end_ != std::string::npos;
  const bool resumed = memo_applies && memo->zone == &zone && !memo->prefix.empty() &&
                       text.substr(0, memo->prefix.size()) == memo->prefix;
  if (resumed) c.i = memo->prefix.size(), f.civil = memo->minute, p = minute_end_;
  for (; p < pattern_.size(); ++p) {
    if (pattern_[p] == '%' && p + 1 < pattern_.size()) {
      if (!ReadToken(pattern_[++p], c, f)) return {};
      if (memo_applies && !resumed && p + 1 == minute_end_) Remember(text.substr(0, c.i), f.civil, zone, memo);
    } else if (c.Done() || c.s[c.i++] != pattern_[p]) {
      return {};
    }
  }
  if (!ApplyTwelveHourClock(f)) return {};
  *consumed = c.i;
  if (f.has_zone) return FromCivil(f.civil, f.offset);
  // Within a minute a one-offset zone is a plain shift: the minute's instant
  // plus the seconds (range-checked as FromCivil would; years 2..9998 keep
  // every second of the minute inside the representable range).
  if (resumed && seconds_follow_ && memo->minute_start.known() && memo->minute.year >= 2 &&
      memo->minute.year <= 9998) {
    if (f.civil.second < 0 || f.civil.second >= 60) return {};
    return UtcTime{memo->minute_start.ticks + f.civil.second * kTicksPerSecond + f.civil.fraction_ticks};
  }
  return zone.ToUtc(f.civil);
}

void TimestampFormat::Remember(std::string_view prefix, const CivilTime& civil, const TimeZone& zone,
                               TimestampMemo* memo) {
  memo->prefix.assign(prefix);
  memo->minute = civil;
  memo->minute.second = 0;
  memo->minute.fraction_ticks = 0;
  memo->zone = &zone;
  memo->minute_start = zone.single_offset() ? zone.ToUtc(memo->minute) : UtcTime();
}

}  // namespace analyzer
