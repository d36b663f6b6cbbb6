// Windows Time service events of one XRP VM, exported as text:
//   2026-11-18T09:12:04.0000000Z Warning Microsoft-Windows-Time-Service 50 The time service ...
// Healthy stamps log event 37 about hourly. In the time-sync scenario the XRP VMs log
// events 50, 51, 47 and 36 inside the span of the 401 failures (and no more 37 from
// ten minutes before the first failure on).
#ifndef SAMPLES_GENERATOR_TIME_SERVICE_H_
#define SAMPLES_GENERATOR_TIME_SERVICE_H_

#include <vector>

#include "failure_record.h"
#include "log_event.h"
#include "xrp_context.h"

namespace samplegen {

inline constexpr char kTimeServiceProvider[] = "Microsoft-Windows-Time-Service";

void SimulateTimeService(const XrpContext& ctx, const std::vector<FailureRecord>& failures,
                         std::vector<LogEvent>* events);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_TIME_SERVICE_H_
