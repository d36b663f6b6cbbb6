// CliRunner: runs a command line in the project directory and captures its
// exit status, stdout and stderr, for the end-to-end tests.
#pragma once

#include <string>

namespace analyzer_test {

struct RunResult {
  int status = -1;  // exit status, or -1 if the command did not exit normally
  std::string out, err;
};

// `args` is appended to the analyzer binary path as shell words (already quoted).
RunResult RunAnalyzer(const std::string& args);
RunResult RunShell(const std::string& command);

std::string ReadFile(const std::string& path);
std::string TempPath(const std::string& name);  // a fresh path under a per-run temp dir

}  // namespace analyzer_test
