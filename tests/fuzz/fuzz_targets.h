// Fuzz targets: the bodies of the libFuzzer entry points, as plain
// functions, so the committed corpus can be replayed by an ordinary test
// without clang or libFuzzer (fuzz_replay_test.cc) and the same code runs
// under libFuzzer with -DANALYZER_FUZZ=ON (libfuzzer_main.cc).
//
// Each body takes any bytes, must not crash, hang, leak or trip a
// sanitizer, and returns 0 (libFuzzer's convention).
#pragma once

#include <cstddef>
#include <cstdint>

namespace fuzz {

// A whole input (archive of any kind, compressed file or log) through the
// bundle reader and the record reader: IngestInput on a memfd.
int BundleReader(const uint8_t* data, size_t size);
// Bytes as a log file: encoding detection, TextDecoder fed in uneven chunks,
// LineReader, LineParser with every shipped format, RecordReader.
int RecordSplitter(const uint8_t* data, size_t size);
// Timestamp parsers: every shipped TimestampFormat, a pattern taken from the
// input, ParseUserTime, ParseDuration, TimeZone::Parse on a TZif file made
// of the input.
int Timestamps(const uint8_t* data, size_t size);
// A log-format file: JsonFile::Parse, schema validation, BuildFormat,
// CheckSamples, and the built format on a few lines.
int FormatLoader(const uint8_t* data, size_t size);
// A rule-pack file: JsonFile::Parse, schema validation, ParsePack.
int RuleLoader(const uint8_t* data, size_t size);
// A zip in memory: ZipDirectory::Parse, lookups, and every member read to
// its end through ResolveData and ZipMemberSource (ISA-L inflate).
int ZipDirectory(const uint8_t* data, size_t size);

struct Target {
  const char* name;  // also the corpus directory name
  int (*run)(const uint8_t*, size_t);
};
inline constexpr Target kTargets[] = {
    {"bundle_reader", &BundleReader}, {"record_splitter", &RecordSplitter},
    {"timestamps", &Timestamps},      {"format_loader", &FormatLoader},
    {"rule_loader", &RuleLoader},     {"zip_directory", &ZipDirectory},
};

}  // namespace fuzz
