#!/usr/bin/env bash
# Throughput of `analyzer batch` with -j 1 against -j 2 (or -j J): eight
# copies of one generated medium bundle (the generator has no seed option, so
# the copies differ only by name), each setting timed REPEATS times with
# /usr/bin/time, medians and their ratio printed. Not run by ctest.
#
#   tests/bench/batch_scaling.sh [BUILD_DIR] [COPIES] [SIZE] [REPEATS] [J]
#   tests/bench/batch_scaling.sh build 8 64M 5 2
#
# On a shared or busy machine, prefer more repeats: the medians resist a
# noisy run, the means would not.
set -euo pipefail

build=${1:-build}
copies=${2:-8}
size=${3:-64M}
repeats=${4:-3}
jobs=${5:-2}
analyzer="$build/analyzer/analyzer"
generator="$build/samples/sample_generator"
for tool in "$analyzer" "$generator" /usr/bin/time; do
  [[ -x $tool ]] || { echo "batch_scaling: $tool not found (build first; apt-get install time)" >&2; exit 2; }
done

work=${BATCH_BENCH_DIR:-${TMPDIR:-/tmp}/batch_scaling}
mkdir -p "$work/in"
bundle="$work/large-$size.zip"
if [[ ! -s $bundle ]]; then
  echo "generating a $size bundle..." >&2
  "$generator" --scenario large --size "$size" --out "$bundle"
fi
for i in $(seq 1 "$copies"); do
  [[ -s $work/in/b$i.zip ]] || cp "$bundle" "$work/in/b$i.zip"
done
in_bytes=$(du -cb "$work"/in/*.zip | tail -1 | cut -f1)

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

run() {  # run J: "wall cpu" seconds of one batch (cpu = user + system)
  local j=$1 out="$work/out-j$1"
  rm -rf "$out"
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$analyzer" batch "$work/in" --out "$out" -j "$j" -q >/dev/null ||
    [[ $? -le 1 ]]
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/time"
}

declare -A times
for r in $(seq 1 "$repeats"); do
  for j in 1 "$jobs"; do
    read -r t cpu < <(run "$j")
    times[$j]+="$t "
    echo "run $r: -j $j: ${t}s wall, ${cpu}s cpu, load $(cut -d' ' -f1 /proc/loadavg)" >&2
  done
done
m1=$(tr ' ' '\n' <<<"${times[1]}" | grep . | median)
mj=$(tr ' ' '\n' <<<"${times[$jobs]}" | grep . | median)
diff -r "$work/out-j1" "$work/out-j$jobs" >/dev/null && same=identical || same=DIFFERENT
awk -v m1="$m1" -v mj="$mj" -v j="$jobs" -v n="$copies" -v b="$in_bytes" -v same="$same" 'BEGIN {
  printf "bundles: %d x %.0f MB on disk\n", n, b / n / 1e6
  printf "-j 1: median %.2f s (%.1f MB/s)\n", m1, b / m1 / 1e6
  printf "-j %d: median %.2f s (%.1f MB/s)\n", j, mj, b / mj / 1e6
  printf "scaling -j %d / -j 1: %.2fx; outputs %s\n", j, m1 / mj, same
}'
