#include "log_format.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "archive_builder.h"

namespace analyzer {
namespace {

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// A rules/ tree in a temp dir: the shipped schema plus the given formats.
struct RulesDir {
  test::TempDir dir;
  RulesDir() {
    std::ifstream in(ANALYZER_RULES_DIR "/schema/log-format.schema.json");
    std::stringstream schema;
    schema << in.rdbuf();
    dir.Write("schema/log-format.schema.json", schema.str());
    std::filesystem::create_directories(dir.path() + "/formats");
  }
  std::string formats() const { return dir.path() + "/formats"; }
};

// Builds a format from inline JSON; returns the errors, one per line.
std::string Build(const std::string& json_text, LogFormat* f) {
  JsonFile file;
  std::string error;
  if (!file.Parse("inline.json", json_text, &error)) return error;
  std::vector<std::string> errors;
  BuildFormat(file, f, &errors);
  return Joined(errors);
}

TEST_CASE("log_format: every shipped format loads, passes the schema and its samples") {
  std::vector<std::string> errors;
  const auto formats = LoadFormats(ANALYZER_RULES_DIR "/formats", &errors);
  CHECK_MESSAGE(errors.empty(), Joined(errors));

  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(ANALYZER_RULES_DIR "/formats"))
    files += e.path().extension() == ".json";
  CHECK(formats.size() == files);
  CHECK(files >= 7);

  int fallbacks = 0;
  for (const auto& f : formats) {
    CAPTURE(f->name);
    std::vector<std::string> sample_errors;
    CheckSamples(*f, &sample_errors);
    CHECK_MESSAGE(sample_errors.empty(), Joined(sample_errors));
    CHECK_FALSE(f->samples.empty());
    CHECK_FALSE(f->timestamp_formats.empty());
    if (f->kind == LogFormat::Kind::kRegex) CHECK(f->timestamp_group > 0);
    fallbacks += f->fallback;
  }
  CHECK(fallbacks == 1);
}

TEST_CASE("log_format: BuildFormat reads fields, groups and samples") {
  LogFormat f;
  CHECK(Build(R"j({
    "name": "mini", "priority": 3, "globs": ["*.mini"], "zone": "utc", "multiline": false,
    "regex": "(?P<timestamp>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) (?P<level>\\w+) (?P<message>.*)",
    "timestamp_formats": ["%Y-%m-%d %H:%M:%S"],
    "samples": [{"line": "2026-11-18 09:12:04 Error boom", "time": "2026-11-18T09:12:04Z",
                 "level": "error", "message": "boom"}],
    "non_starting_samples": ["   at X.Y()"]
  })j", &f) == "");
  CHECK(f.name == "mini");
  CHECK(f.file == "inline.json");
  CHECK(f.priority == 3);
  CHECK(f.globs == std::vector<std::string>{"*.mini"});
  CHECK(f.zone == LogFormat::Zone::kUtc);
  CHECK_FALSE(f.multiline);
  CHECK(f.timestamp_group == 1);
  CHECK(f.level_group == 2);
  CHECK(f.message_group == 3);
  CHECK(f.component_group == 0);
  CHECK(f.samples.size() == 1);
  CHECK(f.non_starting_samples == std::vector<std::string>{"   at X.Y()"});
  std::vector<std::string> errors;
  CheckSamples(f, &errors);
  CHECK(errors.empty());
}

TEST_CASE("log_format: a regex RE2 refuses is reported at its file:line:col") {
  LogFormat f;
  CHECK(Build("{\n  \"name\": \"bad\",\n  \"regex\": \"(?<=x)(?P<timestamp>y)\",\n"
              "  \"timestamp_formats\": [\"%Y\"],\n  \"samples\": [{\"line\": \"y\", \"time\": \"\"}]\n}",
              &f)
            .rfind("inline.json:3:12: regex does not compile under RE2", 0) == 0);
}

TEST_CASE("log_format: an unknown timestamp token and missing samples are reported") {
  LogFormat f;
  const std::string errors = Build(R"j({"name": "x", "regex": "(?P<timestamp>.*)",
    "timestamp_formats": ["%Y", "%Q"]})j", &f);
  CHECK(errors.find("inline.json:2:33: unknown token in timestamp format \"%Q\"") != std::string::npos);
  CHECK(errors.find("inline.json:1:1: format \"x\" has no samples") != std::string::npos);
}

TEST_CASE("log_format: CheckSamples reports every way a sample can fail") {
  LogFormat f;
  REQUIRE(Build(R"j({"name": "s",
    "regex": "(?P<timestamp>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z) (?P<level>\\w+) (?P<message>.*)",
    "timestamp_formats": ["%Y-%m-%dT%H:%M:%SZ"],
    "samples": [
      {"line": "no time here", "time": ""},
      {"line": "2026-11-18T09:12:04Z Error boom", "time": "2026-11-18T09:00:00Z", "level": "warning",
       "message": "bang"}
    ],
    "non_starting_samples": ["2026-11-18T09:12:04Z Info starts a record"]
  })j", &f) == "");
  std::vector<std::string> errors;
  CheckSamples(f, &errors);
  CHECK(Joined(errors) ==
        "inline.json: format \"s\": sample \"no time here\": does not start a record\n"
        "inline.json: format \"s\": sample \"2026-11-18T09:12:04Z Error boom\": time is "
        "\"2026-11-18T09:12:04Z\", expected \"2026-11-18T09:00:00Z\"\n"
        "inline.json: format \"s\": sample \"2026-11-18T09:12:04Z Error boom\": level is \"error\"\n"
        "inline.json: format \"s\": sample \"2026-11-18T09:12:04Z Error boom\": message is \"boom\"\n"
        "inline.json: format \"s\": \"2026-11-18T09:12:04Z Info starts a record\" must not start a record\n");
}

TEST_CASE("log_format: LoadFormats refuses broken files with file:line:col and keeps the good ones") {
  RulesDir rules;
  rules.dir.Write("formats/a-good.json", R"j({"name": "good", "regex": "(?P<timestamp>\\d{4})",
    "timestamp_formats": ["%Y"], "samples": [{"line": "2026", "time": "2026-01-01T00:00:00Z"}]})j");
  rules.dir.Write("formats/b-schema.json", "{\n  \"name\": \"schema-bad\",\n  \"priority\": \"high\",\n"
                                           "  \"samples\": [{\"line\": \"x\", \"time\": \"\"}]\n}");
  rules.dir.Write("formats/c-syntax.json", "{\n  \"name\": \"oops\",\n  \"samples\": [\n}");
  rules.dir.Write("formats/notes.txt", "not a format");
  std::vector<std::string> errors;
  const auto formats = LoadFormats(rules.formats(), &errors);
  REQUIRE(formats.size() == 1);
  CHECK(formats[0]->name == "good");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == rules.formats() + "/b-schema.json:3:15: must be of type integer");
  CHECK(errors[1].rfind(rules.formats() + "/c-syntax.json:4:1: invalid JSON", 0) == 0);
}

TEST_CASE("log_format: LoadFormats says when the schema is missing") {
  test::TempDir dir;
  dir.Write("formats/x.json", "{}");
  std::vector<std::string> errors;
  CHECK(LoadFormats(dir.path() + "/formats", &errors).empty());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("the log-format schema is needed") != std::string::npos);
}

}  // namespace
}  // namespace analyzer
