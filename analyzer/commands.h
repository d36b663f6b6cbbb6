// The analyzer's commands, each a function from options to an exit status.
// They print results on `out` and diagnostics on `err`; main.cc only parses
// the command line and picks one.
#pragma once

#include <ostream>

#include "cli_options.h"

namespace analyzer {

int RunRecords(const CliOptions& options, const std::string& data_dir, std::ostream& out,
               std::ostream& err);
int RunScan(const CliOptions& options, const std::string& data_dir, std::ostream& out,
            std::ostream& err);
int RunBatch(const CliOptions& options, const std::string& data_dir, std::ostream& out,
             std::ostream& err);
int RunMerge(const CliOptions& options, std::ostream& out, std::ostream& err);
int RunRules(const CliOptions& options, const std::string& data_dir, std::ostream& out,
             std::ostream& err);

}  // namespace analyzer
