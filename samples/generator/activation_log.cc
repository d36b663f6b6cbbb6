#include "activation_log.h"

#include "failure_messages.h"
#include "failure_span.h"

namespace samplegen {
namespace {

// Lines of one validation run, starting at written time `t`.
void Run(const XrpContext& ctx, Ticks t, Prng* prng, std::vector<LogEvent>* events) {
  const StampIdentity& id = *ctx.id;
  const std::vector<std::pair<Level, std::string>> lines = {
      {Level::kVerbose, "Starting step 'Test-AzureBridgeActivation' on " + ctx.vm},
      {Level::kVerbose,
       "Reading activation state from 'C:\\ProgramData\\AzureBridge\\activation.json'"},
      {Level::kVerbose, "Activation 'default' found for registration 'AzureStack-" + id.cloud_id +
                            "' in subscription '" + id.registration_subscription + "'"},
      {Level::kVerbose, "HttpClient.Timeout configured to 100 seconds"},
      {Level::kWarning, "Service 'AzureBridge' took " + std::to_string(prng->Between(31, 58)) +
                            " seconds to report Ready"},
      {Level::kVerbose, "Step 'Test-AzureBridgeActivation' completed successfully"},
  };
  for (const auto& [level, text] : lines) {
    events->push_back({t, level, 0, kActivationComponent, text});
    t = After(t, prng, 0, 9);
  }
}

}  // namespace

void SimulateActivationLog(const XrpContext& ctx, const std::vector<FailureRecord>& failures,
                           std::vector<LogEvent>* events) {
  Prng prng = ctx.Random("activation");
  const Scenario& s = *ctx.scenario;
  Run(ctx, ctx.Written(After(s.window_start, &prng, 720 + 240 * ctx.xrp, 780 + 240 * ctx.xrp)),
      &prng, events);
  Run(ctx, ctx.Written(After(s.window_start, &prng, 6000 + 240 * ctx.xrp, 6060 + 240 * ctx.xrp)),
      &prng, events);
  if (!s.ece_login_warning || ctx.xrp != 0) return;
  const FailureSpan span = SpanOf(s, failures, FailureKind::kLoginUnreachable, 0);
  if (span.times.size() < 3) return;
  const Ticks at = span.times[span.times.size() / 2];
  events->push_back({at - Seconds(4), Level::kVerbose, 0, kActivationComponent,
                     "Starting step 'Test-AzureBridgeConnectivity' on " + ctx.vm});
  events->push_back({at, Level::kWarning, 0, kActivationComponent, EceTokenFailure(*ctx.id)});
}

}  // namespace samplegen
