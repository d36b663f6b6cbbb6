#include "json_file.h"

#include <doctest/doctest.h>

#include "archive_builder.h"

namespace analyzer {
namespace {

// "line:col" of the value at `pointer` in `text`.
std::string At(const std::string& text, const std::string& pointer) {
  int line = 0, col = 0;
  LineCol(text, LocatePointer(text, pointer), &line, &col);
  return std::to_string(line) + ":" + std::to_string(col);
}

const std::string kFormat = R"({
  // a comment with "quotes", {braces} and [brackets]
  "name": "ece",  /* a block
     comment */
  "samples": [
    {"line": "a"},
    {"line": "b", "time": "x"}
  ],
  "a/b": {"c~d": 1}
})";

TEST_CASE("json_file: LineCol counts from 1") {
  int line = 0, col = 0;
  LineCol("ab\ncd", 0, &line, &col);
  CHECK((line == 1 && col == 1));
  LineCol("ab\ncd", 4, &line, &col);
  CHECK((line == 2 && col == 2));
}

TEST_CASE("json_file: LocatePointer finds values past comments") {
  CHECK(At(kFormat, "") == "1:1");
  CHECK(At(kFormat, "/name") == "3:11");
  CHECK(At(kFormat, "/samples") == "5:14");
  CHECK(At(kFormat, "/samples/0") == "6:5");
  CHECK(At(kFormat, "/samples/0/line") == "6:14");
  CHECK(At(kFormat, "/samples/1/time") == "7:27");
  CHECK(At(kFormat, "/a~1b/c~0d") == "9:18");  // "~1" is '/', "~0" is '~'
}

TEST_CASE("json_file: LocatePointer falls back to the closest enclosing value") {
  CHECK(At(kFormat, "/samples/7") == "5:14");
  CHECK(At(kFormat, "/samples/1/level") == "7:5");
  CHECK(At(kFormat, "/missing") == "1:1");
  CHECK(At(kFormat, "/name/deeper") == "3:11");
}

TEST_CASE("json_file: strings that look like comments or hold escaped quotes are skipped") {
  const std::string text = R"({"url": "http://x/*y*/", "a\"b": [1, "]"], "n": 2})";
  CHECK(At(text, "/n") == "1:49");
  CHECK(text.substr(LocatePointer(text, "/n"), 1) == "2");
  CHECK(text.substr(LocatePointer(text, "/a\"b/1"), 3) == "\"]\"");
}

TEST_CASE("json_file: Parse allows comments and Where names file:line:col") {
  JsonFile f;
  std::string error;
  REQUIRE_MESSAGE(f.Parse("rules/formats/ece.json", kFormat, &error), error);
  CHECK(f.value["name"] == "ece");
  CHECK(f.value["samples"].size() == 2);
  CHECK(f.Where("/samples/1/time") == "rules/formats/ece.json:7:27");
}

TEST_CASE("json_file: a syntax error is reported as path:line:col") {
  JsonFile f;
  std::string error;
  CHECK_FALSE(f.Parse("broken.json", "{\n  \"a\": 1,\n  \"b\": ]\n}", &error));
  CHECK(error.rfind("broken.json:3:8: invalid JSON", 0) == 0);
}

TEST_CASE("json_file: Load reads from disk, and says when it cannot") {
  test::TempDir dir;
  const std::string path = dir.Write("f.json", "// leading comment\n{\"k\": [true]}\n");
  JsonFile f;
  std::string error;
  REQUIRE_MESSAGE(f.Load(path, &error), error);
  CHECK(f.path == path);
  CHECK(f.value["k"][0] == true);
  CHECK(f.Where("/k/0") == path + ":2:8");

  CHECK_FALSE(f.Load(dir.path() + "/missing.json", &error));
  CHECK(error == dir.path() + "/missing.json: cannot open: no such file");
}

}  // namespace
}  // namespace analyzer
