#!/bin/sh
# Checks that the generator is deterministic and that the committed samples are what it
# writes today: generates every committed scenario twice into a temporary directory and
# compares both runs, byte for byte, with each other and with bundles/ and expected/.
# Exit status 0 when all match; suitable as a test.
#
#   samples/check_samples.sh [path/to/sample_generator]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
gen=${1:-$here/../build/samples/sample_generator}
[ -x "$gen" ] || { echo "usage: $0 [path/to/sample_generator]" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for name in $("$gen" --list); do
  [ "$name" = large ] && continue
  for run in 1 2; do
    "$gen" --scenario "$name" --out "$tmp/$name.$run.zip" --truth "$tmp/$name.$run.truth.json"
  done
  for ext in zip truth.json; do
    committed=$here/bundles/$name.zip
    [ "$ext" = truth.json ] && committed=$here/expected/$name.truth.json
    cmp -s "$tmp/$name.1.$ext" "$tmp/$name.2.$ext" || { echo "not deterministic: $name.$ext"; status=1; }
    cmp -s "$tmp/$name.1.$ext" "$committed" || { echo "differs from the committed file: $committed"; status=1; }
  done
done
[ $status -eq 0 ] && echo "samples: deterministic and up to date"
exit $status
