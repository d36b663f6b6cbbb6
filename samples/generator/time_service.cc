#include "time_service.h"

#include "failure_span.h"

namespace samplegen {
namespace {

// Event texts of the W32Time provider (Windows Server 2019), parameters filled in.
constexpr char kPeer[] = "azs-dc01.azurestack.local,0x8 (ntp.d|10.0.1.4:123->10.0.1.20:123)";

std::string Event37() {
  return std::string(
             "37 The time provider NtpClient is currently receiving valid time data from ") +
         kPeer + ".";
}

std::string Event50() {
  return "50 The time service detected a time difference of greater than 5000 milliseconds for 900 "
         "seconds. The time difference might be caused by synchronization with low-accuracy time "
         "sources or by suboptimal network conditions. The time service is no longer synchronized "
         "and cannot provide the time to other clients or update the system clock. When a valid "
         "time stamp is received from a time service provider, the time service will correct "
         "itself.";
}

std::string Event51(int64_t offset_seconds) {
  return std::string("51 The time sample received from peer ") + kPeer +
         " differs from the local time by " + std::to_string(offset_seconds) + " seconds.";
}

std::string Event47() {
  return "47 Time Provider NtpClient: No valid response has been received from manually configured "
         "peer time.windows.com,0x8 after 8 attempts to contact it. This peer will be discarded as "
         "a "
         "time source and NtpClient will attempt to discover a new peer with this DNS name. The "
         "error "
         "was: The peer is unreachable.";
}

std::string Event36() {
  return "36 The time service has not synchronized the system time for the last 86400 seconds "
         "because "
         "none of the time service providers provided a usable time stamp. The time service will "
         "not "
         "update the local time until it is able to synchronize with a time source. If the local "
         "system is configured to act as a time server for clients, it will stop advertising as a "
         "time source to clients. The time service will continue to retry and sync time with its "
         "time sources. Check system event log for other W32time events for more details. Run "
         "'w32tm /resync' to force an instant time synchronization.";
}

void Add(std::vector<LogEvent>* events, Ticks written, Level level, std::string text) {
  // Exported events carry whole seconds.
  events->push_back(
      {FloorTo(written, kTicksPerSecond), level, 0, kTimeServiceProvider, std::move(text)});
}

// Skew evidence inside `span`: the drifting VMs report the offset (50, 51), all of them
// lose their external peer (47) and stop synchronizing (36).
void SkewEvents(const XrpContext& ctx, const FailureSpan& span, bool failing,
                std::vector<LogEvent>* events) {
  if (failing) {
    Add(events, span.At(0.15), Level::kWarning, Event50());
    Add(events, span.At(0.30), Level::kWarning, Event51(ctx.profile().skew_seconds + 390));
    Add(events, span.At(0.75), Level::kWarning, Event50());
  }
  Add(events, span.At(0.45), Level::kWarning, Event47());
  Add(events, span.At(0.60), Level::kWarning, Event36());
}

}  // namespace

void SimulateTimeService(const XrpContext& ctx, const std::vector<FailureRecord>& failures,
                         std::vector<LogEvent>* events) {
  const Scenario& s = *ctx.scenario;
  const FailureSpan all = SpanOf(s, failures, FailureKind::kUnauthorizedTimeSync, -1);
  const FailureSpan own = SpanOf(s, failures, FailureKind::kUnauthorizedTimeSync, ctx.xrp);
  Prng prng = ctx.Random("time-service");
  for (Ticks t = After(s.window_start, &prng, 420 + 180 * ctx.xrp, 480 + 180 * ctx.xrp);
       t < s.collected; t = After(t, &prng, 3590, 3610)) {
    const Ticks written = ctx.Written(t);
    if (!all.empty() && written >= all.first - Minutes(10)) break;
    Add(events, written, Level::kInformation, Event37());
  }
  if (all.empty()) return;
  SkewEvents(ctx, own.empty() ? all : own, !own.empty(), events);
}

}  // namespace samplegen
