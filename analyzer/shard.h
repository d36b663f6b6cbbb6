// Shard: a stable share of a batch's inputs, so that N machines (a CI
// matrix, a Kubernetes Indexed Job) can each analyze part of the bundles and
// `analyzer merge` can join their outputs.
//
//   ShardSpec spec;
//   std::string error;
//   if (!ParseShard("2/3", &spec, &error)) ...;
//   bool mine = InShard("bundles/a.zip", spec);
//
// An input belongs to shard K of N when Fnv1a64(path) % N == K - 1, where
// `path` is the input path string exactly as the batch expanded it (so every
// shard must be given the same inputs from the same working directory). The
// hash is fixed (FNV-1a, 64 bits): the share of an input never depends on
// the machine, the run, or the other inputs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace analyzer {

// FNV-1a, 64 bits, over the bytes of `data`. Pure; linear in the input.
uint64_t Fnv1a64(std::string_view data);

struct ShardSpec {
  uint64_t index = 1;  // K, 1-based
  uint64_t count = 1;  // N; 1 = everything
};

// Parses "K/N" with 1 <= K <= N. On failure returns false and sets *error.
bool ParseShard(std::string_view text, ShardSpec* out, std::string* error);

// True when `path` belongs to `spec`'s share.
bool InShard(std::string_view path, const ShardSpec& spec);

}  // namespace analyzer
