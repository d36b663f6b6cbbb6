#include "role_archives.h"

#include <algorithm>

namespace samplegen {
namespace {

bool HasRole(const Plan& plan, const std::string& role) {
  return std::any_of(plan.files.begin(), plan.files.end(),
                     [&](const PlacedFile& f) { return f.role == role; });
}

int LastVm(const Plan& plan) {
  int last = 0;
  for (const LogStream& s : plan.streams) last = std::max(last, s.vm);
  for (const PlacedFile& f : plan.files) last = std::max(last, f.vm);
  return last;
}

}  // namespace

std::vector<RoleArchive> RoleArchivesOf(const Plan& plan) {
  const std::string& stamp = plan.stamp;
  std::vector<RoleArchive> archives = {
      {"AzureBridge-" + stamp + "-1.zip", "AzureBridge", 1},
      {"AzureBridge-" + stamp + "-2.zip", "AzureBridge", 2},
      {"UsageBridge-" + stamp + ".zip", "UsageBridge", 0},
      {"WAS-" + stamp + ".zip", "WAS", 0},
      {"WASPUBLIC-" + stamp + ".zip", "WASPUBLIC", 0},
  };
  if (HasRole(plan, "SeedRing")) archives.push_back({"SeedRing-" + stamp + ".zip", "SeedRing", 0});
  return archives;
}

bool WriteRoleMembers(const Plan& plan, const RoleArchive& archive,
                      std::vector<LogFileRoller>* rollers, EntrySink* sink) {
  const int last_vm = LastVm(plan);
  for (int vm = 0; vm <= last_vm; ++vm) {
    for (size_t i = 0; i < plan.streams.size(); ++i) {
      const LogStream& s = plan.streams[i];
      if (s.role != archive.role || s.vm != vm) continue;
      Ticks limit = kNever;
      if (s.rotation == Rotation::kHourly) {
        if (archive.part == 1) limit = plan.split_time;
      } else if (archive.part != 0 && s.part != archive.part) {
        continue;
      }
      if (!(*rollers)[i].WriteUntil(limit, sink)) return false;
    }
    for (const PlacedFile& f : plan.files) {
      if (f.role != archive.role || f.vm != vm || (archive.part != 0 && f.part != archive.part))
        continue;
      if (!sink->AddBytes(f.file.path, f.file.data, f.file.mtime)) return false;
    }
  }
  return true;
}

}  // namespace samplegen
