// Simulates the Usage Bridge upload loop of one XRP VM over the collection window: a
// batch every ~5 minutes, a token about hourly, and inside a failure window every attempt
// failing (retries 1-3 minutes apart, 3 attempts per batch) with no success in between.
#ifndef SAMPLES_GENERATOR_USAGE_UPLOADER_H_
#define SAMPLES_GENERATOR_USAGE_UPLOADER_H_

#include <vector>

#include "failure_record.h"
#include "log_event.h"
#include "xrp_context.h"

namespace samplegen {

// Appends the loop's records (written time, unsorted) to `events` and one FailureRecord per
// injected failure record to `failures`. The decoy blip (one failed attempt, success 8-20 s
// later) is not a FailureRecord.
void SimulateUploads(const XrpContext& ctx, std::vector<LogEvent>* events,
                     std::vector<FailureRecord>* failures);

// Heartbeats of the Usage Bridge service, every two minutes.
void SimulateUsageHeartbeats(const XrpContext& ctx, std::vector<LogEvent>* events);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_USAGE_UPLOADER_H_
