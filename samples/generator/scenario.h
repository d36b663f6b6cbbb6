// What a sample bundle contains, as data: the stamp's naming, how each XRP VM logs, the
// injected incidents and the decoys. The ground truth derives from the failure records
// the generator injects for these incidents, never from an analyzer.
#ifndef SAMPLES_GENERATOR_SCENARIO_H_
#define SAMPLES_GENERATOR_SCENARIO_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "civil_time.h"
#include "line_format.h"
#include "vm_names.h"

namespace samplegen {

// Which failure texts an incident injects (see failure_messages.h).
enum class FailureKind {
  kDns,                       // NetworkError/dns
  kProxyAuth,                 // NetworkError/proxy-auth
  kRefused,                   // NetworkError/connection-refused
  kTimeout,                   // RequestTimedOut/no-response
  kLoginUnreachable,          // LoginError/endpoint-unreachable
  kLoginCredentials,          // LoginError/credentials-rejected
  kTls,                       // CertificateValidationError/tls-interception
  kUnauthorizedTimeSync,      // Unauthorized/time-sync
  kUnauthorizedRegistration,  // Unauthorized/registration-changed
};

// True for kinds that fail token acquisition rather than the upload itself.
inline bool IsLoginFailure(FailureKind kind) {
  return kind == FailureKind::kLoginUnreachable || kind == FailureKind::kLoginCredentials;
}

// Exception wording: .NET Framework (HttpWebRequest, ADAL) or .NET Core (SocketsHttpHandler, MSAL).
enum class DotNet { kFramework, kCore };

// Every upload (or token) attempt by XRP VM `xrp` (0-based) in [start, end) fails; times are
// on the true clock (the VM's skew is added when written).
struct FailureWindow {
  int xrp;
  Ticks start;
  Ticks end;
};

struct Incident {
  std::string error_code;  // NetworkError, RequestTimedOut, LoginError, ...
  std::string cause;       // dns, proxy-auth, ...
  FailureKind kind;
  std::vector<FailureWindow> windows;
};

struct XrpProfile {
  Casing casing;           // of the role part of the VM name
  LogFormat trace_format;  // kServiceFabricDtr or kIsoTrace, for both bridge services
  bool bom_crlf;           // ISO traces written as UTF-8 with BOM and CRLF
  DotNet dotnet;
  int64_t skew_seconds;  // how far this VM's clock runs ahead of true time
};

struct Scenario {
  std::string name;
  std::string summary;  // one line for the README and --help
  Ticks collected;      // end of the collection window; names the bundle
  Ticks window_start;
  std::string prefix;   // VM name prefix as the stamp spells it: AzS, azs, s12r0405, ...
  Casing other_casing;  // WAS, WASP and ERCS names
  std::array<XrpProfile, 3> xrp;
  std::string usage_host;  // the usage endpoint host name
  std::vector<Incident> incidents;
  int blip_xrp;  // decoy: one failed attempt, then success ~10 s later
  Ticks blip_at;
  int tls_decoy_xrp;  // decoy: TLS failures to an unrelated tenant endpoint
  Ticks tls_decoy_from;
  bool disk_full = false;          // transcript ends in a TerminatingError, no SeedRing zip
  bool ece_login_warning = false;  // ECE log repeats a token failure (login-unreachable)
  uint64_t large_bytes = 0;        // > 0: pad to about this much log text (scenario large)
};

// Every scenario, in --list order. `large` is last.
const std::vector<Scenario>& AllScenarios();

// The scenario called `name`, or nullptr.
const Scenario* FindScenario(std::string_view name);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_SCENARIO_H_
