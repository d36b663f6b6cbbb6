#include "bridge_messages.h"

#include "exception_chains.h"
#include "time_format.h"

namespace samplegen {

std::string BatchId(int number) { return "b-" + std::to_string(number); }

std::string UploadSucceeded(const StampIdentity& id, const std::string& batch, int records) {
  return "Usage upload succeeded for batch " + batch + " to " + id.usage_url + ": 202 Accepted, " +
         std::to_string(records) + " records";
}

std::string TokenAcquired(const StampIdentity& id, Ticks expires_on) {
  std::string text = std::string("Token acquired for resource ") + kUsageAudience + " from " +
                     id.login_url + ", expires on ";
  AppendIsoSeconds(&text, expires_on);
  return text;
}

std::string UsageCollected(const std::string& batch, int records, Ticks hour, int meters) {
  std::string text =
      "Collected " + std::to_string(records) + " usage records for batch " + batch + " (hour ";
  AppendIsoSeconds(&text, hour);
  return text + ", " + std::to_string(meters) + " meters, \"default\" aggregation)";
}

std::string Heartbeat(const char* service, const std::string& vm, int64_t uptime_seconds) {
  std::string text = std::string("Heartbeat: service \"") + service + "\" on node \"" + vm +
                     "\", state Ready, uptime ";
  AppendNumber(&text, static_cast<uint64_t>(uptime_seconds / 86400));
  text.push_back('.');
  AppendDigits(&text, static_cast<uint64_t>(uptime_seconds / 3600 % 24), 2);
  text.push_back(':');
  AppendDigits(&text, static_cast<uint64_t>(uptime_seconds / 60 % 60), 2);
  text.push_back(':');
  AppendDigits(&text, static_cast<uint64_t>(uptime_seconds % 60), 2);
  return text;
}

std::string HealthReport(const char* service) {
  return std::string("Health report sent: SourceId=\"") + service +
         "\", Property=\"ServiceHealth\", HealthState=Ok, TimeToLive=00:10:00";
}

std::string ArmRequest(const StampIdentity& id, Prng* prng) {
  static const char* const kPaths[] = {
      "/providers/Microsoft.AzureBridge.Admin/activations?api-version=2016-01-01",
      "/providers/Microsoft.AzureBridge.Admin/activations/default/products?api-version=2016-01-01",
      "/providers/Microsoft.Commerce.Admin/"
      "subscriberUsageAggregates?api-version=2015-06-01-preview",
      "/resourceGroups/azurestack-activation/providers/Microsoft.AzureBridge.Admin/activations/"
      "default?api-version=2016-01-01",
  };
  std::string text = std::string("ARM request GET ") + kAdminArm + "/subscriptions/" +
                     id.admin_subscription + kPaths[prng->Below(4)] + " completed: 200 OK in ";
  AppendNumber(&text, static_cast<uint64_t>(prng->Between(12, 240)));
  return text + " ms";
}

std::string RequestCounters(int total) {
  return "Request counters (last 15 min): total requests: " + std::to_string(total) +
         ", Unauthorized requests: 0, failed requests: 0";
}

std::vector<std::string> StartupLines(const char* service, const StampIdentity& id, int pid) {
  return {
      std::string("Service \"") + service + "\" starting, version 1.2408.1.50, process " +
          std::to_string(pid),
      "Configuration loaded from \"C:\\ProgramData\\AzureBridge\\AzureBridge.config\", environment "
      "\"AzureCloud\"",
      "Usage endpoint: https://" + id.usage_host + "/usage/v1, audience " + kUsageAudience,
      "Login endpoint: " + id.login_url + ", client id " + id.bridge_app_id,
      "HttpClient.Timeout configured to 100 seconds",
      "Retry policy: 3 attempts per batch, delay 00:01:00 to 00:03:00, \"linear\" backoff",
  };
}

std::string TenantTlsFailure() {
  return "Storage probe failed for "
         "https://contoso-tenant.blob.local.azurestack.external/healthcheck"
         "?restype=service&comp=properties: " +
         TlsChain(false) +
         "   at Microsoft.AzureStack.AzureBridge.Probes.StorageProbe.<RunAsync>d__4.MoveNext()";
}

}  // namespace samplegen
