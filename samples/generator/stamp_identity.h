// The identifiers of the simulated stamp (tenant, cloud id, subscriptions), drawn once per
// scenario so every file of a bundle agrees on them.
#ifndef SAMPLES_GENERATOR_STAMP_IDENTITY_H_
#define SAMPLES_GENERATOR_STAMP_IDENTITY_H_

#include <string>

#include "scenario.h"

namespace samplegen {

struct StampIdentity {
  std::string tenant_id;      // Azure AD directory the bridge authenticates against
  std::string bridge_app_id;  // the bridge's service principal
  std::string cloud_id;       // CloudID of the stamp (registration)
  std::string deployment_id;
  std::string registration_subscription;  // Azure subscription usage is billed to
  std::string admin_subscription;         // Default Provider Subscription (local ARM calls)
  std::string usage_host;
  std::string usage_url;  // https://<host>/usage/v1/subscriptions/<sub>/batches
  std::string login_url;  // https://login.microsoftonline.com/<tenant>
};

inline constexpr char kUsageAudience[] = "https://usage.microsoftazurestack.com";
inline constexpr char kLoginHost[] = "login.microsoftonline.com";
inline constexpr char kAdminArm[] = "https://adminmanagement.local.azurestack.external";

// Deterministic in the scenario name.
StampIdentity MakeIdentity(const Scenario& scenario);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_STAMP_IDENTITY_H_
