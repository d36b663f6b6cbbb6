#include "stamp_identity.h"

#include "prng.h"

namespace samplegen {

StampIdentity MakeIdentity(const Scenario& scenario) {
  Prng prng = Prng(Fnv1a(scenario.name)).Fork("identity");
  StampIdentity id;
  id.tenant_id = MakeGuid(&prng);
  id.bridge_app_id = MakeGuid(&prng);
  id.cloud_id = MakeGuid(&prng);
  id.deployment_id = MakeGuid(&prng);
  id.registration_subscription = MakeGuid(&prng);
  id.admin_subscription = MakeGuid(&prng);
  id.usage_host = scenario.usage_host;
  id.usage_url = "https://" + id.usage_host + "/usage/v1/subscriptions/" +
                 id.registration_subscription + "/batches";
  id.login_url = std::string("https://") + kLoginHost + "/" + id.tenant_id;
  return id;
}

}  // namespace samplegen
