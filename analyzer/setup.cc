#include "setup.h"

#include <filesystem>
#include <map>

#include "terminal_text.h"

namespace analyzer {
namespace {

bool ParseBound(const std::string& flag, const std::string& text, UtcTime* out, std::ostream& err) {
  if (text.empty()) return true;
  *out = ParseUserTime(text);
  if (out->known()) return true;
  err << "analyzer: " << flag << " '" << TerminalSafe(text) << "' is not a time (use 2026-11-18T09:00:00Z)\n";
  return false;
}

}  // namespace

bool PrepareSetup(const CliOptions& options, const std::string& data_dir, Setup* setup,
                  std::ostream& err) {
  std::vector<std::string> errors;
  std::map<std::string, std::shared_ptr<const LogFormat>> by_name;  // later dirs replace
  std::vector<std::string> dirs = {data_dir + "/formats"};
  for (const std::string& d : options.rules_dirs)
    if (std::filesystem::is_directory(d + "/formats")) dirs.push_back(d + "/formats");
  for (const std::string& dir : dirs)
    for (auto& f : LoadFormats(dir, &errors)) by_name[f->name] = std::move(f);
  for (const std::string& e : errors) err << TerminalSafe(e) << "\n";
  if (!errors.empty()) return false;
  std::vector<std::shared_ptr<const LogFormat>> formats;
  for (auto& [name, f] : by_name) formats.push_back(f);
  setup->formats = FormatSet(std::move(formats));
  setup->ingest.formats = &setup->formats;
  setup->ingest.limits = options.limits;
  std::string zone_error;
  if (!TimeZone::Parse(options.assume_tz, &setup->ingest.assumed_zone, &zone_error)) {
    err << "analyzer: --assume-tz: " << TerminalSafe(zone_error) << "\n";
    return false;
  }
  return ParseBound("--from", options.from, &setup->from, err) &&
         ParseBound("--to", options.to, &setup->to, err);
}

}  // namespace analyzer
