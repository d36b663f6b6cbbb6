#!/usr/bin/env bash
# Regenerates tests/cli/expected/ from the built analyzer. Review the diff
# like code: a changed expected report is a changed behaviour.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${ANALYZER_BIN:-build/analyzer/analyzer}
for truth in samples/expected/*.truth.json; do
  name=$(basename "$truth" .truth.json)
  "$bin" scan "samples/bundles/$name.zip" --json "tests/cli/expected/$name.report.json" -q
done
"$bin" records samples/bundles/network-dns.zip --from 2026-11-18T07:00:00Z --to 2026-11-18T07:06:00Z \
  > tests/cli/expected/network-dns.records.jsonl
echo "updated: $(ls tests/cli/expected | wc -l) files"
