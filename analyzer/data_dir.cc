#include "data_dir.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace analyzer {

std::string FindDataDir(const std::string& explicit_dir, const char* argv0) {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("ANALYZER_DATA_DIR")) candidates.emplace_back(env);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec && argv0 != nullptr) exe = fs::absolute(argv0, ec);
  if (!exe.empty()) {
    candidates.push_back(exe.parent_path().parent_path() / "rules");
    candidates.push_back(exe.parent_path().parent_path() / "share" / "analyzer" / "rules");
  }
#ifdef ANALYZER_SOURCE_RULES_DIR
  candidates.emplace_back(ANALYZER_SOURCE_RULES_DIR);
#endif
  for (const fs::path& c : candidates)
    if (fs::is_directory(c / "formats", ec)) return c.string();
  return "";
}

}  // namespace analyzer
