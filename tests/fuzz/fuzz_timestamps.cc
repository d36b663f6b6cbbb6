// Fuzz target: the timestamp parsers. The input is split at its first
// newline: the part before is used as a pattern, a zone spec and a TZif
// file; the part after as text for every shipped timestamp format, the
// user-time and duration parsers, and the zone loaded from the TZif file.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "time_zone.h"
#include "timestamp_format.h"
#include "utc_time.h"

namespace fuzz {
namespace {

using analyzer::CivilTime;
using analyzer::TimestampFormat;
using analyzer::TimeZone;
using analyzer::UtcTime;

// A private zoneinfo directory holding one zone, "Fuzz/Zone", removed at exit.
struct ZoneDir {
  ZoneDir() {
    std::string base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    if (const char* t = std::getenv("TMPDIR"); t != nullptr && *t != '\0') base = t;
    path = base + "/analyzer-fuzz-tz-XXXXXX";
    if (mkdtemp(path.data()) == nullptr) std::abort();
    mkdir((path + "/Fuzz").c_str(), 0700);
  }
  ~ZoneDir() {
    std::remove((path + "/Fuzz/Zone").c_str());
    rmdir((path + "/Fuzz").c_str());
    rmdir(path.c_str());
  }
  std::string path;
};

void WriteFile(const std::string& path, std::string_view data) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return;
  if (write(fd, data.data(), data.size()) < 0) {}  // a short file is just another input
  close(fd);
}

// Uses a parsed time the way the reader does: formats it, maps it back.
void Use(UtcTime t) {
  if (!t.known()) return;
  const std::string s = analyzer::FormatRfc3339(t);
  const UtcTime back = analyzer::ParseUserTime(s);
  if (back != t) std::abort();  // the report's times must read back as written
  analyzer::ToCivil(t);
}

// The minute memo must never change a result: the text's lines go through
// one memo and are compared with plain parses.
void TryMemo(const TimestampFormat& f, std::string_view text, const TimeZone& zone) {
  analyzer::TimestampMemo memo;
  for (size_t start = 0; start <= text.size();) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(start, nl - start);
    size_t plain_consumed = 0, memo_consumed = 0;
    const UtcTime plain = f.ParsePrefix(line, zone, &plain_consumed);
    const UtcTime fast = f.ParsePrefix(line, zone, &memo_consumed, &memo);
    if (plain.known() != fast.known()) std::abort();
    if (plain.known() && (plain != fast || plain_consumed != memo_consumed)) std::abort();
    start = nl + 1;
  }
}

void TryFormat(const TimestampFormat& f, std::string_view text, const TimeZone& zone) {
  Use(f.Parse(text, zone));
  size_t consumed = 0;
  const UtcTime t = f.ParsePrefix(text, zone, &consumed);
  if (t.known() && consumed > text.size()) std::abort();
  Use(t);
  TryMemo(f, text, zone);
}

void TryZone(const TimeZone& zone, std::string_view text) {
  for (const auto& format : ShippedFormats().formats())
    for (const TimestampFormat& f : format->timestamp_formats) TryFormat(f, text, zone);
  CivilTime c;
  c.year = 2026, c.month = 3, c.day = 29, c.hour = 2, c.minute = 30;
  Use(zone.ToUtc(c));
  c.year = 1, c.month = 1, c.day = 1, c.hour = 0;
  Use(zone.ToUtc(c));
  c.year = 9999, c.month = 12, c.day = 31, c.hour = 23, c.minute = 59, c.second = 59;
  Use(zone.ToUtc(c));
}

}  // namespace

int Timestamps(const uint8_t* data, size_t size) {
  static const ZoneDir zone_dir;
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const size_t nl = all.find('\n');
  const std::string_view head = all.substr(0, nl);
  const std::string_view text = nl == std::string_view::npos ? all : all.substr(nl + 1);

  TryZone(TimeZone::Utc(), text);
  const TimestampFormat own{std::string(head)};
  if (own.ok()) TryFormat(own, text, TimeZone::FixedOffset(-5 * 3600));
  Use(analyzer::ParseUserTime(text));
  int64_t ticks = 0;
  if (analyzer::ParseDuration(text, &ticks) && ticks <= 0) std::abort();

  TimeZone zone;
  std::string error;
  if (TimeZone::Parse(head, &zone, &error)) TryZone(zone, text);  // offsets, system zones
  WriteFile(zone_dir.path + "/Fuzz/Zone", all);
  if (TimeZone::Parse("Fuzz/Zone", &zone, &error, zone_dir.path)) TryZone(zone, text);
  return 0;
}

}  // namespace fuzz
