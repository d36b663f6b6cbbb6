#include "report_json_writer.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "json_text.h"
#include "report_json.h"

namespace analyzer {
namespace {

using nlohmann::ordered_json;

// nlohmann's layout of `value`, as the report was written when it was a DOM.
std::string Dumped(const ordered_json& value) {
  std::string text = value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  EscapeJsonControls(&text);
  return text;
}

TEST_CASE("JsonWriter: lays a document out as nlohmann's dump(2)") {
  std::ostringstream out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("n").Uint(18446744073709551615ULL);
  w.Key("zero").Uint(0);
  w.Key("empty_object").BeginObject();
  w.EndObject();
  w.Key("empty_array").BeginArray();
  w.EndArray();
  w.Key("nested").BeginArray();
  w.BeginArray();
  w.EndArray();
  w.BeginObject();
  w.Key("t").Bool(true);
  w.Key("f").Bool(false);
  w.Key("null").Null();
  w.Key("none").StringOrNull("");
  w.EndObject();
  w.Strings({"a", "b\x1b"});
  w.EndArray();
  w.Key("time").Time(UtcTime{0});
  w.Key("no time").Time(UtcTime());
  w.EndObject();
  REQUIRE(w.Finish());
  const ordered_json expected = {
      {"n", 18446744073709551615ULL},
      {"zero", 0},
      {"empty_object", ordered_json::object()},
      {"empty_array", ordered_json::array()},
      {"nested",
       {ordered_json::array(),
        {{"t", true}, {"f", false}, {"null", nullptr}, {"none", nullptr}},
        {"a", "b\x1b"}}},
      {"time", "1970-01-01T00:00:00Z"},
      {"no time", nullptr}};
  CHECK(out.str() == Dumped(expected));
}

TEST_CASE("JsonWriter: a bare array and an empty document") {
  std::ostringstream out;
  JsonWriter w(out);
  w.BeginArray();
  w.Uint(1);
  w.String("two");
  w.EndArray();
  REQUIRE(w.Finish());
  CHECK(out.str() == "[\n  1,\n  \"two\"\n]\n");
}

TEST_CASE("JsonWriter: Finish is false when the stream fails") {
  std::ostream broken(nullptr);  // no buffer: every write fails
  JsonWriter w(broken);
  w.BeginObject();
  w.EndObject();
  CHECK_FALSE(w.Finish());
}

// ESC [ 2 J, then CSI 2 J (U+009B is ESC [ in one character, UTF-8 C2 9B).
const std::string kEvilLine = "failed \x1b[2J and \xc2\x9b"
                              "2J";

InventoryItem TextItem(std::string source) {
  InventoryItem item;
  item.source = std::move(source);
  item.kind = "file";
  item.bytes = 2;
  item.format = "generic";
  item.encoding = "utf-8";
  item.zone = "UTC";
  item.host = "AzS-XRP01";
  item.lines = item.records = 1;
  item.first = item.last = UtcTime{17636616000000000};
  return item;
}

// A report with every kind of field, hostile strings, and an inventory
// long enough to be written in several flushes.
struct Sample {
  Sample() {
    rules.digest = "sha256:00";
    InputSummary s;
    s.path = "bundle.zip";
    s.readable = true;
    for (int i = 0; i < 3000; ++i)
      s.inventory.push_back(TextItem("bundle.zip!/" + std::to_string(i) + ".log"));
    s.inventory.push_back(TextItem("bundle.zip!/bad\xff\xfe name\x1b[2J\xc2\x9b.log"));
    InventoryItem skipped;
    skipped.source = "bundle.zip!/inner.zip";
    skipped.status = EntryStatus::kSkipped;
    skipped.kind = "archive";
    skipped.reason = "nested too deep";
    s.inventory.push_back(skipped);
    s.problems.push_back({"bundle.zip!/x.log:3", "line cut"});
    inputs.push_back(s);
    Finding f;
    f.rule_id = "dns";
    f.rule_ids = {"dns"};
    f.error_code = "NetworkError";
    f.episodes.push_back({UtcTime{0}, UtcTime{1}, 2, {"AzS-XRP01"}, true});
    Evidence e;
    e.source = "bundle.zip!/b.log";
    e.line = 4;
    e.host = "AzS-XRP01";
    e.role = "occurrence";
    e.rule_id = "dns";
    e.text = kEvilLine;
    e.context = {"before", kEvilLine};
    e.context_index = 1;
    f.evidence.push_back(e);
    findings.incidents.push_back(f);
    findings.verdicts.push_back({"NetworkError", "found", ""});
    findings.verdicts.push_back({"LoginError", "not_evaluated", "no AzureBridge log"});
  }
  RuleSet rules;
  std::vector<InputSummary> inputs;
  Findings findings;
  ReportContext context{&rules, &inputs, &findings, "en"};
};

TEST_CASE("WriteJsonReport: the bytes nlohmann's dump gives for the same report") {
  const Sample sample;
  std::ostringstream out;
  REQUIRE(WriteJsonReport(sample.context, out));
  const std::string text = out.str();
  CHECK(text.size() > 3 * 64 * 1024);  // flushed several times
  CHECK(text == Dumped(ordered_json::parse(text)));
  CHECK(text == RenderJsonReport(sample.context));
}

TEST_CASE("WriteJsonReport: escape sequences in lines and member names are written \\u00xx") {
  const Sample sample;
  const std::string text = RenderJsonReport(sample.context);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("\xc2\x9b") == std::string::npos);
  CHECK(text.find(R"("text": "failed \u001b[2J and \u009b2J")") != std::string::npos);
  CHECK(text.find("bad\xEF\xBF\xBD\xEF\xBF\xBD name\\u001b[2J\\u009b.log") != std::string::npos);
  const auto report = ordered_json::parse(text);
  CHECK(report["findings"][0]["evidence"][0]["text"] == kEvilLine);
}

}  // namespace
}  // namespace analyzer
