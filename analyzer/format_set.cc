#include "format_set.h"

#include <fnmatch.h>

#include <algorithm>

#include "line_parser.h"

namespace analyzer {

bool GlobMatch(std::string_view pattern, std::string_view path) {
  std::string p(pattern), s(path);
  if (p.find('/') == std::string::npos) {
    const size_t slash = s.find_last_of('/');
    if (slash != std::string::npos) s = s.substr(slash + 1);
  }
  return ::fnmatch(p.c_str(), s.c_str(), FNM_CASEFOLD) == 0;
}

FormatSet::FormatSet(std::vector<std::shared_ptr<const LogFormat>> formats)
    : formats_(std::move(formats)) {
  std::stable_sort(formats_.begin(), formats_.end(), [](const auto& a, const auto& b) {
    return a->priority != b->priority ? a->priority > b->priority : a->name < b->name;
  });
  for (const auto& f : formats_)
    if (f->fallback) fallback_ = f.get();
}

namespace {

int Recognized(const LogFormat& f, const std::vector<std::string>& lines) {
  LineParser parser(f, TimeZone::Utc());
  int n = 0;
  for (const std::string& line : lines) {
    ParsedLine p;
    parser.Parse(line, &p);
    n += p.starts_record && (p.has_timestamp || f.timestamp_group == 0);
  }
  return n;
}

}  // namespace

const LogFormat* FormatSet::Choose(std::string_view path,
                                   const std::vector<std::string>& first_lines) const {
  // Among the formats whose globs match, the one recognizing most of the
  // first lines wins (ties go to priority order); then any sniffable format.
  for (const bool need_glob : {true, false}) {
    const LogFormat* best = nullptr;
    int best_score = 0;
    for (const auto& f : formats_) {
      if (f.get() == fallback_ || (!need_glob && !f->sniff)) continue;
      const bool globbed = std::any_of(f->globs.begin(), f->globs.end(),
                                       [&](const std::string& g) { return GlobMatch(g, path); });
      if (need_glob && !globbed) continue;
      const int score = Recognized(*f, first_lines);
      if (score > best_score) best = f.get(), best_score = score;
    }
    if (best != nullptr) return best;
  }
  if (fallback_ != nullptr) return fallback_;
  return formats_.empty() ? nullptr : formats_.front().get();
}

}  // namespace analyzer
