#include "shard.h"

#include <charconv>

namespace analyzer {
namespace {

bool ParseCount(std::string_view text, uint64_t* out) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end;
}

}  // namespace

uint64_t Fnv1a64(std::string_view data) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

bool ParseShard(std::string_view text, ShardSpec* out, std::string* error) {
  const size_t slash = text.find('/');
  ShardSpec spec;
  if (slash == std::string_view::npos || !ParseCount(text.substr(0, slash), &spec.index) ||
      !ParseCount(text.substr(slash + 1), &spec.count) || spec.count == 0 || spec.index == 0 ||
      spec.index > spec.count) {
    *error = "--shard '" + std::string(text) + "' is not K/N with 1 <= K <= N (e.g. 2/3)";
    return false;
  }
  *out = spec;
  return true;
}

bool InShard(std::string_view path, const ShardSpec& spec) {
  return Fnv1a64(path) % spec.count == spec.index - 1;
}

}  // namespace analyzer
