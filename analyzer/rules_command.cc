#include "commands.h"
#include "exit_status.h"
namespace analyzer {
int RunRules(const CliOptions&, const std::string&, std::ostream&, std::ostream& err) {
  err << "analyzer: rules is not built yet\n";
  return kExitUsage;
}
}  // namespace analyzer
