#!/bin/sh
# Rebuilds the committed samples (bundles/<scenario>.zip, expected/<scenario>.truth.json)
# with a built generator. Every scenario except 'large' (a benchmark input, never committed).
#
#   samples/regenerate.sh [path/to/sample_generator]
#
# Without an argument the generator is looked for in build/samples/ (top-level build).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
gen=${1:-$here/../build/samples/sample_generator}
if [ ! -x "$gen" ]; then
  echo "regenerate.sh: no generator at $gen; build it (cmake --build build --target sample_generator)" >&2
  echo "usage: $0 [path/to/sample_generator]" >&2
  exit 1
fi
mkdir -p "$here/bundles" "$here/expected"
for name in $("$gen" --list); do
  [ "$name" = large ] && continue
  "$gen" --scenario "$name" --out "$here/bundles/$name.zip" --truth "$here/expected/$name.truth.json"
done
echo "regenerated $(ls "$here/bundles" | wc -l) bundles in $here/bundles"
