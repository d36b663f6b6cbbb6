#include "stamp_files.h"

#include <utility>

#include "time_format.h"

namespace samplegen {
namespace {

const std::vector<std::pair<const char*, const char*>>& TestResults() {
  static const std::vector<std::pair<const char*, const char*>> results = {
      {"Azure Stack Cloud Hosting Infrastructure Summary", "PASS"},
      {"Azure Stack Storage Services Summary", "PASS"},
      {"Azure Stack Infrastructure Role Instance Summary", "PASS"},
      {"Azure Stack Infrastructure Capacity", "PASS"},
      {"Azure Stack Portal and API Summary", "PASS"},
      {"Azure Stack Azure Resource Manager Certificate Summary", "PASS"},
      {"Azure Stack Infrastructure Backup", "WARN"},
      {"Azure Stack Network Infrastructure", "PASS"},
      {"Azure Stack Alert Summary", "PASS"},
  };
  return results;
}

}  // namespace

std::string StampInformationJson(const Scenario& s, const StampIdentity& id) {
  return "{\r\n"
         "    \"DeploymentID\":  \"" +
         id.deployment_id +
         "\",\r\n"
         "    \"CloudID\":  \"" +
         id.cloud_id +
         "\",\r\n"
         "    \"Timezone\":  \"UTC\",\r\n"
         "    \"StampVersion\":  \"1.2408.1.50\",\r\n"
         "    \"RegionName\":  \"local\",\r\n"
         "    \"ExternalDomainFQDN\":  \"local.azurestack.external\",\r\n"
         "    \"NamingPrefix\":  \"" +
         s.prefix +
         "\",\r\n"
         "    \"IdentitySystem\":  \"AzureAD\",\r\n"
         "    \"AADTenantID\":  \"" +
         id.tenant_id +
         "\"\r\n"
         "}\r\n";
}

std::vector<MemberFile> ValidationSummary(const Scenario& s, const std::string& folder) {
  const Ticks ran = s.collected - Minutes(8) - Seconds(18);
  std::string started;
  AppendIsoSeconds(&started, ran);
  std::string json = "{\r\n  \"StartTime\": \"" + started + "\",\r\n  \"Results\": [\r\n";
  std::string html = "<html><head><title>Test-AzureStack</title></head><body><table>\r\n";
  const auto& results = TestResults();
  for (size_t i = 0; i < results.size(); ++i) {
    json += std::string("    {\"Name\": \"") + results[i].first + "\", \"Result\": \"" +
            results[i].second + (i + 1 < results.size() ? "\"},\r\n" : "\"}\r\n");
    html += std::string("<tr><td>") + results[i].first + "</td><td>" + results[i].second +
            "</td></tr>\r\n";
  }
  json += "  ]\r\n}\r\n";
  html += "</table></body></html>\r\n";
  const std::string stem = folder + "AzureStack_Validation_Summary_" + ValidationStamp(ran);
  return {{stem + ".json", json, ran + Seconds(95)}, {stem + ".HTML", html, ran + Seconds(95)}};
}

}  // namespace samplegen
