// The AzureStack.Registration module log (Out-File: UTF-16LE, CRLF):
//   2026-11-18.09-12-04: message
// XRP01 and XRP02 each hold one healthy validation run. In registration-changed, XRP01
// also holds a run inside the 401 failure span that finds no registration resource.
#ifndef SAMPLES_GENERATOR_REGISTRATION_LOG_H_
#define SAMPLES_GENERATOR_REGISTRATION_LOG_H_

#include <vector>

#include "failure_record.h"
#include "log_event.h"
#include "xrp_context.h"

namespace samplegen {

void SimulateRegistrationLog(const XrpContext& ctx, const std::vector<FailureRecord>& failures,
                             std::vector<LogEvent>* events);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_REGISTRATION_LOG_H_
