#include "batch_names.h"

#include <doctest/doctest.h>

using namespace analyzer;

TEST_CASE("the base name is the file name without its archive extension, made safe") {
  CHECK(BundleBaseName("in/AzureStackLogs-20261118.zip") == "AzureStackLogs-20261118");
  CHECK(BundleBaseName("a/b.tar.gz") == "b");
  CHECK(BundleBaseName("a/b.TGZ") == "b");
  CHECK(BundleBaseName("b.7z") == "b");
  CHECK(BundleBaseName("bridge.log") == "bridge");
  CHECK(BundleBaseName("noext") == "noext");
  CHECK(BundleBaseName("my bundle (1).zip") == "my_bundle__1_");
  CHECK(BundleBaseName(".hidden.zip") == "_hidden");
  CHECK(BundleBaseName("caf\xc3\xa9.zip") == "caf__");
  CHECK(BundleBaseName("/work/main/samples/bundles/") ==
        "bundles");  // a directory keeps its whole name
}

TEST_CASE("names are unique over the list, ignoring case, and reserved names are avoided") {
  const auto names = UniqueBundleNames(
      {"x/mixed.zip", "y/mixed.zip", "z/MIXED.tgz", "a.zip", "summary.zip", "index.tgz"});
  REQUIRE(names.size() == 6);
  CHECK(names[0].rfind("mixed-", 0) == 0);
  CHECK(names[0].size() == std::string("mixed-").size() + 8);
  CHECK(names[1].rfind("mixed-", 0) == 0);
  CHECK(names[0] != names[1]);
  CHECK(names[2].rfind("MIXED-", 0) == 0);
  CHECK(names[3] == "a");
  CHECK(names[4].rfind("summary-", 0) == 0);
  CHECK(names[5].rfind("index-", 0) == 0);
  // Deterministic and independent of the other paths' order.
  const auto again = UniqueBundleNames({"y/mixed.zip", "x/mixed.zip"});
  CHECK(again[0] == names[1]);
  CHECK(again[1] == names[0]);
}

TEST_CASE("a collision left after hashing is numbered") {
  // The same base name and the same path hash cannot both happen for
  // distinct paths in practice; a repeated path shows the last resort.
  const auto names = UniqueBundleNames({"x/a.zip", "x/a.zip"});
  CHECK(names[0] != names[1]);
  CHECK(names[1] == names[0] + "-2");
}
