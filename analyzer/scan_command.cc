#include "commands.h"
#include "exit_status.h"
namespace analyzer {
int RunScan(const CliOptions&, const std::string&, std::ostream&, std::ostream& err) {
  err << "analyzer: scan is not built yet\n";
  return kExitUsage;
}
}  // namespace analyzer
