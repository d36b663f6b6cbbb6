// analyzer: offline triage of Azure Stack Hub log bundles for usage-push
// errors. Parses the command line, runs one command, returns its status.
#include <clocale>
#include <iostream>

#include "cli_options.h"
#include "commands.h"
#include "data_dir.h"
#include "exit_status.h"
#include "terminal_text.h"

int main(int argc, char** argv) {
  using namespace analyzer;
  std::ios::sync_with_stdio(false);
  // libarchive converts member names to the locale's charset: in the "C"
  // locale a UTF-8 name with any non-ASCII letter has no name at all. Only
  // LC_CTYPE: numbers keep their '.' (report_html_format.cc).
  if (std::setlocale(LC_CTYPE, "C.UTF-8") == nullptr) std::setlocale(LC_CTYPE, "");
  CliOptions options;
  std::string message;
  switch (ParseCommandLine(argc, argv, &options, &message)) {
    case ParseOutcome::kHelp: std::cout << message; return kExitOk;
    case ParseOutcome::kError:
      std::cerr << "analyzer: " << TerminalSafe(message, /*keep_newlines=*/true) << "\n";
      return kExitUsage;
    case ParseOutcome::kRun: break;
  }
  const std::string data_dir = FindDataDir(options.data_dir, argv[0]);
  if (data_dir.empty()) {
    std::cerr << "analyzer: cannot find the shipped rules/ directory; use --data-dir\n";
    return kExitUsage;
  }
  try {
    if (options.command == "records") return RunRecords(options, data_dir, std::cout, std::cerr);
    if (options.command == "scan") return RunScan(options, data_dir, std::cout, std::cerr);
    if (options.command == "batch") return RunBatch(options, data_dir, std::cout, std::cerr);
    if (options.command == "merge") return RunMerge(options, std::cout, std::cerr);
    return RunRules(options, data_dir, std::cout, std::cerr);
  } catch (const std::bad_alloc&) {
    std::cerr << "analyzer: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "analyzer: internal error: " << TerminalSafe(e.what()) << "\n";
  }
  return kExitUsage;
}
