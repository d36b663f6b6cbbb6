// The healthy vocabulary of the bridge services (invented, inferred from how such services
// log): uploads, tokens, heartbeats, health reports, ARM calls, configuration and counters,
// plus the TLS failure to an unrelated tenant endpoint that serves as a decoy.
#ifndef SAMPLES_GENERATOR_BRIDGE_MESSAGES_H_
#define SAMPLES_GENERATOR_BRIDGE_MESSAGES_H_

#include <string>
#include <vector>

#include "civil_time.h"
#include "prng.h"
#include "stamp_identity.h"

namespace samplegen {

// "b-1042"
std::string BatchId(int number);

// Usage upload succeeded for batch b-1042 to https://<host>/usage/v1/subscriptions/<guid>/batches:
// 202 Accepted, 412 records
std::string UploadSucceeded(const StampIdentity& id, const std::string& batch, int records);

// Token acquired for resource https://usage.microsoftazurestack.com from
// https://login.microsoftonline.com/<tenant>, expires on 2026-11-18T08:12:04Z
std::string TokenAcquired(const StampIdentity& id, Ticks expires_on);

// Collected 412 usage records for batch b-1042 (hour 2026-11-18T06:00:00Z, 7 meters, "default"
// aggregation)
std::string UsageCollected(const std::string& batch, int records, Ticks hour, int meters);

// Heartbeat: service "UsageBridge" on node "AzS-XRP01", state Ready, uptime 3.04:12:31
std::string Heartbeat(const char* service, const std::string& vm, int64_t uptime_seconds);

// Health report sent: SourceId="AzureBridge", Property="ServiceHealth", HealthState=Ok,
// TimeToLive=00:10:00
std::string HealthReport(const char* service);

// ARM request GET
// https://adminmanagement.local.azurestack.external/subscriptions/<guid>/providers/Microsoft.AzureBridge.Admin/activations?api-version=2016-01-01
// completed: 200 OK in 87 ms
std::string ArmRequest(const StampIdentity& id, Prng* prng);

// Request counters (last 15 min): total requests: 42, Unauthorized requests: 0, failed requests: 0
std::string RequestCounters(int total);

// The lines a service writes when it (re)starts, including "HttpClient.Timeout configured
// to 100 seconds".
std::vector<std::string> StartupLines(const char* service, const StampIdentity& id, int pid);

// A multi-line TLS trust failure towards https://contoso-tenant.blob.local.azurestack.external.
std::string TenantTlsFailure();

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_BRIDGE_MESSAGES_H_
