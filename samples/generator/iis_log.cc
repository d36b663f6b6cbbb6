#include "iis_log.h"

#include <algorithm>

#include "time_format.h"

namespace samplegen {
namespace {

constexpr char kHeaderFields[] =
    "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
    "cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n";

const std::vector<std::string>& UserAgents() {
  static const std::vector<std::string> agents = {
      "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+"
      "Chrome/118.0.0.0+Safari/537.36+Edg/118.0.2088.61",
      "AzurePowershell/v9.3.0+PSVersion/v5.1.17763.2931",
      "azsdk-net-ResourceManager/1.4.0+(.NET+6.0.16;+Microsoft+Windows+10.0.17763)",
      "python/3.9.13+(Windows-10-10.0.17763-SP0)+msrest/0.7.1+azure-mgmt-compute/27.0.0+AZURECLI/"
      "2.40.0",
  };
  return agents;
}

struct Request {
  const char* method;
  std::string stem;
  const char* query;
};

Request TenantRequest(const std::string& sub, Prng* prng) {
  const std::string rg =
      "/subscriptions/" + sub + "/resourceGroups/rg-app" + std::to_string(prng->Between(1, 9));
  switch (prng->Below(5)) {
    case 0:
      return {"GET",
              rg + "/providers/Microsoft.Compute/virtualMachines/vm-" +
                  std::to_string(prng->Between(100, 160)),
              "api-version=2021-04-01"};
    case 1:
      return {"PUT",
              rg + "/providers/Microsoft.Storage/storageAccounts/sa" +
                  std::to_string(prng->Between(1000, 1099)),
              "api-version=2019-06-01"};
    case 2:
      return {"GET", "/subscriptions/" + sub + "/resourcegroups", "api-version=2020-06-01"};
    case 3:
      return {"POST",
              rg + "/providers/Microsoft.Compute/virtualMachines/vm-" +
                  std::to_string(prng->Between(100, 160)) + "/start",
              "api-version=2021-04-01"};
    default:
      return {"GET", "/subscriptions/" + sub + "/providers/Microsoft.Network/virtualNetworks",
              "api-version=2018-11-01"};
  }
}

Request AdminRequest(const std::string& sub, Prng* prng) {
  const std::string base = "/subscriptions/" + sub + "/providers/";
  switch (prng->Below(4)) {
    case 0:
      return {"GET", base + "Microsoft.Commerce.Admin/subscriberUsageAggregates",
              "api-version=2015-06-01-preview&reportedStartTime=2026-11-17T00:00:00Z"};
    case 1:
      return {"GET", base + "Microsoft.InfrastructureInsights.Admin/regionHealths/local/Alerts",
              "api-version=2016-05-01"};
    case 2:
      return {"GET", base + "Microsoft.AzureBridge.Admin/activations", "api-version=2016-01-01"};
    default:
      return {"GET", "/health", "-"};
  }
}

int Status(Prng* prng) {
  const int roll = static_cast<int>(prng->Below(100));
  if (roll < 62) return 200;
  if (roll < 78) return 401;
  if (roll < 84) return 202;
  if (roll < 90) return 204;
  return 404;
}

void AppendLine(std::string* out, Ticks t, const std::string& server_ip, const Request& r,
                const std::string& client_ip, Prng* prng) {
  AppendW3cTime(out, t);
  out->append(" ").append(server_ip).append(" ").append(r.method).append(" ").append(r.stem);
  out->append(" ").append(r.query).append(" 443 - ").append(client_ip).append(" ");
  out->append(prng->Pick(UserAgents()))
      .append(prng->Percent(20) ? " https://portal.local.azurestack.external/ " : " - ");
  AppendNumber(out, static_cast<uint64_t>(Status(prng)));
  out->append(" 0 0 ");
  AppendNumber(out, static_cast<uint64_t>(prng->Between(4, 900)));
  out->append("\r\n");
}

}  // namespace

std::vector<MemberFile> MakeIisLogs(const Scenario& scenario, const StampIdentity& id,
                                    const std::string& folder, int vm_index, bool tenant_facing,
                                    Prng prng) {
  const std::string server_ip = "10.0.1." + std::to_string((tenant_facing ? 50 : 40) + vm_index);
  const std::string tenant_sub = MakeGuid(&prng);
  std::vector<MemberFile> files;
  for (Ticks hour = FloorTo(scenario.window_start, kTicksPerHour); hour < scenario.collected;
       hour += kTicksPerHour) {
    MemberFile file{folder + "IIS/W3SVC1/u_ex" + IisHourTag(hour) + ".log", "", hour};
    file.data =
        "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: ";
    AppendW3cTime(&file.data, hour);
    file.data.append("\r\n").append(kHeaderFields);
    const Ticks end = std::min(hour + kTicksPerHour, scenario.collected);
    for (Ticks t = hour + Seconds(prng.Between(0, 9)); t < end; t += Seconds(prng.Between(6, 14))) {
      const Request r = tenant_facing ? TenantRequest(tenant_sub, &prng)
                                      : AdminRequest(id.admin_subscription, &prng);
      const std::string client = tenant_facing
                                     ? "192.168.102." + std::to_string(prng.Between(10, 60))
                                     : "10.0.5." + std::to_string(prng.Between(10, 30));
      AppendLine(&file.data, t, server_ip, r, client, &prng);
      file.mtime = t;
    }
    files.push_back(std::move(file));
  }
  return files;
}

}  // namespace samplegen
