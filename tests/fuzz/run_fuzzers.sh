#!/usr/bin/env bash
# Builds the fuzz targets with clang (libFuzzer, ASan + UBSan) and runs each
# one for SECONDS (default 600), JOBS targets at a time (default 2), each
# starting from the committed seed corpus plus a scratch corpus of what it
# finds. Crashes land in the log directory as crash-*/timeout-*/oom-* files:
# add each to tests/fuzz/corpus/<target>/ with its fix.
#
#   tests/fuzz/run_fuzzers.sh [SECONDS] [TARGET...]
# Environment: BUILD_DIR (default build-fuzz), LOG_DIR (default
# $BUILD_DIR/fuzz-logs), JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(bundle_reader record_splitter timestamps format_loader rule_loader zip_directory)
root="$(pwd)"
build="$(realpath -m "${BUILD_DIR:-build-fuzz}")"
logs="$(realpath -m "${LOG_DIR:-$build/fuzz-logs}")"
jobs="${JOBS:-2}"
command -v clang++ >/dev/null || { echo "run_fuzzers: clang++ is needed (apt-get install clang libfuzzer-14-dev)" >&2; exit 2; }
cmake -S . -B "$build" -G Ninja -DANALYZER_FUZZ=ON -DANALYZER_SAMPLES=OFF \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target $(printf 'fuzz_%s ' "${targets[@]}")
mkdir -p "$logs"

run_one() {
  local t="$1" work="$logs/$1"
  mkdir -p "$work/corpus"
  # -rss_limit_mb: the analyzer promises bounded memory; -timeout: no hangs.
  local rc=0
  ( cd "$work" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 corpus "$root/tests/fuzz/corpus/$t" ) >"$work/log.txt" 2>&1 || rc=$?
  local execs
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log.txt" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz_$t: exit $rc, $execs executions, crashes: $(ls "$work" | grep -cE '^(crash|timeout|oom|leak)-' || true)"
  return $rc
}

status=0
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || status=1; running=$((running - 1)); fi
done
while [ "$running" -gt 0 ]; do wait -n || status=1; running=$((running - 1)); done
exit $status
