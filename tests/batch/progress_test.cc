#include "progress.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace analyzer;

TEST_CASE("the progress line: done/total, throughput, time left") {
  CHECK(ProgressLine(0, 8, 0, 800'000'000, 0.0) == "analyzer: 0/8 bundles");
  CHECK(ProgressLine(2, 8, 200'000'000, 800'000'000, 4.0) ==
        "analyzer: 2/8 bundles, 50.0 MB/s, ETA 0:12");
  CHECK(ProgressLine(8, 8, 800'000'000, 800'000'000, 16.0) == "analyzer: 8/8 bundles, 50.0 MB/s");
  CHECK(ProgressLine(1, 3, 1'000'000, 1'000'000'000'000, 1.0).find("ETA 277:46:39") !=
        std::string::npos);
}

TEST_CASE("a progress display redraws in place and ends its line; a disabled one prints nothing") {
  std::ostringstream out;
  {
    Progress p(&out, 2, 10);
    p.Done(5);
    p.Done(5);
    p.Finish();
  }
  const std::string s = out.str();
  CHECK(s.rfind("\ranalyzer: 0/2 bundles", 0) == 0);
  CHECK(s.find("\ranalyzer: 2/2 bundles") != std::string::npos);
  CHECK(s.back() == '\n');
  Progress off(nullptr, 2, 10);
  off.Done(1);
  off.Finish();
}
