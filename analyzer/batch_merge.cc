#include "batch_merge.h"

#include <set>

namespace analyzer {
namespace {

// What must be equal in every part, or "" when it is.
std::string Mismatch(const BatchSummary& a, const BatchSummary& b) {
  if (a.tool_version != b.tool_version)
    return "analyzer version " + b.tool_version + " vs " + a.tool_version;
  if (a.rules_digest != b.rules_digest) return "rules " + b.rules_digest + " vs " + a.rules_digest;
  if (a.lang != b.lang) return "--lang " + b.lang + " vs " + a.lang;
  if (!(a.settings == b.settings)) return "--assume-tz, --from, --to or --episode-gap";
  if (a.sharded != b.sharded) return "a sharded and an unsharded batch";
  if (a.sharded && (a.shard.count != b.shard.count || a.inputs_total != b.inputs_total))
    return "shards of different batches (count or number of inputs)";
  return "";
}

bool PlainFileName(const std::string& name) {
  return name.empty() || (name.find('/') == std::string::npos &&
                          name.find('\\') == std::string::npos && name != "." && name != "..");
}

bool CheckShards(const std::vector<BatchSummary>& parts, const std::vector<std::string>& origins,
                 std::string* error) {
  std::set<uint64_t> seen;
  for (size_t i = 0; i < parts.size(); ++i)
    if (!seen.insert(parts[i].shard.index).second)
      return *error =
                 origins[i] + ": shard " + std::to_string(parts[i].shard.index) + " given twice",
             false;
  const uint64_t n = parts.front().shard.count;
  for (uint64_t k = 1; k <= n; ++k)
    if (!seen.count(k))
      return *error = "shard " + std::to_string(k) + "/" + std::to_string(n) + " is missing", false;
  return true;
}

}  // namespace

bool MergeSummaries(std::vector<BatchSummary> parts, const std::vector<std::string>& origins,
                    BatchSummary* out, std::string* error) {
  if (parts.empty()) return *error = "nothing to merge", false;
  for (size_t i = 1; i < parts.size(); ++i)
    if (std::string m = Mismatch(parts[0], parts[i]); !m.empty())
      return *error = origins[i] + ": not from the same batch as " + origins[0] + ": " + m, false;
  if (parts[0].sharded && !CheckShards(parts, origins, error)) return false;
  BatchSummary merged = parts[0];
  merged.bundles.clear();
  merged.sharded = false;
  merged.shard = ShardSpec();
  std::set<std::string> names;
  for (size_t i = 0; i < parts.size(); ++i)
    for (BundleSummary& b : parts[i].bundles) {
      if (!names.insert(b.name).second)
        return *error = origins[i] + ": bundle " + b.name + " appears twice", false;
      if (!PlainFileName(b.json_report) || !PlainFileName(b.html_report))
        return *error =
                   origins[i] + ": bundle " + b.name + ": report names must be plain file names",
               false;
      merged.bundles.push_back(std::move(b));
    }
  if (!parts[0].sharded)
    merged.inputs_total = merged.bundles.size();
  else if (merged.bundles.size() != merged.inputs_total)
    return *error = "the shards hold " + std::to_string(merged.bundles.size()) +
                    " bundles, the batch had " + std::to_string(merged.inputs_total),
           false;
  SortBundlesByName(&merged.bundles);
  *out = std::move(merged);
  return true;
}

}  // namespace analyzer
