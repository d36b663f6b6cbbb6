#include "origin.h"

#include <doctest/doctest.h>

namespace analyzer {
namespace {

TEST_CASE("origin: VM names in any case and with stamp prefixes are canonical") {
  CHECK(CanonicalHost("AzS-Xrp01") == "AzS-XRP01");
  CHECK(CanonicalHost("azs-xrp01") == "AzS-XRP01");
  CHECK(CanonicalHost("AZS-XRP01") == "AzS-XRP01");
  CHECK(CanonicalHost("s12r0405-xrp02") == "s12r0405-XRP02");
  CHECK(CanonicalHost("s12r0405-Xrp02") == "s12r0405-XRP02");
  CHECK(CanonicalHost("N22R0903-XRP03") == "n22r0903-XRP03");
  CHECK(CanonicalHost("AzS-WASP01") == "AzS-WASP01");
  CHECK(CanonicalHost("AzS-WAS02") == "AzS-WAS02");
  CHECK(CanonicalHost("AzS-ERCS01") == "AzS-ERCS01");
  CHECK(CanonicalHost("XRP01") == "XRP01");
  CHECK(CanonicalHost("AzS-Xrp1") == "AzS-XRP01");
}

TEST_CASE("origin: names that are not VMs give \"\"") {
  CHECK(CanonicalHost("") == "");
  CHECK(CanonicalHost("AzureBridge") == "");
  CHECK(CanonicalHost("bridge.log") == "");
  CHECK(CanonicalHost("AzS-XRP") == "");
  CHECK(CanonicalHost("AzS-FOO01") == "");
  CHECK(CanonicalHost("AzS-XRP01-old") == "");
}

TEST_CASE("origin: role names, any case, from zips and folders") {
  CHECK(CanonicalRole("AzureBridge-20261118-1.zip") == "AzureBridge");
  CHECK(CanonicalRole("AzureBridge-20261118-2.zip") == "AzureBridge");
  CHECK(CanonicalRole("azurebridge") == "AzureBridge");
  CHECK(CanonicalRole("WASPUBLIC-20261118.zip") == "WASPUBLIC");
  CHECK(CanonicalRole("WASPublic") == "WASPUBLIC");
  CHECK(CanonicalRole("waspublic-1.zip") == "WASPUBLIC");
  CHECK(CanonicalRole("WAS-20261118.zip") == "WAS");
  CHECK(CanonicalRole("UsageBridge") == "UsageBridge");
  CHECK(CanonicalRole("SeedRing-1.zip") == "SeedRing");
  CHECK(CanonicalRole("AzS-XRP01") == "");
  CHECK(CanonicalRole("Get-AzureStackLog_Output.log") == "");
  CHECK(CanonicalRole("WASPUBLICX") == "");
}

Origin From(std::string_view source) { return OriginFromSource(source); }

TEST_CASE("origin: host and component from a nested source chain") {
  Origin o = From(
      "AzureStackLogs-20261118093000-AZS-ERCS01.zip!/AzureStackLogs-20261118093000-AZS-ERCS01/"
      "AzureBridge-20261118-1.zip!/AzureBridge/AzS-Xrp01/AzureBridge.log");
  CHECK(o.host == "AzS-XRP01");
  CHECK(o.component == "AzureBridge");

  // Split parts of a role are the same role.
  o = From("bundle/AzureBridge-20261118-2.zip!/AzureBridge/s12r0405-xrp02/bridge.log");
  CHECK(o.host == "s12r0405-XRP02");
  CHECK(o.component == "AzureBridge");

  o = From("bundle/waspublic-20261118.zip!/WASPUBLIC/AzS-WASP01/u_ex261118.log");
  CHECK(o.host == "AzS-WASP01");
  CHECK(o.component == "WASPUBLIC");
}

TEST_CASE("origin: a VM named by a file name, or only by the collection folder") {
  Origin o = From("logs/AzureBridge/AzS-XRP03.log");
  CHECK(o.host == "AzS-XRP03");
  CHECK(o.component == "AzureBridge");

  // The collection folder names the ERCS VM where logs were gathered: used
  // only when nothing deeper names a VM.
  o = From("AzureStackLogs-20240927104305-SAC14-ERCS01/Get-AzureStackLog_Output.log");
  CHECK(o.host == "sac14-ERCS01");
  CHECK(o.component == "");
  o = From("AzureStackLogs-20240927104305-SAC14-ERCS01/AzureBridge-1.zip!/AzureBridge/SAC14-XRP02/b.log");
  CHECK(o.host == "sac14-XRP02");
}

TEST_CASE("origin: a path naming nothing gives empty host and component") {
  const Origin o = From("notes/readme.txt");
  CHECK(o.host == "");
  CHECK(o.component == "");
}

}  // namespace
}  // namespace analyzer
