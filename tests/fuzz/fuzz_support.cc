#include "fuzz_support.h"

#include <cstdlib>
#include <iostream>
#include <vector>

#include "json_file.h"
#include "log_format.h"

namespace fuzz {
namespace {

analyzer::JsonSchema LoadSchema(const char* name) {
  analyzer::JsonFile file;
  std::string error;
  if (!file.Load(std::string(ANALYZER_RULES_DIR "/schema/") + name, &error)) {
    std::cerr << "fuzz: " << error << "\n";
    std::abort();  // a broken build, not a finding
  }
  return analyzer::JsonSchema(file.value);
}

size_t Touch(std::string_view s) {
  size_t h = s.size();
  for (unsigned char c : s) h = h * 31 + c;
  return h;
}

}  // namespace

const analyzer::FormatSet& ShippedFormats() {
  static const analyzer::FormatSet set = [] {
    std::vector<std::string> errors;
    auto formats = analyzer::LoadFormats(ANALYZER_RULES_DIR "/formats", &errors);
    if (!errors.empty() || formats.empty()) {
      for (const auto& e : errors) std::cerr << "fuzz: " << e << "\n";
      std::abort();
    }
    return analyzer::FormatSet(std::move(formats));
  }();
  return set;
}

const analyzer::JsonSchema& FormatSchema() {
  static const analyzer::JsonSchema schema = LoadSchema("log-format.schema.json");
  return schema;
}

const analyzer::JsonSchema& RulePackSchema() {
  static const analyzer::JsonSchema schema = LoadSchema("rule-pack.schema.json");
  return schema;
}

analyzer::Limits FuzzLimits() {
  analyzer::Limits l;
  l.max_depth = 4;
  l.max_total_bytes = 16 << 20;
  l.max_line_bytes = 4096;
  l.max_record_bytes = 8192;
  l.max_entries = 2000;
  l.max_in_memory_archive = 4 << 20;
  return l;
}

void TouchingSink::OnRecord(const analyzer::Record& r) {
  checksum += Touch(r.source) + Touch(r.host) + Touch(r.component) + Touch(r.level) +
              Touch(r.text) + Touch(r.message) + static_cast<size_t>(r.line) +
              static_cast<size_t>(r.time.ticks);
}

}  // namespace fuzz
