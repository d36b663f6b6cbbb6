#include "report_html_format.h"

#include <cstdio>

namespace analyzer {
namespace {

constexpr const char* kUnknown = "–";

std::string Digits2(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string Date(const CivilTime& c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

}  // namespace

std::string DisplayTime(UtcTime t) {
  if (!t.known()) return kUnknown;
  const CivilTime c = ToCivil(t);
  return Date(c) + " " + Digits2(c.hour) + ":" + Digits2(c.minute) + ":" + Digits2(c.second);
}

std::string DisplayClock(UtcTime t, bool with_date) {
  if (!t.known()) return kUnknown;
  const CivilTime c = ToCivil(t);
  return (with_date ? Date(c) + " " : "") + Digits2(c.hour) + ":" + Digits2(c.minute);
}

std::string HtmlTimeTag(UtcTime t) {
  if (!t.known()) return kUnknown;
  return "<time datetime=\"" + FormatRfc3339(t) + "\">" + DisplayTime(t) + "</time>";
}

std::string DisplayTimeRange(UtcTime first, UtcTime last) {
  if (!first.known() || !last.known()) return DisplayTime(first) + " → " + DisplayTime(last);
  const std::string a = DisplayTime(first), b = DisplayTime(last);
  return a + " → " + (a.compare(0, 10, b, 0, 10) == 0 ? b.substr(11) : b);
}

std::string DisplayDuration(int64_t ticks, const std::string& lang) {
  const int64_t s = (ticks < 0 ? 0 : ticks) / kTicksPerSecond;
  const int64_t d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;
  if (d > 0) return std::to_string(d) + (lang == "fr" ? " j " : " d ") + std::to_string(h) + " h";
  if (h > 0) return std::to_string(h) + " h " + std::to_string(m) + " min";
  if (m > 0) return std::to_string(m) + " min";
  return std::to_string(s) + " s";
}

std::string DisplayCount(uint64_t n, const std::string& lang) {
  const std::string digits = std::to_string(n);
  const std::string separator = lang == "fr" ? "\xE2\x80\xAF" : ",";  // U+202F in French
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out.push_back(digits[i]);
  }
  return out;
}

std::string DisplayBytes(uint64_t n, const std::string& lang) {
  const bool fr = lang == "fr";
  static const char* kEn[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  static const char* kFr[] = {"o", "Kio", "Mio", "Gio", "Tio"};
  if (n < 1024) return std::to_string(n) + " " + (fr ? kFr[0] : kEn[0]);
  double v = static_cast<double>(n);
  int unit = 0;
  while (v >= 1024 && unit < 4) v /= 1024, ++unit;
  char buf[32];
  // The program never calls setlocale(), so printf writes '.'; French gets
  // its comma below, whatever the machine's locale.
  std::snprintf(buf, sizeof buf, v < 10 ? "%.1f" : "%.0f", v);
  std::string text = buf;
  if (fr)
    for (char& c : text)
      if (c == '.') c = ',';
  return text + " " + (fr ? kFr[unit] : kEn[unit]);
}

std::string FillIn(std::string text, const std::string& name, const std::string& value) {
  const std::string key = "{" + name + "}";
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
  return text;
}

}  // namespace analyzer
