#!/usr/bin/env bash
# Performance benchmark of the analyzer against the baselines of the
# performance issue, as ratios measured in one invocation (machines here are
# noisy: absolute times mean little, ratios in the same run mean more).
#
#   bash tests/bench/run_bench.sh [SIZE]      # SIZE of text logs, default 1G
#
# Builds in Release, generates the bundles with the sample generator
# (--size), and prints one table: median wall time and peak RSS of each
# command, and the ratios against the targets. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-1G}
runs=${BENCH_RUNS:-3}
work=${BENCH_DIR:-/tmp/analyzer-bench}
mkdir -p "$work"

bash .ci/install-deps
need=()
for p in hyperfine ripgrep libarchive-tools time; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-release --target analyzer sample_generator >/dev/null
bin=build-release/analyzer/analyzer
gen=build-release/samples/sample_generator

bundle() {  # bundle SIZE -> path (generated once)
  local f="$work/large-$1.zip"
  [ -f "$f" ] || "$gen" --scenario large --size "$1" --out "$f"
  echo "$f"
}
unpacked() {  # the role zips of a bundle, extracted once (not timed)
  local d="$work/unpacked-$1"
  if [ ! -d "$d" ]; then mkdir -p "$d" && bsdtar -xf "$(bundle "$1")" -C "$d"; fi
  echo "$d"
}

main=$(bundle "$size")
roles=$(unpacked "$size")
"$bin" rules needles > "$work/needles.txt"

# Extra match rules that hit nothing, to see the cost of rule count.
extra_pack() {  # extra_pack N DIR
  mkdir -p "$2"
  python3 - "$1" "$2/extra.json" <<'PY'
import json, sys
n, path = int(sys.argv[1]), sys.argv[2]
rules = [{"id": f"extra.{i}", "kind": "match",
          "pattern": f"(?i)synthetic failure marker {i:05d}: (\\w+) refused",
          "examples": {"match": [f"synthetic failure marker {i:05d}: x refused"], "no_match": ["nothing"]}}
         for i in range(n)]
json.dump({"pack": "bench-extra", "rules": rules}, open(path, "w"))
PY
}
extra_pack 0 "$work/rules-20"; rm -f "$work/rules-20/extra.json"
extra_pack 480 "$work/rules-500"

hf() {  # hf NAME COMMAND -> median seconds into $work/NAME.json
  hyperfine --runs "$runs" --warmup 1 --style none --export-json "$work/$1.json" "$2" >/dev/null 2>&1
}
rss() {  # rss COMMAND -> peak RSS in MiB
  /usr/bin/time -f "%M" bash -c "$1" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'
}

role_list=$(ls "$roles"/*/*.zip | tr '\n' ' ')
sleep 20  # let the build's and the generator's load settle, then note what is left
load_before=$(cut -d' ' -f1 /proc/loadavg)
hf bsdtar "for z in $role_list; do bsdtar -xOf \$z; done > /dev/null"
hf pipeline "for z in $role_list; do bsdtar -xOf \$z; done | rg -c -i -F -f $work/needles.txt"
hf scan "$bin scan $main -q"
hf scan1 "$bin scan $main -q --threads 1"
hf scan500 "$bin scan $main -q --rules $work/rules-500"
small=$(bundle 256M)
hf scan_small "$bin scan $small -q"

rss_main=$(rss "$bin scan $main -q")
rss_4g=""
if [ "${BENCH_4G:-0}" = 1 ]; then big=$(bundle 4G); rss_4g=$(rss "$bin scan $big -q"); fi

python3 - "$work" "$size" "$rss_main" "$rss_4g" "$load_before" <<'PY'
import json, sys, statistics, platform, os
work, size, rss_main, rss_4g, load_before = sys.argv[1:6]
def result(name):
    return json.load(open(f"{work}/{name}.json"))["results"][0]
def med(name):
    return statistics.median(result(name)["times"])
names = ["bsdtar", "pipeline", "scan", "scan1", "scan500", "scan_small"]
m = {k: med(k) for k in names}
cpu = {k: result(k)["user"] + result(k)["system"] for k in names}
print(f"machine: {platform.node()} {os.cpu_count()} cores, load before timing {load_before}; bundle: large --size {size}")
print(f"{'command':<44}{'median wall s':>14}{'mean CPU s':>12}")
for k, label in [("bsdtar", "bsdtar -xOf (sum over role zips)"), ("pipeline", "bsdtar | rg -c -i -F -f needles"),
                 ("scan", "analyzer scan"), ("scan1", "analyzer scan --threads 1"),
                 ("scan500", "analyzer scan, 500 match rules"), ("scan_small", "analyzer scan, 256M bundle")]:
    print(f"{label:<44}{m[k]:>14.2f}{cpu[k]:>12.2f}")
if float(load_before) > 0.5:
    print(f"note: other work was running (load {load_before}): the parallel scan's wall time suffers first")
print()
def row(what, value, target, ok):
    print(f"{what:<52}{value:>10}  target {target:<10}{'ok' if ok else 'MISSED'}")
r1 = m["scan"] / m["bsdtar"]; r2 = m["scan"] / m["pipeline"]; r3 = m["scan500"] / m["scan"]
row("scan / bsdtar", f"{r1:.2f}", "<= 0.75", r1 <= 0.75)
row("scan / (bsdtar | rg)", f"{r2:.2f}", "<= 0.50", r2 <= 0.5)
row("scan 500 rules / scan 20 rules", f"{r3:.2f}", "<= 1.20", r3 <= 1.2)
lin = (m["scan"] / m["scan_small"]) / 4.0
row("linearity: (t 1G / t 256M) / 4", f"{lin:.2f}", "~1.0", 0.8 <= lin <= 1.25)
row("peak RSS, MiB", rss_main, "<= 128", int(rss_main) <= 128)
if rss_4g:
    row("peak RSS 4G / 1G", f"{int(rss_4g)/int(rss_main):.2f}", "<= 1.10", int(rss_4g) <= 1.1 * int(rss_main))
PY
