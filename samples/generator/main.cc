// sample_generator: writes deterministic sample bundles and their ground truth.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "bundle_writer.h"
#include "cli_options.h"
#include "directory_sink.h"
#include "ground_truth.h"
#include "plan.h"
#include "scenario.h"

namespace samplegen {
namespace {

enum ExitCode { kOk = 0, kUsageError = 1, kOutputError = 2 };

bool WriteText(const std::string& path, const std::string& text) {
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  return std::fclose(out) == 0 && ok;
}

const char* Extension(Layout layout) {
  return layout == Layout::kZip ? ".zip" : layout == Layout::kTarGz ? ".tar.gz" : "";
}

int Generate(Scenario scenario, const CliOptions& cli, const std::string& out,
             const std::string& truth) {
  if (cli.size != 0 && scenario.large_bytes != 0) scenario.large_bytes = cli.size;
  const Plan plan = BuildPlan(scenario);
  std::string error;
  WriteOptions options;
  options.layout = cli.layout;
  if (scenario.large_bytes != 0) {
    // A benchmark input: fast deflate, and no second deflate of the role zips.
    options.compression_level = 1;
    options.store_role_zips = true;
  }
  if (!out.empty() && !WriteBundle(scenario, plan, out, options, &error)) {
    std::fprintf(stderr, "sample_generator: %s\n", error.c_str());
    return kOutputError;
  }
  if (!truth.empty() &&
      !WriteText(truth, TruthJson(scenario.name, ComputeFindings(scenario, plan.failures)))) {
    std::fprintf(stderr, "sample_generator: cannot write %s\n", truth.c_str());
    return kOutputError;
  }
  return kOk;
}

int Run(const CliOptions& cli) {
  switch (cli.command) {
    case Command::kHelp:
      std::fputs(UsageText().c_str(), stdout);
      return kOk;
    case Command::kList:
      for (const Scenario& s : AllScenarios()) std::printf("%s\n", s.name.c_str());
      return kOk;
    case Command::kScenario:
      return Generate(*FindScenario(cli.scenario), cli, cli.out, cli.truth);
    case Command::kAll:
      if (!MakeDirectories(cli.out)) {
        std::fprintf(stderr, "sample_generator: cannot create directory %s\n", cli.out.c_str());
        return kOutputError;
      }
      for (const Scenario& s : AllScenarios()) {
        if (s.large_bytes != 0 && cli.size == 0) continue;  // a benchmark: only on request
        const std::string base = cli.out + "/" + s.name;
        const int rc = Generate(s, cli, base + Extension(cli.layout), base + ".truth.json");
        if (rc != kOk) return rc;
      }
      return kOk;
  }
  return kOk;
}

}  // namespace
}  // namespace samplegen

int main(int argc, char** argv) {
  // Zip headers store MS-DOS local times: pin the zone so the bytes do not depend on the
  // machine the generator runs on.
  setenv("TZ", "UTC", 1);
  tzset();
  samplegen::CliOptions cli;
  std::string error;
  if (!samplegen::ParseCli(argc, argv, &cli, &error)) {
    std::fprintf(stderr, "sample_generator: %s\nTry --help.\n", error.c_str());
    return samplegen::kUsageError;
  }
  return samplegen::Run(cli);
}
