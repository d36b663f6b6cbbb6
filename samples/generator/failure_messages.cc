#include "failure_messages.h"

#include "exception_chains.h"
#include "time_format.h"

namespace samplegen {
namespace {

// The bridge's own frames (invented, like its wrapper sentences).
constexpr char kFwUploadFrame[] =
    "   at Microsoft.AzureStack.UsageBridge.Upload.UsageUploader.<SendBatchAsync>d__12.MoveNext()";
constexpr char kCoreUploadFrame[] =
    "   at Microsoft.AzureStack.UsageBridge.Upload.UsageUploader.SendBatchAsync(UsageBatch batch, "
    "CancellationToken cancellationToken)";
constexpr char kFwTokenFrame[] =
    "   at Microsoft.AzureStack.UsageBridge.Authentication.TokenProvider.<AcquireTokenAsync>d__7."
    "MoveNext()";
constexpr char kCoreTokenFrame[] =
    "   at Microsoft.AzureStack.UsageBridge.Authentication.TokenProvider.AcquireTokenAsync("
    "CancellationToken cancellationToken)";

bool IsCore(const Attempt& a) { return a.dotnet == DotNet::kCore; }

std::string UploadHead(const Attempt& a) {
  return "Usage upload failed for batch " + a.batch + " to " + a.id->usage_url + " (attempt " +
         std::to_string(a.attempt) + " of 3): ";
}

std::string UploadTail(const Attempt& a) { return IsCore(a) ? kCoreUploadFrame : kFwUploadFrame; }

std::string TokenHead(const StampIdentity& id) {
  return std::string("Token acquisition failed for resource ") + kUsageAudience + " from " +
         id.login_url + ": ";
}

// 11/18/2026 07:32:41: a DateTime in the invariant culture, as IdentityModel prints it.
std::string InvariantTime(Ticks t) {
  const std::string s = CompactStamp(t);
  return s.substr(4, 2) + "/" + s.substr(6, 2) + "/" + s.substr(0, 4) + " " + s.substr(8, 2) + ":" +
         s.substr(10, 2) + ":" + s.substr(12, 2);
}

// The stamp's clocks run ahead of Azure: the token is valid from the VM's "now", while
// the usage service's clock is 6.5 minutes behind the true time the logs cannot show.
std::string LifetimeBody(const Attempt& a) {
  const Ticks azure_now = a.written_now - Seconds(a.skew_seconds + 390);
  return "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"IDX10222: Lifetime "
         "validation failed. The token is not yet valid. ValidFrom (UTC): '" +
         InvariantTime(a.written_now) + "', Current time (UTC): '" + InvariantTime(azure_now) +
         "'.\"}}";
}

constexpr char kRegistrationBody[] =
    "{\"error\":{\"code\":\"AuthenticationFailed\",\"message\":\"Authentication failed. The "
    "bridge identity is not authorized to report usage.\"}}";

}  // namespace

std::string UploadFailure(FailureKind kind, const Attempt& a) {
  const bool core = IsCore(a);
  const std::string& host = a.id->usage_host;
  std::string chain;
  switch (kind) {
    case FailureKind::kDns:
      chain = DnsChain(host, core);
      break;
    case FailureKind::kProxyAuth:
      chain = ProxyChain(core);
      break;
    case FailureKind::kRefused:
      chain = RefusedChain(host, "10.20.30.40:443", core, a.attempt == 2);
      break;
    case FailureKind::kTimeout:
      chain = TimeoutChain(core, a.attempt);
      break;
    case FailureKind::kTls:
      chain = TlsChain(core);
      break;
    case FailureKind::kUnauthorizedTimeSync:
      chain = UnauthorizedChain(core, LifetimeBody(a));
      break;
    case FailureKind::kUnauthorizedRegistration:
      chain = UnauthorizedChain(core, kRegistrationBody);
      break;
    case FailureKind::kLoginUnreachable:
    case FailureKind::kLoginCredentials:
      break;  // these fail the token request instead: see TokenFailure
  }
  return UploadHead(a) + chain + UploadTail(a);
}

std::string TokenFailure(FailureKind kind, const Attempt& a, Prng* prng) {
  const bool core = IsCore(a);
  const std::string frame = core ? kCoreTokenFrame : kFwTokenFrame;
  if (kind == FailureKind::kLoginCredentials) {
    // Azure AD stamps its own (true) time into the error.
    AadContext aad{a.id->tenant_id, a.id->bridge_app_id, MakeGuid(prng), MakeGuid(prng), ""};
    AppendW3cTime(&aad.timestamp, a.written_now - Seconds(a.skew_seconds));
    aad.timestamp.push_back('Z');
    return TokenHead(*a.id) + AadRejection(core, aad, frame);
  }
  const std::string chain = core ? ConnectTimeoutChain(kLoginHost, "20.190.160.1:443", true)
                                 : DnsChain(kLoginHost, false);
  return TokenHead(*a.id) + chain + TokenHttpFrames(core) + frame;
}

std::string EceTokenFailure(const StampIdentity& id) {
  return TokenHead(id) + "System.Net.WebException: The remote name could not be resolved: '" +
         kLoginHost + "'";
}

std::string TransientUploadFailure(const Attempt& a) {
  return UploadHead(a) + ConnectTimeoutChain(a.id->usage_host, "52.166.79.213:443", IsCore(a)) +
         UploadTail(a);
}

}  // namespace samplegen
