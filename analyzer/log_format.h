// LogFormat: how one kind of log file is laid out, declared as data in
// rules/formats/*.json (validated by rules/schema/log-format.schema.json).
//
// A "regex" format gives an RE2 pattern with named captures (timestamp,
// level, component, host, message, and any ids); a line it matches starts a
// record, and with "multiline" the lines that do not match join the record
// before them (exception chains, "   at ..." frames). A "w3c" format reads
// IIS W3C logs, whose "#Fields:" header decides the columns.
//
// Every format carries samples: lines with the fields they must yield, and
// lines that must not start a record. CheckSamples() runs them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "json_file.h"
#include "timestamp_format.h"

namespace analyzer {

struct FormatSample {
  std::string line;
  std::string header;  // w3c: the #Fields: line in force (a default is used if empty)
  std::string time;  // expected RFC 3339 UTC, "" when no time is expected
  std::string level, component, host, message;
};

struct LogFormat {
  enum class Kind { kRegex, kW3c };
  enum class Zone { kUtc, kAssumed };  // for timestamps that carry no zone

  std::string name;
  std::string file;  // where it was declared
  Kind kind = Kind::kRegex;
  int priority = 0;  // higher is tried first when several globs match
  std::vector<std::string> globs;
  std::unique_ptr<RE2> regex;  // kRegex only
  // When the pattern ends with "(?P<message>.*)", the same pattern without
  // it: the message is then the rest of the line, and the capture engine
  // only walks the head of each line (most of the parsing cost).
  std::unique_ptr<RE2> head_regex;
  // The pattern opens with the timestamp group: when no other field is
  // wanted, a line is parsed by a DFA-only match and the timestamp read
  // directly at the line start (TimestampFormat::ParsePrefix).
  bool timestamp_first = false;
  std::vector<TimestampFormat> timestamp_formats;
  Zone zone = Zone::kAssumed;
  bool multiline = true;
  bool fallback = false;  // the format for files no other format recognizes
  bool sniff = true;      // may be chosen by content when no glob matched
  std::vector<FormatSample> samples;
  std::vector<std::string> non_starting_samples;

  // Group indexes in `regex` (0 = absent).
  int timestamp_group = 0, level_group = 0, component_group = 0, host_group = 0,
      message_group = 0;
};

// Loads every *.json under `dir` (sorted by name). Problems are appended as
// "file:line:col: message"; a format with a problem is not loaded.
std::vector<std::shared_ptr<const LogFormat>> LoadFormats(const std::string& dir,
                                                          std::vector<std::string>* errors);

// Builds one format from an already-parsed file; false and *error on problems.
bool BuildFormat(const JsonFile& file, LogFormat* out, std::vector<std::string>* errors);

// Runs a format's samples through the same parser the reader uses. Appends
// one message per failing sample.
void CheckSamples(const LogFormat& format, std::vector<std::string>* errors);

}  // namespace analyzer
