#include "bridge_service.h"

#include "bridge_messages.h"

namespace samplegen {
namespace {

void Add(const XrpContext& ctx, std::vector<LogEvent>* events, Ticks t, Level level, int tid,
         const char* component, std::string text) {
  events->push_back({ctx.Written(t), level, tid, component, std::move(text)});
}

void Heartbeats(const XrpContext& ctx, std::vector<LogEvent>* events) {
  Prng prng = ctx.Random("bridge-heartbeat");
  const int64_t uptime0 = prng.Between(86400, 20 * 86400);
  const Scenario& s = *ctx.scenario;
  for (Ticks t = After(s.window_start, &prng, 0, 59); t < s.collected;
       t = After(t, &prng, 59, 60)) {
    Add(ctx, events, t, Level::kVerbose, 3104, "AzureBridge.Heartbeat",
        Heartbeat("AzureBridge", ctx.vm, uptime0 + (t - s.window_start) / kTicksPerSecond));
  }
}

void HealthAndCounters(const XrpContext& ctx, std::vector<LogEvent>* events) {
  Prng prng = ctx.Random("bridge-health");
  const Scenario& s = *ctx.scenario;
  int report = 0;
  for (Ticks t = After(s.window_start, &prng, 10, 290); t < s.collected;
       t = After(t, &prng, 299, 301)) {
    Add(ctx, events, t, Level::kInformation, 3104, "AzureBridge.Health",
        HealthReport("AzureBridge"));
    if (++report % 3 == 0) {
      Add(ctx, events, After(t, &prng, 0, 1), Level::kInformation, 3104, "AzureBridge.Counters",
          RequestCounters(static_cast<int>(prng.Between(20, 60))));
    }
  }
}

void ArmCalls(const XrpContext& ctx, std::vector<LogEvent>* events) {
  Prng prng = ctx.Random("bridge-arm");
  const Scenario& s = *ctx.scenario;
  for (Ticks t = After(s.window_start, &prng, 0, 120); t < s.collected;
       t = After(t, &prng, 90, 150)) {
    Add(ctx, events, t, Level::kVerbose, 3388, "AzureBridge.Arm", ArmRequest(*ctx.id, &prng));
  }
}

void Restart(const XrpContext& ctx, int pid, std::vector<LogEvent>* events) {
  Prng prng = ctx.Random("bridge-restart");
  Ticks t = After(ctx.scenario->window_start, &prng, 1200 + 1020 * ctx.xrp, 1260 + 1020 * ctx.xrp);
  for (std::string& line : StartupLines("AzureBridge", *ctx.id, pid)) {
    Add(ctx, events, t, Level::kInformation, 1, "AzureBridge.Service", std::move(line));
    t += static_cast<Ticks>(prng.Between(20000, 900000));
  }
}

// Five failures 12 minutes apart: looks like a failure period, but the host is a tenant
// storage account, not the usage endpoint.
void TenantTlsDecoy(const XrpContext& ctx, std::vector<LogEvent>* events) {
  if (ctx.xrp != ctx.scenario->tls_decoy_xrp) return;
  Prng prng = ctx.Random("tls-decoy");
  Ticks t = After(ctx.scenario->tls_decoy_from, &prng, 0, 30);
  for (int i = 0; i < 5 && t < ctx.scenario->collected; ++i, t = After(t, &prng, 700, 740)) {
    Add(ctx, events, t, Level::kError, 3388, "AzureBridge.Probe", TenantTlsFailure());
  }
}

}  // namespace

void SimulateBridgeService(const XrpContext& ctx, int pid, std::vector<LogEvent>* events) {
  Heartbeats(ctx, events);
  HealthAndCounters(ctx, events);
  ArmCalls(ctx, events);
  Restart(ctx, pid, events);
  TenantTlsDecoy(ctx, events);
}

}  // namespace samplegen
