// Replays the committed corpus (tests/fuzz/corpus/<target>/*) through each
// fuzz target's body, so a past crash stays fixed in every build, with or
// without clang and libFuzzer. Under -DANALYZER_SANITIZE=ON the replay
// runs with ASan and UBSan as the fuzzers do.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_targets.h"

namespace {

std::vector<std::filesystem::path> CorpusFiles(const std::string& target) {
  std::vector<std::filesystem::path> files;
  const std::filesystem::path dir = std::filesystem::path(FUZZ_CORPUS_DIR) / target;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("fuzz corpus replays without a crash") {
  for (const fuzz::Target& target : fuzz::kTargets) {
    SUBCASE(target.name) {
      const auto files = CorpusFiles(target.name);
      CHECK_MESSAGE(!files.empty(), "no seed corpus for ", target.name);
      for (const auto& f : files) {
        INFO(f.string());
        const std::string bytes = ReadAll(f);
        CHECK(target.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()) == 0);
      }
    }
  }
}
