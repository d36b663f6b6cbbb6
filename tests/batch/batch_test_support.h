// Helpers for the batch tests: a scratch directory removed at the end, the
// built analyzer run in the project directory, and whole output directories
// read back for byte-for-byte comparison.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace test {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class TempDir {
 public:
  TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "batch_tests.XXXXXX").string();
    path_ = ::mkdtemp(templ.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct RunResult {
  int status = -1;  // exit status, or -1 when the command did not exit normally
  std::string out, err;
};

// Runs `analyzer ARGS` (shell words, already quoted) in the project directory.
inline RunResult RunAnalyzer(const TempDir& scratch, const std::string& args) {
  static int n = 0;
  const std::string out = scratch / ("stdout." + std::to_string(++n)),
                    err = scratch / ("stderr." + std::to_string(n));
  const std::string command = std::string("cd '") + PROJECT_DIR + "' && '" + ANALYZER_BIN + "' " +
                              args + " >'" + out + "' 2>'" + err + "' </dev/null";
  const int raw = std::system(command.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

// Every regular file under `dir`, by path relative to it, with its bytes.
inline std::map<std::string, std::string> DirectoryFiles(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      files[std::filesystem::relative(e.path(), dir).string()] = ReadFile(e.path().string());
  return files;
}

}  // namespace test
