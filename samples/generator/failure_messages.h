// The texts of failed usage uploads and token acquisitions. The wrapper sentences
// ("Usage upload failed for batch ...", "Token acquisition failed ...") are invented
// (inferred bridge vocabulary); the exception chains inside them use the real .NET
// Framework / .NET Core / ADAL / MSAL wording of DOMAIN.md section 4. The first line
// of each text is the record's line; the rest are continuation lines.
#ifndef SAMPLES_GENERATOR_FAILURE_MESSAGES_H_
#define SAMPLES_GENERATOR_FAILURE_MESSAGES_H_

#include <string>

#include "civil_time.h"
#include "prng.h"
#include "scenario.h"
#include "stamp_identity.h"

namespace samplegen {

struct Attempt {
  const StampIdentity* id;
  DotNet dotnet;
  std::string batch;  // upload attempts only
  int attempt;        // 1..3
  Ticks written_now;  // the VM's clock
  int64_t skew_seconds;
};

// An upload failure of `kind` (not a login kind).
std::string UploadFailure(FailureKind kind, const Attempt& attempt);

// A token acquisition failure of a login `kind`; `prng` draws the Azure AD trace ids.
std::string TokenFailure(FailureKind kind, const Attempt& attempt, Prng* prng);

// The one-line form the ECE log repeats for a token failure (login-unreachable).
std::string EceTokenFailure(const StampIdentity& id);

// The decoy: a connect timeout that a retry 10 seconds later overcomes.
std::string TransientUploadFailure(const Attempt& attempt);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_FAILURE_MESSAGES_H_
