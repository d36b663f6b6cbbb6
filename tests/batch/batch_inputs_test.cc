#include "batch_inputs.h"

#include <doctest/doctest.h>

#include "batch_test_support.h"

using namespace analyzer;

TEST_CASE("a directory is a bundle by its name, its transcript, or its role zips") {
  test::TempDir d;
  test::WriteFile(d / "AzureStackLogs-20261118093000-AZS-ERCS01/x.txt", "x");
  test::WriteFile(d / "unpacked1/Get-AzureStackLog_Output.log", "x");
  test::WriteFile(d / "unpacked2/AzureBridge-20261118093000-1.zip", "x");
  test::WriteFile(d / "many/nc-incident.zip", "x");  // a role's letters, but no timestamp
  test::WriteFile(d / "many/UsageBridge.zip", "x");
  CHECK(IsBundleDirectory(d / "AzureStackLogs-20261118093000-AZS-ERCS01"));
  CHECK(IsBundleDirectory(d / "AzureStackLogs-20261118093000-AZS-ERCS01/"));
  CHECK(IsBundleDirectory(d / "unpacked1"));
  CHECK(IsBundleDirectory(d / "unpacked2"));
  CHECK_FALSE(IsBundleDirectory(d / "many"));
}

TEST_CASE("a directory of bundles gives its archives and bundle directories, sorted") {
  test::TempDir d;
  test::WriteFile(d / "in/b.zip", "x");
  test::WriteFile(d / "in/a.tar.gz", "x");
  test::WriteFile(d / "in/notes.txt", "x");
  test::WriteFile(d / "in/AzureStackLogs-1/Get-AzureStackLog_Output.log", "x");
  test::WriteFile(d / "in/plain/c.zip", "x");  // not searched: one level only
  test::WriteFile(d / "empty/readme.md", "x");
  const BatchInputs in = ExpandBatchInputs({d / "in", d / "empty"});
  CHECK(in.paths ==
        std::vector<std::string>{d / "in/AzureStackLogs-1", d / "in/a.tar.gz", d / "in/b.zip"});
  REQUIRE(in.warnings.size() == 1);
  CHECK(in.warnings[0].find("no bundle") != std::string::npos);
  CHECK(in.errors.empty());
}

TEST_CASE("globs, lists and plain paths") {
  test::TempDir d;
  test::WriteFile(d / "g/x1.zip", "x");
  test::WriteFile(d / "g/x2.zip", "x");
  test::WriteFile(d / "list.txt", "# comment\n\n  " + d / "g/x2.zip" + "  \r\n" +
                                      d / "g/missing.zip" + "\n@nested\n");
  const BatchInputs in =
      ExpandBatchInputs({d / "g/x*.zip", "@" + d / "list.txt", d / "nomatch*.zip"});
  CHECK(in.paths == std::vector<std::string>{d / "g/x1.zip", d / "g/x2.zip", d / "g/missing.zip",
                                             "@nested", d / "nomatch*.zip"});
  CHECK(in.errors.empty());
  const BatchInputs bad = ExpandBatchInputs({"@" + d / "nolist.txt"});
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].find("cannot read") != std::string::npos);
}

TEST_CASE("archive names searched in a directory of bundles") {
  for (const char* yes : {"a.zip", "A.ZIP", "b.tar", "c.tar.gz", "d.tgz", "e.7z"})
    CHECK(IsBundleArchiveName(yes));
  for (const char* no : {"a.log", "a.gz", ".zip", "zip", "a.zip.txt"})
    CHECK_FALSE(IsBundleArchiveName(no));
}
