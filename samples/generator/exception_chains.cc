#include "exception_chains.h"

namespace samplegen {
namespace {

// Frames copied from real traces of the same exceptions, so rules keyed on them see
// familiar text.
constexpr char kFwSendTail[] =
    "   at System.Net.HttpWebRequest.EndGetResponse(IAsyncResult asyncResult)\n"
    "   at System.Net.Http.HttpClientHandler.GetResponseCallback(IAsyncResult ar)\n"
    "   --- End of inner exception stack trace ---\n";
constexpr char kFwSocketFrames[] =
    "   at System.Net.Sockets.Socket.InternalEndConnect(IAsyncResult asyncResult)\n"
    "   at System.Net.ServicePoint.ConnectSocketInternal(Boolean connectFailure, Socket s4, "
    "Socket s6, Socket& socket, IPAddress& address, ConnectSocketState state, "
    "IAsyncResult asyncResult, Exception& exception)\n"
    "   --- End of inner exception stack trace ---\n";
constexpr char kCoreSendFrame[] =
    "   at System.Net.Http.HttpClient.<SendAsync>g__Core|83_0(HttpRequestMessage request, "
    "HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, "
    "CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)\n";
constexpr char kCoreConnectFrames[] =
    "   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError "
    "error, CancellationToken cancellationToken)\n"
    "   at System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync(String host, Int32 port, "
    "HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)\n"
    "   --- End of inner exception stack trace ---\n"
    "   at System.Net.Http.HttpConnectionPool.ConnectAsync(HttpRequestMessage request, "
    "Boolean async, CancellationToken cancellationToken)\n";
constexpr char kRefused[] =
    "No connection could be made because the target machine actively refused it";
constexpr char kConnectTimeout[] =
    "A connection attempt failed because the connected party did not properly respond after a "
    "period of time, or established connection failed because connected host has failed to respond";

std::string WebFailure(const std::string& web_message) {
  return "System.Net.Http.HttpRequestException: An error occurred while sending the request. "
         "---> System.Net.WebException: " +
         web_message;
}

std::string SocketChain(const std::string& host, const std::string& address, const char* what,
                        const char* code, bool core, bool inline_inner) {
  if (core) {
    return "System.Net.Http.HttpRequestException: " + std::string(what) + ". (" + host + ":443)\n" +
           " ---> System.Net.Sockets.SocketException (" + code + "): " + what + ".\n" +
           kCoreConnectFrames + kCoreSendFrame;
  }
  const std::string socket =
      "System.Net.Sockets.SocketException: " + std::string(what) + " " + address;
  const std::string web = inline_inner
                              ? "Unable to connect to the remote server ---> " + socket + "\n"
                              : "Unable to connect to the remote server\n ---> " + socket + "\n";
  return WebFailure(web) + kFwSocketFrames + kFwSendTail;
}

std::string AadJson(const char* error, const std::string& description, const char* code,
                    const AadContext& aad) {
  // Azure AD returns error_description with CRLF escapes, which .NET logs verbatim.
  const std::string details = "\\r\\nTrace ID: " + aad.trace_id +
                              "\\r\\nCorrelation ID: " + aad.correlation_id +
                              "\\r\\nTimestamp: " + aad.timestamp;
  return "{\"error\":\"" + std::string(error) + "\",\"error_description\":\"" + description +
         details + "\",\"error_codes\":[" + code + "],\"timestamp\":\"" + aad.timestamp +
         "\",\"trace_id\":\"" + aad.trace_id + "\",\"correlation_id\":\"" + aad.correlation_id +
         "\",\"error_uri\":\"https://login.microsoftonline.com/error?code=" + code + "\"}";
}

std::string AadMessageLines(const std::string& description, const AadContext& aad) {
  return description + "\nTrace ID: " + aad.trace_id + "\nCorrelation ID: " + aad.correlation_id +
         "\nTimestamp: " + aad.timestamp + "\n";
}

}  // namespace

std::string DnsChain(const std::string& host, bool core) {
  if (!core)
    return WebFailure("The remote name could not be resolved: '" + host + "'\n") + kFwSendTail;
  return "System.Net.Http.HttpRequestException: No such host is known. (" + host + ":443)\n" +
         " ---> System.Net.Sockets.SocketException (11001): No such host is known.\n" +
         kCoreConnectFrames + kCoreSendFrame;
}

std::string RefusedChain(const std::string& host, const std::string& address, bool core,
                         bool inline_inner) {
  return SocketChain(host, address, kRefused, "10061", core, inline_inner);
}

std::string ConnectTimeoutChain(const std::string& host, const std::string& address, bool core) {
  return SocketChain(host, address, kConnectTimeout, "10060", core, false);
}

std::string ProxyChain(bool core) {
  if (!core) {
    return WebFailure(
               "The remote server returned an error: (407) Proxy Authentication Required.\n") +
           kFwSendTail;
  }
  return std::string(
             "System.Net.Http.HttpRequestException: The proxy tunnel request to proxy "
             "'http://proxy.contoso.local:8080/' failed with status code '407'.\n") +
         kCoreSendFrame;
}

std::string TimeoutChain(bool core, int attempt) {
  if (core) {
    return std::string(
               "System.Threading.Tasks.TaskCanceledException: The request was canceled due to the "
               "configured HttpClient.Timeout of 100 seconds elapsing.\n"
               " ---> System.TimeoutException: A task was canceled.\n"
               " ---> System.Threading.Tasks.TaskCanceledException: A task was canceled.\n"
               "   at System.Threading.Tasks.TaskCompletionSourceWithCancellation`1."
               "WaitWithCancellationAsync(CancellationToken cancellationToken)\n"
               "   at System.Net.Http.HttpConnection.SendAsyncCore(HttpRequestMessage request, "
               "Boolean async, CancellationToken cancellationToken)\n"
               "   --- End of inner exception stack trace ---\n"
               "   --- End of inner exception stack trace ---\n") +
           kCoreSendFrame;
  }
  if (attempt % 2 == 0) return WebFailure("The operation has timed out\n") + kFwSendTail;
  return "System.Threading.Tasks.TaskCanceledException: A task was canceled.\n"
         "   at System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess(Task task)\n"
         "   at "
         "System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification("
         "Task task)\n";
}

std::string TlsChain(bool core) {
  if (!core) {
    return WebFailure(
               "The underlying connection was closed: Could not establish trust "
               "relationship for the SSL/TLS secure channel.\n") +
           " ---> System.Security.Authentication.AuthenticationException: The remote certificate "
           "is invalid according to the validation procedure.\n"
           "   at System.Net.TlsStream.EndWrite(IAsyncResult asyncResult)\n"
           "   at System.Net.ConnectStream.WriteHeadersCallback(IAsyncResult ar)\n"
           "   --- End of inner exception stack trace ---\n" +
           kFwSendTail;
  }
  return std::string(
             "System.Net.Http.HttpRequestException: The SSL connection could not be established, "
             "see inner exception.\n"
             " ---> System.Security.Authentication.AuthenticationException: The remote certificate "
             "is invalid because of errors in the certificate chain: UntrustedRoot\n"
             "   at System.Net.Security.SslStream.SendAuthResetSignal(ProtocolToken message, "
             "ExceptionDispatchInfo exception)\n"
             "   at System.Net.Http.ConnectHelper.EstablishSslConnectionAsync("
             "SslClientAuthenticationOptions sslOptions, HttpRequestMessage request, Boolean "
             "async, "
             "Stream stream, CancellationToken cancellationToken)\n"
             "   --- End of inner exception stack trace ---\n") +
         kCoreSendFrame;
}

std::string UnauthorizedChain(bool core, const std::string& body) {
  if (!core) {
    return "System.Net.WebException: The remote server returned an error: (401) Unauthorized.\n"
           " Response body: " +
           body + "\n" +
           "   at System.Net.HttpWebRequest.EndGetResponse(IAsyncResult asyncResult)\n"
           "   at System.Threading.Tasks.TaskFactory`1.FromAsyncCoreLogic(IAsyncResult iar, "
           "Func`2 endFunction, Action`1 endAction, Task`1 promise, Boolean "
           "requiresSynchronization)\n";
  }
  return "System.Net.Http.HttpRequestException: Response status code does not indicate success: "
         "401 (Unauthorized).\n Response body: " +
         body + "\n" + "   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n";
}

std::string AadRejection(bool core, const AadContext& aad, const std::string& caller_frame) {
  if (!core) {
    const std::string description =
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the "
        "request "
        "is the client secret value, not the client secret ID, for a secret added to app '" +
        aad.app_id + "'.";
    return "Microsoft.IdentityModel.Clients.ActiveDirectory.AdalServiceException: " +
           AadMessageLines(description, aad) +
           " ---> System.Net.Http.HttpRequestException: Response status code does not indicate "
           "success: 401 (Unauthorized).\n"
           " ---> Microsoft.IdentityModel.Clients.ActiveDirectory.AdalException: " +
           AadJson("invalid_client", description, "7000215", aad) + ": Unknown error\n" +
           "   --- End of inner exception stack trace ---\n"
           "   at Microsoft.IdentityModel.Clients.ActiveDirectory.Internal.Http.AdalHttpClient."
           "<GetResponseAsync>d__30`1.MoveNext()\n"
           "   --- End of inner exception stack trace ---\n"
           "   at Microsoft.IdentityModel.Clients.ActiveDirectory.Internal.Flows."
           "AcquireTokenHandlerBase.<RunAsync>d__57.MoveNext()\n" +
           caller_frame;
  }
  const std::string description =
      "AADSTS700016: Application with identifier '" + aad.app_id +
      "' was not found in the directory '" + aad.tenant_id +
      "'. This can happen if the application has not been installed by the administrator of the "
      "tenant or consented to by any user in the tenant. You may have sent your authentication "
      "request to the wrong tenant.";
  // MSAL appends status, body and headers after the stack trace, each line led by a tab.
  return "Microsoft.Identity.Client.MsalServiceException: " + AadMessageLines(description, aad) +
         "   at Microsoft.Identity.Client.OAuth2.OAuth2Client.ThrowServerException(HttpResponse "
         "response, RequestContext requestContext)\n"
         "   at Microsoft.Identity.Client.Internal.Requests.ClientCredentialRequest.ExecuteAsync("
         "CancellationToken cancellationToken)\n" +
         caller_frame +
         "\n\tStatusCode: 400\n"
         "\tResponseBody: " +
         AadJson("unauthorized_client", description, "700016", aad) + "\n" +
         "\tHeaders: Cache-Control: no-store, no-cache; Pragma: no-cache; x-ms-request-id: " +
         aad.trace_id;
}

std::string TokenHttpFrames(bool core) {
  if (core) {
    return "   at Microsoft.Identity.Client.Http.HttpManager.ExecuteAsync(Uri endpoint, "
           "IDictionary`2 headers, HttpContent body, HttpMethod method, ILoggerAdapter logger, "
           "CancellationToken cancellationToken)\n";
  }
  return "   at Microsoft.IdentityModel.Clients.ActiveDirectory.Internal.Http.HttpClientWrapper."
         "<GetResponseAsync>d__31.MoveNext()\n";
}

}  // namespace samplegen
