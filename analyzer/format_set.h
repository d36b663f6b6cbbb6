// FormatSet: the loaded log formats and the choice of one for a file.
//
// A file takes the first format (by priority, then name) whose path globs
// match and which recognizes at least one of its first lines; failing that,
// the format that recognizes most of its first lines; failing that, the
// fallback format (the one declared with "fallback": true), which finds a
// timestamp at the start of any line.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "log_format.h"

namespace analyzer {

class FormatSet {
 public:
  FormatSet() = default;
  explicit FormatSet(std::vector<std::shared_ptr<const LogFormat>> formats);

  // `path` is the file's path inside its container; `first_lines` its
  // first decoded lines. Returns null only when no format is loaded.
  const LogFormat* Choose(std::string_view path, const std::vector<std::string>& first_lines) const;

  const std::vector<std::shared_ptr<const LogFormat>>& formats() const { return formats_; }

 private:
  std::vector<std::shared_ptr<const LogFormat>> formats_;  // priority order
  const LogFormat* fallback_ = nullptr;
};

// Case-insensitive glob: '*', '?', '[...]'. A pattern without '/' is matched
// against the base name, one with '/' against the whole path.
bool GlobMatch(std::string_view pattern, std::string_view path);

}  // namespace analyzer
