// IIS W3C logs of the ARM front ends (WAS: admin, WASPUBLIC: tenant). They answer tenants
// with 401 (and 200/202/204/404) all day, which is a decoy for naive "401" rules.
//   #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip
//            cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
#ifndef SAMPLES_GENERATOR_IIS_LOG_H_
#define SAMPLES_GENERATOR_IIS_LOG_H_

#include <string>
#include <vector>

#include "member_file.h"
#include "prng.h"
#include "scenario.h"
#include "stamp_identity.h"

namespace samplegen {

// One file per hour, `folder` + "IIS/W3SVC1/u_exyyMMddHH.log", from the hour the window
// starts in up to the collection time; UTF-8, CRLF. `vm_index` is 1-based.
std::vector<MemberFile> MakeIisLogs(const Scenario& scenario, const StampIdentity& id,
                                    const std::string& folder, int vm_index, bool tenant_facing,
                                    Prng prng);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_IIS_LOG_H_
