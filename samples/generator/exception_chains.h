// The .NET exception chains behind each failure, in .NET Framework (HttpWebRequest, ADAL)
// or .NET Core (SocketsHttpHandler, MSAL) wording: real resource strings and frames from
// DOMAIN.md section 4. Each returns the chain from its outermost exception up to, not
// including, the bridge's own stack frame; lines are '\n'-separated and the text ends
// with '\n'.
#ifndef SAMPLES_GENERATOR_EXCEPTION_CHAINS_H_
#define SAMPLES_GENERATOR_EXCEPTION_CHAINS_H_

#include <string>

namespace samplegen {

// "The remote name could not be resolved: 'host'" / "No such host is known. (host:443)".
std::string DnsChain(const std::string& host, bool core);

// "Unable to connect to the remote server ---> SocketException: No connection could be
// made because the target machine actively refused it <address>". .NET Framework writes
// the SocketException inline when `inline_inner`, else on its own " ---> " line.
std::string RefusedChain(const std::string& host, const std::string& address, bool core,
                         bool inline_inner);

// "A connection attempt failed because the connected party did not properly respond ..."
std::string ConnectTimeoutChain(const std::string& host, const std::string& address, bool core);

// "(407) Proxy Authentication Required." (.NET Core: the proxy tunnel request failed).
std::string ProxyChain(bool core);

// .NET Framework: "A task was canceled." (odd attempts) or "The operation has timed out";
// .NET Core: "The request was canceled due to the configured HttpClient.Timeout of 100
// seconds elapsing."
std::string TimeoutChain(bool core, int attempt);

// The TLS trust failure, wrapped by "An error occurred while sending the request." on
// .NET Framework; .NET Core: "The SSL connection could not be established" + UntrustedRoot.
std::string TlsChain(bool core);

// "(401) Unauthorized." / "Response status code does not indicate success: 401
// (Unauthorized).", followed by a " Response body: <body>" line.
std::string UnauthorizedChain(bool core, const std::string& body);

// A whole Azure AD rejection with its error JSON (literal \r\n escapes inside): ADAL with
// AADSTS7000215 (.NET Framework) or MSAL with AADSTS700016 (.NET Core). Unlike the chains
// above it takes the caller's last stack frame (`caller_frame`, no line end) and ends
// without a line end: MSAL prints status, body and headers after the whole stack trace.
struct AadContext {
  std::string tenant_id;
  std::string app_id;
  std::string trace_id;
  std::string correlation_id;
  std::string timestamp;  // 2026-11-18 08:00:12Z
};
std::string AadRejection(bool core, const AadContext& aad, const std::string& caller_frame);

// The .NET frames that close a token request over HTTP (ADAL or MSAL).
std::string TokenHttpFrames(bool core);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_EXCEPTION_CHAINS_H_
