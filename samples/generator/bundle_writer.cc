#include "bundle_writer.h"

#include <cstdio>
#include <map>
#include <memory>
#include <thread>
#include <vector>

#include "archive_sink.h"
#include "directory_sink.h"
#include "filler.h"
#include "log_file_roller.h"
#include "prng.h"
#include "role_archives.h"

namespace samplegen {
namespace {

// Log text the plan already holds, so padding can top it up to the requested size.
uint64_t PlannedBytes(const Plan& plan) {
  uint64_t bytes = 0;
  for (const LogStream& s : plan.streams) {
    for (const LogEvent& e : s.events) bytes += e.text.size() + 64;
  }
  for (const PlacedFile& f : plan.files) bytes += f.file.data.size();
  return bytes;
}

std::string VmOf(const LogStream& stream) {
  const size_t first = stream.path_stem.find('/');
  const size_t second = stream.path_stem.find('/', first + 1);
  return stream.path_stem.substr(first + 1, second - first - 1);
}

std::vector<LogFileRoller> MakeRollers(const Scenario& s, const Plan& plan, size_t max_file_bytes) {
  uint64_t padded_streams = 0;
  for (const LogStream& stream : plan.streams) padded_streams += stream.filler ? 1 : 0;
  const uint64_t planned = PlannedBytes(plan);
  const uint64_t budget = padded_streams == 0 || s.large_bytes <= planned
                              ? 0
                              : (s.large_bytes - planned) / padded_streams;
  std::vector<LogFileRoller> rollers;
  rollers.reserve(plan.streams.size());
  for (const LogStream& stream : plan.streams) {
    std::unique_ptr<FillerSource> filler;
    if (stream.filler && budget > 0) {
      filler = std::make_unique<FillerSource>(Fnv1a(s.name + "/" + stream.path_stem),
                                              s.window_start, s.collected, budget, VmOf(stream),
                                              stream.role == "UsageBridge");
    }
    rollers.emplace_back(&stream, std::move(filler), max_file_bytes);
  }
  return rollers;
}

struct Spool {
  RoleArchive archive;
  std::FILE* file = nullptr;  // anonymous temporary file, deleted when closed
  std::string error;
};

bool WriteSpool(const Plan& plan, std::vector<LogFileRoller>* rollers, int level, Spool* spool) {
  spool->file = std::tmpfile();
  if (spool->file == nullptr) {
    spool->error = spool->archive.name + ": cannot create a temporary file";
    return false;
  }
  std::string error;
  auto sink = OpenArchiveSink({ArchiveFormat::kZip, level, false}, spool->file, &error);
  if (sink && WriteRoleMembers(plan, spool->archive, rollers, sink.get()) && sink->Close() &&
      std::fflush(spool->file) == 0) {
    return true;
  }
  spool->error = spool->archive.name + ": " + (sink ? sink->error() : error);
  return false;
}

// Builds every role zip; roles run in parallel, the parts of one role in order (part 2
// continues the rollers where part 1 stopped). Rollers of different roles are disjoint.
bool WriteSpools(const Plan& plan, std::vector<LogFileRoller>* rollers, int level,
                 std::vector<Spool>* spools, std::string* error) {
  std::map<std::string, std::vector<Spool*>> by_role;
  for (Spool& spool : *spools) by_role[spool.archive.role].push_back(&spool);
  std::vector<std::thread> threads;
  for (auto& [role, group] : by_role) {
    threads.emplace_back([&plan, rollers, level, members = group] {
      for (Spool* spool : members) {
        if (!WriteSpool(plan, rollers, level, spool)) return;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const Spool& spool : *spools) {
    if (!spool.error.empty()) {
      *error = spool.error;
      return false;
    }
  }
  return true;
}

bool WriteOuter(const Scenario& s, const Plan& plan, const std::vector<Spool>& spools,
                EntrySink* outer) {
  const std::string top = plan.top_folder + "/";
  for (const PlacedFile& f : plan.files) {
    if (f.role.empty() && !outer->AddBytes(top + f.file.path, f.file.data, f.file.mtime))
      return false;
  }
  for (const Spool& spool : spools) {
    if (!outer->AddFile(top + spool.archive.name, spool.file, s.collected + Minutes(14)))
      return false;
  }
  return outer->Close();
}

bool WriteContainer(const Scenario& s, const Plan& plan, const std::vector<Spool>& spools,
                    const std::string& out_path, const WriteOptions& options, std::string* error) {
  if (options.layout == Layout::kDirectory) {
    auto dir = OpenDirectorySink(out_path, error);
    if (dir && !WriteOuter(s, plan, spools, dir.get())) *error = dir->error();
    return dir && error->empty();
  }
  std::FILE* out = std::fopen(out_path.c_str(), "wb");
  if (out == nullptr) {
    *error = "cannot create " + out_path;
    return false;
  }
  const ArchiveFormat format =
      options.layout == Layout::kZip ? ArchiveFormat::kZip : ArchiveFormat::kTarGz;
  auto sink =
      OpenArchiveSink({format, options.compression_level, options.store_role_zips}, out, error);
  if (sink && !WriteOuter(s, plan, spools, sink.get())) *error = out_path + ": " + sink->error();
  sink.reset();
  if (std::fclose(out) != 0 && error->empty()) *error = "cannot write " + out_path;
  return error->empty();
}

}  // namespace

bool WriteBundle(const Scenario& scenario, const Plan& plan, const std::string& out_path,
                 const WriteOptions& options, std::string* error) {
  error->clear();
  std::vector<LogFileRoller> rollers = MakeRollers(scenario, plan, options.max_file_bytes);
  std::vector<Spool> spools;
  for (const RoleArchive& archive : RoleArchivesOf(plan)) spools.push_back({archive, nullptr, ""});
  bool ok = WriteSpools(plan, &rollers, options.compression_level, &spools, error) &&
            WriteContainer(scenario, plan, spools, out_path, options, error);
  for (Spool& spool : spools) {
    if (spool.file != nullptr) std::fclose(spool.file);
  }
  return ok;
}

}  // namespace samplegen
