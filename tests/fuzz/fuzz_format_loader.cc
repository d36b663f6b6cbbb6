// Fuzz target: a log-format file as the loader reads it: JsonFile::Parse
// (comments allowed), the log-format schema, BuildFormat, CheckSamples,
// then the built format on its own samples through the line parser.
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "fuzz_targets.h"
#include "json_file.h"
#include "line_parser.h"
#include "log_format.h"

namespace fuzz {

int FormatLoader(const uint8_t* data, size_t size) {
  analyzer::JsonFile file;
  std::string error;
  if (!file.Parse("fuzz/formats/f.json", std::string(reinterpret_cast<const char*>(data), size), &error))
    return 0;
  std::vector<analyzer::SchemaViolation> violations;
  FormatSchema().Validate(file.value, &violations);
  for (const auto& v : violations) file.Where(v.pointer);
  if (!violations.empty()) return 0;  // the loader stops here too
  analyzer::LogFormat format;
  std::vector<std::string> errors;
  if (!BuildFormat(file, &format, &errors)) return 0;
  CheckSamples(format, &errors);
  analyzer::LineParser parser(format, analyzer::TimeZone::FixedOffset(7200));
  analyzer::ParsedLine p;
  for (const auto& s : format.samples) {
    if (!s.header.empty()) parser.Parse(s.header, &p);
    parser.Parse(s.line, &p);
  }
  for (const auto& line : format.non_starting_samples) parser.Parse(line, &p);
  return 0;
}

}  // namespace fuzz
