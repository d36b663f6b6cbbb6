#include "registration_log.h"

#include "failure_span.h"

namespace samplegen {
namespace {

void Run(const XrpContext& ctx, Ticks t, bool found, Prng* prng, std::vector<LogEvent>* events) {
  const StampIdentity& id = *ctx.id;
  std::vector<std::string> lines = {
      "Starting registration validation (Test-AzsRegistration) for environment AzureCloud",
      "Cloud Id: " + id.cloud_id,
      "Getting registration resource from subscription '" + id.registration_subscription +
          "' in resource group 'azurestack'",
  };
  if (found) {
    lines.push_back("Registration resource 'AzureStack-" + id.cloud_id +
                    "' found, CloudId property matches");
    lines.push_back("Registration validation completed successfully.");
  } else {
    lines.push_back("Registration resource with matching CloudId property " + id.cloud_id +
                    " was not found");
    lines.push_back(
        "The registration resource found does not correlate the current environment's Cloud-Id.");
    lines.push_back(
        "Registration validation failed: RegistrationNotFound. Re-register the environment "
        "with Set-AzsRegistration.");
  }
  for (std::string& line : lines) {
    events->push_back({t, Level::kInformation, 0, "", std::move(line)});
    t = After(t, prng, 0, 3);
  }
}

}  // namespace

void SimulateRegistrationLog(const XrpContext& ctx, const std::vector<FailureRecord>& failures,
                             std::vector<LogEvent>* events) {
  const Scenario& s = *ctx.scenario;
  Prng prng = ctx.Random("registration");
  Run(ctx,
      ctx.Written(
          After(s.window_start, &prng, ctx.xrp == 0 ? 1500 : 4200, ctx.xrp == 0 ? 1560 : 4260)),
      true, &prng, events);
  if (ctx.xrp != 0) return;
  const FailureSpan span = SpanOf(s, failures, FailureKind::kUnauthorizedRegistration, -1);
  if (!span.empty()) Run(ctx, span.At(0.5), false, &prng, events);
}

}  // namespace samplegen
