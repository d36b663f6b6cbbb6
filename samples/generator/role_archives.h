// The per-role zips of a bundle and what goes in each: AzureBridge split in two parts
// (hourly trace files before Plan::split_time in part 1, the rest in part 2, files of the
// same VMs in both), UsageBridge, WAS, WASPUBLIC and, when collected, SeedRing. Inside a
// role zip: <Role>/<VM>/<files>, VM by VM.
#ifndef SAMPLES_GENERATOR_ROLE_ARCHIVES_H_
#define SAMPLES_GENERATOR_ROLE_ARCHIVES_H_

#include <string>
#include <vector>

#include "entry_sink.h"
#include "log_file_roller.h"
#include "plan.h"

namespace samplegen {

struct RoleArchive {
  std::string name;  // AzureBridge-20261118093000-1.zip
  std::string role;
  int part;  // 1 or 2 for a split role, 0 for a whole one
};

// The role archives of `plan`, in bundle order.
std::vector<RoleArchive> RoleArchivesOf(const Plan& plan);

// Writes the members of `archive` into `sink`. `rollers` holds one roller per plan
// stream (same index); part 2 of a split role continues where part 1 stopped, so write
// the parts in order. Returns false with sink->error() set.
bool WriteRoleMembers(const Plan& plan, const RoleArchive& archive,
                      std::vector<LogFileRoller>* rollers, EntrySink* sink);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_ROLE_ARCHIVES_H_
