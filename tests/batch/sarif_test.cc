#include "sarif.h"

#include <doctest/doctest.h>

using namespace analyzer;

TEST_CASE("a source chain becomes a URI reference") {
  CHECK(SarifUri("samples/bundles/mixed.zip!/AzureBridge-1.zip!/AzS-XRP01/bridge.log") ==
        "samples/bundles/mixed.zip!/AzureBridge-1.zip!/AzS-XRP01/bridge.log");
  CHECK(SarifUri("/tmp/my bundle.zip!/a#b?c%d") == "/tmp/my%20bundle.zip!/a%23b%3Fc%25d");
  CHECK(SarifUri("c:\\logs\\x.zip") == "c%3A%5Clogs%5Cx.zip");
  CHECK(SarifUri("caf\xc3\xa9") == "caf%C3%A9");
}

TEST_CASE("severities map to SARIF levels") {
  CHECK(std::string(SarifLevel(Severity::kCritical)) == "error");
  CHECK(std::string(SarifLevel(Severity::kHigh)) == "error");
  CHECK(std::string(SarifLevel(Severity::kMedium)) == "warning");
  CHECK(std::string(SarifLevel(Severity::kLow)) == "note");
  CHECK(std::string(SarifLevel(Severity::kInfo)) == "note");
}
