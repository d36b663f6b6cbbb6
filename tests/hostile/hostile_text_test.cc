// Hostile text: giant lines, binary data named .log, broken encodings,
// timestamps out of range. The real failure log sits in the same bundle;
// where the hostile text is the failure log itself, its finding must still
// come out of the readable lines.
#include <doctest/doctest.h>

#include <random>

#include "hostile_support.h"

namespace hostile {
namespace {

void Expect(const Outcome& o, int status = 0) {
  INFO(Describe(o));
  CheckSane(o);
  CHECK(o.status == status);
  CHECK(HasDnsFinding(o.report));
  if (o.report.is_object()) CheckInventoryContract(o.report);
}

std::string Utf16Le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) out += c, out += '\0';
  return out;
}

TEST_CASE("text: a 50 MB line without a newline, after the real failures") {
  Sandbox box;
  const std::string zip = box.Write("long.zip", Archive(Format::kZip)
                                                    .File(kBridgePath, BridgeLog() + std::string(50 << 20, 'a'))
                                                    .Build());
  const Outcome o = box.Scan({zip});
  Expect(o);
  CHECK(Reported(o.report, std::string("!/") + kBridgePath, "", "--max-line-bytes"));
  const nlohmann::json* item = Item(o.report, std::string("!/") + kBridgePath);
  REQUIRE(item != nullptr);
  CHECK((*item)["lines_cut"] == 1);
}

TEST_CASE("text: a 50 MB line in its own file, then one giant record of continuation lines") {
  Sandbox box;
  box.Write(kBridgePath, BridgeLog());
  box.Write("AzureBridge/AzS-XRP01/one-line.log", std::string(50 << 20, 'b') + "\n");
  std::string record = "2026-11-18T07:20:00Z Error [UsageBridge] start of a long stack\n";
  for (int i = 0; i < 200000; ++i) record += "   at Frame" + std::to_string(i) + "()\n";
  box.Write("AzureBridge/AzS-XRP01/stack.log", record);
  const Outcome o = box.Scan({box.Path("")});
  Expect(o);
  CHECK(Reported(o.report, "one-line.log", "", "--max-line-bytes"));
  const nlohmann::json* stack = Item(o.report, "stack.log");
  REQUIRE(stack != nullptr);
  CHECK((*stack)["records_cut"] == 1);
}

TEST_CASE("text: random binary named .log") {
  Sandbox box;
  box.Write(kBridgePath, BridgeLog());
  std::mt19937 rng(42);
  std::string noise(1 << 20, '\0');
  for (char& c : noise) c = static_cast<char>(rng());
  box.Write("AzureBridge/AzS-XRP01/noise.log", noise);
  const Outcome o = box.Scan({box.Path("")});
  Expect(o);
  CHECK(Reported(o.report, "noise.log", "skipped", "binary"));
}

TEST_CASE("text: invalid UTF-8 inside the failure lines") {
  Sandbox box;
  std::string log = BridgeLog();
  for (size_t at = log.find("Usage upload"); at != std::string::npos; at = log.find("Usage upload", at + 20))
    log.insert(at, "\xc3\x28\xed\xa0\x80\xf8\x88\x80\x80\x80\xc0\xaf ");
  const Outcome o = box.Scan({box.Write("utf8.zip", Archive(Format::kZip).File(kBridgePath, log).Build())});
  Expect(o);
  const nlohmann::json* item = Item(o.report, std::string("!/") + kBridgePath);
  REQUIRE(item != nullptr);
  CHECK((*item)["invalid_sequences"] > 0);
}

TEST_CASE("text: UTF-16LE with a BOM and an odd byte count") {
  Sandbox box;
  const std::string log = std::string("\xff\xfe") + Utf16Le(BridgeLog()) + "\x41";
  const Outcome o = box.Scan({box.Write("utf16.zip", Archive(Format::kZip).File(kBridgePath, log).Build())});
  Expect(o);
  const nlohmann::json* item = Item(o.report, std::string("!/") + kBridgePath);
  REQUIRE(item != nullptr);
  CHECK((*item)["encoding"] == "utf-16le-bom");
  CHECK((*item)["invalid_sequences"] >= 1);
}

TEST_CASE("text: UTF-16LE without BOM, with lone high and low surrogates") {
  Sandbox box;
  std::string log;
  const std::string lines = BridgeLog();
  size_t start = 0;
  for (size_t nl = lines.find('\n'); nl != std::string::npos; start = nl + 1, nl = lines.find('\n', start)) {
    log += Utf16Le(lines.substr(start, 24));
    log += std::string("\x00\xd8", 2);  // lone high surrogate
    log += std::string("\x00\xdc", 2);  // followed by... a lone low one is a pair; break it:
    log += std::string("\x41\x00", 2);
    log += std::string("\x00\xdc", 2);  // lone low surrogate
    log += Utf16Le(lines.substr(start + 24, nl + 1 - start - 24));
  }
  const Outcome o = box.Scan({box.Write("surrogates.zip", Archive(Format::kZip).File(kBridgePath, log).Build())});
  Expect(o);
  const nlohmann::json* item = Item(o.report, std::string("!/") + kBridgePath);
  REQUIRE(item != nullptr);
  CHECK((*item)["invalid_sequences"] >= 4);
}

TEST_CASE("text: timestamps out of range are unknown times, never wrapped") {
  Sandbox box;
  const std::string odd =
      "0000-01-01T00:00:00Z Error [UsageBridge] year zero\n"
      "9999-12-31T23:59:59Z Error [UsageBridge] last second of the calendar\n"
      "9999-12-31T23:59:59-05:00 Error [UsageBridge] past the calendar once in UTC\n"
      "0001-01-01T00:00:00+01:00 Error [UsageBridge] before the calendar once in UTC\n"
      "2026-02-30T07:00:00Z Error [UsageBridge] February 30\n"
      "2026-11-18T24:00:00Z Error [UsageBridge] hour 24\n"
      "2026-11-18T07:00:60Z Error [UsageBridge] second 60\n"
      "99999-11-18T07:00:00Z Error [UsageBridge] five-digit year\n";
  box.Write(kBridgePath, odd + BridgeLog());
  const Outcome o = box.Scan({box.Path("")});
  Expect(o);
  const Outcome r = box.Run({"records", box.Path("")});
  CheckSane(r);
  CHECK(r.status == 0);
  CHECK(r.out.find("\"time\":\"9999-12-31T23:59:59Z\"") != std::string::npos);
  for (const char* bad : {"\"time\":\"0000-", "\"time\":\"10000-", "\"time\":\"2026-03-02", "\"time\":\"2026-11-19T00:00:00Z\""}) {
    INFO(bad);
    CHECK(r.out.find(bad) == std::string::npos);
  }
  // Every report time stays a 4-digit-year RFC 3339 time.
  CHECK(o.report.dump().find("\"10000-") == std::string::npos);
}

TEST_CASE("text: --assume-tz pushes a zone-less 9999-12-31 23:59 past the calendar") {
  Sandbox box;
  box.Write(kBridgePath, BridgeLog());
  box.Write("ECE/AzS-ERCS01/AzureStack.Ece.log", "[1]12/31/9999 11:59:59 PM [Error] end of time\n[1]1/1/0001 12:00:00 AM [Error] start of time\n");
  const Outcome o = box.Scan({box.Path("")}, {"--assume-tz", "-05:00"});
  Expect(o);
  const Outcome r = box.Run({"records", box.Path(""), "--assume-tz", "+05:00"});
  CheckSane(r);
  CHECK(r.out.find("\"time\":\"0000-") == std::string::npos);
  CHECK(r.out.find("\"time\":\"10000-") == std::string::npos);
}

TEST_CASE("text: NUL bytes and a lone CR in the real log's neighbour") {
  Sandbox box;
  box.Write(kBridgePath, BridgeLog());
  box.Write("AzureBridge/AzS-XRP01/nul.log", std::string("2026-11-18T07:01:18Z Error a\0b\n", 31) + "\r\r\r\n");
  const Outcome o = box.Scan({box.Path("")});
  Expect(o);
  CHECK(Item(o.report, "nul.log") != nullptr);
}

}  // namespace
}  // namespace hostile
