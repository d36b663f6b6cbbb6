// BatchMerge: joins the summaries of a sharded batch (or of separate batches)
// into the summary of one batch over all their bundles: the same summary a
// single run over every input gives, so the roll-up rendered from it is
// identical too.
//
//   BatchSummary merged;
//   if (!MergeSummaries(parts, origins, &merged, &error)) ...
//
// Refuses, with a message naming the file, what would not give that:
// summaries of different tool versions, rule digests, languages or
// settings; a mix of sharded and unsharded summaries; shards of different
// counts or batches, a shard given twice or missing; a bundle name present
// twice; report file names that are not plain names.
#pragma once

#include <string>
#include <vector>

#include "batch_summary.h"

namespace analyzer {

// `origins[i]` names parts[i] in messages ("out-1/summary.json").
bool MergeSummaries(std::vector<BatchSummary> parts, const std::vector<std::string>& origins,
                    BatchSummary* out, std::string* error);

}  // namespace analyzer
