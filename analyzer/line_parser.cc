#include "line_parser.h"

#include <array>

namespace analyzer {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

Span SpanOf(std::string_view line, re2::StringPiece piece) {
  if (piece.data() == nullptr) return {};
  return {static_cast<size_t>(piece.data() - line.data()), piece.size()};
}

// Splits a W3C line on single spaces into at most `max` fields.
template <size_t N>
size_t SplitFields(std::string_view line, std::array<std::string_view, N>* out) {
  size_t n = 0, start = 0;
  for (size_t i = 0; i <= line.size() && n < N; ++i) {
    if (i == line.size() || line[i] == ' ') {
      (*out)[n++] = line.substr(start, i - start);
      start = i + 1;
    }
  }
  return n;
}

}  // namespace

std::string_view NormalizeLevel(std::string_view raw) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"error", "error"},     {"err", "error"},         {"e", "error"},
      {"warning", "warning"}, {"warn", "warning"},      {"w", "warning"},
      {"informational", "info"}, {"information", "info"}, {"info", "info"},
      {"i", "info"},          {"verbose", "verbose"},   {"debug", "verbose"},
      {"trace", "verbose"},   {"v", "verbose"},         {"critical", "critical"},
      {"fatal", "critical"},  {"crit", "critical"}};
  for (const auto& [name, level] : kNames)
    if (EqualsNoCase(raw, name)) return level;
  return {};
}

LineParser::LineParser(const LogFormat& format, const TimeZone& assumed, bool want_fields)
    : format_(format),
      regex_(format.head_regex ? format.head_regex.get() : format.regex.get()),
      want_fields_(want_fields),
      zone_(format.zone == LogFormat::Zone::kUtc ? TimeZone::Utc() : assumed) {
  if (regex_ != nullptr) groups_.resize(regex_->NumberOfCapturingGroups() + 1);
  memos_.resize(format.timestamp_formats.size());
}

UtcTime LineParser::TryTimePrefix(std::string_view line) {
  const auto& forms = format_.timestamp_formats;
  for (size_t k = 0; k < forms.size(); ++k) {
    const size_t i = (last_good_format_ + k) % forms.size();  // the last good one first
    size_t consumed = 0;
    const UtcTime t = forms[i].ParsePrefix(line, zone_, &consumed, &memos_[i]);
    if (t.known()) {
      last_good_format_ = i;
      return t;
    }
  }
  return {};
}

// A timestamp that parses at the start of the line is enough: running the
// head regex as well would cost a regex call per line (about 200 ns, more
// than everything else done per line) to learn what the timestamp already
// says. The regex still decides for lines whose timestamp does not parse.
void LineParser::ParseTimeOnly(std::string_view line, ParsedLine* out) {
  const UtcTime t = TryTimePrefix(line);
  if (!t.known()) {
    const re2::StringPiece text(line.data(), line.size());
    if (!regex_->Match(text, 0, text.size(), RE2::ANCHOR_START, nullptr, 0)) return;
    ++unparsed_timestamps_;
  }
  out->starts_record = true;
  out->has_timestamp = true;
  out->time = t;
}

UtcTime LineParser::ParseTime(std::string_view text) {
  const auto& forms = format_.timestamp_formats;
  for (size_t k = 0; k < forms.size(); ++k) {
    const size_t i = (last_good_format_ + k) % forms.size();  // the last good one first
    const UtcTime t = forms[i].Parse(text, zone_);
    if (t.known()) {
      last_good_format_ = i;
      return t;
    }
  }
  ++unparsed_timestamps_;
  return {};
}

void LineParser::Parse(std::string_view line, ParsedLine* out) {
  *out = ParsedLine();
  if (format_.kind == LogFormat::Kind::kW3c) return ParseW3c(line, out);
  ParseRegex(line, out);
}

void LineParser::ParseRegex(std::string_view line, ParsedLine* out) {
  if (!want_fields_ && format_.timestamp_first) return ParseTimeOnly(line, out);
  const re2::StringPiece text(line.data(), line.size());
  if (!regex_->Match(text, 0, text.size(), RE2::ANCHOR_START, groups_.data(),
                     static_cast<int>(groups_.size())))
    return ParseUnmatched(line, out);
  out->starts_record = true;
  auto span = [&](int g) { return g > 0 ? SpanOf(line, groups_[g]) : Span{}; };
  out->level = span(format_.level_group);
  out->component = span(format_.component_group);
  out->host = span(format_.host_group);
  if (format_.head_regex) {  // the message is what follows the head
    const size_t end = static_cast<size_t>(groups_[0].data() + groups_[0].size() - line.data());
    out->message = {end, line.size() - end};
  } else {
    out->message = span(format_.message_group);
  }
  const Span ts = span(format_.timestamp_group);
  if (!ts.empty()) {
    out->has_timestamp = true;
    out->time = ParseTime(ts.In(line));
  }
}

// The head did not match, but a line that opens with a timestamp of the
// format still starts a record (with its time, without fields): the same
// rule as the time-only path, so both split a file into the same records.
void LineParser::ParseUnmatched(std::string_view line, ParsedLine* out) {
  if (!format_.timestamp_first) return;
  const UtcTime t = TryTimePrefix(line);
  if (!t.known()) return;
  out->starts_record = true;
  out->has_timestamp = true;
  out->time = t;
  out->message = {0, line.size()};
}

void LineParser::ParseW3c(std::string_view line, ParsedLine* out) {
  std::array<std::string_view, 64> f;
  if (!line.empty() && line[0] == '#') {
    out->directive = true;
    if (line.substr(0, 8) != "#Fields:") return;
    const size_t n = SplitFields(line.substr(line.size() > 8 && line[8] == ' ' ? 9 : 8), &f);
    w3c_date_ = w3c_time_ = w3c_status_ = w3c_host_ = -1;
    for (size_t i = 0; i < n; ++i) {
      if (f[i] == "date") w3c_date_ = static_cast<int>(i);
      if (f[i] == "time") w3c_time_ = static_cast<int>(i);
      if (f[i] == "sc-status") w3c_status_ = static_cast<int>(i);
      if (f[i] == "s-computername") w3c_host_ = static_cast<int>(i);
    }
    return;
  }
  if (line.empty() || w3c_date_ < 0) return;  // no header seen: not W3C data
  out->starts_record = true;
  out->message = {0, line.size()};
  const size_t n = SplitFields(line, &f);
  auto field = [&](int i) { return i >= 0 && static_cast<size_t>(i) < n ? f[i] : std::string_view(); };
  if (!field(w3c_date_).empty() && !field(w3c_time_).empty()) {
    w3c_stamp_.assign(field(w3c_date_)).append(" ").append(field(w3c_time_));
    out->has_timestamp = true;
    out->time = ParseTime(w3c_stamp_);
  }
  const std::string_view status = field(w3c_status_);
  if (status.size() == 3) {
    out->status_level = status[0] >= '5' ? "error" : status[0] == '4' ? "warning" : "info";
  }
  if (!field(w3c_host_).empty() && field(w3c_host_) != "-") out->host = SpanOf(line, re2::StringPiece(field(w3c_host_)));
}

}  // namespace analyzer
