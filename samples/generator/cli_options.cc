#include "cli_options.h"

#include <cstdlib>
#include <string_view>

#include "scenario.h"

namespace samplegen {
namespace {

// "1073741824", "512M", "1G", "4GiB": binary multiples.
bool ParseSize(const std::string& text, uint64_t* size) {
  char* end = nullptr;
  const unsigned long long value = std::strtoull(text.c_str(), &end, 10);
  if (end == text.c_str()) return false;
  std::string unit(end);
  if (unit.size() > 1 && (unit.substr(1) == "iB" || unit.substr(1) == "B")) unit.resize(1);
  const int shift = unit.empty()                 ? 0
                    : unit == "K" || unit == "k" ? 10
                    : unit == "M"                ? 20
                    : unit == "G"                ? 30
                                                 : -1;
  if (shift < 0 || value == 0) return false;
  *size = static_cast<uint64_t>(value) << shift;
  return true;
}

bool ParseLayout(const std::string& text, Layout* layout) {
  if (text == "zip")
    *layout = Layout::kZip;
  else if (text == "tgz")
    *layout = Layout::kTarGz;
  else if (text == "dir")
    *layout = Layout::kDirectory;
  else
    return false;
  return true;
}

bool Check(const CliOptions& o, std::string* error) {
  if (o.command == Command::kScenario) {
    const Scenario* s = FindScenario(o.scenario);
    if (s == nullptr)
      *error = "unknown scenario '" + o.scenario + "' (see --list)";
    else if (o.out.empty() && o.truth.empty())
      *error = "--scenario needs --out and/or --truth";
    else if (o.size != 0 && s->large_bytes == 0)
      *error = "--size applies to scenario 'large' only";
  } else if (o.command == Command::kAll && o.out.empty()) {
    *error = "--all needs --out DIR";
  }
  return error->empty();
}

}  // namespace

bool ParseCli(int argc, char** argv, CliOptions* o, std::string* error) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--help" || arg == "-h") {
      o->command = Command::kHelp;
      return true;
    } else if (arg == "--list") {
      o->command = Command::kList;
    } else if (arg == "--all") {
      o->command = Command::kAll;
    } else if (arg == "--scenario" && has_value) {
      o->command = Command::kScenario;
      o->scenario = argv[++i];
    } else if (arg == "--out" && has_value) {
      o->out = argv[++i];
    } else if (arg == "--truth" && has_value) {
      o->truth = argv[++i];
    } else if (arg == "--layout" && has_value) {
      if (!ParseLayout(argv[++i], &o->layout)) *error = "--layout takes zip, tgz or dir";
    } else if (arg == "--size" && has_value) {
      if (!ParseSize(argv[++i], &o->size))
        *error = "--size takes a byte count such as 1073741824, 512M or 4G";
    } else {
      *error = "unexpected argument '" + std::string(arg) + "'";
    }
    if (!error->empty()) return false;
  }
  return Check(*o, error);
}

std::string UsageText() {
  std::string text =
      "sample_generator: deterministic Azure Stack Hub log bundles with ground truth\n\n"
      "  sample_generator --list\n"
      "  sample_generator --scenario NAME [--out PATH] [--truth FILE] [--layout zip|tgz|dir] "
      "[--size BYTES]\n"
      "  sample_generator --all --out DIR [--layout zip|tgz|dir] [--size BYTES]\n\n"
      "  --out PATH     the bundle: a .zip (default layout), a .tar.gz (tgz), or a directory\n"
      "                 that receives the AzureStackLogs-* folder (dir)\n"
      "  --truth FILE   the ground truth JSON of the scenario\n"
      "  --size BYTES   scenario 'large' only: about this much log text (K, M, G suffixes;\n"
      "                 default 1G)\n"
      "  --all          every scenario as DIR/NAME.zip (.tar.gz, or folder) plus "
      "DIR/NAME.truth.json;\n"
      "                 'large' only when --size is given\n\n"
      "Same arguments, same bytes. Exit status: 0 success, 1 usage error, 2 output "
      "error.\n\nScenarios:\n";
  for (const Scenario& s : AllScenarios()) text += "  " + s.name + ": " + s.summary + "\n";
  return text;
}

}  // namespace samplegen
