#include "cli_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace analyzer_test {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string TempPath(const std::string& name) {
  static const std::string dir = [] {
    std::string d = (std::filesystem::temp_directory_path() / ("cli_tests." + std::to_string(::getpid()))).string();
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir + "/" + name;
}

RunResult RunShell(const std::string& command) {
  static int n = 0;
  const std::string out = TempPath("out." + std::to_string(++n)), err = TempPath("err." + std::to_string(n));
  const int raw = std::system((command + " >" + out + " 2>" + err + " </dev/null").c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

RunResult RunAnalyzer(const std::string& args) {
  return RunShell(std::string("cd '") + PROJECT_DIR + "' && '" + ANALYZER_BIN + "' " + args);
}

}  // namespace analyzer_test
