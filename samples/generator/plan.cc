#include "plan.h"

#include <algorithm>

#include "activation_log.h"
#include "binary_members.h"
#include "bridge_service.h"
#include "iis_log.h"
#include "registration_log.h"
#include "stamp_files.h"
#include "stamp_identity.h"
#include "time_format.h"
#include "time_service.h"
#include "transcript.h"
#include "usage_uploader.h"
#include "vm_names.h"

namespace samplegen {
namespace {

// VM ordering keys inside role archives.
constexpr int kFirstWas = 3;
constexpr int kFirstWasp = 5;
constexpr int kErcs = 7;

CollectedVms NameVms(const Scenario& s) {
  CollectedVms vms;
  for (int i = 0; i < 3; ++i) vms.xrp.push_back(VmName(s.prefix, "XRP", i + 1, s.xrp[i].casing));
  for (int i = 1; i <= 2; ++i) vms.was.push_back(VmName(s.prefix, "WAS", i, s.other_casing));
  for (int i = 1; i <= 2; ++i) vms.wasp.push_back(VmName(s.prefix, "WASP", i, s.other_casing));
  vms.ercs = VmName(s.prefix, "ERCS", 1, s.other_casing);
  return vms;
}

// A stream in the XRP VM's trace format (the two bridge services).
LogStream TraceStream(const XrpContext& ctx, const char* role, const char* stem, int pid,
                      bool filler) {
  const XrpProfile& p = ctx.profile();
  const bool iso = p.trace_format == LogFormat::kIsoTrace;
  return LogStream{role,
                   0,
                   ctx.xrp,
                   std::string(role) + "/" + ctx.vm + "/" + stem,
                   iso ? ".log" : ".dtr",
                   p.trace_format,
                   iso && p.bom_crlf ? TextEncoding::kUtf8Bom : TextEncoding::kUtf8,
                   iso && p.bom_crlf,
                   Rotation::kHourly,
                   pid,
                   filler,
                   {}};
}

LogStream SingleFile(const XrpContext& ctx, int part, const std::string& subpath, LogFormat format,
                     TextEncoding encoding) {
  return LogStream{"AzureBridge",
                   part,
                   ctx.xrp,
                   "AzureBridge/" + ctx.vm + "/" + subpath,
                   ".log",
                   format,
                   encoding,
                   true,
                   Rotation::kSingleFile,
                   0,
                   false,
                   {}};
}

void AddXrpStreams(const XrpContext& ctx, const std::vector<FailureRecord>& failures,
                   std::vector<LogEvent> usage_events, Plan* plan) {
  const bool large = ctx.scenario->large_bytes > 0;
  LogStream bridge =
      TraceStream(ctx, "AzureBridge", "AzureBridge.Service", 2210 + 37 * ctx.xrp, large);
  SimulateBridgeService(ctx, bridge.pid, &bridge.events);
  LogStream ece =
      SingleFile(ctx, 1, "ECE/ActivateAzureBridge", LogFormat::kEceActivation, TextEncoding::kUtf8);
  SimulateActivationLog(ctx, failures, &ece.events);
  LogStream events = SingleFile(ctx, 2, "Events/System.TimeService", LogFormat::kTimeServiceEvents,
                                TextEncoding::kUtf8);
  SimulateTimeService(ctx, failures, &events.events);
  plan->streams.push_back(std::move(bridge));
  plan->streams.push_back(std::move(ece));
  if (ctx.xrp < 2) {
    // Out-File writes a BOM; the copy on XRP02 went through a tool that dropped it.
    LogStream reg =
        SingleFile(ctx, 2, "Registration/AzureStack.Registration", LogFormat::kRegistration,
                   ctx.xrp == 0 ? TextEncoding::kUtf16LeBom : TextEncoding::kUtf16Le);
    SimulateRegistrationLog(ctx, failures, &reg.events);
    plan->streams.push_back(std::move(reg));
  }
  plan->streams.push_back(std::move(events));
  LogStream usage =
      TraceStream(ctx, "UsageBridge", "UsageBridge.Service", 2716 + 41 * ctx.xrp, large);
  usage.events = std::move(usage_events);
  SimulateUsageHeartbeats(ctx, &usage.events);
  plan->streams.push_back(std::move(usage));
}

void AddXrps(const Scenario& s, const StampIdentity& id, const CollectedVms& vms, Plan* plan) {
  // Uploads first: the cause evidence of the other logs is placed among their failures.
  std::vector<XrpContext> contexts;
  std::vector<std::vector<LogEvent>> usage(3);
  for (int i = 0; i < 3; ++i) {
    contexts.push_back(XrpContext{&s, &id, i, vms.xrp[i], CanonicalHost(vms.xrp[i])});
    SimulateUploads(contexts.back(), &usage[i], &plan->failures);
  }
  for (int i = 0; i < 3; ++i) AddXrpStreams(contexts[i], plan->failures, std::move(usage[i]), plan);
}

void AddFrontEnds(const Scenario& s, const StampIdentity& id, const CollectedVms& vms, Plan* plan) {
  const Prng prng(Fnv1a(s.name));
  for (int i = 0; i < 2; ++i) {
    for (bool tenant : {false, true}) {
      const std::string role = tenant ? "WASPUBLIC" : "WAS";
      const std::string& vm = tenant ? vms.wasp[i] : vms.was[i];
      const int key = (tenant ? kFirstWasp : kFirstWas) + i;
      for (MemberFile& f :
           MakeIisLogs(s, id, role + "/" + vm + "/", i + 1, tenant, prng.Fork(vm + "/iis"))) {
        plan->files.push_back({role, 0, key, std::move(f)});
      }
    }
  }
}

void AddBinaries(const Scenario& s, const CollectedVms& vms, Plan* plan) {
  Prng prng = Prng(Fnv1a(s.name)).Fork("binary");
  const Ticks t = s.collected;
  plan->files.push_back(
      {"UsageBridge",
       0,
       0,
       {"UsageBridge/" + vms.xrp[0] + "/UsageBridge.Service.etl", EtlBytes(&prng), t}});
  plan->files.push_back(
      {"AzureBridge",
       2,
       0,
       {"AzureBridge/" + vms.xrp[0] + "/Events/System.evtx", EvtxBytes(&prng), t}});
  plan->files.push_back({"WAS",
                         0,
                         kFirstWas,
                         {"WAS/" + vms.was[0] + "/Events/Application.evtx", EvtxBytes(&prng), t}});
  plan->files.push_back(
      {"WASPUBLIC",
       0,
       kFirstWasp,
       {"WASPUBLIC/" + vms.wasp[0] + "/Traces/ArmFrontend.etl", EtlBytes(&prng), t}});
  plan->files.push_back(
      {"WASPUBLIC",
       0,
       kFirstWasp + 1,
       {"WASPUBLIC/" + vms.wasp[1] + "/Dumps/w3wp.exe.5512.dmp", DumpBytes(&prng), t}});
}

void AddTopAndSeedRing(const Scenario& s, const StampIdentity& id, const CollectedVms& vms,
                       Plan* plan) {
  const Ticks done = s.collected + Minutes(14);
  plan->files.push_back(
      {"", 0, 0, {"Get-AzureStackLog_Output.log", MakeTranscript(s, plan->top_folder, vms), done}});
  plan->files.push_back(
      {"", 0, 0, {"AzureStackStampInformation.json", StampInformationJson(s, id), s.collected}});
  if (s.disk_full) return;  // the collection died before the SeedRing role
  for (MemberFile& f : ValidationSummary(s, "SeedRing/" + vms.ercs + "/")) {
    plan->files.push_back({"SeedRing", 0, kErcs, std::move(f)});
  }
}

}  // namespace

Plan BuildPlan(const Scenario& s) {
  Plan plan;
  plan.stamp = CompactStamp(s.collected);
  plan.top_folder = "AzureStackLogs-" + plan.stamp + "-AZS-ERCS01";
  plan.split_time = FloorTo(s.window_start + (s.collected - s.window_start) / 2, kTicksPerHour);
  const StampIdentity id = MakeIdentity(s);
  const CollectedVms vms = NameVms(s);
  AddXrps(s, id, vms, &plan);
  AddFrontEnds(s, id, vms, &plan);
  AddBinaries(s, vms, &plan);
  AddTopAndSeedRing(s, id, vms, &plan);
  for (LogStream& stream : plan.streams) {
    std::stable_sort(stream.events.begin(), stream.events.end(),
                     [](const LogEvent& a, const LogEvent& b) { return a.time < b.time; });
  }
  return plan;
}

}  // namespace samplegen
