#include "batch_inputs.h"

#include <glob.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

#include "origin.h"

namespace analyzer {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "AzureBridge-20261201013000-1.zip": a known role, a dash, a timestamp.
// The timestamp keeps a bundle that merely starts with a role's letters
// ("nc-incident.zip") from turning its directory into a bundle.
bool IsRoleZipName(const std::string& name) {
  const std::string lower = Lower(name);
  const size_t dash = lower.find('-');
  if (!EndsWith(lower, ".zip") || dash == std::string::npos || CanonicalRole(name).empty())
    return false;
  size_t digits = 0;
  while (dash + 1 + digits < lower.size() &&
         std::isdigit(static_cast<unsigned char>(lower[dash + 1 + digits])))
    ++digits;
  return digits >= 8;
}

std::string DirName(const std::string& dir) {
  fs::path p(dir);
  if (p.filename().empty()) p = p.parent_path();  // "dir/"
  return p.filename().string();
}

// The entries of `dir`, without throwing (a range-for over a
// directory_iterator throws when an increment fails).
std::vector<fs::directory_entry> ListDirectory(const std::string& dir, std::error_code* ec) {
  std::vector<fs::directory_entry> out;
  for (fs::directory_iterator it(dir, *ec), end; !*ec && it != end; it.increment(*ec))
    out.push_back(*it);
  return out;
}

bool HasGlobChars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

std::vector<std::string> Glob(const std::string& pattern) {
  glob_t g{};
  std::vector<std::string> out;
  if (::glob(pattern.c_str(), 0, nullptr, &g) == 0)
    for (size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
  ::globfree(&g);
  std::sort(out.begin(), out.end());  // bytewise, whatever the locale
  if (out.empty()) out.push_back(pattern);
  return out;
}

class Expander {
 public:
  void Argument(const std::string& arg, bool allow_list) {
    if (allow_list && arg.size() > 1 && arg[0] == '@') return List(arg.substr(1));
    if (HasGlobChars(arg)) {
      for (const std::string& p : Glob(arg)) Path(p);
      return;
    }
    Path(arg);
  }

  BatchInputs Take() { return std::move(result_); }

 private:
  void List(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      result_.errors.push_back(file + ": cannot read the list of bundles");
      return;
    }
    std::string line;
    while (std::getline(in, line)) {
      const size_t b = line.find_first_not_of(" \t\r");
      if (b == std::string::npos || line[b] == '#') continue;
      const size_t e = line.find_last_not_of(" \t\r");
      Argument(line.substr(b, e - b + 1), false);
    }
  }

  void Path(const std::string& path) {
    std::error_code ec;
    if (!fs::is_directory(path, ec) || IsBundleDirectory(path)) return Add(path);
    std::vector<std::string> found;
    for (const fs::directory_entry& e : ListDirectory(path, &ec)) {
      const std::string name = e.path().filename().string();
      std::error_code ec2;
      if (e.is_directory(ec2) ? IsBundleDirectory(e.path().string()) : IsBundleArchiveName(name))
        found.push_back((fs::path(path) / name).string());
    }
    if (ec)
      result_.warnings.push_back(path + ": cannot list the directory: " + ec.message());
    else if (found.empty())
      result_.warnings.push_back(path + ": no bundle in this directory");
    std::sort(found.begin(), found.end());
    for (const std::string& f : found) Add(f);
  }

  void Add(const std::string& path) {
    if (seen_.insert(path).second) result_.paths.push_back(path);
  }

  BatchInputs result_;
  std::set<std::string> seen_;
};

}  // namespace

bool IsBundleArchiveName(const std::string& file_name) {
  const std::string lower = Lower(file_name);
  for (const char* ext : {".zip", ".tar", ".tar.gz", ".tgz", ".7z"})
    if (EndsWith(lower, ext) && lower.size() > std::string(ext).size()) return true;
  return false;
}

bool IsBundleDirectory(const std::string& dir) {
  if (Lower(DirName(dir)).rfind("azurestacklogs-", 0) == 0) return true;
  std::error_code ec;
  for (const fs::directory_entry& e : ListDirectory(dir, &ec)) {
    std::error_code ec2;
    if (!e.is_regular_file(ec2)) continue;
    const std::string name = e.path().filename().string();
    if (Lower(name) == "get-azurestacklog_output.log" || IsRoleZipName(name)) return true;
  }
  return false;
}

BatchInputs ExpandBatchInputs(const std::vector<std::string>& args) {
  Expander expander;
  for (const std::string& arg : args) expander.Argument(arg, true);
  return expander.Take();
}

}  // namespace analyzer
