#include "shard.h"

#include <doctest/doctest.h>

#include <string>

using namespace analyzer;

TEST_CASE("Fnv1a64 gives the published test vectors") {
  CHECK(Fnv1a64("") == 0xcbf29ce484222325ull);
  CHECK(Fnv1a64("a") == 0xaf63dc4c8601ec8cull);
  CHECK(Fnv1a64("foobar") == 0x85944171f73967e8ull);
}

TEST_CASE("ParseShard takes K/N with 1 <= K <= N") {
  ShardSpec s;
  std::string error;
  REQUIRE(ParseShard("2/3", &s, &error));
  CHECK(s.index == 2);
  CHECK(s.count == 3);
  for (const char* bad :
       {"0/3", "4/3", "3", "/3", "1/", "1/0", "a/b", "1/3x", "-1/3", " 1/3", ""}) {
    INFO(bad);
    CHECK_FALSE(ParseShard(bad, &s, &error));
    CHECK(error.find("--shard") != std::string::npos);
  }
}

TEST_CASE("every path falls in exactly one shard, whatever N") {
  for (uint64_t n : {1u, 2u, 3u, 7u}) {
    for (int i = 0; i < 200; ++i) {
      const std::string path = "bundles/AzureStackLogs-" + std::to_string(i) + ".zip";
      int owners = 0;
      for (uint64_t k = 1; k <= n; ++k) owners += InShard(path, ShardSpec{k, n});
      CHECK(owners == 1);
    }
  }
  CHECK(InShard("anything", ShardSpec{}));  // the default is everything
}
