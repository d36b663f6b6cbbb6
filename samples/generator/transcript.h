// Get-AzureStackLog_Output.log: the PowerShell transcript of the collection run at the
// privileged endpoint (UTF-8 with BOM, CRLF). It carries a harmless WARNING line and, when
// the scenario's collection ran out of disk, a PS>TerminatingError line.
#ifndef SAMPLES_GENERATOR_TRANSCRIPT_H_
#define SAMPLES_GENERATOR_TRANSCRIPT_H_

#include <string>
#include <vector>

#include "scenario.h"

namespace samplegen {

struct CollectedVms {
  std::vector<std::string> xrp;
  std::vector<std::string> was;
  std::vector<std::string> wasp;
  std::string ercs;
};

// The file's bytes.
std::string MakeTranscript(const Scenario& scenario, const std::string& top_folder,
                           const CollectedVms& vms);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_TRANSCRIPT_H_
