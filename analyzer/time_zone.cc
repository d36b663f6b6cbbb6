#include "time_zone.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace analyzer {
namespace {

bool ParseOffset(std::string_view s, int64_t* offset) {
  if (s == "UTC" || s == "Z" || s == "utc" || s == "GMT") return *offset = 0, true;
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return false;
  auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  if (!digit(1) || !digit(2)) return false;
  int hh = (s[1] - '0') * 10 + (s[2] - '0'), mm = 0;
  size_t i = 3;
  if (i < s.size() && s[i] == ':') ++i;
  if (i < s.size()) {
    if (!digit(i) || !digit(i + 1) || i + 2 != s.size()) return false;
    mm = (s[i] - '0') * 10 + (s[i + 1] - '0');
  }
  if (hh > 14 || mm > 59) return false;
  *offset = (s[0] == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
  return true;
}

std::string OffsetName(int64_t offset) {
  if (offset == 0) return "UTC";
  char buf[16];
  const int64_t a = offset < 0 ? -offset : offset;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset < 0 ? '-' : '+',
                static_cast<int>(a / 3600 % 100), static_cast<int>(a / 60 % 60));
  return buf;
}

bool ValidIanaName(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() == '/') return false;
  if (s.find("..") != std::string_view::npos) return false;  // never leave zoneinfo
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '/' || c == '_' || c == '-' || c == '+';
  });
}

int64_t BigEndian(const unsigned char* p, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = v << 8 | p[i];
  if (n == 4) return static_cast<int32_t>(static_cast<uint32_t>(v));
  return static_cast<int64_t>(v);
}

}  // namespace

// TZif (RFC 8536): we read the version-2+ 64-bit body when present, else v1.
bool LoadTzif(const std::string& path, TimeZone::Transitions* out) {
  // "Europe" is a directory (reading it throws) and a FIFO would block.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.size() < 44 || data.compare(0, 4, "TZif") != 0 || data.size() > (1 << 20)) return false;
  auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t pos = 0;
  int time_size = 4;
  for (int pass = 0; pass < 2; ++pass) {
    if (pos + 44 > data.size()) return false;
    const unsigned char* h = p + pos + 20;
    const int64_t isutc = BigEndian(h, 4), isstd = BigEndian(h + 4, 4), leap = BigEndian(h + 8, 4);
    const int64_t timecnt = BigEndian(h + 12, 4), typecnt = BigEndian(h + 16, 4),
                  charcnt = BigEndian(h + 20, 4);
    // Counts are read as signed: a negative one would shrink `body` below
    // what the loops below read (found by fuzzing: heap overflow).
    if (isutc < 0 || isstd < 0 || leap < 0 || timecnt < 0 || typecnt < 0 || charcnt < 0) return false;
    const size_t body = timecnt * time_size + timecnt + typecnt * 6 + charcnt +
                        leap * (time_size + 4) + isstd + isutc;
    if (pass == 0 && data[4] >= '2') {  // skip the v1 body, read the 64-bit one
      pos += 44 + body, time_size = 8;
      continue;
    }
    const size_t start = pos + 44;
    if (typecnt <= 0 || start + body > data.size()) return false;
    const unsigned char* times = p + start;
    const unsigned char* idx = times + timecnt * time_size;
    const unsigned char* types = idx + timecnt;
    out->offset_before = static_cast<int32_t>(BigEndian(types, 4));
    for (int64_t i = 0; i < timecnt; ++i) {
      if (idx[i] >= typecnt) return false;
      out->at_seconds.push_back(BigEndian(times + i * time_size, time_size));
      out->offset_after.push_back(static_cast<int32_t>(BigEndian(types + idx[i] * 6, 4)));
    }
    return std::is_sorted(out->at_seconds.begin(), out->at_seconds.end());
  }
  return false;
}

TimeZone TimeZone::FixedOffset(int64_t offset_seconds) {
  TimeZone z;
  z.fixed_offset_ = offset_seconds;
  z.name_ = OffsetName(offset_seconds);
  return z;
}

bool TimeZone::Parse(std::string_view spec, TimeZone* out, std::string* error,
                     const std::string& zoneinfo_dir) {
  int64_t offset = 0;
  if (ParseOffset(spec, &offset)) return *out = FixedOffset(offset), true;
  if (!ValidIanaName(spec)) {
    *error = "'" + std::string(spec) + "' is neither a UTC offset (+01:00) nor an IANA zone name";
    return false;
  }
  auto t = std::make_shared<Transitions>();
  if (!LoadTzif(zoneinfo_dir + "/" + std::string(spec), t.get())) {
    *error = "time zone '" + std::string(spec) + "' not found or unreadable in " + zoneinfo_dir;
    return false;
  }
  out->name_ = std::string(spec);
  out->fixed_offset_ = 0;
  out->transitions_ = std::move(t);
  return true;
}

int64_t TimeZone::OffsetAt(UtcTime t) const {
  if (!transitions_) return fixed_offset_;
  const int64_t secs = t.ticks / kTicksPerSecond;
  const auto& at = transitions_->at_seconds;
  auto it = std::upper_bound(at.begin(), at.end(), secs);
  if (it == at.begin()) return transitions_->offset_before;
  return transitions_->offset_after[it - at.begin() - 1];
}

UtcTime TimeZone::ToUtc(const CivilTime& c) const {
  UtcTime as_utc = FromCivil(c, 0);
  if (!as_utc.known() || !transitions_) return FromCivil(c, fixed_offset_);
  // Two rounds find the offset in force at the resulting instant; the
  // earlier-offset guess makes overlaps resolve to the earlier instant.
  const int64_t guess = OffsetAt(UtcTime{as_utc.ticks - 86400 * kTicksPerSecond});
  int64_t off = OffsetAt(UtcTime{as_utc.ticks - guess * kTicksPerSecond});
  const int64_t again = OffsetAt(UtcTime{as_utc.ticks - off * kTicksPerSecond});
  if (again != off && again == guess) off = again;
  return FromCivil(c, off);  // range-checked: the offset may leave years 1..9999
}

}  // namespace analyzer
