// The scenarios, as data. Times are true UTC; a failure window on a VM means every
// attempt in it fails. Decoys (blip, TLS to a tenant endpoint) sit away from incidents.
#include <algorithm>

#include "scenario.h"

namespace samplegen {
namespace {

constexpr DotNet kFw = DotNet::kFramework;
constexpr DotNet kCore = DotNet::kCore;

XrpProfile Dtr(Casing casing, DotNet dotnet, int64_t skew = 0) {
  return {casing, LogFormat::kServiceFabricDtr, false, dotnet, skew};
}

XrpProfile Iso(Casing casing, bool bom_crlf, DotNet dotnet, int64_t skew = 0) {
  return {casing, LogFormat::kIsoTrace, bom_crlf, dotnet, skew};
}

// Most scenarios are collected on 2026-11-18 at 09:30 UTC with the default 3-hour window.
Ticks Nov18(int hour, int minute) { return FromCivil(2026, 11, 18, hour, minute, 0); }

Scenario Base(std::string name, std::string summary) {
  Scenario s;
  s.name = std::move(name);
  s.summary = std::move(summary);
  s.collected = Nov18(9, 30);
  s.window_start = Nov18(6, 30);
  s.prefix = "AzS";
  s.other_casing = Casing::kUpper;
  s.xrp = {Dtr(Casing::kUpper, kFw), Iso(Casing::kUpper, true, kCore), Dtr(Casing::kUpper, kFw)};
  s.usage_host = "westeurope.usage.microsoftazurestack.com";
  s.blip_xrp = 1;
  s.blip_at = Nov18(7, 40);
  s.tls_decoy_xrp = 2;
  s.tls_decoy_from = Nov18(8, 5);
  return s;
}

// Decoys: a retried-then-succeeded upload on XRP `blip_xrp` at `blip_at`, and TLS failures
// to a tenant endpoint on XRP `tls_xrp` for an hour from `tls_from`.
void SetDecoys(Scenario* s, int blip_xrp, Ticks blip_at, int tls_xrp, Ticks tls_from) {
  s->blip_xrp = blip_xrp;
  s->blip_at = blip_at;
  s->tls_decoy_xrp = tls_xrp;
  s->tls_decoy_from = tls_from;
}

Incident MakeIncident(const char* code, const char* cause, FailureKind kind,
                      std::vector<FailureWindow> windows) {
  return Incident{code, cause, kind, std::move(windows)};
}

Scenario NetworkDns() {
  Scenario dns =
      Base("network-dns", "NetworkError/dns: usage host not resolvable from XRP01 and XRP02");
  dns.xrp = {Dtr(Casing::kUpper, kFw), Iso(Casing::kTitle, true, kFw), Dtr(Casing::kUpper, kCore)};
  dns.incidents = {MakeIncident("NetworkError", "dns", FailureKind::kDns,
                                {{0, Nov18(7, 0), Nov18(7, 40)}, {1, Nov18(7, 4), Nov18(7, 38)}})};
  SetDecoys(&dns, 2, Nov18(8, 45), 0, Nov18(8, 10));
  return dns;
}

Scenario NetworkProxy() {
  Scenario proxy = Base(
      "network-proxy",
      "NetworkError/proxy-auth: proxy answers 407 on XRP01 and XRP03; collection hit a full disk");
  proxy.prefix = "s12r0405";
  proxy.other_casing = Casing::kLower;
  proxy.xrp = {Iso(Casing::kLower, false, kFw), Dtr(Casing::kLower, kFw), Dtr(Casing::kLower, kFw)};
  proxy.usage_host = "azsusage-eastus.trafficmanager.net";
  proxy.incidents = {
      MakeIncident("NetworkError", "proxy-auth", FailureKind::kProxyAuth,
                   {{0, Nov18(7, 50), Nov18(8, 30)}, {2, Nov18(7, 53), Nov18(8, 28)}})};
  SetDecoys(&proxy, 1, Nov18(6, 55), 1, Nov18(7, 20));
  proxy.disk_full = true;
  return proxy;
}

Scenario NetworkRefused() {
  Scenario refused =
      Base("network-refused",
           "NetworkError/connection-refused on XRP02 (.NET Framework) and XRP03 (.NET Core)");
  refused.xrp = {Iso(Casing::kUpper, true, kFw), Dtr(Casing::kUpper, kFw),
                 Iso(Casing::kUpper, false, kCore)};
  refused.usage_host = "northeurope.usage.microsoftazurestack.com";
  refused.incidents = {
      MakeIncident("NetworkError", "connection-refused", FailureKind::kRefused,
                   {{1, Nov18(8, 5), Nov18(8, 45)}, {2, Nov18(8, 7), Nov18(8, 44)}})};
  SetDecoys(&refused, 0, Nov18(7, 10), 0, Nov18(6, 45));
  return refused;
}

Scenario Timeout() {
  Scenario timeout = Base("timeout",
                          "RequestTimedOut/no-response: uploads time out on XRP01 (.NET Framework) "
                          "and XRP02 (.NET Core)");
  timeout.prefix = "n22r0903";
  timeout.other_casing = Casing::kTitle;
  timeout.xrp = {Dtr(Casing::kTitle, kFw), Iso(Casing::kTitle, true, kCore),
                 Dtr(Casing::kTitle, kFw)};
  timeout.usage_host = "westus2.usage.microsoftazurestack.com";
  timeout.incidents = {
      MakeIncident("RequestTimedOut", "no-response", FailureKind::kTimeout,
                   {{0, Nov18(7, 20), Nov18(8, 0)}, {1, Nov18(7, 22), Nov18(8, 2)}})};
  SetDecoys(&timeout, 2, Nov18(8, 40), 2, Nov18(6, 40));
  return timeout;
}

Scenario LoginUnreachable() {
  Scenario unreachable = Base("login-unreachable",
                              "LoginError/endpoint-unreachable: login.microsoftonline.com not "
                              "resolvable (XRP01) or not answering (XRP02)");
  unreachable.prefix = "azs";
  unreachable.other_casing = Casing::kLower;
  unreachable.xrp = {Dtr(Casing::kLower, kFw), Iso(Casing::kLower, false, kCore),
                     Dtr(Casing::kLower, kFw)};
  unreachable.incidents = {
      MakeIncident("LoginError", "endpoint-unreachable", FailureKind::kLoginUnreachable,
                   {{0, Nov18(7, 35), Nov18(8, 15)}, {1, Nov18(7, 36), Nov18(8, 14)}})};
  SetDecoys(&unreachable, 2, Nov18(6, 50), 1, Nov18(8, 30));
  unreachable.ece_login_warning = true;
  return unreachable;
}

Scenario LoginCredentials() {
  Scenario credentials = Base("login-credentials",
                              "LoginError/credentials-rejected: Azure AD rejects the bridge "
                              "(AADSTS7000215 via ADAL, AADSTS700016 via MSAL) on all XRPs");
  credentials.xrp = {Iso(Casing::kUpper, true, kFw), Dtr(Casing::kTitle, kFw),
                     Iso(Casing::kUpper, false, kCore)};
  credentials.usage_host = "azsusage-westeurope.trafficmanager.net";
  credentials.incidents = {MakeIncident("LoginError", "credentials-rejected",
                                        FailureKind::kLoginCredentials,
                                        {{0, Nov18(8, 0), Nov18(8, 50)},
                                         {1, Nov18(8, 2), Nov18(8, 48)},
                                         {2, Nov18(8, 1), Nov18(8, 49)}})};
  SetDecoys(&credentials, 1, Nov18(7, 0), 2, Nov18(6, 40));
  return credentials;
}

Scenario Certificate() {
  Scenario certificate = Base("certificate",
                              "CertificateValidationError/tls-interception: a proxy re-signs TLS "
                              "to the usage endpoint, all XRPs");
  certificate.prefix = "s12r0405";
  certificate.xrp = {Dtr(Casing::kTitle, kFw), Iso(Casing::kTitle, true, kCore),
                     Dtr(Casing::kLower, kFw)};
  certificate.incidents = {MakeIncident("CertificateValidationError", "tls-interception",
                                        FailureKind::kTls,
                                        {{0, Nov18(7, 10), Nov18(7, 55)},
                                         {1, Nov18(7, 12), Nov18(7, 52)},
                                         {2, Nov18(7, 11), Nov18(7, 54)}})};
  SetDecoys(&certificate, 0, Nov18(8, 50), 1, Nov18(8, 15));
  return certificate;
}

Scenario UnauthorizedTimeSync() {
  Scenario timesync = Base("unauthorized-timesync",
                           "Unauthorized/time-sync: 401 with IDX10222 on XRP01 and XRP02, W32Time "
                           "events, XRP02's clock 7 minutes ahead");
  timesync.xrp = {Dtr(Casing::kUpper, kFw), Iso(Casing::kUpper, true, kFw, 421),
                  Dtr(Casing::kUpper, kFw)};
  timesync.incidents = {
      MakeIncident("Unauthorized", "time-sync", FailureKind::kUnauthorizedTimeSync,
                   {{0, Nov18(7, 30), Nov18(8, 15)}, {1, Nov18(7, 31), Nov18(8, 14)}})};
  SetDecoys(&timesync, 2, Nov18(8, 50), 2, Nov18(6, 40));
  return timesync;
}

Scenario UnauthorizedRegistration() {
  Scenario registration =
      Base("unauthorized-registration",
           "Unauthorized/registration-changed: 401 on all XRPs, registration resource not found");
  registration.prefix = "N22R0903";
  registration.xrp = {Iso(Casing::kUpper, false, kFw), Dtr(Casing::kUpper, kFw),
                      Iso(Casing::kUpper, true, kCore)};
  registration.usage_host = "eastus.usage.microsoftazurestack.com";
  registration.incidents = {MakeIncident("Unauthorized", "registration-changed",
                                         FailureKind::kUnauthorizedRegistration,
                                         {{0, Nov18(7, 45), Nov18(8, 35)},
                                          {1, Nov18(7, 46), Nov18(8, 33)},
                                          {2, Nov18(7, 47), Nov18(8, 34)}})};
  SetDecoys(&registration, 0, Nov18(7, 5), 1, Nov18(6, 45));
  return registration;
}

Scenario Healthy() { return Base("healthy", "no usage failure: healthy traffic and every decoy"); }

// Crosses midnight (and the month): ECE times read "12:20:05 AM".
Scenario Mixed() {
  Scenario mixed = Base(
      "mixed",
      "NetworkError/dns on XRP01 before midnight, CertificateValidationError on XRP02 after it");
  mixed.collected = FromCivil(2026, 12, 1, 1, 30, 0);
  mixed.window_start = FromCivil(2026, 11, 30, 22, 30, 0);
  mixed.xrp = {Dtr(Casing::kUpper, kFw), Iso(Casing::kTitle, true, kCore),
               Dtr(Casing::kUpper, kFw)};
  mixed.incidents = {
      MakeIncident("NetworkError", "dns", FailureKind::kDns,
                   {{0, FromCivil(2026, 11, 30, 22, 50, 0), FromCivil(2026, 11, 30, 23, 25, 0)}}),
      MakeIncident("CertificateValidationError", "tls-interception", FailureKind::kTls,
                   {{1, FromCivil(2026, 12, 1, 0, 20, 0), FromCivil(2026, 12, 1, 0, 55, 0)}})};
  SetDecoys(&mixed, 2, FromCivil(2026, 12, 1, 0, 5, 0), 2, FromCivil(2026, 11, 30, 23, 40, 0));
  return mixed;
}

// Single-digit month and day: .dtr times read "2026-3-5 07:02:10.123".
Scenario Flapping() {
  Scenario flapping = Base(
      "flapping",
      "NetworkError/connection-refused on XRP03 in two episodes, 45 minutes of successes between");
  auto mar5 = [](int hour, int minute) { return FromCivil(2026, 3, 5, hour, minute, 0); };
  flapping.collected = mar5(9, 30);
  flapping.window_start = mar5(6, 30);
  flapping.prefix = "s12r0405";
  flapping.other_casing = Casing::kLower;
  flapping.xrp = {Dtr(Casing::kLower, kFw), Iso(Casing::kLower, true, kFw),
                  Dtr(Casing::kTitle, kFw)};
  flapping.incidents = {
      MakeIncident("NetworkError", "connection-refused", FailureKind::kRefused,
                   {{2, mar5(6, 50), mar5(7, 20)}, {2, mar5(8, 5), mar5(8, 40)}})};
  SetDecoys(&flapping, 0, mar5(7, 45), 1, mar5(7, 30));
  return flapping;
}

Scenario Large() {
  Scenario large = Base("large",
                        "benchmark only: healthy traffic padded to --size bytes, NetworkError/dns "
                        "on XRP01, RequestTimedOut on XRP03");
  large.xrp = {Dtr(Casing::kUpper, kFw), Iso(Casing::kUpper, false, kFw),
               Dtr(Casing::kUpper, kCore)};
  large.incidents = {
      MakeIncident("NetworkError", "dns", FailureKind::kDns, {{0, Nov18(7, 10), Nov18(7, 45)}}),
      MakeIncident("RequestTimedOut", "no-response", FailureKind::kTimeout,
                   {{2, Nov18(8, 20), Nov18(8, 50)}})};
  SetDecoys(&large, 1, Nov18(8, 0), 1, Nov18(6, 50));
  large.large_bytes = 1ULL << 30;
  return large;
}

std::vector<Scenario> BuildCatalog() {
  return {NetworkDns(),
          NetworkProxy(),
          NetworkRefused(),
          Timeout(),
          LoginUnreachable(),
          LoginCredentials(),
          Certificate(),
          UnauthorizedTimeSync(),
          UnauthorizedRegistration(),
          Healthy(),
          Mixed(),
          Flapping(),
          Large()};
}

}  // namespace

const std::vector<Scenario>& AllScenarios() {
  static const std::vector<Scenario> catalog = BuildCatalog();
  return catalog;
}

const Scenario* FindScenario(std::string_view name) {
  const auto& all = AllScenarios();
  auto it = std::find_if(all.begin(), all.end(), [&](const Scenario& s) { return s.name == name; });
  return it == all.end() ? nullptr : &*it;
}

}  // namespace samplegen
