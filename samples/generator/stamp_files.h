// Small descriptive files of the stamp: AzureStackStampInformation.json (time zone, cloud
// id) and the Test-AzureStack summary that travels in the SeedRing role zip.
#ifndef SAMPLES_GENERATOR_STAMP_FILES_H_
#define SAMPLES_GENERATOR_STAMP_FILES_H_

#include <string>
#include <vector>

#include "member_file.h"
#include "scenario.h"
#include "stamp_identity.h"

namespace samplegen {

// The JSON (UTF-8, CRLF, ConvertTo-Json layout). "Timezone" is "UTC": the ECE and
// registration logs' local times are UTC.
std::string StampInformationJson(const Scenario& scenario, const StampIdentity& id);

// AzureStack_Validation_Summary_<yyyy.MM.dd_HH.mm.ss>.json and .HTML under `folder`.
std::vector<MemberFile> ValidationSummary(const Scenario& scenario, const std::string& folder);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_STAMP_FILES_H_
