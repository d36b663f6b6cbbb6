#include "batch_names.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "shard.h"

namespace analyzer {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string StripExtension(const std::string& file_name) {
  const std::string lower = Lower(file_name);
  for (const char* ext : {".tar.gz", ".tgz", ".tar", ".zip", ".7z", ".gz"}) {
    const std::string e(ext);
    if (lower.size() > e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0)
      return file_name.substr(0, file_name.size() - e.size());
  }
  const size_t dot = file_name.rfind('.');
  return dot == std::string::npos || dot == 0 ? file_name : file_name.substr(0, dot);
}

std::string Sanitize(const std::string& name) {
  std::string out = name;
  for (char& c : out) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '.' || c == '_' || c == '-') || u >= 0x80) c = '_';
  }
  if (!out.empty() && out[0] == '.') out[0] = '_';
  return out.empty() ? "bundle" : out;
}

std::string Hex8(uint64_t h) {
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(h & 0xffffffffu));
  return buf;
}

}  // namespace

std::string BundleBaseName(const std::string& path) {
  std::filesystem::path p(path);
  if (p.filename().empty()) p = p.parent_path();  // "dir/"
  std::error_code ec;
  const std::string file = p.filename().string();
  return Sanitize(std::filesystem::is_directory(p, ec) ? file : StripExtension(file));
}

std::vector<std::string> UniqueBundleNames(const std::vector<std::string>& paths) {
  std::vector<std::string> names;
  std::map<std::string, int> uses;  // lower-case base name -> paths having it
  for (const std::string& path : paths) names.push_back(BundleBaseName(path));
  for (const std::string& n : names) ++uses[Lower(n)];
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string lower = Lower(names[i]);
    if (uses[lower] > 1 || lower == "summary" || lower == "index")
      names[i] += "-" + Hex8(Fnv1a64(paths[i]));
  }
  std::set<std::string> taken;
  for (std::string& n : names) {
    const std::string base = n;
    for (int k = 2; !taken.insert(Lower(n)).second; ++k) n = base + "-" + std::to_string(k);
  }
  return names;
}

}  // namespace analyzer
