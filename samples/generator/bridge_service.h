// The AzureBridge service trace of one XRP VM: heartbeats, Service Fabric health reports,
// local ARM calls, request counters, a restart with its configuration lines, and (on the
// scenario's decoy VM) TLS failures towards an unrelated tenant endpoint.
#ifndef SAMPLES_GENERATOR_BRIDGE_SERVICE_H_
#define SAMPLES_GENERATOR_BRIDGE_SERVICE_H_

#include <vector>

#include "log_event.h"
#include "xrp_context.h"

namespace samplegen {

// Appends the service's records (written time, unsorted) to `events`. `pid` is the
// process id the restart lines announce.
void SimulateBridgeService(const XrpContext& ctx, int pid, std::vector<LogEvent>* events);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_BRIDGE_SERVICE_H_
