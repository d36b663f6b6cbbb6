// The ECE / deployment-style log of the AzureBridge activation step on one XRP VM:
//   VERBOSE: [AzureBridge:ActivateAzureBridge] message - 11/18/2026 9:12:04 AM
// Two validation runs per window; in login-unreachable, XRP01 also repeats one token
// failure as a WARNING line, at the same second as one of its failure records.
#ifndef SAMPLES_GENERATOR_ACTIVATION_LOG_H_
#define SAMPLES_GENERATOR_ACTIVATION_LOG_H_

#include <vector>

#include "failure_record.h"
#include "log_event.h"
#include "xrp_context.h"

namespace samplegen {

inline constexpr char kActivationComponent[] = "AzureBridge:ActivateAzureBridge";

void SimulateActivationLog(const XrpContext& ctx, const std::vector<FailureRecord>& failures,
                           std::vector<LogEvent>* events);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_ACTIVATION_LOG_H_
