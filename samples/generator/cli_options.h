// The command line of sample_generator:
//
//   sample_generator --list
//   sample_generator --scenario NAME [--out PATH] [--truth FILE] [--layout zip|tgz|dir] [--size
//   BYTES] sample_generator --all --out DIR [--layout zip|tgz|dir] [--size BYTES]
#ifndef SAMPLES_GENERATOR_CLI_OPTIONS_H_
#define SAMPLES_GENERATOR_CLI_OPTIONS_H_

#include <cstdint>
#include <string>

#include "bundle_writer.h"

namespace samplegen {

enum class Command { kHelp, kList, kScenario, kAll };

struct CliOptions {
  Command command = Command::kHelp;
  std::string scenario;
  std::string out;
  std::string truth;
  Layout layout = Layout::kZip;
  uint64_t size = 0;  // 0: not given
};

// Parses argv. Returns false with `error` set on a usage error.
bool ParseCli(int argc, char** argv, CliOptions* options, std::string* error);

// The --help text.
std::string UsageText();

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_CLI_OPTIONS_H_
